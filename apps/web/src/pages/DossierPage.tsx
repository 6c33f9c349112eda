import { useCallback, useEffect, useState } from 'react';
import { getProcedure } from '../api/catalogue';
import { getDossier, getHistory } from '../api/dossiers';
import { describeError } from '../api/errors';
import type { Dossier, HistoryEntry, Procedure } from '../api/types';
import { ErrorAlert } from '../components/Alert';
import { DossierHeader } from '../components/DossierHeader';
import { EventPanel } from '../components/EventPanel';
import { PageTitle } from '../components/PageTitle';
import { StepProgress } from '../components/StepProgress';
import { Timeline } from '../components/Timeline';
import { formatTime } from '../format/datetime';
import { useCatalogue } from '../hooks/useCatalogue';
import { paths } from '../hooks/useRoute';

/** One dossier: who and when, the actions the server allows now, the steps and the history. */
export function DossierPage({ id }: { id: string }) {
  const { procedures, departments } = useCatalogue();
  const [dossier, setDossier] = useState<Dossier | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [procedure, setProcedure] = useState<Procedure | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadedAt, setLoadedAt] = useState<Date | null>(null);

  const load = useCallback(async () => {
    try {
      const [d, h] = await Promise.all([getDossier(id), getHistory(id)]);
      setDossier(d);
      setHistory(h);
      setError(null);
      setLoadedAt(new Date());
    } catch (err) {
      setError(describeError(err).message);
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  // The procedure's name and steps: from the shared catalogue, else asked for directly.
  const code = dossier?.procedureCode;
  useEffect(() => {
    if (!code) return;
    const known = procedures.find((p) => p.code === code);
    if (known) {
      setProcedure(known);
      return;
    }
    let live = true;
    getProcedure(code).then(
      (p) => live && setProcedure(p),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [code, procedures]);

  const steps = procedure?.steps ?? [];

  return (
    <div className="dossier-page">
      <p className="breadcrumb">
        <a href={paths.inbox}>← Danh sách hồ sơ</a>
      </p>
      <PageTitle title={dossier ? `Hồ sơ ${dossier.code}` : 'Hồ sơ'}>{dossier ? `Hồ sơ ${dossier.code}` : 'Hồ sơ'}</PageTitle>
      <ErrorAlert message={error} />
      {!dossier && !error && <p className="muted">Đang tải hồ sơ…</p>}
      {dossier && (
        <div className="dossier-layout">
          <div className="dossier-main">
            <DossierHeader dossier={dossier} procedure={procedure} departments={departments} />
            <section aria-labelledby="actions-title" className="card">
              <div className="section-head">
                <h2 id="actions-title">Thao tác</h2>
                <span className="muted">{loadedAt ? `Dữ liệu lúc ${formatTime(loadedAt)}` : ''}</span>
                <button type="button" className="button button--small" onClick={() => void load()}>
                  Tải lại
                </button>
              </div>
              <EventPanel
                key={dossier.id}
                dossier={dossier}
                onChanged={async (next) => {
                  setDossier(next);
                  setHistory(await getHistory(id).catch(() => history));
                  setLoadedAt(new Date());
                }}
                reload={load}
              />
            </section>
          </div>
          <div className="dossier-side">
            {steps.length > 0 && (
              <section aria-labelledby="steps-title" className="card">
                <h2 id="steps-title">Các bước xử lý</h2>
                <StepProgress steps={steps} dossier={dossier} history={history} departments={departments} />
              </section>
            )}
            <section aria-labelledby="history-title" className="card">
              <h2 id="history-title">Lịch sử xử lý</h2>
              <Timeline history={history} steps={steps} departments={departments} />
            </section>
          </div>
        </div>
      )}
    </div>
  );
}
