import type { ClosedStep, Department, HistoryEntry, ProcedureStep } from '../api/types';
import { formatDateTime, formatMinutes } from '../format/datetime';
import { CHANNEL_LABELS, OUTCOME_LABELS, RETURN_METHOD_LABELS } from '../format/labels';
import { departmentName } from '../hooks/useCatalogue';

interface Props {
  history: HistoryEntry[];
  steps: ProcedureStep[];
  departments: Department[];
}

function stepName(steps: ProcedureStep[], index: number | null): string | null {
  if (index === null) return null;
  const step = steps[index];
  return step ? `Bước ${index + 1}: ${step.name}` : `Bước ${index + 1}`;
}

function ClosedStepLine({ step, departments }: { step: ClosedStep; departments: Department[] }) {
  return (
    <li className={step.late ? 'closed-step closed-step--late' : 'closed-step'}>
      Kết thúc bước «{step.name}» ({departmentName(departments, step.departmentCode)}): hạn {formatDateTime(step.dueAt)}, xong{' '}
      {formatDateTime(step.leftAt)}{' '}
      {step.late ? <span className="badge badge--overdue">Trễ hạn</span> : <span className="badge badge--on_track">Đúng hạn</span>}
    </li>
  );
}

/** The dossier's history, oldest first, with late steps marked. */
export function Timeline({ history, steps, departments }: Props) {
  if (history.length === 0) return <p className="muted">Chưa có lịch sử xử lý.</p>;
  return (
    <ol className="timeline">
      {history.map((entry) => {
        const late = entry.details?.closedSteps?.some((s) => s.late) ?? false;
        const to = stepName(steps, entry.stepTo);
        const { reason, note, method, newAppointment, channel } = entry.payload ?? {};
        return (
          <li key={entry.version} className={`timeline-item${late ? ' timeline-item--late' : ''}`}>
            <div className="timeline-head">
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              <strong>{entry.typeLabel}</strong>
              <span className="muted">
                bởi {entry.actor.fullName}
                {entry.actor.title ? ` (${entry.actor.title})` : ''}
              </span>
              {late && <span className="badge badge--overdue">Có bước trễ hạn</span>}
            </div>
            <ul className="timeline-body">
              <li>Trạng thái: {entry.toLabel}</li>
              {to && entry.stepTo !== entry.stepFrom && <li>Chuyển đến {to}</li>}
              {channel && <li>Hình thức nộp: {CHANNEL_LABELS[channel] ?? channel}</li>}
              {reason && <li>Lý do: {reason}</li>}
              {note && <li>Ghi chú: {note}</li>}
              {entry.type === 'CORRECT_APPLICANT' && <CorrectedFields changes={entry.payload.changes} />}
              {(entry.type === 'CLAIM' || entry.type === 'ASSIGN') && entry.payload.assignee && <li>Người xử lý: {entry.payload.assignee.fullName}</li>}
              {entry.type === 'RELEASE' && entry.payload.previous && <li>Người xử lý trước: {entry.payload.previous.fullName}</li>}
              {method && <li>Hình thức trả: {RETURN_METHOD_LABELS[method] ?? method}</li>}
              {newAppointment && <li>Ngày hẹn trả mới: {formatDateTime(newAppointment)}</li>}
              {entry.details?.closedSteps?.map((s, i) => <ClosedStepLine key={`${s.key ?? s.name}-${i}`} step={s} departments={departments} />)}
              {entry.details?.appointmentAt && <li>Ngày hẹn trả: {formatDateTime(entry.details.appointmentAt)}</li>}
              {entry.details?.pausedWorkingMinutes ? <li>Thời gian tạm dừng: {formatMinutes(entry.details.pausedWorkingMinutes)} làm việc</li> : null}
              {entry.details?.outcome && <li>Kết quả xử lý: {OUTCOME_LABELS[entry.details.outcome]}</li>}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}

const CORRECTED_FIELD_LABELS: Record<string, string> = {
  applicantName: 'Họ và tên',
  applicantIdNumber: 'Số định danh',
  applicantPhone: 'Số điện thoại',
  applicantEmail: 'Thư điện tử',
  applicantAddress: 'Địa chỉ',
};

/** A correction's before → after, field by field. */
function CorrectedFields({ changes }: { changes: unknown }) {
  if (!changes || typeof changes !== 'object') return null;
  return (
    <>
      {Object.entries(changes as Record<string, [unknown, unknown]>).map(([field, [before, after]]) => (
        <li key={field}>
          {CORRECTED_FIELD_LABELS[field] ?? field}: {String(before ?? '(trống)')} → {String(after ?? '(trống)')}
        </li>
      ))}
    </>
  );
}
