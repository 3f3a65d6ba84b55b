import type { Lang } from '../../shared/messages.ts';
import { pageKindName, pagePeriodName } from '../../shared/messages/names.ts';
import type { PeriodPart } from '../../shared/periods.ts';
import type { SheetKind } from '../../shared/sheet-kind.ts';
import { COMMON_TEXT } from '../common/strings.ts';

/**
 * The district page's words, Vietnamese first (the only catalogue of the page's text), with the
 * words both pages share (web/common/strings.ts). Issue messages come from shared/messages.ts, so
 * a warning reads the same here as in the task pane.
 */
const UI = {
  ...COMMON_TEXT,
  pageTitle: { vi: 'Tình hình báo cáo giảm nghèo của các xã', en: 'Communes’ poverty-reduction reports' },
  signInIntro: {
    vi: 'Nhập mã truy cập (token) của cán bộ huyện (từ 1/7/2025: cán bộ tỉnh) tổng hợp báo cáo của các xã.',
    en: 'Enter the access token of the district officer (since 1 July 2025: province officer) who collects the communes’ reports.',
  },
  wrongToken: {
    vi: 'Mã truy cập không đúng hoặc đã bị thu hồi. Kiểm tra lại mã, hoặc xin mã mới.',
    en: 'The access token is wrong or has been revoked. Check it, or ask for a new one.',
  },
  refusedCommune: {
    vi: 'Mã này là của cán bộ xã. Trang này chỉ dành cho cán bộ huyện/tỉnh: mã của xã không xem được báo cáo của các xã. Xã nộp báo cáo ở trang Nộp báo cáo (/upload/).',
    en: 'This is a commune officer’s token. This page is for district/province officers only: a commune token cannot read the communes’ reports. Communes submit on the upload page (/upload/).',
  },
  refusedAdmin: {
    vi: 'Mã này là mã quản trị, không phải của cán bộ huyện/tỉnh: trang này không hiện số liệu với mã này.',
    en: 'This is an administrator token, not a district/province officer’s: this page shows no data for it.',
  },
  refusedServer: {
    vi: 'Máy chủ từ chối: mã này không có quyền xem số liệu của huyện/tỉnh (403). Hãy đăng nhập bằng mã của cán bộ huyện/tỉnh.',
    en: 'The server refused: this token may not read the district’s data (403). Sign in with a district/province officer’s token.',
  },
  badAnswer: {
    vi: 'Máy chủ trả lời không đúng mẫu. Thử lại sau, hoặc báo quản trị.',
    en: 'The server’s answer was not in the expected form. Try again later, or tell the administrator.',
  },
  serverError: { vi: 'Máy chủ báo lỗi', en: 'The server reported an error' },
  district: { vi: 'Huyện', en: 'District' },
  province: { vi: 'Tỉnh', en: 'Province' },
  districtWord: { vi: 'huyện', en: 'district' },
  provinceWord: { vi: 'tỉnh', en: 'province' },
  whole: { vi: 'Toàn', en: 'Whole' },

  period: { vi: 'Kỳ báo cáo', en: 'Report period' },
  notDueYet: { vi: 'chưa đến hạn', en: 'not yet due' },
  refresh: { vi: 'Làm mới', en: 'Refresh' },
  updatedAt: { vi: 'Cập nhật lúc', en: 'Updated at' },
  vietnamTime: { vi: 'giờ Việt Nam', en: 'Vietnam time' },

  statusTitle: { vi: 'Tình hình nộp báo cáo', en: 'Who has reported' },
  statusHint: {
    vi: 'Dùng phím mũi tên để di chuyển giữa các ô; nhấn Enter để xem các bản xã đã nộp và nội dung từng bản.',
    en: 'Use the arrow keys to move between cells; press Enter to see the versions the commune sent and their rows.',
  },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  commune: { vi: 'Xã', en: 'Commune' },
  deadline: { vi: 'Hạn nộp', en: 'Deadline' },
  noPlan: { vi: 'chưa có kế hoạch năm', en: 'no plan for the year' },
  onTime: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Muộn', en: 'Late' },
  missing: { vi: 'Chưa nộp', en: 'Missing' },
  version: { vi: 'Bản', en: 'Version' },
  communesWord: { vi: 'xã', en: 'communes' },
  countOnTime: { vi: 'đúng hạn', en: 'on time' },
  countLate: { vi: 'muộn', en: 'late' },
  countMissing: { vi: 'chưa nộp', en: 'missing' },
  reportsDue: { vi: 'báo cáo phải nộp', en: 'reports due' },
  noCommunes: { vi: 'Đơn vị này chưa có xã nào.', en: 'This unit has no communes yet.' },

  download: { vi: 'Tải bảng tổng hợp (.xlsx)', en: 'Download the merged workbook (.xlsx)' },
  downloadOfficial: { vi: 'Tải theo mẫu biểu rà soát', en: 'Download in the review forms’ layout' },
  downloadHint: {
    vi: 'Một tệp Excel cho cả huyện/tỉnh, từ báo cáo đã duyệt của mỗi xã (hoặc bản mới nhất đã nhận, nếu chọn “Gồm mọi báo cáo đã nhận”). Tệp có thông tin cá nhân: chỉ tải khi bấm nút này, và mỗi lần tải đều được ghi lại.',
    en: 'One Excel file for the whole unit, from each commune’s accepted report (or its latest version received, with “Include every report received”). It holds personal data: it is downloaded only when you press this button, and every download is recorded.',
  },
  includeAll: { vi: 'Gồm mọi báo cáo đã nhận (cả chưa duyệt)', en: 'Include every report received (also those not accepted)' },
  acceptedCount: { vi: 'xã đã được duyệt báo cáo kỳ này.', en: 'communes have their report accepted for this period.' },
  acceptedOnlyNone: {
    vi: 'Chưa xã nào được duyệt: bảng tổng hợp tải về sẽ chưa có số liệu của xã nào. Chọn “Gồm mọi báo cáo đã nhận” để gộp cả báo cáo chưa duyệt.',
    en: 'No commune is accepted yet: the merged workbook would hold no commune’s figures. Choose “Include every report received” to merge the reports not yet accepted too.',
  },
  acceptedOnlySome: { vi: 'Bảng tổng hợp chỉ gộp báo cáo của các xã này.', en: 'The merged workbook holds these communes’ reports only.' },
  includingAll: { vi: 'Bảng tổng hợp gộp bản mới nhất đã nhận của mọi xã, cả bản chưa duyệt.', en: 'The merged workbook holds every commune’s latest version received, accepted or not.' },
  receiving: { vi: 'Đang nhận bảng tổng hợp', en: 'Receiving the merged workbook' },
  saved: { vi: 'Đã lưu tệp', en: 'Saved' },
  downloadFailed: { vi: 'Chưa tải được bảng tổng hợp', en: 'The merged workbook could not be downloaded' },

  chartsTitle: { vi: 'Số liệu chính', en: 'Key figures' },
  chartsSource: {
    vi: 'Số liệu tính từ bản mới nhất được chấp nhận của mỗi xã, theo cùng cách tính các trang Tổng hợp, Thiếu hụt, Dự án của bảng tổng hợp. Xem biểu đồ không tải thông tin cá nhân.',
    en: 'Figures computed from each commune’s latest accepted version, the same way as the merged workbook’s sheets Tổng hợp, Thiếu hụt and Dự án. Viewing the charts downloads no personal data.',
  },
  chartsLoading: { vi: 'Đang tải số liệu…', en: 'Loading the figures…' },
  chartsFailed: { vi: 'Chưa đọc được số liệu cho biểu đồ', en: 'The figures for the charts could not be read' },
  scope: { vi: 'Phạm vi', en: 'Scope' },
  scopeHint: { vi: 'cho hai biểu đồ thiếu hụt và kinh phí dưới đây', en: 'for the deprivation and funds charts below' },
  showTable: { vi: 'Xem số liệu dạng bảng', en: 'Show the figures as a table' },

  householdsChart: { vi: 'Hộ nghèo, hộ cận nghèo theo xã so với chỉ tiêu kế hoạch', en: 'Poor and near-poor households by commune against the plan’s targets' },
  householdsLegendNow: { vi: 'Hiện nay', en: 'Now' },
  householdsLegendStart: { vi: 'Đầu năm', en: 'Start of year' },
  householdsLegendGoal: { vi: 'Mức phải đạt theo chỉ tiêu giảm', en: 'Level the reduction target asks for' },
  poor: { vi: 'Hộ nghèo', en: 'Poor households' },
  nearPoor: { vi: 'Hộ cận nghèo', en: 'Near-poor households' },
  householdsUnit: { vi: 'hộ', en: 'households' },
  rateOf: { vi: 'tỷ lệ', en: 'rate' },
  target: { vi: 'chỉ tiêu giảm', en: 'reduction target' },
  reduced: { vi: 'đã giảm', en: 'reduced' },
  startUnknown: { vi: 'chưa rõ số đầu năm', en: 'start of year unknown' },
  noList: { vi: 'chưa nộp danh sách hộ', en: 'no household list yet' },
  noCommunesWithPlan: {
    vi: 'Chưa có số liệu: chưa xã nào có kế hoạch của năm này trên máy chủ.',
    en: 'No figures: no commune has a plan for this year on the server.',
  },
  totalHouseholds: { vi: 'Tổng số hộ', en: 'Total households' },
  atStart: { vi: 'Đầu năm', en: 'Start of year' },
  now: { vi: 'Hiện nay', en: 'Now' },
  goal: { vi: 'Mức phải đạt', en: 'Goal' },

  deprivationsChart: { vi: 'Thiếu hụt theo 12 chỉ số (tỷ lệ hộ thiếu hụt)', en: 'Deprivations by the 12 indicators (share of households deprived)' },
  indicator: { vi: 'Chỉ số', en: 'Indicator' },
  noIndicators: {
    vi: 'Chưa có số liệu: chưa có danh sách hộ, hoặc danh sách không có cột các chỉ số thiếu hụt.',
    en: 'No figures: no household list yet, or the list has no deprivation columns.',
  },

  fundsChart: { vi: 'Kinh phí được phân bổ và đã giải ngân theo tiểu dự án', en: 'Funds allocated and disbursed by sub-project' },
  allocated: { vi: 'Được phân bổ', en: 'Allocated' },
  disbursed: { vi: 'Đã giải ngân', en: 'Disbursed' },
  disbursedRate: { vi: 'Tỷ lệ giải ngân', en: 'Disbursed share' },
  subProject: { vi: 'Tiểu dự án', en: 'Sub-project' },
  unresolvedProject: { vi: '(chưa xác định dự án)', en: '(sub-project not identified)' },
  noFunds: { vi: 'Chưa có số liệu: chưa có báo cáo tiến độ.', en: 'No figures: no progress report yet.' },
  million: { vi: 'triệu đ', en: 'million ₫' },
  dong: { vi: 'đồng', en: 'đồng' },

  historyTitle: { vi: 'Các bản đã nộp', en: 'Versions sent' },
  close: { vi: 'Đóng', en: 'Close' },
  receivedAt: { vi: 'Thời gian nhận', en: 'Received' },
  state: { vi: 'Thời hạn', en: 'Timeliness' },
  rows: { vi: 'Số dòng', en: 'Rows' },
  warnings: { vi: 'Cảnh báo', en: 'Warnings' },
  submittedBy: { vi: 'Người nộp', en: 'Sent by' },
  view: { vi: 'Xem', en: 'View' },
  usedInMerge: { vi: 'dùng để tổng hợp', en: 'used in the merge' },
  noVersions: { vi: 'Xã chưa nộp bản nào cho kỳ này.', en: 'The commune has sent nothing for this period.' },
  noVersionOfKind: { vi: 'Chưa có bản nào gồm', en: 'No version contains' },
  versionRows: { vi: 'Nội dung bản', en: 'Rows of version' },
  sheetsOfVersion: { vi: 'Các trang tính của bản này', en: 'Sheets of this version' },
  noWarnings: { vi: 'Không có cảnh báo.', en: 'No warnings.' },
  warningsOf: { vi: 'Cảnh báo khi nhận bản này', en: 'Warnings when this version was received' },
  sheet: { vi: 'Trang', en: 'Sheet' },
  cell: { vi: 'Ô', en: 'Cell' },
  message: { vi: 'Nội dung', en: 'Message' },
  showMore: { vi: 'Hiện thêm', en: 'Show more' },
  rowsShown: { vi: 'Đang hiện', en: 'Showing' },
  of: { vi: 'trên', en: 'of' },
  sheetRowsLabel: { vi: 'Các dòng của trang', en: 'Rows of sheet' },
  checksum: { vi: 'Mã kiểm tra (SHA-256)', en: 'Checksum (SHA-256)' },
  rulePack: { vi: 'Chuẩn nghèo áp dụng', en: 'Poverty standard' },
  // ---- the review (issue 20) ----
  reviewTitle: { vi: 'Duyệt báo cáo của các xã', en: 'Review the communes’ reports' },
  reviewHint: {
    vi: 'Chọn các xã đang chờ duyệt rồi bấm “Duyệt các xã đã chọn”, hoặc bấm “Xem và duyệt” để xem bảng đã nhận, ghi ý kiến và duyệt hay trả lại.',
    en: 'Select communes awaiting review and press “Accept selected”, or press “View and review” to see the sheets received, comment, and accept or return.',
  },
  reviewState: { vi: 'Trạng thái duyệt', en: 'Review state' },
  reviewMissing: { vi: 'Chưa nộp', en: 'Not submitted' },
  reviewSubmitted: { vi: 'Chờ duyệt', en: 'Awaiting review' },
  reviewAccepted: { vi: 'Đã duyệt', en: 'Accepted' },
  reviewReturned: { vi: 'Trả lại', en: 'Returned' },
  reviewFilterAll: { vi: 'Tất cả trạng thái', en: 'All states' },
  reviewFilter: { vi: 'Lọc theo trạng thái duyệt', en: 'Filter by review state' },
  select: { vi: 'Chọn', en: 'Select' },
  selectCommune: { vi: 'Chọn xã', en: 'Select commune' },
  openReview: { vi: 'Xem và duyệt', en: 'View and review' },
  acceptSelected: { vi: 'Duyệt các xã đã chọn', en: 'Accept selected' },
  acceptSelectedNone: { vi: 'Chưa chọn xã nào đang chờ duyệt.', en: 'No commune awaiting review is selected.' },
  accepting: { vi: 'Đang duyệt…', en: 'Accepting…' },
  acceptedOk: { vi: 'Đã duyệt phiên bản', en: 'Accepted version' },
  acceptFailed: { vi: 'Chưa duyệt được', en: 'Not accepted' },
  staleVersion: {
    vi: 'Xã vừa gửi phiên bản mới sau khi anh/chị xem: hãy mở lại bảng để xem phiên bản mới trước khi duyệt.',
    en: 'The commune sent a new version after you looked: open it again to see the new version before accepting.',
  },
  versionShort: { vi: 'phiên bản', en: 'version' },
  reviewDialogTitle: { vi: 'Duyệt báo cáo', en: 'Review the report' },
  currentState: { vi: 'Trạng thái hiện nay', en: 'Current state' },
  currentComments: { vi: 'Ý kiến kèm trạng thái hiện nay', en: 'Comments of the current state' },
  noComments: { vi: 'Không có ý kiến.', en: 'No comments.' },
  drafts: { vi: 'Ý kiến sẽ gửi', en: 'Comments to send' },
  noDrafts: {
    vi: 'Chưa có ý kiến. Bấm vào một ô để ghi ý kiến về ô đó, bấm vào số dòng để ghi ý kiến về cả dòng.',
    en: 'No comments yet. Click a cell to comment on it, click a row number to comment on the whole row.',
  },
  commentReport: { vi: 'Ý kiến về cả báo cáo', en: 'Comment on the whole report' },
  commentSheet: { vi: 'Ý kiến về trang này', en: 'Comment on this sheet' },
  scopeReport: { vi: 'Cả báo cáo', en: 'Whole report' },
  scopeSheet: { vi: 'Trang', en: 'Sheet' },
  scopeRow: { vi: 'Dòng', en: 'Row' },
  scopeCell: { vi: 'Ô', en: 'Cell' },
  commentText: { vi: 'Nội dung ý kiến', en: 'Comment' },
  removeComment: { vi: 'Xoá', en: 'Remove' },
  commentBlank: { vi: 'Có ý kiến còn trống: hãy ghi nội dung hoặc xoá ý kiến đó.', en: 'A comment is blank: write it or remove it.' },
  commentTooLong: { vi: 'Một ý kiến dài quá 2.000 ký tự.', en: 'A comment is longer than 2,000 characters.' },
  summaryComment: { vi: 'Ý kiến chung khi duyệt (không bắt buộc)', en: 'Summary comment on accepting (optional)' },
  accept: { vi: 'Duyệt', en: 'Accept' },
  returnReport: { vi: 'Trả lại', en: 'Return' },
  reopen: { vi: 'Mở lại', en: 'Reopen' },
  returnNeedsComment: { vi: 'Muốn trả lại, cần ít nhất một ý kiến.', en: 'A return needs at least one comment.' },
  notAwaiting: { vi: 'Chỉ duyệt hoặc trả lại được báo cáo đang chờ duyệt.', en: 'Only a report awaiting review can be accepted or returned.' },
  reopenOnlyAccepted: { vi: 'Chỉ mở lại được báo cáo đã duyệt.', en: 'Only an accepted report can be reopened.' },
  actionDone: { vi: 'Đã ghi nhận', en: 'Recorded' },
  audit: { vi: 'Lịch sử duyệt', en: 'Review history' },
  noAudit: { vi: 'Chưa có lần chuyển trạng thái nào.', en: 'No transitions yet.' },
  auditWhen: { vi: 'Lúc', en: 'When' },
  auditWho: { vi: 'Người thực hiện', en: 'By' },
  auditRole: { vi: 'Vai trò', en: 'Role' },
  auditChange: { vi: 'Từ → đến', en: 'From → to' },
  auditComments: { vi: 'Ý kiến', en: 'Comments' },
  roleCommune: { vi: 'Cán bộ xã', en: 'Commune officer' },
  roleDistrict: { vi: 'Cán bộ huyện/tỉnh', en: 'District/province officer' },
  roleAdmin: { vi: 'Quản trị', en: 'Administrator' },
  nothingSubmitted: { vi: 'Xã chưa nộp báo cáo kỳ này.', en: 'The commune has not submitted for this period.' },
  warningHere: { vi: 'Cảnh báo', en: 'Warning' },
} as const satisfies Record<string, Record<Lang, string>>;

export type TextKey = keyof typeof UI;

let current: Lang = 'vi';

export function setLang(lang: Lang): void {
  current = lang;
}

export function lang(): Lang {
  return current;
}

export function t(key: TextKey): string {
  return UI[key][current];
}

/** The kinds' and periods' names are in the one catalogue (shared/messages/names.ts). */
export function kindName(kind: SheetKind): string {
  return pageKindName(kind, current);
}

/** "Quý III/2026", "6 tháng đầu năm 2024", "Cả năm 2024". */
export function periodName(part: PeriodPart, year: number): string {
  return pagePeriodName(part, year, current);
}
