/* eslint-disable @typescript-eslint/no-explicit-any -- a test double of office-js */
import type { CellValue, Grid } from '../../shared/grid/grid.ts';
import { columnLetters, parseAddress, parseRange } from '../../shared/grid/address.ts';

/**
 * A STRICT stand-in for Excel's JavaScript API (office-js), for the add-in's tests:
 * - proxies queue work; nothing is read or written until `context.sync()`;
 * - reading a property that was not loaded (or before the sync) throws PropertyNotLoaded;
 * - a proxy used with another request context (or after its Excel.run ended) throws InvalidRequestContext;
 * - `*OrNullObject` gives null objects; anything but load on a null object fails the sync;
 * - a sync whose request or response would exceed 5 MB (JSON size of the queued values and of
 *   the loaded results) is refused like Excel on the web does, and nothing of it is applied;
 * - every sync is counted; cells keep fills, fonts, number formats and notes, and the test can
 *   seed and inspect them.
 * Only the members the add-in uses exist; anything else is a TypeError, which is the point.
 */

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
const OP_BYTES = 100; // a queued call costs something even without values

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'OfficeExtension.Error';
  }
}

export interface FakeFill {
  pattern: string;
  color?: string;
  patternColor?: string;
}
export interface FakeCell {
  value: string | number | boolean | null;
  error?: boolean;
  numberFormat: string;
  font: string;
  bold?: boolean;
  fill: FakeFill;
}
export interface FakeNote {
  content: string;
  author: string;
}

const NO_FILL: FakeFill = { pattern: 'None' };
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

interface Rect {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

function rectOf(a1: string): Rect {
  if (/^\d+:\d+$/.test(a1)) {
    const [a, b] = a1.split(':').map(Number) as [number, number];
    return { top: Math.min(a, b) - 1, left: 0, rows: Math.abs(b - a) + 1, cols: MAX_COLS };
  }
  const r = parseRange(a1);
  return { top: r.top - 1, left: r.left - 1, rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 };
}

function a1Of(rect: Rect): string {
  const first = `${columnLetters(rect.left + 1)}${rect.top + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return first;
  return `${first}:${columnLetters(rect.left + rect.cols)}${rect.top + rect.rows}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.top < b.top + b.rows && b.top < a.top + a.rows && a.left < b.left + b.cols && b.left < a.left + a.cols;
}

let sheetIds = 0;

export class FakeSheet {
  readonly id = ++sheetIds;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  readonly cells = new Map<string, FakeCell>();
  readonly notes = new Map<string, FakeNote>();
  merges: string[] = [];
  frozenRows = 0;

  constructor(
    public name: string,
    readonly defaultFont: string,
  ) {}

  private key(r: number, c: number): string {
    return `${r},${c}`;
  }

  cell(r: number, c: number): FakeCell {
    return this.cells.get(this.key(r, c)) ?? { value: null, numberFormat: 'General', font: this.defaultFont, fill: NO_FILL };
  }

  /** The stored cell, created when absent (0-based row and column). */
  edit(r: number, c: number): FakeCell {
    const k = this.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { value: null, numberFormat: 'General', font: this.defaultFont, fill: { ...NO_FILL } };
      this.cells.set(k, cell);
    }
    return cell;
  }

  at(a1: string): FakeCell {
    const { row, column } = parseAddress(a1);
    return this.cell(row - 1, column - 1);
  }

  editAt(a1: string): FakeCell {
    const { row, column } = parseAddress(a1);
    return this.edit(row - 1, column - 1);
  }

  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, cell] of this.cells) {
      const formatted = cell.fill.pattern !== 'None' || cell.numberFormat !== 'General' || cell.font !== this.defaultFont;
      if (cell.value === null && (valuesOnly || !formatted)) continue;
      const [r, c] = k.split(',').map(Number) as [number, number];
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    if (!valuesOnly) {
      for (const m of this.merges) {
        const r = rectOf(m);
        top = Math.min(top, r.top);
        left = Math.min(left, r.left);
        bottom = Math.max(bottom, r.top + r.rows - 1);
        right = Math.max(right, r.left + r.cols - 1);
      }
    }
    return bottom < 0 ? null : { top, left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}

/** The workbook as it is between syncs: the "document". Survives across request contexts. */
export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  syncs = 0;
  readonly payloads: { request: number; response: number }[] = [];
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  readonly settings = new Map<string, unknown>();
  savedSettings = new Map<string, unknown>();
  private contexts = 0;

  addSheet(name: string, defaultFont = 'Times New Roman'): FakeSheet {
    const s = new FakeSheet(name, defaultFont);
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Excel.run: a fresh request context, closed when the work ends. */
  async run<T>(work: (context: any) => Promise<T>): Promise<T> {
    const context = new FakeContext(this, ++this.contexts);
    try {
      return await work(context);
    } finally {
      context.closed = true;
    }
  }

  /** A workbook holding the grids' cells, formats, fonts and merges, as Excel would show them. */
  static fromGrids(grids: readonly Grid[], defaultFont = 'Times New Roman'): FakeExcel {
    const excel = new FakeExcel();
    for (const grid of grids) {
      const sheet = excel.addSheet(grid.name, defaultFont);
      sheet.merges = [...grid.merges];
      grid.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null) return;
          const a1 = `${columnLetters(c + 1)}${r + 1}`;
          const cell = sheet.edit(r, c);
          cell.numberFormat = grid.numFmts?.[a1] ?? 'General';
          cell.font = grid.fonts?.[a1] ?? defaultFont;
          setGridValue(cell, v);
        }),
      );
    }
    return excel;
  }

  /**
   * The officer retypes cells: every sheet of the grids gets the grids' values, number formats,
   * fonts and merged areas, as if typed over the old ones; fills and notes (the marks) stay where
   * they are, as they would in Excel. A sheet the grids do not name is left alone.
   */
  typeCells(grids: readonly Grid[]): void {
    for (const grid of grids) {
      const sheet = this.sheets.find((s) => s.name === grid.name) ?? this.addSheet(grid.name);
      for (const [k, cell] of sheet.cells) {
        cell.value = null;
        cell.error = false;
        cell.numberFormat = 'General';
        cell.font = sheet.defaultFont;
        if (cell.fill.pattern === 'None') sheet.cells.delete(k);
      }
      sheet.merges = [...grid.merges];
      grid.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null) return;
          const a1 = `${columnLetters(c + 1)}${r + 1}`;
          const cell = sheet.edit(r, c);
          cell.numberFormat = grid.numFmts?.[a1] ?? 'General';
          cell.font = grid.fonts?.[a1] ?? sheet.defaultFont;
          setGridValue(cell, v);
        }),
      );
    }
  }

  /** Save and reopen: a new Excel with a deep copy of everything the file keeps (no request state). */
  reopen(): FakeExcel {
    const copy = new FakeExcel();
    for (const s of this.sheets) {
      const t = copy.addSheet(s.name, s.defaultFont);
      t.visibility = s.visibility;
      t.merges = [...s.merges];
      t.frozenRows = s.frozenRows;
      for (const [k, c] of s.cells) t.cells.set(k, { ...c, fill: { ...c.fill } });
      for (const [a, n] of s.notes) t.notes.set(a, { ...n });
    }
    for (const [k, v] of this.savedSettings) copy.settings.set(k, JSON.parse(JSON.stringify(v)));
    copy.savedSettings = new Map(copy.settings);
    return copy;
  }

  /** Every non-empty value and number format of every sheet (for "values never change"). */
  valuesSnapshot(except: readonly string[] = []): Record<string, string> {
    const out: Record<string, string> = {};
    for (const s of this.sheets) {
      if (except.includes(s.name)) continue;
      for (const [k, c] of s.cells) if (c.value !== null) out[`${s.name}!${k}`] = JSON.stringify([c.value, c.error ?? false, c.numberFormat, c.font]);
    }
    return out;
  }

  /** Every fill and note of every sheet. */
  marksSnapshot(except: readonly string[] = []): Record<string, string> {
    const out: Record<string, string> = {};
    for (const s of this.sheets) {
      if (except.includes(s.name)) continue;
      for (const [k, c] of s.cells) if (c.fill.pattern !== 'None') out[`${s.name}!fill!${k}`] = JSON.stringify(c.fill);
      for (const [a, n] of s.notes) out[`${s.name}!note!${a}`] = n.content;
    }
    return out;
  }

  /** Office.context.document.settings for this workbook. */
  documentSettings(): { get(n: string): unknown; set(n: string, v: unknown): void; saveAsync(cb?: (r: any) => void): void } {
    return {
      get: (n) => this.settings.get(n) ?? null,
      set: (n, v) => {
        this.settings.set(n, JSON.parse(JSON.stringify(v)));
      },
      saveAsync: (cb) => {
        this.savedSettings = new Map(this.settings);
        cb?.({ status: 'succeeded', value: undefined });
      },
    };
  }
}

function setGridValue(cell: FakeCell, v: CellValue): void {
  cell.error = false;
  if (v === null) cell.value = null;
  else if (typeof v === 'object' && 'date' in v) {
    const [y, m, d] = v.date.split('-').map(Number) as [number, number, number];
    cell.value = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
  } else if (typeof v === 'object' && 'error' in v) {
    cell.value = v.error;
    cell.error = true;
  } else cell.value = v;
}

// ---- request context and proxies ------------------------------------------------------------

interface Op {
  owner: Proxy;
  requestBytes: number;
  /** Runs against the model; returns the loaded result (for a load) to commit after the sync. */
  run: (undo: (f: () => void) => void) => { commit: () => void; responseBytes: number } | void;
}

export class FakeContext {
  readonly workbook: FakeWorkbook;
  private queue: Op[] = [];
  closed = false;

  constructor(
    readonly excel: FakeExcel,
    readonly id: number,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(op: Op): void {
    if (this.closed || op.owner.context !== this) {
      throw new FakeOfficeError('InvalidRequestContext', 'a proxy was used outside its own request context');
    }
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    if (this.closed) throw new FakeOfficeError('InvalidRequestContext', 'sync after Excel.run ended');
    const queue = this.queue;
    this.queue = [];
    this.excel.syncs++;
    const request = queue.reduce((n, op) => n + op.requestBytes, 0);
    if (request > PAYLOAD_LIMIT) {
      this.excel.payloads.push({ request, response: 0 });
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `request of ${request} bytes`);
    }
    const undo: (() => void)[] = [];
    const commits: (() => void)[] = [];
    let response = 0;
    try {
      for (const op of queue) {
        const r = op.run((f) => undo.push(f));
        if (r) {
          commits.push(r.commit);
          response += r.responseBytes;
        }
      }
    } catch (e) {
      for (const f of undo.reverse()) f();
      throw e;
    }
    this.excel.payloads.push({ request, response });
    if (response > PAYLOAD_LIMIT) {
      for (const f of undo.reverse()) f();
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `response of ${response} bytes`);
    }
    await Promise.resolve();
    for (const c of commits) c();
  }
}

function bytes(v: unknown): number {
  return JSON.stringify(v ?? null).length;
}

abstract class Proxy {
  private readonly loaded = new Map<string, unknown>();
  private nullKnown: boolean | undefined;

  constructor(readonly context: FakeContext) {}

  protected get excel(): FakeExcel {
    return this.context.excel;
  }

  /** Queue a step; `target` is resolved when the sync runs. */
  protected queue(requestBytes: number, run: Op['run']): void {
    this.context.enqueue({ owner: this, requestBytes: OP_BYTES + requestBytes, run });
  }

  protected setLoaded(values: Record<string, unknown>, isNull: boolean): void {
    this.nullKnown = isNull;
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
  }

  protected markResolved(isNull: boolean): void {
    this.nullKnown = isNull;
  }

  protected prop<T>(name: string): T {
    if (this.nullKnown === true) throw new FakeOfficeError('InvalidObjectPath', `${this.constructor.name}.${name} of a null object`);
    if (!this.loaded.has(name)) throw new FakeOfficeError('PropertyNotLoaded', `${this.constructor.name}.${name} was not loaded`);
    return this.loaded.get(name) as T;
  }

  get isNullObject(): boolean {
    if (this.nullKnown === undefined) throw new FakeOfficeError('PropertyNotLoaded', `${this.constructor.name}.isNullObject before sync`);
    return this.nullKnown;
  }

  protected sameContext(other: Proxy): void {
    if (other.context !== this.context) throw new FakeOfficeError('InvalidRequestContext', 'a proxy of another request context was passed');
  }
}

function parseProps(props: string | string[], allowed: readonly string[]): string[] {
  const list = (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim()).filter((p) => p !== '');
  for (const p of list) if (!allowed.includes(p)) throw new TypeError(`fake-excel: load("${p}") is not supported`);
  return list;
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
  }
}

class FakeWorksheetCollection extends Proxy {
  private itemsLoaded: FakeWorksheet[] | null = null;

  get items(): FakeWorksheet[] {
    if (!this.itemsLoaded) throw new FakeOfficeError('PropertyNotLoaded', 'WorksheetCollection.items was not loaded');
    return this.itemsLoaded;
  }

  load(props: string): this {
    const wanted = parseProps(props, ['items/name', 'items/visibility']).map((p) => p.slice('items/'.length));
    this.queue(bytes(props), () => {
      const sheets = [...this.excel.sheets];
      const data = sheets.map((s) => Object.fromEntries(wanted.map((w) => [w, w === 'name' ? s.name : s.visibility])));
      return {
        responseBytes: bytes(data),
        commit: () => {
          this.itemsLoaded = sheets.map((s, i) => {
            const ws = new FakeWorksheet(this.context, () => this.excel.sheets.find((x) => x.id === s.id) ?? null, false);
            ws.preload(data[i] as Record<string, unknown>);
            return ws;
          });
        },
      };
    });
    return this;
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.excel.sheets.find((s) => s.name === name) ?? null, false, name);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.excel.sheets.find((s) => s.name === name) ?? null, true, name);
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.queue(bytes(name), (undo) => {
      if (this.excel.sheets.some((s) => s.name === name)) throw new FakeOfficeError('ItemAlreadyExists', `sheet ${name}`);
      created = new FakeSheet(name, 'Calibri');
      this.excel.sheets.push(created);
      undo(() => this.excel.sheets.splice(this.excel.sheets.indexOf(created as FakeSheet), 1));
    });
    return new FakeWorksheet(this.context, () => created, false, name);
  }
}

class FakeWorksheet extends Proxy {
  readonly notes: FakeNoteCollection;
  readonly freezePanes: { freezeRows: (n: number) => void };

  constructor(
    context: FakeContext,
    readonly resolve: () => FakeSheet | null,
    orNull: boolean,
    private readonly label = '?',
  ) {
    super(context);
    this.notes = new FakeNoteCollection(context, this);
    this.freezePanes = {
      freezeRows: (n: number) =>
        this.queue(8, (undo) => {
          const s = this.target();
          const before = s.frozenRows;
          s.frozenRows = n;
          undo(() => (s.frozenRows = before));
        }),
    };
    if (orNull) this.queue(0, () => this.settle());
  }

  /** The sheet, or a failed sync (ItemNotFound) — a strict proxy must resolve. */
  target(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new FakeOfficeError('ItemNotFound', `worksheet ${this.label}`);
    return s;
  }

  private settle() {
    const isNull = this.resolve() === null;
    return { responseBytes: 8, commit: () => this.markResolved(isNull) };
  }

  preload(values: Record<string, unknown>): void {
    this.setLoaded(values, false);
  }

  get name(): string {
    return this.prop('name');
  }

  get visibility(): string {
    return this.prop('visibility');
  }

  set visibility(v: string) {
    this.queue(bytes(v), (undo) => {
      const s = this.target();
      const before = s.visibility;
      s.visibility = v as FakeSheet['visibility'];
      undo(() => (s.visibility = before));
    });
  }

  load(props: string): this {
    const wanted = parseProps(props, ['name', 'visibility']);
    this.queue(bytes(props), () => {
      const s = this.resolve();
      const data = s ? Object.fromEntries(wanted.map((w) => [w, w === 'name' ? s.name : s.visibility])) : {};
      return { responseBytes: bytes(data), commit: () => this.setLoaded(data, s === null) };
    });
    return this;
  }

  getRange(address?: string): FakeRange {
    const rect = address === undefined ? { top: 0, left: 0, rows: MAX_ROWS, cols: MAX_COLS } : rectOf(address);
    return new FakeRange(this.context, this, () => rect, false);
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    if (rows < 1 || cols < 1) throw new FakeOfficeError('InvalidArgument', 'empty range');
    return new FakeRange(this.context, this, () => ({ top: row, left: col, rows, cols }), false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, this, () => this.target().usedRect(valuesOnly === true), true);
  }

  activate(): void {
    this.queue(0, (undo) => {
      const before = this.excel.activeSheet;
      this.excel.activeSheet = this.target().name;
      undo(() => (this.excel.activeSheet = before));
    });
  }

  delete(): void {
    this.queue(0, (undo) => {
      const s = this.target();
      if (s.visibility === 'VeryHidden') throw new FakeOfficeError('InvalidOperation', 'a very hidden sheet cannot be deleted');
      const i = this.excel.sheets.indexOf(s);
      this.excel.sheets.splice(i, 1);
      undo(() => this.excel.sheets.splice(i, 0, s));
    });
  }
}

type CellProps = { format?: { fill?: Record<string, boolean>; font?: Record<string, boolean> }; address?: boolean };

class FakeClientResult<T> {
  private result: { v: T } | null = null;
  get value(): T {
    if (!this.result) throw new FakeOfficeError('PropertyNotLoaded', 'ClientResult.value before sync');
    return this.result.v;
  }
  set(v: T): void {
    this.result = { v };
  }
}

class FakeRange extends Proxy {
  readonly format: {
    fill: { color: string; clear: () => void };
    font: { name: string; bold: boolean };
    autofitColumns: () => void;
  };

  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet,
    private readonly rectOfSheet: (s: FakeSheet) => Rect | null,
    orNull: boolean,
  ) {
    super(context);
    const range = this;
    const fill = {
      set color(color: string) {
        range.eachCell(bytes(color), (cell) => {
          cell.fill = { pattern: 'Solid', color: color.toUpperCase() };
        });
      },
      get color(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'RangeFill.color was not loaded');
      },
      clear() {
        range.eachCell(0, (cell) => {
          cell.fill = { ...NO_FILL };
        });
      },
    };
    const font = {
      set name(name: string) {
        range.eachCell(bytes(name), (cell) => {
          cell.font = name;
        });
      },
      get name(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'RangeFont.name was not loaded');
      },
      set bold(b: boolean) {
        range.eachCell(8, (cell) => {
          cell.bold = b;
        });
      },
      get bold(): boolean {
        throw new FakeOfficeError('PropertyNotLoaded', 'RangeFont.bold was not loaded');
      },
    };
    this.format = { fill, font, autofitColumns: () => this.queue(0, () => void this.rect()) };
    if (orNull) {
      this.queue(0, () => {
        const isNull = this.rectOrNull() === null;
        return { responseBytes: 8, commit: () => this.markResolved(isNull) };
      });
    }
  }

  private rectOrNull(): Rect | null {
    return this.rectOfSheet(this.worksheet.target());
  }

  private rect(): Rect {
    const r = this.rectOrNull();
    if (!r) throw new FakeOfficeError('InvalidObjectPath', 'operation on a null range');
    return r;
  }

  /** Queue a change to every cell (each undone if the sync is refused). */
  private eachCell(requestBytes: number, change: (cell: FakeCell, r: number, c: number) => void): void {
    this.queue(requestBytes, (undo) => {
      const sheet = this.worksheet.target();
      const rect = this.rect();
      if (rect.rows * rect.cols > 5_000_000) throw new FakeOfficeError('RangeExceedsLimit', 'over 5,000,000 cells');
      for (let r = rect.top; r < rect.top + rect.rows; r++) {
        for (let c = rect.left; c < rect.left + rect.cols; c++) {
          const cell = sheet.edit(r, c);
          const before = { ...cell, fill: { ...cell.fill } };
          change(cell, r, c);
          undo(() => Object.assign(cell, before));
        }
      }
    });
  }

  private matrix<T>(read: (cell: FakeCell, r: number, c: number) => T): T[][] {
    const sheet = this.worksheet.target();
    const rect = this.rect();
    if (rect.rows * rect.cols > 5_000_000) throw new FakeOfficeError('RangeExceedsLimit', 'over 5,000,000 cells');
    const out: T[][] = [];
    for (let r = rect.top; r < rect.top + rect.rows; r++) {
      const row: T[] = [];
      for (let c = rect.left; c < rect.left + rect.cols; c++) row.push(read(sheet.cell(r, c), r, c));
      out.push(row);
    }
    return out;
  }

  load(props: string): this {
    const wanted = parseProps(props, ['values', 'numberFormat', 'valueTypes', 'address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
    this.queue(bytes(props), () => {
      const rect = this.rectOrNull();
      const data: Record<string, unknown> = {};
      if (rect) {
        for (const w of wanted) {
          if (w === 'values') data[w] = this.matrix((c) => (c.value === null ? '' : c.value));
          else if (w === 'numberFormat') data[w] = this.matrix((c) => c.numberFormat);
          else if (w === 'valueTypes') {
            data[w] = this.matrix((c) =>
              c.error ? 'Error' : c.value === null ? 'Empty' : typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : 'String',
            );
          } else if (w === 'address') data[w] = `${quoteSheet(this.worksheet.target().name)}!${a1Of(rect)}`;
          else if (w === 'rowIndex') data[w] = rect.top;
          else if (w === 'columnIndex') data[w] = rect.left;
          else if (w === 'rowCount') data[w] = rect.rows;
          else if (w === 'columnCount') data[w] = rect.cols;
        }
      }
      return { responseBytes: bytes(data), commit: () => this.setLoaded(data, rect === null) };
    });
    return this;
  }

  get values(): any[][] {
    return this.prop('values');
  }
  set values(v: any[][]) {
    this.write('values', v);
  }
  get numberFormat(): any[][] {
    return this.prop('numberFormat');
  }
  set numberFormat(v: any[][]) {
    this.write('numberFormat', v);
  }
  get valueTypes(): string[][] {
    return this.prop('valueTypes');
  }
  get address(): string {
    return this.prop('address');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }

  private write(what: 'values' | 'numberFormat', v: unknown): void {
    if (!Array.isArray(v) || !v.every(Array.isArray)) throw new FakeOfficeError('InvalidArgument', `${what} must be a 2-D array`);
    const matrix = v as unknown[][];
    this.queue(bytes(matrix), () => {
      const rect = this.rect();
      if (matrix.length !== rect.rows || matrix.some((row) => row.length !== rect.cols)) {
        throw new FakeOfficeError('InvalidArgument', `${what}: ${matrix.length}×${matrix[0]?.length} for a ${rect.rows}×${rect.cols} range`);
      }
    });
    this.eachCell(0, (cell, r, c) => {
      const rect = this.rect();
      const x = matrix[r - rect.top]?.[c - rect.left];
      if (what === 'numberFormat') {
        cell.numberFormat = String(x);
        return;
      }
      cell.error = false;
      if (x === null || x === undefined || x === '') cell.value = null;
      else if (typeof x === 'string') {
        if (x.startsWith('=') && cell.numberFormat !== '@') throw new FakeOfficeError('FakeFormulaWritten', `"${x}" would become a formula`);
        cell.value = x.startsWith("'") ? x.slice(1) : x;
      } else if (typeof x === 'number' || typeof x === 'boolean') cell.value = x;
      else throw new FakeOfficeError('InvalidArgument', `value ${String(x)}`);
    });
  }

  getCellProperties(options: CellProps): FakeClientResult<any[][]> {
    const result = new FakeClientResult<any[][]>();
    this.queue(bytes(options), () => {
      const sheet = this.worksheet.target();
      const data = this.matrix((cell, r, c) => {
        const out: any = {};
        if (options.address) out.address = `${quoteSheet(sheet.name)}!${columnLetters(c + 1)}${r + 1}`;
        if (options.format) {
          out.format = {};
          if (options.format.fill) {
            out.format.fill = {};
            for (const k of Object.keys(options.format.fill)) {
              if (k === 'pattern') out.format.fill.pattern = cell.fill.pattern;
              else if (k === 'color') out.format.fill.color = cell.fill.pattern === 'None' ? '#FFFFFF' : (cell.fill.color ?? '#FFFFFF');
              else if (k === 'patternColor') out.format.fill.patternColor = cell.fill.patternColor ?? '#000000';
              else throw new TypeError(`fake-excel: fill.${k}`);
            }
          }
          if (options.format.font) {
            out.format.font = {};
            for (const k of Object.keys(options.format.font)) {
              if (k === 'name') out.format.font.name = cell.font;
              else throw new TypeError(`fake-excel: font.${k}`);
            }
          }
        }
        return out;
      });
      return { responseBytes: bytes(data), commit: () => result.set(data) };
    });
    return result;
  }

  getRowProperties(options: CellProps): FakeClientResult<any[]> {
    if (!options.format?.font?.name || options.format.fill) throw new TypeError('fake-excel: getRowProperties supports format.font.name only');
    const result = new FakeClientResult<any[]>();
    this.queue(bytes(options), () => {
      const fonts = this.matrix((cell) => cell.font);
      const data = fonts.map((row) => ({ format: { font: { name: row.every((f) => f === row[0]) ? (row[0] ?? null) : null } } }));
      return { responseBytes: bytes(data), commit: () => result.set(data) };
    });
    return result;
  }

  setCellProperties(props: any[][]): void {
    this.queue(bytes(props), () => {
      const rect = this.rect();
      if (props.length !== rect.rows || props.some((row) => row.length !== rect.cols)) throw new FakeOfficeError('InvalidArgument', 'setCellProperties dimensions');
    });
    this.eachCell(0, (cell, r, c) => {
      const rect = this.rect();
      const p = props[r - rect.top]?.[c - rect.left];
      const fill = p?.format?.fill;
      if (fill) {
        const pattern = fill.pattern ?? 'Solid';
        cell.fill = pattern === 'None' ? { ...NO_FILL } : { pattern, ...(fill.color ? { color: fill.color } : {}), ...(fill.patternColor ? { patternColor: fill.patternColor } : {}) };
      }
      if (p?.format?.font?.name) cell.font = p.format.font.name;
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const rect = this.rect();
      const merges = this.worksheet.target().merges.filter((m) => intersects(rectOf(m), rect));
      if (merges.length > 512) throw new FakeOfficeError('GeneralException', 'more than 512 merged areas');
      return merges.length === 0 ? null : merges.map((m) => `${quoteSheet(this.worksheet.target().name)}!${m}`);
    });
  }

  select(): void {
    this.queue(0, (undo) => {
      const before = this.excel.selection;
      this.excel.selection = { sheet: this.worksheet.target().name, address: a1Of(this.rect()) };
      undo(() => (this.excel.selection = before));
    });
  }

  clear(): void {
    this.queue(0, (undo) => {
      const sheet = this.worksheet.target();
      const rect = this.rect();
      for (const [k, cell] of [...sheet.cells]) {
        const [r, c] = k.split(',').map(Number) as [number, number];
        if (!intersects({ top: r, left: c, rows: 1, cols: 1 }, rect)) continue;
        sheet.cells.delete(k);
        undo(() => sheet.cells.set(k, cell));
      }
    });
  }
}

class FakeRangeAreas extends Proxy {
  constructor(
    context: FakeContext,
    private readonly resolve: () => string[] | null,
  ) {
    super(context);
    this.queue(0, () => {
      const isNull = this.resolve() === null;
      return { responseBytes: 8, commit: () => this.markResolved(isNull) };
    });
  }

  load(props: string): this {
    parseProps(props, ['areas/items/address']);
    this.queue(bytes(props), () => {
      const addresses = this.resolve();
      const data = { areas: { items: (addresses ?? []).map((address) => ({ address })) } };
      return { responseBytes: bytes(data), commit: () => this.setLoaded(data, addresses === null) };
    });
    return this;
  }

  get areas(): { items: { address: string }[] } {
    return this.prop('areas');
  }
}

class FakeNoteCollection extends Proxy {
  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context);
  }

  private key(a: string): string {
    if (!/^[A-Z]{1,3}\d+$/.test(a)) throw new FakeOfficeError('InvalidCellAddress', a);
    return a;
  }

  add(cellAddress: FakeRange | string, content: string): FakeNote {
    if (cellAddress instanceof FakeRange) this.sameContext(cellAddress);
    this.queue(bytes(content), (undo) => {
      const sheet = this.worksheet.target();
      let a: string;
      if (typeof cellAddress === 'string') a = this.key(cellAddress);
      else {
        const r = (cellAddress as unknown as { rect(): Rect }).rect();
        if (r.rows !== 1 || r.cols !== 1) throw new FakeOfficeError('InvalidCellAddress', 'not a single cell');
        a = a1Of(r);
      }
      if (sheet.notes.has(a)) throw new FakeOfficeError('InvalidArgument', `a note exists at ${a}`);
      sheet.notes.set(a, { content, author: 'GNBV' });
      undo(() => sheet.notes.delete(a));
    });
    return { content, author: 'GNBV' };
  }

  getItem(key: string): FakeNoteProxy {
    return new FakeNoteProxy(this.context, this.worksheet, this.key(key), false);
  }

  getItemOrNullObject(key: string): FakeNoteProxy {
    return new FakeNoteProxy(this.context, this.worksheet, this.key(key), true);
  }
}

class FakeNoteProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet,
    private readonly address: string,
    orNull: boolean,
  ) {
    super(context);
    if (orNull) {
      this.queue(0, () => {
        const isNull = !this.worksheet.target().notes.has(this.address);
        return { responseBytes: 8, commit: () => this.markResolved(isNull) };
      });
    }
  }

  private note(): FakeNote {
    const n = this.worksheet.target().notes.get(this.address);
    if (!n) throw new FakeOfficeError('ItemNotFound', `note ${this.address}`);
    return n;
  }

  load(props: string): this {
    parseProps(props, ['content']);
    this.queue(bytes(props), () => {
      const n = this.worksheet.target().notes.get(this.address) ?? null;
      const data = n ? { content: n.content } : {};
      return { responseBytes: bytes(data), commit: () => this.setLoaded(data, n === null) };
    });
    return this;
  }

  get content(): string {
    return this.prop('content');
  }

  set content(text: string) {
    this.queue(bytes(text), (undo) => {
      const n = this.note();
      const before = n.content;
      n.content = text;
      undo(() => (n.content = before));
    });
  }

  delete(): void {
    this.queue(0, (undo) => {
      const n = this.note();
      const notes = this.worksheet.target().notes;
      notes.delete(this.address);
      undo(() => notes.set(this.address, n));
    });
  }
}
