import { useCallback, useEffect, useRef, useState } from 'react';
import { getDossier, listDossiers } from '../../api/dossiers';
import { describeError } from '../../api/errors';
import type { Dossier, EventType, Procedure } from '../../api/types';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { EventPanel } from '../../components/EventPanel';
import { formatDateTime, formatTime } from '../../format/datetime';
import { CHANNEL_LABELS, EVENT_LABELS } from '../../format/labels';
import { useVisibleInterval } from '../../hooks/useInterval';
import { paths } from '../../hooks/useRoute';

const INTAKE_EVENTS: readonly EventType[] = ['ACCEPT', 'REJECT', 'REQUEST_SUPPLEMENT'];
const REFRESH_MS = 20_000;

/** Online and postal dossiers waiting at the counter, with Accept / Reject / Request supplement. */
export function SubmittedList({
  procedures,
  active,
  refreshKey = 0,
  onCount,
}: {
  procedures: Procedure[];
  active: boolean;
  /** Changing it fetches the list now. */
  refreshKey?: number;
  onCount?(n: number): void;
}) {
  const [items, setItems] = useState<Dossier[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [loadedAt, setLoadedAt] = useState<Date | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const seq = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const page = await listDossiers({ state: 'submitted', pageSize: 100 });
      if (mine !== seq.current) return;
      setItems(page.items);
      setTotal(page.total);
      setError(null);
      setLoadedAt(new Date());
      onCount?.(page.total);
    } catch (err) {
      if (mine === seq.current) setError(describeError(err).message);
    }
  }, [onCount]);

  useEffect(() => {
    if (active) void refresh();
  }, [active, refresh, refreshKey]);
  useVisibleInterval(() => void refresh(), REFRESH_MS, active);

  const replace = (next: Dossier) => setItems((all) => all.map((d) => (d.id === next.id ? next : d)));

  return (
    <section aria-labelledby="submitted-title">
      <div className="section-head">
        <h2 id="submitted-title">Hồ sơ trực tuyến, bưu chính chờ tiếp nhận ({total})</h2>
        <span className="muted">{loadedAt ? `Cập nhật lúc ${formatTime(loadedAt)}` : 'Đang tải…'}</span>
        <button type="button" className="button button--small" onClick={() => void refresh()}>
          Làm mới
        </button>
      </div>
      <StatusMessage message={status} />
      <ErrorAlert message={error} />
      {items.length === 0 && loadedAt && <p className="muted">Không có hồ sơ nào đang chờ tiếp nhận.</p>}
      <ul className="card-list">
        {items.map((d) => (
          <li key={d.id} className="card">
            <div className="card-head">
              <a href={paths.dossier(d.id)} className="dossier-code">
                {d.code}
              </a>
              <span className="tag">{CHANNEL_LABELS[d.channel]}</span>
              <span className="muted">Nộp lúc {formatDateTime(d.submittedAt)}</span>
            </div>
            <p>
              <strong>{d.applicant.fullName}</strong> — {d.applicant.idNumber}
            </p>
            <p className="muted">{procedures.find((p) => p.code === d.procedureCode)?.name ?? d.procedureCode}</p>
            <EventPanel
              dossier={d}
              only={INTAKE_EVENTS}
              label={`Thao tác với hồ sơ ${d.code}`}
              onChanged={async (next) => {
                const last = next.state === 'received' ? EVENT_LABELS.ACCEPT : next.stateLabel;
                // Named as the clerk saw it in the list (the submission reference); acceptance gives it its receipt code.
                const receipt = next.receiptCode && next.receiptCode !== d.code ? ` Mã hồ sơ: ${next.receiptCode}.` : '';
                setStatus(`Hồ sơ ${d.code}: ${last}.${receipt} Ngày hẹn trả: ${formatDateTime(next.appointmentAt)}.`);
                replace(next);
                await refresh();
              }}
              reload={async () => {
                try {
                  replace(await getDossier(d.id));
                } catch {
                  await refresh();
                }
              }}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
