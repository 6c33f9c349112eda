import { useState, type FormEvent } from 'react';
import { describeError } from '../../api/errors';
import { rateDossier } from '../../api/public';
import type { RatingLevel } from '../../api/types';
import { TextAreaField } from '../../components/Field';
import { RATING_LABELS } from '../../format/labels';

const LEVELS: RatingLevel[] = ['very_satisfied', 'satisfied', 'dissatisfied'];
export const MAX_COMMENT = 1000;

/** One satisfaction rating per dossier (indicator 5.4). */
export function RatingForm({ code, secret, onRated }: {
  code: string;
  secret: string;
  /** The rating is recorded (or already was): the page reloads and keeps this message. */
  onRated(message: { text: string; kind: 'ok' | 'error' }): void;
}) {
  const [level, setLevel] = useState<RatingLevel | ''>('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ level?: string; comment?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending || done) return;
    const problems: typeof errors = {};
    if (!level) problems.level = 'Vui lòng chọn mức độ hài lòng.';
    if (Array.from(comment).length > MAX_COMMENT) problems.comment = `Tối đa ${MAX_COMMENT} ký tự.`;
    setErrors(problems);
    if (Object.keys(problems).length) {
      (e.currentTarget as HTMLFormElement).querySelector<HTMLElement>(problems.level ? 'input[type="radio"]' : 'textarea')?.focus();
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      await rateDossier(code, { secret, level: level as RatingLevel, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setDone(true);
      onRated({ text: 'Cảm ơn ông/bà đã đánh giá. Ý kiến đã được ghi nhận.', kind: 'ok' });
    } catch (err) {
      const view = describeError(err);
      if (view.code === 'ALREADY_RATED') {
        // The page shows this message and reloads without the form; saying it here too would show it twice.
        onRated({ text: view.message, kind: 'error' });
        return;
      }
      setFailure(view.message);
      setErrors({ level: view.fields.level, comment: view.fields.comment });
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="card rating" aria-labelledby="rating-title">
      <h2 id="rating-title">Đánh giá mức độ hài lòng</h2>
      {/* The thanks are said once, by the page (onRated), which reloads without this form. */}
      {failure && (
        <p className="alert alert--error" role="alert">
          {failure}
        </p>
      )}
      <form onSubmit={submit} noValidate aria-label="Đánh giá mức độ hài lòng">
        <fieldset className={`radio-group rating-levels${errors.level ? ' field--invalid' : ''}`} aria-describedby={errors.level ? 'rating-level-error' : undefined}>
          <legend>Ông/bà đánh giá thế nào về việc giải quyết hồ sơ này?</legend>
          {LEVELS.map((l) => (
            <div className="radio rating-level" key={l}>
              <input type="radio" id={`rating-${l}`} name="level" value={l} checked={level === l} onChange={() => setLevel(l)} disabled={done} />
              <label htmlFor={`rating-${l}`}>{RATING_LABELS[l]}</label>
            </div>
          ))}
          {errors.level && (
            <p className="field-error" id="rating-level-error">
              {errors.level}
            </p>
          )}
        </fieldset>
        <TextAreaField
          label="Góp ý (không bắt buộc)"
          value={comment}
          maxLength={MAX_COMMENT * 2}
          onChange={(e) => setComment(e.target.value)}
          error={errors.comment}
          hint={`${Array.from(comment).length}/${MAX_COMMENT} ký tự`}
          disabled={done}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary button--wide" disabled={pending || done} aria-busy={pending}>
            {pending ? 'Đang gửi…' : 'Gửi đánh giá'}
          </button>
        </div>
      </form>
    </section>
  );
}
