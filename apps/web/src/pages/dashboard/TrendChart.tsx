import { useId } from 'react';
import { formatPercent } from '../../format/labels';

export interface TrendSeries {
  key: string;
  label: string;
  /** One value per month, percent; null = not applicable that month. */
  values: (number | null)[];
}

const STYLES = [
  { color: '#0b4f8a', dash: '', marker: 'circle' },
  { color: '#b35c00', dash: '6 4', marker: 'square' },
  { color: '#1c7c3c', dash: '2 3', marker: 'triangle' },
] as const;

const W = 720;
const H = 280;
const PAD = { left: 44, right: 16, top: 16, bottom: 40 };

/**
 * A line chart in plain SVG: months across, 0–100% up. Lines differ by colour, dash and
 * marker (not colour alone); months without data leave a gap. The same numbers are in a
 * table below for screen readers and for copying.
 */
export function TrendChart({ months, series, title }: { months: string[]; series: TrendSeries[]; title: string }) {
  const id = useId();
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (months.length <= 1 ? plotW / 2 : (i * plotW) / (months.length - 1));
  const y = (v: number) => PAD.top + plotH - (Math.max(0, Math.min(100, v)) / 100) * plotH;

  const segments = (values: (number | null)[]) => {
    const out: string[] = [];
    let current: string[] = [];
    values.forEach((v, i) => {
      if (v === null) {
        if (current.length) out.push(current.join(' '));
        current = [];
      } else current.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
    });
    if (current.length) out.push(current.join(' '));
    return out;
  };

  return (
    <figure className="trend">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <ul className="trend-legend" aria-hidden="true">
        {series.map((s, i) => (
          <li key={s.key}>
            <svg width="36" height="12" viewBox="0 0 36 12">
              <line x1="2" y1="6" x2="34" y2="6" stroke={STYLES[i % 3].color} strokeWidth="2.5" strokeDasharray={STYLES[i % 3].dash} />
              <Marker kind={STYLES[i % 3].marker} cx={18} cy={6} color={STYLES[i % 3].color} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <svg className="trend-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-table`} preserveAspectRatio="xMidYMid meet">
        {[0, 25, 50, 75, 100].map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#d5dbe3" strokeWidth="1" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#5a6573">
              {t}%
            </text>
          </g>
        ))}
        {months.map((m, i) => (
          <text key={m} x={x(i)} y={H - PAD.bottom + 16} textAnchor="middle" fontSize="11" fill="#5a6573">
            {m.slice(0, 2)}
            <tspan x={x(i)} dy="13">
              {m.slice(3)}
            </tspan>
          </text>
        ))}
        {series.map((s, si) => {
          const style = STYLES[si % 3];
          return (
            <g key={s.key} data-series={s.key}>
              {segments(s.values).map((points, k) => (
                <polyline key={k} points={points} fill="none" stroke={style.color} strokeWidth="2.5" strokeDasharray={style.dash} strokeLinejoin="round" />
              ))}
              {s.values.map((v, i) => (v === null ? null : <Marker key={i} kind={style.marker} cx={x(i)} cy={y(v)} color={style.color} />))}
            </g>
          );
        })}
      </svg>
      <details className="trend-data">
        <summary>Xem số liệu dạng bảng</summary>
        <table className="dossier-table" id={`${id}-table`}>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Tháng</th>
              {series.map((s) => (
                <th scope="col" key={s.key}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((m, i) => (
              <tr key={m}>
                <th scope="row">{m}</th>
                {series.map((s) => (
                  <td key={s.key}>{formatPercent(s.values[i])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function Marker({ kind, cx, cy, color }: { kind: string; cx: number; cy: number; color: string }) {
  if (kind === 'square') return <rect x={cx - 4} y={cy - 4} width="8" height="8" fill={color} />;
  if (kind === 'triangle') return <polygon points={`${cx},${cy - 5} ${cx + 5},${cy + 4} ${cx - 5},${cy + 4}`} fill={color} />;
  return <circle cx={cx} cy={cy} r="4" fill={color} />;
}
