import type { HouseholdCategory } from '../plans/plan.ts';
import type { Table } from '../table/read-table.ts';
import type { SheetReport } from './context.ts';
import { type Gender, readMark, readMoney, readNumber, readText } from './read-fields.ts';
import { householdSheet } from './household-sheet.ts';
import {
  PersonCheck,
  VillageCheck,
  checkAge,
  checkClass,
  checkCodeUnique,
  checkDeprivationCount,
  checkEscapedWindow,
  checkMemberRow,
  checkSize,
  readCategory,
  readDeprivationBits,
  readOtherFields,
  readReasonBits,
} from './household-checks.ts';

export { villageIndex } from './household-sheet.ts';

/** One household as the engine understood it; the merge and the cross-sheet checks read these. */
export interface HouseholdRecord {
  sheet: string;
  row: number;
  householdCode: string | null;
  headName: string | null;
  headBirthYear: number | null;
  headGender: Gender | null;
  idNumber: string | null;
  ethnicity: string | null;
  village: string | null;
  /** The plan's spelling of the village when it matched. */
  planVillage: string | null;
  size: number | null;
  category: HouseholdCategory | null;
  beginningCategory: HouseholdCategory | null;
  income: number | null;
  b1Score: number | null;
  b2Score: number | null;
  /** Indicator ids marked (D01…D12) where the sheet has indicator columns (shared, read-only). */
  deprivations: readonly string[] | null;
  deprivationCount: number | null;
  meritFamily: boolean;
  noWorkCapacity: boolean;
  escapedYear: number | null;
  /** Poverty reasons marked (shared, read-only). */
  reasons: readonly string[];
}

/**
 * Judges every household row into `report`; with `records`, also keeps one HouseholdRecord per row
 * there. A check alone (the task pane, gnbv validate) keeps none: on a 100,000-row list the
 * records cost as much as all the rules (npm run bench).
 *
 * The row's checks are named in household-checks.ts; this loop reads the plain fields, hands each
 * check what it needs and keeps the values in locals (no row object: npm run bench's 10,000 rows are
 * checked in about 6 ms, where every load per row shows). A column the sheet does not have is not
 * read at all (`F.x.col > 0`).
 */
export function checkHouseholds(table: Table, report: SheetReport, records?: HouseholdRecord[]): void {
  const s = householdSheet(table, report);
  const { cells, F, members } = s;
  const head = new PersonCheck(s);
  const village = new VillageCheck(s);
  const rows = table.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as number;
    cells.at(row);
    if (members !== null && members.isMember[r] === 1) {
      checkMemberRow(s, head);
      continue;
    }
    const householdCode = F.householdCode.col > 0 ? readText(cells, F.householdCode) : null;
    const headName = readText(cells, F.headName);
    if (F.relationship.col > 0) readText(cells, F.relationship);
    head.read();
    const ethnicity = F.ethnicity.col > 0 ? readText(cells, F.ethnicity) : null;
    village.read(row);
    const size = checkSize(s, members === null ? 0 : 1 + (members.count[r] as number));
    const category = readCategory(s, row);

    // CELL.REQUIRED: only a row where a required field read as nothing can have one left empty (a
    // complete row, the usual one, is not looked at again).
    if (headName === null || head.idNumber === null || village.text === null || size === null || (category === null && !s.categoryByMarks)) {
      cells.requireFilled(s.required);
    }
    const beginningText = F.beginningCategory.col > 0 ? readText(cells, F.beginningCategory) : null;
    const income = F.income.col > 0 ? readMoney(cells, F.income, s.incomeUnit) : null;
    if (income !== null && income < 0) cells.typeError(F.income, 'money');
    const b1Score = F.b1Score.col > 0 ? readNumber(cells, F.b1Score) : null;
    const b2Score = F.b2Score.col > 0 ? readNumber(cells, F.b2Score) : null;
    const deprivationBits = readDeprivationBits(s);
    const deprivationCount = checkDeprivationCount(s, deprivationBits, b2Score);
    if ((category === 'poor' || category === 'nearPoor') && deprivationCount !== null) {
      checkClass(s, row, category, deprivationCount, b1Score, income);
    }
    const meritFamily = F.meritFamily.col > 0 && readMark(cells, F.meritFamily) === true;
    const noWorkCapacity = F.noWorkCapacity.col > 0 && readMark(cells, F.noWorkCapacity) === true;
    const reasons = s.readsReasons ? readReasonBits(s) : 0;
    if (s.readsOtherFields) readOtherFields(s);
    const escapedYear = F.escapedYear.col > 0 ? checkEscapedWindow(s, category) : null;
    if (head.birth !== null && head.birthField !== null) checkAge(s, head.birth, head.birthField);
    if (householdCode !== null) checkCodeUnique(s, householdCode, row);

    records?.push({
      sheet: table.grid.name,
      row,
      householdCode,
      headName,
      headBirthYear: head.birth?.year ?? null,
      headGender: head.gender,
      idNumber: head.idNumber,
      ethnicity,
      village: village.text,
      planVillage: village.plan,
      size,
      category,
      beginningCategory: beginningText === null ? null : s.memory.category(beginningText),
      income,
      b1Score,
      b2Score,
      deprivations: deprivationBits < 0 ? null : s.indicatorSets.of(deprivationBits),
      deprivationCount,
      meritFamily,
      noWorkCapacity,
      escapedYear,
      reasons: s.reasonSets.of(reasons),
    });
  }

  // Repeated IDs, once every row is read: reported on each later occurrence.
  for (const { row, firstRow } of s.ids.repeats()) cells.at(row).issue('ID.DUPLICATE', F.idNumber, { params: { firstRow } });
}
