import type { HouseholdCategory } from '../../plans/plan.ts';
import type { YearOrDate } from '../../grid/values.ts';
import type { FieldRef } from '../context.ts';
import type { Gender } from '../read-fields.ts';

/**
 * The row being checked, as the checks before have read it: each check sets its own fields on every
 * row and reads those of the checks before it. One per sheet, reused row after row (no object per row).
 */
export class HouseholdRow {
  /** The grid row (1-based). */
  row = 0;
  /** The row's place in the table's rows. */
  index = 0;
  householdCode: string | null = null;
  headName: string | null = null;
  birth: YearOrDate | null = null;
  /** The column the birth year was read from (one column, or the year under the gender). */
  birthField: FieldRef | null = null;
  gender: Gender | null = null;
  idNumber: string | null = null;
  ethnicity: string | null = null;
  village: string | null = null;
  planVillage: string | null = null;
  size: number | null = null;
  /** The category column's text; null with mark columns or no column. */
  categoryText: string | null = null;
  category: HouseholdCategory | null = null;
  categoryKnown = false;
  beginningCategory: HouseholdCategory | null = null;
  income: number | null = null;
  b1Score: number | null = null;
  b2Score: number | null = null;
  /** The indicators marked, as bits (bit k = the sheet's k-th indicator column or list id); -1 when unknown. */
  deprivationBits = -1;
  deprivationCount: number | null = null;
  meritFamily = false;
  noWorkCapacity = false;
  /** The poverty reasons marked, as bits. */
  reasonsMarked = 0;
  escapedYear: number | null = null;
}
