import type { CellValue } from '../grid/grid.ts';
import { isBlank, isCellError } from '../grid/grid.ts';
import { columnLetters } from '../grid/address.ts';
import { issueValue } from '../grid/values.ts';
import { type Issue, type IssueCode, type IssueValue, type Severity, severityOf } from '../issues.ts';
import type { CommunePlan } from '../plans/plan.ts';
import type { RulePack } from '../standards/index.ts';
import type { Table } from '../table/read-table.ts';
import { cellAt } from '../table/read-table.ts';
import { detectLegacyEncoding } from '../text/legacy-encoding.ts';
import { address } from '../grid/address.ts';
import { type Lang, renderMessage } from '../messages.ts';

const NON_ASCII = /[^\u0000-\u007F]/;
const legacyCache = new Map<string, ReturnType<typeof detectLegacyEncoding>>();

/** Legacy-encoding detection, once per distinct text and font (lists repeat villages and names). */
function legacyEncodingOf(text: string, font: string | null): ReturnType<typeof detectLegacyEncoding> {
  const key = font === null ? text : `${font}\u0000${text}`;
  let found = legacyCache.get(key);
  if (found === undefined) {
    found = detectLegacyEncoding(text.normalize('NFC'), font);
    if (legacyCache.size > 100_000) legacyCache.clear();
    legacyCache.set(key, found);
  }
  return found;
}

/** What every rule sees: the plan, the pack in force, the report date, and one place to report. */
export interface RuleEnv {
  plan: CommunePlan;
  pack: RulePack;
  /** YYYY-MM-DD: ages, the newly-escaped window and due dates are measured at this day. */
  reportDate: string;
  reportYear: number;
  lang: Lang;
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
  readonly issues: Issue[] = [];
  /** Cells with an issue, keyed row × 2^14 + column (Excel has at most 16,384 columns). */
  private readonly flagged = new Set<number>();

  constructor(
    readonly sheet: string,
    readonly env: RuleEnv,
  ) {}

  add(input: IssueInput): void {
    const issue: Issue = {
      code: input.code,
      severity: input.severity ?? severityOf(input.code),
      sheet: this.sheet,
      row: input.row,
      column: input.column === null ? null : columnLetters(input.column),
      field: input.field,
      value: input.value,
      message: '',
    };
    if (input.expected !== undefined) issue.expected = input.expected;
    if (input.params !== undefined) issue.params = input.params;
    issue.message = renderMessage(issue, this.env.lang);
    this.issues.push(issue);
    if (input.row !== null && input.column !== null) this.flagged.add(input.row * 16384 + input.column);
  }

  isFlagged(row: number, column: number): boolean {
    return this.flagged.size > 0 && this.flagged.has(row * 16384 + column);
  }
}

/**
 * Reads one field of one row: formula errors and legacy-encoded text are reported here, once, and
 * the cell then counts as unusable for the rules that need its value.
 */
export class RowCells {
  private readonly fonts: Record<string, string> | null;

  constructor(
    private readonly table: Table,
    private readonly report: SheetReport,
    public row: number,
  ) {
    const fonts = table.grid.fonts;
    this.fonts = fonts && Object.keys(fonts).length > 0 ? fonts : null;
  }

  /** Move to another row of the same table (one reader per sheet, not one per row). */
  at(row: number): this {
    this.row = row;
    return this;
  }

  col(field: string): number | null {
    return this.table.columns.get(field) ?? null;
  }

  has(field: string): boolean {
    return this.table.columns.has(field);
  }

  /** The raw value, or undefined when the column is absent or the cell already has an issue. */
  raw(field: string): CellValue | undefined {
    const c = this.table.columns.get(field);
    if (c === undefined) return undefined;
    const v = cellAt(this.table.grid, this.row, c) ?? null;
    if (this.report.isFlagged(this.row, c)) return undefined;
    if (isCellError(v)) {
      this.report.add({ code: 'CELL.FORMULA_ERROR', row: this.row, column: c, field, value: v.error });
      return undefined;
    }
    if (typeof v === 'string' && NON_ASCII.test(v)) {
      const font = this.fonts === null ? null : (this.fonts[address(this.row, c)] ?? null);
      const encoding = legacyEncodingOf(v, font);
      if (encoding) {
        this.report.add({
          code: 'CELL.LEGACY_ENCODING',
          row: this.row,
          column: c,
          field,
          value: v,
          params: { encoding, font },
        });
        return undefined;
      }
    }
    return v;
  }

  /** The cell already has an issue. */
  flagged(field: string): boolean {
    const c = this.col(field);
    return c !== null && this.report.isFlagged(this.row, c);
  }

  blank(field: string): boolean {
    const c = this.table.columns.get(field);
    return c === undefined || isBlank(cellAt(this.table.grid, this.row, c));
  }

  issue(code: IssueCode, field: string, extra: Partial<IssueInput> = {}): void {
    const c = this.col(field);
    const v = c === null ? undefined : cellAt(this.table.grid, this.row, c);
    this.report.add({ code, row: this.row, column: c, field, value: issueValue(v), ...extra });
  }

  required(field: string): void {
    this.issue('CELL.REQUIRED', field);
  }

  typeError(field: string, expectedType: string): void {
    this.issue('CELL.TYPE', field, { params: { expectedType } });
  }
}
