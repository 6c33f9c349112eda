import { useEffect, useRef } from 'react';
import type { Dossier, Procedure } from '../../api/types';
import { formatDateTime } from '../../format/datetime';
import { CHANNEL_LABELS } from '../../format/labels';
import { paths } from '../../hooks/useRoute';

/** The receipt on screen: code and appointment, to read out to the applicant. */
export function CreatedDossier({ dossier, procedure, onNext }: { dossier: Dossier; procedure: Procedure | null; onNext(): void }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), [dossier.id]);
  return (
    <section className="created card" aria-labelledby="created-title">
      <h2 id="created-title" ref={ref} tabIndex={-1}>
        Đã tạo hồ sơ
      </h2>
      <dl className="facts">
        <div>
          <dt>Mã hồ sơ</dt>
          <dd className="dossier-code" data-testid="created-code">
            {dossier.code}
          </dd>
        </div>
        <div>
          <dt>Thủ tục</dt>
          <dd>{procedure?.name ?? dossier.procedureCode}</dd>
        </div>
        <div>
          <dt>Người nộp</dt>
          <dd>
            {dossier.applicant.fullName} — {dossier.applicant.idNumber}
          </dd>
        </div>
        <div>
          <dt>Hình thức nộp</dt>
          <dd>{CHANNEL_LABELS[dossier.channel]}</dd>
        </div>
        <div>
          <dt>Trạng thái</dt>
          <dd>{dossier.stateLabel}</dd>
        </div>
        <div>
          <dt>Ngày hẹn trả kết quả</dt>
          <dd>
            <strong data-testid="created-appointment">
              {dossier.appointmentAt ? formatDateTime(dossier.appointmentAt) : 'Chưa có — hồ sơ chưa được tiếp nhận'}
            </strong>
          </dd>
        </div>
      </dl>
      <div className="form-actions">
        <a className="button button--primary" href={paths.dossier(dossier.id)}>
          Mở hồ sơ {dossier.code}
        </a>
        <button type="button" className="button" onClick={onNext}>
          Tiếp nhận hồ sơ khác
        </button>
      </div>
    </section>
  );
}
