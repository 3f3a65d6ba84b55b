/**
 * Every way a file cannot be read as a spreadsheet, with what to tell the officer. A module of its
 * own so that a page can show these messages without loading the reader.
 */
export type UnreadableReason = 'encrypted' | 'not-spreadsheet' | 'damaged' | 'empty';

export class UnreadableWorkbook extends Error {
  constructor(
    readonly reason: UnreadableReason,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'UnreadableWorkbook';
  }
}

/** What to tell the officer, after "Tệp «name»": Vietnamese, then English. */
export const UNREADABLE_MESSAGES: Readonly<Record<UnreadableReason, string>> = {
  encrypted: 'được đặt mật khẩu. Hãy gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi thử lại. / The workbook is password-protected: remove the password first.',
  'not-spreadsheet':
    'không phải bảng tính (.xlsx, .xls, .ods hoặc .csv). / This is not a spreadsheet (.xlsx, .xls, .ods or .csv).',
  damaged: 'bị hỏng hoặc không đọc được. Hãy mở bằng Excel (hoặc LibreOffice) và lưu lại thành .xlsx. / The file is damaged: open it and save it again as .xlsx.',
  empty: 'rỗng (0 byte). / The file is empty.',
};
