import { readFile } from 'node:fs/promises';
import type { Grid } from '../shared/grid/grid.ts';
import { UNREADABLE_MESSAGES, UnreadableWorkbook, readGrids } from '../shared/xlsx/read-spreadsheet.ts';

export class FileProblem extends Error {
  override name = 'FileProblem';
}

/**
 * Read a spreadsheet from disk (.xlsx, .xls, .ods, CSV); every way it can fail becomes one clear
 * line (exit 2), never a stack trace.
 */
export async function readWorkbookFile(path: string): Promise<Grid[]> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FileProblem(
      code === 'ENOENT'
        ? `Không tìm thấy tệp ${path}. / File not found.`
        : code === 'EISDIR'
          ? `${path} là một thư mục, không phải tệp. / Is a directory.`
          : `Không đọc được tệp ${path} (${code ?? 'lỗi'}). / Cannot read the file.`,
    );
  }
  try {
    return await readGrids(bytes, path);
  } catch (e) {
    throw new FileProblem(`Tệp ${path} ${UNREADABLE_MESSAGES[e instanceof UnreadableWorkbook ? e.reason : 'damaged']}`);
  }
}
