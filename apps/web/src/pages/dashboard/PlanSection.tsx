import type { FullProcessServices, PlanLine } from '../../api/types';
import { formatPercent } from '../../format/labels';

/** Actual figures against the plan's targets, and the full-process services that received online dossiers. */
export function PlanSection({ plan, fullProcess }: { plan: readonly PlanLine[]; fullProcess: FullProcessServices | null }) {
  return (
    <section className="card" aria-labelledby="plan-title">
      <h2 id="plan-title">So sánh với chỉ tiêu kế hoạch</h2>
      {fullProcess && (
        <p data-testid="full-process-share">
          Dịch vụ công trực tuyến toàn trình có hồ sơ trực tuyến trong kỳ: <strong>{fullProcess.fullProcessServicesWithOnlineDossier}</strong>/
          {fullProcess.fullProcessServices} dịch vụ
          {fullProcess.fullProcessServices > 0 &&
            ` (${formatPercent((fullProcess.fullProcessServicesWithOnlineDossier / fullProcess.fullProcessServices) * 100)})`}
          .
        </p>
      )}
      <table className="dossier-table">
        <caption className="visually-hidden">Kết quả so với chỉ tiêu</caption>
        <thead>
          <tr>
            <th scope="col">Chỉ tiêu</th>
            <th scope="col">Kết quả</th>
            <th scope="col">Chỉ tiêu</th>
            <th scope="col">Đánh giá</th>
          </tr>
        </thead>
        <tbody>
          {plan.map((l, i) => (
            <tr key={l.id ?? i}>
              <td>
                {l.nameVi}
                <div className="muted small">{l.sentenceVi}</div>
              </td>
              <td>{formatPercent(l.actual)}</td>
              <td>{l.target === null ? 'Chưa đặt' : `${l.direction === 'at_most' ? '≤' : '≥'} ${formatPercent(l.target)}`}</td>
              <td>
                {l.met === null ? (
                  <span className="muted">{l.target === null ? 'Chưa đặt chỉ tiêu' : 'Chưa có số liệu'}</span>
                ) : l.met ? (
                  <span className="badge badge--on_track">Đạt</span>
                ) : (
                  <span className="badge badge--overdue">Chưa đạt{l.shortfall ? ` (thiếu ${l.shortfall})` : ''}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
