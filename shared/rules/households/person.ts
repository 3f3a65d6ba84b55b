import { checkIdNumber } from '../id-number.ts';
import { type Gender, readGender, readText, readYearOrDate } from '../read-fields.ts';
import type { FieldRef } from '../context.ts';
import type { YearOrDate } from '../../grid/values.ts';
import type { HouseholdRow } from './household-row.ts';
import type { HouseholdSheet } from './sheet.ts';

/**
 * The person of a row, head or member: the birth year (one column, or the classic pair
 * "Năm sinh → Nam / Nữ", the year under the gender), the gender, then the ID checked against both.
 */
export function readPerson(s: HouseholdSheet, h: HouseholdRow): void {
  const { cells, F, birthFields } = s;
  let birthField: FieldRef | null = null;
  let birth: YearOrDate | null = null;
  let gender: Gender | null = null;
  for (let k = 0; k < birthFields.length; k++) {
    const b = birthFields[k] as (typeof birthFields)[number];
    const value = readYearOrDate(cells, b.ref, 1900, s.reportYear);
    if (value && !birth) {
      birth = value;
      birthField = b.ref;
      if (b.gender) gender = b.gender;
    }
  }
  if (F.headGender.col > 0) gender = readGender(cells, F.headGender) ?? gender;
  h.birth = birth;
  h.birthField = birthField;
  h.gender = gender;
  h.idNumber = checkIdNumber(cells, F.idNumber, birth?.year ?? null, gender, s.idNumbers);
}

/** The head's row: the household code, the head's name and person, the ethnicity. */
export function readHead(s: HouseholdSheet, h: HouseholdRow): void {
  const { cells, F } = s;
  // A column the sheet does not have is not read at all (`F.x.col > 0`): no call per row for it.
  h.householdCode = F.householdCode.col > 0 ? readText(cells, F.householdCode) : null;
  h.headName = readText(cells, F.headName);
  if (F.relationship.col > 0) readText(cells, F.relationship);
  readPerson(s, h);
  h.ethnicity = F.ethnicity.col > 0 ? readText(cells, F.ethnicity) : null;
}

/** A member's row: the person is read and their ID checked; the household's fields are the head's. */
export function checkMemberRow(s: HouseholdSheet, h: HouseholdRow): void {
  const { cells, F } = s;
  const nameField = F.memberName.col > 0 ? F.memberName : F.headName;
  if (readText(cells, nameField) === null) cells.required(nameField);
  if (F.relationship.col > 0) readText(cells, F.relationship);
  readPerson(s, h);
}

/** ID.DUPLICATE, once every row is read: reported on each later occurrence. */
export function reportRepeatedIds(s: HouseholdSheet): void {
  for (const { row, firstRow } of s.idNumbers.repeats()) s.cells.at(row).issue('ID.DUPLICATE', s.F.idNumber, { params: { firstRow } });
}
