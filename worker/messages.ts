import type { ErrorCode } from '../shared/api.ts';
import type { MessageParams } from './api-error.ts';

/** Error texts: Vietnamese first, English in brackets. The only place the Worker makes text. */
const MESSAGES: Readonly<Record<ErrorCode, (p: MessageParams) => string>> = {
  UNAUTHORIZED: () =>
    'Chưa xác thực: thiếu mã truy cập, mã không đúng hoặc đã bị thu hồi (unauthorized: missing, unknown or revoked token)',
  FORBIDDEN: () => 'Không có quyền truy cập (forbidden)',
  NOT_FOUND: () => 'Không tìm thấy địa chỉ này (not found)',
  MALFORMED_JSON: () => 'Nội dung gửi lên không phải JSON hợp lệ (malformed JSON body)',
  UNSUPPORTED_MEDIA_TYPE: () =>
    'Nội dung phải gửi dạng JSON với Content-Type: application/json (body must be application/json)',
  INVALID_REQUEST: (p) => `Dữ liệu không hợp lệ ở ${fieldList(p)} (invalid request: ${fieldList(p)})`,
  PAYLOAD_TOO_LARGE: () => 'Nội dung gửi lên quá lớn (payload too large)',
  INVALID_PLAN: (p) => `Kế hoạch không hợp lệ ở ${fieldList(p)} (invalid plan: ${fieldList(p)})`,
  UNKNOWN_REGION: (p) => `Không có đơn vị cấp huyện/tỉnh "${p.id ?? ''}" (unknown region)`,
  UNKNOWN_COMMUNE: (p) => `Không có xã "${p.id ?? ''}" (unknown commune)`,
  REGION_EXISTS: (p) => `Đơn vị "${p.id ?? ''}" đã có (region already exists)`,
  COMMUNE_EXISTS: (p) => `Xã "${p.id ?? ''}" đã có (commune already exists)`,
  COMMUNE_NOT_FOUND: (p) => `Không tìm thấy xã "${p.id ?? ''}" (commune not found)`,
  PLAN_NOT_FOUND: (p) => `Chưa có kế hoạch năm ${p.year ?? ''} của xã (no plan for ${p.year ?? ''})`,
  TOKEN_NOT_FOUND: (p) => `Không tìm thấy mã truy cập "${p.id ?? ''}" (token not found)`,
  VALIDATION_FAILED: (p) =>
    `Bảng còn ${p.count ?? ''} lỗi, chưa nhận báo cáo; sửa các ô được đánh dấu rồi gửi lại (the sheets have ${p.count ?? ''} errors; nothing was stored)`,
  IDEMPOTENCY_CONFLICT: () =>
    'Mã gửi (Idempotency-Key) này đã được dùng cho một nội dung khác (idempotency key reused with a different body)',
  SUBMISSION_NOT_FOUND: (p) => `Không tìm thấy bản nộp "${p.id ?? ''}" (submission not found)`,
  UNSUPPORTED_ENCODING: () => 'Chỉ nhận nội dung nén gzip hoặc không nén (only gzip or identity Content-Encoding)',
  RATE_LIMITED: (p) =>
    `Đã nhập sai mã truy cập quá nhiều lần từ máy này; vui lòng thử lại sau ${p.minutes ?? ''} phút (too many failed sign-ins; try again in ${p.minutes ?? ''} min)`,
  REVIEW_LOCKED: () =>
    'Báo cáo kỳ này đã được duyệt nên không nhận phiên bản mới; đề nghị cấp huyện/tỉnh mở lại nếu cần sửa (the report is accepted and locked: ask the district to reopen it)',
  REVIEW_NOTHING_SUBMITTED: () => 'Xã chưa nộp báo cáo kỳ này, chưa có gì để duyệt (nothing submitted for this period yet)',
  REVIEW_NOT_AWAITING: () =>
    'Báo cáo không ở trạng thái chờ duyệt: đã trả lại thì chờ xã gửi bản mới, đã duyệt thì mở lại trước (the report is not awaiting review)',
  REVIEW_NOT_ACCEPTED: () => 'Chỉ mở lại được báo cáo đã duyệt (only an accepted report can be reopened)',
  REVIEW_COMMENT_REQUIRED: () =>
    'Trả lại báo cáo cần ít nhất một ý kiến để xã biết cần sửa gì (a return needs at least one comment)',
  REVIEW_STALE_VERSION: (p) =>
    `Xã vừa gửi phiên bản mới (phiên bản ${p.count ?? ''}); xem lại trước khi duyệt (a newer version ${p.count ?? ''} was received meanwhile)`,
  REVIEW_CONFLICT: () =>
    'Báo cáo vừa được người khác thay đổi trạng thái; tải lại rồi thử lại (the review changed meanwhile; reload and try again)',
  UNKNOWN_DATABASE: (p) =>
    `Không có cơ sở dữ liệu "${p.id ?? ''}" trong cấu hình Worker (wrangler.toml) (no such D1 binding)`,
  REGION_HAS_DATA: (p) =>
    `Đơn vị "${p.id ?? ''}" đã có báo cáo trong cơ sở dữ liệu hiện tại nên không chuyển sang cơ sở dữ liệu khác được (the region already has submissions where it is)`,
  REGION_DATABASE_UNAVAILABLE: (p) =>
    `Cơ sở dữ liệu của đơn vị "${p.id ?? ''}" chưa được kết nối với Worker; vui lòng thử lại sau hoặc báo quản trị (the region's database is not bound to this Worker)`,
  STORED_DATA_INVALID: (p) =>
    `Dữ liệu đã lưu của bản nộp "${p.id ?? ''}" bị hỏng hoặc không đúng cấu trúc nên không đọc được; vui lòng báo quản trị (stored data of the submission does not match its schema)`,
  INTERNAL: () => 'Lỗi máy chủ, vui lòng thử lại sau (internal error)',
};

function fieldList(p: MessageParams): string {
  const fields = p.fields ?? [];
  return fields.length === 0 ? 'nội dung (body)' : fields.map((f) => `"${f}"`).join(', ');
}

export function errorMessage(code: ErrorCode, params: MessageParams = {}): string {
  return MESSAGES[code](params);
}
