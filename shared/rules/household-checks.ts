import type { HouseholdCategory } from '../plans/plan.ts';
import type { YearOrDate } from '../grid/values.ts';
import { wholeYearsBetween } from '../grid/values.ts';
import type { CheckMemory } from '../check-memory.ts';
import type { FieldRef } from './context.ts';
import { checkIdNumber } from './id-number.ts';
import { addressParts, indicatorBits, reasonBits, sectionOf, type VillageSection } from './household-layout.ts';
import type { HouseholdSheet } from './household-sheet.ts';
import { type Gender, readDate, readGender, readMark, readMarks, readNumber, readText, readYearOrDate, UNREADABLE_MARK } from './read-fields.ts';

/**
 * The checks of one household row, one concept each, in the order checkHouseholds runs them. Each
 * reads its own cells through the sheet's RowCells (already at the row) and reports into the
 * sheet's report; what a later check or the record needs is handed back.
 */

/** "Hộ không nghèo": a known value, but no household of a list to submit. */
const NOT_TARGET = /\bkhong (thuoc dien )?ngheo\b/;
const MIN_AGE = 15;
const MAX_AGE = 110;
const MIN_SIZE = 1;
const MAX_SIZE = 30;

/**
 * A person's birth year (the first column that has one: a year under "Nam" names the gender), gender
 * and ID, read into this object (one per table: a row allocates nothing).
 */
export class PersonCheck {
  birth: YearOrDate | null = null;
  birthField: FieldRef | null = null;
  gender: Gender | null = null;
  idNumber: string | null = null;

  constructor(private readonly s: HouseholdSheet) {}

  read(): void {
    const { cells, F, birthFields, reportYear } = this.s;
    let birthField: FieldRef | null = null;
    let birth: YearOrDate | null = null;
    let gender: Gender | null = null;
    for (let k = 0; k < birthFields.length; k++) {
      const b = birthFields[k] as (typeof birthFields)[number];
      const value = readYearOrDate(cells, b.ref, 1900, reportYear);
      if (value && !birth) {
        birth = value;
        birthField = b.ref;
        if (b.gender) gender = b.gender;
      }
    }
    if (F.headGender.col > 0) gender = readGender(cells, F.headGender) ?? gender;
    this.birth = birth;
    this.birthField = birthField;
    this.gender = gender;
    this.idNumber = checkIdNumber(cells, F.idNumber, birth?.year ?? null, gender, this.s.ids);
  }
}

/** A member's row: the person is read and their ID checked; the household's fields are the head's. */
export function checkMemberRow(s: HouseholdSheet, person: PersonCheck): void {
  const { cells, F } = s;
  const nameField = F.memberName.col > 0 ? F.memberName : F.headName;
  if (readText(cells, nameField) === null) cells.required(nameField);
  if (F.relationship.col > 0) readText(cells, F.relationship);
  person.read();
}

/**
 * The row's village, from its village column, its address ("Thôn 3, xã Xuân Hoà": the part that is
 * one of the plan's villages) or the "Thôn 1", "Thôn 2" … row it is listed under; HH.VILLAGE_UNKNOWN
 * when the plan has no such village. Lists are grouped by village: the last answer is kept.
 */
export class VillageCheck {
  /** The row's village as written, and as the plan spells it (null: not one of the plan's). */
  text: string | null = null;
  plan: string | null = null;
  private lastText: string | null = null;
  private lastPlan: string | null = null;
  private readonly sectionsReported = new Set<VillageSection>();

  constructor(private readonly s: HouseholdSheet) {}

  read(row: number): void {
    const { cells, F, villages, memory, villageNames } = this.s;
    this.text = null;
    this.plan = null;
    if (F.village.col > 0) {
      const text = readText(cells, F.village);
      if (text === null) return;
      if (text !== this.lastText) {
        this.lastText = text;
        this.lastPlan = villageOf(villages, text, memory);
      }
      this.text = text;
      this.plan = this.lastPlan;
      if (this.plan === null) cells.issue('HH.VILLAGE_UNKNOWN', F.village, villageNames);
    } else if (F.address.col > 0) {
      const address = readText(cells, F.address);
      if (address === null) {
        cells.required(F.address);
        return;
      }
      this.text = address;
      this.plan = villageOf(villages, address, memory);
      if (this.plan === null) cells.issue('HH.VILLAGE_UNKNOWN', F.address, villageNames);
    } else if (this.s.layout.sections.length > 0) {
      const section = sectionOf(this.s.layout.sections, row);
      if (section === null) return;
      this.text = section.label;
      this.plan = villages.get(memory.foldName(section.label)) ?? null;
      if (this.plan === null && !this.sectionsReported.has(section)) {
        this.sectionsReported.add(section);
        this.s.report.add({ code: 'HH.VILLAGE_UNKNOWN', row: section.row, column: section.col, field: 'village', value: section.label, ...villageNames });
      }
    }
  }
}

/** The plan's village a cell names: the whole text, else a part of an address ("Thôn 3, xã Xuân Hoà"). */
function villageOf(villages: ReadonlyMap<string, string>, text: string, memory: CheckMemory): string | null {
  const whole = villages.get(memory.foldName(text));
  if (whole !== undefined) return whole;
  if (!/[,;]|\s[-–]\s/.test(text)) return null;
  for (const part of addressParts(text)) {
    if (!/\p{L}/u.test(part)) continue; // "5" alone is no village ("Thôn 5" is)
    const found = villages.get(memory.foldName(part));
    if (found !== undefined) return found;
  }
  return null;
}

/**
 * The household's size: HH.SIZE_RANGE, or HH.MEMBER_COUNT against the persons listed under the head
 * (`persons`, the head included); without a size column, those persons.
 */
export function checkSize(s: HouseholdSheet, persons: number): number | null {
  const { cells, F, members } = s;
  if (F.size.col === 0) return members === null ? null : persons;
  const size = readNumber(cells, F.size, 'integer');
  if (size === null) return null;
  if (!Number.isInteger(size) || size < MIN_SIZE || size > MAX_SIZE) {
    cells.issue('HH.SIZE_RANGE', F.size, { params: { min: MIN_SIZE, max: MAX_SIZE } });
  } else if (members !== null && members.any && size !== persons) {
    cells.issue('HH.MEMBER_COUNT', F.size, { expected: persons, params: { members: persons - 1 } });
  }
  return size;
}

/**
 * The household's category from one column of words, one mark column per category, or the title
 * ("DANH SÁCH HỘ THOÁT NGHÈO …" names the category of every row); HH.CATEGORY_UNKNOWN when a value
 * names none. Null when unknown.
 */
export function readCategory(s: HouseholdSheet, row: number): HouseholdCategory | null {
  const { cells, F, memory } = s;
  if (s.categoryByMarks) return categoryOfMarks(s, row);
  const text = F.category.col > 0 ? readText(cells, F.category) : null;
  if (text === null) return F.category.col === 0 ? s.layout.titleCategory : null;
  const category = memory.category(text);
  if (category === null) {
    cells.issue('HH.CATEGORY_UNKNOWN', F.category, NOT_TARGET.test(memory.foldName(text)) ? { params: { notTarget: true } } : {});
  }
  return category;
}

/** Exactly one category column marked (an unreadable mark has its CELL.TYPE already). */
function categoryOfMarks(s: HouseholdSheet, row: number): HouseholdCategory | null {
  const marked: HouseholdCategory[] = [];
  let unreadable = false;
  for (let k = 0; k < s.categoryMarks.length; k++) {
    const m = s.categoryMarks[k] as (typeof s.categoryMarks)[number];
    const mark = readMark(s.cells, m.ref);
    if (mark === null) unreadable = true;
    else if (mark) marked.push(m.category);
  }
  if (unreadable) return null;
  if (marked.length === 1) return marked[0] as HouseholdCategory;
  s.report.add({
    code: 'HH.CATEGORY_UNKNOWN',
    row,
    column: null,
    field: 'category',
    value: marked.length === 0 ? null : marked.join(', '),
    params: { marked: marked.length },
  });
  return null;
}

/** How many of the twelve indicator bits are set, by table (a loop over random marks mispredicts). */
const BIT_COUNTS: Uint8Array = (() => {
  const counts = new Uint8Array(1 << 12);
  for (let b = 1; b < counts.length; b++) counts[b] = (counts[b >> 1] as number) + (b & 1);
  return counts;
})();

function bitCount(bits: number): number {
  return (BIT_COUNTS[bits & 0xfff] as number) + (BIT_COUNTS[(bits >>> 12) & 0xf] as number);
}

/**
 * The indicators marked, as bits (bit k = the sheet's k-th indicator column, or indicator k of a
 * list column "1, 4, 9"); -1 when unknown: no such columns, or a cell that could not be read.
 */
export function readDeprivationBits(s: HouseholdSheet): number {
  const { cells, F } = s;
  if (s.hasIndicators) {
    const bits = readMarks(cells, s.indicators);
    return (bits & UNREADABLE_MARK) === 0 ? bits : -1;
  }
  if (!s.indicatorList) return -1;
  const v = cells.raw(F.deprivationList);
  if (v === null) return 0;
  if (v === undefined) return -1;
  const bits = indicatorBits(v, s.memory.fold);
  if (bits === null) {
    cells.typeError(F.deprivationList, 'indicatorList');
    return -1;
  }
  return bits;
}

/**
 * The household's deprivation count: the marks counted, else the stated total, else B2 ÷ 10 points
 * where the sheet has neither. HH.DEPRIVATION_COUNT when the stated total is not the marks',
 * HH.B2_MISMATCH when B2 is not 10 points per deprivation.
 */
export function checkDeprivationCount(s: HouseholdSheet, bits: number, b2Score: number | null): number | null {
  const { cells, F, pack } = s;
  const stated = F.deprivationCount.col > 0 ? readNumber(cells, F.deprivationCount, 'integer') : null;
  const statedUsable = stated !== null && Number.isInteger(stated) && stated >= 0;
  if (stated !== null && !statedUsable) cells.typeError(F.deprivationCount, 'integer');
  const marked = bits < 0 ? null : bitCount(bits);
  if (marked !== null && statedUsable && stated !== marked) {
    cells.issue('HH.DEPRIVATION_COUNT', F.deprivationCount, { expected: marked });
  }
  const count = marked ?? (statedUsable ? stated : null);
  if (b2Score === null) return count;
  if (count !== null && b2Score !== count * pack.b2PointsPerIndicator) {
    cells.issue('HH.B2_MISMATCH', F.b2Score, { expected: count * pack.b2PointsPerIndicator });
  }
  if (count === null && !s.hasIndicators && !s.indicatorList && cells.blank(F.deprivationCount)) {
    return Math.floor(b2Score / pack.b2PointsPerIndicator);
  }
  return count;
}

/**
 * HH.CLASS_MISMATCH: the income side (the B1 score, else the income) against the area's line, and
 * the deprivation count against the pack's minimum, decide poor or near-poor (or neither).
 */
export function checkClass(
  s: HouseholdSheet,
  row: number,
  category: 'poor' | 'nearPoor',
  deprivations: number,
  b1Score: number | null,
  income: number | null,
): void {
  const { b1Line, incomeLine, pack } = s;
  let lowIncome: boolean;
  if (b1Score !== null) lowIncome = b1Score <= b1Line;
  else if (income !== null && income >= 0) lowIncome = income <= incomeLine;
  else return;
  const expected: HouseholdCategory | null = !lowIncome ? null : deprivations >= pack.poorMinDeprivations ? 'poor' : 'nearPoor';
  if (expected === category) return;
  const params = {
    incomeSide: b1Score !== null ? 'b1' : 'income',
    line: b1Score !== null ? b1Line : incomeLine,
    income: b1Score ?? income,
    deprivations,
    pack: pack.id,
  };
  if (s.categoryByMarks) {
    s.report.add({ code: 'HH.CLASS_MISMATCH', row, column: null, field: 'category', value: category, expected, params });
  } else s.cells.issue('HH.CLASS_MISMATCH', s.F.category, { expected, params });
}

/** The poverty reasons marked, as bits: one column per reason, or one list column. */
export function readReasonBits(s: HouseholdSheet): number {
  const { cells, F } = s;
  let bits = s.reasons.fields.length > 0 ? readMarks(cells, s.reasons) & ~UNREADABLE_MARK : 0;
  if (s.reasonList) {
    const v = cells.raw(F.reasonList);
    if (v !== null && v !== undefined) bits = reasonBits(v, s.memory.fold);
  }
  return bits;
}

/** The fields no rule judges beyond their type (a bad date or mark is still reported). */
export function readOtherFields(s: HouseholdSheet): void {
  const { cells, F } = s;
  if (F.recognitionDate.col > 0) readDate(cells, F.recognitionDate);
  if (F.ethnicMinority.col > 0) readMark(cells, F.ethnicMinority);
  if (F.localEthnic.col > 0) readMark(cells, F.localEthnic);
}

/** HH.ESCAPED_WINDOW: a newly escaped household needs a year inside report year − 3 … report year. */
export function checkEscapedWindow(s: HouseholdSheet, category: HouseholdCategory | null): number | null {
  const { cells, F, reportYear, escapeWindowYears } = s;
  if (F.escapedYear.col === 0) return null;
  const y = readYearOrDate(cells, F.escapedYear, 1900, 2200);
  const year = y?.year ?? null;
  if (category !== 'newlyEscaped') return year;
  const unreadable = y === null && !cells.blank(F.escapedYear);
  if (!unreadable && (year === null || year < reportYear - escapeWindowYears || year > reportYear)) {
    cells.issue('HH.ESCAPED_WINDOW', F.escapedYear, { params: { from: reportYear - escapeWindowYears, to: reportYear } });
  }
  return year;
}

/** HH.AGE_RANGE on the head's birth year (or date), at the report date. */
export function checkAge(s: HouseholdSheet, birth: YearOrDate, birthField: FieldRef): void {
  const age = birth.date ? wholeYearsBetween(birth.date, s.reportDate) : s.reportYear - birth.year;
  if (age < MIN_AGE || age > MAX_AGE) s.cells.issue('HH.AGE_RANGE', birthField, { params: { age, min: MIN_AGE, max: MAX_AGE } });
}

/** HH.CODE_DUPLICATE on a household code seen on an earlier row. */
export function checkCodeUnique(s: HouseholdSheet, code: string, row: number): void {
  const key = s.memory.foldName(code);
  const first = s.seenCodes.get(key);
  if (first !== undefined) s.cells.issue('HH.CODE_DUPLICATE', s.F.householdCode, { params: { firstRow: first } });
  else s.seenCodes.set(key, row);
}
