import type { HouseholdCategory } from '../plans/plan.ts';
import { INDICATORS, type RulePack } from '../standards/index.ts';
import { POVERTY_REASONS } from '../kinds/index.ts';
import { HOUSEHOLDS } from '../kinds/households.ts';
import type { Table } from '../table/read-table.ts';
import type { CheckMemory } from '../check-memory.ts';
import type { MarkSets } from './mark-sets.ts';
import { type FieldRef, RowCells, type SheetReport } from './context.ts';
import { IdOccurrences } from './id-number.ts';
import { type HouseholdLayout, householdLayout, isHeadRelationship } from './household-layout.ts';
import { type Gender, MarkColumns } from './read-fields.ts';

/**
 * One household table as checkHouseholds reads it: every field resolved to its column, the plan's
 * lines for the commune's area and the check's own state (the IDs and codes seen so far), made once
 * per table so that a row's checks look nothing up.
 */
export interface HouseholdSheet {
  readonly table: Table;
  readonly report: SheetReport;
  readonly cells: RowCells;
  readonly memory: CheckMemory;
  readonly pack: RulePack;
  readonly F: HouseholdFields;
  readonly layout: HouseholdLayout;
  /** The plan's villages by folded name (and by number: "Thôn 3" → "3"). */
  readonly villages: ReadonlyMap<string, string>;
  readonly villageNames: { params: { villages: string } };
  /** Where the list has one row per person: which rows are members' and how many each head has. */
  readonly members: MemberRows | null;
  /** The head's birth year: one column, or the classic pair "Năm sinh → Nam / Nữ". */
  readonly birthFields: readonly { readonly ref: FieldRef; readonly gender: Gender | null }[];
  readonly required: readonly FieldRef[];
  /** No category column but one mark column per category. */
  readonly categoryByMarks: boolean;
  readonly categoryMarks: readonly { readonly category: HouseholdCategory; readonly ref: FieldRef }[];
  readonly indicators: MarkColumns;
  readonly hasIndicators: boolean;
  /** The indicators in one column ("1, 4, 9") where the sheet has no column per indicator. */
  readonly indicatorList: boolean;
  readonly indicatorSets: MarkSets;
  readonly reasons: MarkColumns;
  readonly reasonList: boolean;
  readonly reasonSets: MarkSets;
  /** The sheet has reason columns, or a list column of them. */
  readonly readsReasons: boolean;
  /** The sheet has a field only read for its type (the recognition date, the ethnic marks). */
  readonly readsOtherFields: boolean;
  readonly incomeUnit: number;
  /** The pack's lines for this commune's area, looked up once (not by area name on every row). */
  readonly b1Line: number;
  readonly incomeLine: number;
  readonly escapeWindowYears: number;
  readonly reportYear: number;
  readonly reportDate: string;
  readonly ids: IdOccurrences;
  /** Household codes seen, folded, with their first row. */
  readonly seenCodes: Map<string, number>;
}

export interface MemberRows {
  readonly isMember: Uint8Array;
  readonly count: Int32Array;
  readonly any: boolean;
}

const FIELD_NAMES = [
  'householdCode', 'headName', 'headGender', 'idNumber', 'ethnicity', 'village', 'size', 'category',
  'beginningCategory', 'income', 'b1Score', 'b2Score', 'deprivationCount', 'meritFamily', 'noWorkCapacity',
  'escapedYear', 'memberName', 'relationship', 'address', 'recognitionDate', 'ethnicMinority', 'localEthnic',
  'reasonList', 'deprivationList',
] as const;

export type HouseholdFields = { readonly [F in (typeof FIELD_NAMES)[number]]: FieldRef };

const INDICATOR_IDS = INDICATORS.map((d) => d.id);
const REASON_IDS = POVERTY_REASONS.map((r) => r.id);

/** The required fields checkHouseholds reads before its CELL.REQUIRED test: the spec's list, no more. */
const READ_BEFORE_REQUIRED: readonly string[] = ['headName', 'idNumber', 'village', 'size', 'category'];
for (const field of HOUSEHOLDS.required) {
  if (!READ_BEFORE_REQUIRED.includes(field)) throw new Error(`checkHouseholds: required field ${field} is not read before CELL.REQUIRED`);
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
const BIRTH_FIELDS = [
  ['headBirthYear', null],
  ['headBirthYear.male', 'male'],
  ['headBirthYear.female', 'female'],
] as const;

export function villageIndex(villages: readonly string[], memory: CheckMemory): Map<string, string> {
  const index = new Map<string, string>();
  for (const v of villages) {
    index.set(memory.foldName(v), v);
    const n = /(\d+)$/.exec(memory.foldName(v));
    if (n) index.set(n[1] as string, v);
  }
  return index;
}

export function householdSheet(table: Table, report: SheetReport): HouseholdSheet {
  const { pack, plan, memory, reportYear, reportDate } = report.env;
  const villages = villageIndex(plan.villages, memory);
  const area = plan.commune.areaType;
  const cells = new RowCells(table, report, 0);
  const F = Object.fromEntries(FIELD_NAMES.map((name) => [name, cells.ref(name)])) as unknown as HouseholdFields;
  const layout = householdLayout(table, villages);
  const indicators = new MarkColumns(INDICATOR_IDS.map((id) => cells.ref(id)).filter((r) => r.col > 0));
  const hasIndicators = indicators.fields.length > 0;
  const indicatorList = !hasIndicators && F.deprivationList.col > 0;
  const categoryMarks = CATEGORY_MARKS.map(([category, f]) => ({ category, ref: cells.ref(f) })).filter((m) => m.ref.col > 0);
  const categoryByMarks = !cells.has(F.category) && categoryMarks.length > 0;
  const reasons = new MarkColumns(POVERTY_REASONS.map((r) => cells.ref(`reasons.${r.id}`)).filter((r) => r.col > 0));
  const reasonList = reasons.fields.length === 0 && F.reasonList.col > 0;
  return {
    table,
    report,
    cells,
    memory,
    pack,
    F,
    layout,
    villages,
    villageNames: { params: { villages: plan.villages.join(', ') } },
    members: layout.personRows ? memberRows(table, cells, F) : null,
    birthFields: BIRTH_FIELDS.map(([field, gender]) => ({ ref: cells.ref(field), gender })).filter((b) => b.ref.col > 0),
    required: table.spec.required
      .filter((field) => !(field === 'category' && categoryByMarks))
      .map((field) => cells.ref(field))
      .filter((r) => r.col > 0),
    categoryByMarks,
    categoryMarks,
    indicators,
    hasIndicators,
    indicatorList,
    indicatorSets: memory.markSets(indicatorList ? INDICATOR_IDS : indicators.fields.map((r) => r.name)),
    reasons,
    reasonList,
    reasonSets: memory.markSets(reasonList ? REASON_IDS : POVERTY_REASONS.filter((r) => cells.has(`reasons.${r.id}`)).map((r) => r.id)),
    readsReasons: reasons.fields.length > 0 || reasonList,
    readsOtherFields: F.recognitionDate.col > 0 || F.ethnicMinority.col > 0 || F.localEthnic.col > 0,
    incomeUnit: table.units.get('income') ?? 1,
    b1Line: pack.b1Line[area],
    incomeLine: pack.incomeLine[area],
    escapeWindowYears: Math.floor(pack.newlyEscapedMonths / 12),
    reportYear,
    reportDate,
    ids: new IdOccurrences(table.rows.length, memory),
    seenCodes: new Map(),
  };
}

/**
 * In a list with one row per person, which rows are members' rows (a relationship other than the
 * head's, or a member's name and no head's name) and how many members each head's row has.
 */
function memberRows(table: Table, cells: RowCells, F: HouseholdFields): MemberRows {
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
