import type { Grid } from '../../shared/grid/grid.ts';
import { UnreadableWorkbook, readXlsx } from '../../shared/xlsx/read-xlsx.ts';
import { UNREADABLE } from './strings.ts';

export type FileRead =
  | { ok: true; name: string; bytes: Uint8Array; grids: Grid[] }
  | { ok: false; name: string; message: string };

/**
 * Spreadsheet formats officers save by mistake; .ods, .et and .numbers are zip files too, so the
 * bytes alone would call them damaged .xlsx. Named by extension so the message says what to do.
 */
const OTHER_SPREADSHEETS = /\.(ods|ots|et|ett|numbers|csv|txt|xlsb)$/i;

/** A dropped or picked file → its bytes and grids, or one clear line (Vietnamese, then English). */
export async function readDroppedFile(file: File): Promise<FileRead> {
  const name = file.name;
  const fail = (reason: keyof typeof UNREADABLE): FileRead => ({ ok: false, name, message: `Tệp «${name}» ${UNREADABLE[reason]}` });
  const bytes = new Uint8Array(await file.arrayBuffer());
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
