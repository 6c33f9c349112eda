import { useCallback, useEffect, useState } from 'react';
import { END_STATES, RESULT_STATES } from '@motcua/workflow/vocabulary';
import { getProcedure } from '../api/catalogue';
import { getDossier, getHistory } from '../api/dossiers';
import { describeError } from '../api/errors';
import { downloadDocument, removeFile } from '../api/files';
import type { DocumentKind, Dossier, EventType, HistoryEntry, Procedure, User } from '../api/types';
import { ErrorAlert } from '../components/Alert';
import { DossierHeader } from '../components/DossierHeader';
import { EventPanel } from '../components/EventPanel';
import { OpenFileButton } from '../components/OpenFileButton';
import { PageTitle } from '../components/PageTitle';
import { ReceiptButton } from '../components/ReceiptButton';
import { StepProgress } from '../components/StepProgress';
import { Timeline } from '../components/Timeline';
import { formatTime } from '../format/datetime';
import { useCatalogue } from '../hooks/useCatalogue';
import { missingRequired, OPEN_FOR_COMPONENTS, useDossierFiles } from '../hooks/useDossierFiles';
import { paths } from '../hooks/useRoute';
import { ComponentChecklist } from './dossier/ComponentChecklist';
import { FilesSection } from './dossier/FilesSection';
import { PaymentPanel } from './dossier/PaymentPanel';
import { ResultPanel } from './dossier/ResultPanel';
import { AssignmentPanel } from './dossier/AssignmentPanel';
import { ApplicantCorrection } from './dossier/ApplicantCorrection';

/** Papers printed for events of the dossier, offered once the event happened. */
const PAPERS: { kind: DocumentKind; label: string; events: string[] }[] = [
  { kind: 'supplement-request', label: 'In phiếu yêu cầu bổ sung', events: ['REQUEST_SUPPLEMENT'] },
  { kind: 'refusal', label: 'In phiếu từ chối', events: ['REFUSE', 'REJECT'] },
  { kind: 'apology', label: 'In thư xin lỗi, hẹn lại', events: ['APOLOGISE'] },
];

/**
 * One dossier: who and when, the actions the server allows now, its files (components,
 * result with the signature verdict), payment, the steps and the history.
 */
export function DossierPage({ id, user }: { id: string; user?: User }) {
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
  const files = useDossierFiles(id);
  const isClerk = !!user?.roles.includes('clerk');
  const components = procedure?.components ?? [];
  // Until the result is issued, the counter and the leader may correct the applicant's data (audited).
  const canCorrect =
    !!dossier && !dossier.imported && !!user?.roles.some((r) => r === 'clerk' || r === 'leader') && !RESULT_STATES.includes(dossier.state) && !END_STATES.includes(dossier.state);
  const results = files.files.filter((f) => f.purpose === 'result');

  // Actions the server allows that would fail now: say why beside the button.
  const blocked: Partial<Record<EventType, string>> = {};
  if (files.loaded && procedure) {
    const missing = missingRequired(components, files.files);
    if (missing.length) blocked.COMPLETE_DIGITISATION = `còn thiếu tệp của ${missing.length} thành phần bắt buộc: ${missing.map((c) => c.name).join('; ')}.`;
  }
  if (files.loaded && results.length === 0) blocked.ISSUE_RESULT = 'cần tải lên tệp kết quả giải quyết (mục «Kết quả giải quyết») trước.';

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
            {(dossier.receivedAt || (isClerk && dossier.publicLookupUrl)) && (
              <div className="card dossier-documents">
                {dossier.receivedAt && <ReceiptButton dossierId={dossier.id} />}
                {dossier.receivedAt && <OpenFileButton label="In phiếu kiểm soát quá trình giải quyết" load={() => downloadDocument(dossier.id, 'control-slip')} />}
                {PAPERS.filter((p) => history.some((h) => p.events.includes(h.type))).map((p) => (
                  <OpenFileButton key={p.kind} label={p.label} load={() => downloadDocument(dossier.id, p.kind)} />
                ))}
                {isClerk && dossier.publicLookupUrl && (
                  <p className="lookup-link">
                    Đường dẫn tra cứu cho công dân:{' '}
                    <a href={dossier.publicLookupUrl} target="_blank" rel="noopener" data-testid="public-lookup-url">
                      {dossier.publicLookupUrl}
                    </a>
                  </p>
                )}
              </div>
            )}
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
                blocked={blocked}
                components={procedure?.components}
              />
            </section>
            {dossier.currentStep && (
              <AssignmentPanel
                dossier={dossier}
                onChanged={async (next) => {
                  setDossier(next);
                  setHistory(await getHistory(id).catch(() => history));
                }}
              />
            )}
            {canCorrect && (
              <ApplicantCorrection
                key={`${dossier.id}-${dossier.version}`}
                dossier={dossier}
                onChanged={async (next) => {
                  setDossier(next);
                  setHistory(await getHistory(id).catch(() => history));
                }}
              />
            )}
            {procedure && components.length > 0 && (isClerk && OPEN_FOR_COMPONENTS.includes(dossier.state)) && (
              <ComponentChecklist dossier={dossier} components={components} files={files.files} editable onAdded={files.add} />
            )}
            {(dossier.allowedEvents.includes('ISSUE_RESULT') || results.length > 0) && (
              <ResultPanel dossierId={dossier.id} results={results} canUpload={dossier.allowedEvents.includes('ISSUE_RESULT')} onAdded={files.add} />
            )}
            {isClerk && dossier.feeApplies && !dossier.imported && <PaymentPanel key={dossier.id} dossierId={dossier.id} paidWith={dossier.paymentMethod} />}
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
          <div className="dossier-wide">
            <FilesSection
              files={files.files}
              components={components}
              loaded={files.loaded}
              error={files.error}
              removable={(f) =>
                !dossier.imported &&
                ((f.purpose === 'component' && isClerk && OPEN_FOR_COMPONENTS.includes(dossier.state)) || (f.purpose === 'result' && dossier.allowedEvents.includes('ISSUE_RESULT')))
              }
              onRemove={async (f, reason) => {
                await removeFile(f.id, dossier.version, reason);
                await Promise.all([files.reload(), load()]);
              }}
            />
          </div>
        </div>
      )}
    </div>
  );
}
