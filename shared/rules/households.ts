import type { HouseholdCategory } from '../plans/plan.ts';
import { INDICATORS } from '../standards/index.ts';
import { POVERTY_REASONS } from '../kinds/index.ts';
import type { Table } from '../table/read-table.ts';
import { foldName } from '../text/normalize.ts';
import { RowCells, type SheetReport } from './context.ts';
import { checkIdNumber } from './id-number.ts';
import {
  categoryOf,
  type Gender,
  readGender,
  readMark,
  readMoney,
  readNumber,
  readText,
  readYearOrDate,
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
  /** Indicator ids marked (D01…D12) where the sheet has indicator columns. */
  deprivations: string[] | null;
  deprivationCount: number | null;
  meritFamily: boolean;
  noWorkCapacity: boolean;
  escapedYear: number | null;
  reasons: string[];
}

const INDICATOR_IDS = INDICATORS.map((d) => d.id);
const CATEGORY_MARKS: [HouseholdCategory, string][] = [
  ['poor', 'category.poor'],
  ['nearPoor', 'category.nearPoor'],
  ['newlyEscaped', 'category.newlyEscaped'],
];
const BIRTH_FIELDS = [
  ['headBirthYear', null],
  ['headBirthYear.male', 'male'],
  ['headBirthYear.female', 'female'],
] as const;
const MIN_AGE = 15;
const MAX_AGE = 110;
const MIN_SIZE = 1;
const MAX_SIZE = 30;

export function villageIndex(villages: readonly string[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const v of villages) {
    index.set(foldName(v), v);
    const n = /(\d+)$/.exec(foldName(v));
    if (n) index.set(n[1] as string, v);
  }
  return index;
}

export function checkHouseholds(table: Table, report: SheetReport): HouseholdRecord[] {
  const { env } = report;
  const { pack, plan } = env;
  const villages = villageIndex(plan.villages);
  const area = plan.commune.areaType;
  const hasIndicators = INDICATOR_IDS.some((id) => table.columns.has(id));
  const markColumns = CATEGORY_MARKS.filter(([, f]) => table.columns.has(f));
  const categoryByMarks = !table.columns.has('category') && markColumns.length > 0;
  const incomeUnit = table.units.get('income') ?? 1;
  const reasonFields = POVERTY_REASONS.map((r) => ({ id: r.id, field: `reasons.${r.id}` })).filter((r) => table.columns.has(r.field));
  const indicatorFields = INDICATOR_IDS.filter((id) => table.columns.has(id));
  // Keyed by number: 12 (or 9) digits fit exactly in a double, and number keys hash fast.
  const seenIds = new Map<number, number>();
  const seenCodes = new Map<string, number>();
  const records: HouseholdRecord[] = [];

  const reader = new RowCells(table, report, 0);
  for (const row of table.rows) {
    const cells = reader.at(row);
    for (const field of table.spec.required) {
      if (field === 'category' && categoryByMarks) continue;
      if (cells.has(field) && cells.blank(field)) cells.required(field);
    }

    const householdCode = readText(cells, 'householdCode');
    const headName = readText(cells, 'headName');

    // Birth year: one column, or the classic pair "Năm sinh → Nam / Nữ" (the year under the gender).
    let birthField: string | null = null;
    let birth = null;
    let gender: Gender | null = null;
    for (const [field, g] of BIRTH_FIELDS) {
      if (!cells.has(field) || cells.blank(field)) continue;
      birthField ??= field;
      const value = readYearOrDate(cells, field, 1900, env.reportYear);
      if (value && !birth) {
        birth = value;
        birthField = field;
        if (g) gender = g;
      }
    }
    gender = readGender(cells, 'headGender') ?? gender;
    const idNumber = checkIdNumber(cells, 'idNumber', { birthYear: birth?.year ?? null, gender });

    const ethnicity = readText(cells, 'ethnicity');
    const village = readText(cells, 'village');
    let planVillage: string | null = null;
    if (village !== null) {
      planVillage = villages.get(foldName(village)) ?? null;
      if (!planVillage) cells.issue('HH.VILLAGE_UNKNOWN', 'village', { params: { villages: plan.villages.join(', ') } });
    }

    const size = readNumber(cells, 'size', 'integer');
    if (size !== null && (!Number.isInteger(size) || size < MIN_SIZE || size > MAX_SIZE)) {
      cells.issue('HH.SIZE_RANGE', 'size', { params: { min: MIN_SIZE, max: MAX_SIZE } });
    }

    // Category: one column of words, or one mark column per category.
    let category: HouseholdCategory | null = null;
    let categoryKnown = false;
    if (categoryByMarks) {
      const marked: HouseholdCategory[] = [];
      let unreadable = false;
      for (const [c, field] of markColumns) {
        const m = readMark(cells, field);
        if (m === null) unreadable = true;
        else if (m) marked.push(c);
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
      const text = readText(cells, 'category');
      if (text !== null) {
        category = categoryOf(text);
        if (category) categoryKnown = true;
        else cells.issue('HH.CATEGORY_UNKNOWN', 'category');
      }
    }
    const beginningText = readText(cells, 'beginningCategory');
    const beginningCategory = beginningText === null ? null : categoryOf(beginningText);

    const income = readMoney(cells, 'income', incomeUnit);
    if (income !== null && income < 0) cells.typeError('income', 'money');
    const b1Score = readNumber(cells, 'b1Score');
    const b2Score = readNumber(cells, 'b2Score');

    // Deprivations: the marks counted where the sheet has indicator columns, else the stated total.
    let deprivations: string[] | null = null;
    if (hasIndicators) {
      deprivations = [];
      for (const id of indicatorFields) {
        const m = readMark(cells, id);
        if (m === null && !cells.blank(id)) {
          deprivations = null;
          break;
        }
        if (m) deprivations.push(id);
      }
    }
    const stated = readNumber(cells, 'deprivationCount', 'integer');
    const statedUsable = stated !== null && Number.isInteger(stated) && stated >= 0;
    if (stated !== null && !statedUsable) cells.typeError('deprivationCount', 'integer');
    if (deprivations !== null && statedUsable && stated !== deprivations.length) {
      cells.issue('HH.DEPRIVATION_COUNT', 'deprivationCount', { expected: deprivations.length });
    }
    let deprivationCount: number | null = deprivations?.length ?? (statedUsable ? stated : null);
    if (b2Score !== null && deprivationCount !== null && b2Score !== deprivationCount * pack.b2PointsPerIndicator) {
      cells.issue('HH.B2_MISMATCH', 'b2Score', { expected: deprivationCount * pack.b2PointsPerIndicator });
    }
    if (deprivationCount === null && b2Score !== null && hasNoCountSource(cells, hasIndicators)) {
      deprivationCount = Math.floor(b2Score / pack.b2PointsPerIndicator);
    }

    // HH.CLASS_MISMATCH: the income side and the deprivation count decide poor / near-poor.
    if (categoryKnown && (category === 'poor' || category === 'nearPoor') && deprivationCount !== null) {
      let lowIncome: boolean | null = null;
      if (b1Score !== null) lowIncome = b1Score <= pack.b1Line[area];
      else if (income !== null && income >= 0) lowIncome = income <= pack.incomeLine[area];
      if (lowIncome !== null) {
        const expected: HouseholdCategory | null = !lowIncome
          ? null
          : deprivationCount >= pack.poorMinDeprivations
            ? 'poor'
            : 'nearPoor';
        if (expected !== category) {
          const params = {
            incomeSide: b1Score !== null ? 'b1' : 'income',
            line: b1Score !== null ? pack.b1Line[area] : pack.incomeLine[area],
            income: b1Score ?? income,
            deprivations: deprivationCount,
            pack: pack.id,
          };
          if (categoryByMarks) {
            report.add({ code: 'HH.CLASS_MISMATCH', row, column: null, field: 'category', value: category, expected, params });
          } else cells.issue('HH.CLASS_MISMATCH', 'category', { expected, params });
        }
      }
    }

    const meritFamily = readMark(cells, 'meritFamily') ?? false;
    const noWorkCapacity = readMark(cells, 'noWorkCapacity') ?? false;
    const reasons: string[] = [];
    for (const r of reasonFields) if (readMark(cells, r.field)) reasons.push(r.id);

    // HH.ESCAPED_WINDOW: newly escaped needs a year inside report year − 3 … report year.
    let escapedYear: number | null = null;
    if (cells.has('escapedYear')) {
      const y = readYearOrDate(cells, 'escapedYear', 1900, 2200);
      escapedYear = y?.year ?? null;
      const windowYears = Math.floor(pack.newlyEscapedMonths / 12);
      if (categoryKnown && category === 'newlyEscaped') {
        const unreadable = y === null && !cells.blank('escapedYear');
        if (!unreadable && (escapedYear === null || escapedYear < env.reportYear - windowYears || escapedYear > env.reportYear)) {
          cells.issue('HH.ESCAPED_WINDOW', 'escapedYear', {
            params: { from: env.reportYear - windowYears, to: env.reportYear },
          });
        }
      }
    }

    // HH.AGE_RANGE on the head's birth year (or date).
    if (birth && birthField) {
      const age = birth.date ? wholeYearsBetween(birth.date, env.reportDate) : env.reportYear - birth.year;
      if (age < MIN_AGE || age > MAX_AGE) cells.issue('HH.AGE_RANGE', birthField, { params: { age, min: MIN_AGE, max: MAX_AGE } });
    }

    // Repeats are reported on each later occurrence.
    if (idNumber !== null) {
      const key = idNumber.length * 1e12 + Number(idNumber);
      const first = seenIds.get(key);
      if (first !== undefined) cells.issue('ID.DUPLICATE', 'idNumber', { params: { firstRow: first } });
      else seenIds.set(key, row);
    }
    if (householdCode !== null) {
      const key = foldName(householdCode);
      const first = seenCodes.get(key);
      if (first !== undefined) cells.issue('HH.CODE_DUPLICATE', 'householdCode', { params: { firstRow: first } });
      else seenCodes.set(key, row);
    }

    records.push({
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
      deprivations,
      deprivationCount,
      meritFamily,
      noWorkCapacity,
      escapedYear,
      reasons,
    });
  }
  return records;
}

function hasNoCountSource(cells: RowCells, hasIndicators: boolean): boolean {
  return !hasIndicators && (!cells.has('deprivationCount') || cells.blank('deprivationCount'));
}
