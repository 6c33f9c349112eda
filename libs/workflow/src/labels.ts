import type { DossierEventType, DossierState } from './dossier.types';

/** Vietnamese state names shown to staff and applicants (Unicode NFC). */
export const DOSSIER_STATE_LABELS_VI: Readonly<Record<DossierState, string>> = {
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

/** Vietnamese action names for buttons and the dossier's history (Unicode NFC). */
export const DOSSIER_EVENT_LABELS_VI: Readonly<Record<DossierEventType, string>> = {
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
