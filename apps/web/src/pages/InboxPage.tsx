import { useCallback, useEffect, useRef, useState } from 'react';
import { claimDossier, exportDossiers, listDossiers, tabCounts } from '../api/dossiers';
import { describeError } from '../api/errors';
import { DOSSIER_STATES, type AssignedTo, type DeadlineStatus, type DossierListItem, type DossierPage, type DossierQuery, type DossierState, type SavedFilter, type TabCounts, type User } from '../api/types';
import { ErrorAlert } from '../components/Alert';
import { DossierBadges } from '../components/Badges';
import { SelectField, TextField } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { saveFile } from '../components/open-file';
import { formatDateTime, formatTime } from '../format/datetime';
import { DEADLINE_LABELS, STATE_LABELS } from '../format/labels';
import { departmentName, useCatalogue } from '../hooks/useCatalogue';
import { useVisibleInterval } from '../hooks/useInterval';
import { paths } from '../hooks/useRoute';
import { BulkForward, canForward } from './inbox/BulkForward';
import { SavedFilters } from './inbox/SavedFilters';
import { TAB_LABELS, workingTimeLeft, WorklistTabs, type InboxTab } from './inbox/WorklistTabs';
import { Pager } from '../components/Pager';

export const INBOX_REFRESH_MS = 20_000;
const PAGE_SIZE = 20;

export interface InboxFilters {
  state: DossierState | '';
  deadlineStatus: DeadlineStatus | '';
  mine: boolean;
  /** Held by me ("của tôi"), by nobody ("chưa giao"), or either. */
  assignedTo: AssignedTo | '';
  text: string;
  /** Open work by default; closed dossiers only on their own tab. */
  tab: InboxTab;
}

/** Specialists and leaders start with what waits for their department; clerks see everything. */
export function defaultFilters(user: User): InboxFilters {
  const handlesSteps = user.roles.some((r) => r === 'specialist' || r === 'leader');
  return { state: '', deadlineStatus: '', mine: handlesSteps, assignedTo: '', text: '', tab: 'open' };
}

/** The filters a saved query stands for (what it does not name is cleared). */
export function fromQuery(q: SavedFilter['query']): InboxFilters {
  return { state: q.state ?? '', deadlineStatus: q.deadlineStatus ?? '', mine: q.mine ?? false, assignedTo: q.assignedTo ?? '', text: q.text ?? '', tab: q.tab ?? 'all' };
}

const ASSIGNED_LABELS: Record<AssignedTo, string> = { me: 'Của tôi', nobody: 'Chưa giao cho ai' };

export function toQuery(f: InboxFilters, page: number): DossierQuery {
  return {
    state: f.state || undefined,
    deadlineStatus: f.deadlineStatus || undefined,
    mine: f.mine || undefined,
    assignedTo: f.assignedTo || undefined,
    text: f.text.trim() || undefined,
    tab: f.tab === 'all' ? undefined : f.tab,
    page,
    pageSize: PAGE_SIZE,
  };
}

/** The inbox: sorted by due time on the server, refreshed every 20 s while visible. */
export function InboxPage({ user, active = true }: { user: User; active?: boolean }) {
  const { procedures, departments } = useCatalogue();
  const [filters, setFilters] = useState<InboxFilters>(() => defaultFilters(user));
  const [text, setText] = useState(''); // typed; applied after a pause
  const [page, setPage] = useState(1);
  const [data, setData] = useState<DossierPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadedAt, setLoadedAt] = useState<Date | null>(null);
  const [counts, setCounts] = useState<TabCounts | null>(null);
  /** Open dossiers that arrived since the user last looked (same filters), found by polling. */
  const [newWork, setNewWork] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const lastOpen = useRef<{ key: string; open: number } | null>(null);
  const seq = useRef(0);
  const canFilterMine = user.roles.some((r) => r === 'specialist' || r === 'leader');

  const refresh = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const query = toQuery(filters, page);
      const [result, tabs] = await Promise.all([listDossiers(query), tabCounts(query)]);
      if (mine !== seq.current) return; // a newer request has been sent
      const key = JSON.stringify({ ...query, tab: undefined, page: undefined });
      const before = lastOpen.current;
      if (before && before.key === key && tabs.open > before.open) setNewWork((n) => n + tabs.open - before.open);
      lastOpen.current = { key, open: tabs.open };
      setCounts(tabs);
      setData(result);
      // A selection only holds rows still listed and still forwardable.
      setSelected((s) => new Set(result.items.filter((d) => s.has(d.id) && canForward(d)).map((d) => d.id)));
      setError(null);
      setLoadedAt(new Date());
    } catch (err) {
      if (mine === seq.current) setError(describeError(err).message);
    }
  }, [filters, page]);

  useEffect(() => {
    if (active) void refresh();
  }, [refresh, active]);
  useVisibleInterval(() => void refresh(), INBOX_REFRESH_MS, active);

  useEffect(() => {
    const t = setTimeout(() => {
      setFilters((f) => (f.text === text ? f : { ...f, text }));
      setPage(1);
    }, 350);
    return () => clearTimeout(t);
  }, [text]);

  const change = (patch: Partial<InboxFilters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const [exporting, setExporting] = useState(false);
  const doExport = async () => {
    setExporting(true);
    try {
      saveFile(await exportDossiers(toQuery(filters, 1)), 'danh-sach-ho-so.xlsx');
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setExporting(false);
    }
  };

  const claim = async (d: DossierListItem) => {
    try {
      await claimDossier(d.id, d.version);
      setError(null);
    } catch (err) {
      setError(`${d.code}: ${describeError(err).message}`);
    }
    void refresh();
  };

  // Bulk forwarding shows only when some listed dossier may be forwarded by this user.
  const bulk = !!data && data.items.some(canForward);
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const procedureName = (code: string) => procedures.find((p) => p.code === code)?.name ?? code;

  return (
    <div className="inbox-page">
      <PageTitle title="Danh sách hồ sơ" focus={active}>
        Danh sách hồ sơ
      </PageTitle>
      <form className="filters" role="search" aria-label="Lọc hồ sơ" onSubmit={(e) => {
        e.preventDefault();
        setFilters((f) => ({ ...f, text }));
        setPage(1);
      }}>
        <TextField label="Tìm theo mã hồ sơ, tên hoặc số định danh" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <SelectField label="Trạng thái" value={filters.state} onChange={(e) => change({ state: e.target.value as DossierState | '' })}>
          <option value="">Tất cả trạng thái</option>
          {DOSSIER_STATES.map((s) => (
            <option key={s} value={s}>
              {STATE_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Thời hạn" value={filters.deadlineStatus} onChange={(e) => change({ deadlineStatus: e.target.value as DeadlineStatus | '' })}>
          <option value="">Tất cả</option>
          {(Object.keys(DEADLINE_LABELS) as DeadlineStatus[]).map((s) => (
            <option key={s} value={s}>
              {DEADLINE_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Người xử lý" value={filters.assignedTo} onChange={(e) => change({ assignedTo: e.target.value as AssignedTo | '' })}>
          <option value="">Tất cả</option>
          {(Object.keys(ASSIGNED_LABELS) as AssignedTo[]).map((a) => (
            <option key={a} value={a}>
              {ASSIGNED_LABELS[a]}
            </option>
          ))}
        </SelectField>
        {canFilterMine && (
          <div className="field field--checkbox">
            <input id="inbox-mine" type="checkbox" checked={filters.mine} onChange={(e) => change({ mine: e.target.checked })} />
            <label htmlFor="inbox-mine">Chỉ hồ sơ đang chờ đơn vị tôi xử lý</label>
          </div>
        )}
        <div className="filters-refresh">
          <button type="button" className="button button--small" onClick={() => void refresh()}>
            Làm mới
          </button>
          <button type="button" className="button button--small" onClick={() => void doExport()} disabled={exporting} aria-busy={exporting}>
            {exporting ? 'Đang xuất…' : 'Xuất Excel (.xlsx)'}
          </button>
          <span className="muted" aria-live="off">
            {loadedAt ? `Cập nhật lúc ${formatTime(loadedAt)}, tự làm mới mỗi 20 giây` : 'Đang tải…'}
          </span>
        </div>
      </form>

      <SavedFilters
        current={(({ page: _p, pageSize: _s, ...q }) => q)(toQuery(filters, 1))}
        onApply={(query) => {
          const next = fromQuery(query);
          setText(next.text);
          change(next);
        }}
      />

      <ErrorAlert message={error} />
      <p className={newWork > 0 ? 'alert alert--warning new-work' : 'visually-hidden'} role="status">
        {newWork > 0 && (
          <>
            Có {newWork} hồ sơ mới cần xử lý.{' '}
            <button type="button" className="button button--small" onClick={() => {
              setNewWork(0);
              change({ tab: 'open' });
            }}>
              Xem hồ sơ mới
            </button>
          </>
        )}
      </p>
      <WorklistTabs tab={filters.tab} counts={counts} onSelect={(tab) => {
        if (tab === 'open') setNewWork(0);
        change({ tab });
      }} />

      <div role="tabpanel" id="worklist-panel" aria-labelledby={`worklist-tab-${filters.tab}`}>
      {/* Kept mounted once the list is there, so its report stays after the forwarded rows leave. */}
      {data && <BulkForward selected={data.items.filter((d) => selected.has(d.id))} onDone={() => void refresh()} />}
      <table className="dossier-table">
        <caption>
          {data ? `${TAB_LABELS[filters.tab]}: ${data.total} hồ sơ${filters.tab === 'closed' ? ', kết thúc gần nhất ở trên' : ', hồ sơ gần hạn nhất ở trên'}` : 'Đang tải danh sách hồ sơ'}
        </caption>
        <thead>
          <tr>
            {bulk && <th scope="col">Chọn</th>}
            <th scope="col">Mã hồ sơ</th>
            <th scope="col">Người nộp</th>
            <th scope="col">Thủ tục</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Đang ở</th>
            <th scope="col">Người xử lý</th>
            <th scope="col">Hạn bước hiện tại</th>
            <th scope="col">Thời gian làm việc còn lại</th>
            <th scope="col">Hẹn trả</th>
          </tr>
        </thead>
        <tbody>
          {data?.items.map((d) => (
            <tr key={d.id} className={!d.processingEndedAt && d.deadlineStatus && d.deadlineStatus !== 'on_track' ? `row--${d.deadlineStatus}` : undefined}>
              {bulk && (
                <td>
                  {canForward(d) && (
                    <>
                      <input id={`select-${d.id}`} type="checkbox" checked={selected.has(d.id)} onChange={(e) => toggle(d.id, e.target.checked)} />
                      <label htmlFor={`select-${d.id}`} className="visually-hidden">
                        Chọn hồ sơ {d.code}
                      </label>
                    </>
                  )}
                </td>
              )}
              <td>
                <a href={paths.dossier(d.id)} className="dossier-code">
                  {d.code}
                </a>
              </td>
              <td>
                {d.applicant.fullName}
                <div className="muted">{d.applicant.idNumber}</div>
              </td>
              <td className="cell-procedure">{procedureName(d.procedureCode)}</td>
              <td>
                {d.stateLabel} <DossierBadges dossier={d} />
              </td>
              <td>{d.currentStep ? `${d.currentStep.name} — ${departmentName(departments, d.currentStep.departmentCode)}` : '—'}</td>
              <td>
                {d.assignee ? d.assignee.fullName : d.currentStep ? <span className="muted">Chưa giao</span> : '—'}
                {d.assignmentActions.includes('CLAIM') && (
                  <div>
                    <button type="button" className="button button--small" onClick={() => void claim(d)} aria-label={`Nhận xử lý hồ sơ ${d.code}`}>
                      Nhận xử lý
                    </button>
                  </div>
                )}
              </td>
              <td>{d.currentStep && !d.processingEndedAt ? formatDateTime(d.stepDueAt) : '—'}</td>
              <td className={d.stepWorkingMinutesLeft != null && d.stepWorkingMinutesLeft < 0 ? 'time-left time-left--late' : 'time-left'}>{workingTimeLeft(d.stepWorkingMinutesLeft)}</td>
              <td>{formatDateTime(d.appointmentAt)}</td>
            </tr>
          ))}
          {data && data.items.length === 0 && (
            <tr>
              <td colSpan={bulk ? 10 : 9} className="muted">
                Không có hồ sơ nào phù hợp.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      </div>

      {data && <Pager page={page} pages={pages} onPage={setPage} />}
    </div>
  );
}
