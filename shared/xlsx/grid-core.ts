import type { CellValue, Grid } from '../grid/grid.ts';
import { address, parseRange } from '../grid/address.ts';

/**
 * The one way cells become a Grid, for every reader: the .xlsx file reader (parse-xlsx.ts), the
 * .xls/.ods reader (read-sheetjs.ts) and the task pane's builder from Excel's values
 * (addin/grid/build-grid.ts). A cell is a date in one exactly when it is one in the others, and a
 * font is recorded in one exactly when it is in the others. Each reader only says, in its own
 * terms, what a cell holds.
 */

/** A number format that shows a date or a time: quoted text and [..] sections (colours, locales) ignored. */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** Days between Excel's 1900 epoch (as Excel counts, with its 29/02/1900) and 1970-01-01. */
const EPOCH_1900 = 25569;
/** The 1904 date system (old Mac workbooks) starts 1,462 days later. */
const OFFSET_1904 = 1462;

/** An Excel serial as a date: rounded to the millisecond, read in UTC, the day kept. */
export function serialDate(serial: number, date1904 = false): CellValue {
  const d = new Date(Math.round((serial - EPOCH_1900 + (date1904 ? OFFSET_1904 : 0)) * 86_400_000));
  return Number.isNaN(d.getTime()) ? null : { date: d.toISOString().slice(0, 10) };
}

/** A stored number as the Grid holds it: not finite → empty; under a date format → {date}. */
export function numberCell(value: number, numberFormat: string | undefined, date1904 = false): CellValue {
  if (!Number.isFinite(value)) return null;
  return numberFormat !== undefined && isDateFormat(numberFormat) ? serialDate(value, date1904) : value;
}

/**
 * The fonts a Grid records: of the cells that hold a value, those whose font differs from the one
 * most of them use (the sheet's usual font). Legacy-encoded text shows itself by an unusual font.
 */
export function unusualFonts(fontOf: Iterable<readonly [address: string, font: string]>): { fonts: Record<string, string>; usual: string | null } {
  const counts = new Map<string, number>();
  const all: (readonly [string, string])[] = [];
  for (const entry of fontOf) {
    all.push(entry);
    counts.set(entry[1], (counts.get(entry[1]) ?? 0) + 1);
  }
  let usual: string | null = null;
  let most = -1;
  for (const [font, n] of counts) if (n > most) [usual, most] = [font, n];
  const fonts: Record<string, string> = {};
  for (const [a, font] of all) if (font !== usual) fonts[a] = font;
  return { fonts, usual };
}

/** The cells inside merged areas other than each area's top-left: they hold no value of their own. */
export function coveredCells(merges: readonly string[]): Set<string> {
  const covered = new Set<string>();
  for (const m of merges) {
    const r = parseRange(m);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) covered.add(address(row, col));
  }
  return covered;
}

/**
 * A sheet's cells as a reader finds them, in any order, then the Grid: rows run to the last row
 * with a value (or that the reader says the sheet reaches) or a merged area, each row to its last
 * value; number formats of the values that are not General; fonts of the values, the unusual ones.
 */
export class GridCells {
  private readonly rows: CellValue[][] = [];
  private readonly numFmts: Record<string, string> = {};
  private readonly fontOf: [string, string][] = [];
  private length = 0;

  /** A value at a 1-based row and column (null: nothing), with its number format and font where known. */
  set(row: number, col: number, value: CellValue, numFmt: string | undefined, font?: string): void {
    if (value === null) return;
    const out = (this.rows[row - 1] ??= []);
    while (out.length < col - 1) out.push(null);
    out[col - 1] = value;
    if (row > this.length) this.length = row;
    const hasFormat = numFmt !== undefined && numFmt !== 'General';
    if (!hasFormat && font === undefined) return;
    const a = address(row, col);
    if (hasFormat) this.numFmts[a] = numFmt;
    if (font !== undefined) this.fontOf.push([a, font]);
  }

  /** The sheet reaches this row even with no value in it (an .xlsx row of cells that are not only styled). */
  reach(row: number): void {
    if (row > this.length) this.length = row;
  }

  /** How many fonts were given (a reader that knows none leaves the Grid without fonts). */
  get fontsGiven(): number {
    return this.fontOf.length;
  }

  /**
   * The Grid. `fontAt`: for a reader that learns the fonts after the values (the task pane), each
   * value's font (none where it answers null), instead of the fonts given to `set`.
   */
  build(name: string, merges: readonly string[], fontAt?: (row: number, col: number) => string | null): { grid: Grid; usualFont: string | null } {
    let length = this.length;
    for (const m of merges) length = Math.max(length, parseRange(m).bottom);
    const rows: CellValue[][] = [];
    for (let i = 0; i < length; i++) rows.push(this.rows[i] ?? []);
    const { fonts, usual } = unusualFonts(fontAt ? this.fontsAt(fontAt) : this.fontOf);
    return { grid: { name, rows, merges: [...merges], numFmts: this.numFmts, fonts }, usualFont: usual };
  }

  private fontsAt(fontAt: (row: number, col: number) => string | null): [string, string][] {
    const found: [string, string][] = [];
    this.rows.forEach((cells, i) =>
      cells.forEach((v, j) => {
        if (v === null) return;
        const font = fontAt(i + 1, j + 1);
        if (font) found.push([address(i + 1, j + 1), font]);
      }),
    );
    return found;
  }
}
