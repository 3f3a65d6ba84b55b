import { textLookup } from '../../front/text-table.ts';
import type { Lang } from '../../shared/messages.ts';

/**
 * The task pane's own words, Vietnamese first. Issue messages come from shared/messages.ts; this
 * catalogue holds only what the pane itself says (buttons, notes, errors of the pane).
 */
const UI = {
  title: { vi: 'Kiểm tra báo cáo giảm nghèo', en: 'Poverty-reduction report check' },
  check: { vi: 'Kiểm tra', en: 'Check' },
  clear: { vi: 'Xoá đánh dấu', en: 'Clear marks' },
  next: { vi: 'Lỗi tiếp theo', en: 'Next issue' },
  export: { vi: 'Xuất danh sách lỗi', en: 'Export issue list' },
  fix: { vi: 'Sửa', en: 'Fix' },
  fixed: { vi: 'Đã sửa', en: 'Fixed' },
  settings: { vi: 'Cài đặt', en: 'Settings' },
  save: { vi: 'Lưu', en: 'Save' },
  cancel: { vi: 'Đóng', en: 'Close' },
  serverUrl: { vi: 'Địa chỉ máy chủ', en: 'Server address' },
  token: { vi: 'Mã truy cập (token) của cán bộ', en: 'Your access token' },
  tokenHint: {
    vi: 'Mã truy cập chỉ lưu trên máy này, không lưu vào sổ Excel.',
    en: 'The token is kept on this computer only, never in the workbook.',
  },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  period: { vi: 'Kỳ báo cáo', en: 'Report period' },
  working: { vi: 'Đang làm…', en: 'Working…' },
  reading: { vi: 'Đang đọc', en: 'Reading' },
  marking: { vi: 'Đang đánh dấu các ô…', en: 'Marking cells…' },
  clearing: { vi: 'Đang xoá đánh dấu…', en: 'Clearing marks…' },
  noIssues: { vi: 'Không có lỗi nào. Bảng đã sẵn sàng để gửi.', en: 'No issues. The workbook is ready to submit.' },
  cleared: { vi: 'Đã xoá đánh dấu và khôi phục màu nền, ghi chú như trước.', en: 'Marks cleared; fills and notes restored.' },
  nothingToClear: { vi: 'Không có ô nào đang được đánh dấu.', en: 'No cell is marked.' },
  exported: { vi: 'Đã xuất danh sách lỗi ra trang', en: 'Issue list exported to the sheet' },
  sheets: { vi: 'Các trang tính', en: 'Sheets' },
  skipped: { vi: 'không nhận ra bảng (bỏ qua)', en: 'no table recognised (skipped)' },
  headerRow: { vi: 'tiêu đề dòng', en: 'header row' },
  dataRows: { vi: 'dòng dữ liệu', en: 'data rows' },
  mapping: { vi: 'Ghép cột', en: 'Column mapping' },
  mappingHint: {
    vi: 'Chọn lại cột nếu phần mềm đoán sai. Lựa chọn được lưu trong sổ này và dùng cho lần kiểm tra sau.',
    en: 'Pick the right column where the guess is wrong. The choice is saved in this workbook for the next check.',
  },
  mappingSaved: { vi: 'Đã lưu ghép cột. Bấm Kiểm tra để áp dụng.', en: 'Mapping saved. Press Check to apply.' },
  noColumn: { vi: '(không có cột)', en: '(no column)' },
  issues: { vi: 'Danh sách lỗi', en: 'Issues' },
  errors: { vi: 'lỗi', en: 'errors' },
  warnings: { vi: 'cảnh báo', en: 'warnings' },
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  row: { vi: 'dòng', en: 'row' },
  notesUnsupported: {
    vi: 'Excel này chưa hỗ trợ ghi chú qua phần bổ trợ (cần ExcelApi 1.18); các ô lỗi chỉ được tô màu, nội dung lỗi xem ở danh sách bên dưới.',
    en: 'This Excel cannot add notes from an add-in (ExcelApi 1.18 is needed); cells are only filled, the messages are in the list below.',
  },
  planServer: { vi: 'Kế hoạch của xã lấy từ máy chủ', en: 'Commune plan from the server' },
  planCached: {
    vi: 'Không kết nối được máy chủ; đang dùng kế hoạch đã lưu trên máy ngày',
    en: 'The server could not be reached; using the plan saved on this computer on',
  },
  planDemo: {
    vi: 'Đang dùng kế hoạch mẫu của xã Xuân Hoà năm 2024 (chưa kết nối máy chủ). Vào Cài đặt để nhập địa chỉ máy chủ và mã truy cập.',
    en: 'Using the Xuân Hoà 2024 demo plan (not connected). Open Settings to enter the server and your token.',
  },
  planDemoAfterError: {
    vi: 'Không lấy được kế hoạch từ máy chủ và chưa có bản lưu; đang dùng kế hoạch mẫu Xuân Hoà 2024.',
    en: 'The plan could not be fetched and none is saved; using the Xuân Hoà 2024 demo plan.',
  },
  cellsMarked: { vi: 'ô được đánh dấu', en: 'cells marked' },
  fixHint: { vi: 'Bấm Kiểm tra lại để cập nhật danh sách.', en: 'Press Check again to refresh the list.' },
  // ---- the period picker
  periodFromTitle: { vi: 'Theo tiêu đề trang', en: 'From the sheet titles' },
  periodToday: { vi: 'Kỳ hiện tại', en: 'Current period' },
  periodAutoHint: {
    vi: 'Nếu tiêu đề trang không ghi kỳ, dùng kỳ hiện tại ({period}).',
    en: 'When no sheet title names a period, the current one ({period}) is used.',
  },
  // ---- submitting
  submit: { vi: 'Gửi báo cáo', en: 'Submit report' },
  submitNeedsCheck: { vi: 'Bấm Kiểm tra trước; khi không còn lỗi thì gửi được.', en: 'Run Check first; once there is no error the report can be submitted.' },
  submitHasErrors: {
    vi: 'Chưa gửi được: còn {n} lỗi. Sửa các ô được đánh dấu rồi bấm Kiểm tra lại.',
    en: 'Cannot submit yet: {n} errors remain. Fix the marked cells, then Check again.',
  },
  submitNoToken: { vi: 'Chưa có mã truy cập: vào Cài đặt để nhập địa chỉ máy chủ và mã truy cập.', en: 'No access token: enter the server and your token in Settings.' },
  submitNoSheets: { vi: 'Không có trang nào của kỳ {period} để gửi.', en: 'No sheet of {period} to submit.' },
  submitQueued: { vi: 'Đang chờ gửi lại báo cáo trước; bấm Thử lại ngay hoặc Huỷ gửi.', en: 'The previous report is waiting to be resent; choose Retry now or Cancel.' },
  submitWillRecheck: {
    vi: 'Kỳ báo cáo đã đổi sau lần kiểm tra: bấm Gửi sẽ kiểm tra lại cho kỳ mới trước.',
    en: 'The period changed since the check: Submit checks again for the new period first.',
  },
  submitSheets: { vi: 'Sẽ gửi {n} trang: {names}.', en: '{n} sheets will be sent: {names}.' },
  verifying: { vi: 'Đang đọc lại sổ để chắc chắn không có gì thay đổi sau lần kiểm tra…', en: 'Reading the workbook again to be sure nothing changed since the check…' },
  changedRechecked: {
    vi: 'Sổ đã thay đổi sau lần kiểm tra nên đã kiểm tra lại: còn {n} lỗi, chưa gửi.',
    en: 'The workbook changed since the check, so it was checked again: {n} errors, nothing sent.',
  },
  compressing: { vi: 'Đang nén dữ liệu…', en: 'Compressing…' },
  sending: { vi: 'Đang gửi {size} lên máy chủ; máy chủ kiểm tra lại rồi lưu…', en: 'Sending {size}; the server checks again, then stores it…' },
  offline: { vi: 'Mất kết nối — sẽ tự gửi lại…', en: 'Connection lost — will resend automatically…' },
  offlineDetail: {
    vi: 'Đã thử {n} lần; thử lại lúc {time} hoặc ngay khi có mạng. Báo cáo ({period}) được giữ trên máy này và sẽ không bị nộp hai lần.',
    en: 'Attempts so far: {n}; next try at {time} or as soon as the network is back. The report ({period}) is kept on this computer and will not be submitted twice.',
  },
  offlineNotKept: {
    vi: 'Không lưu được bản chờ gửi trên máy này: đừng đóng ngăn cho đến khi gửi xong.',
    en: 'The waiting report could not be saved on this computer: keep the pane open until it is sent.',
  },
  resumed: { vi: 'Đang gửi lại báo cáo chưa gửi được từ lần trước ({period})…', en: 'Resending the report left unsent last time ({period})…' },
  retryNow: { vi: 'Thử lại ngay', en: 'Retry now' },
  cancelSend: { vi: 'Huỷ gửi', en: 'Cancel' },
  sendCancelled: { vi: 'Đã huỷ báo cáo đang chờ gửi.', en: 'The waiting report was cancelled.' },
  receiptTitle: { vi: 'Máy chủ đã nhận báo cáo', en: 'Report received' },
  receiptVersion: { vi: 'Phiên bản', en: 'Version' },
  receiptPeriod: { vi: 'Kỳ báo cáo', en: 'Period' },
  receiptTime: { vi: 'Thời gian nhận', en: 'Received at' },
  vietnamTime: { vi: 'giờ Việt Nam', en: 'Vietnam time' },
  receiptTimeliness: { vi: 'Thời hạn', en: 'Deadline' },
  onTime: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Nộp muộn', en: 'Late' },
  deadlineWas: { vi: 'hạn nộp kỳ này: {day}', en: 'this period was due {day}' },
  receiptContents: { vi: 'Nội dung', en: 'Contents' },
  receiptChecksum: { vi: 'Mã kiểm tra', en: 'Checksum' },
  receiptWarnings: { vi: 'Cảnh báo kèm theo: {n}', en: 'Warnings attached: {n}' },
  reviewTitle: { vi: 'Ý kiến của cấp huyện — {period}', en: 'District review — {period}' },
  reviewVersion: { vi: '(phiên bản {n})', en: '(version {n})' },
  reviewAcceptedNote: {
    vi: 'Báo cáo kỳ này đã được duyệt; muốn sửa, liên hệ huyện/tỉnh để mở lại.',
    en: 'This report is accepted; to change it, ask the district to reopen it.',
  },
  reviewReturnedClean: {
    vi: 'Không có lỗi nào, nhưng huyện đã trả lại báo cáo này với {n} ý kiến: sửa theo các ý kiến dưới đây (các ô được đánh dấu), Kiểm tra lại rồi Gửi.',
    en: 'No issues, but the district returned this report; comments to address: {n}. Fix what they say (the marked cells), check again and submit.',
  },
  reviewFailed: {
    vi: 'Chưa đọc được ý kiến của cấp huyện cho {period} (mất mạng?); kết quả kiểm tra vẫn đúng.',
    en: 'The district review for {period} could not be read (offline?); the check itself is complete.',
  },
  serverRefused: {
    vi: 'Máy chủ kiểm tra lại và thấy các lỗi dưới đây; chưa nhận báo cáo.',
    en: 'The server checked again and found the issues below; nothing was stored.',
  },
} as const;

export type UiKey = keyof typeof UI;

export const t = textLookup(UI);

/** "1,2 MB", "830 KB". */
export function sizeText(bytes: number, lang: Lang): string {
  const comma = (x: number) => (lang === 'vi' ? String(x).replace('.', ',') : String(x));
  if (bytes >= 1024 * 1024) return `${comma(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** What a failed button says: the pane's own failures by code, Office's by its error code. */
const FAILURES = {
  unknown: { vi: 'Có lỗi không mong muốn. Hãy thử lại; nếu vẫn lỗi, báo cho cán bộ hỗ trợ kèm nội dung sau.', en: 'Something went wrong. Try again; if it persists, report the text below.' },
  cellEditMode: { vi: 'Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc rồi bấm lại.', en: 'Excel is editing a cell. Press Enter or Esc, then try again.' },
  accessDenied: { vi: 'Excel không cho phép sửa trang này (trang đang được bảo vệ hoặc sổ chỉ đọc).', en: 'Excel refused the change (protected sheet or read-only workbook).' },
  payloadTooLarge: { vi: 'Dữ liệu quá lớn để Excel trên web xử lý trong một lần, kể cả khi đã chia nhỏ.', en: 'The data is too large for Excel on the web, even in small blocks.' },
  network: { vi: 'Không kết nối được máy chủ. Kiểm tra địa chỉ máy chủ và mạng.', en: 'The server could not be reached. Check its address and the network.' },
  unauthorized: { vi: 'Mã truy cập không đúng hoặc đã bị thu hồi. Vào Cài đặt để nhập lại.', en: 'The token is wrong or revoked. Enter it again in Settings.' },
  planNotFound: { vi: 'Máy chủ chưa có kế hoạch của xã cho năm này.', en: 'The server has no plan of the commune for this year.' },
  badServerUrl: { vi: 'Địa chỉ máy chủ phải bắt đầu bằng https://', en: 'The server address must start with https://' },
  cellChanged: { vi: 'Ô đã thay đổi từ lần kiểm tra trước. Hãy bấm Kiểm tra lại rồi sửa.', en: 'The cell changed since the check. Check again, then fix.' },
  sheetMissing: { vi: 'Không còn trang tính này trong sổ. Hãy bấm Kiểm tra lại.', en: 'The sheet is gone. Check again.' },
  notFixable: { vi: 'Lỗi này không sửa tự động được.', en: 'This issue cannot be fixed automatically.' },
  idempotencyConflict: {
    vi: 'Máy chủ đã nhận một nội dung khác với cùng mã gửi. Hãy bấm Kiểm tra rồi Gửi lại.',
    en: 'The server already holds other content under the same submission key. Check, then submit again.',
  },
  reviewLocked: {
    vi: 'Báo cáo kỳ này đã được duyệt nên không gửi được bản mới; liên hệ huyện/tỉnh để mở lại.',
    en: 'This report is accepted, so a new version is refused; ask the district to reopen it.',
  },
  submitTooLarge: { vi: 'Báo cáo quá lớn để máy chủ nhận trong một lần.', en: 'The report is too large for the server to accept at once.' },
  submitRefused: { vi: 'Máy chủ không nhận yêu cầu gửi.', en: 'The server refused the submission.' },
  excelOld: { vi: 'Phiên bản Excel này quá cũ cho phần bổ trợ (cần ExcelApi 1.13: Microsoft 365, Excel 2021 trở lên hoặc Excel trên web).', en: 'This Excel is too old for the add-in (ExcelApi 1.13 is needed).' },
} as const;

export type FailureCode = keyof typeof FAILURES;

export function failureText(code: FailureCode, lang: Lang): string {
  return FAILURES[code][lang];
}
