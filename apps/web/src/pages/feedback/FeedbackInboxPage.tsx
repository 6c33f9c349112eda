import { FEEDBACK_CATEGORIES, FEEDBACK_CATEGORY_LABELS_VI, FEEDBACK_STATE_LABELS_VI, FEEDBACK_STATES } from '@motcua/workflow/vocabulary';
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../../api/errors';
import { listFeedback, type FeedbackCategory, type FeedbackPage, type FeedbackState } from '../../api/feedback';
import { ErrorAlert } from '../../components/Alert';
import { SelectField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../format/datetime';
import { departmentName, useCatalogue } from '../../hooks/useCatalogue';
import { paths } from '../../hooks/useRoute';
import { OpenPhases } from './PhaseClocks';
import { Pager } from '../../components/Pager';

const PAGE_SIZE = 20;

export interface FeedbackFilters {
  state: FeedbackState | '';
  category: FeedbackCategory | '';
  departmentCode: string;
  overdue: boolean;
}

const NO_FILTERS: FeedbackFilters = { state: '', category: '', departmentCode: '', overdue: false };

/**
 * Staff inbox of feedback and petitions (phản ánh, kiến nghị): scoped by the API like dossiers
 * (a specialist sees their department's), most urgent first, with each open phase's due time
 * and working time left.
 */
export function FeedbackInboxPage() {
  const { departments } = useCatalogue();
  const [filters, setFilters] = useState<FeedbackFilters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<FeedbackPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const result = await listFeedback({
        state: filters.state || undefined,
        category: filters.category || undefined,
        departmentCode: filters.departmentCode || undefined,
        overdue: filters.overdue || undefined,
        page,
        pageSize: PAGE_SIZE,
      });
      if (mine !== seq.current) return;
      setData(result);
      setError(null);
    } catch (err) {
      if (mine === seq.current) setError(describeError(err).message);
    }
  }, [filters, page]);

  useEffect(() => {
    void load();
  }, [load]);

  const change = (patch: Partial<FeedbackFilters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <div className="inbox-page">
      <PageTitle title="Phản ánh, kiến nghị">Phản ánh, kiến nghị</PageTitle>
      <form className="filters" role="search" aria-label="Lọc phản ánh, kiến nghị" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Trạng thái" value={filters.state} onChange={(e) => change({ state: e.target.value as FeedbackState | '' })}>
          <option value="">Tất cả trạng thái</option>
          {FEEDBACK_STATES.map((s) => (
            <option key={s} value={s}>
              {FEEDBACK_STATE_LABELS_VI[s]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Loại" value={filters.category} onChange={(e) => change({ category: e.target.value as FeedbackCategory | '' })}>
          <option value="">Tất cả</option>
          {FEEDBACK_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {FEEDBACK_CATEGORY_LABELS_VI[c]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Đơn vị xử lý" value={filters.departmentCode} onChange={(e) => change({ departmentCode: e.target.value })}>
          <option value="">Tất cả</option>
          {departments.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          ))}
        </SelectField>
        <div className="field field--checkbox">
          <input id="feedback-overdue" type="checkbox" checked={filters.overdue} onChange={(e) => change({ overdue: e.target.checked })} />
          <label htmlFor="feedback-overdue">Chỉ phản ánh, kiến nghị quá hạn xử lý</label>
        </div>
        <div className="filters-refresh">
          <button type="button" className="button button--small" onClick={() => void load()}>
            Làm mới
          </button>
        </div>
      </form>
      <ErrorAlert message={error} />
      <table className="dossier-table">
        <caption>{data ? `${data.total} phản ánh, kiến nghị, gần hạn nhất ở trên` : 'Đang tải danh sách phản ánh, kiến nghị'}</caption>
        <thead>
          <tr>
            <th scope="col">Mã</th>
            <th scope="col">Tiêu đề</th>
            <th scope="col">Người gửi</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Loại, đơn vị xử lý</th>
            <th scope="col">Ngày tiếp nhận</th>
            <th scope="col">Thời hạn đang tính</th>
          </tr>
        </thead>
        <tbody>
          {data?.items.map((f) => (
            <tr key={f.id}>
              <td>
                <a href={paths.feedback(f.id)} className="dossier-code">
                  {f.code}
                </a>
              </td>
              <td>{f.title}</td>
              <td>{f.author.fullName}</td>
              <td>{f.stateLabel}</td>
              <td>
                {f.categoryLabel ?? 'Chưa phân loại'}
                {f.departmentCode && <div className="muted">{departmentName(departments, f.departmentCode)}</div>}
              </td>
              <td>{formatDateTime(f.receivedAt)}</td>
              <td>
                <OpenPhases phases={f.phases} />
              </td>
            </tr>
          ))}
          {data && data.items.length === 0 && (
            <tr>
              <td colSpan={7} className="muted">
                Không có phản ánh, kiến nghị nào phù hợp.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {data && <Pager page={page} pages={pages} onPage={setPage} />}
    </div>
  );
}
