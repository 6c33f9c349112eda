import type { IndicatorResult } from '../../api/types';
import { formatPercent, formatPoints } from '../../format/labels';
import { DRILL_DOWN } from './DossiersBehindPanel';

/** How the dashboard writes a figure that is not applicable. */
export const NA = 'Không áp dụng';
const UNIT_LABELS: Record<string, string> = { working_days: 'ngày làm việc', working_hours: 'giờ làm việc', calendar_days: 'ngày' };

/** `numerator/denominator`, a button that lists the dossiers behind it when the number has a dossier list. */
export function RatioCell({ itemKey, numerator, denominator, title, onDrill }: { itemKey: string; numerator: number; denominator: number; title: string; onDrill?: (key: string, title: string) => void }) {
  const text = `${numerator}/${denominator}`;
  if (!onDrill || !DRILL_DOWN[itemKey] || denominator === 0) return <>{text}</>;
  return (
    <button type="button" className="link-button" onClick={() => onDrill(itemKey, title)} aria-label={`${text}: xem hồ sơ của ${title}`}>
      {text}
    </button>
  );
}

export function IndicatorTable({ indicators, onDrill }: { indicators: IndicatorResult[]; onDrill?: (key: string, title: string) => void }) {
  return (
    <table className="dossier-table indicators-table">
      <caption className="visually-hidden">Các chỉ số theo Quyết định 766/QĐ-TTg</caption>
      <thead>
        <tr>
          <th scope="col">Mã</th>
          <th scope="col">Chỉ số</th>
          <th scope="col">Tử số / mẫu số</th>
          <th scope="col">Tỷ lệ</th>
          <th scope="col">Điểm</th>
        </tr>
      </thead>
      <tbody>
        {indicators.map((i) => (
          <tr key={i.key} data-indicator={i.key}>
            <td>{i.key}</td>
            <td>
              {i.nameVi}
              {!i.applicable && i.naReasonVi && <div className="muted small">{i.naReasonVi}</div>}
              {i.unverified.length > 0 && (
                <details className="small">
                  <summary>Điểm chưa xác minh ({i.unverified.length})</summary>
                  <ul>
                    {i.unverified.map((u) => (
                      <li key={u}>{u}</li>
                    ))}
                  </ul>
                </details>
              )}
            </td>
            <td data-testid={`ratio-${i.key}`}>
              {i.kind === 'average_time' ? (
                i.completed ? (
                  `${i.completed} hồ sơ`
                ) : (
                  '—'
                )
              ) : (
                <RatioCell itemKey={i.key} numerator={i.numerator ?? 0} denominator={i.denominator ?? 0} title={`${i.key} ${i.nameVi}`} onDrill={onDrill} />
              )}
            </td>
            <td data-testid={`rate-${i.key}`}>
              {i.kind === 'average_time'
                ? typeof i.average === 'number'
                  ? `${formatPoints(i.average)} ${UNIT_LABELS[i.unit ?? 'working_days']}`
                  : NA
                : formatPercent(i.rate ?? null)}
              {i.kind === 'ratio' && i.breakdown?.kind === 'online' && 'syncRate' in i.breakdown && (
                <div className="muted small">
                  Tỷ lệ nộp trực tuyến {formatPercent(i.breakdown.onlineShare)} × tỷ lệ đồng bộ {formatPercent(i.breakdown.syncRate)}
                </div>
              )}
              {i.kind === 'ratio' && i.rate !== null && !i.applicable && <div className="muted small">Không tính điểm</div>}
            </td>
            <td>{i.scored ? (i.score === null ? NA : `${formatPoints(i.score)}/${formatPoints(i.maxPoints)}`) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
