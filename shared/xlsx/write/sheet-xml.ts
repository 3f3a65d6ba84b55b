import { columnLetters } from '../../grid/address.ts';
import { VIETNAM_OFFSET_MS } from '../../vietnam-time.ts';
import { type CellKind, cellStyle, STYLE } from './styles.ts';
import { cellTextXml, escapeXml, MAX_CELL_TEXT, NEEDS_ESCAPE } from './xml.ts';

/** A column of a sheet's table. Columns sharing a `group` get a merged group header above their own. */
export interface Column {
  header: string;
  group?: string;
  kind: CellKind;
  /** Lower bound for the width, in characters. */
  minWidth?: number;
}

export interface SheetLayout {
  name: string;
  title: string;
  subtitle: string;
  columns: readonly Column[];
  /** Columns kept in view when scrolling right (besides the frozen header rows). */
  freezeColumns?: number;
  /** Rows measured for the column widths before the sheet's head is written (all rows when absent). */
  sampleRows?: number;
  tabSelected?: boolean;
  /**
   * The official forms' heading above the title, a line a row: the issuing authority on the left
   * ("ỦY BAN NHÂN DÂN", "HUYỆN …"), the national motto on the right; a blank row under it.
   */
  heading?: { left: readonly string[]; right: readonly string[] };
  /** A row under the headers numbering the columns as the official forms do (A, B, 1, "3=2/1*100" …), one cell a column. */
  numbering?: readonly (string | number)[];
}

export type Cell = string | number | boolean | null | undefined;

const MAX_WIDTH = 50;
const MIN_WIDTH = 4;
const MAX_ROWS = 1_048_576;
/** Points per line of 12-point text. */
const LINE_HEIGHT = 15.75;
const GROUP_TARGET_WIDTH = 24;
const CENTRED_TITLE_MAX_WIDTH = 220;
/** Heading text is bold: a little wider than the width counted in characters. */
const HEADING_WIDTH_FACTOR = 1.15;
const DAY_MS = 86_400_000;
const EXCEL_EPOCH_OFFSET = 25_569; // days from 1899-12-30 to 1970-01-01

/** Excel serial of a calendar date (YYYY-MM-DD), or null. */
export function dateSerial(iso: string): number | null {
  // YYYY-MM-DD read by character codes (digits 0–9 only, as /^\d{4}-\d{2}-\d{2}$/ reads them), without a match array per date cell.
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return null;
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 2);
  const day = digitsAt(iso, 8, 2);
  if (year < 0 || month < 0 || day < 0) return null;
  const ms = Date.UTC(year, month - 1, day);
  return Number.isNaN(ms) ? null : ms / DAY_MS + EXCEL_EPOCH_OFFSET;
}

/** The decimal number of `count` ASCII digits at `from`, or -1 when one is not a digit 0–9. */
function digitsAt(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Excel serial of an instant, as a wall-clock time in Vietnam (UTC+7), or null. */
export function vietnamTimeSerial(iso: string): number | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : (ms + VIETNAM_OFFSET_MS) / DAY_MS + EXCEL_EPOCH_OFFSET;
}

/** Display length of a cell, for the column widths. */
function displayLength(kind: CellKind, value: Cell): number {
  if (value === null || value === undefined || value === false) return 0;
  if (value === true) return 1;
  if (typeof value === 'string') {
    if (kind === 'date' && dateSerial(value) !== null) return 10;
    if (kind === 'datetime' && vietnamTimeSerial(value) !== null) return 16;
    return value.length;
  }
  switch (kind) {
    case 'percent':
    case 'percentNumber':
      return 6;
    case 'date':
      return 10;
    case 'datetime':
      return 16;
    case 'count':
    case 'money': {
      const digits = String(Math.round(Math.abs(value))).length;
      return digits + Math.floor((digits - 1) / 3) + (value < 0 ? 1 : 0);
    }
    default:
      return String(value).length;
  }
}

/** Lines a text wraps onto in a column of `width` characters (greedy, by words). */
function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, Math.floor(width - 1));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need <= room) used = need;
    else {
      lines += used === 0 ? 0 : 1;
      lines += Math.floor((word.length - 1) / room);
      used = word.length % room || room;
    }
  }
  return lines;
}

function rowHeight(lines: number): number {
  return Math.round((lines * LINE_HEIGHT + 3) * 100) / 100;
}

/** A header wraps onto two or three lines; its width is set by its longest word. */
function headerWidth(header: string): number {
  const longestWord = Math.max(0, ...header.split(/\s+/).map((w) => w.length));
  return Math.max(longestWord, Math.ceil(header.length / 3));
}

/**
 * One worksheet's XML, written as a stream of strings: `row()` returns the text to append (empty
 * while the first rows are measured for the column widths), `end()` the rest. Data rows are the
 * table (inside the filter); rows after `endTable()` are totals, notes and signatures.
 */
export class SheetXml {
  /** Rows of column headers (1, or 2 with groups), not counting a numbering row. */
  readonly headerRows: number;
  /** The last row above the data: the numbering row where there is one. */
  readonly lastHeaderRow: number;
  readonly titleRow: number;
  readonly subtitleRow: number;
  readonly firstHeaderRow: number;
  readonly numberingRow: number | null;
  private readonly letters: string[];
  private readonly widths: number[];
  private readonly groupRuns: { group: string; from: number; to: number }[] = [];
  private nextRow: number;
  private pending: string[] | null = [];
  /** Rows written by `writeRow` (and anything after them) while the widths are measured, as bytes. */
  private held: HeldBytes | null = null;
  private heldRows = 0;
  private lastTableRow: number;
  private tableOpen = true;
  private readonly merges: string[] = [];
  private readonly dataStyles: number[];
  private readonly totalStyles: number[];
  /** Each column's `<c r="A` and `" s="4"` (in data and totals rows), encoded once for `writeRow`. */
  private readonly cellPrefixes: Uint8Array[];
  private readonly dataSuffixes: Uint8Array[];
  private readonly totalSuffixes: Uint8Array[];

  constructor(readonly layout: SheetLayout) {
    const cols = layout.columns;
    const { heading, numbering } = layout;
    if (heading && cols.length < 2) throw new Error(`Sheet "${layout.name}": a heading needs two columns or more`);
    if (numbering && numbering.length !== cols.length) throw new Error(`Sheet "${layout.name}": ${numbering.length} numbering cells for ${cols.length} columns`);
    this.headerRows = cols.some((c) => c.group) ? 2 : 1;
    this.titleRow = heading ? Math.max(heading.left.length, heading.right.length) + 2 : 1;
    this.subtitleRow = this.titleRow + 1;
    this.firstHeaderRow = this.subtitleRow + 1;
    this.numberingRow = numbering ? this.firstHeaderRow + this.headerRows : null;
    this.lastHeaderRow = this.numberingRow ?? this.firstHeaderRow + this.headerRows - 1;
    this.nextRow = this.lastHeaderRow + 1;
    this.lastTableRow = this.lastHeaderRow;
    this.letters = cols.map((_, i) => columnLetters(i + 1));
    this.dataStyles = cols.map((c) => cellStyle(c.kind, 'data'));
    this.totalStyles = cols.map((c) => cellStyle(c.kind, 'total'));
    this.cellPrefixes = this.letters.map((l) => ascii(`<c r="${l}`));
    this.dataSuffixes = this.dataStyles.map((st) => ascii(`" s="${st}"`));
    this.totalSuffixes = this.totalStyles.map((st) => ascii(`" s="${st}"`));
    this.widths = cols.map((c, i) => Math.max(c.minWidth ?? 0, headerWidth(c.header), String(numbering?.[i] ?? '').length));
    cols.forEach((c, i) => {
      const run = this.groupRuns.at(-1);
      if (c.group && run && run.group === c.group && run.to === i - 1) run.to = i;
      else if (c.group) this.groupRuns.push({ group: c.group, from: i, to: i });
    });
  }

  get name(): string {
    return this.layout.name;
  }

  /** The row number the next row will get. */
  get rowNumber(): number {
    return this.nextRow;
  }

  /** Header row through the last table row, as A1 (the filter's range). */
  get filterRef(): string {
    return `$A$${this.lastHeaderRow}:$${this.lastLetter}$${this.lastTableRow}`;
  }

  /** The header rows repeated on every printed page, as "$3:$4". */
  get printTitleRows(): string {
    return `$${this.firstHeaderRow}:$${this.lastHeaderRow}`;
  }

  private get lastLetter(): string {
    return this.letters.at(-1) ?? 'A';
  }

  /** A table row (data) or, after `endTable()`, a totals row. */
  row(values: readonly Cell[], kind: 'data' | 'total' = this.tableOpen ? 'data' : 'total'): string {
    const r = this.take();
    if (this.tableOpen) this.lastTableRow = r;
    const cols = this.layout.columns;
    const styles = kind === 'data' ? this.dataStyles : this.totalStyles;
    // One flat string per row (an array joined), not a rope of thousands of pieces to flatten later.
    const parts: string[] = [`<row r="${r}">`];
    for (let i = 0; i < cols.length; i++) {
      const col = cols[i] as Column;
      const value = values[i];
      if (this.pending !== null) {
        const len = displayLength(col.kind, value);
        if (len > (this.widths[i] ?? 0)) this.widths[i] = len;
      }
      parts.push(cellXml(`${this.letters[i]}${r}`, col.kind, styles[i] ?? 0, value));
    }
    parts.push('</row>');
    return this.emit(parts.join(''));
  }

  /**
   * The same row as `row()`, written into `out` byte by byte rather than built as a string: the
   * rows of a large sheet make no garbage. While the first rows are measured for the widths they
   * are held as the same bytes (outside the JS heap), not as strings, until the sheet's head can be
   * written.
   */
  writeRow(values: readonly Cell[], out: ByteSink, kind: 'data' | 'total' = this.tableOpen ? 'data' : 'total'): void {
    if (this.pending !== null) {
      const cols = this.layout.columns;
      for (let i = 0; i < cols.length; i++) {
        const len = displayLength((cols[i] as Column).kind, values[i]);
        if (len > (this.widths[i] ?? 0)) this.widths[i] = len;
      }
      this.held ??= new HeldBytes();
      this.rowBytes(values, this.held, kind);
      this.heldRows++;
      const sample = this.layout.sampleRows;
      if (sample !== undefined && this.pending.length + this.heldRows >= sample) {
        out.write(this.head() + this.pending.join(''));
        out.raw(this.held.bytes());
        this.pending = null;
        this.held = null;
      }
      return;
    }
    this.rowBytes(values, out, kind);
  }

  private rowBytes(values: readonly Cell[], out: ByteSink, kind: 'data' | 'total'): void {
    const r = this.take();
    if (this.tableOpen) this.lastTableRow = r;
    const cols = this.layout.columns;
    const prefixes = this.cellPrefixes;
    const suffixes = kind === 'data' ? this.dataSuffixes : this.totalSuffixes;
    out.raw(ROW_OPEN);
    out.uint(r);
    out.raw(TAG_END);
    for (let i = 0; i < cols.length; i++) {
      const v = cellValue((cols[i] as Column).kind, values[i]);
      out.raw(prefixes[i] as Uint8Array);
      out.uint(r);
      out.raw(suffixes[i] as Uint8Array);
      if (v === null) out.raw(EMPTY_CLOSE);
      else if (typeof v === 'number') {
        out.raw(NUMBER_OPEN);
        writeNumber(out, v);
        out.raw(NUMBER_CLOSE);
      } else {
        out.raw(needsPreserve(v) ? TEXT_OPEN_PRESERVE : TEXT_OPEN);
        out.utf8(v.length > MAX_CELL_TEXT || NEEDS_ESCAPE.test(v) ? cellTextXml(v) : v);
        out.raw(TEXT_CLOSE);
      }
    }
    out.raw(ROW_CLOSE);
  }

  /** Rows after this one are outside the table: not filtered, not measured. */
  endTable(): void {
    this.tableOpen = false;
  }

  /** A line of text across the sheet's width (an explanation under the table). */
  note(text: string): string {
    const r = this.take();
    this.merges.push(`A${r}:${this.lastLetter}${r}`);
    return this.emit(`<row r="${r}">${cellXml(`A${r}`, 'text', STYLE.note, text)}</row>`);
  }

  /** An empty row. */
  gap(): string {
    this.take();
    return '';
  }

  /** The signature block a report carries: the preparer on the left, the head of the unit on the right. */
  signature(place: string, preparer: string, head: string, hint: string, headHint: string = hint): string {
    const n = this.layout.columns.length;
    const left = Math.min(1, n - 1);
    const right = Math.max(left + 1, n - 3);
    const at = (i: number): string => this.letters[Math.min(i, n - 1)] ?? 'A';
    let xml = this.gap();
    const dateRow = this.take();
    xml += `<row r="${dateRow}">${cellXml(`${at(right)}${dateRow}`, 'text', STYLE.signatureHint, place)}</row>`;
    const titleRow = this.take();
    xml += `<row r="${titleRow}">${cellXml(`${at(left)}${titleRow}`, 'text', STYLE.signature, preparer)}${cellXml(`${at(right)}${titleRow}`, 'text', STYLE.signature, head)}</row>`;
    const hintRow = this.take();
    xml += `<row r="${hintRow}">${cellXml(`${at(left)}${hintRow}`, 'text', STYLE.signatureHint, hint)}${cellXml(`${at(right)}${hintRow}`, 'text', STYLE.signatureHint, headHint)}</row>`;
    return this.emit(xml);
  }

  /** The rest of the sheet: any rows held for measuring, then the filter, merges and print setup. */
  end(): string {
    const held = this.flush();
    const widths = this.finalWidths();
    const titles = this.titleCentred(widths)
      ? [`A${this.titleRow}:${this.lastLetter}${this.titleRow}`, `A${this.subtitleRow}:${this.lastLetter}${this.subtitleRow}`]
      : [];
    const merges = [...this.headingMerges(widths), ...titles, ...this.headerMerges(), ...this.merges];
    return (
      held +
      '</sheetData>' +
      `<autoFilter ref="${this.filterRef.replace(/\$/g, '')}"/>` +
      `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` +
      '<printOptions horizontalCentered="1"/>' +
      '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
      `<headerFooter><oddFooter>${escapeXml('&L&8GNBV&CTrang &P / &N')}</oddFooter></headerFooter>` +
      '</worksheet>'
    );
  }

  private take(): number {
    if (this.nextRow > MAX_ROWS) throw new RangeError(`Sheet "${this.layout.name}" is over Excel's ${MAX_ROWS} rows`);
    return this.nextRow++;
  }

  private emit(xml: string): string {
    if (this.pending === null) return xml;
    // After the first held row, text goes after it, in the same bytes.
    if (this.held !== null) {
      this.held.write(xml);
      this.heldRows++;
    } else this.pending.push(xml);
    const sample = this.layout.sampleRows;
    return sample !== undefined && this.pending.length + this.heldRows >= sample ? this.flush() : '';
  }

  private flush(): string {
    if (this.pending === null) return '';
    const out = this.head() + this.pending.join('') + (this.held === null ? '' : this.held.text());
    this.pending = null;
    this.held = null;
    return out;
  }

  private head(): string {
    const { layout } = this;
    const cols = layout.columns;
    const freezeCols = layout.freezeColumns ?? 0;
    const topLeft = `${columnLetters(freezeCols + 1)}${this.lastHeaderRow + 1}`;
    const pane =
      freezeCols > 0
        ? `<pane xSplit="${freezeCols}" ySplit="${this.lastHeaderRow}" topLeftCell="${topLeft}" activePane="bottomRight" state="frozen"/><selection pane="topRight"/><selection pane="bottomLeft"/><selection pane="bottomRight" activeCell="${topLeft}" sqref="${topLeft}"/>`
        : `<pane ySplit="${this.lastHeaderRow}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/>`;
    const widths = this.finalWidths();
    const colElements = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
    const [topHeight, leafHeight] = this.headerHeights(widths);
    let header = '';
    if (this.headerRows === 2) {
      const top = this.firstHeaderRow;
      const leaf = top + 1;
      let upper = `<row r="${top}" ht="${topHeight}" customHeight="1">`;
      let lower = `<row r="${leaf}" ht="${leafHeight}" customHeight="1">`;
      cols.forEach((c, i) => {
        const letter = this.letters[i] as string;
        const run = this.groupRuns.find((g) => g.from === i);
        const upperText = c.group ? (run ? run.group : null) : c.header;
        upper += cellXml(`${letter}${top}`, 'text', STYLE.header, upperText);
        lower += cellXml(`${letter}${leaf}`, 'text', STYLE.header, c.group ? c.header : null);
      });
      header = `${upper}</row>${lower}</row>`;
    } else {
      const top = this.firstHeaderRow;
      header = `<row r="${top}" ht="${topHeight}" customHeight="1">${cols.map((c, i) => cellXml(`${this.letters[i]}${top}`, 'text', STYLE.header, c.header)).join('')}</row>`;
    }
    if (this.numberingRow !== null) {
      const r = this.numberingRow;
      header += `<row r="${r}">${cols.map((_, i) => cellXml(`${this.letters[i]}${r}`, 'text', STYLE.numbering, layout.numbering?.[i])).join('')}</row>`;
    }
    const centred = this.titleCentred(widths);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
      `<sheetViews><sheetView${layout.tabSelected ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="${LINE_HEIGHT}"/>` +
      `<cols>${colElements.join('')}</cols>` +
      '<sheetData>' +
      this.headingRows(widths) +
      `<row r="${this.titleRow}" ht="30" customHeight="1">${cellXml(`A${this.titleRow}`, 'text', centred ? STYLE.title : STYLE.titleLeft, layout.title)}</row>` +
      `<row r="${this.subtitleRow}">${cellXml(`A${this.subtitleRow}`, 'text', centred ? STYLE.subtitle : STYLE.subtitleLeft, layout.subtitle)}</row>` +
      header
    );
  }

  /** Column widths: measured content and headers, capped; a group's columns widened to fit its header. */
  private finalWidths(): number[] {
    const widths = this.widths.map((w) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w) + 2));
    for (const run of this.groupRuns) {
      const span = widths.slice(run.from, run.to + 1);
      const total = span.reduce((a, b) => a + b, 0);
      const target = Math.min(run.group.length + 2, GROUP_TARGET_WIDTH);
      if (total >= target) continue;
      const extra = (target - total) / span.length;
      for (let i = run.from; i <= run.to; i++) widths[i] = Math.round(((widths[i] ?? 0) + extra) * 10) / 10;
    }
    return widths;
  }

  /** Header row heights (points) for the wrapped header texts; a vertically merged header spans both rows. */
  private headerHeights(widths: readonly number[]): [number, number] {
    const cols = this.layout.columns;
    let top = 1;
    let leaf = 1;
    let solo = 1;
    for (const run of this.groupRuns) {
      const width = widths.slice(run.from, run.to + 1).reduce((a, b) => a + b, 0);
      top = Math.max(top, wrappedLines(run.group, width));
    }
    cols.forEach((c, i) => {
      const lines = wrappedLines(c.header, widths[i] ?? MIN_WIDTH);
      if (c.group) leaf = Math.max(leaf, lines);
      else solo = Math.max(solo, lines);
    });
    if (this.headerRows === 1) return [rowHeight(solo), 0];
    if (top + leaf < solo) leaf = solo - top;
    return [rowHeight(top), rowHeight(leaf)];
  }

  /** Narrow tables get their title centred over the table; a wide one keeps it at the left, where it is seen. */
  private titleCentred(widths: readonly number[]): boolean {
    return widths.reduce((a, b) => a + b, 0) <= CENTRED_TITLE_MAX_WIDTH;
  }

  /**
   * The columns under each side of the heading: from the left edge, and from the right edge, as many
   * as its longest line needs; where the two would meet, half the table each.
   */
  private headingSpans(widths: readonly number[]): { left: [number, number]; right: [number, number] } | null {
    const heading = this.layout.heading;
    if (!heading) return null;
    const n = widths.length;
    const need = (lines: readonly string[]): number => Math.ceil(Math.max(0, ...lines.map((l) => l.length)) * HEADING_WIDTH_FACTOR) + 2;
    const span = (target: number, from: number, step: 1 | -1): number => {
      let i = from;
      let total = widths[i] ?? 0;
      while (total < target && i + step >= 0 && i + step < n) {
        i += step;
        total += widths[i] ?? 0;
      }
      return i;
    };
    const leftEnd = span(need(heading.left), 0, 1);
    const rightStart = span(need(heading.right), n - 1, -1);
    if (leftEnd < rightStart) return { left: [0, leftEnd], right: [rightStart, n - 1] };
    const half = Math.floor(n / 2);
    return { left: [0, half - 1], right: [half, n - 1] };
  }

  private headingRows(widths: readonly number[]): string {
    const heading = this.layout.heading;
    const spans = this.headingSpans(widths);
    if (!heading || !spans) return '';
    const lines = Math.max(heading.left.length, heading.right.length);
    let xml = '';
    for (let i = 0; i < lines; i++) {
      const r = i + 1;
      const left = cellXml(`A${r}`, 'text', STYLE.heading, heading.left[i]);
      const right = cellXml(`${this.letters[spans.right[0]]}${r}`, 'text', STYLE.heading, heading.right[i]);
      xml += `<row r="${r}">${left}${right}</row>`;
    }
    return xml;
  }

  private headingMerges(widths: readonly number[]): string[] {
    const heading = this.layout.heading;
    const spans = this.headingSpans(widths);
    if (!heading || !spans) return [];
    const merges: string[] = [];
    const lines = Math.max(heading.left.length, heading.right.length);
    for (let r = 1; r <= lines; r++) {
      for (const [from, to] of [spans.left, spans.right]) {
        if (to > from) merges.push(`${this.letters[from]}${r}:${this.letters[to]}${r}`);
      }
    }
    return merges;
  }

  private headerMerges(): string[] {
    if (this.headerRows === 1) return [];
    const top = this.firstHeaderRow;
    const merges: string[] = [];
    this.layout.columns.forEach((c, i) => {
      if (!c.group) merges.push(`${this.letters[i]}${top}:${this.letters[i]}${top + 1}`);
    });
    for (const run of this.groupRuns) {
      if (run.to > run.from) merges.push(`${this.letters[run.from]}${top}:${this.letters[run.to]}${top}`);
    }
    return merges;
  }
}

/**
 * One cell. Text is always an inline string (`t="inlineStr"`): never a formula, whatever it starts
 * with; numbers are `<v>`; `true` in a mark column is "x". Never `<f>`.
 */
function cellXml(ref: string, kind: CellKind, style: number, value: Cell): string {
  const v = cellValue(kind, value);
  if (v === null) return `<c r="${ref}" s="${style}"/>`;
  if (typeof v === 'number') return `<c r="${ref}" s="${style}"><v>${v}</v></c>`;
  const preserve = needsPreserve(v) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t${preserve}>${cellTextXml(v)}</t></is></c>`;
}

/** What a cell holds: nothing, a number (`<v>`), or text (an inline string, not yet escaped). */
function cellValue(kind: CellKind, value: Cell): string | number | null {
  if (value === null || value === undefined || value === false || (typeof value === 'number' && !Number.isFinite(value))) return null;
  let v: string | number = value === true ? 'x' : value;
  // A fraction in per cent, without the float noise of the product (0.035 × 100 = 3.5000000000000004).
  if (kind === 'percentNumber' && typeof v === 'number') v = Number((v * 100).toPrecision(12));
  if (typeof v === 'string') {
    const serial = kind === 'date' ? dateSerial(v) : kind === 'datetime' ? vietnamTimeSerial(v) : null;
    if (serial !== null) v = serial;
  }
  return v;
}

/** Built once: a regex literal inside the function would be a new RegExp object per cell. */
const PRESERVE = /^\s|\s$|\s\s|[\t\n]/;

function needsPreserve(text: string): boolean {
  return PRESERVE.test(text);
}

/** Where `SheetXml.writeRow` puts a row's bytes (a zip entry): text and pieces encoded once, written in place. */
export interface ByteSink {
  /** Any text, as UTF-8. */
  write(text: string): void;
  /** Text without markup to escape, as UTF-8. */
  utf8(text: string): void;
  /** Text known to be ASCII. */
  ascii(text: string): void;
  raw(piece: Uint8Array): void;
  /** A non-negative integer below 2^53. */
  uint(n: number): void;
}

const encoder = new TextEncoder();

/** The bytes of the rows held while the widths are measured: UTF-8 in a buffer that grows. */
class HeldBytes implements ByteSink {
  private buffer = new Uint8Array(64 * 1024);
  private used = 0;

  write(text: string): void {
    for (;;) {
      const room = this.buffer.length - this.used;
      if (text.length * 3 <= room) {
        this.used += encoder.encodeInto(text, this.buffer.subarray(this.used)).written;
        return;
      }
      this.grow(text.length * 3);
    }
  }

  utf8(text: string): void {
    this.write(text);
  }

  ascii(text: string): void {
    this.write(text);
  }

  raw(piece: Uint8Array): void {
    if (piece.length > this.buffer.length - this.used) this.grow(piece.length);
    this.buffer.set(piece, this.used);
    this.used += piece.length;
  }

  uint(n: number): void {
    this.write(String(n));
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.used);
  }

  text(): string {
    return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(this.bytes());
  }

  private grow(n: number): void {
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.used + n));
    next.set(this.buffer.subarray(0, this.used));
    this.buffer = next;
  }
}

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const ROW_OPEN = ascii('<row r="');
const TAG_END = ascii('">');
const ROW_CLOSE = ascii('</row>');
const EMPTY_CLOSE = ascii('/>');
const NUMBER_OPEN = ascii('><v>');
const NUMBER_CLOSE = ascii('</v></c>');
const TEXT_OPEN = ascii(' t="inlineStr"><is><t>');
const TEXT_OPEN_PRESERVE = ascii(' t="inlineStr"><is><t xml:space="preserve">');
const TEXT_CLOSE = ascii('</t></is></c>');

/** A number as `${v}` writes it: integers digit by digit, anything else through its string. */
function writeNumber(out: ByteSink, v: number): void {
  if (Number.isSafeInteger(v)) {
    if (v < 0) out.ascii('-');
    out.uint(Math.abs(v));
  } else out.ascii(String(v));
}
