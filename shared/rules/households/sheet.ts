import type { HouseholdCategory } from '../../plans/plan.ts';
import type { RulePack } from '../../standards/index.ts';
import { INDICATORS } from '../../standards/index.ts';
import { POVERTY_REASONS } from '../../kinds/index.ts';
import type { Table } from '../../table/read-table.ts';
import type { CheckMemory } from '../../check-memory.ts';
import { type FieldRef, RowCells, type SheetReport } from '../context.ts';
import { IdOccurrences } from '../id-number.ts';
import { type HouseholdLayout, householdLayout } from '../household-layout.ts';
import { type Gender, MarkColumns } from '../read-fields.ts';
import type { MarkSets } from '../mark-sets.ts';
import { type HouseholdFields, householdFields } from './fields.ts';
import { type MemberRows, memberRows } from './member-rows.ts';
import { villageIndex } from './village-index.ts';

const INDICATOR_IDS = INDICATORS.map((d) => d.id);
const REASON_IDS = POVERTY_REASONS.map((r) => r.id);
const BIRTH_FIELDS = [
  ['headBirthYear', null],
  ['headBirthYear.male', 'male'],
  ['headBirthYear.female', 'female'],
] as const;
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

export interface BirthField {
  ref: FieldRef;
  /** The gender a year in this column tells ("Năm sinh → Nam / Nữ"), null for one birth-year column. */
  gender: Gender | null;
}

export interface CategoryMark {
  category: HouseholdCategory;
  ref: FieldRef;
}

/**
 * What the household checks work out once per sheet, before its rows: the columns, the layout, the
 * pack's lines for the commune's area. Read-only, apart from `idNumbers`, which collects the IDs.
 */
export interface HouseholdSheet {
  readonly table: Table;
  readonly report: SheetReport;
  readonly memory: CheckMemory;
  readonly pack: RulePack;
  readonly reportYear: number;
  /** YYYY-MM-DD. */
  readonly reportDate: string;
  /** One reader, moved from row to row. */
  readonly cells: RowCells;
  readonly F: HouseholdFields;
  readonly layout: HouseholdLayout;
  /** The plan's villages, by folded name and number (villageIndex). */
  readonly villages: ReadonlyMap<string, string>;
  /** HH.VILLAGE_UNKNOWN's params: the plan's villages. */
  readonly villageNames: { params: { villages: string } };
  /** Members' rows, where the sheet lists one row per person. */
  readonly members: MemberRows | null;
  readonly birthFields: readonly BirthField[];
  readonly idNumbers: IdOccurrences;
  /** The category given by one mark column per category (the sheet has no category column). */
  readonly categoryByMarks: boolean;
  readonly categoryMarks: readonly CategoryMark[];
  /** The required fields the sheet has (the category's only where it is a column). */
  readonly required: readonly FieldRef[];
  readonly incomeUnit: number;
  readonly indicators: MarkColumns;
  readonly hasIndicators: boolean;
  /** The indicators in one column ("1, 4, 9") where the sheet has no column per indicator. */
  readonly indicatorList: boolean;
  readonly indicatorSets: MarkSets;
  readonly reasons: MarkColumns;
  /** The poverty reasons in one column where the sheet has no column per reason. */
  readonly reasonList: boolean;
  readonly reasonSets: MarkSets;
  readonly escapeWindowYears: number;
  /** The pack's lines for this commune's area, looked up once (not by area name on every row). */
  readonly b1Line: number;
  readonly incomeLine: number;
}

export function householdSheet(table: Table, report: SheetReport): HouseholdSheet {
  const { env } = report;
  const { pack, plan, memory } = env;
  const villages = villageIndex(plan.villages, memory);
  const area = plan.commune.areaType;
  const cells = new RowCells(table, report, 0);
  const F = householdFields(cells);
  const layout = householdLayout(table, villages);
  const indicators = new MarkColumns(INDICATOR_IDS.map((id) => cells.ref(id)).filter((r) => r.col > 0));
  const hasIndicators = indicators.fields.length > 0;
  const indicatorList = !hasIndicators && F.deprivationList.col > 0;
  const categoryMarks = CATEGORY_MARKS.map(([c, f]) => ({ category: c, ref: cells.ref(f) })).filter((m) => m.ref.col > 0);
  const categoryByMarks = !cells.has(F.category) && categoryMarks.length > 0;
  const reasons = new MarkColumns(POVERTY_REASONS.map((r) => cells.ref(`reasons.${r.id}`)).filter((r) => r.col > 0));
  const reasonList = reasons.fields.length === 0 && F.reasonList.col > 0;
  return {
    table,
    report,
    memory,
    pack,
    reportYear: env.reportYear,
    reportDate: env.reportDate,
    cells,
    F,
    layout,
    villages,
    villageNames: { params: { villages: plan.villages.join(', ') } },
    members: layout.personRows ? memberRows(table, cells, F) : null,
    birthFields: BIRTH_FIELDS.map(([field, gender]) => ({ ref: cells.ref(field), gender })).filter((b) => b.ref.col > 0),
    idNumbers: new IdOccurrences(table.rows.length, memory),
    categoryByMarks,
    categoryMarks,
    required: table.spec.required
      .filter((field) => !(field === 'category' && categoryByMarks))
      .map((field) => cells.ref(field))
      .filter((r) => r.col > 0),
    incomeUnit: table.units.get('income') ?? 1,
    indicators,
    hasIndicators,
    indicatorList,
    indicatorSets: memory.markSets(indicatorList ? INDICATOR_IDS : indicators.fields.map((r) => r.name)),
    reasons,
    reasonList,
    reasonSets: memory.markSets(reasonList ? REASON_IDS : POVERTY_REASONS.filter((r) => cells.has(`reasons.${r.id}`)).map((r) => r.id)),
    escapeWindowYears: Math.floor(pack.newlyEscapedMonths / 12),
    b1Line: pack.b1Line[area],
    incomeLine: pack.incomeLine[area],
  };
}
