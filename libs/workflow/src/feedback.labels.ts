import type { FeedbackCategory, FeedbackEventType, FeedbackPhase, FeedbackSource, FeedbackState, FeedbackVerdict } from './feedback.types';

/** Vietnamese state names of a feedback/petition (phản ánh, kiến nghị), for staff and citizens (Unicode NFC). */
export const FEEDBACK_STATE_LABELS_VI: Readonly<Record<FeedbackState, string>> = {
  received: 'Đã tiếp nhận',
  classified: 'Đã phân loại',
  in_handling: 'Đang xử lý',
  awaiting_supplement: 'Chờ bổ sung thông tin',
  answered: 'Đã trả lời',
  published: 'Đã công khai',
  closed: 'Đã đóng',
  rejected: 'Từ chối tiếp nhận',
};

/** Vietnamese action names for buttons and the feedback's history (Unicode NFC). */
export const FEEDBACK_EVENT_LABELS_VI: Readonly<Record<FeedbackEventType, string>> = {
  CLASSIFY: 'Phân loại và chuyển xử lý',
  REJECT: 'Từ chối tiếp nhận phản ánh, kiến nghị',
  REQUEST_SUPPLEMENT: 'Yêu cầu bổ sung thông tin',
  SUPPLEMENT_RECEIVED: 'Đã nhận thông tin bổ sung',
  START_HANDLING: 'Nhận xử lý',
  ANSWER: 'Trả lời phản ánh, kiến nghị',
  PUBLISH: 'Duyệt công khai kết quả trả lời',
  CLOSE: 'Đóng phản ánh, kiến nghị',
  RATE: 'Đánh giá kết quả trả lời',
};

/** DOMAIN.md §1.4 indicator 5.1 categories (Unicode NFC). */
export const FEEDBACK_CATEGORY_LABELS_VI: Readonly<Record<FeedbackCategory, string>> = {
  regulation: 'Về quy định, thủ tục hành chính',
  conduct: 'Về hành vi, thái độ của cán bộ, công chức',
};

/** The citizen's verdicts (Unicode NFC). */
export const FEEDBACK_VERDICT_LABELS_VI: Readonly<Record<FeedbackVerdict, string>> = {
  satisfied: 'Hài lòng',
  dissatisfied: 'Không hài lòng',
  recomplained: 'Tiếp tục phản ánh, kiến nghị',
};

/** Receiving channels (Unicode NFC). */
export const FEEDBACK_SOURCE_LABELS_VI: Readonly<Record<FeedbackSource, string>> = {
  portal: 'Cổng dịch vụ công',
  counter: 'Trực tiếp tại bộ phận một cửa',
  dossier: 'Từ hồ sơ thủ tục hành chính',
};

/** Deadline phases, for due-date columns and reminders (Unicode NFC). */
export const FEEDBACK_PHASE_LABELS_VI: Readonly<Record<FeedbackPhase, string>> = {
  reject: 'Hạn từ chối tiếp nhận',
  supplement: 'Hạn yêu cầu bổ sung',
  handle: 'Hạn xử lý',
  publish: 'Hạn công khai kết quả',
};
