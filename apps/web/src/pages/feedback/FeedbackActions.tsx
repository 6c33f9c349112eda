import { FEEDBACK_CATEGORIES, FEEDBACK_CATEGORY_LABELS_VI, FEEDBACK_EVENT_LABELS_VI } from '@motcua/workflow/vocabulary';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { describeError, unplacedFieldMessages } from '../../api/errors';
import { sendFeedbackEvent, type Feedback, type FeedbackCategory, type FeedbackEventBody, type FeedbackEventType } from '../../api/feedback';
import type { Department } from '../../api/types';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { SelectField, TextAreaField } from '../../components/Field';

/** What each staff event asks for (the API's FEEDBACK_EVENT_FIELDS). */
interface ActionSpec {
  reasonLabel?: string;
  noteLabel?: string;
  answer?: boolean;
  classify?: boolean;
  danger?: boolean;
}

export const FEEDBACK_ACTIONS: Partial<Record<FeedbackEventType, ActionSpec>> = {
  CLASSIFY: { classify: true },
  REJECT: { reasonLabel: 'Lý do từ chối tiếp nhận', danger: true },
  REQUEST_SUPPLEMENT: { reasonLabel: 'Nội dung cần bổ sung' },
  SUPPLEMENT_RECEIVED: { noteLabel: 'Ghi chú về thông tin bổ sung (không bắt buộc)' },
  START_HANDLING: { noteLabel: 'Ghi chú (không bắt buộc)' },
  ANSWER: { answer: true },
  PUBLISH: {},
  CLOSE: { reasonLabel: 'Lý do đóng', danger: true },
};

export const MAX_REASON = 2000;
export const MAX_ANSWER = 10000;

export interface ActionDraft {
  category: FeedbackCategory | '';
  departmentCode: string;
  reason: string;
  note: string;
  answer: string;
}

const EMPTY: ActionDraft = { category: '', departmentCode: '', reason: '', note: '', answer: '' };
const PLACED = ['category', 'departmentCode', 'reason', 'note', 'answer'];
const size = (text: string) => Array.from(text).length;

/** Checks a draft before sending; Vietnamese messages by field (empty when fine). */
export function validateAction(type: FeedbackEventType, d: ActionDraft): Record<string, string> {
  const spec = FEEDBACK_ACTIONS[type] ?? {};
  const problems: Record<string, string> = {};
  if (spec.classify) {
    if (!d.category) problems.category = 'Vui lòng chọn loại phản ánh, kiến nghị.';
    if (!d.departmentCode) problems.departmentCode = 'Vui lòng chọn đơn vị xử lý.';
  }
  if (spec.reasonLabel) {
    if (!d.reason.trim()) problems.reason = 'Vui lòng nhập lý do.';
    else if (size(d.reason) > MAX_REASON) problems.reason = `Tối đa ${MAX_REASON} ký tự.`;
  }
  if (spec.noteLabel && size(d.note) > MAX_REASON) problems.note = `Tối đa ${MAX_REASON} ký tự.`;
  if (spec.answer) {
    if (!d.answer.trim()) problems.answer = 'Vui lòng nhập nội dung trả lời.';
    else if (size(d.answer) > MAX_ANSWER) problems.answer = `Tối đa ${MAX_ANSWER} ký tự.`;
  }
  return problems;
}

/** The event body: only the fields the event takes (the API refuses the others). */
export function toActionBody(type: FeedbackEventType, d: ActionDraft, expectedVersion: number): FeedbackEventBody {
  const spec = FEEDBACK_ACTIONS[type] ?? {};
  return {
    type,
    expectedVersion,
    ...(spec.classify ? { category: d.category as FeedbackCategory, departmentCode: d.departmentCode } : {}),
    ...(spec.reasonLabel ? { reason: d.reason.trim() } : {}),
    ...(spec.noteLabel && d.note.trim() ? { note: d.note.trim() } : {}),
    ...(spec.answer ? { answer: d.answer.trim() } : {}),
  };
}

/**
 * The staff actions the API allows now (`allowedEvents`), each behind a form that asks for its
 * fields and a confirmation; what was typed survives a failed submit and a conflict reload.
 */
export function FeedbackActions({ feedback, departments, onChanged, reload }: {
  feedback: Feedback;
  departments: Department[];
  onChanged(next: Feedback): void | Promise<void>;
  reload(): Promise<void>;
}) {
  const allowed = feedback.allowedEvents.filter((e) => FEEDBACK_ACTIONS[e]);
  const [open, setOpen] = useState<FeedbackEventType | null>(null);
  const [drafts, setDrafts] = useState<Partial<Record<FeedbackEventType, ActionDraft>>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<{ message: string; items: string[] } | null>(null);
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const baseId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const openEvent = open && allowed.includes(open) ? open : null;

  useEffect(() => {
    if (openEvent) formRef.current?.querySelector<HTMLElement>('textarea, select, button[type="submit"]')?.focus();
  }, [openEvent]);

  const draft = (openEvent && drafts[openEvent]) || EMPTY;
  const update = (patch: Partial<ActionDraft>) => {
    if (openEvent) setDrafts((all) => ({ ...all, [openEvent]: { ...(all[openEvent] ?? EMPTY), ...patch } }));
  };

  const choose = (type: FeedbackEventType) => {
    setOpen((current) => (current === type ? null : type));
    setFieldErrors({});
    setError(null);
    setStatus(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!openEvent || pending) return;
    const problems = validateAction(openEvent, draft);
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) {
      setError({ message: 'Vui lòng kiểm tra thông tin đã nhập.', items: [] });
      return;
    }
    setPending(true);
    setError(null);
    try {
      const next = await sendFeedbackEvent(feedback.id, toActionBody(openEvent, draft, feedback.version));
      setDrafts((all) => ({ ...all, [openEvent]: undefined }));
      setOpen(null);
      setStatus(`Đã thực hiện: ${FEEDBACK_EVENT_LABELS_VI[openEvent]}.`);
      await onChanged(next);
    } catch (err) {
      const view = describeError(err);
      const message =
        view.code === 'VERSION_CONFLICT'
          ? 'Phản ánh, kiến nghị vừa được người khác cập nhật. Thông tin mới nhất đã được tải lại; nội dung bạn đã nhập vẫn được giữ nguyên.'
          : view.code === 'INVALID_TRANSITION'
            ? 'Thao tác này không còn phù hợp với trạng thái hiện tại. Thông tin đã được tải lại.'
            : view.message;
      setFieldErrors(view.fields);
      setError({ message, items: unplacedFieldMessages(view, PLACED) });
      if (view.code === 'VERSION_CONFLICT' || view.code === 'INVALID_TRANSITION' || view.code === 'FORBIDDEN') await reload().catch(() => undefined);
    } finally {
      setPending(false);
    }
  };

  const spec = openEvent ? FEEDBACK_ACTIONS[openEvent]! : null;
  const titleId = `${baseId}-title`;
  return (
    <div className="event-panel">
      <StatusMessage message={status} />
      {allowed.length === 0 ? (
        <p className="muted">Bạn không có thao tác nào với phản ánh, kiến nghị ở trạng thái này ({feedback.stateLabel}).</p>
      ) : (
        <div className="action-bar" role="group" aria-label={`Thao tác với phản ánh, kiến nghị ${feedback.code}`}>
          {allowed.map((type) => (
            <button
              key={type}
              type="button"
              className={`button${FEEDBACK_ACTIONS[type]!.danger ? ' button--danger' : ''}${open === type ? ' button--active' : ''}`}
              aria-expanded={open === type}
              onClick={() => choose(type)}
            >
              {FEEDBACK_EVENT_LABELS_VI[type]}
            </button>
          ))}
        </div>
      )}
      {open && !openEvent && <ErrorAlert message={error?.message ?? `Thao tác «${FEEDBACK_EVENT_LABELS_VI[open]}» không còn được phép (${feedback.stateLabel}).`} />}
      {openEvent && spec && (
        <form ref={formRef} className="event-form" aria-labelledby={titleId} onSubmit={submit} noValidate>
          <h3 id={titleId}>{FEEDBACK_EVENT_LABELS_VI[openEvent]}</h3>
          <ErrorAlert message={error?.message} items={error?.items} />
          {spec.classify && (
            <>
              <SelectField label="Loại phản ánh, kiến nghị" required value={draft.category} onChange={(e) => update({ category: e.target.value as FeedbackCategory | '' })} error={fieldErrors.category}>
                <option value="">— Chọn loại —</option>
                {FEEDBACK_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {FEEDBACK_CATEGORY_LABELS_VI[c]}
                  </option>
                ))}
              </SelectField>
              <SelectField label="Đơn vị xử lý" required value={draft.departmentCode} onChange={(e) => update({ departmentCode: e.target.value })} error={fieldErrors.departmentCode}>
                <option value="">— Chọn đơn vị —</option>
                {departments.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
              </SelectField>
            </>
          )}
          {spec.reasonLabel && <TextAreaField label={spec.reasonLabel} required value={draft.reason} onChange={(e) => update({ reason: e.target.value })} error={fieldErrors.reason} />}
          {spec.noteLabel && <TextAreaField label={spec.noteLabel} value={draft.note} onChange={(e) => update({ note: e.target.value })} error={fieldErrors.note} />}
          {spec.answer && (
            <TextAreaField
              label="Nội dung trả lời"
              required
              rows={8}
              value={draft.answer}
              onChange={(e) => update({ answer: e.target.value })}
              error={fieldErrors.answer}
              hint={`${size(draft.answer)}/${MAX_ANSWER} ký tự. Người phản ánh, kiến nghị đọc được nội dung này.`}
            />
          )}
          <p>
            Xác nhận «{FEEDBACK_EVENT_LABELS_VI[openEvent]}» cho phản ánh, kiến nghị <strong>{feedback.code}</strong>?
          </p>
          <div className="form-actions">
            <button type="submit" className={`button ${spec.danger ? 'button--danger' : 'button--primary'}`} disabled={pending} aria-busy={pending}>
              {pending ? 'Đang thực hiện…' : 'Xác nhận'}
            </button>
            <button type="button" className="button" onClick={() => setOpen(null)}>
              Hủy
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
