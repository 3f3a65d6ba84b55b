import { reasonBits } from '../household-layout.ts';
import { readDate, readMark, readMarks, UNREADABLE_MARK } from '../read-fields.ts';
import type { HouseholdRow } from './household-row.ts';
import type { HouseholdSheet } from './sheet.ts';

/**
 * The fields read for their cell checks alone or kept in the record: merit family, no work capacity,
 * the poverty reasons (a column each, or one column listing them), the recognition date, ethnic marks.
 */
export function readSupportFields(s: HouseholdSheet, h: HouseholdRow): void {
  const { cells, F } = s;
  h.meritFamily = F.meritFamily.col > 0 && readMark(cells, F.meritFamily) === true;
  h.noWorkCapacity = F.noWorkCapacity.col > 0 && readMark(cells, F.noWorkCapacity) === true;
  let reasonsMarked = s.reasons.fields.length > 0 ? readMarks(cells, s.reasons) & ~UNREADABLE_MARK : 0;
  if (s.reasonList) {
    const v = cells.raw(F.reasonList);
    if (v !== null && v !== undefined) reasonsMarked = reasonBits(v, s.memory.fold);
  }
  h.reasonsMarked = reasonsMarked;
  if (F.recognitionDate.col > 0) readDate(cells, F.recognitionDate);
  if (F.ethnicMinority.col > 0) readMark(cells, F.ethnicMinority);
  if (F.localEthnic.col > 0) readMark(cells, F.localEthnic);
}
