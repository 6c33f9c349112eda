import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { submitFeedback, type FeedbackReceipt } from '../../api/feedback';
import { ErrorAlert } from '../../components/Alert';
import { TextAreaField, TextField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../format/datetime';
import { paths } from '../../hooks/useRoute';
import { EMPTY_FEEDBACK, toSubmission, validateFeedback, type FeedbackDraft, type FeedbackField } from './feedback-form';
import { PublicFrame } from './PublicFrame';

/** The dossier's code and secret did not match: said without telling which one was wrong. */
export const DOSSIER_NOT_FOUND = 'Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu đã nhập. Vui lòng kiểm tra lại giấy tiếp nhận.';

/**
 * The public form for a feedback or petition (phản ánh, kiến nghị) on administrative
 * regulations or an official's conduct, optionally about one dossier (its code and the secret
 * on the receipt). The citizen gets a reference and a secret to follow it up.
 */
export function FeedbackSubmitPage() {
  const [draft, setDraft] = useState<FeedbackDraft>(EMPTY_FEEDBACK);
  const [errors, setErrors] = useState<Partial<Record<FeedbackField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [receipt, setReceipt] = useState<FeedbackReceipt | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const set = (patch: Partial<FeedbackDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const focusFirst = (fields: Partial<Record<FeedbackField, string>>) => {
    const first = Object.keys(fields)[0];
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const problems = validateFeedback(draft);
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      setFailure('Thông tin chưa hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.');
      focusFirst(problems);
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      setReceipt(await submitFeedback(toSubmission(draft)));
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) {
        const fields = { dossierCode: DOSSIER_NOT_FOUND };
        setErrors(fields);
        setFailure(DOSSIER_NOT_FOUND);
        focusFirst(fields);
      } else {
        const view = describeError(err);
        setErrors(view.fields as Partial<Record<FeedbackField, string>>);
        setFailure(view.message);
        focusFirst(view.fields);
      }
    } finally {
      setPending(false);
    }
  };

  if (receipt) {
    return (
      <PublicFrame heading="Phản ánh, kiến nghị về thủ tục hành chính">
        <PageTitle title="Đã gửi phản ánh, kiến nghị">Đã gửi phản ánh, kiến nghị</PageTitle>
        <section className="card" aria-labelledby="feedback-receipt-title" data-testid="feedback-receipt">
          <h2 id="feedback-receipt-title">Thông tin để theo dõi</h2>
          <p>
            Phản ánh, kiến nghị của ông/bà đã được tiếp nhận lúc {formatDateTime(receipt.feedback.receivedAt)}. Vui lòng ghi lại hai mã dưới đây:
            chỉ với cả hai mã mới xem được kết quả trả lời.
          </p>
          <dl className="facts">
            <div>
              <dt>Mã phản ánh, kiến nghị</dt>
              <dd className="mono" data-testid="feedback-code">
                {receipt.code}
              </dd>
            </div>
            <div>
              <dt>Mã tra cứu</dt>
              <dd className="mono" data-testid="feedback-secret">
                {receipt.secret}
              </dd>
            </div>
            <div>
              <dt>Hạn xử lý dự kiến</dt>
              <dd>{formatDateTime(receipt.feedback.dueAt)}</dd>
            </div>
          </dl>
          <p>
            <a href={paths.feedbackFollowOne(receipt.code, receipt.secret)}>Theo dõi phản ánh, kiến nghị này</a>
          </p>
        </section>
      </PublicFrame>
    );
  }

  return (
    <PublicFrame heading="Phản ánh, kiến nghị về thủ tục hành chính">
      <PageTitle title="Gửi phản ánh, kiến nghị">Gửi phản ánh, kiến nghị</PageTitle>
      <p>
        Ông/bà có thể phản ánh, kiến nghị về quy định, thủ tục hành chính hoặc về hành vi, thái độ của cán bộ, công chức khi giải quyết
        thủ tục hành chính. Các ô có dấu * là bắt buộc.
      </p>
      <form ref={form} className="card" aria-label="Gửi phản ánh, kiến nghị" onSubmit={submit} noValidate>
        <ErrorAlert message={failure} />
        <TextField label="Tiêu đề" name="title" required maxLength={400} value={draft.title} onChange={(e) => set({ title: e.target.value })} error={errors.title} />
        <TextAreaField
          label="Nội dung phản ánh, kiến nghị"
          name="content"
          required
          rows={6}
          value={draft.content}
          onChange={(e) => set({ content: e.target.value })}
          error={errors.content}
          hint={`${Array.from(draft.content).length}/5000 ký tự`}
        />
        <fieldset>
          <legend>Người phản ánh, kiến nghị</legend>
          <TextField label="Họ và tên" name="author.fullName" required autoComplete="name" value={draft.fullName} onChange={(e) => set({ fullName: e.target.value })} error={errors['author.fullName']} />
          <TextField label="Số điện thoại" name="author.phone" type="tel" autoComplete="tel" value={draft.phone} onChange={(e) => set({ phone: e.target.value })} error={errors['author.phone']} />
          <TextField label="Thư điện tử" name="author.email" type="email" autoComplete="email" value={draft.email} onChange={(e) => set({ email: e.target.value })} error={errors['author.email']} />
          <TextField label="Địa chỉ" name="author.address" autoComplete="street-address" value={draft.address} onChange={(e) => set({ address: e.target.value })} error={errors['author.address']} />
        </fieldset>
        <fieldset>
          <legend>Về một hồ sơ cụ thể (không bắt buộc)</legend>
          <p className="field-hint">Nếu phản ánh về một hồ sơ đã nộp, nhập mã hồ sơ và mã tra cứu in trên giấy tiếp nhận hồ sơ.</p>
          <TextField label="Mã hồ sơ" name="dossierCode" autoComplete="off" spellCheck={false} value={draft.dossierCode} onChange={(e) => set({ dossierCode: e.target.value })} error={errors.dossierCode} />
          <TextField label="Mã tra cứu của hồ sơ" name="dossierSecret" autoComplete="off" spellCheck={false} value={draft.dossierSecret} onChange={(e) => set({ dossierSecret: e.target.value })} error={errors.dossierSecret} />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button--primary button--wide" disabled={pending} aria-busy={pending}>
            {pending ? 'Đang gửi…' : 'Gửi phản ánh, kiến nghị'}
          </button>
        </div>
      </form>
    </PublicFrame>
  );
}
