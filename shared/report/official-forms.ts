import type { HouseholdCategory } from '../plans/plan.ts';
import { sumKnown } from './arithmetic.ts';
import type { DeprivationFigures } from './figures.ts';

/**
 * What the official review forms' layout of the merged workbook decides beyond GNBV's own figures
 * (docs/official-forms-research.md §4, §5): which list a household goes on, and the forms'
 * "Tổng số thiếu hụt". The writer lays these out; it decides none of them.
 */

/** The review's two household lists: poor and near-poor together, newly escaped on a list of its own. */
export type OfficialList = 'poorAndNearPoor' | 'escaped';

/** The list a household of this category goes on; a household of no known category is on neither. */
export function officialListOf(category: HouseholdCategory | null): OfficialList | null {
  if (category === 'poor' || category === 'nearPoor') return 'poorAndNearPoor';
  if (category === 'newlyEscaped') return 'escaped';
  return null;
}

/**
 * Tổng số thiếu hụt (reports 4 and 6): the deprivations of the category's households added up over
 * the 12 indicators, from the same counts as GNBV's Thiếu hụt sheet; null where no list carries the
 * indicator columns.
 */
export function deprivationTotal(d: DeprivationFigures): number | null {
  return sumKnown(d.deprived);
}
