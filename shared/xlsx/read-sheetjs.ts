import { read, type CellObject, type WorkSheet } from '@e965/xlsx';
import type { CellValue, Grid } from '../grid/grid.ts';
import { address, columnNumber } from '../grid/address.ts';
import { GridCells, coveredCells, numberCell } from './grid-core.ts';
import { odsCellFonts } from './ods-fonts.ts';
import { xlsCellFonts } from './xls-fonts.ts';

/**
 * Excel 97–2003 (.xls, BIFF8 and older) and OpenDocument (.ods) → one Grid per sheet, through
 * SheetJS Community Edition (Apache-2.0; the `@e965/xlsx` build of it on the npm registry, the
 * same code as SheetJS's own CDN release). Chosen because it is the one maintained JavaScript
 * reader of both formats (and of their codepages) that runs in Node, workerd and the browser with
 * no native part; it is loaded only when such a file comes (about 360 KB minified in the upload
 * page's chunk, nothing in the .xlsx path, which keeps our own fast reader).
 *
 * Values, merged areas and number formats become the same Grid as the .xlsx reader gives: a
 * number under a date format is a date, an error cell is {error}. SheetJS CE reads no fonts; an
 * .ods's come from its styles (ods-fonts.ts), an .xls's from its FONT and XF records (xls-fonts.ts),
 * recorded as the .xlsx reader records them (the fonts unusual for the sheet).
 */
/** `format`: what the caller found the bytes to be (read-spreadsheet.ts), which says where the fonts are. */
export function readSheetJs(bytes: Uint8Array, format: 'xls' | 'ods' | 'html'): Grid[] {
  // cellNF: every cell's number format; cellDates false: dates stay serials with their format, as
  // in .xlsx, so one rule (numberCell) decides what is a date.
  const wb = quietly(() => read(bytes, { type: 'array', cellNF: true, cellDates: false, cellFormula: false, cellHTML: false, cellText: false, dense: false }));
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const fonts = format === 'ods' ? odsCellFonts(bytes) : format === 'xls' ? xlsCellFonts(bytes) : new Map<string, [string, string][]>();
  return wb.SheetNames.map((name) => sheetGrid(name, wb.Sheets[name], date1904, new Map(fonts.get(name))));
}

/**
 * SheetJS writes remarks on what it half-understood ("ODS number format may be incorrect") to the
 * console; in the command line they would bury the issues. The read is synchronous, so nothing
 * else writes to the console meanwhile.
 */
function quietly<T>(f: () => T): T {
  const { error, warn } = console;
  console.error = console.warn = () => {};
  try {
    return f();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

/** BIFF error codes ([MS-XLS] 2.5.97.2 BErr) as Excel shows them. */
const ERRORS: Readonly<Record<number, string>> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

function errorText(cell: CellObject): string {
  if (typeof cell.v === 'number') return ERRORS[cell.v] ?? '#N/A';
  if (typeof cell.w === 'string' && cell.w.startsWith('#')) return cell.w;
  return typeof cell.v === 'string' && cell.v.startsWith('#') ? cell.v : '#N/A';
}

function cellValue(cell: CellObject, date1904: boolean): CellValue {
  switch (cell.t) {
    case 'n':
      return numberCell(cell.v as number, cell.z === undefined || cell.z === 'General' ? undefined : String(cell.z), date1904);
    case 's':
      return cell.v === undefined || cell.v === '' ? null : String(cell.v);
    case 'b':
      return Boolean(cell.v);
    case 'e':
      return { error: errorText(cell) };
    case 'd':
      return cell.v instanceof Date ? { date: cell.v.toISOString().slice(0, 10) } : null;
    default:
      return null;
  }
}

function sheetGrid(name: string, ws: WorkSheet | undefined, date1904: boolean, cellFonts: ReadonlyMap<string, string>): Grid {
  const merges = (ws?.['!merges'] ?? []).map((m) => `${address(m.s.r + 1, m.s.c + 1)}:${address(m.e.r + 1, m.e.c + 1)}`);
  const covered = coveredCells(merges);
  const cells = new GridCells();
  for (const key of Object.keys(ws ?? {})) {
    const m = CELL_KEY.exec(key);
    if (!m || covered.has(key)) continue;
    const cell = (ws as WorkSheet)[key] as CellObject;
    cells.set(Number(m[2]), columnNumber(m[1] as string), cellValue(cell, date1904), cell.z === undefined ? undefined : String(cell.z), cellFonts.get(key));
  }
  const { grid } = cells.build(name, merges);
  // This reader's Grids have numFmts only when a value has a format, fonts only when the file gave any.
  if (Object.keys(grid.numFmts ?? {}).length === 0) delete grid.numFmts;
  if (cells.fontsGiven === 0) delete grid.fonts;
  return grid;
}

const CELL_KEY = /^([A-Z]{1,3})(\d+)$/;
