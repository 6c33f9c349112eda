import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { sendEvent } from '../api/dossiers';
import { describeError, unplacedFieldMessages } from '../api/errors';
import type { Dossier, DossierState, EventType, ReturnMethod } from '../api/types';
import { formatDateTime } from '../format/datetime';
import { EVENT_LABELS, RETURN_METHOD_LABELS } from '../format/labels';
import { ErrorAlert, StatusMessage } from './Alert';
import { EMPTY_DRAFT, EVENT_SPECS, toEventBody, validateDraft, type EventDraft } from './event-spec';
import { SelectField, TextAreaField, TextField } from './Field';

interface Props {
  dossier: Dossier;
  /** Show only these events (the counter's intake list); the server's allowedEvents still decide. */
  only?: readonly EventType[];
  /** Called with the dossier the server returned after a successful event. */
  onChanged(next: Dossier): void | Promise<void>;
  /** Reloads the dossier from the server (after someone else changed it). */
  reload(): Promise<void>;
  /** Names the group of buttons for screen readers. */
  label?: string;
  /**
   * Events the server allows but that would fail now, with the reason shown beside the
   * button (e.g. COMPLETE_DIGITISATION while a required component has no file). The
   * button stays focusable (aria-disabled) so the reason can be read.
   */
  blocked?: Partial<Record<EventType, string>>;
  /** The procedure's components: a supplementation request lists the ones to supply (Mẫu 02). */
  components?: ReadonlyArray<{ key: string; name: string }>;
}

const PLACED_FIELDS = ['reason', 'note', 'method', 'newAppointment'];
const FINISHED: readonly DossierState[] = ['returned', 'refused', 'stopped', 'withdrawn', 'rejected'];

/**
 * The actions the server allows now (`allowedEvents`), as buttons; each opens the form
 * its event needs. What was typed survives failed submits and conflict reloads.
 */
export function EventPanel({ dossier, only, onChanged, reload, label, blocked = {}, components = [] }: Props) {
  const allowed = dossier.allowedEvents.filter((e) => !only || only.includes(e));
  const [open, setOpen] = useState<EventType | null>(null);
  const [drafts, setDrafts] = useState<Partial<Record<EventType, EventDraft>>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<{ message: string; items: string[] } | null>(null);
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const baseId = useId();
  const buttonRefs = useRef<Partial<Record<EventType, HTMLButtonElement | null>>>({});
  const formRef = useRef<HTMLFormElement>(null);

  const openEvent = open && allowed.includes(open) ? open : null;
  const lostEvent = open && !allowed.includes(open) ? open : null;

  useEffect(() => {
    // Focus the first control of a form as it opens, so keyboard users land in it.
    if (openEvent) formRef.current?.querySelector<HTMLElement>('textarea, select, input, button[type="submit"]')?.focus();
  }, [openEvent]);

  const draft = (openEvent && drafts[openEvent]) || EMPTY_DRAFT;
  const update = (patch: Partial<EventDraft>) => {
    if (!openEvent) return;
    setDrafts((all) => ({ ...all, [openEvent]: { ...(all[openEvent] ?? EMPTY_DRAFT), ...patch } }));
  };

  const choose = (type: EventType) => {
    if (blocked[type]) return;
    setOpen((current) => (current === type ? null : type));
    setFieldErrors({});
    setError(null);
    setStatus(null);
  };

  const cancel = () => {
    const type = open;
    setOpen(null);
    setFieldErrors({});
    setError(null);
    if (type) buttonRefs.current[type]?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!openEvent || pending) return;
    const problems = validateDraft(openEvent, draft, dossier);
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) {
      setError({ message: 'Vui lòng kiểm tra thông tin đã nhập.', items: [] });
      return;
    }
    setPending(true);
    setError(null);
    try {
      const next = await sendEvent(dossier.id, toEventBody(openEvent, draft, dossier.version));
      setDrafts((all) => ({ ...all, [openEvent]: undefined }));
      setOpen(null);
      setFieldErrors({});
      setStatus(`Đã thực hiện: ${EVENT_LABELS[openEvent]}.`);
      await onChanged(next);
    } catch (err) {
      const view = describeError(err);
      setFieldErrors(view.fields);
      setError({ message: view.message, items: unplacedFieldMessages(view, PLACED_FIELDS) });
      if (view.code === 'VERSION_CONFLICT' || view.code === 'INVALID_TRANSITION' || view.code === 'FORBIDDEN') {
        await reload().catch(() => undefined);
      }
    } finally {
      setPending(false);
    }
  };

  const spec = openEvent ? EVENT_SPECS[openEvent] : null;
  const formId = `${baseId}-form`;
  const titleId = `${baseId}-title`;

  return (
    <div className="event-panel">
      <StatusMessage message={status} />
      {allowed.length === 0 ? (
        <p className="muted">
          {FINISHED.includes(dossier.state) ? `Hồ sơ đã kết thúc (${dossier.stateLabel}); không còn thao tác nào.` : 'Bạn không có thao tác nào với hồ sơ ở bước này.'}
        </p>
      ) : (
        <div className="action-bar" role="group" aria-label={label ?? `Thao tác với hồ sơ ${dossier.code}`}>
          {allowed.map((type) => (
            <button
              key={type}
              type="button"
              ref={(el) => {
                buttonRefs.current[type] = el;
              }}
              className={`button${EVENT_SPECS[type].danger ? ' button--danger' : ''}${open === type ? ' button--active' : ''}${only && only.length === 1 && !blocked[type] ? ' button--primary' : ''}`}
              aria-expanded={open === type}
              aria-controls={open === type ? formId : undefined}
              aria-disabled={blocked[type] ? true : undefined}
              aria-describedby={blocked[type] ? `${baseId}-blocked-${type}` : undefined}
              onClick={() => choose(type)}
            >
              {EVENT_LABELS[type]}
            </button>
          ))}
        </div>
      )}
      {allowed
        .filter((type) => blocked[type])
        .map((type) => (
          <p key={type} id={`${baseId}-blocked-${type}`} className="blocked-reason">
            «{EVENT_LABELS[type]}»: {blocked[type]}
          </p>
        ))}

      {lostEvent && (
        <ErrorAlert
          message={`Thao tác «${EVENT_LABELS[lostEvent]}» không còn được phép với trạng thái hiện tại của hồ sơ (${dossier.stateLabel}).`}
          items={error ? [error.message] : undefined}
        />
      )}

      {openEvent && spec && (
        <form id={formId} ref={formRef} className="event-form" aria-labelledby={titleId} onSubmit={submit} noValidate>
          <h3 id={titleId}>{EVENT_LABELS[openEvent]}</h3>
          <ErrorAlert message={error?.message} items={error?.items} />
          {!spec.reasonLabel && !spec.noteLabel && !spec.method && !spec.newAppointment && (
            <p>
              Xác nhận «{EVENT_LABELS[openEvent]}» cho hồ sơ <strong>{dossier.code}</strong>?
            </p>
          )}
          {spec.reasonLabel && (
            <TextAreaField
              label={spec.reasonLabel}
              required
              value={draft.reason}
              maxLength={4000}
              onChange={(e) => update({ reason: e.target.value })}
              error={fieldErrors.reason}
            />
          )}
          {openEvent === 'REQUEST_SUPPLEMENT' && components.length > 0 && (
            <fieldset className="supplement-components">
              <legend>Thành phần cần bổ sung, hoàn thiện (in trên phiếu yêu cầu bổ sung)</legend>
              {components.map((c) => {
                const chosen = draft.supplement ?? {};
                const ticked = c.key in chosen;
                return (
                  <div key={c.key} className="supplement-component">
                    <label>
                      <input
                        type="checkbox"
                        checked={ticked}
                        onChange={() => {
                          const next = { ...chosen };
                          if (ticked) delete next[c.key];
                          else next[c.key] = '';
                          update({ supplement: next });
                        }}
                      />{' '}
                      {c.name}
                    </label>
                    {ticked && (
                      <TextField label={`Nội dung cần bổ sung: ${c.name}`} value={chosen[c.key]} maxLength={1000} onChange={(e) => update({ supplement: { ...chosen, [c.key]: e.target.value } })} />
                    )}
                  </div>
                );
              })}
            </fieldset>
          )}
          {spec.noteLabel && (
            <TextAreaField label={spec.noteLabel} value={draft.note} onChange={(e) => update({ note: e.target.value })} error={fieldErrors.note} />
          )}
          {spec.method && (
            <SelectField
              label="Hình thức trả kết quả"
              required
              value={draft.method}
              onChange={(e) => update({ method: e.target.value as ReturnMethod | '' })}
              error={fieldErrors.method}
            >
              <option value="">— Chọn hình thức —</option>
              {(Object.keys(RETURN_METHOD_LABELS) as ReturnMethod[]).map((m) => (
                <option key={m} value={m}>
                  {RETURN_METHOD_LABELS[m]}
                </option>
              ))}
            </SelectField>
          )}
          {spec.newAppointment && (
            <TextField
              label="Ngày giờ hẹn trả mới (giờ Việt Nam)"
              type="datetime-local"
              required
              value={draft.newAppointment}
              onChange={(e) => update({ newAppointment: e.target.value })}
              hint={`Ngày hẹn hiện tại: ${formatDateTime(dossier.appointmentAt ?? dossier.dueAt)}`}
              error={fieldErrors.newAppointment}
            />
          )}
          <div className="form-actions">
            <button type="submit" className={`button button--primary${spec.danger ? ' button--danger' : ''}`} disabled={pending} aria-busy={pending}>
              {pending ? 'Đang gửi…' : 'Xác nhận'}
            </button>
            <button type="button" className="button" onClick={cancel} disabled={pending}>
              Huỷ
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
