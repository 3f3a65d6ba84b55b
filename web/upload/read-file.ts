import type { Grid } from '../../shared/grid/grid.ts';
import type { SpreadsheetFormat } from '../../shared/xlsx/read-spreadsheet.ts';
import { lateModule } from '../common/late-module.ts';
import { UNREADABLE } from './strings.ts';

/**
 * The spreadsheet reader is fetched when the first file is dropped, not with the page: the page
 * itself opens at once on a slow line. It reads .xlsx itself and fetches SheetJS (a chunk of its
 * own) only for an .xls or .ods.
 */
type Reader = typeof import('../../shared/xlsx/read-spreadsheet.ts');
/** The reader, and SheetJS that it fetches for an .xls or .ods; after a failed fetch, the next file asks again. */
const spreadsheetReader = lateModule('shared/xlsx/read-spreadsheet.ts', () => import('../../shared/xlsx/read-spreadsheet.ts'));
const loadSheetJs = lateModule('shared/xlsx/read-sheetjs.ts', () => import('../../shared/xlsx/read-sheetjs.ts'));

export type FileRead =
  | { ok: true; name: string; bytes: Uint8Array; format: SpreadsheetFormat; grids: Grid[] }
  | { ok: false; name: string; message: string };

/** Starts fetching the reader ahead of the first file; a failure here is only retried by that file. */
export function prefetchXlsxReader(): void {
  spreadsheetReader().catch(() => undefined);
}

/** A dropped or picked file → its bytes and grids, or one clear line (Vietnamese, then English). */
export async function readDroppedFile(file: File): Promise<FileRead> {
  const name = file.name;
  const fail = (reason: keyof typeof UNREADABLE): FileRead => ({ ok: false, name, message: `Tệp «${name}» ${UNREADABLE[reason]}` });
  const bytes = new Uint8Array(await file.arrayBuffer());
  let read: Reader;
  try {
    read = await spreadsheetReader();
  } catch {
    return fail('reader-not-loaded');
  }
  try {
    // The bytes decide the format, whatever the name says; the name only lets text be read as CSV.
    const { format, grids } = await read.readSpreadsheet(bytes, name, { loadSheetJs });
    return { ok: true, name, bytes, format, grids };
  } catch (e) {
    // A chunk that did not load (SheetJS for an .xls) is the connection, not the file.
    if (e instanceof TypeError && /import|fetch|module/i.test(e.message)) return fail('reader-not-loaded');
    return fail(e instanceof read.UnreadableWorkbook ? e.reason : 'damaged');
  }
}
