import type { Grid } from '../../shared/grid/grid.ts';
import { UNREADABLE } from './strings.ts';

/**
 * The .xlsx reader (exceljs, most of the page's code) is fetched when the first file is dropped,
 * not with the page: the page itself opens at once on a slow line.
 */
type XlsxReader = typeof import('../../shared/xlsx/read-xlsx.ts');
let reader: Promise<XlsxReader> | null = null;

function xlsxReader(): Promise<XlsxReader> {
  reader ??= import('../../shared/xlsx/read-xlsx.ts').catch((e: unknown) => {
    reader = null; // the next file asks again
    throw e;
  });
  return reader;
}

export type FileRead =
  | { ok: true; name: string; bytes: Uint8Array; grids: Grid[] }
  | { ok: false; name: string; message: string };

/**
 * Spreadsheet formats officers save by mistake; .ods, .et and .numbers are zip files too, so the
 * bytes alone would call them damaged .xlsx. Named by extension so the message says what to do.
 */
const OTHER_SPREADSHEETS = /\.(ods|ots|et|ett|numbers|csv|txt|xlsb)$/i;

/** Starts fetching the reader ahead of the first file; a failure here is only retried by that file. */
export function prefetchXlsxReader(): void {
  xlsxReader().catch(() => undefined);
}

/** A dropped or picked file → its bytes and grids, or one clear line (Vietnamese, then English). */
export async function readDroppedFile(file: File): Promise<FileRead> {
  const name = file.name;
  const fail = (reason: keyof typeof UNREADABLE): FileRead => ({ ok: false, name, message: `Tệp «${name}» ${UNREADABLE[reason]}` });
  const bytes = new Uint8Array(await file.arrayBuffer());
  let xlsx: XlsxReader;
  try {
    xlsx = await xlsxReader();
  } catch {
    return fail('reader-not-loaded');
  }
  const { UnreadableWorkbook, readXlsx } = xlsx;
  try {
    // The bytes decide .xls, encrypted, empty and non-zip files, whatever the name says.
    const grids = await readXlsx(bytes);
    return OTHER_SPREADSHEETS.test(name) ? fail('other-format') : { ok: true, name, bytes, grids };
  } catch (e) {
    if (!(e instanceof UnreadableWorkbook)) return fail('damaged');
    if (OTHER_SPREADSHEETS.test(name) && (e.reason === 'damaged' || e.reason === 'not-xlsx')) return fail('other-format');
    return fail(e.reason);
  }
}
