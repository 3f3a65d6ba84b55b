import type { Lang } from '../shared/messages.ts';
import type { WorkbookResult } from '../shared/validate.ts';

const KIND_NAMES = { households: 'danh sách hộ', beneficiaries: 'danh sách đối tượng hỗ trợ', progress: 'báo cáo tiến độ' } as const;

/** Human-readable report: sheets found, then issues grouped by sheet, errors first. */
export function printIssues(file: string, result: WorkbookResult, out: (s: string) => void, lang: Lang): void {
  out(`${file} — ngày báo cáo ${result.reportDate}, chuẩn ${result.rulePack}`);
  for (const s of result.sheets) {
    out(s.kind ? `  • ${s.name}: ${KIND_NAMES[s.kind]}, tiêu đề ở dòng ${s.headerRow}, ${s.dataRows} dòng dữ liệu` : `  • ${s.name}: bỏ qua (không có bảng) / skipped`);
  }
  const errors = result.issues.filter((i) => i.severity === 'error');
  const warnings = result.issues.filter((i) => i.severity === 'warning');
  for (const i of [...errors, ...warnings]) {
    const where = i.row === null ? i.sheet : `${i.sheet}!${i.column ?? ''}${i.row}`;
    out(`${i.severity === 'error' ? 'LỖI    ' : 'CẢNH BÁO'} ${where}  ${i.code}  ${i.message}`);
  }
  out(
    lang === 'vi'
      ? `${errors.length} lỗi, ${warnings.length} cảnh báo.${errors.length === 0 ? ' Có thể gửi báo cáo.' : ''}`
      : `${errors.length} errors, ${warnings.length} warnings.`,
  );
}
