import type { CellValue } from '../grid/grid.ts';
import { isBlank, isCellError } from '../grid/grid.ts';
import { columnLetters } from '../grid/address.ts';
import { issueValue } from '../grid/values.ts';
import { type Finding, type IssueCode, type IssueValue, type Severity, severityOf } from '../issues.ts';
import type { CommunePlan } from '../plans/plan.ts';
import type { RulePack } from '../standards/index.ts';
import type { Table } from '../table/read-table.ts';
import type { CheckMemory } from '../check-memory.ts';
import { address } from '../grid/address.ts';

/**
 * A cheap first look before the remembered detection (CheckMemory.legacyEncoding): pure ASCII is never legacy text, and a letter
 * only real Unicode Vietnamese has (ă đ ĩ ũ ơ ư, U+1EA0–U+1EF9; precomposed, so NFC keeps them)
 * rules it out — most names and villages stop here. Same answers as detectLegacyEncoding.
 */
export function mayBeLegacy(text: string): boolean {
  let nonAscii = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch < 0x80) continue;
    if ((ch >= 0x1ea0 && ch <= 0x1ef9) || (ch < UNICODE_ONLY.length && UNICODE_ONLY[ch] === 1)) return false;
    nonAscii = true;
  }
  return nonAscii;
}
/** ă Ă đ Đ ĩ Ĩ ũ Ũ ơ Ơ ư Ư as a table by code (a lookup per character, no hashing). */
const UNICODE_ONLY: Uint8Array = (() => {
  const only = [0x0102, 0x0103, 0x0110, 0x0111, 0x0128, 0x0129, 0x0168, 0x0169, 0x01a0, 0x01a1, 0x01af, 0x01b0];
  const table = new Uint8Array(0x01b1);
  for (const ch of only) table[ch] = 1;
  return table;
})();

/** What every rule sees: the plan, the pack in force, the report date, and one place to report. */
export interface RuleEnv {
  plan: CommunePlan;
  pack: RulePack;
  /** YYYY-MM-DD: ages, the newly-escaped window and due dates are measured at this day. */
  reportDate: string;
  reportYear: number;
  /** This check's memos (or the caller's, kept across checks). */
  memory: CheckMemory;
}

export interface IssueInput {
  code: IssueCode;
  row: number | null;
  column: number | null;
  field: string | null;
  value: IssueValue;
  expected?: IssueValue;
  params?: Record<string, IssueValue>;
  severity?: Severity;
}

/** Collects issues for one sheet; each cell that already has an issue is not judged again. */
export class SheetReport {
  /** Data only: the engine gives them their text as they leave it (validateWorkbook). */
  readonly issues: Finding[] = [];
  /** Cells with an issue, keyed row × 2^14 + column (Excel has at most 16,384 columns). */
  private readonly flagged = new Set<number>();
  /** The highest row with a flagged cell: rules walk rows in order, so most rows are past it. */
  private lastFlaggedRow = 0;

  constructor(
    readonly sheet: string,
    readonly env: RuleEnv,
  ) {}

  add(input: IssueInput): void {
    const issue: Finding = {
      code: input.code,
      severity: input.severity ?? severityOf(input.code),
      sheet: this.sheet,
      row: input.row,
      column: input.column === null ? null : columnLetters(input.column),
      field: input.field,
      value: input.value,
    };
    if (input.expected !== undefined) issue.expected = input.expected;
    if (input.params !== undefined) issue.params = input.params;
    this.issues.push(issue);
    if (input.row !== null && input.column !== null) {
      this.flagged.add(input.row * 16384 + input.column);
      if (input.row > this.lastFlaggedRow) this.lastFlaggedRow = input.row;
    }
  }

  isFlagged(row: number, column: number): boolean {
    return row <= this.lastFlaggedRow && this.flagged.has(row * 16384 + column);
  }

  /** Some cell of `row` may have an issue already (false for most rows: rules walk rows in order). */
  mayHaveFlagged(row: number): boolean {
    return row <= this.lastFlaggedRow;
  }
}

/** A field resolved to its column once per sheet: `col` is 1-based, 0 when the sheet has no such column. */
export interface FieldRef {
  readonly name: string;
  readonly col: number;
}

/** A field by name, or resolved once with `RowCells.ref` (the hot loops use refs: no lookup per cell). */
export type Field = string | FieldRef;

const NO_CELLS: readonly CellValue[] = [];

/**
 * Reads one cell in eight of a row as the row begins, so that the processor fetches the whole row
 * from memory at once (eight cells fill a 64-byte line) instead of waiting at the first read of each
 * line in turn while the rules work along the row: 5–10 % of a 10,000-row check (npm run bench).
 * The count itself is not used.
 */
function fetchRow(cells: readonly CellValue[]): number {
  let nulls = 0;
  for (let i = 7; i < cells.length; i += 8) if (cells[i] === null) nulls++;
  return nulls;
}

/**
 * Reads one field of one row: formula errors and legacy-encoded text are reported here, once, and
 * the cell then counts as unusable for the rules that need its value.
 */
export class RowCells {
  private readonly fonts: Record<string, string> | null;
  readonly memory: CheckMemory;
  private readonly refs = new Map<string, FieldRef>();
  private cells: readonly CellValue[] = NO_CELLS;
  /** fetchRow's answer, kept so that its reads are made. */
  private fetched = 0;
  public row = 0;
  /**
   * Per column, the last text found plain (not legacy-encoded) whatever the cell's font: a column
   * repeats its village, ethnicity or category row after row.
   */
  private readonly lastPlain: (string | null)[];

  constructor(
    private readonly table: Table,
    private readonly report: SheetReport,
    row: number,
  ) {
    const fonts = table.grid.fonts;
    this.fonts = fonts && Object.keys(fonts).length > 0 ? fonts : null;
    this.memory = report.env.memory;
    this.lastPlain = new Array<string | null>(Math.max(0, ...table.columns.values()) + 1).fill(null);
    this.at(row);
  }

  /** Move to another row of the same table (one reader per sheet, not one per row). */
  at(row: number): this {
    this.row = row;
    const cells = this.table.grid.rows[row - 1] ?? NO_CELLS;
    this.cells = cells;
    this.fetched = fetchRow(cells);
    return this;
  }

  /** The field with its column, looked up once. */
  ref(field: Field): FieldRef {
    if (typeof field !== 'string') return field;
    let r = this.refs.get(field);
    if (r === undefined) {
      r = { name: field, col: this.table.columns.get(field) ?? 0 };
      this.refs.set(field, r);
    }
    return r;
  }

  col(field: Field): number | null {
    return this.ref(field).col || null;
  }

  has(field: Field): boolean {
    return this.ref(field).col > 0;
  }

  /** This row's cells as they are, for a rule that reads many columns in one loop (readMarks). */
  get values(): readonly CellValue[] {
    return this.cells;
  }

  /** Some cell of this row may have an issue already: a rule reading `values` directly checks this. */
  mayHaveFlagged(): boolean {
    return this.report.mayHaveFlagged(this.row);
  }

  /** The cell as it is, or undefined when the column is absent. */
  value(field: Field): CellValue | undefined {
    const c = this.ref(field).col;
    return c === 0 ? undefined : (this.cells[c - 1] ?? null);
  }

  /** The raw value, or undefined when the column is absent or the cell already has an issue. */
  raw(field: Field): CellValue | undefined {
    const f = typeof field === 'string' ? this.ref(field) : field;
    const c = f.col;
    if (c === 0) return undefined;
    const v = this.cells[c - 1];
    if (this.report.isFlagged(this.row, c)) return undefined;
    // Most cells of a list are empty, numbers, or the text of the cell before (a village, a category).
    if (v === undefined || v === null) return null;
    if (typeof v === 'number' || v === this.lastPlain[c]) return v;
    return this.judged(f, v);
  }

  /** raw() for text, formula errors and the rest: legacy-encoded text and errors are reported here. */
  private judged(f: FieldRef, v: CellValue): CellValue | undefined {
    const c = f.col;
    if (typeof v === 'string') {
      if (mayBeLegacy(v)) {
        const font = this.fonts === null ? null : (this.fonts[address(this.row, c)] ?? null);
        const encoding = this.memory.legacyEncoding(v, font);
        if (encoding) {
          this.report.add({ code: 'CELL.LEGACY_ENCODING', row: this.row, column: c, field: f.name, value: v, params: { encoding, font } });
          return undefined;
        }
        // Plain in this cell's font: the same text in another cell may have another font.
        if (this.fonts !== null) return v;
      }
      this.lastPlain[c] = v;
    } else if (isCellError(v)) {
      this.report.add({ code: 'CELL.FORMULA_ERROR', row: this.row, column: c, field: f.name, value: v.error });
      return undefined;
    }
    return v;
  }

  /** The cell already has an issue. */
  flagged(field: Field): boolean {
    const c = this.ref(field).col;
    return c > 0 && this.report.isFlagged(this.row, c);
  }

  blank(field: Field): boolean {
    const c = this.ref(field).col;
    return c === 0 || isBlank(this.cells[c - 1]);
  }

  issue(code: IssueCode, field: Field, extra: Partial<Pick<IssueInput, 'value' | 'expected' | 'params' | 'severity'>> = {}): void {
    const f = this.ref(field);
    const v = f.col === 0 ? undefined : this.cells[f.col - 1];
    // One shape for every issue (no spread): the engine adds thousands on a large list.
    this.report.add({
      code,
      row: this.row,
      column: f.col || null,
      field: f.name,
      value: extra.value !== undefined ? extra.value : issueValue(v),
      expected: extra.expected,
      params: extra.params,
      severity: extra.severity,
    });
  }

  required(field: Field): void {
    this.issue('CELL.REQUIRED', field);
  }

  /** CELL.REQUIRED on each of `fields` (present columns) left empty on this row: one call per row. */
  requireFilled(fields: readonly FieldRef[]): void {
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k] as FieldRef;
      if (isBlank(this.cells[f.col - 1])) this.required(f);
    }
  }

  typeError(field: Field, expectedType: string): void {
    this.issue('CELL.TYPE', field, { params: { expectedType } });
  }
}
