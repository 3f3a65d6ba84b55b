import { textLookup } from '../../front/text-table.ts';
import { UNREADABLE_MESSAGES, type UnreadableReason } from '../../shared/xlsx/unreadable.ts';
import { COMMON_TEXT } from '../common/strings.ts';

/**
 * The upload page's words, Vietnamese first, with the words both pages share
 * (web/common/strings.ts). Issue messages, group titles, kind and period names come from the one
 * catalogue (shared/messages.ts), as in the task pane, so both parts say the same.
 */
const UI = {
  ...COMMON_TEXT,
  pageTitle: { vi: 'Kiểm tra và nộp báo cáo giảm nghèo', en: 'Check and submit poverty-reduction reports' },
  pageSubtitle: {
    vi: 'Dành cho cán bộ xã dùng Excel 2016, WPS hoặc LibreOffice (không có phần bổ trợ)',
    en: 'For commune officers on Excel 2016, WPS or LibreOffice (no add-in)',
  },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  signInIntro: {
    vi: 'Nhập mã truy cập (token) do huyện cấp cho cán bộ xã.',
    en: 'Enter the access token the district gave you.',
  },
  notCommune: {
    vi: 'Mã này không phải của cán bộ xã: trang này chỉ dùng để xã kiểm tra và nộp báo cáo.',
    en: 'This token is not a commune officer’s: this page is for communes checking and submitting reports.',
  },
  commune: { vi: 'Xã', en: 'Commune' },
  district: { vi: 'huyện', en: 'district' },
  province: { vi: 'tỉnh', en: 'province' },

  stepFile: { vi: '1. Chọn tệp báo cáo', en: '1. Choose the report file' },
  dropHere: { vi: 'Kéo thả tệp Excel (.xlsx, .xls), LibreOffice (.ods) hoặc .csv vào đây', en: 'Drop an Excel (.xlsx, .xls), LibreOffice (.ods) or .csv file here' },
  or: { vi: 'hoặc', en: 'or' },
  pickFile: { vi: 'Chọn tệp…', en: 'Choose a file…' },
  fileHint: {
    vi: 'Tệp chỉ được đọc trên máy này để kiểm tra; tệp gốc không bị thay đổi.',
    en: 'The file is read on this computer only; your original file is never changed.',
  },
  reading: { vi: 'Đang đọc tệp…', en: 'Reading the file…' },
  sheets: { vi: 'Các trang tính', en: 'Sheets' },
  skipped: { vi: 'không nhận ra bảng (bỏ qua)', en: 'no table recognised (skipped)' },
  dataRows: { vi: 'dòng dữ liệu', en: 'data rows' },

  stepPeriod: { vi: '2. Kỳ báo cáo và kế hoạch', en: '2. Report period and plan' },
  period: { vi: 'Kỳ báo cáo', en: 'Report period' },
  periodFromTitle: { vi: 'Lấy theo tiêu đề trong tệp', en: 'Taken from the file’s title' },
  year: { vi: 'Năm', en: 'Year' },
  reportDate: { vi: 'Ngày báo cáo', en: 'Report date' },
  reportDateHint: {
    vi: 'Ngày báo cáo dùng để tính tuổi và hạn các dự án; mặc định là ngày cuối kỳ, như máy chủ dùng khi nhận báo cáo.',
    en: 'The report date sets ages and sub-project due dates; it defaults to the last day of the period, as the server uses on receipt.',
  },
  planLoading: { vi: 'Đang tải kế hoạch…', en: 'Loading the plan…' },
  planOf: { vi: 'Kế hoạch năm', en: 'Plan for' },
  villages: { vi: 'thôn', en: 'villages' },
  subProjects: { vi: 'tiểu dự án', en: 'sub-projects' },
  deadline: { vi: 'Hạn nộp kỳ này', en: 'Deadline for this period' },
  deadlineShort: { vi: 'hạn', en: 'deadline' },
  planMissing: {
    vi: 'Máy chủ chưa có kế hoạch của xã cho năm này; chưa kiểm tra được. Hãy chọn kỳ khác hoặc báo huyện.',
    en: 'The server has no plan of the commune for this year, so nothing can be checked. Pick another period or tell the district.',
  },

  resultsTitle: { vi: 'Kết quả kiểm tra', en: 'Check results' },
  resultsEmpty: {
    vi: 'Chọn tệp báo cáo để xem kết quả kiểm tra ở đây.',
    en: 'Choose a report file to see the check results here.',
  },
  checking: { vi: 'Đang kiểm tra…', en: 'Checking…' },
  errorsWord: { vi: 'lỗi', en: 'errors' },
  warningsWord: { vi: 'cảnh báo', en: 'warnings' },
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  noIssues: { vi: 'Không có lỗi nào. Báo cáo đã sẵn sàng để gửi.', en: 'No issues. The report is ready to submit.' },
  onlyWarnings: {
    vi: 'Không có lỗi; các cảnh báo không chặn việc gửi.',
    en: 'No errors; warnings do not block submission.',
  },
  hasErrors: {
    vi: 'Sửa các lỗi trong tệp bằng Excel/WPS/LibreOffice, lưu lại rồi chọn lại tệp.',
    en: 'Fix the errors in Excel/WPS/LibreOffice, save, then choose the file again.',
  },
  download: { vi: 'Tải bản sao có đánh dấu lỗi', en: 'Download a copy with the issues marked' },
  downloadHint: {
    vi: 'Bản sao tô màu các ô có lỗi (đỏ nhạt) hoặc cảnh báo (vàng) và ghi chú nội dung vào ô; tệp gốc giữ nguyên.',
    en: 'The copy fills error cells light red and warning cells yellow, with a note on each; your file stays as it was.',
  },
  preparing: { vi: 'Đang tạo bản sao…', en: 'Making the copy…' },
  markedSuffix: { vi: 'danh dau loi', en: 'issues marked' },
  colSheet: { vi: 'Trang tính', en: 'Sheet' },
  colCell: { vi: 'Ô', en: 'Cell' },
  colValue: { vi: 'Giá trị', en: 'Value' },
  colMessage: { vi: 'Nội dung', en: 'Message' },
  wholeSheet: { vi: 'cả trang', en: 'whole sheet' },
  row: { vi: 'dòng', en: 'row' },
  issueTable: { vi: 'Danh sách lỗi theo loại (lỗi trước, cảnh báo sau)', en: 'Issues by type (errors first, then warnings)' },
  serverIssues: {
    vi: 'Máy chủ kiểm tra lại và thấy các lỗi dưới đây; chưa nhận báo cáo.',
    en: 'The server re-checked the report and found the issues below; nothing was stored.',
  },

  stepSubmit: { vi: '3. Gửi báo cáo', en: '3. Submit' },
  submit: { vi: 'Gửi báo cáo', en: 'Submit the report' },
  reasonNoFile: { vi: 'Chọn tệp báo cáo trước.', en: 'Choose a report file first.' },
  reasonNoPlan: { vi: 'Chưa có kế hoạch của xã cho năm này.', en: 'There is no plan of the commune for this year.' },
  reasonChecking: { vi: 'Đang kiểm tra tệp.', en: 'The file is being checked.' },
  reasonErrors: { vi: 'Chưa gửi được: tệp còn', en: 'Cannot submit yet: the file has' },
  reasonNoTable: { vi: 'Không có trang tính nào nhận ra được bảng để gửi.', en: 'No sheet has a table to submit.' },
  reasonNotCommune: { vi: 'Chỉ cán bộ xã mới gửi được báo cáo.', en: 'Only commune officers can submit.' },
  reasonSending: { vi: 'Đang gửi.', en: 'Sending.' },
  stepCompress: { vi: 'Nén', en: 'Compress' },
  stepUpload: { vi: 'Tải lên', en: 'Upload' },
  stepServer: { vi: 'Máy chủ kiểm tra', en: 'Server check' },
  stepDone: { vi: 'Đã lưu', en: 'Stored' },
  progress: { vi: 'Tiến trình gửi', en: 'Submission progress' },
  receiptTitle: { vi: 'Đã nhận báo cáo', en: 'Report received' },
  version: { vi: 'Phiên bản', en: 'Version' },
  receivedAt: { vi: 'Thời gian nhận', en: 'Received at' },
  timeliness: { vi: 'Thời hạn', en: 'Timeliness' },
  onTime: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Nộp muộn', en: 'Late' },
  kinds: { vi: 'Nội dung', en: 'Contents' },
  rowsWord: { vi: 'dòng', en: 'rows' },
  checksum: { vi: 'Mã kiểm tra', en: 'Checksum' },
  receiptWarnings: { vi: 'Cảnh báo kèm theo', en: 'Warnings recorded' },
  noWarnings: { vi: 'không có', en: 'none' },
  retry: { vi: 'Gửi lại', en: 'Try again' },
  vietnamTime: { vi: 'giờ Việt Nam', en: 'Vietnam time' },

  failNetwork: {
    vi: 'Không kết nối được máy chủ. Kiểm tra mạng rồi bấm Gửi lại (báo cáo sẽ không bị nộp hai lần).',
    en: 'The server could not be reached. Check the network and try again (the report will not be stored twice).',
  },
  failUnauthorized: {
    vi: 'Mã truy cập không đúng hoặc đã bị thu hồi. Hãy đăng nhập lại.',
    en: 'The token is wrong or revoked. Sign in again.',
  },
  failBadAnswer: { vi: 'Máy chủ trả lời không đúng dạng.', en: 'The server’s answer was not understood.' },
  failUnknown: {
    vi: 'Có lỗi không mong muốn. Hãy thử lại; nếu vẫn lỗi, báo cho cán bộ hỗ trợ kèm nội dung sau.',
    en: 'Something went wrong. Try again; if it persists, report the text below.',
  },
  reviewTitle: { vi: 'Ý kiến của cấp huyện', en: 'District review' },
  versionWord: { vi: 'phiên bản', en: 'version' },
  reviewFailed: {
    vi: 'Chưa đọc được ý kiến của cấp huyện cho kỳ này (mất mạng?); kết quả kiểm tra vẫn đúng.',
    en: 'The district review for this period could not be read (offline?); the check itself is complete.',
  },
  reviewLocked: {
    vi: 'Báo cáo kỳ này đã được duyệt nên không gửi được bản mới; liên hệ huyện/tỉnh để mở lại.',
    en: 'This report is accepted, so a new version is refused; ask the district to reopen it.',
  },
  failCopy: { vi: 'Không tạo được bản sao có đánh dấu.', en: 'The marked copy could not be made.' },
} as const;

export type UiKey = keyof typeof UI;

export const t = textLookup(UI);

/**
 * Why a file cannot be read: the engine's wording (shared/xlsx/read-spreadsheet.ts), the same as
 * the command line's, plus the page's own case. The page puts "Tệp «name»" in front.
 */
export const UNREADABLE: Record<UnreadableReason | 'reader-not-loaded', string> = {
  ...UNREADABLE_MESSAGES,
  // The reader is fetched with the first file: the line may have dropped.
  'reader-not-loaded':
    'chưa đọc được vì không tải được phần đọc tệp Excel. Hãy kiểm tra kết nối mạng rồi chọn lại tệp. / could not be read: the part of the page that reads Excel files did not load. Check the connection and choose the file again.',
};
