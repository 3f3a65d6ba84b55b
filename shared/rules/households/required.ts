import { HOUSEHOLDS } from '../../kinds/households.ts';
import type { HouseholdRow } from './household-row.ts';
import type { HouseholdSheet } from './sheet.ts';

/** The required fields read before checkRequired runs: the spec's list, no more. */
const READ_BEFORE_REQUIRED: readonly string[] = ['headName', 'idNumber', 'village', 'size', 'category'];
for (const field of HOUSEHOLDS.required) {
  if (!READ_BEFORE_REQUIRED.includes(field)) throw new Error(`checkHouseholds: required field ${field} is not read before CELL.REQUIRED`);
}

/**
 * CELL.REQUIRED: only a row where a required field read as nothing can have one left empty (a
 * complete row, the usual one, is not looked at again).
 */
export function checkRequired(s: HouseholdSheet, h: HouseholdRow): void {
  if (h.headName === null || h.idNumber === null || h.village === null || h.size === null || (h.categoryText === null && !s.categoryByMarks)) {
    s.cells.requireFilled(s.required);
  }
}
