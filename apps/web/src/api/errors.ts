import { CONTACT_PROBLEMS_VI } from '@motcua/text/contact-rules';
import { ApiError, NETWORK_ERROR, NOT_LOGGED_IN } from './client';

/** What the UI shows for a failed call: one sentence, plus messages for the fields that caused it. */
export interface ErrorView {
  message: string;
  /** Keyed by the API's field path: `applicant.idNumber`, `reason`, `newAppointment`… */
  fields: Record<string, string>;
  code: string;
}

/** Field names in Vietnamese, for messages about fields the form does not show itself. */
export const FIELD_LABELS: Record<string, string> = {
  procedureCode: 'Thủ tục',
  channel: 'Hình thức nộp',
  'applicant.fullName': 'Họ và tên',
  'applicant.idNumber': 'Số định danh',
  'applicant.phone': 'Số điện thoại',
  'applicant.email': 'Thư điện tử',
  'applicant.address': 'Địa chỉ',
  reason: 'Lý do',
  note: 'Ghi chú',
  method: 'Hình thức',
  amountVnd: 'Số tiền',
  reference: 'Mã giao dịch, số biên lai',
  level: 'Mức độ hài lòng',
  comment: 'Góp ý',
  fileId: 'Tệp',
  newAppointment: 'Ngày hẹn trả mới',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  fullName: 'Họ và tên',
  title: 'Chức danh',
  roles: 'Vai trò',
  departmentCode: 'Phòng, đơn vị',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  content: 'Nội dung',
  answer: 'Nội dung trả lời',
  category: 'Loại phản ánh, kiến nghị',
  'author.fullName': 'Họ và tên',
  'author.phone': 'Số điện thoại',
  'author.email': 'Thư điện tử',
  'author.address': 'Địa chỉ',
  dossierCode: 'Mã hồ sơ',
  dossierSecret: 'Mã tra cứu của hồ sơ',
  code: 'Mã',
  name: 'Tên',
};

const BY_CODE: Record<string, string> = {
  [NETWORK_ERROR]: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng rồi thử lại.',
  [NOT_LOGGED_IN]: 'Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.',
  INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  UNAUTHORIZED: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  TOO_MANY_REQUESTS: 'Bạn đã thử quá nhiều lần. Vui lòng đợi khoảng một phút rồi thử lại.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  NOT_FOUND: 'Không tìm thấy hồ sơ hoặc bạn không có quyền xem hồ sơ này.',
  VERSION_CONFLICT:
    'Hồ sơ vừa được người khác cập nhật. Thông tin mới nhất đã được tải lại; nội dung bạn đã nhập vẫn được giữ nguyên — vui lòng kiểm tra rồi thực hiện lại.',
  INVALID_TRANSITION: 'Thao tác này không còn phù hợp với trạng thái hiện tại của hồ sơ. Thông tin hồ sơ đã được tải lại.',
  VALIDATION_FAILED: 'Thông tin chưa hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.',
  BAD_REQUEST: 'Yêu cầu chưa hợp lệ. Vui lòng kiểm tra thông tin đã nhập.',
  UNKNOWN_PROCEDURE: 'Thủ tục hành chính không tồn tại hoặc đã ngừng áp dụng.',
  IDEMPOTENCY_KEY_REUSED: 'Yêu cầu bị trùng với một lần gửi trước có nội dung khác. Vui lòng gửi lại.',
  DEADLINE_RULE: 'Thao tác không đúng quy định về thời hạn giải quyết.',
  PAYLOAD_TOO_LARGE: 'Tệp quá lớn: vượt dung lượng tối đa hệ thống cho phép.',
  UNSUPPORTED_MEDIA_TYPE: 'Tệp không đúng định dạng. Chỉ nhận tệp PDF, JPEG hoặc PNG.',
  STORAGE_UNAVAILABLE: 'Kho lưu trữ tệp tạm thời không truy cập được nên tệp chưa được lưu. Vui lòng thử lại sau ít phút.',
  TRANSIENT_CONFLICT: 'Thao tác trùng thời điểm với một thao tác khác nên chưa được lưu. Vui lòng thực hiện lại.',
  COMPONENTS_MISSING: 'Chưa thể hoàn thành số hóa: còn thành phần hồ sơ bắt buộc chưa có tệp.',
  UNKNOWN_COMPONENT: 'Thành phần hồ sơ này không thuộc thủ tục của hồ sơ.',
  DOSSIER_NOT_ACCEPTING_FILES: 'Hồ sơ ở trạng thái hiện tại không nhận thêm tệp thành phần.',
  SIGNATURE_INVALID: 'Chữ ký số trên tệp kết quả không hợp lệ nên tệp không được chấp nhận.',
  RESULT_MISSING: 'Chưa có tệp kết quả giải quyết. Vui lòng tải lên tệp kết quả trước khi ban hành.',
  ALREADY_PAID: 'Hồ sơ đã được ghi nhận thanh toán phí, lệ phí trước đó.',
  ALREADY_RATED: 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.',
  NOT_YET_RATABLE: 'Hồ sơ chưa có kết quả giải quyết nên chưa thể đánh giá.',
  NO_FEE: 'Thủ tục của hồ sơ này không thu phí, lệ phí.',
  DOCUMENT_NOT_AVAILABLE: 'Hồ sơ chưa có giấy tờ này (chưa phát sinh sự kiện tương ứng).',
  IMPORTED_READ_ONLY: 'Hồ sơ được nhập từ hệ thống cũ nên chỉ xem, không thao tác được.',
  SERVICE_UNAVAILABLE: 'Hệ thống tạm thời không truy cập được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.',
  USERNAME_TAKEN: 'Tên đăng nhập này đã có người dùng. Vui lòng chọn tên khác.',
  UNKNOWN_DEPARTMENT: 'Phòng, đơn vị đã chọn không tồn tại.',
  DEPARTMENT_REQUIRED: 'Chuyên viên phải thuộc một phòng, đơn vị.',
  SELF_LOCKOUT: 'Bạn không thể tự khóa tài khoản của mình hoặc tự bỏ vai trò quản trị.',
  WRONG_PASSWORD: 'Mật khẩu hiện tại không đúng.',
  WEAK_PASSWORD: 'Mật khẩu mới phải có ít nhất 12 ký tự và khác mật khẩu hiện tại.',
  RESET_LINK_INVALID: 'Liên kết đặt lại mật khẩu không đúng hoặc tài khoản đã bị khóa. Vui lòng liên hệ quản trị hệ thống.',
  RESET_LINK_USED: 'Liên kết đặt lại mật khẩu này đã được dùng. Mỗi liên kết chỉ dùng được một lần.',
  RESET_LINK_REVOKED: 'Liên kết này không còn hiệu lực vì quản trị hệ thống đã cấp liên kết hoặc mật khẩu khác.',
  RESET_LINK_EXPIRED: 'Liên kết đặt lại mật khẩu đã hết hạn. Vui lòng đề nghị quản trị hệ thống cấp liên kết mới.',
  PASSWORD_CHANGE_REQUIRED: 'Bạn cần đổi mật khẩu tạm thời trước khi làm việc.',
  DEPARTMENT_EXISTS: 'Mã phòng, đơn vị này đã có. Vui lòng chọn mã khác.',
  DEPARTMENT_IN_USE: 'Phòng, đơn vị còn cán bộ đang làm việc hoặc còn thủ tục giao bước xử lý cho phòng: hãy chuyển họ, sửa thủ tục trước khi ngừng hoạt động.',
  INVALID_PROCEDURE: 'Thủ tục chưa hợp lệ nên chưa được lưu:',
  PROCEDURE_EXISTS: 'Thủ tục đã có trong danh mục.',
  OUTBOX_STATE_CONFLICT: 'Thông điệp đã đổi trạng thái (có thể vừa được gửi hoặc người khác vừa xử lý). Danh sách đã được tải lại.',
  IMPORT_REJECTED: 'Tệp có lỗi nên chưa nhập hồ sơ nào.',
  PROCEDURE_NOT_ONLINE: 'Thủ tục này chưa được cung cấp trực tuyến; vui lòng nộp hồ sơ tại Bộ phận Một cửa.',
  SUBMISSION_EXPIRED: 'Hồ sơ đang soạn đã quá thời hạn lưu tạm. Vui lòng bắt đầu lại.',
  SUBMISSION_CONFIRMED: 'Hồ sơ này đã được nộp.',
  PROCEDURE_CHANGED: 'Thủ tục vừa được cập nhật. Vui lòng bắt đầu lại để nộp theo thành phần hồ sơ mới.',
  NOT_AWAITING_SUPPLEMENT: 'Hồ sơ hiện không ở trạng thái chờ bổ sung.',
  FEE_AMOUNT_UNKNOWN: 'Chưa có mức phí để thanh toán trực tuyến; vui lòng nộp phí tại Bộ phận Một cửa.',
  INVALID_SCHEDULE_FILE: 'Tệp lịch nghỉ không đúng định dạng nên chưa được nạp; lịch và hạn của hồ sơ không thay đổi.',
  INTERNAL_ERROR: 'Máy chủ gặp lỗi ngoài dự kiến. Vui lòng thử lại; nếu vẫn lỗi, hãy báo quản trị hệ thống.',
};


const DEADLINE_RULES: Record<string, { field?: string; message: string }> = {
  APOLOGY_TOO_LATE: { message: 'Đã quá thời điểm được gửi thư xin lỗi, hẹn lại: việc này phải làm trước hạn giải quyết.' },
  APOLOGY_DATE_INVALID: { field: 'newAppointment', message: 'Ngày hẹn trả mới phải sau ngày hẹn hiện tại.' },
  APOLOGY_NOT_POSSIBLE: { message: 'Hồ sơ không còn thời hạn giải quyết đang tính nên không thể hẹn lại.' },
};

/**
 * One validation problem (class-validator wording from VALIDATION_FAILED, or the workflow's
 * "reason is required…" from BAD_REQUEST) → [field path, Vietnamese message].
 */
export function translateProblem(problem: string): [string | null, string] {
  const text = problem.trim();
  const extra = /^property (\S+) should not exist$/.exec(text);
  if (extra) return [extra[1], `Trường "${FIELD_LABELS[extra[1]] ?? extra[1]}" không được phép gửi.`];
  const match = /^(?:nested property )?([A-Za-z][\w.]*)\s+(.*)$/.exec(text);
  if (!match) return [null, 'Thông tin chưa hợp lệ.'];
  const [, field, rest] = match;
  return [field, constraintMessage(field, rest)];
}

function constraintMessage(field: string, rest: string): string {
  if (/should not be empty|is required|must not be blank/.test(rest)) {
    if (field === 'reason') return 'Vui lòng nhập lý do.';
    return 'Không được để trống.';
  }
  const max = /(?:shorter than or equal to|at most) (\d+)/.exec(rest);
  if (max) return `Tối đa ${max[1]} ký tự.`;
  // The contact fields' messages are the shared rules' own (libs/text contact-rules).
  if (field.endsWith('idNumber')) return CONTACT_PROBLEMS_VI.ID_PATTERN;
  if (field.endsWith('phone')) return CONTACT_PROBLEMS_VI.PHONE_PATTERN;
  if (field.endsWith('email') || /must be an email/.test(rest)) return CONTACT_PROBLEMS_VI.EMAIL_PATTERN;
  if (field === 'newAppointment' || /ISO.?8601/.test(rest)) return 'Ngày giờ không hợp lệ.';
  if (/must be one of/.test(rest)) return 'Giá trị đã chọn không hợp lệ.';
  if (/must be a string|must be either object|must be an object/.test(rest)) return 'Giá trị không đúng kiểu.';
  return 'Giá trị không hợp lệ.';
}

function problemsOf(error: ApiError): string[] {
  const details = error.body?.details;
  const listed = details && Array.isArray(details.problems) ? (details.problems as unknown[]).filter((p): p is string => typeof p === 'string') : [];
  if (listed.length > 0) return listed;
  // The workflow's payload check: "REJECT: reason is required and must not be blank; …".
  const message = error.body?.message ?? '';
  const body = /^[A-Z_]+: (.*)$/.exec(message);
  return body ? body[1].split('; ') : [];
}

/** Any thrown value → what to show. Never English, never a stack. */
export function describeError(error: unknown): ErrorView {
  if (!(error instanceof ApiError)) {
    return { code: 'UNKNOWN', message: 'Đã có lỗi ngoài dự kiến trên trình duyệt. Vui lòng thử lại.', fields: {} };
  }
  const fields: Record<string, string> = {};
  let message = BY_CODE[error.code];

  if (error.code === 'VALIDATION_FAILED' || error.code === 'BAD_REQUEST') {
    for (const problem of problemsOf(error)) {
      const [field, text] = translateProblem(problem);
      if (field && !(field in fields)) fields[field] = text;
    }
    const extra = error.body?.details?.fields;
    if (Array.isArray(extra)) for (const f of extra) if (typeof f === 'string') fields[f] = 'Thao tác này không dùng trường này.';
    if (Object.keys(fields).length > 0) message = BY_CODE.VALIDATION_FAILED;
  } else if (error.code === 'DEADLINE_RULE') {
    const rule = DEADLINE_RULES[String(error.body?.details?.rule ?? '')];
    if (rule) {
      message = rule.message;
      if (rule.field) fields[rule.field] = rule.message;
    }
  } else if (error.code === 'UNKNOWN_PROCEDURE') {
    fields.procedureCode = BY_CODE.UNKNOWN_PROCEDURE;
  } else if (error.code === 'INVALID_SCHEDULE_FILE' && typeof error.body?.details?.line === 'number') {
    message = `Tệp lịch nghỉ có lỗi ở dòng ${error.body.details.line} nên chưa được nạp; lịch và hạn của hồ sơ không thay đổi.`;
  }
  // Domain refusals name the field at fault in `details.field`: highlight it too.
  const field = error.body?.details?.field;
  if (typeof field === 'string' && message && !(field in fields)) fields[field] = message;

  if (!message) {
    if (error.status === 401) message = BY_CODE.UNAUTHORIZED;
    else if (error.status === 403) message = BY_CODE.FORBIDDEN;
    else if (error.status === 404) message = 'Không tìm thấy dữ liệu yêu cầu.';
    else if (error.status === 429) message = BY_CODE.TOO_MANY_REQUESTS;
    else if (error.status >= 500) message = BY_CODE.INTERNAL_ERROR;
    else message = `Yêu cầu không thực hiện được (mã lỗi ${error.code}).`;
  }
  return { code: error.code, message, fields };
}

/** Vietnamese list of field problems not shown beside a control (for the summary). */
export function unplacedFieldMessages(view: ErrorView, shownFields: readonly string[]): string[] {
  return Object.entries(view.fields)
    .filter(([field]) => !shownFields.includes(field))
    .map(([field, text]) => `${FIELD_LABELS[field] ?? field}: ${text}`);
}
