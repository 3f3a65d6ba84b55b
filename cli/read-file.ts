import { readFile } from 'node:fs/promises';
import type { Grid } from '../shared/grid/grid.ts';
import { UnreadableWorkbook, readXlsx } from '../shared/xlsx/read-xlsx.ts';

export class FileProblem extends Error {
  override name = 'FileProblem';
}

const REASONS: Record<UnreadableWorkbook['reason'], string> = {
  'legacy-xls': 'là tệp Excel 97-2003 (.xls). Hãy mở bằng Excel và chọn Lưu thành (Save As) → Sổ làm việc Excel (.xlsx). / This is a legacy .xls file: save it as .xlsx.',
  encrypted: 'được đặt mật khẩu. Hãy gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi thử lại. / The workbook is password-protected: remove the password first.',
  'not-xlsx': 'không phải tệp Excel .xlsx. / This is not an .xlsx file.',
  damaged: 'bị hỏng hoặc không đọc được. Hãy mở bằng Excel và lưu lại thành .xlsx. / The file is damaged: open it in Excel and save it again.',
  empty: 'rỗng (0 byte). / The file is empty.',
};

/** Read an .xlsx from disk; every way it can fail becomes one clear line (exit 2), never a stack trace. */
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
    return await readXlsx(bytes);
  } catch (e) {
    if (e instanceof UnreadableWorkbook) throw new FileProblem(`Tệp ${path} ${REASONS[e.reason]}`);
    throw new FileProblem(`Tệp ${path} ${REASONS.damaged}`);
  }
}
