import { useRef, useState, type FormEvent } from 'react';
import { getPublicDossier } from '../../api/public';
import type { PublicDossier } from '../../api/types';
import { TextField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../format/datetime';
import { CHANNEL_LABELS, OUTCOME_LABELS, RATING_LABELS } from '../../format/labels';
import { paths } from '../../hooks/useRoute';
import { PublicTimeline } from './PublicTimeline';
import { useSecretLookup } from '../../hooks/useSecretLookup';
import { PaymentSection, ResultDownload, SupplementSection } from './OnlineServices';
import { RatingForm } from './RatingForm';

/** One neutral sentence for an unknown code and a wrong secret alike: nothing to guess from. */
export const NOT_FOUND_MESSAGE = 'Không tìm thấy hồ sơ hoặc mã tra cứu không đúng.';

/**
 * The applicant's page, no login: the receipt's QR code opens it with code and secret
 * (`#/tra-cuu/<code>/<secret>`); `#/tra-cuu` asks for them. Shows where the dossier
 * stands and, once it is done, takes one satisfaction rating.
 */
export function PublicLookupPage({ code, secret }: { code?: string; secret?: string }) {
  const { query, setQuery, lookup, setLookup, load, ask } = useSecretLookup(code, secret, getPublicDossier, NOT_FOUND_MESSAGE);

  return (
    <div className="public-page">
      <header className="public-header">
        <p className="brand-title">Tra cứu hồ sơ thủ tục hành chính</p>
        <p className="brand-sub">Sở Khoa học và Công nghệ tỉnh Lai Châu</p>
      </header>
      <main className="public-main" id="noi-dung-chinh" tabIndex={-1}>
        <PageTitle title="Tra cứu hồ sơ">Tra cứu hồ sơ</PageTitle>
        {lookup.status === 'loading' && <p role="status">Đang tra cứu…</p>}
        {lookup.status === 'failed' && (
          <p className="alert alert--error" role="alert">
            {lookup.message}
          </p>
        )}
        {lookup.status === 'found' && query && <DossierStatus dossier={lookup.value} code={query.code} secret={query.secret} onChanged={() => void load(query, true)} />}
        {lookup.status !== 'loading' && (
          <p>
            <a href={paths.submit}>Nộp hồ sơ trực tuyến</a>
          </p>
        )}
        {lookup.status !== 'found' && lookup.status !== 'loading' && (
          <LookupForm initialCode={query?.code ?? code ?? ''} initialSecret={query?.secret ?? ''} onSubmit={ask} />
        )}
        {lookup.status === 'found' && (
          <p>
            <a href="#/tra-cuu" onClick={() => {
              setQuery(null);
              setLookup({ status: 'idle' });
            }}>
              Tra cứu hồ sơ khác
            </a>
          </p>
        )}
      </main>
    </div>
  );
}

/** Codes are read off paper: the server accepts any case and spacing, so the form does not refuse them. */
export function validateLookup(code: string, secret: string): { code?: string; secret?: string } {
  const errors: { code?: string; secret?: string } = {};
  const c = code.trim();
  const s = secret.trim();
  if (!c) errors.code = 'Vui lòng nhập mã hồ sơ (in trên giấy tiếp nhận).';
  else if (c.length > 64) errors.code = 'Mã hồ sơ không hợp lệ: không quá 64 ký tự.';
  if (!s) errors.secret = 'Vui lòng nhập mã tra cứu (in trên giấy tiếp nhận, cạnh mã QR).';
  else if (s.length > 128) errors.secret = 'Mã tra cứu không hợp lệ: không quá 128 ký tự.';
  return errors;
}

export function LookupForm({ initialCode = '', initialSecret = '', onSubmit }: { initialCode?: string; initialSecret?: string; onSubmit(q: { code: string; secret: string }): void }) {
  // After a failed try the form comes back with what the citizen typed, to correct rather than retype.
  const [code, setCode] = useState(initialCode);
  const [secret, setSecret] = useState(initialSecret);
  const [errors, setErrors] = useState<{ code?: string; secret?: string }>({});
  const form = useRef<HTMLFormElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = validateLookup(code, secret);
    setErrors(problems);
    if (problems.code || problems.secret) {
      form.current?.querySelector<HTMLElement>(problems.code ? '[name="code"]' : '[name="secret"]')?.focus();
      return;
    }
    onSubmit({ code: code.trim(), secret: secret.trim() });
  };

  return (
    <form ref={form} className="card lookup-form" onSubmit={submit} noValidate aria-label="Tra cứu hồ sơ">
      <p>Nhập mã hồ sơ và mã tra cứu in trên giấy tiếp nhận hồ sơ và hẹn trả kết quả.</p>
      <TextField label="Mã hồ sơ" name="code" required autoComplete="off" autoCapitalize="characters" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} error={errors.code} />
      <TextField label="Mã tra cứu" name="secret" required autoComplete="off" spellCheck={false} value={secret} onChange={(e) => setSecret(e.target.value)} error={errors.secret} />
      <div className="form-actions">
        <button type="submit" className="button button--primary button--wide">
          Tra cứu
        </button>
      </div>
    </form>
  );
}

function DossierStatus({ dossier, code, secret, onChanged }: { dossier: PublicDossier; code: string; secret: string; onChanged(): void }) {
  // Outlives the rating form, which goes once the rating is recorded.
  const [notice, setNotice] = useState<{ text: string; kind: 'ok' | 'error' } | null>(null);
  return (
    <>
      <section className="card public-status" aria-labelledby="public-status-title">
        <h2 id="public-status-title">
          Hồ sơ <span className="dossier-code">{dossier.code}</span>
        </h2>
        <p className="public-procedure">{dossier.procedureName}</p>
        <p className="public-state">
          Trạng thái: <strong data-testid="public-state">{dossier.stateLabel}</strong>
          {dossier.outcome && <span className={`badge badge--outcome-${dossier.outcome}`}> {OUTCOME_LABELS[dossier.outcome]}</span>}
        </p>
        <dl className="facts facts--public">
          <div>
            <dt>Hình thức nộp</dt>
            <dd>{CHANNEL_LABELS[dossier.channel] ?? dossier.channel}</dd>
          </div>
          <div>
            <dt>Ngày tiếp nhận</dt>
            <dd>{formatDateTime(dossier.receivedAt)}</dd>
          </div>
          <div>
            <dt>Ngày hẹn trả kết quả</dt>
            <dd>{formatDateTime(dossier.appointmentAt)}</dd>
          </div>
          {dossier.finishedAt && (
            <div>
              <dt>Ngày kết thúc</dt>
              <dd>{formatDateTime(dossier.finishedAt)}</dd>
            </div>
          )}
        </dl>
      </section>
      {dossier.supplement && <SupplementSection supplement={dossier.supplement} code={code} secret={secret} onSent={onChanged} />}
      {dossier.payment && <PaymentSection payment={dossier.payment} code={code} secret={secret} />}
      {dossier.result && (
        <section className="card" aria-labelledby="public-result-title" data-testid="public-result">
          <h2 id="public-result-title">Chữ ký số trên kết quả</h2>
          <ResultDownload dossier={dossier} />
          <p className={`verdict ${dossier.result.validlySigned ? 'verdict--valid' : 'verdict--invalid'}`}>
            <span aria-hidden="true">{dossier.result.validlySigned ? '✓ ' : '✗ '}</span>
            <strong>
              {dossier.result.validlySigned
                ? `Kết quả được ký số hợp lệ${dossier.result.signedBy ? ` bởi ${dossier.result.signedBy}` : ''}.`
                : 'Chữ ký số trên kết quả không hợp lệ; vui lòng liên hệ cơ quan giải quyết.'}
            </strong>
          </p>
          <dl className="facts facts--compact">
            <div>
              <dt>Thời điểm ký</dt>
              <dd>{formatDateTime(dossier.result.signedAt)}</dd>
            </div>
            <div>
              <dt>Mã băm SHA-256 của tệp kết quả</dt>
              <dd className="mono hash">{dossier.result.documentSha256}</dd>
            </div>
          </dl>
        </section>
      )}
      <PublicTimeline id="public-timeline-title" title="Quá trình giải quyết" items={dossier.timeline} />
      {notice && (
        <p className={notice.kind === 'ok' ? 'alert alert--ok' : 'alert alert--error'} role={notice.kind === 'ok' ? 'status' : 'alert'} data-testid="rating-notice">
          {notice.text}
        </p>
      )}
      {dossier.rating && (
        <section className="card" aria-labelledby="public-rating-title">
          <h2 id="public-rating-title">Đánh giá của ông/bà</h2>
          <p data-testid="public-rating">
            {RATING_LABELS[dossier.rating.level] ?? dossier.rating.level} — ngày {formatDateTime(dossier.rating.createdAt)}.
          </p>
        </section>
      )}
      {dossier.canRate && !dossier.rating && (
        <RatingForm
          code={code}
          secret={secret}
          onRated={(message) => {
            setNotice(message);
            onChanged();
          }}
        />
      )}
    </>
  );
}
