import type { Department, Dossier, Procedure } from '../api/types';
import { formatDateTime, formatMinutes } from '../format/datetime';
import { CHANNEL_LABELS } from '../format/labels';
import { departmentName } from '../hooks/useCatalogue';
import { DossierBadges } from './Badges';

interface Props {
  dossier: Dossier;
  procedure: Procedure | null;
  departments: Department[];
}

/** Who, what, where it stands and when it is due. */
export function DossierHeader({ dossier, procedure, departments }: Props) {
  const step = dossier.currentStep;
  return (
    <div className="dossier-header">
      <p className="dossier-procedure">{procedure?.name ?? `Thủ tục ${dossier.procedureCode}`}</p>
      <p className="dossier-state">
        <span className={`state state--${dossier.state}`}>{dossier.stateLabel}</span> <DossierBadges dossier={dossier} />
      </p>
      <dl className="facts">
        <div>
          <dt>Người nộp</dt>
          <dd>
            {dossier.applicant.fullName}
            <span className="muted"> — số định danh {dossier.applicant.idNumber}</span>
          </dd>
        </div>
        {(dossier.applicant.phone || dossier.applicant.email) && (
          <div>
            <dt>Liên hệ</dt>
            <dd>{[dossier.applicant.phone, dossier.applicant.email].filter(Boolean).join(' · ')}</dd>
          </div>
        )}
        {dossier.applicant.address && (
          <div>
            <dt>Địa chỉ</dt>
            <dd>{dossier.applicant.address}</dd>
          </div>
        )}
        {dossier.submissionRef && (
          <div>
            <dt>Mã nộp hồ sơ</dt>
            <dd>
              <span className="dossier-code">{dossier.submissionRef}</span>
              {dossier.receiptCode === null && <span className="muted"> — mã hồ sơ được cấp khi tiếp nhận</span>}
            </dd>
          </div>
        )}
        <div>
          <dt>Hình thức nộp</dt>
          <dd>{CHANNEL_LABELS[dossier.channel] ?? dossier.channel}</dd>
        </div>
        <div>
          <dt>Ngày nộp</dt>
          <dd>{formatDateTime(dossier.submittedAt)}</dd>
        </div>
        <div>
          <dt>Ngày tiếp nhận</dt>
          <dd>{formatDateTime(dossier.receivedAt)}</dd>
        </div>
        <div>
          <dt>Ngày hẹn trả</dt>
          <dd>
            <strong>{formatDateTime(dossier.appointmentAt)}</strong>
            {dossier.dueAt && dossier.appointmentAt && dossier.dueAt !== dossier.appointmentAt && (
              <span className="muted"> (hạn giải quyết theo quy định {formatDateTime(dossier.dueAt)})</span>
            )}
            {dossier.provisional && (
              <span className="badge" title="Năm này chưa có thông báo chính thức về lịch nghỉ lễ; ngày được tính theo quy định của Bộ luật Lao động và có thể thay đổi.">
                {' '}
                Tạm tính
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>Bước hiện tại</dt>
          <dd>
            {step ? (
              <>
                Bước {step.index + 1}/{step.count}: {step.name} — {departmentName(departments, step.departmentCode)}
                {dossier.stepDueAt && <span className="muted"> (hạn bước {formatDateTime(dossier.stepDueAt)})</span>}
              </>
            ) : (
              '—'
            )}
          </dd>
        </div>
        {dossier.pausedAt && (
          <div>
            <dt>Tạm dừng từ</dt>
            <dd>{formatDateTime(dossier.pausedAt)} (chờ công dân bổ sung)</dd>
          </div>
        )}
        {dossier.pausedWorkingMinutes > 0 && (
          <div>
            <dt>Đã tạm dừng</dt>
            <dd>{formatMinutes(dossier.pausedWorkingMinutes)} làm việc</dd>
          </div>
        )}
        {dossier.finishedAt && (
          <div>
            <dt>Kết thúc</dt>
            <dd>{formatDateTime(dossier.finishedAt)}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
