import type { Channel, DeadlineStatus, DossierState, EventType, Outcome, ReturnMethod, Role } from '../api/types';

/** Button and history names of the workflow's events (the same words as the API's labels). */
export const EVENT_LABELS: Record<EventType, string> = {
  ACCEPT: 'Tiếp nhận hồ sơ',
  REJECT: 'Từ chối tiếp nhận',
  COMPLETE_DIGITISATION: 'Hoàn thành số hóa',
  FORWARD: 'Chuyển bước tiếp theo',
  SEND_BACK: 'Trả lại bước trước',
  REQUEST_SUPPLEMENT: 'Yêu cầu bổ sung hồ sơ',
  SUPPLEMENT_RECEIVED: 'Đã nhận hồ sơ bổ sung',
  ISSUE_RESULT: 'Ban hành kết quả',
  RETURN_RESULT: 'Trả kết quả',
  REFUSE: 'Từ chối giải quyết',
  STOP: 'Dừng xử lý',
  WITHDRAW: 'Rút hồ sơ',
  APOLOGISE: 'Xin lỗi và hẹn lại ngày trả kết quả',
};

/** Used where the API gave no label of its own (filters). */
export const STATE_LABELS: Record<DossierState, string> = {
  submitted: 'Chờ tiếp nhận',
  received: 'Đã tiếp nhận',
  processing: 'Đang xử lý',
  awaiting_supplement: 'Chờ bổ sung',
  result_issued: 'Đã có kết quả',
  returned: 'Đã trả kết quả',
  refused: 'Từ chối giải quyết',
  stopped: 'Dừng xử lý',
  withdrawn: 'Rút hồ sơ',
  rejected: 'Không tiếp nhận',
};

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
};

export function formatProcessingTime(time: { amount: number; unit: string } | null | undefined): string {
  if (!time) return 'Không quy định';
  return `${time.amount} ${TIME_UNITS[time.unit] ?? time.unit}`;
}

export function formatVnd(amount: number): string {
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}
