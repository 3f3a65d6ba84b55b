import { readNumber } from '../read-fields.ts';
import type { HouseholdRow } from './household-row.ts';
import type { HouseholdSheet } from './sheet.ts';

const MIN_SIZE = 1;
const MAX_SIZE = 30;

/**
 * The household's size: HH.SIZE_RANGE, and HH.MEMBER_COUNT where members are listed under the head;
 * with no size column there, the head and the members listed.
 */
export function checkSize(s: HouseholdSheet, h: HouseholdRow): void {
  const { cells, F, members } = s;
  let size = F.size.col > 0 ? readNumber(cells, F.size, 'integer') : null;
  const persons = members === null ? 0 : 1 + (members.count[h.index] as number);
  if (size !== null && (!Number.isInteger(size) || size < MIN_SIZE || size > MAX_SIZE)) {
    cells.issue('HH.SIZE_RANGE', F.size, { params: { min: MIN_SIZE, max: MAX_SIZE } });
  } else if (size !== null && members !== null && members.any && size !== persons) {
    cells.issue('HH.MEMBER_COUNT', F.size, { expected: persons, params: { members: persons - 1 } });
  }
  if (F.size.col === 0 && members !== null) size = persons;
  h.size = size;
}
