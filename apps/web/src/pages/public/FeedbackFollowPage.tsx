import { FEEDBACK_VERDICT_LABELS_VI, FEEDBACK_VERDICTS } from '@motcua/workflow/vocabulary';
import { useRef, useState, type FormEvent } from 'react';
import { describeError } from '../../api/errors';
import { getPublicFeedback, rateFeedback, supplyFeedback, type FeedbackVerdict, type PublicFeedback } from '../../api/feedback';
import { ErrorAlert } from '../../components/Alert';
import { TextAreaField, TextField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../format/datetime';
import { paths } from '../../hooks/useRoute';
import { PublicTimeline } from './PublicTimeline';
import { useSecretLookup } from '../../hooks/useSecretLookup';
import { PublicFrame } from './PublicFrame';

/** One neutral sentence for an unknown code and a wrong secret alike. */
export const FEEDBACK_NOT_FOUND = 'Không tìm thấy phản ánh, kiến nghị hoặc mã tra cứu không đúng.';

/**
 * The citizen's follow-up page (no login): where the feedback stands, the answer once given,
 * and one rating of the answer (indicator 5.3). `#/theo-doi-phan-anh/<code>/<secret>` opens it
 * directly; `#/theo-doi-phan-anh` asks for the two codes.
 */
export function FeedbackFollowPage({ code, secret }: { code?: string; secret?: string }) {
  const { query, lookup, setLookup, ask } = useSecretLookup(code, secret, getPublicFeedback, FEEDBACK_NOT_FOUND);

  return (
    <PublicFrame heading="Phản ánh, kiến nghị về thủ tục hành chính">
      <PageTitle title="Theo dõi phản ánh, kiến nghị">Theo dõi phản ánh, kiến nghị</PageTitle>
      {lookup.status === 'loading' && <p role="status">Đang tra cứu…</p>}
      {lookup.status === 'failed' && (
        <p className="alert alert--error" role="alert">
          {lookup.message}
        </p>
      )}
      {lookup.status === 'found' && query && <FeedbackStatus feedback={lookup.value} code={query.code} secret={query.secret} onChanged={(next) => setLookup({ status: 'found', value: next })} />}
      {lookup.status !== 'found' && lookup.status !== 'loading' && (
        <FollowForm
          initialCode={query?.code ?? code ?? ''}
          initialSecret={query?.secret ?? ''}
          onSubmit={ask}
        />
      )}
    </PublicFrame>
  );
}

function FollowForm({ initialCode, initialSecret, onSubmit }: { initialCode: string; initialSecret: string; onSubmit(q: { code: string; secret: string }): void }) {
  const [code, setCode] = useState(initialCode);
  const [secret, setSecret] = useState(initialSecret);
  const [errors, setErrors] = useState<{ code?: string; secret?: string }>({});
  const form = useRef<HTMLFormElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: { code?: string; secret?: string } = {};
    if (!code.trim()) problems.code = 'Vui lòng nhập mã phản ánh, kiến nghị.';
    else if (code.trim().length > 64) problems.code = 'Mã không hợp lệ: không quá 64 ký tự.';
    if (!secret.trim()) problems.secret = 'Vui lòng nhập mã tra cứu nhận được khi gửi.';
    else if (secret.trim().length > 128) problems.secret = 'Mã tra cứu không hợp lệ: không quá 128 ký tự.';
    setErrors(problems);
    if (problems.code || problems.secret) {
      form.current?.querySelector<HTMLElement>(problems.code ? '[name="code"]' : '[name="secret"]')?.focus();
      return;
    }
    onSubmit({ code: code.trim(), secret: secret.trim() });
  };
  return (
    <form ref={form} className="card lookup-form" onSubmit={submit} noValidate aria-label="Tra cứu phản ánh, kiến nghị">
      <p>Nhập mã phản ánh, kiến nghị và mã tra cứu nhận được khi gửi.</p>
      <TextField label="Mã phản ánh, kiến nghị" name="code" required autoComplete="off" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} error={errors.code} />
      <TextField label="Mã tra cứu" name="secret" required autoComplete="off" spellCheck={false} value={secret} onChange={(e) => setSecret(e.target.value)} error={errors.secret} />
      <div className="form-actions">
        <button type="submit" className="button button--primary button--wide">
          Tra cứu
        </button>
      </div>
    </form>
  );
}

function FeedbackStatus({ feedback, code, secret, onChanged }: { feedback: PublicFeedback; code: string; secret: string; onChanged(next: PublicFeedback): void }) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <section className="card public-status" aria-labelledby="feedback-status-title">
        <h2 id="feedback-status-title">
          Phản ánh, kiến nghị <span className="dossier-code">{feedback.code}</span>
        </h2>
        <p className="public-procedure">{feedback.title}</p>
        <p className="public-state">
          Trạng thái: <strong data-testid="feedback-state">{feedback.stateLabel}</strong>
        </p>
        <dl className="facts facts--public">
          <div>
            <dt>Ngày tiếp nhận</dt>
            <dd>{formatDateTime(feedback.receivedAt)}</dd>
          </div>
          <div>
            <dt>Hạn xử lý</dt>
            <dd>{formatDateTime(feedback.dueAt)}</dd>
          </div>
        </dl>
      </section>
      {feedback.answer && (
        <section className="card" aria-labelledby="feedback-answer-title">
          <h2 id="feedback-answer-title">Kết quả trả lời</h2>
          <p className="answer-text" data-testid="feedback-answer">
            {feedback.answer}
          </p>
          {feedback.publishedAt && <p className="muted">Công khai ngày {formatDateTime(feedback.publishedAt)}.</p>}
        </section>
      )}
      {notice && (
        <p className="alert alert--ok" role="status">
          {notice}
        </p>
      )}
      {feedback.verdict && (
        <section className="card" aria-labelledby="feedback-verdict-title">
          <h2 id="feedback-verdict-title">Đánh giá của ông/bà</h2>
          <p data-testid="feedback-verdict">{feedback.verdictLabel}</p>
        </section>
      )}
      {feedback.canRate && (
        <VerdictForm
          code={code}
          secret={secret}
          version={feedback.version}
          onRated={(next) => {
            setNotice('Cảm ơn ông/bà đã đánh giá kết quả trả lời. Ý kiến đã được ghi nhận.');
            onChanged(next);
          }}
        />
      )}
      {feedback.awaitingSupplement && (
        <SupplementForm
          code={code}
          secret={secret}
          version={feedback.version}
          onSent={(next) => {
            setNotice('Đã gửi thông tin bổ sung. Cơ quan tiếp tục xử lý phản ánh, kiến nghị của ông/bà.');
            onChanged(next);
          }}
        />
      )}
      <PublicTimeline id="feedback-timeline-title" title="Quá trình xử lý" items={feedback.timeline} />
      <p>
        <a href={paths.feedbackNew}>Gửi phản ánh, kiến nghị khác</a>
      </p>
    </>
  );
}

function VerdictForm({ code, secret, version, onRated }: { code: string; secret: string; version: number; onRated(next: PublicFeedback): void }) {
  const [verdict, setVerdict] = useState<FeedbackVerdict | ''>('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    if (!verdict) {
      setError('Vui lòng chọn một mức đánh giá.');
      (e.currentTarget as HTMLFormElement).querySelector<HTMLElement>('input[type="radio"]')?.focus();
      return;
    }
    setError(null);
    setPending(true);
    setFailure(null);
    try {
      onRated(await rateFeedback(code, { secret, verdict, expectedVersion: version }));
    } catch (err) {
      const view = describeError(err);
      setFailure(view.code === 'INVALID_TRANSITION' || view.code === 'VERSION_CONFLICT' ? 'Phản ánh, kiến nghị này đã được đánh giá hoặc vừa thay đổi. Vui lòng tải lại trang.' : view.message);
    } finally {
      setPending(false);
    }
  };
  return (
    <section className="card rating" aria-labelledby="verdict-title">
      <h2 id="verdict-title">Đánh giá kết quả trả lời</h2>
      <ErrorAlert message={failure} />
      <form onSubmit={submit} noValidate aria-label="Đánh giá kết quả trả lời">
        <fieldset className={`radio-group${error ? ' field--invalid' : ''}`} aria-describedby={error ? 'verdict-error' : undefined}>
          <legend>Ông/bà đánh giá thế nào về kết quả trả lời?</legend>
          {FEEDBACK_VERDICTS.map((v) => (
            <div className="radio" key={v}>
              <input type="radio" id={`verdict-${v}`} name="verdict" value={v} checked={verdict === v} onChange={() => setVerdict(v)} />
              <label htmlFor={`verdict-${v}`}>{FEEDBACK_VERDICT_LABELS_VI[v]}</label>
            </div>
          ))}
          {error && (
            <p className="field-error" id="verdict-error">
              {error}
            </p>
          )}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button--primary button--wide" disabled={pending} aria-busy={pending}>
            {pending ? 'Đang gửi…' : 'Gửi đánh giá'}
          </button>
        </div>
      </form>
    </section>
  );
}

function SupplementForm({ code, secret, version, onSent }: { code: string; secret: string; version: number; onSent(next: PublicFeedback): void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    if (!note.trim()) return setError('Vui lòng nhập thông tin bổ sung.');
    if (Array.from(note).length > 2000) return setError('Tối đa 2000 ký tự.');
    setError(null);
    setPending(true);
    setFailure(null);
    try {
      onSent(await supplyFeedback(code, { secret, expectedVersion: version, note: note.trim() }));
    } catch (err) {
      setFailure(describeError(err).message);
    } finally {
      setPending(false);
    }
  };
  return (
    <section className="card" aria-labelledby="supplement-title">
      <h2 id="supplement-title">Bổ sung thông tin</h2>
      <p>Cơ quan xử lý đề nghị ông/bà bổ sung thông tin cho phản ánh, kiến nghị này.</p>
      <ErrorAlert message={failure} />
      <form onSubmit={submit} noValidate aria-label="Bổ sung thông tin">
        <TextAreaField label="Thông tin bổ sung" required value={note} onChange={(e) => setNote(e.target.value)} error={error ?? undefined} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending}>
            {pending ? 'Đang gửi…' : 'Gửi thông tin bổ sung'}
          </button>
        </div>
      </form>
    </section>
  );
}
