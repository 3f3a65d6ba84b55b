import { unzipSync } from 'fflate';
import type { Grid } from '../grid/grid.ts';
import { readCsv } from './read-csv.ts';
import { UnreadableWorkbook } from './unreadable.ts';
import { isXlsxPackage, parseXlsx } from './parse-xlsx.ts';

/**
 * Any spreadsheet file an officer has → one Grid per sheet: .xlsx/.xlsm (our own reader), Excel
 * 97–2003 .xls, LibreOffice .ods, the HTML and XML-2003 "xls" files some software exports (SheetJS,
 * loaded only for them), and CSV/TSV (read-csv.ts). The bytes decide the format, not the name:
 * officers rename files. Every way a file cannot be read is one reason with one message.
 */

export type SpreadsheetFormat = 'xlsx' | 'xls' | 'ods' | 'html' | 'csv';
export { UNREADABLE_MESSAGES, UnreadableWorkbook, type UnreadableReason } from './unreadable.ts';
export interface Spreadsheet {
  format: SpreadsheetFormat;
  grids: Grid[];
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
/** Names a text file must have to be read as CSV: a renamed .txt or .docx is not a list. */
const DELIMITED_NAME = /\.(csv|tsv|txt|tab)$/i;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** "EncryptedPackage" as UTF-16LE: the stream an encrypted .xlsx keeps inside its OLE container. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = [...text].flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Text, not binary: no NUL or other control bytes in the first 4 KB (UTF-16 is found by read-csv). */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  let nul = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) nul++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  }
  // UTF-16 text has a NUL in about every other byte and no other control bytes.
  return control === 0 && (nul === 0 || nul > n * 0.3);
}

/** "<html", "<table", "<?xml … Workbook": a page or an XML Spreadsheet 2003 saved as .xls. */
function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return head.startsWith('<') && /<(html|table|workbook|ss:workbook)\b|urn:schemas-microsoft-com:office:spreadsheet/.test(head);
}

type SheetJsReader = typeof import('./read-sheetjs.ts');

export interface ReadOptions {
  /**
   * How SheetJS (for .xls and .ods) is fetched: a page passes its own, which asks again after a
   * failed fetch (web/common/late-module.ts). By default, the plain import.
   */
  loadSheetJs?: () => Promise<SheetJsReader>;
}

async function viaSheetJs(bytes: Uint8Array, format: 'xls' | 'ods' | 'html', options: ReadOptions): Promise<Grid[]> {
  const { readSheetJs } = await (options.loadSheetJs ?? (() => import('./read-sheetjs.ts')))();
  try {
    return readSheetJs(bytes, format);
  } catch (cause) {
    // A password-protected .xls (a FILEPASS record) or .ods: SheetJS says "password-protected" or
    // "ODS Encryption" (its "ZIP encryption" comes from garbled bytes, not from a password).
    throw new UnreadableWorkbook(/password|ODS Encryption/i.test(String(cause)) ? 'encrypted' : 'damaged', { cause });
  }
}

function zipped(bytes: Uint8Array): { format: 'xlsx' | 'ods'; parts: Record<string, Uint8Array> } {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes);
  } catch (cause) {
    throw new UnreadableWorkbook('damaged', { cause });
  }
  if (isXlsxPackage(parts)) return { format: 'xlsx', parts };
  const mime = parts['mimetype'];
  if ((mime && new TextDecoder().decode(mime).trim() === ODS_MIME) || parts['content.xml']) return { format: 'ods', parts };
  throw new UnreadableWorkbook('not-spreadsheet');
}

/**
 * Read a spreadsheet file's bytes. `fileName` names a CSV sheet and lets a text file be read as
 * CSV (only when it is called .csv, .tsv, .txt or .tab, or when no name is known).
 */
export async function readSpreadsheet(data: Uint8Array | ArrayBuffer, fileName?: string, options: ReadOptions = {}): Promise<Spreadsheet> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length === 0) throw new UnreadableWorkbook('empty');
  if (startsWith(bytes, CFB_MAGIC)) {
    if (containsUtf16(bytes, 'EncryptedPackage')) throw new UnreadableWorkbook('encrypted');
    return { format: 'xls', grids: await viaSheetJs(bytes, 'xls', options) };
  }
  if (startsWith(bytes, [0x50, 0x4b])) {
    const { format, parts } = zipped(bytes);
    if (format === 'ods') return { format, grids: await viaSheetJs(bytes, format, options) };
    try {
      return { format, grids: parseXlsx(parts) };
    } catch (cause) {
      throw new UnreadableWorkbook('damaged', { cause });
    }
  }
  if (looksLikeText(bytes)) {
    if (looksLikeMarkup(bytes)) return { format: 'html', grids: await viaSheetJs(bytes, 'html', options) };
    if (fileName === undefined || DELIMITED_NAME.test(fileName)) {
      const base = (fileName ?? 'CSV').replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
      return { format: 'csv', grids: [readCsv(bytes, base).grid] };
    }
  }
  throw new UnreadableWorkbook('not-spreadsheet');
}

/** The grids alone, for callers that do not need the format. */
export async function readGrids(data: Uint8Array | ArrayBuffer, fileName?: string): Promise<Grid[]> {
  return (await readSpreadsheet(data, fileName)).grids;
}
