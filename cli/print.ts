import type { Issue } from '../shared/issues.ts';
import { type Lang, kindName } from '../shared/messages.ts';
import type { WorkbookResult } from '../shared/validate.ts';
import type { Tally } from './batch.ts';
import type { FileOutcome, FileReport } from './check-file.ts';

function errorCount(issues: readonly Issue[]): number {
  return issues.filter((i) => i.severity === 'error').length;
}

function counts(errors: number, warnings: number, lang: Lang): string {
  return lang === 'vi' ? `${errors} lỗi, ${warnings} cảnh báo.` : `${errors} errors, ${warnings} warnings.`;
}

/** Human-readable report (submit's check, or validate's): sheets found, then issues grouped by sheet, errors first. */
export function printIssues(file: string, result: WorkbookResult | FileReport, out: (s: string) => void, lang: Lang): void {
  out(`${file} — ngày báo cáo ${result.reportDate}, chuẩn ${result.rulePack}`);
  for (const s of result.sheets) {
    out(s.kind ? `  • ${s.name}: ${kindName(s.kind, 'inline')}, tiêu đề ở dòng ${s.headerRow}, ${s.dataRows} dòng dữ liệu` : `  • ${s.name}: bỏ qua (không có bảng) / skipped`);
  }
  const errors = result.issues.filter((i) => i.severity === 'error');
  const warnings = result.issues.filter((i) => i.severity === 'warning');
  for (const i of [...errors, ...warnings]) {
    const where = i.row === null ? i.sheet : `${i.sheet}!${i.column ?? ''}${i.row}`;
    out(`${i.severity === 'error' ? 'LỖI    ' : 'CẢNH BÁO'} ${where}  ${i.code}  ${i.message}`);
  }
  out(`${counts(errors.length, warnings.length, lang)}${lang === 'vi' && errors.length === 0 ? ' Có thể gửi báo cáo.' : ''}`);
}

/** A file's line in a batch: its counts, or why it could not be read (that line names the file itself). */
export function summaryLine(outcome: FileOutcome, lang: Lang): string {
  if (!('report' in outcome)) return outcome.error;
  const { file, issues } = outcome.report;
  const errors = errorCount(issues);
  return `${file}: ${counts(errors, issues.length - errors, lang)}`;
}

export function totalLine(t: Tally, lang: Lang): string {
  // Said only when it happens: a file with no list or report in it is rare and must stand out.
  const none = t.unrecognised === 0 ? '' : lang === 'vi' ? `, ${t.unrecognised} tệp không nhận ra bảng nào` : `, ${t.unrecognised} with no list or report`;
  return lang === 'vi'
    ? `Tổng: ${t.files} tệp, ${t.withErrors} tệp có lỗi, ${t.unreadable} tệp không đọc được${none}, ${t.errors} lỗi, ${t.warnings} cảnh báo.`
    : `Total: ${t.files} files, ${t.withErrors} with errors, ${t.unreadable} unreadable${none}, ${t.errors} errors, ${t.warnings} warnings.`;
}

export function noWorkbookLine(folder: string, kinds: string): string {
  return `Không tìm thấy sổ làm việc nào (${kinds}) trong thư mục ${folder}. / No workbook found in the folder.`;
}

export function writtenLine(rows: number, path: string, lang: Lang): string {
  return lang === 'vi' ? `Đã ghi ${rows} vấn đề vào ${path}.` : `Wrote ${rows} issues to ${path}.`;
}
