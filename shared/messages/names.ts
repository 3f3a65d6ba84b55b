import type { IssueCode } from '../issues.ts';
import type { PeriodPart } from '../periods.ts';
import { KIND_REGISTRY } from '../kinds/registry.ts';
import type { SheetKind, TableKind } from '../sheet-kind.ts';
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

/** Each kind's names are in its folder (shared/kinds/<kind>/index.ts); they are shown from here. */
const KIND_NAMES: ReadonlyMap<string, KindNames> = new Map(KIND_REGISTRY.map((k) => [k.id, k.names]));
const PAGE_KIND_NAMES: ReadonlyMap<string, Record<Lang, string>> = new Map(KIND_REGISTRY.flatMap((k) => (k.stored ? [[k.id, k.pageNames]] : [])));
const WORKBOOK_KIND_NAMES: ReadonlyMap<string, string> = new Map(KIND_REGISTRY.flatMap((k) => (k.stored ? [[k.id, k.workbook.kindName]] : [])));

function named<T>(names: ReadonlyMap<string, T>, kind: string): T {
  const found = names.get(kind);
  if (found === undefined) throw new Error(`no names for sheet kind ${kind}`);
  return found;
}

export function kindName(kind: TableKind, lang: Lang | 'inline'): string {
  return named(KIND_NAMES, kind)[lang];
}

/** A stored kind's name on the district page ("Danh sách đối tượng hỗ trợ", "Beneficiary lists"). */
export function pageKindName(kind: SheetKind, lang: Lang): string {
  return named(PAGE_KIND_NAMES, kind)[lang];
}

/** A stored kind's name in the merged workbook's Kiểm tra and Nguồn sheets (Vietnamese: the workbook is for officers). */
export function workbookKindName(kind: SheetKind): string {
  return named(WORKBOOK_KIND_NAMES, kind);
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

const QUARTER_NUMERALS = { Q1: 'I', Q2: 'II', Q3: 'III', Q4: 'IV' } as const;

/** A period as the district page names it: "Quý III/2026", "6 tháng đầu năm 2024", "Cả năm 2024" (or "Q3 2026", "First half of 2024", "Year 2024"). */
export function pagePeriodName(part: PeriodPart, year: number, lang: Lang): string {
  if (part === 'Y') return lang === 'vi' ? `Cả năm ${year}` : `Year ${year}`;
  if (part === 'H1') return lang === 'vi' ? `6 tháng đầu năm ${year}` : `First half of ${year}`;
  return lang === 'vi' ? `Quý ${QUARTER_NUMERALS[part]}/${year}` : `Q${part.slice(1)} ${year}`;
}
