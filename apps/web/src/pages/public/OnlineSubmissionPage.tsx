import { useEffect, useRef, useState, type FormEvent } from 'react';
import { cleanEmail, cleanIdNumber, cleanPhone, CONTACT_PROBLEMS_VI, emailProblem, idNumberProblem, phoneProblem } from '@motcua/text/contact-rules';
import { ApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { confirmSubmission, getIdentityStatus, identityStartUrl, listOnlineProcedures, startSubmission, uploadSubmissionFile } from '../../api/public';
import type { ConfirmedSubmission, OnlineProcedure, SubmissionDraft } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../format/datetime';
import { formatProcessingTime, formatVnd } from '../../format/labels';
import { paths } from '../../hooks/useRoute';
import { decodeJwtPayload } from '../../auth/token';
import { ComponentUpload } from './ComponentUpload';

const ONLINE_LEVEL_LABELS: Record<string, string> = { toan_trinh: 'Dịch vụ công trực tuyến toàn trình', mot_phan: 'Dịch vụ công trực tuyến một phần' };

interface ApplicantForm {
  fullName: string;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
}

type Errors = Partial<Record<keyof ApplicantForm | 'procedureCode', string>>;

/** The form's own checks, the server's rules in the citizen's words (the server checks again). */
export function validateApplicant(procedureCode: string, a: ApplicantForm): Errors {
  const errors: Errors = {};
  if (!procedureCode) errors.procedureCode = 'Vui lòng chọn thủ tục.';
  if (!a.fullName.trim()) errors.fullName = 'Vui lòng nhập họ và tên người nộp hồ sơ.';
  if (!a.idNumber.trim()) errors.idNumber = 'Vui lòng nhập số định danh cá nhân (CCCD).';
  else if (idNumberProblem(cleanIdNumber(a.idNumber))) errors.idNumber = CONTACT_PROBLEMS_VI.ID_PATTERN;
  // One rule with the counter and the server (libs/text contact-rules).
  if (!a.phone.trim() && !a.email.trim()) errors.phone = 'Vui lòng nhập số điện thoại hoặc thư điện tử để nhận mã hồ sơ và mã tra cứu.';
  else if (a.phone.trim() && phoneProblem(cleanPhone(a.phone))) errors.phone = CONTACT_PROBLEMS_VI.PHONE_PATTERN;
  if (a.email.trim() && emailProblem(cleanEmail(a.email))) errors.email = CONTACT_PROBLEMS_VI.EMAIL_PATTERN;
  return errors;
}

/** A citizen signed in with the identity provider: the token the API gave and what it says (read, not verified: the API does that). */
interface SignedInCitizen {
  token: string;
  name: string;
  idNumber: string;
}

export function readCitizenToken(token: string): SignedInCitizen | null {
  const payload = decodeJwtPayload(token);
  if (!payload) return null;
  return { token, name: typeof payload.name === 'string' ? payload.name : '', idNumber: typeof payload.idn === 'string' ? payload.idn : '' };
}

/**
 * The citizen's online submission, no login (`#/nop-truc-tuyen`): choose a procedure offered
 * online, give the applicant's details, send each component's file (with progress), then confirm:
 * the page shows the reference and the lookup secret the API gave (also sent by e-mail/SMS).
 */
export function OnlineSubmissionPage({ identityToken }: { identityToken?: string } = {}) {
  // Back from the identity provider (`#/nop-truc-tuyen/dinh-danh/<token>`): kept in memory only.
  const [citizen] = useState(() => (identityToken ? readCitizenToken(identityToken) : null));
  const [identityEnabled, setIdentityEnabled] = useState(false);
  const [procedures, setProcedures] = useState<OnlineProcedure[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<SubmissionDraft | null>(null);
  const [confirmed, setConfirmed] = useState<ConfirmedSubmission | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    listOnlineProcedures(abort.signal).then(setProcedures, (err: unknown) => {
      if (!(err instanceof DOMException)) setLoadError(describeError(err).message);
    });
    getIdentityStatus(abort.signal).then(
      (s) => setIdentityEnabled(s.enabled),
      () => setIdentityEnabled(false),
    );
    return () => abort.abort();
  }, []);

  useEffect(() => {
    // The token leaves the address bar and the history.
    if (identityToken) window.history.replaceState(null, '', paths.submit);
  }, [identityToken]);

  return (
    <div className="public-page">
      <header className="public-header">
        <p className="brand-title">Nộp hồ sơ trực tuyến</p>
        <p className="brand-sub">Sở Khoa học và Công nghệ tỉnh Lai Châu</p>
      </header>
      <main className="public-main" id="noi-dung-chinh" tabIndex={-1}>
        <PageTitle title="Nộp hồ sơ trực tuyến">Nộp hồ sơ trực tuyến</PageTitle>
        {loadError && (
          <p className="alert alert--error" role="alert">
            {loadError}
          </p>
        )}
        {!procedures && !loadError && <p role="status">Đang tải danh sách thủ tục…</p>}
        {procedures && !draft && <ApplicantStep procedures={procedures} citizen={citizen} identityEnabled={identityEnabled} onStarted={setDraft} />}
        {draft && !confirmed && <FilesStep draft={draft} onConfirmed={setConfirmed} />}
        {confirmed && <ConfirmationStep confirmed={confirmed} />}
        <p>
          <a href={paths.lookup}>Tra cứu hồ sơ đã nộp</a>
        </p>
      </main>
    </div>
  );
}

function ApplicantStep(props: { procedures: OnlineProcedure[]; citizen: SignedInCitizen | null; identityEnabled: boolean; onStarted(draft: SubmissionDraft): void }) {
  const { procedures, citizen, onStarted } = props;
  const [procedureCode, setProcedureCode] = useState('');
  const [form, setForm] = useState<ApplicantForm>({ fullName: citizen?.name ?? '', idNumber: citizen?.idNumber ?? '', phone: '', email: '', address: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLFormElement>(null);
  const chosen = procedures.find((p) => p.code === procedureCode) ?? null;
  const set = (field: keyof ApplicantForm) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = validateApplicant(procedureCode, form);
    setErrors(problems);
    setFailure(null);
    const first = Object.keys(problems)[0];
    if (first) {
      ref.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const optional = (v: string) => (v.trim() ? v.trim() : undefined);
      onStarted(
        await startSubmission({
          procedureCode,
          applicant: { fullName: form.fullName.trim(), idNumber: form.idNumber.trim(), phone: optional(form.phone), email: optional(form.email), address: optional(form.address) },
          ...(citizen ? { identityToken: citizen.token } : {}),
        }),
      );
    } catch (err) {
      const view = describeError(err);
      const fieldErrors: Errors = {};
      for (const [path, message] of Object.entries(view.fields)) {
        const key = path.replace(/^applicant\./, '') as keyof Errors;
        fieldErrors[key] = message;
      }
      setErrors(fieldErrors);
      setFailure(view.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={ref} className="card" onSubmit={(e) => void submit(e)} noValidate aria-label="Thông tin hồ sơ nộp trực tuyến">
      <h2>Bước 1. Chọn thủ tục và khai thông tin người nộp</h2>
      {citizen ? (
        <p className="alert alert--ok" role="status" data-testid="identity-verified">
          Đã xác thực bằng tài khoản định danh điện tử{citizen.name ? `: ${citizen.name}` : ''}.
        </p>
      ) : (
        props.identityEnabled && (
          <p>
            <a href={identityStartUrl('/nop-truc-tuyen')}>Đăng nhập bằng tài khoản định danh điện tử (VNeID)</a>
          </p>
        )
      )}
      <SelectField label="Thủ tục hành chính" name="procedureCode" required value={procedureCode} onChange={(e) => setProcedureCode(e.target.value)} error={errors.procedureCode}>
        <option value="">— Chọn thủ tục được cung cấp trực tuyến —</option>
        {procedures.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name}
          </option>
        ))}
      </SelectField>
      {chosen && (
        <dl className="facts facts--compact" data-testid="procedure-facts">
          <div>
            <dt>Mức độ</dt>
            <dd>{ONLINE_LEVEL_LABELS[chosen.onlineLevel] ?? chosen.onlineLevel}</dd>
          </div>
          <div>
            <dt>Thời hạn giải quyết</dt>
            <dd>{formatProcessingTime(chosen.processingTime)}</dd>
          </div>
          <div>
            <dt>Phí, lệ phí</dt>
            <dd>{chosen.fee.amountVnd ? formatVnd(chosen.fee.amountVnd) : (chosen.fee.text ?? 'Không thu')}</dd>
          </div>
          <div>
            <dt>Thành phần hồ sơ</dt>
            <dd>{chosen.components.length} thành phần ({chosen.components.filter((c) => c.required).length} bắt buộc)</dd>
          </div>
        </dl>
      )}
      <TextField label="Họ và tên người nộp" name="fullName" required autoComplete="name" value={form.fullName} onChange={set('fullName')} error={errors.fullName} />
      <TextField
        label="Số định danh cá nhân (CCCD)"
        name="idNumber"
        required
        inputMode="text"
        autoComplete="off"
        hint="CCCD 12 chữ số; hoặc CMND 9 chữ số, số hộ chiếu, mã số thuế của tổ chức."
        value={form.idNumber}
        onChange={set('idNumber')}
        error={errors.idNumber}
      />
      <TextField label="Số điện thoại" name="phone" type="tel" autoComplete="tel" hint="Nhập số điện thoại hoặc thư điện tử để nhận mã hồ sơ và mã tra cứu." value={form.phone} onChange={set('phone')} error={errors.phone} />
      <TextField label="Thư điện tử" name="email" type="email" autoComplete="email" value={form.email} onChange={set('email')} error={errors.email} />
      <TextField label="Địa chỉ" name="address" autoComplete="street-address" value={form.address} onChange={set('address')} error={errors.address} />
      {failure && (
        <p className="alert alert--error" role="alert">
          {failure}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          Tiếp tục
        </button>
      </div>
    </form>
  );
}

function FilesStep({ draft, onConfirmed }: { draft: SubmissionDraft; onConfirmed(c: ConfirmedSubmission): void }) {
  const [sent, setSent] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const missing = draft.procedure.components.filter((c) => c.required && !sent.has(c.key));

  const confirm = async () => {
    setFailure(null);
    if (missing.length > 0) {
      setFailure(`Còn thành phần bắt buộc chưa có tệp: ${missing.map((c) => c.name).join('; ')}.`);
      return;
    }
    setBusy(true);
    try {
      onConfirmed(await confirmSubmission(draft));
    } catch (err) {
      setFailure(err instanceof ApiError && err.code === 'COMPONENTS_MISSING' ? 'Còn thành phần bắt buộc chưa có tệp.' : describeError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="files-step-title">
      <h2 id="files-step-title">Bước 2. Tải lên thành phần hồ sơ</h2>
      <p>
        Thủ tục: <strong>{draft.procedure.name}</strong>. Mỗi thành phần một tệp PDF, JPEG hoặc PNG; chọn lại tệp để thay tệp đã tải lên. Hồ sơ đang soạn được lưu tạm đến{' '}
        {formatDateTime(draft.expiresAt)}.
      </p>
      <ul className="card-list component-uploads">
        {draft.procedure.components.map((c) => (
          <ComponentUpload
            key={c.key}
            name={c.name}
            required={c.required}
            send={(file, onProgress) => uploadSubmissionFile(draft, c.key, file, { onProgress })}
            onSent={() => setSent((s) => new Set(s).add(c.key))}
          />
        ))}
      </ul>
      {failure && (
        <p className="alert alert--error" role="alert">
          {failure}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void confirm()}>
          Nộp hồ sơ
        </button>
      </div>
    </section>
  );
}

function ConfirmationStep({ confirmed }: { confirmed: ConfirmedSubmission }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card" aria-labelledby="confirmed-title" data-testid="submission-confirmed">
      <h2 id="confirmed-title" ref={heading} tabIndex={-1}>
        Đã nộp hồ sơ
      </h2>
      <p className="alert alert--ok" role="status">
        Hồ sơ đã được gửi đến Bộ phận Một cửa, đang chờ tiếp nhận. Mã hồ sơ và mã tra cứu cũng được gửi qua thư điện tử hoặc tin nhắn.
      </p>
      <dl className="facts facts--public">
        <div>
          <dt>Mã hồ sơ</dt>
          <dd className="dossier-code" data-testid="submission-reference">
            {confirmed.reference}
          </dd>
        </div>
        <div>
          <dt>Mã tra cứu</dt>
          <dd className="mono" data-testid="submission-secret">
            {confirmed.secret}
          </dd>
        </div>
        <div>
          <dt>Thủ tục</dt>
          <dd>{confirmed.procedureName}</dd>
        </div>
        <div>
          <dt>Thời điểm nộp</dt>
          <dd>{formatDateTime(confirmed.submittedAt)}</dd>
        </div>
      </dl>
      <p>Vui lòng ghi lại mã hồ sơ và mã tra cứu để theo dõi, bổ sung hồ sơ, thanh toán phí và nhận kết quả.</p>
      <p>
        <a className="button" href={paths.lookupDossier(confirmed.reference, confirmed.secret)}>
          Xem tình trạng hồ sơ
        </a>
      </p>
    </section>
  );
}
