import type { Dossier, DossierEventBody, EventType, ReturnMethod } from '../api/types';
import { formatDateTime, fromVnInputValue } from '../format/datetime';

/** What each workflow event asks the user for (mirrors the API's rules in to-workflow-event.ts). */
export interface EventSpec {
  /** Label of the reason box, when the event needs a reason (always required). */
  reasonLabel?: string;
  /** Label of the optional note box. */
  noteLabel?: string;
  method?: boolean;
  newAppointment?: boolean;
  /** Events that end or refuse the dossier get a warning-coloured button. */
  danger?: boolean;
}

export const EVENT_SPECS: Record<EventType, EventSpec> = {
  ACCEPT: {},
  REJECT: { reasonLabel: 'Lý do từ chối tiếp nhận', danger: true },
  COMPLETE_DIGITISATION: {},
  FORWARD: { noteLabel: 'Ghi chú chuyển bước (không bắt buộc)' },
  SEND_BACK: { reasonLabel: 'Lý do trả lại bước trước' },
  REQUEST_SUPPLEMENT: { reasonLabel: 'Lý do và nội dung cần bổ sung' },
  SUPPLEMENT_RECEIVED: { noteLabel: 'Ghi chú về hồ sơ bổ sung (không bắt buộc)' },
  ISSUE_RESULT: { noteLabel: 'Ghi chú về kết quả (không bắt buộc)' },
  RETURN_RESULT: { method: true },
  REFUSE: { reasonLabel: 'Lý do từ chối giải quyết', danger: true },
  STOP: { reasonLabel: 'Lý do dừng xử lý', danger: true },
  WITHDRAW: { reasonLabel: 'Lý do rút hồ sơ', danger: true },
  APOLOGISE: { reasonLabel: 'Lý do xin lỗi, hẹn lại', newAppointment: true },
};

/** What the user typed for one event; kept across failed submits and reloads. */
export interface EventDraft {
  reason: string;
  note: string;
  method: ReturnMethod | '';
  /** `yyyy-MM-ddTHH:mm`, Vietnam time. */
  newAppointment: string;
  /** REQUEST_SUPPLEMENT: the components ticked, each with what is missing (may be empty). */
  supplement?: Record<string, string>;
}

export const EMPTY_DRAFT: EventDraft = { reason: '', note: '', method: '', newAppointment: '' };

export const MAX_TEXT = 2000;
const codePoints = (text: string) => Array.from(text).length;

/** Checks a draft before sending; returns Vietnamese messages by field (empty when fine). */
export function validateDraft(type: EventType, draft: EventDraft, dossier: Pick<Dossier, 'appointmentAt' | 'dueAt'>, now = Date.now()): Record<string, string> {
  const spec = EVENT_SPECS[type];
  const problems: Record<string, string> = {};
  if (spec.reasonLabel) {
    if (draft.reason.trim() === '') problems.reason = 'Vui lòng nhập lý do.';
    else if (codePoints(draft.reason) > MAX_TEXT) problems.reason = `Tối đa ${MAX_TEXT} ký tự.`;
  }
  if (spec.noteLabel && codePoints(draft.note) > MAX_TEXT) problems.note = `Tối đa ${MAX_TEXT} ký tự.`;
  if (spec.method && !draft.method) problems.method = 'Vui lòng chọn hình thức trả kết quả.';
  if (spec.newAppointment) {
    const iso = draft.newAppointment ? fromVnInputValue(draft.newAppointment) : null;
    const current = dossier.appointmentAt ?? dossier.dueAt;
    if (!draft.newAppointment) problems.newAppointment = 'Vui lòng nhập ngày giờ hẹn trả mới.';
    else if (!iso) problems.newAppointment = 'Ngày giờ không hợp lệ.';
    else if (Date.parse(iso) <= now) problems.newAppointment = 'Ngày hẹn trả mới phải ở tương lai.';
    else if (current && Date.parse(iso) <= Date.parse(current)) {
      problems.newAppointment = `Ngày hẹn trả mới phải sau ngày hẹn hiện tại (${formatDateTime(current)}).`;
    }
  }
  return problems;
}

/** The request body for a checked draft: only the fields the event takes (the API refuses others). */
export function toEventBody(type: EventType, draft: EventDraft, expectedVersion: number): DossierEventBody {
  const spec = EVENT_SPECS[type];
  const body: DossierEventBody = { type, expectedVersion };
  if (spec.reasonLabel) body.reason = draft.reason.trim();
  if (spec.noteLabel && draft.note.trim() !== '') body.note = draft.note.trim();
  if (spec.method && draft.method) body.method = draft.method;
  if (spec.newAppointment) body.newAppointment = fromVnInputValue(draft.newAppointment) ?? undefined;
  const ticked = type === 'REQUEST_SUPPLEMENT' ? Object.entries(draft.supplement ?? {}) : [];
  if (ticked.length > 0) body.components = ticked.map(([key, requirement]) => (requirement.trim() ? { key, requirement: requirement.trim() } : { key }));
  return body;
}
