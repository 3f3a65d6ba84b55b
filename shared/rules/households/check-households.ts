import type { Table } from '../../table/read-table.ts';
import type { SheetReport } from '../context.ts';
import { checkAgeRange } from './age-range.ts';
import { checkCategory, readBeginningCategory } from './category.ts';
import { checkClass } from './class-mismatch.ts';
import { checkB2Score, checkDeprivations } from './deprivations.ts';
import { checkEscapedWindow } from './escaped-window.ts';
import { HouseholdCodes } from './household-code.ts';
import { HouseholdRow } from './household-row.ts';
import { readIncome } from './income.ts';
import { checkMemberRow, readHead, reportRepeatedIds } from './person.ts';
import { type HouseholdRecord, householdRecord } from './record.ts';
import { checkRequired } from './required.ts';
import { householdSheet } from './sheet.ts';
import { checkSize } from './size.ts';
import { readSupportFields } from './support-fields.ts';
import { VillageCheck } from './village.ts';

/**
 * Judges every household row into `report`; with `records`, also keeps one HouseholdRecord per row
 * there. A check alone (the task pane, gnbv validate) keeps none: on a 100,000-row list the
 * records cost as much as all the rules (npm run bench).
 *
 * One pass over the rows; on each head's row the checks run in this order, each reading what the
 * ones before it read (the order is also the order of the row's issues).
 */
export function checkHouseholds(table: Table, report: SheetReport, records?: HouseholdRecord[]): void {
  const s = householdSheet(table, report);
  const villages = new VillageCheck(s);
  const codes = new HouseholdCodes(s);
  const h = new HouseholdRow();
  const rows = table.rows;
  const members = s.members;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as number;
    s.cells.at(row);
    h.row = row;
    h.index = r;
    if (members !== null && members.isMember[r] === 1) {
      checkMemberRow(s, h);
      continue;
    }
    readHead(s, h);
    villages.check(h);
    checkSize(s, h);
    checkCategory(s, h);
    checkRequired(s, h);
    readBeginningCategory(s, h);
    readIncome(s, h);
    checkDeprivations(s, h);
    checkB2Score(s, h);
    checkClass(s, h);
    readSupportFields(s, h);
    checkEscapedWindow(s, h);
    checkAgeRange(s, h);
    codes.check(h);
    records?.push(householdRecord(s, h));
  }
  reportRepeatedIds(s);
}
