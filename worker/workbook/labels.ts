import type { WorkbookLayout } from '../../shared/api.ts';
import { type Period, periodPart, periodYear } from '../../shared/periods.ts';
import type { ChangeBasis, SubmissionStatus } from '../../shared/report/index.ts';
import { type SheetKind, STORED_KINDS } from '../../shared/sheet-kind.ts';
import { fold } from '../../shared/text/normalize.ts';
import { vietnamDateTimeText } from '../../shared/vietnam-time.ts';
import type { WorkbookRegion } from './source.ts';

/** Every text the district workbook shows: the workbook's message catalogue (Vietnamese; it is a document for officers). */

/** A sheet of the merged workbook: one per stored kind (its sheet: shared/kinds/<kind>/index.ts), and the figures'. */
export type SheetId =
  | 'summary'
  | 'changes'
  | 'deprivations'
  | 'groups'
  | 'projects'
  | SheetKind
  | 'checks'
  | 'sources'
  | 'officialSummary'
  | 'poorList'
  | 'escapedList'
  | 'poorDeprivations'
  | 'nearPoorDeprivations';

/** The sheets in workbook order (SPEC section 6). */
export const SHEET_ORDER: readonly SheetId[] = [
  'summary',
  'changes',
  'deprivations',
  'groups',
  'projects',
  ...STORED_KINDS.map((k) => k.id),
  'checks',
  'sources',
];

/** Each layout's sheets in workbook order; the official one as the review forms (research §4, §5), then GNBV's checks and sources. */
export const SHEET_ORDERS: Readonly<Record<WorkbookLayout, readonly SheetId[]>> = {
  gnbv: SHEET_ORDER,
  official: ['officialSummary', 'poorList', 'escapedList', 'poorDeprivations', 'nearPoorDeprivations', 'checks', 'sources'],
};

/** Each stored kind's sheet name or title, from its definition. */
function kindSheetTexts(text: (kind: (typeof STORED_KINDS)[number]) => string): Record<SheetKind, string> {
  return Object.fromEntries(STORED_KINDS.map((k) => [k.id, text(k)])) as Record<SheetKind, string>;
}

export const SHEET_NAMES: Readonly<Record<SheetId, string>> = {
  summary: 'Tổng hợp',
  changes: 'Diễn biến',
  deprivations: 'Thiếu hụt',
  groups: 'Nhóm đối tượng',
  projects: 'Dự án',
  ...kindSheetTexts((k) => k.workbook.sheetName),
  checks: 'Kiểm tra',
  sources: 'Nguồn',
  officialSummary: 'Tổng hợp KQ rà soát',
  poorList: 'DS hộ nghèo, cận nghèo',
  escapedList: 'DS hộ thoát nghèo',
  poorDeprivations: 'Thiếu hụt hộ nghèo',
  nearPoorDeprivations: 'Thiếu hụt hộ cận nghèo',
};

const SHEET_TITLES: Readonly<Record<SheetId, string>> = {
  summary: 'TỔNG HỢP KẾT QUẢ GIẢM NGHÈO',
  changes: 'DIỄN BIẾN HỘ NGHÈO, HỘ CẬN NGHÈO TRONG NĂM',
  deprivations: 'MỨC ĐỘ THIẾU HỤT CÁC DỊCH VỤ XÃ HỘI CƠ BẢN CỦA HỘ NGHÈO, HỘ CẬN NGHÈO',
  groups: 'HỘ NGHÈO, HỘ CẬN NGHÈO THEO NHÓM ĐỐI TƯỢNG VÀ NGUYÊN NHÂN NGHÈO',
  projects: 'KẾT QUẢ THỰC HIỆN CÁC DỰ ÁN, TIỂU DỰ ÁN',
  ...kindSheetTexts((k) => k.workbook.sheetTitle),
  checks: 'KIỂM TRA SỐ LIỆU',
  sources: 'NGUỒN SỐ LIỆU',
  // The official forms' titles, as the national software's exports carry them (research §4.1, §5).
  officialSummary: 'TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO',
  poorList: 'DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO SAU KHI RÀ SOÁT',
  escapedList: 'DANH SÁCH HỘ THOÁT NGHÈO SAU KHI RÀ SOÁT',
  poorDeprivations: 'PHÂN TÍCH CÁC CHỈ SỐ THIẾU HỤT DỊCH VỤ XÃ HỘI CƠ BẢN CỦA HỘ NGHÈO',
  nearPoorDeprivations: 'PHÂN TÍCH CÁC CHỈ SỐ THIẾU HỤT DỊCH VỤ XÃ HỘI CƠ BẢN CỦA HỘ CẬN NGHÈO',
};

const QUARTERS = { Q1: 'I', Q2: 'II', Q3: 'III', Q4: 'IV' } as const;

/** "Năm 2024", "6 tháng đầu năm 2024", "Quý II năm 2024". */
export function periodName(period: Period): string {
  const year = periodYear(period);
  const part = periodPart(period);
  if (part === 'Y') return `Năm ${year}`;
  if (part === 'H1') return `6 tháng đầu năm ${year}`;
  return `Quý ${QUARTERS[part]} năm ${year}`;
}

/** "NĂM 2024", "6 THÁNG ĐẦU NĂM 2024", "QUÝ II NĂM 2024". */
export function periodLabel(period: Period): string {
  return periodName(period).toUpperCase();
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

export function sheetSubtitle(generatedAt: Date, unit: string): string {
  return `Lập lúc ${vietnamDateTimeText(generatedAt)} (giờ Việt Nam), từ bản báo cáo được chấp nhận mới nhất của mỗi xã.${unit ? ` ${unit}` : ''}`;
}

/** An official form's title, as the form has it: the unit is in the heading, the period in the subtitle. */
export function officialTitle(sheet: SheetId): string {
  return SHEET_TITLES[sheet];
}

/** "Năm 2024 (kỳ báo cáo 2024-Y). Lập lúc …": the period in words, then where the figures come from. */
export function officialSubtitle(period: Period, generatedAt: Date, unit: string): string {
  return `${periodName(period)} (kỳ báo cáo ${period}). ${sheetSubtitle(generatedAt, unit)}`;
}

/** The official forms' heading: the people's committee of the unit on the left, the national motto on the right. */
export function officialHeading(region: WorkbookRegion): { left: string[]; right: string[] } {
  return { left: ['ỦY BAN NHÂN DÂN', regionLabel(region)], right: ['CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] };
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

/** The official forms' signatures: the preparer, and the people's committee (thay mặt). */
export const OFFICIAL_SIGNATURE = {
  place: SIGNATURE.place,
  preparer: 'NGƯỜI LẬP BIỂU',
  head: 'TM. ỦY BAN NHÂN DÂN',
  preparerHint: '(Ký, ghi rõ họ tên)',
  headHint: '(Ký tên, đóng dấu)',
} as const;

export { CATEGORY_NAMES, COMMUNE, fieldHeader, GENDER_NAMES } from '../../shared/messages/workbook-text.ts';
export { workbookKindName } from '../../shared/messages/names.ts';

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

export const TOTAL = 'Tổng cộng';
export const STT = 'STT';
export const UNRESOLVED_PROJECT = '(chưa xác định dự án)';

export const NOTES = {
  summaryRates: 'Tỷ lệ tính trên tổng số hộ của xã theo kế hoạch. Đầu năm: theo cột "Phân loại đầu kỳ" của danh sách, hoặc danh sách năm trước khi danh sách không có cột này. Kết quả giảm = đầu năm − hiện nay.',
  blank: 'Ô trống: không có số liệu (chưa nộp, hoặc danh sách không có cột tương ứng).',
  changes: 'Thoát: hộ nay là hộ mới thoát nghèo, hoặc có trong danh sách năm trước mà không còn trong danh sách năm nay. Phát sinh mới: hộ đầu năm không phải hộ nghèo, cận nghèo.',
  deprivations: 'Tỷ lệ tính trên số hộ có số liệu các chỉ số thiếu hụt.',
  groups: 'Dân tộc thiểu số: hộ có ghi dân tộc, không phải dân tộc Kinh. Nguyên nhân nghèo: chỉ tính ở xã có ghi nguyên nhân.',
  noProblems: 'Không phát hiện trùng số định danh giữa các xã; các xã đã nộp đủ báo cáo.',
} as const;

/** The official forms' texts (research §2.2, §4, §5). */
export const OFFICIAL = {
  totalHouseholds: 'Tổng số hộ dân cư',
  households: 'Số hộ',
  rate: 'Tỷ lệ (%)',
  deprivationGroup: 'Các chỉ số thiếu hụt dịch vụ xã hội cơ bản',
  deprivationTotal: 'Tổng số thiếu hụt',
  categoryTotal: { poor: 'Tổng số hộ nghèo', nearPoor: 'Tổng số hộ cận nghèo' },
  /** The household lists' column headings, word for word. */
  list: {
    householdCode: 'Mã hộ',
    headName: 'Họ và tên chủ hộ',
    birthYear: 'Năm sinh',
    gender: 'Giới tính',
    idNumber: 'Số CCCD',
    ethnicity: 'Dân tộc',
    village: 'Thôn',
    size: 'Số nhân khẩu',
    category: 'Phân loại hộ',
    b1Score: 'Điểm B1',
    b2Score: 'Điểm B2',
    ethnicMinority: 'Hộ DTTS',
    noWorkCapacity: 'Hộ không có khả năng lao động',
    meritFamily: 'Hộ có thành viên là người có công',
    reasons: 'Nguyên nhân nghèo',
    escapedYear: 'Năm thoát nghèo',
    note: 'Ghi chú',
  },
  /** The sheets a duplicate's place points into, in the Kiểm tra sheet. */
  placeHeader: 'Vị trí trong danh sách',
  reasonSeparator: '; ',
} as const;

/** The indicators' short labels in the report headers (research §2.2), by indicator id, numbered as the forms number them. */
export const INDICATOR_SHORT_NAMES: Readonly<Record<string, string>> = {
  D01: '1. Việc làm',
  D02: '2. Người phụ thuộc',
  D03: '3. Dinh dưỡng',
  D04: '4. Bảo hiểm y tế',
  D05: '5. Trình độ giáo dục của người lớn',
  D06: '6. Tình trạng đi học của trẻ em',
  D07: '7. Chất lượng nhà ở',
  D08: '8. Diện tích nhà ở',
  D09: '9. Nguồn nước sinh hoạt',
  D10: '10. Nhà tiêu hợp vệ sinh',
  D11: '11. Dịch vụ viễn thông',
  D12: '12. Phương tiện tiếp cận thông tin',
};

export const OFFICIAL_NOTES = {
  summary:
    'Tỷ lệ (%) tính trên tổng số hộ dân cư của xã theo kế hoạch. Mẫu biểu còn có hộ làm nông, lâm, ngư, diêm nghiệp có mức sống trung bình và các cột nhân khẩu: GNBV không có số liệu này nên không có các cột đó.',
  deprivations: 'Tổng số thiếu hụt: số chỉ số thiếu hụt của các hộ cộng lại trên 12 chỉ số (cột 2 = cột 3 + … + cột 14). Ô trống: xã chưa nộp danh sách, hoặc danh sách không có các cột chỉ số thiếu hụt.',
  poorList: 'x: có. Hộ DTTS: hộ có ghi dân tộc, không phải dân tộc Kinh. Ô trống: danh sách của xã không có cột tương ứng.',
  escapedList: 'Ô trống: danh sách của xã không có cột tương ứng.',
} as const;

export const CHECK_NAMES = {
  duplicateId: 'Trùng số CCCD giữa hai xã',
  missing: 'Chưa nộp báo cáo',
} as const;
