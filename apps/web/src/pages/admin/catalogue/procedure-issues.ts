/** The catalogue validator's issue codes (libs/catalogue) in Vietnamese, for the administrator's form. */
const ISSUE_LABELS: Record<string, string> = {
  EMPTY_TEXT: 'Không được để trống',
  TEXT_TOO_LONG: 'Nội dung quá dài',
  INVALID_CODE: 'Mã không hợp lệ',
  NON_POSITIVE_PROCESSING_TIME: 'Thời hạn giải quyết phải lớn hơn 0',
  NON_INTEGER_CALENDAR_DAYS: 'Thời hạn theo ngày phải là số nguyên',
  NON_INTEGER_PROCESSING_TIME: 'Thời hạn giải quyết phải là số nguyên',
  PROCESSING_TIME_TOO_LONG: 'Thời hạn giải quyết quá dài',
  INVALID_FEE: 'Phí, lệ phí không hợp lệ',
  EMPTY_COMPONENTS: 'Thủ tục phải có ít nhất một thành phần hồ sơ',
  DUPLICATE_COMPONENT_KEY: 'Thành phần hồ sơ bị trùng',
  INVALID_COMPONENT_COUNT: 'Số bản phải là số nguyên không âm',
  EMPTY_STEPS: 'Thủ tục phải có ít nhất một bước xử lý',
  DUPLICATE_STEP_KEY: 'Bước xử lý bị trùng',
  INVALID_STEP_ROLE: 'Bước xử lý chỉ giao cho chuyên viên hoặc lãnh đạo',
  UNKNOWN_DEPARTMENT: 'Phòng xử lý không tồn tại hoặc đã ngừng hoạt động',
  STEP_AT_RECEPTION: 'Bộ phận Một cửa không là bước xử lý',
  ROLE_NOT_IN_DEPARTMENT: 'Phòng này không có người giữ vai trò đã chọn',
  NON_POSITIVE_STEP_DAYS: 'Số ngày của bước phải lớn hơn 0',
  STEP_DAYS_TOO_LONG: 'Số ngày của bước quá dài',
  STEPS_EXCEED_PROCESSING_TIME: 'Tổng số ngày các bước vượt thời hạn giải quyết',
};

/** Where an issue's path points, in the form's words: `steps[1].departmentCode` → "Bước 2". */
function placeOf(path: string): string {
  const step = /^steps\[(\d+)\]/.exec(path);
  if (step) return `Bước ${Number(step[1]) + 1}`;
  const component = /^components\[(\d+)\]/.exec(path);
  if (component) return `Thành phần ${Number(component[1]) + 1}`;
  if (path.startsWith('processingTime')) return 'Thời hạn giải quyết';
  if (path.startsWith('fee')) return 'Phí, lệ phí';
  if (path === 'resultName') return 'Tên kết quả';
  if (path === 'name') return 'Tên thủ tục';
  if (path === 'field') return 'Lĩnh vực';
  return 'Thủ tục';
}

export function describeIssues(issues: unknown): string[] {
  if (!Array.isArray(issues)) return [];
  return issues
    .filter((i): i is { code: string; path: string } => typeof i === 'object' && i !== null && typeof (i as { code?: unknown }).code === 'string')
    .map((i) => `${placeOf(String(i.path ?? ''))}: ${ISSUE_LABELS[i.code] ?? 'Nội dung chưa hợp lệ'}.`);
}
