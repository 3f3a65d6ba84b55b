import type { HouseholdCategory } from '../../plans/plan.ts';
import type { HouseholdRow } from './household-row.ts';
import type { HouseholdSheet } from './sheet.ts';

/**
 * HH.CLASS_MISMATCH: the income side (B1, else the income) and the deprivation count decide poor or
 * near-poor; a poor or near-poor household the pack classes otherwise (or not at all) is reported.
 */
export function checkClass(s: HouseholdSheet, h: HouseholdRow): void {
  const { category, deprivationCount, b1Score, income } = h;
  if (!h.categoryKnown || (category !== 'poor' && category !== 'nearPoor') || deprivationCount === null) return;
  const { pack, b1Line, incomeLine } = s;
  let lowIncome: boolean | null = null;
  if (b1Score !== null) lowIncome = b1Score <= b1Line;
  else if (income !== null && income >= 0) lowIncome = income <= incomeLine;
  if (lowIncome === null) return;
  const expected: HouseholdCategory | null = !lowIncome ? null : deprivationCount >= pack.poorMinDeprivations ? 'poor' : 'nearPoor';
  if (expected === category) return;
  const params = {
    incomeSide: b1Score !== null ? 'b1' : 'income',
    line: b1Score !== null ? b1Line : incomeLine,
    income: b1Score ?? income,
    deprivations: deprivationCount,
    pack: pack.id,
  };
  if (s.categoryByMarks) {
    s.report.add({ code: 'HH.CLASS_MISMATCH', row: h.row, column: null, field: 'category', value: category, expected, params });
  } else s.cells.issue('HH.CLASS_MISMATCH', s.F.category, { expected, params });
}
