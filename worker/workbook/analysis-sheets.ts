import { columnsOf } from '../../shared/kinds/kind.ts';
import { FUNDING_COLUMNS, STATUS_COLUMN } from '../../shared/kinds/progress/sheet.ts';
import { PROJECT_NAME } from '../../shared/kinds/project-record.ts';
import { POVERTY_REASONS } from '../../shared/kinds/reasons.ts';
import type { Period } from '../../shared/periods.ts';
import type {
  ChangeFigures,
  CommuneFigures,
  DeprivationFigures,
  DistrictFigures,
  GroupFigures,
  KindStatus,
  ProjectFigures,
  SummaryFigures,
} from '../../shared/report/index.ts';
import { REVIEW_STATE_NAMES, type ReviewState } from '../../shared/review.ts';
import { STORED_KINDS } from '../../shared/sheet-kind.ts';
import { INDICATORS } from '../../shared/standards/index.ts';
import {
  BASIS_NAMES,
  CATEGORY_NAMES,
  COMMUNE,
  NOTES,
  SHEET_NAMES,
  type SheetId,
  SIGNATURE,
  STATUS_NAMES,
  STT,
  sheetSubtitle,
  sheetTitle,
  TOTAL,
  UNITS,
  UNRESOLVED_PROJECT,
} from './labels.ts';
import { type Cell, type Column, SheetXml } from '../../shared/xlsx/write/sheet-xml.ts';
import type { WorkbookRegion } from './source.ts';

export interface SheetContext {
  region: WorkbookRegion;
  period: Period;
  generatedAt: Date;
  /** The district's review of each commune's report, by commune id, when the source knows it. */
  reviews?: ReadonlyMap<string, ReviewState>;
}

/** A finished analysis sheet: its XML, and what workbook.xml needs of it. */
export interface WrittenSheet {
  xml: string;
  sheet: SheetXml;
}

function newSheet(id: SheetId, ctx: SheetContext, columns: readonly Column[], unit: string, freezeColumns: number): SheetXml {
  return new SheetXml({
    name: SHEET_NAMES[id],
    title: sheetTitle(id, ctx.region, ctx.period),
    subtitle: sheetSubtitle(ctx.generatedAt, unit),
    columns,
    freezeColumns,
    tabSelected: id === 'summary',
  });
}

/** Table rows, the totals rows, notes and the signature block, in that order. */
function render(sheet: SheetXml, rows: readonly Cell[][], totals: readonly Cell[][], notes: readonly string[]): WrittenSheet {
  let xml = '';
  for (const r of rows) xml += sheet.row(r, 'data');
  sheet.endTable();
  for (const r of totals) xml += sheet.row(r, 'total');
  if (notes.length > 0) xml += sheet.gap();
  for (const n of notes) xml += sheet.note(n);
  xml += sheet.signature(SIGNATURE.place, SIGNATURE.preparer, SIGNATURE.head, SIGNATURE.hint);
  xml += sheet.end();
  return { xml, sheet };
}

/** The first columns of the analysis sheets and of Nguồn: the row's number and its commune. */
export const LEAD_COLUMNS: readonly Column[] = [
  { header: STT, kind: 'plain' },
  { header: COMMUNE, kind: 'text', minWidth: 12 },
];

/**
 * An analysis sheet as data, for the one writer (`figuresSheet`): after STT and Xã, its columns and
 * each record's cells (`cells`, told the commune, or null on a totals row); a row per record of each
 * commune (`records`), then a totals row per district record (`totals`) and any `moreTotals`.
 */
interface FiguresTable<T> {
  columns: readonly Column[];
  records(commune: CommuneFigures): readonly T[];
  totals: readonly T[];
  cells(record: T, commune: CommuneFigures | null): Cell[];
  moreTotals?: readonly Cell[][];
}

/** Each analysis sheet's unit line, frozen columns and notes. */
const SHEET_SETUP = {
  summary: { unit: UNITS.households, freezeColumns: 2, notes: [NOTES.summaryRates, NOTES.blank] },
  changes: { unit: UNITS.households, freezeColumns: 3, notes: [NOTES.changes, NOTES.blank] },
  deprivations: { unit: UNITS.households, freezeColumns: 3, notes: [NOTES.deprivations, NOTES.blank] },
  groups: { unit: UNITS.households, freezeColumns: 3, notes: [NOTES.groups, NOTES.blank] },
  projects: { unit: UNITS.money, freezeColumns: 3, notes: [NOTES.blank] },
} as const satisfies Partial<Record<SheetId, { unit: string; freezeColumns: number; notes: readonly string[] }>>;

function figuresSheet<T>(id: keyof typeof SHEET_SETUP, f: DistrictFigures, ctx: SheetContext, table: FiguresTable<T>): WrittenSheet {
  const { unit, freezeColumns, notes } = SHEET_SETUP[id];
  const sheet = newSheet(id, ctx, [...LEAD_COLUMNS, ...table.columns], unit, freezeColumns);
  const rows = f.communes.flatMap((c, i) => table.records(c).map((r): Cell[] => [i + 1, c.name, ...table.cells(r, c)]));
  const totals = table.totals.map((r): Cell[] => [null, TOTAL, ...table.cells(r, null)]);
  return render(sheet, rows, [...totals, ...(table.moreTotals ?? [])], notes);
}

/** Under `group`: how many households, and their share. */
function countAndRate(group: string): Column[] {
  return [
    { header: 'Số hộ', group, kind: 'count' },
    { header: 'Tỷ lệ', group, kind: 'percent' },
  ];
}

// ── Tổng hợp ────────────────────────────────────────────────────────────────────────────────────

const G_POOR = 'Hộ nghèo';
const G_NEAR = 'Hộ cận nghèo';

/** Under `group`: at the start of the year, the target to reduce, what was reduced. */
function targetColumns(group: string): Column[] {
  return columnsOf('count', ['Đầu năm', 'Chỉ tiêu giảm', 'Kết quả giảm'], group);
}

const G_FUNDS = 'Kinh phí (đồng)';

const SUMMARY_COLUMNS: readonly Column[] = [
  { header: 'Mã xã', kind: 'text' },
  { header: 'Tổng số hộ', kind: 'count' },
  ...[G_POOR, G_NEAR, 'Hộ mới thoát nghèo'].flatMap(countAndRate),
  ...targetColumns('Giảm hộ nghèo'),
  ...targetColumns('Giảm hộ cận nghèo'),
  ...columnsOf('money', ['Được phân bổ', 'Đã giải ngân'], G_FUNDS),
  { header: 'Tỷ lệ giải ngân', group: G_FUNDS, kind: 'percent' },
  // Each stored kind's status, under its group (its definition's `workbook.statusGroup`).
  ...STORED_KINDS.flatMap((k): Column[] => [
    { header: 'Tình trạng', group: k.workbook.statusGroup, kind: 'text' },
    { header: 'Thời điểm nộp', group: k.workbook.statusGroup, kind: 'datetime' },
  ]),
];

const SUMMARY_FIELDS = [
  'totalHouseholds', 'poor', 'poorRate', 'nearPoor', 'nearPoorRate', 'newlyEscaped', 'newlyEscapedRate',
  'poorAtStart', 'poorTarget', 'poorReduced', 'nearPoorAtStart', 'nearPoorTarget', 'nearPoorReduced',
  'allocated', 'disbursed', 'disbursedRate',
] as const satisfies readonly (keyof SummaryFigures)[];

function summaryValues(s: SummaryFigures): Cell[] {
  return SUMMARY_FIELDS.map((field) => s[field]);
}

function statusValues(statuses: readonly KindStatus[]): Cell[] {
  return statuses.flatMap((k) => [STATUS_NAMES[k.status], k.receivedAt]);
}

/** The totals row's status cells: how many communes sent each kind. */
function statusTotals(communes: readonly CommuneFigures[]): Cell[] {
  const kinds = communes[0]?.submissions.map((k) => k.kind) ?? STORED_KINDS.map((k) => k.id);
  return kinds.flatMap((kind) => {
    const due = communes.filter((c) => c.submissions.some((k) => k.kind === kind && k.status !== 'notDue')).length;
    const sent = communes.filter((c) => c.submissions.some((k) => k.kind === kind && (k.status === 'onTime' || k.status === 'late'))).length;
    return [due === 0 ? null : `Đã nộp ${sent}/${due} xã`, null];
  });
}

/** The last column when the reviews are known: chưa nộp, chờ duyệt, đã duyệt, trả lại. */
const REVIEW_COLUMN: Column = { header: 'Trạng thái duyệt', kind: 'text' };

function reviewCells(f: DistrictFigures, reviews: ReadonlyMap<string, ReviewState> | undefined) {
  if (reviews === undefined) return { columns: [], row: () => [], total: [] };
  const stateOf = (id: string): ReviewState => reviews.get(id) ?? 'missing';
  const accepted = f.communes.filter((c) => stateOf(c.id) === 'accepted').length;
  return {
    columns: [REVIEW_COLUMN],
    row: (id: string): Cell[] => [REVIEW_STATE_NAMES[stateOf(id)].vi],
    total: [`Đã duyệt ${accepted}/${f.communes.length} xã`] as Cell[],
  };
}

export function summarySheet(f: DistrictFigures, ctx: SheetContext): WrittenSheet {
  const review = reviewCells(f, ctx.reviews);
  return figuresSheet('summary', f, ctx, {
    columns: [...SUMMARY_COLUMNS, ...review.columns],
    records: (c) => [c.summary],
    totals: [f.totals.summary],
    cells: (s, c) =>
      c === null
        ? [null, ...summaryValues(s), ...statusTotals(f.communes), ...review.total]
        : [c.code, ...summaryValues(s), ...statusValues(c.submissions), ...review.row(c.id)],
  });
}

// ── Diễn biến ───────────────────────────────────────────────────────────────────────────────────

/** Under a category's group: at the start, each way in and out of it, at the end. */
function flowColumns(group: string, out: string, toOther: string, fromOther: string): Column[] {
  return columnsOf('count', ['Đầu năm', out, toOther, fromOther, 'Phát sinh mới', 'Cuối năm'], group);
}

const CHANGE_COLUMNS: readonly Column[] = [
  { header: 'Căn cứ đầu năm', kind: 'text' },
  ...flowColumns(G_POOR, 'Thoát nghèo', 'Chuyển sang cận nghèo', 'Từ cận nghèo chuyển sang'),
  ...flowColumns(G_NEAR, 'Thoát cận nghèo', 'Chuyển sang hộ nghèo', 'Từ hộ nghèo chuyển sang'),
  ...columnsOf('count', ['Hộ mới thoát nghèo trong năm', 'Hộ chưa rõ phân loại đầu năm']),
];

const CHANGE_FIELDS = [
  'poorAtStart', 'poorToOut', 'poorToNearPoor', 'nearPoorToPoor', 'newPoor', 'poorAtEnd', 'nearPoorAtStart',
  'nearPoorToOut', 'nearPoorToPoor', 'poorToNearPoor', 'newNearPoor', 'nearPoorAtEnd', 'newlyEscaped',
  'unknownStart',
] as const satisfies readonly (keyof ChangeFigures)[];

function changeValues(c: ChangeFigures): Cell[] {
  return CHANGE_FIELDS.map((field) => c[field]);
}

export function changesSheet(f: DistrictFigures, ctx: SheetContext): WrittenSheet {
  return figuresSheet('changes', f, ctx, {
    columns: CHANGE_COLUMNS,
    records: (c) => [c.changes],
    totals: [f.totals.changes],
    cells: (ch, c) => [c === null ? null : BASIS_NAMES[ch.basis], ...changeValues(ch)],
  });
}

// ── Thiếu hụt and Nhóm đối tượng: a row per category of household ──────────────────────────────

/** The columns after Xã of the sheets with a row per category: the category, its households. */
const CATEGORY_COLUMNS: readonly Column[] = [
  { header: 'Nhóm hộ', kind: 'text', minWidth: 12 },
  { header: 'Số hộ', kind: 'count' },
];

const DEPRIVATION_COLUMNS: readonly Column[] = [
  ...CATEGORY_COLUMNS,
  { header: 'Số hộ có số liệu chỉ số', kind: 'count' },
  ...INDICATORS.flatMap((d) => countAndRate(`${d.id}. ${d.name}`)),
];

export function deprivationsSheet(f: DistrictFigures, ctx: SheetContext): WrittenSheet {
  return figuresSheet('deprivations', f, ctx, {
    columns: DEPRIVATION_COLUMNS,
    records: (c) => c.deprivations,
    totals: f.totals.deprivations,
    cells: (d: DeprivationFigures) => [CATEGORY_NAMES[d.category], d.households, d.withIndicators, ...d.deprived.flatMap((n, i) => [n, d.shares[i] ?? null])],
  });
}

const GROUP_COLUMNS: readonly Column[] = [
  ...CATEGORY_COLUMNS,
  ...columnsOf('count', ['Không có khả năng lao động', 'Có người có công', 'Dân tộc thiểu số', 'Có ghi nguyên nhân nghèo']),
  ...columnsOf(
    'count',
    POVERTY_REASONS.map((r) => r.name),
    'Nguyên nhân nghèo (số hộ)',
  ),
];

export function groupsSheet(f: DistrictFigures, ctx: SheetContext): WrittenSheet {
  return figuresSheet('groups', f, ctx, {
    columns: GROUP_COLUMNS,
    records: (c) => c.groups,
    totals: f.totals.groups,
    cells: (g: GroupFigures) => [CATEGORY_NAMES[g.category], g.households, g.noWorkCapacity, g.meritFamily, g.ethnicMinority, g.withReasons, ...g.reasons],
  });
}

// ── Dự án ───────────────────────────────────────────────────────────────────────────────────────

const PROJECT_COLUMNS: readonly Column[] = [
  { header: 'Mã dự án', kind: 'text' },
  ...columnsOf('text', [PROJECT_NAME, 'Cơ quan chủ trì']),
  ...columnsOf('count', ['Số người trong danh sách hỗ trợ', 'Số đối tượng thụ hưởng (báo cáo tiến độ)']),
  ...FUNDING_COLUMNS,
  { header: 'Tỷ lệ giải ngân', kind: 'percent' },
  STATUS_COLUMN,
];

function projectValues(p: ProjectFigures): Cell[] {
  return [
    p.code,
    p.code === null ? UNRESOLVED_PROJECT : p.name,
    p.lead,
    p.listed,
    p.reported,
    p.allocated,
    p.allocatedCentral,
    p.allocatedLocal,
    p.allocatedMobilised,
    p.disbursed,
    p.disbursedRate,
    p.status,
  ];
}

export function projectsSheet(f: DistrictFigures, ctx: SheetContext): WrittenSheet {
  return figuresSheet('projects', f, ctx, {
    columns: PROJECT_COLUMNS,
    records: (c) => c.projects,
    totals: f.totals.projects,
    cells: projectValues,
    moreTotals: [[null, TOTAL, null, 'Tất cả dự án, tiểu dự án', null, ...projectValues(f.totals.projectsTotal).slice(3)]],
  });
}
