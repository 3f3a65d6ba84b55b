import { readMoney, readNumber } from '../read-fields.ts';
import type { HouseholdRow } from './household-row.ts';
import type { HouseholdSheet } from './sheet.ts';

/** The income side: the income per person (in the column's unit; never negative) and the B1 and B2 scores. */
export function readIncome(s: HouseholdSheet, h: HouseholdRow): void {
  const { cells, F } = s;
  const income = F.income.col > 0 ? readMoney(cells, F.income, s.incomeUnit) : null;
  if (income !== null && income < 0) cells.typeError(F.income, 'money');
  h.income = income;
  h.b1Score = F.b1Score.col > 0 ? readNumber(cells, F.b1Score) : null;
  h.b2Score = F.b2Score.col > 0 ? readNumber(cells, F.b2Score) : null;
}
