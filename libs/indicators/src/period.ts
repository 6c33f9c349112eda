/**
 * Reporting periods. Boundaries are local days in Asia/Ho_Chi_Minh, a fixed UTC+7 offset
 * (Vietnam has no daylight saving): a period is the half-open instant range
 * `[from, to)` = [00:00 local of the first day, 24:00 local of the last day).
 */

import { vietnamDay, vietnamInstant, vietnamWallClock } from '@motcua/calendar/vietnam-time';

export { VIETNAM_UTC_OFFSET_MINUTES } from '@motcua/calendar/vietnam-time';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year' | 'custom';

export interface Period {
  kind: PeriodKind;
  /** First instant of the period (00:00 local of the first day), inclusive. */
  from: Date;
  /**
   * The instant the period is judged at, exclusive: its end (24:00 local of the last day), or
   * "now" for a period not yet ended (see {@link judgePeriod}). Every rule reads the dossiers
   * as they stood at `to`.
   */
  to: Date;
  /** Machine label: `2025-03`, `2025-Q1`, `2025-H1`, `2025`, `2025-03-01..2025-03-15`, `2025-03s` (statistical). */
  label: string;
  /** Vietnamese label: `Tháng 3/2025`, `Quý I/2025`, `6 tháng đầu năm 2025`, `Năm 2025`, `Từ 01/03/2025 đến 15/03/2025`. */
  labelVi: string;
  /** The period's own end when it is judged before it; absent = `to`. */
  endsAt?: Date;
  /** True when the period has not ended: the figures are as of `to` (= now) and will still change. */
  provisional?: boolean;
  /**
   * When the report is computed (≥ `to`; absent = `to`). Only 2.2 reads it: the method counts
   * dossiers received in the period and completed by now, "the end may fall in a later period"
   * (DOMAIN.md §1.5).
   */
  asOf?: Date;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** 00:00 Vietnamese time of a day; month 13 / day 32 roll over (period ends). */
function localMidnight(year: number, month: number, day: number): Date {
  return vietnamInstant(year, month, day);
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1970 || year > 9999) throw new RangeError(`Invalid year: ${year}`);
}

/** Calendar month `m` (1–12) of year `y`. */
export function monthPeriod(year: number, month: number): Period {
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Invalid month: ${month}`);
  return {
    kind: 'month',
    from: localMidnight(year, month, 1),
    to: localMidnight(year, month + 1, 1),
    label: `${year}-${String(month).padStart(2, '0')}`,
    labelVi: `Tháng ${month}/${year}`,
  };
}

/** Quarter `q` (1–4) of year `y`. */
export function quarterPeriod(year: number, quarter: number): Period {
  checkYear(year);
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`Invalid quarter: ${quarter}`);
  return {
    kind: 'quarter',
    from: localMidnight(year, 3 * quarter - 2, 1),
    to: localMidnight(year, 3 * quarter + 1, 1),
    label: `${year}-Q${quarter}`,
    labelVi: `Quý ${ROMAN[quarter - 1]}/${year}`,
  };
}

/** First (`1`, January–June) or second (`2`, July–December) half of year `y`. */
export function halfYearPeriod(year: number, half: number): Period {
  checkYear(year);
  if (half !== 1 && half !== 2) throw new RangeError(`Invalid half: ${half}`);
  return {
    kind: 'half',
    from: localMidnight(year, 6 * half - 5, 1),
    to: localMidnight(year, 6 * half + 1, 1),
    label: `${year}-H${half}`,
    labelVi: half === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`,
  };
}

/** Calendar year `y`. */
export function yearPeriod(year: number): Period {
  checkYear(year);
  return { kind: 'year', from: localMidnight(year, 1, 1), to: localMidnight(year + 1, 1, 1), label: `${year}`, labelVi: `Năm ${year}` };
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDay(text: string): { year: number; month: number; day: number } {
  const m = ISO_DAY.exec(text);
  if (!m) throw new RangeError(`Invalid date (expected YYYY-MM-DD): ${text}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  checkYear(year);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`Invalid date: ${text}`);
  }
  return { year, month, day };
}

const viDay = (d: { year: number; month: number; day: number }) =>
  `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`;

/** Local days `firstDay` to `lastDay`, both included (`YYYY-MM-DD`). */
export function customPeriod(firstDay: string, lastDay: string): Period {
  const a = parseDay(firstDay);
  const b = parseDay(lastDay);
  const from = localMidnight(a.year, a.month, a.day);
  const to = localMidnight(b.year, b.month, b.day + 1);
  if (to.getTime() <= from.getTime()) throw new RangeError(`Period ends before it starts: ${firstDay}..${lastDay}`);
  return { kind: 'custom', from, to, label: `${firstDay}..${lastDay}`, labelVi: `Từ ${viDay(a)} đến ${viDay(b)}` };
}

/**
 * The statistical version of a month, quarter, half or year: the national reporting cut-off
 * runs from day `cutoffDay` of the month before to day `cutoffDay − 1` of the last month
 * (15th to 14th under ND 09/2019/NĐ-CP on the reporting regime — UNVERIFIED for TTHC
 * statistics, so the day is configuration). `period` must be a calendar month, quarter, half or year.
 */
export function statisticalPeriod(period: Period, cutoffDay: number): Period {
  if (!Number.isInteger(cutoffDay) || cutoffDay < 2 || cutoffDay > 28) throw new RangeError(`Invalid cut-off day: ${cutoffDay}`);
  if (period.kind === 'custom') throw new RangeError('A custom period has no statistical version');
  const shift = (instant: Date) => {
    // The cut-off day of the month before the boundary's month (month is 1-based: `month - 1`).
    const local = vietnamWallClock(instant);
    return localMidnight(local.year, local.month - 1, cutoffDay);
  };
  const from = shift(period.from);
  const to = shift(period.to);
  const lastDay = localDay(new Date(to.getTime() - 1));
  const label = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  return {
    kind: period.kind,
    from,
    to,
    label: `${period.label}s${cutoffDay}`,
    labelVi: `${period.labelVi} (kỳ thống kê từ ${label(localDay(from))} đến ${label(lastDay)})`,
  };
}

/**
 * `period` judged at `now`. A period that has ended is judged at its end; one still running
 * is judged as of `now` (`to` = the instant after now, `provisional`): a dossier not yet due is
 * in progress, not late (DOMAIN.md §1.5, "current period"). `asOf` = now in both cases. Throws
 * when the period has not started.
 */
export function judgePeriod(period: Period, now: Date): Period {
  if (now.getTime() <= period.from.getTime()) throw new RangeError(`Period ${period.label} has not started at ${now.toISOString()}`);
  const end = period.endsAt ?? period.to;
  const asOf = new Date(now.getTime());
  if (now.getTime() >= end.getTime()) return { ...period, to: end, endsAt: end, provisional: false, asOf };
  // `to` is exclusive: what happened at `now` itself has happened.
  const to = new Date(Math.min(now.getTime() + 1, end.getTime()));
  return { ...period, to, endsAt: end, provisional: to.getTime() < end.getTime(), asOf };
}

/** The instant the report is computed at (2.2): `asOf`, or the judged end. */
export function reportInstant(period: Period): Date {
  return period.asOf ?? period.to;
}

/** Local calendar day (`YYYY-MM-DD`, UTC+7) of an instant. */
export function localDay(instant: Date): string {
  return vietnamDay(instant);
}
