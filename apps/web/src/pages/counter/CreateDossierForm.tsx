import { useEffect, useRef, useState, type FormEvent } from 'react';
import { createDossier, listDossiers } from '../../api/dossiers';
import { vietnamDay } from '@motcua/calendar/vietnam-time';
import { describeError, unplacedFieldMessages } from '../../api/errors';
import { listApplicantFiles } from '../../api/files';
import { SubmissionKeys } from '../../api/idempotency';
import type { Channel, Department, Dossier, NewDossier, Procedure } from '../../api/types';
import { ErrorAlert } from '../../components/Alert';
import { SelectField, TextField } from '../../components/Field';
import { ProcedurePicker } from '../../components/ProcedurePicker';
import { ProcedureSummary } from '../../components/ProcedureSummary';
import { CHANNEL_LABELS } from '../../format/labels';
import { cleanEmail, cleanIdNumber, cleanPhone, CONTACT_PROBLEMS_VI, emailProblem, idNumberKind, idNumberProblem, phoneProblem } from '@motcua/text/contact-rules';

export interface DossierFormValues {
  procedureCode: string;
  channel: Channel;
  idNumber: string;
  fullName: string;
  phone: string;
  email: string;
  address: string;
}

/** How a dossier reaches the counter; an online one comes from the portal or the citizen, never typed in (the API refuses it). */
const COUNTER_CHANNELS: readonly Channel[] = ['direct', 'postal'];

export const EMPTY_FORM: DossierFormValues = { procedureCode: '', channel: 'direct', idNumber: '', fullName: '', phone: '', email: '', address: '' };

/** API field path of each form field (errors come back keyed by these). */
const API_FIELD: Record<keyof DossierFormValues, string> = {
  procedureCode: 'procedureCode',
  channel: 'channel',
  idNumber: 'applicant.idNumber',
  fullName: 'applicant.fullName',
  phone: 'applicant.phone',
  email: 'applicant.email',
  address: 'applicant.address',
};

const ORDER: (keyof DossierFormValues)[] = ['procedureCode', 'channel', 'idNumber', 'fullName', 'phone', 'email', 'address'];

/** The API's own rules (libs/text contact-rules, the same module), in Vietnamese, checked before anything is sent. */
export function validateDossierForm(v: DossierFormValues): Partial<Record<keyof DossierFormValues, string>> {
  const e: Partial<Record<keyof DossierFormValues, string>> = {};
  if (!v.procedureCode) e.procedureCode = 'Vui lòng chọn thủ tục hành chính.';
  const idProblem = idNumberProblem(cleanIdNumber(v.idNumber));
  if (idProblem) e.idNumber = CONTACT_PROBLEMS_VI[idProblem];
  const name = v.fullName.trim();
  if (!name) e.fullName = 'Vui lòng nhập họ và tên người nộp.';
  else if (name.length > 255) e.fullName = 'Tối đa 255 ký tự.';
  const phone = cleanPhone(v.phone);
  const phoneError = phone ? phoneProblem(phone) : null;
  if (phoneError) e.phone = CONTACT_PROBLEMS_VI[phoneError];
  const email = cleanEmail(v.email);
  const emailError = email ? emailProblem(email) : null;
  if (emailError) e.email = CONTACT_PROBLEMS_VI[emailError];
  if (v.address.trim().length > 500) e.address = 'Tối đa 500 ký tự.';
  return e;
}

export function toNewDossier(v: DossierFormValues): NewDossier {
  const optional = (text: string) => (text.trim() ? text.trim() : undefined);
  return {
    procedureCode: v.procedureCode,
    channel: v.channel,
    applicant: {
      fullName: v.fullName.trim().normalize('NFC'),
      idNumber: cleanIdNumber(v.idNumber),
      phone: optional(cleanPhone(v.phone)),
      email: optional(cleanEmail(v.email)),
      address: optional(v.address)?.normalize('NFC'),
    },
  };
}

interface Props {
  procedures: Procedure[];
  departments: Department[];
  onCreated(dossier: Dossier, procedure: Procedure | null): void;
}

export function CreateDossierForm({ procedures, departments, onCreated }: Props) {
  const [values, setValues] = useState<DossierFormValues>(EMPTY_FORM);
  const [errors, setErrors] = useState<Partial<Record<keyof DossierFormValues, string>>>({});
  const [failure, setFailure] = useState<{ message: string; items: string[] } | null>(null);
  const [pending, setPending] = useState(false);
  const keys = useRef(new SubmissionKeys());
  const formRef = useRef<HTMLFormElement>(null);
  const procedure = procedures.find((p) => p.code === values.procedureCode) ?? null;

  // The applicant's data store: known ID number → files that can be reused after creation.
  const [storeCount, setStoreCount] = useState<{ idNumber: string; count: number } | null>(null);
  const typedId = cleanIdNumber(values.idNumber);
  useEffect(() => {
    if (idNumberProblem(typedId)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      listApplicantFiles(typedId, controller.signal).then(
        (files) => setStoreCount({ idNumber: typedId, count: files.length }),
        () => undefined, // a convenience only: without it the clerk scans everything
      );
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [typedId]);
  const known = storeCount && storeCount.idNumber === typedId && storeCount.count > 0 ? storeCount.count : 0;

  // A likely duplicate: the same applicant and procedure already received today (a warning, not a refusal).
  const [twins, setTwins] = useState<{ key: string; codes: string[] } | null>(null);
  const twinKey = `${typedId}|${values.procedureCode}`;
  useEffect(() => {
    if (idNumberProblem(typedId) || !values.procedureCode) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      listDossiers({ text: typedId, procedureCode: values.procedureCode, pageSize: 100 }, controller.signal).then(
        (page) => {
          const today = vietnamDay(new Date());
          const codes = page.items.filter((d) => d.applicant.idNumber === typedId && vietnamDay(new Date(d.submittedAt)) === today).map((d) => d.code);
          setTwins({ key: twinKey, codes });
        },
        () => undefined, // a convenience only
      );
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [typedId, values.procedureCode, twinKey]);
  const duplicates = twins && twins.key === twinKey ? twins.codes : [];

  const set = <K extends keyof DossierFormValues>(key: K, value: DossierFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const focusFirstInvalid = (found: Partial<Record<keyof DossierFormValues, string>>) => {
    const first = ORDER.find((k) => found[k]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return; // a double click sends once
    const problems = validateDossierForm(values);
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      setFailure({ message: 'Vui lòng kiểm tra các ô được đánh dấu.', items: [] });
      focusFirstInvalid(problems);
      return;
    }
    const body = toNewDossier(values);
    setPending(true);
    setFailure(null);
    try {
      const dossier = await createDossier(body, keys.current.keyFor(body));
      keys.current.reset();
      setValues(EMPTY_FORM);
      setErrors({});
      onCreated(dossier, procedure);
    } catch (error) {
      const view = describeError(error);
      const byField: Partial<Record<keyof DossierFormValues, string>> = {};
      for (const key of ORDER) if (view.fields[API_FIELD[key]]) byField[key] = view.fields[API_FIELD[key]];
      setErrors(byField);
      setFailure({ message: view.message, items: unplacedFieldMessages(view, Object.values(API_FIELD)) });
      focusFirstInvalid(byField);
    } finally {
      setPending(false);
    }
  };

  return (
    <form ref={formRef} className="create-form" onSubmit={submit} noValidate aria-labelledby="create-form-title">
      <h2 id="create-form-title" className="visually-hidden">
        Tiếp nhận hồ sơ mới
      </h2>
      <ErrorAlert message={failure?.message} items={failure?.items} />
      <fieldset className="create-form__procedure">
        <legend>Thủ tục</legend>
        <ProcedurePicker procedures={procedures} value={values.procedureCode} onChange={(code) => set('procedureCode', code)} error={errors.procedureCode} />
        <SelectField label="Hình thức nộp" name="channel" required value={values.channel} onChange={(e) => set('channel', e.target.value as Channel)} error={errors.channel}>
          {COUNTER_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <aside className="create-form__summary" aria-label="Thông tin thủ tục đã chọn">
        {procedure ? <ProcedureSummary procedure={procedure} departments={departments} /> : <p className="muted">Chọn thủ tục để xem thời hạn, lệ phí và thành phần hồ sơ.</p>}
      </aside>
      <fieldset className="create-form__applicant">
        <legend>Người nộp hồ sơ</legend>
        <div className="field-row">
          <TextField
            label="Số định danh"
            hint={
              <>
                CCCD 12 số, hộ chiếu hoặc mã số thuế
                {idNumberKind(typedId) === 'cmnd' && (
                  <span className="id-flag" data-testid="old-cmnd-flag">
                    {' '}— Số CMND cũ (9 chữ số): vẫn được tiếp nhận, đề nghị công dân cập nhật số CCCD.
                  </span>
                )}
                {known > 0 && (
                  <span className="id-store" data-testid="applicant-store-hint">
                    {' '}— Kho dữ liệu của công dân có {known} tệp từ hồ sơ trước; có thể «Dùng lại» sau khi tạo hồ sơ.
                  </span>
                )}
              </>
            }
            name="idNumber"
            required
            autoComplete="off"
            value={values.idNumber}
            onChange={(e) => set('idNumber', e.target.value)}
            error={errors.idNumber}
          />
          <TextField label="Họ và tên" name="fullName" required autoComplete="off" value={values.fullName} onChange={(e) => set('fullName', e.target.value)} error={errors.fullName} />
        </div>
        {duplicates.length > 0 && (
          <p className="alert alert--warning" role="status" data-testid="duplicate-warning">
            Có thể trùng hồ sơ: công dân này đã nộp hồ sơ cùng thủ tục hôm nay ({duplicates.join(', ')}). Vui lòng kiểm tra trước khi tạo hồ sơ mới.
          </p>
        )}
        <div className="field-row">
          <TextField label="Số điện thoại" name="phone" type="tel" autoComplete="off" value={values.phone} onChange={(e) => set('phone', e.target.value)} error={errors.phone} />
          <TextField label="Thư điện tử" name="email" type="email" autoComplete="off" value={values.email} onChange={(e) => set('email', e.target.value)} error={errors.email} />
        </div>
        <TextField label="Địa chỉ" name="address" autoComplete="off" value={values.address} onChange={(e) => set('address', e.target.value)} error={errors.address} />
      </fieldset>
      <div className="form-actions create-form__actions">
        <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending}>
          {pending ? 'Đang tạo hồ sơ…' : 'Tạo hồ sơ'}
        </button>
      </div>
    </form>
  );
}
