import { FEEDBACK_SOURCE_LABELS_VI, FEEDBACK_VERDICT_LABELS_VI } from '@motcua/workflow/vocabulary';
import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../../api/errors';
import { getFeedback, getFeedbackHistory, type Feedback, type FeedbackHistoryEntry } from '../../api/feedback';
import { ErrorAlert } from '../../components/Alert';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../format/datetime';
import { departmentName, useCatalogue } from '../../hooks/useCatalogue';
import { paths } from '../../hooks/useRoute';
import { FeedbackActions } from './FeedbackActions';
import { PhaseTable } from './PhaseClocks';

/** What the history shows of an event's own fields (reason, note, answer, verdict…). */
function detailOf(h: FeedbackHistoryEntry): string | null {
  const p = h.payload ?? {};
  const text = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : null);
  if (text('reason')) return `Lý do: ${text('reason')}`;
  if (text('answer')) return `Trả lời: ${text('answer')}`;
  if (text('note')) return `Ghi chú: ${text('note')}`;
  const verdict = text('verdict');
  if (verdict) return `Đánh giá: ${FEEDBACK_VERDICT_LABELS_VI[verdict as keyof typeof FEEDBACK_VERDICT_LABELS_VI] ?? verdict}`;
  return null;
}

/** One feedback for staff: what the citizen wrote, the phase clocks, the actions allowed now, the history. */
export function FeedbackPage({ id }: { id: string }) {
  const { departments } = useCatalogue();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [history, setHistory] = useState<FeedbackHistoryEntry[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [f, h] = await Promise.all([getFeedback(id), getFeedbackHistory(id)]);
      setFeedback(f);
      setHistory(h);
      setError(null);
    } catch (err) {
      const view = describeError(err);
      setError(view.code === 'NOT_FOUND' ? 'Không tìm thấy phản ánh, kiến nghị hoặc bạn không có quyền xem.' : view.message);
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!feedback) {
    return (
      <>
        <PageTitle title="Phản ánh, kiến nghị">Phản ánh, kiến nghị</PageTitle>
        {error ? <ErrorAlert message={error} /> : <p role="status">Đang tải…</p>}
        <p>
          <a href={paths.feedbackInbox}>Về danh sách phản ánh, kiến nghị</a>
        </p>
      </>
    );
  }

  return (
    <div className="dossier-page">
      <p>
        <a href={paths.feedbackInbox}>← Danh sách phản ánh, kiến nghị</a>
      </p>
      <PageTitle title={`Phản ánh, kiến nghị ${feedback.code}`}>Phản ánh, kiến nghị {feedback.code}</PageTitle>
      <ErrorAlert message={error} />
      <section className="card" aria-labelledby="feedback-facts-title">
        <h2 id="feedback-facts-title">{feedback.title}</h2>
        <p>
          Trạng thái: <strong data-testid="feedback-state">{feedback.stateLabel}</strong>
        </p>
        <dl className="facts">
          <div>
            <dt>Người gửi</dt>
            <dd>{feedback.author.fullName}</dd>
          </div>
          <div>
            <dt>Liên hệ</dt>
            <dd>{[feedback.author.phone, feedback.author.email, feedback.author.address].filter(Boolean).join(' · ') || '—'}</dd>
          </div>
          <div>
            <dt>Kênh tiếp nhận</dt>
            <dd>{FEEDBACK_SOURCE_LABELS_VI[feedback.source]}</dd>
          </div>
          {feedback.dossierCode && (
            <div>
              <dt>Về hồ sơ</dt>
              <dd className="mono">{feedback.dossierCode}</dd>
            </div>
          )}
          <div>
            <dt>Ngày tiếp nhận</dt>
            <dd>{formatDateTime(feedback.receivedAt)}</dd>
          </div>
          <div>
            <dt>Loại</dt>
            <dd>{feedback.categoryLabel ?? 'Chưa phân loại'}</dd>
          </div>
          <div>
            <dt>Đơn vị xử lý</dt>
            <dd>{departmentName(departments, feedback.departmentCode)}</dd>
          </div>
          <div>
            <dt>Hạn xử lý</dt>
            <dd>{formatDateTime(feedback.dueAt)}</dd>
          </div>
          {feedback.verdict && (
            <div>
              <dt>Đánh giá của người gửi</dt>
              <dd>{FEEDBACK_VERDICT_LABELS_VI[feedback.verdict]}</dd>
            </div>
          )}
        </dl>
        <h3>Nội dung</h3>
        <p className="answer-text">{feedback.content}</p>
        {feedback.answer && (
          <>
            <h3>Nội dung trả lời</h3>
            <p className="answer-text" data-testid="feedback-answer">
              {feedback.answer}
            </p>
            <p className="muted">Trả lời lúc {formatDateTime(feedback.answeredAt)}{feedback.publishedAt ? `; công khai lúc ${formatDateTime(feedback.publishedAt)}` : ''}.</p>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="feedback-phases-title">
        <h2 id="feedback-phases-title">Thời hạn</h2>
        <PhaseTable phases={feedback.phases} />
      </section>
      <section className="card" aria-labelledby="feedback-actions-title">
        <h2 id="feedback-actions-title">Xử lý</h2>
        <FeedbackActions
          feedback={feedback}
          departments={departments}
          reload={load}
          onChanged={async (next) => {
            setFeedback(next);
            await load();
          }}
        />
      </section>
      <section className="card" aria-labelledby="feedback-history-title">
        <h2 id="feedback-history-title">Lịch sử xử lý</h2>
        <ol className="timeline">
          {history.map((h) => (
            <li key={h.version} className="timeline-item">
              <div className="timeline-head">
                <time dateTime={h.at}>{formatDateTime(h.at)}</time>
                <strong>{h.typeLabel}</strong>
                <span>
                  {' '}— {h.actor.fullName}
                  {h.actor.title ? ` (${h.actor.title})` : ''}
                </span>
              </div>
              {detailOf(h) && <p className="timeline-note">{detailOf(h)}</p>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
