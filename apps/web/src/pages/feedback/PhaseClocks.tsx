import { FEEDBACK_PHASE_LABELS_VI } from '@motcua/workflow/vocabulary';
import type { FeedbackPhaseView } from '../../api/feedback';
import { formatDateTime } from '../../format/datetime';
import { workingTimeLeft } from '../inbox/WorklistTabs';

/** What a phase's clock says now: working time left or overdue, paused, or how it ended. */
export function phaseStatus(p: FeedbackPhaseView): { text: string; late: boolean } {
  if (p.endedAt !== null) {
    if (p.completed) return p.late ? { text: 'Đã xong, trễ hạn', late: true } : { text: 'Đã xong, đúng hạn', late: false };
    return { text: 'Không còn tính', late: false };
  }
  const left = p.workingMinutesLeft ?? null;
  const late = left !== null && left < 0;
  const text = left === null ? '—' : workingTimeLeft(left).replace(/^quá /, 'quá hạn ');
  return { text: p.pausedAt ? `Tạm dừng chờ bổ sung (${text})` : text, late };
}

/** The open phases only, for the list: each with its due time and time left. */
export function OpenPhases({ phases }: { phases: FeedbackPhaseView[] }) {
  const open = phases.filter((p) => p.endedAt === null);
  if (open.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="phase-list">
      {open.map((p) => {
        const status = phaseStatus(p);
        return (
          <li key={p.phase} className={status.late ? 'time-left time-left--late' : 'time-left'}>
            {FEEDBACK_PHASE_LABELS_VI[p.phase]}: {formatDateTime(p.dueAt)} — {status.text}
          </li>
        );
      })}
    </ul>
  );
}

/** Every phase that has started, as a table (the detail page). */
export function PhaseTable({ phases }: { phases: FeedbackPhaseView[] }) {
  if (phases.length === 0) return <p className="muted">Chưa có thời hạn nào bắt đầu tính.</p>;
  return (
    <table className="dossier-table">
      <caption>Thời hạn theo từng bước (tính theo ngày làm việc)</caption>
      <thead>
        <tr>
          <th scope="col">Thời hạn</th>
          <th scope="col">Bắt đầu</th>
          <th scope="col">Hạn</th>
          <th scope="col">Tình trạng</th>
        </tr>
      </thead>
      <tbody>
        {phases.map((p) => {
          const status = phaseStatus(p);
          return (
            <tr key={p.phase} className={status.late && p.endedAt === null ? 'row--overdue' : undefined}>
              <th scope="row">{FEEDBACK_PHASE_LABELS_VI[p.phase]}</th>
              <td>{formatDateTime(p.startedAt)}</td>
              <td>{formatDateTime(p.dueAt)}</td>
              <td className={status.late ? 'time-left time-left--late' : 'time-left'} data-testid={`phase-${p.phase}`}>
                {status.text}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
