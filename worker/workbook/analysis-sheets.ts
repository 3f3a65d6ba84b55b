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

// ── Tổng hợp ────────────────────────────────────────────────────────────────────────────────────

const G_POOR = 'Hộ nghèo';
const G_NEAR = 'Hộ cận nghèo';
const G_ESC = 'Hộ mới thoát nghèo';
const G_POOR_TARGET = 'Giảm hộ nghèo';
const G_NEAR_TARGET = 'Giảm hộ cận nghèo';
const G_FUNDS = 'Kinh phí (đồng)';

const SUMMARY_COLUMNS: readonly Column[] = [
  { header: STT, kind: 'plain' },
  { header: COMMUNE, kind: 'text', minWidth: 12 },
  { header: 'Mã xã', kind: 'text' },
  { header: 'Tổng số hộ', kind: 'count' },
  { header: 'Số hộ', group: G_POOR, kind: 'count' },
  { header: 'Tỷ lệ', group: G_POOR, kind: 'percent' },
  { header: 'Số hộ', group: G_NEAR, kind: 'count' },
  { header: 'Tỷ lệ', group: G_NEAR, kind: 'percent' },
  { header: 'Số hộ', group: G_ESC, kind: 'count' },
  { header: 'Tỷ lệ', group: G_ESC, kind: 'percent' },
  { header: 'Đầu năm', group: G_POOR_TARGET, kind: 'count' },
  { header: 'Chỉ tiêu giảm', group: G_POOR_TARGET, kind: 'count' },
  { header: 'Kết quả giảm', group: G_POOR_TARGET, kind: 'count' },
  { header: 'Đầu năm', group: G_NEAR_TARGET, kind: 'count' },
  { header: 'Chỉ tiêu giảm', group: G_NEAR_TARGET, kind: 'count' },
  { header: 'Kết quả giảm', group: G_NEAR_TARGET, kind: 'count' },
  { header: 'Được phân bổ', group: G_FUNDS, kind: 'money' },
  { header: 'Đã giải ngân', group: G_FUNDS, kind: 'money' },
  { header: 'Tỷ lệ giải ngân', group: G_FUNDS, kind: 'percent' },
  // Each stored kind's status, under its group (its definition's `workbook.statusGroup`).
  ...STORED_KINDS.flatMap((k): Column[] => [
    { header: 'Tình trạng', group: k.workbook.statusGroup, kind: 'text' },
    { header: 'Thời điểm nộp', group: k.workbook.statusGroup, kind: 'datetime' },
  ]),
];

function summaryValues(s: SummaryFigures): Cell[] {
  return [
    s.totalHouseholds,
    s.poor,
    s.poorRate,
    s.nearPoor,
    s.nearPoorRate,
    s.newlyEscaped,
    s.newlyEscapedRate,
    s.poorAtStart,
    s.poorTarget,
    s.poorReduced,
    s.nearPoorAtStart,
    s.nearPoorTarget,
    s.nearPoorReduced,
    s.allocated,
    s.disbursed,
    s.disbursedRate,
  ];
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
  const sheet = newSheet('summary', ctx, [...SUMMARY_COLUMNS, ...review.columns], UNITS.households, 2);
  const rows = f.communes.map((c, i): Cell[] => [
    i + 1,
    c.name,
    c.code,
    ...summaryValues(c.summary),
    ...statusValues(c.submissions),
    ...review.row(c.id),
  ]);
  const totals: Cell[][] = [[null, TOTAL, null, ...summaryValues(f.totals.summary), ...statusTotals(f.communes), ...review.total]];
  return render(sheet, rows, totals, [NOTES.summaryRates, NOTES.blank]);
}

// ── Diễn biến ───────────────────────────────────────────────────────────────────────────────────

const CHANGE_COLUMNS: readonly Column[] = [
  { header: STT, kind: 'plain' },
  { header: COMMUNE, kind: 'text', minWidth: 12 },
  { header: 'Căn cứ đầu năm', kind: 'text' },
  { header: 'Đầu năm', group: G_POOR, kind: 'count' },
  { header: 'Thoát nghèo', group: G_POOR, kind: 'count' },
  { header: 'Chuyển sang cận nghèo', group: G_POOR, kind: 'count' },
  { header: 'Từ cận nghèo chuyển sang', group: G_POOR, kind: 'count' },
  { header: 'Phát sinh mới', group: G_POOR, kind: 'count' },
  { header: 'Cuối năm', group: G_POOR, kind: 'count' },
  { header: 'Đầu năm', group: G_NEAR, kind: 'count' },
  { header: 'Thoát cận nghèo', group: G_NEAR, kind: 'count' },
  { header: 'Chuyển sang hộ nghèo', group: G_NEAR, kind: 'count' },
  { header: 'Từ hộ nghèo chuyển sang', group: G_NEAR, kind: 'count' },
  { header: 'Phát sinh mới', group: G_NEAR, kind: 'count' },
  { header: 'Cuối năm', group: G_NEAR, kind: 'count' },
  { header: 'Hộ mới thoát nghèo trong năm', kind: 'count' },
  { header: 'Hộ chưa rõ phân loại đầu năm', kind: 'count' },
];

function changeValues(c: ChangeFigures): Cell[] {
  return [
    c.poorAtStart,
    c.poorToOut,
    c.poorToNearPoor,
    c.nearPoorToPoor,
    c.newPoor,
    c.poorAtEnd,
    c.nearPoorAtStart,
    c.nearPoorToOut,
    c.nearPoorToPoor,
    c.poorToNearPoor,
    c.newNearPoor,
    c.nearPoorAtEnd,
    c.newlyEscaped,
    c.unknownStart,
  ];
}

export function changesSheet(f: DistrictFigures, ctx: SheetContext): WrittenSheet {
  const sheet = newSheet('changes', ctx, CHANGE_COLUMNS, UNITS.households, 3);
  const rows = f.communes.map((c, i): Cell[] => [i + 1, c.name, BASIS_NAMES[c.changes.basis], ...changeValues(c.changes)]);
  const totals: Cell[][] = [[null, TOTAL, null, ...changeValues(f.totals.changes)]];
  return render(sheet, rows, totals, [NOTES.changes, NOTES.blank]);
}

// ── Thiếu hụt ───────────────────────────────────────────────────────────────────────────────────

const DEPRIVATION_COLUMNS: readonly Column[] = [
  { header: STT, kind: 'plain' },
  { header: COMMUNE, kind: 'text', minWidth: 12 },
  { header: 'Nhóm hộ', kind: 'text', minWidth: 12 },
  { header: 'Số hộ', kind: 'count' },
  { header: 'Số hộ có số liệu chỉ số', kind: 'count' },
  ...INDICATORS.flatMap((d): Column[] => [
    { header: 'Số hộ', group: `${d.id}. ${d.name}`, kind: 'count' },
    { header: 'Tỷ lệ', group: `${d.id}. ${d.name}`, kind: 'percent' },
  ]),
];

function deprivationValues(d: DeprivationFigures): Cell[] {
  return [CATEGORY_NAMES[d.category], d.households, d.withIndicators, ...d.deprived.flatMap((n, i) => [n, d.shares[i] ?? null])];
}

export function deprivationsSheet(f: DistrictFigures, ctx: SheetContext): WrittenSheet {
  const sheet = newSheet('deprivations', ctx, DEPRIVATION_COLUMNS, UNITS.households, 3);
  const rows = f.communes.flatMap((c, i): Cell[][] => c.deprivations.map((d) => [i + 1, c.name, ...deprivationValues(d)]));
  const totals = f.totals.deprivations.map((d): Cell[] => [null, TOTAL, ...deprivationValues(d)]);
  return render(sheet, rows, totals, [NOTES.deprivations, NOTES.blank]);
}

// ── Nhóm đối tượng ──────────────────────────────────────────────────────────────────────────────

const GROUP_COLUMNS: readonly Column[] = [
  { header: STT, kind: 'plain' },
  { header: COMMUNE, kind: 'text', minWidth: 12 },
  { header: 'Nhóm hộ', kind: 'text', minWidth: 12 },
  { header: 'Số hộ', kind: 'count' },
  { header: 'Không có khả năng lao động', kind: 'count' },
  { header: 'Có người có công', kind: 'count' },
  { header: 'Dân tộc thiểu số', kind: 'count' },
  { header: 'Có ghi nguyên nhân nghèo', kind: 'count' },
  ...POVERTY_REASONS.map((r): Column => ({ header: r.name, group: 'Nguyên nhân nghèo (số hộ)', kind: 'count' })),
];

function groupValues(g: GroupFigures): Cell[] {
  return [CATEGORY_NAMES[g.category], g.households, g.noWorkCapacity, g.meritFamily, g.ethnicMinority, g.withReasons, ...g.reasons];
}

export function groupsSheet(f: DistrictFigures, ctx: SheetContext): WrittenSheet {
  const sheet = newSheet('groups', ctx, GROUP_COLUMNS, UNITS.households, 3);
  const rows = f.communes.flatMap((c, i): Cell[][] => c.groups.map((g) => [i + 1, c.name, ...groupValues(g)]));
  const totals = f.totals.groups.map((g): Cell[] => [null, TOTAL, ...groupValues(g)]);
  return render(sheet, rows, totals, [NOTES.groups, NOTES.blank]);
}

// ── Dự án ───────────────────────────────────────────────────────────────────────────────────────

const G_ALLOCATED = 'Kinh phí được phân bổ (đồng)';
const PROJECT_COLUMNS: readonly Column[] = [
  { header: STT, kind: 'plain' },
  { header: COMMUNE, kind: 'text', minWidth: 12 },
  { header: 'Mã dự án', kind: 'text' },
  { header: 'Tên dự án, tiểu dự án', kind: 'text' },
  { header: 'Cơ quan chủ trì', kind: 'text' },
  { header: 'Số người trong danh sách hỗ trợ', kind: 'count' },
  { header: 'Số đối tượng thụ hưởng (báo cáo tiến độ)', kind: 'count' },
  { header: 'Tổng', group: G_ALLOCATED, kind: 'money' },
  { header: 'NSTW', group: G_ALLOCATED, kind: 'money' },
  { header: 'NSĐP', group: G_ALLOCATED, kind: 'money' },
  { header: 'Huy động', group: G_ALLOCATED, kind: 'money' },
  { header: 'Đã giải ngân (đồng)', kind: 'money' },
  { header: 'Tỷ lệ giải ngân', kind: 'percent' },
  { header: 'Tình hình thực hiện', kind: 'text' },
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
  const sheet = newSheet('projects', ctx, PROJECT_COLUMNS, UNITS.money, 3);
  const rows = f.communes.flatMap((c, i): Cell[][] => c.projects.map((p) => [i + 1, c.name, ...projectValues(p)]));
  const totals: Cell[][] = [
    ...f.totals.projects.map((p): Cell[] => [null, TOTAL, ...projectValues(p)]),
    [null, TOTAL, null, 'Tất cả dự án, tiểu dự án', null, ...projectValues(f.totals.projectsTotal).slice(3)],
  ];
  return render(sheet, rows, totals, [NOTES.blank]);
}
