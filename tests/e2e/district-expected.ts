/**
 * What the district page's charts must show for the seeded district, worked out here from the
 * grids each commune sent, read by the shared engine (the records the server stores) and the
 * commune plans of the demo seed — not from the merged workbook, its writer, the figures module
 * (shared/report) or the district summary route, which are what the test checks.
 */
import type { Grid } from '../../shared/grid/grid.ts';
import type { CommunePlan } from '../../shared/plans/plan.ts';
import type { HouseholdRecord } from '../../shared/rules/households.ts';
import { INDICATORS } from '../../shared/standards/index.ts';
import { validateWorkbook } from '../../shared/validate.ts';
import { DEMO_COMMUNES } from '../../scripts/demo-data.ts';
import { PERIOD, type SeededDistrict } from './district-seed.ts';

export interface ExpectedHouseholds {
  now: number | null;
  rate: number | null;
  start: number | null;
  target: number;
}

export interface ExpectedCommune {
  name: string;
  totalHouseholds: number;
  poor: ExpectedHouseholds;
  nearPoor: ExpectedHouseholds;
  /** Per indicator D01…D12: [poor deprived, near-poor deprived]; null without a list. */
  deprived: [number, number][] | null;
  withIndicators: [number, number] | null;
  /** Per sub-project code: allocated and disbursed (đồng); empty without a progress report. */
  funds: Map<string, { allocated: number; disbursed: number }>;
}

function plan(communeId: string): CommunePlan {
  const found = DEMO_COMMUNES.find((c) => c.commune.id === communeId);
  if (!found) throw new Error(`no demo commune ${communeId}`);
  return found.plan;
}

function read(grids: readonly Grid[] | null, p: CommunePlan, period: string): ReturnType<typeof validateWorkbook> | null {
  return grids === null ? null : validateWorkbook(grids.map((grid) => ({ grid })), { plan: p, period });
}

function countOf(list: readonly HouseholdRecord[], category: 'poor' | 'nearPoor'): number {
  return list.filter((h) => h.category === category).length;
}

function commune(communeId: string, grids: readonly Grid[] | null, previous: readonly Grid[] | null = null): ExpectedCommune {
  const p = plan(communeId);
  const now = read(grids, p, PERIOD);
  const before = read(previous, { ...p, year: p.year - 1 }, `${p.year - 1}-Y`);
  const households = now?.households ?? null;
  const hasList = households !== null && households.length > 0;
  const startColumn = households?.some((h) => h.beginningCategory !== null) ?? false;
  const start = (c: 'poor' | 'nearPoor'): number | null => {
    if (!hasList) return null;
    if (startColumn) return (households ?? []).filter((h) => h.beginningCategory === c).length;
    return before !== null && before.households.length > 0 ? countOf(before.households, c) : null;
  };
  const figures = (c: 'poor' | 'nearPoor'): ExpectedHouseholds => {
    const n = hasList ? countOf(households ?? [], c) : null;
    return { now: n, rate: n === null ? null : n / p.totalHouseholds, start: start(c), target: c === 'poor' ? p.targets.poorReduction : p.targets.nearPoorReduction };
  };
  const analysed = (c: 'poor' | 'nearPoor'): HouseholdRecord[] => (households ?? []).filter((h) => h.category === c && h.deprivations !== null);
  const funds = new Map<string, { allocated: number; disbursed: number }>();
  for (const r of now?.progress ?? []) {
    const allocated = r.allocatedTotal ?? (r.allocatedCentral ?? 0) + (r.allocatedLocal ?? 0) + (r.allocatedMobilised ?? 0);
    const f = funds.get(r.project) ?? { allocated: 0, disbursed: 0 };
    funds.set(r.project, { allocated: f.allocated + allocated, disbursed: f.disbursed + (r.disbursed ?? 0) });
  }
  return {
    name: p.commune.name,
    totalHouseholds: p.totalHouseholds,
    poor: figures('poor'),
    nearPoor: figures('nearPoor'),
    deprived: hasList ? INDICATORS.map((d) => [analysed('poor').filter((h) => h.deprivations?.includes(d.id)).length, analysed('nearPoor').filter((h) => h.deprivations?.includes(d.id)).length]) : null,
    withIndicators: hasList ? [analysed('poor').length, analysed('nearPoor').length] : null,
    funds,
  };
}

export function expectedCommunes(seeded: SeededDistrict): ExpectedCommune[] {
  return [
    commune('xuan-hoa', seeded.grids.xuanHoa),
    commune('xuan-lai', seeded.grids.xuanLai, seeded.grids.xuanLaiPrevious),
    commune('xuan-lap', seeded.grids.xuanLap),
    commune('tho-lap', null),
  ];
}

/** The district's sums: deprivations per indicator and funds per sub-project, over the communes that sent them. */
export function expectedTotals(communes: readonly ExpectedCommune[]): { deprived: [number, number][]; withIndicators: [number, number]; funds: Map<string, { allocated: number; disbursed: number }> } {
  const deprived = INDICATORS.map((_, i) =>
    communes.reduce<[number, number]>((sum, c) => [sum[0] + (c.deprived?.[i]?.[0] ?? 0), sum[1] + (c.deprived?.[i]?.[1] ?? 0)], [0, 0]),
  );
  const withIndicators = communes.reduce<[number, number]>((sum, c) => [sum[0] + (c.withIndicators?.[0] ?? 0), sum[1] + (c.withIndicators?.[1] ?? 0)], [0, 0]);
  const funds = new Map<string, { allocated: number; disbursed: number }>();
  for (const c of communes) {
    for (const [code, f] of c.funds) {
      const sum = funds.get(code) ?? { allocated: 0, disbursed: 0 };
      funds.set(code, { allocated: sum.allocated + f.allocated, disbursed: sum.disbursed + f.disbursed });
    }
  }
  return { deprived, withIndicators, funds };
}
