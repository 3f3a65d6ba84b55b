import { FIELD_LABELS } from '../../shared/messages.ts';
import { type Period, periodPart, periodYear } from '../../shared/periods.ts';
import type { HouseholdCategory } from '../../shared/plans/plan.ts';
import type { ChangeBasis, SubmissionStatus } from '../../shared/report/index.ts';
import type { SheetKind } from '../../shared/sheet-kind.ts';
import { fold } from '../../shared/text/normalize.ts';
import type { WorkbookRegion } from './source.ts';

/** Every text the district workbook shows: the workbook's message catalogue (Vietnamese; it is a document for officers). */

export type SheetId =
  | 'summary'
  | 'changes'
  | 'deprivations'
  | 'groups'
  | 'projects'
  | 'households'
  | 'beneficiaries'
  | 'progress'
  | 'checks'
  | 'sources';

/** The sheets in workbook order (SPEC section 6). */
export const SHEET_ORDER: readonly SheetId[] = [
  'summary',
  'changes',
  'deprivations',
  'groups',
  'projects',
  'households',
  'beneficiaries',
  'progress',
  'checks',
  'sources',
];

export const SHEET_NAMES: Readonly<Record<SheetId, string>> = {
  summary: 'Tổng hợp',
  changes: 'Diễn biến',
  deprivations: 'Thiếu hụt',
  groups: 'Nhóm đối tượng',
  projects: 'Dự án',
  households: 'Hộ',
  beneficiaries: 'Đối tượng hỗ trợ',
  progress: 'Tiến độ',
  checks: 'Kiểm tra',
  sources: 'Nguồn',
};

const SHEET_TITLES: Readonly<Record<SheetId, string>> = {
  summary: 'TỔNG HỢP KẾT QUẢ GIẢM NGHÈO',
  changes: 'DIỄN BIẾN HỘ NGHÈO, HỘ CẬN NGHÈO TRONG NĂM',
  deprivations: 'MỨC ĐỘ THIẾU HỤT CÁC DỊCH VỤ XÃ HỘI CƠ BẢN CỦA HỘ NGHÈO, HỘ CẬN NGHÈO',
  groups: 'HỘ NGHÈO, HỘ CẬN NGHÈO THEO NHÓM ĐỐI TƯỢNG VÀ NGUYÊN NHÂN NGHÈO',
  projects: 'KẾT QUẢ THỰC HIỆN CÁC DỰ ÁN, TIỂU DỰ ÁN',
  households: 'DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO, HỘ MỚI THOÁT NGHÈO',
  beneficiaries: 'DANH SÁCH ĐỐI TƯỢNG ĐƯỢC HỖ TRỢ',
  progress: 'BÁO CÁO TIẾN ĐỘ THỰC HIỆN CÁC DỰ ÁN, TIỂU DỰ ÁN',
  checks: 'KIỂM TRA SỐ LIỆU',
  sources: 'NGUỒN SỐ LIỆU',
};

const QUARTERS = { Q1: 'I', Q2: 'II', Q3: 'III', Q4: 'IV' } as const;

/** "NĂM 2024", "6 THÁNG ĐẦU NĂM 2024", "QUÝ II NĂM 2024". */
export function periodLabel(period: Period): string {
  const year = periodYear(period);
  const part = periodPart(period);
  if (part === 'Y') return `NĂM ${year}`;
  if (part === 'H1') return `6 THÁNG ĐẦU NĂM ${year}`;
  return `QUÝ ${QUARTERS[part]} NĂM ${year}`;
}

/** "HUYỆN THỌ XUÂN", "TỈNH THANH HOÁ"; a name that already says its level keeps it once. */
export function regionLabel(region: WorkbookRegion): string {
  const level = region.level === 'district' ? 'Huyện' : 'Tỉnh';
  const name = region.name.trim();
  const named = fold(name).startsWith(`${fold(level)} `) ? name : `${level} ${name}`;
  return named.toUpperCase();
}

/** "TỔNG HỢP KẾT QUẢ GIẢM NGHÈO — HUYỆN THỌ XUÂN — NĂM 2024 (2024-Y)". */
export function sheetTitle(sheet: SheetId, region: WorkbookRegion, period: Period): string {
  return `${SHEET_TITLES[sheet]} — ${regionLabel(region)} — ${periodLabel(period)} (${period})`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** dd/mm/yyyy hh:mm in Vietnam time (UTC+7). */
export function vietnamTime(at: Date): string {
  const t = new Date(at.getTime() + 7 * 3_600_000);
  return `${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

export function sheetSubtitle(generatedAt: Date, unit: string): string {
  return `Lập lúc ${vietnamTime(generatedAt)} (giờ Việt Nam), từ bản báo cáo được chấp nhận mới nhất của mỗi xã.${unit ? ` ${unit}` : ''}`;
}

export const UNITS = {
  households: 'Đơn vị tính: hộ; tỷ lệ: %.',
  money: 'Đơn vị tính: hộ, người; kinh phí: đồng.',
  householdRows: 'Thu nhập: đồng/người/tháng; x: có.',
  rows: 'Kinh phí: đồng; x: có.',
  none: '',
} as const;

export const SIGNATURE = {
  place: '………, ngày … tháng … năm ……',
  preparer: 'NGƯỜI LẬP BIỂU',
  head: 'THỦ TRƯỞNG ĐƠN VỊ',
  hint: '(Ký, ghi rõ họ tên)',
} as const;

export const CATEGORY_NAMES: Readonly<Record<HouseholdCategory, string>> = {
  poor: 'Hộ nghèo',
  nearPoor: 'Hộ cận nghèo',
  newlyEscaped: 'Hộ mới thoát nghèo',
};

export const KIND_NAMES: Readonly<Record<SheetKind, string>> = {
  households: 'Danh sách hộ',
  beneficiaries: 'Danh sách đối tượng hỗ trợ',
  progress: 'Báo cáo tiến độ',
};

export const STATUS_NAMES: Readonly<Record<SubmissionStatus, string>> = {
  onTime: 'Đúng hạn',
  late: 'Muộn',
  missing: 'Chưa nộp',
  notDue: 'Không phải nộp',
};

export const BASIS_NAMES: Readonly<Record<ChangeBasis, string>> = {
  beginningCategory: 'Phân loại đầu kỳ',
  previousList: 'Danh sách năm trước',
  none: 'Không có số liệu đầu năm',
};

export const GENDER_NAMES = { male: 'Nam', female: 'Nữ' } as const;

export const TOTAL = 'Tổng cộng';
export const STT = 'STT';
export const COMMUNE = 'Xã';
export const UNRESOLVED_PROJECT = '(chưa xác định dự án)';

/** A record field's header, as the officers' sheets name it. */
export function fieldHeader(field: string): string {
  return FIELD_LABELS[field]?.vi ?? field;
}

export const NOTES = {
  summaryRates: 'Tỷ lệ tính trên tổng số hộ của xã theo kế hoạch. Đầu năm: theo cột "Phân loại đầu kỳ" của danh sách, hoặc danh sách năm trước khi danh sách không có cột này. Kết quả giảm = đầu năm − hiện nay.',
  blank: 'Ô trống: không có số liệu (chưa nộp, hoặc danh sách không có cột tương ứng).',
  changes: 'Thoát: hộ nay là hộ mới thoát nghèo, hoặc có trong danh sách năm trước mà không còn trong danh sách năm nay. Phát sinh mới: hộ đầu năm không phải hộ nghèo, cận nghèo.',
  deprivations: 'Tỷ lệ tính trên số hộ có số liệu các chỉ số thiếu hụt.',
  groups: 'Dân tộc thiểu số: hộ có ghi dân tộc, không phải dân tộc Kinh. Nguyên nhân nghèo: chỉ tính ở xã có ghi nguyên nhân.',
  noProblems: 'Không phát hiện trùng số định danh giữa các xã; các xã đã nộp đủ báo cáo.',
} as const;

export const CHECK_NAMES = {
  duplicateId: 'Trùng số CCCD giữa hai xã',
  missing: 'Chưa nộp báo cáo',
} as const;
