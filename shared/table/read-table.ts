import { type CellValue, type ColumnMapping, type Grid, isBlank } from '../grid/grid.ts';
import { columnLetters, columnNumber, parseRange } from '../grid/address.ts';
import { cellText } from '../grid/values.ts';
import { KIND_LIST, KINDS, type FieldSpec, type KindSpec } from '../kinds/index.ts';
import type { TableKind } from '../sheet-kind.ts';
import type { Period } from '../periods.ts';
import { softFold } from '../text/normalize.ts';
import { CheckMemory } from '../check-memory.ts';
import { labelScore, leadOf, moneyUnit, normalizeLabel, statedUnit } from './labels.ts';
import { periodFromTitle } from './period-from-title.ts';

/**
 * A sheet read as a table: which field each column holds, where the header is, which rows are data.
 * Cells are read from the grid on demand, so a 100,000-row sheet is not copied.
 */
export interface Table {
  grid: Grid;
  kind: TableKind;
  spec: KindSpec;
  headerRow: number;
  headerRows: number;
  /** field id → 1-based column. */
  columns: ReadonlyMap<string, number>;
  /** money field id → factor to đồng. */
  units: ReadonlyMap<string, number>;
  /**
   * Excel row numbers of the data rows, in order. A typed array: a 100,000-row list's numbers in one
   * block, not a JS array grown push by push (npm run bench).
   */
  rows: Int32Array;
  /**
   * Rows between data rows that hold one label and no data ("Thôn 1", "I | Xóm Đông"): the group rows
   * of a list grouped by village, for a kind that reads its village from them.
   */
  groupRows: Int32Array;
  /**
   * Rows after the header labelled as totals ("Tổng cộng", "Cộng"), which are no data rows: a
   * summary's checks add its village rows up against them.
   */
  totalRows: Int32Array;
  /** Read with the officer's saved mapping: its columns are all there is (nothing is inferred from titles or group rows). */
  fromMapping: boolean;
  /** Text of the lines above the header (titles). */
  titleLines: readonly string[];
  period: Period | null;
}

export type ReadResult =
  | { ok: true; table: Table }
  | { ok: false; reason: 'no-table' };

const HEADER_SCAN_ROWS = 40;
const MIN_FIELDS = 3;

/** One kind's aliases of one sort (headers, group labels, labels under a group), by their leading run. */
type AliasIndex = ReadonlyMap<string, readonly { field: number; alias: string; exact: boolean }[]>;

interface Compiled {
  spec: KindSpec;
  /** Whether field k is a grouped field (a label under a group label). */
  grouped: readonly boolean[];
  headers: AliasIndex;
  under: AliasIndex;
  sub: AliasIndex;
}

function indexAliases(spec: KindSpec, aliasesOf: (f: FieldSpec) => readonly string[] | undefined): AliasIndex {
  const index = new Map<string, { field: number; alias: string; exact: boolean }[]>();
  spec.fields.forEach((f, field) => {
    for (const raw of aliasesOf(f) ?? []) {
      const alias = normalizeLabel(raw);
      const lead = leadOf(alias);
      let list = index.get(lead);
      if (!list) index.set(lead, (list = []));
      list.push({ field, alias, exact: f.exact === true });
    }
  });
  return index;
}

const compiled: Compiled[] = KIND_LIST.map((spec) => {
  const headers = indexAliases(spec, (f) => f.headers);
  const under = indexAliases(spec, (f) => f.under);
  const sub = indexAliases(spec, (f) => f.sub);
  return { spec, grouped: spec.fields.map((f) => (f.under ?? []).length > 0), headers, under, sub };
});

/** Every alias of every kind (of a field, a group, or a label under a group), by its leading run. */
const ANY_ALIAS: ReadonlyMap<string, readonly string[]> = (() => {
  const all = new Map<string, string[]>();
  for (const kind of compiled) {
    for (const index of [kind.headers, kind.under, kind.sub]) {
      for (const [lead, list] of index) {
        let aliases = all.get(lead);
        if (!aliases) all.set(lead, (aliases = []));
        for (const { alias } of list) if (!aliases.includes(alias)) aliases.push(alias);
      }
    }
  }
  return all;
})();

function matchesAnyAlias(label: string | null): boolean {
  if (label === null || label === '') return false;
  for (const alias of ANY_ALIAS.get(leadOf(label)) ?? []) if (labelScore(label, alias) > 0) return true;
  return false;
}

/**
 * Whether the header cells could be some kind's header: assign() gives a field only to a cell whose
 * label matches an alias, so a row with fewer than MIN_FIELDS such cells (a data row: names, IDs,
 * marks) cannot be one, and is not scored kind by kind.
 */
/** mayBeHeader for the one-row header at `row` (the cells headerCells would give, read in place). */
function rowMayBeHeader(grid: Grid, masters: Masters, row: number, memory: CheckMemory): boolean {
  const cells = grid.rows[row - 1] ?? [];
  let n = 0;
  for (let col = 1; col <= cells.length; col++) {
    const m = masters.get(row * 16384 + col);
    const v = m ? cellAt(grid, m.row, m.col) : cells[col - 1];
    if (v === null || v === undefined) continue;
    if (matchesAnyAlias(memory.label(typeof v === 'string' ? v : cellText(v)))) n++;
    if (n >= MIN_FIELDS) return true;
  }
  return false;
}

function mayBeHeader(cells: readonly HeaderCell[]): boolean {
  let n = 0;
  for (const cell of cells) {
    if (matchesAnyAlias(cell.topLabel) || matchesAnyAlias(cell.subLabel)) n++;
    if (n >= MIN_FIELDS) return true;
  }
  return false;
}

const NO_SCORES: ReadonlyMap<number, number> = new Map();
/**
 * Field index → the best labelScore of the label against that field's aliases in `index` (fields
 * with none left out); remembered per index in `memory`: a header's labels come back sheet after sheet.
 */
function scoresOf(index: AliasIndex, label: string | null, memory: CheckMemory): ReadonlyMap<number, number> {
  if (label === null || label === '') return NO_SCORES;
  const memo = memory.labelScores(index);
  let scores = memo.get(label);
  if (scores === undefined) {
    const found = new Map<number, number>();
    for (const { field, alias, exact } of index.get(leadOf(label)) ?? []) {
      if (exact && label !== alias) continue;
      const s = labelScore(label, alias);
      if (s > (found.get(field) ?? 0)) found.set(field, s);
    }
    scores = found.size === 0 ? NO_SCORES : found;
    if (memo.size >= 5_000) memo.clear();
    memo.set(label, scores);
  }
  return scores;
}

interface Master {
  row: number;
  col: number;
  vertical: boolean;
}
/** Merged areas over the rows a header can be on: each covered cell (key row × 2^14 + column) → its top-left cell. */
type Masters = ReadonlyMap<number, Master>;

function mergeMasters(grid: Grid, lastRow: number): Masters {
  const masters = new Map<number, Master>();
  for (const m of grid.merges) {
    const r = parseRange(m);
    const master = { row: r.top, col: r.left, vertical: r.bottom > r.top };
    for (let row = r.top; row <= Math.min(r.bottom, lastRow); row++)
      for (let col = r.left; col <= r.right; col++) masters.set(row * 16384 + col, master);
  }
  return masters;
}

export function cellAt(grid: Grid, row: number, col: number): CellValue | undefined {
  return grid.rows[row - 1]?.[col - 1];
}

interface HeaderCell {
  col: number;
  /** The group label (top row) and the label under it; sub is null for a one-row header or a vertical merge. */
  top: string;
  sub: string | null;
  raw: string;
  /** top and sub as normalizeLabel gives them, once per cell (each kind compares them). */
  topLabel: string;
  subLabel: string | null;
}

function headerCells(grid: Grid, masters: Masters, row: number, depth: number, memory: CheckMemory): HeaderCell[] {
  const width = Math.max(grid.rows[row - 1]?.length ?? 0, depth > 1 ? (grid.rows[row]?.length ?? 0) : 0);
  const text = (r: number, c: number): { text: string; master: Master | undefined } => {
    const m = masters.get(r * 16384 + c);
    const v = m ? cellAt(grid, m.row, m.col) : cellAt(grid, r, c);
    return { text: typeof v === 'string' ? v : v === null || v === undefined ? '' : cellText(v), master: m };
  };
  const cells: HeaderCell[] = [];
  let carriedGroup = '';
  for (let col = 1; col <= width; col++) {
    const top = text(row, col);
    let sub: string | null = null;
    if (depth > 1) {
      const below = text(row + 1, col);
      const sameMerge = below.master && top.master && below.master.row === top.master.row && below.master.col === top.master.col;
      sub = sameMerge || below.text.trim() === '' ? null : below.text;
    }
    let topText = top.text;
    if (depth > 1 && sub !== null && topText.trim() === '' && carriedGroup) topText = carriedGroup;
    carriedGroup = depth > 1 && sub !== null && topText.trim() !== '' ? topText : '';
    if (topText.trim() === '' && (sub === null || sub.trim() === '')) continue;
    cells.push({
      col,
      top: topText,
      sub,
      raw: topText && sub ? `${topText} / ${sub}` : topText || sub || '',
      topLabel: memory.label(topText),
      subLabel: sub === null ? null : memory.label(sub),
    });
  }
  return cells;
}

interface Assignment {
  field: FieldSpec;
  /** The field's place in its kind: the last tie-break, so the earlier field wins as it is listed. */
  index: number;
  col: number;
  score: number;
  label: string;
}

function assign(kind: Compiled, cells: readonly HeaderCell[], memory: CheckMemory): Assignment[] {
  const candidates: Assignment[] = [];
  const fields = kind.spec.fields;
  for (const cell of cells) {
    const top = cell.topLabel;
    const sub = cell.subLabel;
    const push = (index: number, score: number): void => {
      candidates.push({ field: fields[index] as FieldSpec, index, col: cell.col, score, label: cell.raw });
    };
    // Only fields with an alias that can match are scored; the rest score 0 (see leadOf).
    if (sub !== null && top !== '' && top !== sub) {
      // A label under a group: a grouped field needs both; another field matches the label, else a quarter for the group.
      const subSub = scoresOf(kind.sub, sub, memory);
      for (const [k] of scoresOf(kind.under, top, memory)) {
        const s = subSub.get(k) ?? 0;
        if (kind.grouped[k] && s > 0) push(k, 200 + s);
      }
      const headerSub = scoresOf(kind.headers, sub, memory);
      for (const [k, s] of headerSub) if (!kind.grouped[k]) push(k, s);
      for (const [k, s] of scoresOf(kind.headers, top, memory)) if (!kind.grouped[k] && !headerSub.has(k)) push(k, s / 4);
    } else {
      for (const [k, s] of scoresOf(kind.headers, sub ?? top, memory)) push(k, s);
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.col - b.col || a.index - b.index);
  const usedCols = new Set<number>();
  const usedFields = new Set<string>();
  const out: Assignment[] = [];
  for (const c of candidates) {
    if (usedCols.has(c.col) || usedFields.has(c.field.id)) continue;
    usedCols.add(c.col);
    usedFields.add(c.field.id);
    out.push(c);
  }
  return out;
}

function kindScore(spec: KindSpec, assigned: readonly Assignment[]): number {
  const ids = new Set(assigned.map((a) => a.field.id));
  if (!ids.has(spec.labelField) || assigned.length < MIN_FIELDS) return 0;
  let score = 0;
  for (const a of assigned) score += spec.required.includes(a.field.id) ? 3 : 1;
  return score;
}

/** Row r+1 can be the second header row: text only, no numbers or dates. */
function couldBeSubHeader(grid: Grid, row: number): boolean {
  const cells = grid.rows[row] ?? [];
  if (isNumberingRow(cells)) return false;
  let texts = 0;
  for (const v of cells) {
    if (isBlank(v)) continue;
    if (typeof v !== 'string') return false;
    if (/^\(?\d+\)?$/.test(v.trim())) return false;
    texts++;
  }
  return texts > 0;
}

/**
 * A top row whose one text, no kind's group label, stands over every labelled column is a title line
 * right above a one-row header ("(Kèm theo Quyết định số …)" merged across the table, from column A
 * or B), not a group header.
 */
function oneGroupOverAll(cells: readonly HeaderCell[], memory: CheckMemory): boolean {
  let top: HeaderCell | null = null;
  for (const c of cells) {
    if (c.sub === null) return false;
    if (c.top.trim() === '') continue;
    if (top !== null && c.top !== top.top) return false;
    top = c;
  }
  const label = top?.topLabel;
  return label !== undefined && compiled.every((k) => scoresOf(k.under, label, memory).size === 0);
}

interface HeaderChoice {
  compiled: Compiled;
  row: number;
  depth: number;
  assigned: Assignment[];
  score: number;
}

function detectHeader(grid: Grid, masters: Masters, memory: CheckMemory, only?: TableKind): HeaderChoice | null {
  let chosen: HeaderChoice | null = null;
  const last = Math.min(grid.rows.length, HEADER_SCAN_ROWS);
  for (let row = 1; row <= last; row++) {
    if ((grid.rows[row - 1] ?? []).every((v) => typeof v !== 'string' || v.trim() === '')) continue;
    const twoRows = couldBeSubHeader(grid, row);
    // A one-row candidate is ruled out from its cells alone, before any header cell is built.
    if (!twoRows && !rowMayBeHeader(grid, masters, row, memory)) continue;
    for (const depth of twoRows ? [1, 2] : [1]) {
      const cells = headerCells(grid, masters, row, depth, memory);
      if (cells.length < MIN_FIELDS || !mayBeHeader(cells) || (depth > 1 && oneGroupOverAll(cells, memory))) continue;
      for (const k of compiled) {
        if (only && k.spec.kind !== only) continue;
        const assigned = assign(k, cells, memory);
        const score = kindScore(k.spec, assigned);
        if (score > 0 && (!chosen || score > chosen.score)) chosen = { compiled: k, row, depth, assigned, score };
      }
    }
  }
  return chosen;
}

const NUMBERING = /^\(?\d{1,3}\)?$/;
/** "4=3/1*100", "9=1-2-3-4+5+6+7+8", "1.2.1": how the official report forms number their columns. */
const NUMBERING_FORMULA = /^\d{1,3}(?:\.\d{1,3})*\s*(?:=\s*[\d\s.+\-*/()x:]+)?$/;

/** "(1)", "12", "A", "4=3/1*100": a look at the first character before the patterns (names and IDs fail it at once). */
function numberingText(v: string): boolean {
  const t = v.trim();
  const first = t.charCodeAt(0);
  if (t.length === 1 && first >= 65 && first <= 90) return true; // A, B, C: the label columns
  return (first === 40 || (first >= 48 && first <= 57)) && (NUMBERING.test(t) || NUMBERING_FORMULA.test(t));
}

/**
 * The row "(1) (2) (3) …" under a header: distinct small numbers forming one run, in any order; or
 * the official forms' "A | B | C | 1 | 2 | 3=2/1*100 | …" (letters for the label columns, then
 * numbers, some with the formula of their column).
 */
function isNumberingRow(cells: readonly CellValue[]): boolean {
  // First a look without allocating: data rows fail here, on the name or the ID.
  // Indexed loops: this runs on every row of a sheet, and an iterator would be an allocation per row.
  let count = 0;
  for (let k = 0; k < cells.length; k++) {
    const v = cells[k];
    if (isBlank(v)) continue;
    const numbering = typeof v === 'number' ? Number.isInteger(v) && v >= 0 && v <= 999 : typeof v === 'string' && numberingText(v);
    if (!numbering) return false;
    count++;
  }
  if (count < 3) return false;
  const seen = new Set<number>();
  const letters = new Set<number>();
  let dotted = false;
  for (const v of cells) {
    if (isBlank(v)) continue;
    if (typeof v === 'number') {
      if (seen.has(v)) return false;
      seen.add(v);
      continue;
    }
    const t = (v as string).trim();
    if (t.length === 1 && t >= 'A' && t <= 'Z') {
      if (letters.has(t.charCodeAt(0))) return false;
      letters.add(t.charCodeAt(0));
      continue;
    }
    const lead = /^\(?(\d+)((?:\.\d+)*)/.exec(t);
    if (!lead) return false;
    if (lead[2]) {
      dotted = true; // "1.2.1": a sub-column of column 1, not a number of its own
      continue;
    }
    const n = Number(lead[1]);
    if (seen.has(n)) return false;
    seen.add(n);
  }
  // Letters alone are no numbering row (a row of marks "X | X | X" is data); they run from A.
  if (letters.size > 0) {
    if (seen.size === 0 && !dotted) return false;
    if (!letters.has(65) || Math.max(...letters) - 65 + 1 !== letters.size) return false;
  }
  if (seen.size === 0) return dotted;
  return Math.max(...seen) - Math.min(...seen) + 1 === seen.size;
}

const TOTAL_EXACT = new Set(['tổng cộng', 'cộng', 'tổng số', 'tổng', 'toàn xã', 'tổng cộng toàn xã', 'cộng toàn xã', 'tổng số hộ']);
const TOTAL_PREFIX = /^(tổng cộng|cộng|tổng số|tổng)\b/;
const SIGNATURE = /(ngày\s*\.*\s*\d*\s*tháng\s*\.*\s*\d*\s*năm|người lập biểu|người lập|chủ tịch|thủ trưởng|kế toán|trưởng thôn|xác nhận|t\/m|tm\. ?ubnd|ký,? ghi rõ họ tên)/;

function isIntegerLike(v: CellValue | undefined): boolean {
  if (typeof v === 'number') return Number.isInteger(v);
  return typeof v === 'string' && /^\d+\.?$/.test(v.trim());
}

/** The first cell near the row's start that holds words (not numbers or codes), soft-folded. */
function leadingText(cells: readonly CellValue[], upTo: number): string | null {
  for (let c = 0; c < Math.min(cells.length, upTo); c++) {
    const v = cells[c];
    if (typeof v === 'string' && /\p{L}{2}/u.test(v)) return softFold(v).replace(/[:.]+$/, '').trim();
  }
  return null;
}

/**
 * Read one sheet as a table of the kind its header matches best; a saved mapping wins over
 * detection. `memory` is the check's (see CheckMemory); a fresh one by default.
 */
export function readTable(grid: Grid, mapping?: ColumnMapping, memory: CheckMemory = new CheckMemory()): ReadResult {
  // A two-row header at the last row scanned reads one row further.
  const masters = mergeMasters(grid, Math.max(HEADER_SCAN_ROWS, mapping ? mapping.headerRow + (mapping.headerRows ?? 1) - 1 : 0) + 1);
  let spec: KindSpec;
  let headerRow: number;
  let headerRows: number;
  const columns = new Map<string, number>();
  const labels = new Map<string, string>();
  if (mapping) {
    headerRow = mapping.headerRow;
    headerRows = mapping.headerRows ?? 1;
    let kind = mapping.kind;
    if (!kind) {
      const found = detectHeader(grid, masters, memory);
      if (!found) return { ok: false, reason: 'no-table' };
      kind = found.compiled.spec.kind;
    }
    spec = KINDS[kind];
    const known = new Set(spec.fields.map((f) => f.id));
    for (const [field, letters] of Object.entries(mapping.columns)) if (known.has(field)) columns.set(field, columnNumber(letters));
    // mappingOf() also names a multi-column field by its first column; that is not a column of its own.
    for (const [field, col] of columns) {
      const base = field.includes('.') ? field.slice(0, field.indexOf('.')) : null;
      if (base && columns.get(base) === col) columns.delete(base);
    }
    for (const cell of headerCells(grid, masters, headerRow, headerRows, memory)) labels.set(String(cell.col), cell.raw);
  } else {
    const found = detectHeader(grid, masters, memory);
    if (!found) return { ok: false, reason: 'no-table' };
    spec = found.compiled.spec;
    headerRow = found.row;
    headerRows = found.depth;
    for (const a of found.assigned) {
      columns.set(a.field.id, a.col);
      labels.set(String(a.col), a.label);
    }
  }

  // Title lines: everything above the header.
  const titleLines: string[] = [];
  for (let r = 1; r < headerRow; r++) {
    const texts = (grid.rows[r - 1] ?? []).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (texts.length > 0) titleLines.push(texts.join(' '));
  }

  // Money units: the column's own header, else the sheet's "ĐVT:" line, else đồng.
  let sheetUnit: number | null = null;
  for (const line of titleLines) {
    sheetUnit = statedUnit(line);
    if (sheetUnit !== null) break;
  }
  const units = new Map<string, number>();
  for (const f of spec.fields) {
    if (f.type !== 'money') continue;
    const col = columns.get(f.id);
    if (col === undefined) continue;
    units.set(f.id, moneyUnit(labels.get(String(col)) ?? '') ?? sheetUnit ?? 1);
  }

  const { rows, groupRows, totalRows } = dataRows(grid, spec, columns, headerRow + headerRows);
  return {
    ok: true,
    table: {
      grid,
      kind: spec.kind,
      spec,
      headerRow,
      headerRows,
      columns,
      units,
      rows,
      groupRows,
      totalRows,
      fromMapping: mapping !== undefined,
      titleLines,
      period: periodFromTitle(titleLines),
    },
  };
}

function dataRows(
  grid: Grid,
  spec: KindSpec,
  columns: ReadonlyMap<string, number>,
  start: number,
): { rows: Int32Array; groupRows: Int32Array; totalRows: Int32Array } {
  const seqCol = columns.get('seq');
  const labelCol = columns.get(spec.labelField);
  // Required fields first: a data row fills them, so counting up to "enough" stops after a few cells.
  const mapped = [...columns.entries()]
    .filter(([f]) => f !== 'seq')
    .sort(([a], [b]) => Number(spec.required.includes(b)) - Number(spec.required.includes(a)))
    .map(([, c]) => c);
  const leadWidth = Math.max(seqCol ?? 0, labelCol ?? 0, 3);
  const dataLikeMin = Math.max(2, Math.ceil(spec.required.length / 2));
  // The rules below only ask whether a row has 0, 1, 2, 3 or "enough" filled cells: stop counting there.
  const enough = Math.max(4, dataLikeMin);
  const filled = (cells: readonly CellValue[], upTo = enough): number => {
    let n = 0;
    for (let k = 0; k < mapped.length && n < upTo; k++) if (!isBlank(cells[(mapped[k] as number) - 1])) n++;
    return n;
  };
  const dataLike = (r: number): boolean => {
    const cells = grid.rows[r - 1] ?? [];
    if (seqCol !== undefined) return isIntegerLike(cells[seqCol - 1]) && filled(cells) >= 2;
    return filled(cells) >= dataLikeMin;
  };

  const out = new Int32Array(Math.max(0, grid.rows.length - start + 1));
  let count = 0;
  const groups: number[] = [];
  const totals: number[] = [];
  let blanks = 0;
  for (let r = start; r <= grid.rows.length; r++) {
    const cells = grid.rows[r - 1] ?? [];
    const seq = seqCol !== undefined ? cells[seqCol - 1] : undefined;
    const numbered = isIntegerLike(seq);
    // A numbered row only needs to know whether anything else is filled; the other tests count more.
    const n = filled(cells, numbered ? 1 : enough);
    if (n === 0 && cells.every((v) => isBlank(v))) {
      blanks++;
      if (blanks >= 2 && count > 0) break;
      continue;
    }
    blanks = 0;
    if (isNumberingRow(cells)) continue;
    const lead = numbered ? null : leadingText(cells, leadWidth);
    if (lead !== null && TOTAL_PREFIX.test(lead)) {
      totals.push(r);
      if (TOTAL_EXACT.has(lead)) {
        let more = false;
        for (let k = r + 1; k <= Math.min(grid.rows.length, r + 3); k++) if (dataLike(k)) more = true;
        if (!more) break;
      }
      continue;
    }
    if (!numbered) {
      const text = cells.filter((v): v is string => typeof v === 'string').map(softFold).join(' ');
      if (SIGNATURE.test(text) && n <= 3) break;
    }
    if (n === 0 || (spec.kind !== 'progress' && n <= 1 && !numbered)) {
      // A group row: "I | Thôn 1" (or a label merged across the row).
      if (lead !== null || leadingText(cells, cells.length) !== null) groups.push(r);
      continue;
    }
    out[count++] = r;
  }
  return { rows: out.subarray(0, count), groupRows: Int32Array.from(groups), totalRows: Int32Array.from(totals) };
}

/** The mapping as the CLI and the add-in show it: field → column letters (first column of a multi-column field too). */
export function mappingOf(table: Table): ColumnMapping {
  const columns: Record<string, string> = {};
  for (const [field, col] of [...table.columns.entries()].sort((a, b) => a[1] - b[1])) {
    columns[field] = columnLetters(col);
    const dot = field.indexOf('.');
    const base = dot > 0 ? field.slice(0, dot) : null;
    if (base && !table.columns.has(base) && columns[base] === undefined) columns[base] = columnLetters(col);
  }
  return { kind: table.kind, headerRow: table.headerRow, headerRows: table.headerRows, columns };
}
