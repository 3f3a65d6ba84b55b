import { strFromU8, unzipSync } from 'fflate';
import type { AnalysedCategory, CommuneFigures, DeprivationFigures, DistrictFigures, ProjectFigures, SummaryFigures } from '../../shared/report/figures.ts';
import { INDICATORS } from '../../shared/standards/index.ts';

/**
 * The charts' figures, read back from the merged workbook's analysis sheets (Tổng hợp, Thiếu hụt,
 * Dự án): the very numbers the district sends upward, computed by the Worker with each commune's
 * plan (total households, reduction targets), which the district role cannot read on its own.
 * The result has the shapes of shared/report (`SummaryFigures`, `DeprivationFigures`,
 * `ProjectFigures`), so a JSON route answering those same shapes can replace this reader without
 * touching the charts. Columns are found by their headers, never by position; a header that is
 * not there is an error (no chart is better than a wrong one).
 */

export type CommuneChartFigures = Pick<CommuneFigures, 'name' | 'code' | 'summary' | 'deprivations' | 'projects'>;

export interface ChartFigures {
  communes: CommuneChartFigures[];
  totals: Pick<DistrictFigures['totals'], 'summary' | 'deprivations' | 'projects' | 'projectsTotal'>;
}

/** The workbook is not in the shape this reader knows (a sheet or a column is missing). */
export class WorkbookShapeError extends Error {
  constructor(
    readonly sheet: string,
    readonly column: string | null,
  ) {
    super(`workbook: ${sheet}${column === null ? '' : ` › ${column}`}`);
    this.name = 'WorkbookShapeError';
  }
}

// The workbook's labels (worker/workbook/labels.ts and analysis-sheets.ts): a group header and a column header are joined by " › ".
const SHEETS = { summary: 'Tổng hợp', deprivations: 'Thiếu hụt', projects: 'Dự án' } as const;
const STT = 'STT';
const COMMUNE = 'Xã';
const TOTAL = 'Tổng cộng';
const CATEGORY_LABELS: Readonly<Record<string, AnalysedCategory>> = { 'Hộ nghèo': 'poor', 'Hộ cận nghèo': 'nearPoor' };

const SUMMARY_COLUMNS = {
  code: 'Mã xã',
  totalHouseholds: 'Tổng số hộ',
  poor: 'Hộ nghèo › Số hộ',
  poorRate: 'Hộ nghèo › Tỷ lệ',
  nearPoor: 'Hộ cận nghèo › Số hộ',
  nearPoorRate: 'Hộ cận nghèo › Tỷ lệ',
  newlyEscaped: 'Hộ mới thoát nghèo › Số hộ',
  newlyEscapedRate: 'Hộ mới thoát nghèo › Tỷ lệ',
  poorAtStart: 'Giảm hộ nghèo › Đầu năm',
  poorTarget: 'Giảm hộ nghèo › Chỉ tiêu giảm',
  poorReduced: 'Giảm hộ nghèo › Kết quả giảm',
  nearPoorAtStart: 'Giảm hộ cận nghèo › Đầu năm',
  nearPoorTarget: 'Giảm hộ cận nghèo › Chỉ tiêu giảm',
  nearPoorReduced: 'Giảm hộ cận nghèo › Kết quả giảm',
  allocated: 'Kinh phí (đồng) › Được phân bổ',
  disbursed: 'Kinh phí (đồng) › Đã giải ngân',
  disbursedRate: 'Kinh phí (đồng) › Tỷ lệ giải ngân',
} as const;

const DEPRIVATION_COLUMNS = { category: 'Nhóm hộ', households: 'Số hộ', withIndicators: 'Số hộ có số liệu chỉ số' } as const;

const PROJECT_COLUMNS = {
  code: 'Mã dự án',
  name: 'Tên dự án, tiểu dự án',
  lead: 'Cơ quan chủ trì',
  listed: 'Số người trong danh sách hỗ trợ',
  reported: 'Số đối tượng thụ hưởng (báo cáo tiến độ)',
  allocated: 'Kinh phí được phân bổ (đồng) › Tổng',
  allocatedCentral: 'Kinh phí được phân bổ (đồng) › NSTW',
  allocatedLocal: 'Kinh phí được phân bổ (đồng) › NSĐP',
  allocatedMobilised: 'Kinh phí được phân bổ (đồng) › Huy động',
  disbursed: 'Đã giải ngân (đồng)',
  disbursedRate: 'Tỷ lệ giải ngân',
  status: 'Tình hình thực hiện',
} as const;

// ---- reading the package -------------------------------------------------------------------

type Value = string | number | boolean | null;
/** A sheet's rows by Excel row number; each row's values by 0-based column. */
type Rows = Map<number, Value[]>;

function parseXml(text: string, part: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) throw new WorkbookShapeError(part, null);
  return doc;
}

function elements(parent: Document | Element, localName: string): Element[] {
  return [...parent.getElementsByTagNameNS('*', localName)];
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

function cellValue(c: Element, shared: readonly string[]): Value {
  const type = c.getAttribute('t');
  if (type === 'inlineStr') return elements(c, 't').map((t) => t.textContent ?? '').join('');
  const v = elements(c, 'v')[0]?.textContent ?? null;
  if (v === null) return null;
  if (type === 's') return shared[Number(v)] ?? null;
  if (type === 'str' || type === 'e') return v;
  if (type === 'b') return v === '1';
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function sheetRows(doc: Document, shared: readonly string[]): Rows {
  const rows: Rows = new Map();
  for (const row of elements(doc, 'row')) {
    const r = Number(row.getAttribute('r'));
    const values: Value[] = [];
    for (const c of elements(row, 'c')) {
      const i = columnIndex(c.getAttribute('r') ?? '');
      if (i >= 0) values[i] = cellValue(c, shared);
    }
    rows.set(r, values);
  }
  return rows;
}

/** The named sheets of an .xlsx, found through workbook.xml and its relationships. */
export function readSheets(bytes: Uint8Array, names: readonly string[]): Map<string, Rows> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels' || f.name === 'xl/sharedStrings.xml' });
  } catch {
    throw new WorkbookShapeError('xlsx', null);
  }
  const part = (name: string): Document => {
    const data = files[name];
    if (!data) throw new WorkbookShapeError(name, null);
    return parseXml(strFromU8(data), name);
  };
  const rels = new Map(elements(part('xl/_rels/workbook.xml.rels'), 'Relationship').map((r) => [r.getAttribute('Id') ?? '', r.getAttribute('Target') ?? '']));
  const paths = new Map<string, string>();
  for (const sheet of elements(part('xl/workbook.xml'), 'sheet')) {
    const name = sheet.getAttribute('name') ?? '';
    const id = [...sheet.attributes].find((a) => a.localName === 'id' && a.namespaceURI !== null)?.value ?? '';
    const target = rels.get(id);
    if (target === undefined) continue;
    paths.set(name, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const shared = files['xl/sharedStrings.xml'] ? elements(part('xl/sharedStrings.xml'), 'si').map((si) => elements(si, 't').map((t) => t.textContent ?? '').join('')) : [];
  const wanted = new Map<string, string>();
  for (const name of names) {
    const path = paths.get(name);
    if (path === undefined) throw new WorkbookShapeError(name, null);
    wanted.set(path, name);
  }
  const sheets = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
  const out = new Map<string, Rows>();
  for (const [path, name] of wanted) {
    const data = sheets[path];
    if (!data) throw new WorkbookShapeError(name, null);
    out.set(name, sheetRows(parseXml(strFromU8(data), path), shared));
  }
  return out;
}

// ---- reading the tables --------------------------------------------------------------------

interface Table {
  sheet: string;
  columns: Map<string, number>;
  /** Rows of communes (STT is a number), in order. */
  data: Value[][];
  /** The totals rows ("Tổng cộng"), in order. */
  totals: Value[][];
}

/** Header row(s) → "Group › Header" keys; then the data rows and the totals rows under them. */
function table(rows: Rows, sheet: string): Table {
  const numbers = [...rows.keys()].sort((a, b) => a - b);
  const headerRow = numbers.find((r) => rows.get(r)?.[0] === STT && rows.get(r)?.includes(COMMUNE));
  if (headerRow === undefined) throw new WorkbookShapeError(sheet, COMMUNE);
  const upper = rows.get(headerRow) ?? [];
  const next = rows.get(headerRow + 1) ?? [];
  const twoRows = next[0] === null || next[0] === undefined ? next.some((v) => typeof v === 'string' && v !== '') : false;
  const lower = twoRows ? next : [];
  const columns = new Map<string, number>();
  let group: string | null = null;
  for (let i = 0; i < Math.max(upper.length, lower.length); i++) {
    const top = upper[i];
    const leaf = lower[i];
    if (typeof leaf === 'string' && leaf !== '') {
      if (typeof top === 'string' && top !== '') group = top;
      columns.set(group === null ? leaf : `${group} › ${leaf}`, i);
    } else if (typeof top === 'string' && top !== '') {
      columns.set(top, i);
      group = null;
    }
  }
  const communeColumn = columns.get(COMMUNE) as number;
  const data: Value[][] = [];
  const totals: Value[][] = [];
  for (const r of numbers) {
    if (r <= headerRow + (twoRows ? 1 : 0)) continue;
    const row = rows.get(r) ?? [];
    if (row[communeColumn] === TOTAL) totals.push(row);
    else if (typeof row[0] === 'number' && totals.length === 0) data.push(row);
    else if (totals.length > 0) break;
  }
  return { sheet, columns, data, totals };
}

function column(t: Table, key: string): number {
  const i = t.columns.get(key);
  if (i === undefined) throw new WorkbookShapeError(t.sheet, key);
  return i;
}

function num(row: readonly Value[], i: number): number | null {
  const v = row[i];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function text(row: readonly Value[], i: number): string | null {
  const v = row[i];
  if (v === null || v === undefined) return null;
  return String(v);
}

function summaryOf(t: Table, row: readonly Value[]): SummaryFigures {
  const n = (key: keyof typeof SUMMARY_COLUMNS): number | null => num(row, column(t, SUMMARY_COLUMNS[key]));
  return {
    totalHouseholds: n('totalHouseholds') ?? 0,
    listed: null,
    poor: n('poor'),
    nearPoor: n('nearPoor'),
    newlyEscaped: n('newlyEscaped'),
    poorRate: n('poorRate'),
    nearPoorRate: n('nearPoorRate'),
    newlyEscapedRate: n('newlyEscapedRate'),
    poorAtStart: n('poorAtStart'),
    poorTarget: n('poorTarget') ?? 0,
    poorReduced: n('poorReduced'),
    nearPoorAtStart: n('nearPoorAtStart'),
    nearPoorTarget: n('nearPoorTarget') ?? 0,
    nearPoorReduced: n('nearPoorReduced'),
    allocated: n('allocated'),
    disbursed: n('disbursed'),
    disbursedRate: n('disbursedRate'),
  };
}

function deprivationOf(t: Table, row: readonly Value[]): DeprivationFigures {
  const label = text(row, column(t, DEPRIVATION_COLUMNS.category)) ?? '';
  const category = CATEGORY_LABELS[label];
  if (category === undefined) throw new WorkbookShapeError(t.sheet, DEPRIVATION_COLUMNS.category);
  const groupOf = (id: string): string => {
    const key = [...t.columns.keys()].find((k) => k.startsWith(`${id}.`) && k.endsWith(' › Số hộ'));
    if (key === undefined) throw new WorkbookShapeError(t.sheet, id);
    return key.slice(0, -' › Số hộ'.length);
  };
  const groups = INDICATORS.map((d) => groupOf(d.id));
  return {
    category,
    households: num(row, column(t, DEPRIVATION_COLUMNS.households)),
    withIndicators: num(row, column(t, DEPRIVATION_COLUMNS.withIndicators)),
    deprived: groups.map((g) => num(row, column(t, `${g} › Số hộ`))),
    shares: groups.map((g) => num(row, column(t, `${g} › Tỷ lệ`))),
  };
}

function projectOf(t: Table, row: readonly Value[]): ProjectFigures {
  const n = (key: keyof typeof PROJECT_COLUMNS): number | null => num(row, column(t, PROJECT_COLUMNS[key]));
  const code = text(row, column(t, PROJECT_COLUMNS.code));
  return {
    code,
    name: code === null ? null : text(row, column(t, PROJECT_COLUMNS.name)),
    lead: text(row, column(t, PROJECT_COLUMNS.lead)),
    listed: n('listed') ?? 0,
    reported: n('reported'),
    allocated: n('allocated'),
    allocatedCentral: n('allocatedCentral'),
    allocatedLocal: n('allocatedLocal'),
    allocatedMobilised: n('allocatedMobilised'),
    disbursed: n('disbursed'),
    disbursedRate: n('disbursedRate'),
    status: text(row, column(t, PROJECT_COLUMNS.status)),
  };
}

function pair(list: readonly DeprivationFigures[], sheet: string): [DeprivationFigures, DeprivationFigures] {
  const poor = list.find((d) => d.category === 'poor');
  const nearPoor = list.find((d) => d.category === 'nearPoor');
  if (!poor || !nearPoor) throw new WorkbookShapeError(sheet, DEPRIVATION_COLUMNS.category);
  return [poor, nearPoor];
}

/** The merged workbook's bytes → the charts' figures. */
export function chartFigures(bytes: Uint8Array): ChartFigures {
  const sheets = readSheets(bytes, Object.values(SHEETS));
  const summary = table(sheets.get(SHEETS.summary) as Rows, SHEETS.summary);
  const deprivations = table(sheets.get(SHEETS.deprivations) as Rows, SHEETS.deprivations);
  const projects = table(sheets.get(SHEETS.projects) as Rows, SHEETS.projects);
  const nameOf = (t: Table, row: readonly Value[]): string => text(row, column(t, COMMUNE)) ?? '';

  const communes = summary.data.map((row): CommuneChartFigures => {
    const name = nameOf(summary, row);
    const own = (t: Table): Value[][] => t.data.filter((r) => nameOf(t, r) === name);
    return {
      name,
      code: text(row, column(summary, SUMMARY_COLUMNS.code)) ?? '',
      summary: summaryOf(summary, row),
      deprivations: pair(own(deprivations).map((r) => deprivationOf(deprivations, r)), SHEETS.deprivations),
      projects: own(projects).map((r) => projectOf(projects, r)),
    };
  });
  const summaryTotal = summary.totals[0];
  const projectTotals = projects.totals.map((r) => projectOf(projects, r));
  const projectsTotal = projectTotals.pop();
  if (!summaryTotal) throw new WorkbookShapeError(SHEETS.summary, TOTAL);
  if (!projectsTotal) throw new WorkbookShapeError(SHEETS.projects, TOTAL);
  return {
    communes,
    totals: {
      summary: summaryOf(summary, summaryTotal),
      deprivations: pair(deprivations.totals.map((r) => deprivationOf(deprivations, r)), SHEETS.deprivations),
      projects: projectTotals,
      projectsTotal: { ...projectsTotal, code: null, name: null, lead: null },
    },
  };
}
