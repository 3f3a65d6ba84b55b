import type { IssueCode } from '../issues.ts';
import type { PeriodPart } from '../periods.ts';
import type { TableKind } from '../sheet-kind.ts';
import type { Lang } from './issue-text.ts';

/**
 * The names every part shows beside the issues (shared/messages/issue-text.ts): a sheet kind's
 * name, a short title per issue code (the headings of the issue list) and a period's name. The
 * task pane, the pages and the command line read them here, so all say the same.
 */

interface KindNames {
  vi: string;
  en: string;
  /** The Vietnamese name inside a sentence, as the command line prints it. */
  inline: string;
}

const KIND_NAMES: Record<TableKind, KindNames> = {
  households: { vi: 'Danh sách hộ', en: 'Household list', inline: 'danh sách hộ' },
  beneficiaries: { vi: 'Danh sách đối tượng được hỗ trợ', en: 'Beneficiary list', inline: 'danh sách đối tượng hỗ trợ' },
  progress: { vi: 'Báo cáo tiến độ', en: 'Progress report', inline: 'báo cáo tiến độ' },
  summary: { vi: 'Bảng tổng hợp (chỉ kiểm tra, không gửi)', en: 'Summary table (checked, not submitted)', inline: 'bảng tổng hợp (chỉ kiểm tra, không gửi)' },
};

export function kindName(kind: TableKind, lang: Lang | 'inline'): string {
  return KIND_NAMES[kind][lang];
}

/** A short title per issue code, for the group headings of the issue list. */
const CODE_TITLES: Record<IssueCode, { vi: string; en: string }> = {
  'SHEET.UNKNOWN_KIND': { vi: 'Không nhận ra bảng', en: 'No table recognised' },
  'SHEET.MISSING_COLUMN': { vi: 'Thiếu cột bắt buộc', en: 'Missing required column' },
  'SHEET.NO_ROWS': { vi: 'Bảng không có dòng dữ liệu', en: 'No data rows' },
  'CELL.REQUIRED': { vi: 'Ô bắt buộc bị trống', en: 'Required value missing' },
  'CELL.TYPE': { vi: 'Sai kiểu dữ liệu', en: 'Wrong type' },
  'CELL.FORMULA_ERROR': { vi: 'Lỗi công thức', en: 'Formula error' },
  'CELL.LEGACY_ENCODING': { vi: 'Chữ ở bảng mã cũ (TCVN3/VNI)', en: 'Legacy encoding (TCVN3/VNI)' },
  'ID.FORMAT': { vi: 'Số định danh sai định dạng', en: 'ID number format' },
  'ID.PROVINCE': { vi: 'Mã tỉnh trong số định danh sai', en: 'ID province code' },
  'ID.BIRTH_MISMATCH': { vi: 'Số định danh không khớp năm sinh/giới tính', en: 'ID disagrees with birth year/gender' },
  'ID.DUPLICATE': { vi: 'Số định danh trùng', en: 'Duplicate ID' },
  'HH.CODE_DUPLICATE': { vi: 'Mã hộ trùng', en: 'Duplicate household code' },
  'HH.VILLAGE_UNKNOWN': { vi: 'Thôn không có trong kế hoạch', en: 'Unknown village' },
  'HH.SIZE_RANGE': { vi: 'Số nhân khẩu không hợp lệ', en: 'Household size out of range' },
  'HH.CATEGORY_UNKNOWN': { vi: 'Phân loại hộ không hợp lệ', en: 'Unknown category' },
  'HH.DEPRIVATION_COUNT': { vi: 'Tổng số chỉ số thiếu hụt sai', en: 'Deprivation count mismatch' },
  'HH.B2_MISMATCH': { vi: 'Điểm B2 sai', en: 'B2 score mismatch' },
  'HH.CLASS_MISMATCH': { vi: 'Phân loại không khớp chuẩn nghèo', en: 'Category contradicts the standard' },
  'HH.ESCAPED_WINDOW': { vi: 'Năm thoát nghèo không hợp lệ', en: 'Year out of poverty' },
  'HH.AGE_RANGE': { vi: 'Tuổi chủ hộ bất thường', en: 'Unusual head age' },
  'HH.MEMBER_COUNT': { vi: 'Số nhân khẩu khác số người được liệt kê', en: 'Size differs from the people listed' },
  'BEN.PROJECT_UNKNOWN': { vi: 'Dự án không có trong kế hoạch', en: 'Unknown sub-project' },
  'BEN.HOUSEHOLD_NOT_FOUND': { vi: 'Không tìm thấy hộ trong danh sách', en: 'Household not found' },
  'BEN.INELIGIBLE': { vi: 'Không thuộc diện hỗ trợ', en: 'Not eligible' },
  'BEN.AGE_RANGE': { vi: 'Tuổi không phù hợp dự án', en: 'Age outside the sub-project' },
  'BEN.DATE_OUTSIDE_YEAR': { vi: 'Ngày hỗ trợ ngoài năm kế hoạch', en: 'Support date outside the year' },
  'BEN.DUPLICATE': { vi: 'Người được hỗ trợ trùng', en: 'Duplicate beneficiary' },
  'PRG.PROJECT_MISSING': { vi: 'Thiếu dòng dự án', en: 'Sub-project missing' },
  'PRG.PROJECT_UNKNOWN': { vi: 'Dự án không có trong kế hoạch', en: 'Unknown sub-project' },
  'PRG.LEAD_MISMATCH': { vi: 'Cơ quan chủ trì khác kế hoạch', en: 'Lead unit differs' },
  'PRG.NEGATIVE': { vi: 'Số âm', en: 'Negative number' },
  'PRG.FUNDS_TOTAL': { vi: 'Tổng kinh phí không khớp', en: 'Funds total mismatch' },
  'PRG.OVERSPENT': { vi: 'Giải ngân vượt phân bổ', en: 'Overspent' },
  'PRG.OVERDUE': { vi: 'Quá hạn chưa hoàn thành', en: 'Overdue' },
  'PRG.BENEFICIARY_COUNT': { vi: 'Số đối tượng không khớp danh sách', en: 'Beneficiary count differs' },
  'SUM.COUNT': { vi: 'Số hộ không hợp lệ', en: 'Invalid household count' },
  'SUM.TOTAL': { vi: 'Dòng tổng không khớp', en: 'Total does not add up' },
  'SUM.RATE': { vi: 'Tỷ lệ tính sai', en: 'Rate miscalculated' },
  'SUM.LIST_MISMATCH': { vi: 'Bảng tổng hợp khác danh sách hộ', en: 'Summary differs from the household list' },
  'SUBMIT.LATE': { vi: 'Nộp muộn', en: 'Late' },
};

export function codeTitle(code: IssueCode, lang: Lang): string {
  return CODE_TITLES[code][lang];
}

interface PeriodPartNames {
  vi: string;
  en: string;
  /** The English spelt out, where the page has room (the upload page). */
  enLong: string;
}

const PERIOD_PARTS: Record<PeriodPart, PeriodPartNames> = {
  Q1: { vi: 'Quý I', en: 'Q1', enLong: 'Quarter 1' },
  Q2: { vi: 'Quý II', en: 'Q2', enLong: 'Quarter 2' },
  Q3: { vi: 'Quý III', en: 'Q3', enLong: 'Quarter 3' },
  Q4: { vi: 'Quý IV', en: 'Q4', enLong: 'Quarter 4' },
  H1: { vi: '6 tháng đầu năm', en: 'First half', enLong: 'First six months' },
  Y: { vi: 'Cả năm', en: 'Year', enLong: 'Whole year' },
};

/** "Quý I", "Q1" (short) or "Quarter 1" (long): Vietnamese is the same in both. */
export function periodPartName(part: PeriodPart, lang: Lang, form: 'short' | 'long' = 'short'): string {
  const names = PERIOD_PARTS[part];
  return lang === 'vi' ? names.vi : form === 'long' ? names.enLong : names.en;
}

/** "2024-Y" → "Cả năm 2024" / "Year 2024"; what is no period stays as it is. */
export function periodName(period: string, lang: Lang, form: 'short' | 'long' = 'short'): string {
  const part = period.slice(5);
  return Object.hasOwn(PERIOD_PARTS, part) ? `${periodPartName(part as PeriodPart, lang, form)} ${period.slice(0, 4)}` : period;
}
