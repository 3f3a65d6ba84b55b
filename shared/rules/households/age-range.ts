import { wholeYearsBetween } from '../../grid/values.ts';
import type { HouseholdRow } from './household-row.ts';
import type { HouseholdSheet } from './sheet.ts';

const MIN_AGE = 15;
const MAX_AGE = 110;

/** HH.AGE_RANGE on the head's birth year (or date), at the report date. */
export function checkAgeRange(s: HouseholdSheet, h: HouseholdRow): void {
  const { birth, birthField } = h;
  if (!birth || !birthField) return;
  const age = birth.date ? wholeYearsBetween(birth.date, s.reportDate) : s.reportYear - birth.year;
  if (age < MIN_AGE || age > MAX_AGE) s.cells.issue('HH.AGE_RANGE', birthField, { params: { age, min: MIN_AGE, max: MAX_AGE } });
}
