import { readYearOrDate } from '../read-fields.ts';
import type { HouseholdRow } from './household-row.ts';
import type { HouseholdSheet } from './sheet.ts';

/** HH.ESCAPED_WINDOW: a newly escaped household needs a year inside report year − 3 … report year. */
export function checkEscapedWindow(s: HouseholdSheet, h: HouseholdRow): void {
  const { cells, F, reportYear, escapeWindowYears } = s;
  h.escapedYear = null;
  if (F.escapedYear.col === 0) return;
  const y = readYearOrDate(cells, F.escapedYear, 1900, 2200);
  const escapedYear = y?.year ?? null;
  h.escapedYear = escapedYear;
  if (!h.categoryKnown || h.category !== 'newlyEscaped') return;
  const unreadable = y === null && !cells.blank(F.escapedYear);
  if (!unreadable && (escapedYear === null || escapedYear < reportYear - escapeWindowYears || escapedYear > reportYear)) {
    cells.issue('HH.ESCAPED_WINDOW', F.escapedYear, { params: { from: reportYear - escapeWindowYears, to: reportYear } });
  }
}
