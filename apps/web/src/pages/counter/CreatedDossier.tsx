import { useEffect, useRef, useState } from 'react';
import { getDossier } from '../../api/dossiers';
import type { Dossier, EventType, Procedure } from '../../api/types';
import { EventPanel } from '../../components/EventPanel';
import { ReceiptButton } from '../../components/ReceiptButton';
import { formatDateTime } from '../../format/datetime';
import { CHANNEL_LABELS } from '../../format/labels';
import { missingRequired, OPEN_FOR_COMPONENTS, useDossierFiles } from '../../hooks/useDossierFiles';
import { paths } from '../../hooks/useRoute';
import { ComponentChecklist } from '../dossier/ComponentChecklist';

/**
 * The new dossier at the counter: code and appointment to read out, the receipt to print,
 * the component checklist to scan into, then "Hoàn thành số hóa".
 */
export function CreatedDossier({ dossier: created, procedure, onNext }: { dossier: Dossier; procedure: Procedure | null; onNext(): void }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const [dossier, setDossier] = useState(created);
  useEffect(() => ref.current?.focus(), [created.id]);
  const files = useDossierFiles(dossier.id);
  const components = procedure?.components ?? [];
  const missing = missingRequired(components, files.files);
  const blocked: Partial<Record<EventType, string>> = {};
  if (!files.loaded) blocked.COMPLETE_DIGITISATION = 'đang tải danh sách tệp…';
  else if (missing.length) blocked.COMPLETE_DIGITISATION = `còn thiếu tệp của ${missing.length} thành phần bắt buộc: ${missing.map((c) => c.name).join('; ')}.`;

  return (
    <div className="created-layout">
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
            <dd data-testid="created-state">{dossier.stateLabel}</dd>
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
          {dossier.receivedAt && <ReceiptButton dossierId={dossier.id} primary />}
          <a className="button" href={paths.dossier(dossier.id)}>
            Mở hồ sơ {dossier.code}
          </a>
          <button type="button" className="button" onClick={onNext}>
            Tiếp nhận hồ sơ khác
          </button>
        </div>
      </section>
      {components.length > 0 && (
        <ComponentChecklist
          dossier={dossier}
          components={components}
          files={files.files}
          editable={OPEN_FOR_COMPONENTS.includes(dossier.state)}
          onAdded={files.add}
        />
      )}
      {files.error && (
        <p className="alert alert--error" role="alert">
          Không tải được danh sách tệp: {files.error}
        </p>
      )}
      {dossier.allowedEvents.includes('COMPLETE_DIGITISATION') || dossier.state !== created.state ? (
        <section className="card" aria-labelledby="digitise-title">
          <h2 id="digitise-title">Hoàn thành số hóa</h2>
          <p className="muted">Khi mọi thành phần bắt buộc đã có tệp, xác nhận hoàn thành số hóa để chuyển hồ sơ sang bước xử lý đầu tiên.</p>
          <EventPanel
            dossier={dossier}
            only={['COMPLETE_DIGITISATION']}
            label={`Số hóa hồ sơ ${dossier.code}`}
            blocked={blocked}
            onChanged={(next) => setDossier(next)}
            reload={async () => setDossier(await getDossier(dossier.id))}
          />
        </section>
      ) : null}
    </div>
  );
}
