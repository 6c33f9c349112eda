import { useEffect, useState } from 'react';
import { describeError } from '../../api/errors';
import { getIndicatorTrend } from '../../api/indicators';
import type { TrendPoint } from '../../api/types';
import { TrendChart, type TrendSeries } from './TrendChart';

/** The headline indicators (the trend's lines, the grouped table's columns): on time, digitisation, satisfaction. */
export const HEADLINE_INDICATORS = [
  { key: '2.1', label: '2.1 Đúng hạn' },
  { key: '4.2', label: '4.2 Số hóa hồ sơ' },
  { key: '5.4', label: '5.4 Hài lòng' },
];
const MONTHS = 12;

type TrendState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'loaded'; points: TrendPoint[] };

/** The twelve months ending with the month of `lastDay` (`YYYY-MM-DD`), computed by the server in one request. */
function useTrend(lastDay: string, active: boolean): TrendState {
  const [state, setState] = useState<TrendState>({ status: 'loading' });
  useEffect(() => {
    if (!active || !lastDay) return;
    const [year, month] = lastDay.split('-').map(Number);
    const abort = new AbortController();
    setState({ status: 'loading' });
    getIndicatorTrend({ year, month, months: MONTHS }, abort.signal).then(
      ({ months }) => setState({ status: 'loaded', points: months }),
      (err) => !abort.signal.aborted && setState({ status: 'failed', message: describeError(err).message }),
    );
    return () => abort.abort();
  }, [lastDay, active]);
  return state;
}

/** `2026-03` → `03/2026`, as the chart's axis shows months. */
const monthLabel = (label: string) => label.split('-').reverse().join('/');

export function TrendSection({ lastDay, active }: { lastDay: string; active: boolean }) {
  const trend = useTrend(lastDay, active);
  const months = trend.status === 'loaded' ? trend.points.map((p) => monthLabel(p.label)) : [];
  const series: TrendSeries[] =
    trend.status === 'loaded' ? HEADLINE_INDICATORS.map((t) => ({ key: t.key, label: t.label, values: trend.points.map((p) => p.rates[t.key] ?? null) })) : [];
  return (
    <section className="card" aria-labelledby="trend-title">
      <h2 id="trend-title">Xu hướng {MONTHS} tháng</h2>
      {trend.status === 'loading' && <p className="muted">Đang tải số liệu {MONTHS} tháng…</p>}
      {trend.status === 'failed' && <p className="alert alert--warning">Không tải được số liệu {MONTHS} tháng: {trend.message}</p>}
      {trend.status === 'loaded' && (
        <TrendChart months={months} series={series} title={`Tỷ lệ theo tháng, ${months[0]} – ${months[months.length - 1]} (tháng không có hồ sơ để trống)`} />
      )}
    </section>
  );
}
