import * as z from 'zod';
import mdp2022 from './mdp-2022.json' with { type: 'json' };
import mdp2027 from './mdp-2027.json' with { type: 'json' };
import indicatorData from './indicators.json' with { type: 'json' };
import provinceData from './province-codes.json' with { type: 'json' };
import type { CommunePlan } from '../plans/plan.ts';

const AreaLines = z.object({ rural: z.number().positive(), urban: z.number().positive() });

/** A versioned poverty standard (chuẩn nghèo đa chiều), chosen by the review year. */
export const RulePack = z.object({
  id: z.string(),
  legalBasis: z.string(),
  years: z.object({ from: z.number().int(), to: z.number().int() }),
  /** Income line in đồng per person per month. */
  incomeLine: AreaLines,
  /** B1 score line (income by points). */
  b1Line: AreaLines,
  b2PointsPerIndicator: z.number().int().positive(),
  poorMinDeprivations: z.number().int().positive(),
  newlyEscapedMonths: z.number().int().positive(),
});
export type RulePack = z.infer<typeof RulePack>;

export const RULE_PACKS: readonly RulePack[] = [RulePack.parse(mdp2022), RulePack.parse(mdp2027)];
export const RULE_PACK_IDS = RULE_PACKS.map((p) => p.id);

export const Indicator = z.object({
  id: z.string().regex(/^D\d{2}$/),
  dimension: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
});
export type Indicator = z.infer<typeof Indicator>;
export const INDICATORS: readonly Indicator[] = z.array(Indicator).length(12).parse(indicatorData);

export const PROVINCE_CODES: ReadonlyMap<string, string> = new Map(Object.entries(provinceData.codes));

/** The pack in force for a review year, with the province's higher lines when its plan sets them. */
export function rulePackFor(year: number, override?: CommunePlan['standardOverride']): RulePack {
  const base =
    RULE_PACKS.find((p) => year >= p.years.from && year <= p.years.to) ??
    (year < (RULE_PACKS[0] as RulePack).years.from ? (RULE_PACKS[0] as RulePack) : (RULE_PACKS.at(-1) as RulePack));
  if (!override) return base;
  return {
    ...base,
    incomeLine: { ...base.incomeLine, ...override.incomeLine },
    b1Line: { ...base.b1Line, ...override.b1Line },
  };
}
