/**
 * The few sums of bucket counters a closed period's counts need (rollup.ts `countsFromSums`), and
 * how a day range splits into whole months and loose days, so that a store keeping day buckets
 * and month buckets reads a decade of history as ~120 month rows per counter instead of ~3,650
 * day rows (issue #17: "reports that do not grow with history").
 *
 * `windowSums` is the reference: the store's SQL must give the same sums from its tables, which
 * test/integration/indicator-scope.int-spec.ts checks on both dialects.
 */
import type { Period } from './period';
import { localDay, reportInstant } from './period';
import type { RollupEntry, RollupSeries } from './rollup';

/**
 * - `within`: day in [from, to) — received or ended in the period;
 * - `before_to` / `before_from`: day before `to` / before `from` — the prefixes of the scope;
 * - `cross_to` / `cross_as_of`: crossing buckets of the midnight at `to` / before the report
 *   instant, of dossiers received in the period.
 */
export type RollupWindow = 'within' | 'before_to' | 'before_from' | 'cross_to' | 'cross_as_of';

/** One sum: of one counter, over one window, of one series, for one procedure. */
export interface RollupSum {
  window: RollupWindow;
  series: RollupSeries;
  counter: string;
  procedureCode: string;
  value: number;
}

/** The local days that bound a period's windows. */
export interface RollupDays {
  fromDay: string;
  toDay: string;
  asOfDay: string;
}

export function rollupDays(period: Period): RollupDays {
  return { fromDay: localDay(period.from), toDay: localDay(period.to), asOfDay: localDay(reportInstant(period)) };
}

/** Which windows read which series over a day range ([from, to); from null = since the beginning). */
export const DAY_RANGE_WINDOWS: ReadonlyArray<{ window: RollupWindow; series: readonly RollupSeries[]; range: (d: RollupDays) => { from: string | null; to: string } }> = [
  { window: 'within', series: ['received', 'ended'], range: (d) => ({ from: d.fromDay, to: d.toDay }) },
  { window: 'before_to', series: ['received', 'on_time_until'], range: (d) => ({ from: null, to: d.toDay }) },
  { window: 'before_from', series: ['ended'], range: (d) => ({ from: null, to: d.fromDay }) },
];

/** Crossing windows: the midnight of one day, of dossiers received in the period. */
export const CROSSING_WINDOWS: ReadonlyArray<{ window: RollupWindow; day: (d: RollupDays) => string }> = [
  { window: 'cross_to', day: (d) => d.toDay },
  { window: 'cross_as_of', day: (d) => d.asOfDay },
];

/** The windows a bucket belongs to (a bucket can be in several: within ⊂ before_to). */
export function windowsOf(bucket: Pick<RollupEntry, 'series' | 'day' | 'receivedDay'>, days: RollupDays): RollupWindow[] {
  const out: RollupWindow[] = [];
  if (bucket.series === 'crossing') {
    const receivedWithin = bucket.receivedDay !== null && bucket.receivedDay >= days.fromDay && bucket.receivedDay < days.toDay;
    if (receivedWithin) for (const w of CROSSING_WINDOWS) if (bucket.day === w.day(days)) out.push(w.window);
    return out;
  }
  for (const w of DAY_RANGE_WINDOWS) {
    const { from, to } = w.range(days);
    if (w.series.includes(bucket.series) && (from === null || bucket.day >= from) && bucket.day < to) out.push(w.window);
  }
  return out;
}

/** The sums of a period's windows over buckets, by window, series, counter and procedure (zeros dropped). */
export function windowSums(buckets: readonly RollupEntry[], period: Period): RollupSum[] {
  const days = rollupDays(period);
  const sums = new Map<string, RollupSum>();
  for (const bucket of buckets) {
    for (const window of windowsOf(bucket, days)) {
      for (const [counter, value] of Object.entries(bucket.counters)) {
        const key = `${window}|${bucket.series}|${counter}|${bucket.procedureCode}`;
        const sum = sums.get(key) ?? { window, series: bucket.series, counter, procedureCode: bucket.procedureCode, value: 0 };
        sum.value += value;
        sums.set(key, sum);
      }
    }
  }
  return [...sums.values()].filter((s) => s.value !== 0);
}

/** Adds up sums with the same window, series, counter and procedure (a store may return several parts of one). */
export function mergeSums(parts: Iterable<RollupSum>): RollupSum[] {
  const sums = new Map<string, RollupSum>();
  for (const p of parts) {
    const key = `${p.window}|${p.series}|${p.counter}|${p.procedureCode}`;
    const sum = sums.get(key) ?? { ...p, value: 0 };
    sum.value += p.value;
    sums.set(key, sum);
  }
  return [...sums.values()].filter((s) => s.value !== 0);
}

/** A day range of a store with day and month buckets: whole months, and the loose days around them. */
export interface DayRangeParts {
  /** Months [from, to) (`YYYY-MM`; from null = since the beginning), or null for none. */
  months: { from: string | null; to: string } | null;
  /** Day ranges [from, to) (`YYYY-MM-DD`) outside those months. */
  days: Array<{ from: string; to: string }>;
}

const monthOf = (day: string) => day.slice(0, 7);
const isMonthStart = (day: string) => day.endsWith('-01');

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Splits the days [from, to) into whole months and loose days (from null = since the beginning). */
export function dayRangeParts(from: string | null, to: string): DayRangeParts {
  if (from !== null && from >= to) return { months: null, days: [] };
  if (from !== null && monthOf(from) === monthOf(to)) return { months: null, days: [{ from, to }] };
  const days: Array<{ from: string; to: string }> = [];
  let firstMonth: string | null = null;
  if (from !== null) {
    firstMonth = isMonthStart(from) ? monthOf(from) : nextMonth(monthOf(from));
    if (!isMonthStart(from)) days.push({ from, to: `${firstMonth}-01` });
  }
  const lastMonth = monthOf(to);
  if (!isMonthStart(to)) days.push({ from: `${lastMonth}-01`, to });
  const months = firstMonth === null || firstMonth < lastMonth ? { from: firstMonth, to: lastMonth } : null;
  return { months, days };
}
