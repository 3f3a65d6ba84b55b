import type { CellValue } from '../grid/grid.ts';

/**
 * The rules by which a cell's stored number becomes a Grid value, shared by every reader (the
 * .xlsx file reader, the task pane's builder from Excel's values), so a cell is a date in one
 * exactly when it is one in the other.
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
