import type { HouseholdCategory } from '../plans/plan.ts';
import { INDICATORS } from '../standards/index.ts';
import { POVERTY_REASONS } from '../kinds/index.ts';
import { HOUSEHOLDS } from '../kinds/households.ts';
import type { Table } from '../table/read-table.ts';
import type { CheckMemory } from '../check-memory.ts';
import { type FieldRef, RowCells, type SheetReport } from './context.ts';
import { IdOccurrences, checkIdNumber } from './id-number.ts';
import {
  addressParts,
  householdLayout,
  indicatorBits,
  isHeadRelationship,
  reasonBits,
  sectionOf,
  type VillageSection,
} from './household-layout.ts';
import {
  type Gender,
  readGender,
  readMark,
  MarkColumns,
  readMarks,
  readMoney,
  readNumber,
  readText,
  readYearOrDate,
  readDate,
  UNREADABLE_MARK,
} from './read-fields.ts';
import { wholeYearsBetween } from '../grid/values.ts';

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

const INDICATOR_IDS = INDICATORS.map((d) => d.id);

/** The required fields checkHouseholds reads before its CELL.REQUIRED test: the spec's list, no more. */
const READ_BEFORE_REQUIRED: readonly string[] = ['headName', 'idNumber', 'village', 'size', 'category'];
for (const field of HOUSEHOLDS.required) {
  if (!READ_BEFORE_REQUIRED.includes(field)) throw new Error(`checkHouseholds: required field ${field} is not read before CELL.REQUIRED`);
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
/** Mark columns that name a category; "CHIA HỘ NGHÈO THEO: Nghèo mới | Tái nghèo | Nghèo cũ" name it too. */
const CATEGORY_MARKS: readonly [HouseholdCategory, string][] = [
  ['poor', 'category.poor'],
  ['nearPoor', 'category.nearPoor'],
  ['newlyEscaped', 'category.newlyEscaped'],
  ['poor', 'category.poorNew'],
  ['poor', 'category.poorAgain'],
  ['poor', 'category.poorOld'],
  ['nearPoor', 'category.nearPoorNew'],
  ['nearPoor', 'category.nearPoorAgain'],
  ['nearPoor', 'category.nearPoorOld'],
];
const REASON_IDS = POVERTY_REASONS.map((r) => r.id);
/** "Hộ không nghèo": a known value, but no household of a list to submit. */
const NOT_TARGET = /\bkhong (thuoc dien )?ngheo\b/;
const BIRTH_FIELDS = [
  ['headBirthYear', null],
  ['headBirthYear.male', 'male'],
  ['headBirthYear.female', 'female'],
] as const;
const MIN_AGE = 15;
const MAX_AGE = 110;
const MIN_SIZE = 1;
const MAX_SIZE = 30;

export function villageIndex(villages: readonly string[], memory: CheckMemory): Map<string, string> {
  const index = new Map<string, string>();
  for (const v of villages) {
    index.set(memory.foldName(v), v);
    const n = /(\d+)$/.exec(memory.foldName(v));
    if (n) index.set(n[1] as string, v);
  }
  return index;
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
 * Judges every household row into `report`; with `records`, also keeps one HouseholdRecord per row
 * there. A check alone (the task pane, gnbv validate) keeps none: on a 100,000-row list the
 * records cost as much as all the rules (npm run bench).
 */
export function checkHouseholds(table: Table, report: SheetReport, records?: HouseholdRecord[]): void {
  const { env } = report;
  const { pack, plan, memory } = env;
  const villages = villageIndex(plan.villages, memory);
  const area = plan.commune.areaType;
  const cells = new RowCells(table, report, 0);
  const F = {
    householdCode: cells.ref('householdCode'),
    headName: cells.ref('headName'),
    headGender: cells.ref('headGender'),
    idNumber: cells.ref('idNumber'),
    ethnicity: cells.ref('ethnicity'),
    village: cells.ref('village'),
    size: cells.ref('size'),
    category: cells.ref('category'),
    beginningCategory: cells.ref('beginningCategory'),
    income: cells.ref('income'),
    b1Score: cells.ref('b1Score'),
    b2Score: cells.ref('b2Score'),
    deprivationCount: cells.ref('deprivationCount'),
    meritFamily: cells.ref('meritFamily'),
    noWorkCapacity: cells.ref('noWorkCapacity'),
    escapedYear: cells.ref('escapedYear'),
    memberName: cells.ref('memberName'),
    relationship: cells.ref('relationship'),
    address: cells.ref('address'),
    recognitionDate: cells.ref('recognitionDate'),
    ethnicMinority: cells.ref('ethnicMinority'),
    localEthnic: cells.ref('localEthnic'),
    reasonList: cells.ref('reasonList'),
    deprivationList: cells.ref('deprivationList'),
  };
  const layout = householdLayout(table, villages);
  const birthFields = BIRTH_FIELDS.map(([field, gender]) => ({ ref: cells.ref(field), gender })).filter((b) => b.ref.col > 0);
  const indicators = new MarkColumns(INDICATOR_IDS.map((id) => cells.ref(id)).filter((r) => r.col > 0));
  const hasIndicators = indicators.fields.length > 0;
  // The indicators in one column ("1, 4, 9") where the sheet has no column per indicator.
  const indicatorList = !hasIndicators && F.deprivationList.col > 0;
  const indicatorSets = memory.markSets(indicatorList ? INDICATOR_IDS : indicators.fields.map((r) => r.name));
  const markColumns = CATEGORY_MARKS.map(([c, f]) => ({ category: c, ref: cells.ref(f) })).filter((m) => m.ref.col > 0);
  const categoryByMarks = !cells.has(F.category) && markColumns.length > 0;
  const required: FieldRef[] = table.spec.required
    .filter((field) => !(field === 'category' && categoryByMarks))
    .map((field) => cells.ref(field))
    .filter((r) => r.col > 0);
  const incomeUnit = table.units.get('income') ?? 1;
  const reasons = new MarkColumns(POVERTY_REASONS.map((r) => cells.ref(`reasons.${r.id}`)).filter((r) => r.col > 0));
  const reasonList = reasons.fields.length === 0 && F.reasonList.col > 0;
  const reasonSets = memory.markSets(reasonList ? REASON_IDS : POVERTY_REASONS.filter((r) => cells.has(`reasons.${r.id}`)).map((r) => r.id));
  const escapeWindowYears = Math.floor(pack.newlyEscapedMonths / 12);
  // The pack's lines for this commune's area, looked up once (not by area name on every row).
  const b1Line = pack.b1Line[area];
  const incomeLine = pack.incomeLine[area];
  const { reportYear, reportDate } = env;
  const ids = new IdOccurrences(table.rows.length, memory);
  const seenCodes = new Map<string, number>();
  // Lists are grouped by village: the village of the row before, as the plan spells it.
  let lastVillage: string | null = null;
  let lastPlanVillage: string | null = null;
  const villageNames = { params: { villages: plan.villages.join(', ') } };
  const sectionsReported = new Set<VillageSection>();

  const rows = table.rows;
  const members = layout.personRows ? memberRows(table, cells, F) : null;

  /** Birth year: one column, or the classic pair "Năm sinh → Nam / Nữ" (the year under the gender); then the ID. */
  const readPerson = (): { birth: ReturnType<typeof readYearOrDate>; birthField: FieldRef | null; gender: Gender | null; idNumber: string | null } => {
    let birthField: FieldRef | null = null;
    let birth = null;
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
    const idNumber = checkIdNumber(cells, F.idNumber, birth?.year ?? null, gender, ids);
    return { birth, birthField, gender, idNumber };
  };

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as number;
    cells.at(row);

    if (members !== null && members.isMember[r] === 1) {
      // A member's row: the person is read and their ID checked; the household's fields are the head's.
      const name = F.memberName.col > 0 ? readText(cells, F.memberName) : readText(cells, F.headName);
      if (name === null) cells.required(F.memberName.col > 0 ? F.memberName : F.headName);
      if (F.relationship.col > 0) readText(cells, F.relationship);
      readPerson();
      continue;
    }

    // A column the sheet does not have is not read at all (`F.x.col > 0`): no call per row for it.
    const householdCode = F.householdCode.col > 0 ? readText(cells, F.householdCode) : null;
    const headName = readText(cells, F.headName);
    if (F.relationship.col > 0) readText(cells, F.relationship);
    const { birth, birthField, gender, idNumber } = readPerson();

    const ethnicity = F.ethnicity.col > 0 ? readText(cells, F.ethnicity) : null;
    let village: string | null = null;
    let planVillage: string | null = null;
    if (F.village.col > 0) {
      village = readText(cells, F.village);
      if (village !== null) {
        if (village !== lastVillage) {
          lastVillage = village;
          lastPlanVillage = villageOf(villages, village, memory);
        }
        planVillage = lastPlanVillage;
        if (!planVillage) cells.issue('HH.VILLAGE_UNKNOWN', F.village, villageNames);
      }
    } else if (F.address.col > 0) {
      // "Thôn 3, xã Xuân Hoà": the part that is one of the plan's villages.
      const address = readText(cells, F.address);
      if (address === null) cells.required(F.address);
      else {
        village = address;
        planVillage = villageOf(villages, address, memory);
        if (!planVillage) cells.issue('HH.VILLAGE_UNKNOWN', F.address, villageNames);
      }
    } else if (layout.sections.length > 0) {
      // A list grouped under "Thôn 1", "Thôn 2" … rows: the village named above the row.
      const section = sectionOf(layout.sections, row);
      village = section?.label ?? null;
      planVillage = village === null ? null : (villages.get(memory.foldName(village)) ?? null);
      if (section && !planVillage && !sectionsReported.has(section)) {
        sectionsReported.add(section);
        report.add({ code: 'HH.VILLAGE_UNKNOWN', row: section.row, column: section.col, field: 'village', value: section.label, ...villageNames });
      }
    }

    let size = F.size.col > 0 ? readNumber(cells, F.size, 'integer') : null;
    const persons = members === null ? 0 : 1 + (members.count[r] as number);
    if (size !== null && (!Number.isInteger(size) || size < MIN_SIZE || size > MAX_SIZE)) {
      cells.issue('HH.SIZE_RANGE', F.size, { params: { min: MIN_SIZE, max: MAX_SIZE } });
    } else if (size !== null && members !== null && members.any && size !== persons) {
      cells.issue('HH.MEMBER_COUNT', F.size, { expected: persons, params: { members: persons - 1 } });
    }
    if (F.size.col === 0 && members !== null) size = persons; // the head and the members listed under the head

    // Category: one column of words, or one mark column per category.
    let categoryText: string | null = null;
    let category: HouseholdCategory | null = null;
    let categoryKnown = false;
    if (categoryByMarks) {
      const marked: HouseholdCategory[] = [];
      let unreadable = false;
      for (let k = 0; k < markColumns.length; k++) {
        const m = markColumns[k] as (typeof markColumns)[number];
        const mark = readMark(cells, m.ref);
        if (mark === null) unreadable = true;
        else if (mark) marked.push(m.category);
      }
      if (!unreadable) {
        if (marked.length === 1) {
          category = marked[0] as HouseholdCategory;
          categoryKnown = true;
        } else {
          report.add({
            code: 'HH.CATEGORY_UNKNOWN',
            row,
            column: null,
            field: 'category',
            value: marked.length === 0 ? null : marked.join(', '),
            params: { marked: marked.length },
          });
        }
      }
    } else {
      categoryText = F.category.col > 0 ? readText(cells, F.category) : null;
      if (categoryText !== null) {
        category = memory.category(categoryText);
        if (category) categoryKnown = true;
        else if (NOT_TARGET.test(memory.foldName(categoryText))) cells.issue('HH.CATEGORY_UNKNOWN', F.category, { params: { notTarget: true } });
        else cells.issue('HH.CATEGORY_UNKNOWN', F.category);
      } else if (F.category.col === 0 && layout.titleCategory) {
        // "DANH SÁCH HỘ THOÁT NGHÈO …": the title names the category of every row.
        category = layout.titleCategory;
        categoryKnown = true;
      }
    }

    // CELL.REQUIRED: only a row where a required field read as nothing can have one left empty (a
    // complete row, the usual one, is not looked at again).
    if (headName === null || idNumber === null || village === null || size === null || (categoryText === null && !categoryByMarks)) {
      cells.requireFilled(required);
    }
    const beginningText = F.beginningCategory.col > 0 ? readText(cells, F.beginningCategory) : null;
    const beginningCategory = beginningText === null ? null : memory.category(beginningText);

    const income = F.income.col > 0 ? readMoney(cells, F.income, incomeUnit) : null;
    if (income !== null && income < 0) cells.typeError(F.income, 'money');
    const b1Score = F.b1Score.col > 0 ? readNumber(cells, F.b1Score) : null;
    const b2Score = F.b2Score.col > 0 ? readNumber(cells, F.b2Score) : null;

    // Deprivations: the marks counted where the sheet has indicator columns, else the stated total.
    // The indicators marked, as bits (bit k = indicators.fields[k]); -1 when unknown. The list itself is made for records only.
    let deprivationBits = -1;
    if (hasIndicators) {
      const bits = readMarks(cells, indicators);
      if ((bits & UNREADABLE_MARK) === 0) deprivationBits = bits;
    } else if (indicatorList) {
      const v = cells.raw(F.deprivationList);
      if (v === null) deprivationBits = 0;
      else if (v !== undefined) {
        const bits = indicatorBits(v, memory.fold);
        if (bits === null) cells.typeError(F.deprivationList, 'indicatorList');
        else deprivationBits = bits;
      }
    }
    const stated = F.deprivationCount.col > 0 ? readNumber(cells, F.deprivationCount, 'integer') : null;
    const statedUsable = stated !== null && Number.isInteger(stated) && stated >= 0;
    if (stated !== null && !statedUsable) cells.typeError(F.deprivationCount, 'integer');
    const marked = deprivationBits < 0 ? null : bitCount(deprivationBits);
    const hasMarks = hasIndicators || indicatorList;
    if (marked !== null && statedUsable && stated !== marked) {
      cells.issue('HH.DEPRIVATION_COUNT', F.deprivationCount, { expected: marked });
    }
    let deprivationCount: number | null = marked ?? (statedUsable ? stated : null);
    if (b2Score !== null && deprivationCount !== null && b2Score !== deprivationCount * pack.b2PointsPerIndicator) {
      cells.issue('HH.B2_MISMATCH', F.b2Score, { expected: deprivationCount * pack.b2PointsPerIndicator });
    }
    if (deprivationCount === null && b2Score !== null && !hasMarks && cells.blank(F.deprivationCount)) {
      // No marks and no stated count: B2 is 10 points per deprivation.
      deprivationCount = Math.floor(b2Score / pack.b2PointsPerIndicator);
    }

    // HH.CLASS_MISMATCH: the income side and the deprivation count decide poor / near-poor.
    if (categoryKnown && (category === 'poor' || category === 'nearPoor') && deprivationCount !== null) {
      let lowIncome: boolean | null = null;
      if (b1Score !== null) lowIncome = b1Score <= b1Line;
      else if (income !== null && income >= 0) lowIncome = income <= incomeLine;
      if (lowIncome !== null) {
        const expected: HouseholdCategory | null = !lowIncome
          ? null
          : deprivationCount >= pack.poorMinDeprivations
            ? 'poor'
            : 'nearPoor';
        if (expected !== category) {
          const params = {
            incomeSide: b1Score !== null ? 'b1' : 'income',
            line: b1Score !== null ? b1Line : incomeLine,
            income: b1Score ?? income,
            deprivations: deprivationCount,
            pack: pack.id,
          };
          if (categoryByMarks) {
            report.add({ code: 'HH.CLASS_MISMATCH', row, column: null, field: 'category', value: category, expected, params });
          } else cells.issue('HH.CLASS_MISMATCH', F.category, { expected, params });
        }
      }
    }

    const meritFamily = F.meritFamily.col > 0 && readMark(cells, F.meritFamily) === true;
    const noWorkCapacity = F.noWorkCapacity.col > 0 && readMark(cells, F.noWorkCapacity) === true;
    let reasonsMarked = reasons.fields.length > 0 ? readMarks(cells, reasons) & ~UNREADABLE_MARK : 0;
    if (reasonList) {
      const v = cells.raw(F.reasonList);
      if (v !== null && v !== undefined) reasonsMarked = reasonBits(v, memory.fold);
    }
    if (F.recognitionDate.col > 0) readDate(cells, F.recognitionDate);
    if (F.ethnicMinority.col > 0) readMark(cells, F.ethnicMinority);
    if (F.localEthnic.col > 0) readMark(cells, F.localEthnic);

    // HH.ESCAPED_WINDOW: newly escaped needs a year inside report year − 3 … report year.
    let escapedYear: number | null = null;
    if (F.escapedYear.col > 0) {
      const y = readYearOrDate(cells, F.escapedYear, 1900, 2200);
      escapedYear = y?.year ?? null;
      if (categoryKnown && category === 'newlyEscaped') {
        const unreadable = y === null && !cells.blank(F.escapedYear);
        if (!unreadable && (escapedYear === null || escapedYear < reportYear - escapeWindowYears || escapedYear > reportYear)) {
          cells.issue('HH.ESCAPED_WINDOW', F.escapedYear, {
            params: { from: reportYear - escapeWindowYears, to: reportYear },
          });
        }
      }
    }

    // HH.AGE_RANGE on the head's birth year (or date).
    if (birth && birthField) {
      const age = birth.date ? wholeYearsBetween(birth.date, reportDate) : reportYear - birth.year;
      if (age < MIN_AGE || age > MAX_AGE) cells.issue('HH.AGE_RANGE', birthField, { params: { age, min: MIN_AGE, max: MAX_AGE } });
    }

    if (householdCode !== null) {
      const key = memory.foldName(householdCode);
      const first = seenCodes.get(key);
      if (first !== undefined) cells.issue('HH.CODE_DUPLICATE', F.householdCode, { params: { firstRow: first } });
      else seenCodes.set(key, row);
    }

    records?.push({
      sheet: table.grid.name,
      row,
      householdCode,
      headName,
      headBirthYear: birth?.year ?? null,
      headGender: gender,
      idNumber,
      ethnicity,
      village,
      planVillage,
      size,
      category: categoryKnown ? category : null,
      beginningCategory,
      income,
      b1Score,
      b2Score,
      deprivations: deprivationBits < 0 ? null : indicatorSets.of(deprivationBits),
      deprivationCount,
      meritFamily,
      noWorkCapacity,
      escapedYear,
      reasons: reasonSets.of(reasonsMarked),
    });
  }

  // Repeated IDs, once every row is read: reported on each later occurrence.
  for (const { row, firstRow } of ids.repeats()) cells.at(row).issue('ID.DUPLICATE', F.idNumber, { params: { firstRow } });
}

/**
 * In a list with one row per person, which rows are members' rows (a relationship other than the
 * head's, or a member's name and no head's name) and how many members each head's row has.
 */
function memberRows(
  table: Table,
  cells: RowCells,
  F: { headName: FieldRef; memberName: FieldRef; relationship: FieldRef },
): { isMember: Uint8Array; count: Int32Array; any: boolean } {
  const rows = table.rows;
  const isMember = new Uint8Array(rows.length);
  const count = new Int32Array(rows.length);
  let head = -1;
  let any = false;
  for (let r = 0; r < rows.length; r++) {
    cells.at(rows[r] as number);
    let member: boolean;
    if (F.relationship.col > 0) {
      const rel = cells.value(F.relationship);
      member = typeof rel === 'string' && rel.trim() !== '' && !isHeadRelationship(rel, cells.memory.fold);
    } else member = cells.blank(F.headName) && !cells.blank(F.memberName);
    // A member before any head is checked as a household: its missing fields are then reported.
    if (member && head >= 0) {
      isMember[r] = 1;
      count[head] = (count[head] as number) + 1;
      any = true;
    } else head = r;
  }
  return { isMember, count, any };
}
