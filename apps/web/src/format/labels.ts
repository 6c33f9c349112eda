import type { Channel, DeadlineStatus, FilePurpose, PaymentMethod, RatingLevel, DossierState, EventType, Outcome, ReturnMethod, Role } from '../api/types';
// Pure file (imports only types): no xstate in the bundle.
import { DOSSIER_EVENT_LABELS_VI, DOSSIER_STATE_LABELS_VI } from '@motcua/workflow/vocabulary';

/** Button and history names of the workflow's events: the workflow library's own words. */
export const EVENT_LABELS: Readonly<Record<EventType, string>> = DOSSIER_EVENT_LABELS_VI;

/** State names, where the API gave no label of its own (filters). */
export const STATE_LABELS: Readonly<Record<DossierState, string>> = DOSSIER_STATE_LABELS_VI;

export const CHANNEL_LABELS: Record<Channel, string> = {
  direct: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Qua dịch vụ bưu chính',
};

export const RETURN_METHOD_LABELS: Record<ReturnMethod, string> = {
  counter: 'Trả tại Bộ phận Một cửa',
  post: 'Trả qua dịch vụ bưu chính',
  online: 'Trả trực tuyến',
};

export const DEADLINE_LABELS: Record<DeadlineStatus, string> = {
  on_track: 'Trong hạn',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị',
  clerk: 'Cán bộ Một cửa',
  specialist: 'Chuyên viên',
  leader: 'Lãnh đạo',
  reporter: 'Theo dõi, báo cáo',
};

const TIME_UNITS: Record<string, string> = {
  working_days: 'ngày làm việc',
  working_hours: 'giờ làm việc',
  calendar_days: 'ngày',
  calendar_months: 'tháng',
};

export function formatProcessingTime(time: { amount: number; unit: string } | null | undefined): string {
  if (!time) return 'Không quy định';
  return `${time.amount} ${TIME_UNITS[time.unit] ?? time.unit}`;
}

export function formatVnd(amount: number): string {
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}

export const FILE_PURPOSE_LABELS: Record<FilePurpose, string> = {
  component: 'Thành phần hồ sơ',
  result: 'Kết quả giải quyết',
  receipt: 'Giấy tiếp nhận',
  supplement_request: 'Phiếu yêu cầu bổ sung',
  refusal: 'Phiếu từ chối',
  apology: 'Thư xin lỗi',
  control_slip: 'Phiếu kiểm soát',
  removed: 'Đã gỡ bỏ',
};

/** Why a signature failed, in words a clerk or a leader can act on. */
export const SIGNATURE_REASON_LABELS: Record<string, string> = {
  NO_SIGNATURE: 'Tệp không có chữ ký số.',
  BYTE_RANGE_INVALID: 'Vùng dữ liệu được ký (ByteRange) không hợp lệ.',
  NOT_WHOLE_FILE: 'Chữ ký không bao trùm toàn bộ tệp: tệp đã bị thêm nội dung sau khi ký.',
  DIGEST_MISMATCH: 'Nội dung tệp đã bị thay đổi sau khi ký (giá trị băm không khớp).',
  SIGNATURE_INVALID: 'Giá trị chữ ký không đúng với nội dung và chứng thư số.',
  UNTRUSTED_CHAIN: 'Chứng thư số không do tổ chức cung cấp dịch vụ chứng thực chữ ký số được tin cậy cấp.',
  CERT_NOT_VALID_AT_SIGNING_TIME: 'Chứng thư số không còn hiệu lực tại thời điểm ký.',
  MALFORMED: 'Chữ ký hoặc tệp PDF bị lỗi cấu trúc, không đọc được.',
  NO_SIGNED_ATTRIBUTES: 'Chữ ký không có thuộc tính được ký (không gắn với chứng thư số và loại nội dung): không chấp nhận.',
  WEAK_ALGORITHM: 'Thuật toán băm hoặc ký quá yếu (ví dụ SHA-1), không được chấp nhận.',
  KEY_USAGE_NOT_ALLOWED: 'Chứng thư số không được phép dùng để ký văn bản.',
  TIMESTAMP_INVALID: 'Dấu thời gian kèm theo chữ ký không hợp lệ.',
  TIMESTAMP_UNTRUSTED: 'Dấu thời gian do tổ chức cấp dấu thời gian không được tin cậy cấp.',
  CLAIMED_TIME_AFTER_TRUSTED_TIME: 'Thời điểm ký ghi trong tệp muộn hơn thời điểm tin cậy (dấu thời gian hoặc lúc tải lên): thời điểm ký không đúng.',
  REVOKED: 'Chứng thư số đã bị thu hồi trước thời điểm ký.',
  REVOCATION_UNKNOWN: 'Không xác định được tình trạng thu hồi của chứng thư số (chính sách yêu cầu phải kiểm tra được).',
  MODIFIED_AFTER_SIGNING: 'Tệp đã bị sửa đổi sau khi ký theo cách chữ ký không cho phép.',
};

/** Notes on a valid signature, in Vietnamese. */
export const SIGNATURE_WARNING_LABELS: Record<string, string> = {
  WEAK_ALGORITHM_ACCEPTED: 'Chữ ký dùng SHA-1, chỉ được chấp nhận theo chế độ tương thích cũ.',
  REVOCATION_NOT_CHECKED: 'Chưa kiểm tra tình trạng thu hồi chứng thư số (không có dữ liệu trong tệp, kiểm tra trực tuyến đang tắt).',
  REVOCATION_UNKNOWN_ACCEPTED: 'Không xác định được tình trạng thu hồi chứng thư số; chính sách hiện hành vẫn chấp nhận.',
  NO_TIMESTAMP: 'Chữ ký không có dấu thời gian: thời điểm tải lên được dùng làm thời điểm ký tin cậy.',
};

export const TRUSTED_TIME_SOURCE_LABELS: Record<string, string> = {
  signature_timestamp: 'dấu thời gian của chữ ký',
  document_timestamp: 'dấu thời gian của tài liệu',
  upload: 'thời điểm tải lên hệ thống',
};

export const SIGNATURE_KIND_LABELS: Record<string, string> = {
  approval: 'Chữ ký phê duyệt',
  certification: 'Chữ ký chứng nhận tài liệu',
  document_timestamp: 'Dấu thời gian tài liệu',
};

/** What a later update of the file did, by kind. */
export const CHANGE_KIND_LABELS: Record<string, string> = {
  validation_data: 'bổ sung dữ liệu xác thực dài hạn (DSS)',
  document_timestamp: 'thêm dấu thời gian tài liệu',
  metadata: 'cập nhật thông tin mô tả tệp',
  signature: 'thêm chữ ký số khác',
  form_fill: 'điền biểu mẫu',
  annotation: 'thêm hoặc sửa chú thích',
  other: 'sửa nội dung hoặc cấu trúc tài liệu',
};

export const REVOCATION_STATUS_LABELS: Record<string, string> = {
  good: 'chưa bị thu hồi tại thời điểm ký',
  revoked: 'đã bị thu hồi',
  unknown: 'không xác định',
  not_checked: 'chưa kiểm tra',
};

export function signatureReasonLabel(code: string): string {
  return SIGNATURE_REASON_LABELS[code] ?? `Lý do khác (mã ${code}).`;
}

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod | 'online_unspecified', string> = {
  counter: 'Nộp tại Bộ phận Một cửa',
  national_portal: 'Trực tuyến qua Cổng Dịch vụ công quốc gia',
  provincial_portal: 'Trực tuyến qua Cổng dịch vụ công của tỉnh',
  online_unspecified: 'Trực tuyến (không rõ cổng)',
};

export const RATING_LABELS: Record<RatingLevel, string> = {
  very_satisfied: 'Rất hài lòng',
  satisfied: 'Hài lòng',
  dissatisfied: 'Không hài lòng',
};

/** `1,5 MB` — sizes in Vietnamese notation (decimal comma). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${(Math.round(value * 10) / 10).toString().replace('.', ',')} ${units[unit]}`;
}

/** `87,5%`; `Không áp dụng` when there was nothing to count. */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return 'Không áp dụng';
  return `${(Math.round(rate * 100) / 100).toString().replace('.', ',')}%`;
}

/** Points with a decimal comma; a dash when there is no score. */
export function formatPoints(points: number | null | undefined): string {
  if (points === null || points === undefined) return '—';
  return (Math.round(points * 100) / 100).toString().replace('.', ',');
}
