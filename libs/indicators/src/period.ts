/**
 * Reporting periods. Boundaries are local days in Asia/Ho_Chi_Minh, a fixed UTC+7 offset
 * (Vietnam has no daylight saving): a period is the half-open instant range
 * `[from, to)` = [00:00 local of the first day, 24:00 local of the last day).
 */

/** Vietnam's offset from UTC, in minutes. */
export const VIETNAM_UTC_OFFSET_MINUTES = 420;
const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface Period {
  kind: PeriodKind;
  /** First instant of the period (00:00 local of the first day), inclusive. */
  from: Date;
  /** End of the period (24:00 local of the last day), exclusive. */
  to: Date;
  /** Machine label: `2025-03`, `2025-Q1`, `2025`, `2025-03-01..2025-03-15`. */
  label: string;
  /** Vietnamese label: `Tháng 3/2025`, `Quý I/2025`, `Năm 2025`, `Từ 01/03/2025 đến 15/03/2025`. */
  labelVi: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

function localMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - OFFSET_MS);
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
 * The part of `period` that has already happened at `now`: `to` becomes `min(to, now)`.
 * Use it for the current (unfinished) period, so that a dossier still open is judged
 * at `now` and not at a period end in the future. Throws when the period has not started.
 */
export function periodToDate(period: Period, now: Date): Period {
  if (now.getTime() <= period.from.getTime()) throw new RangeError(`Period ${period.label} has not started at ${now.toISOString()}`);
  if (now.getTime() >= period.to.getTime()) return period;
  return { ...period, to: new Date(now.getTime()) };
}

/** Local calendar day (`YYYY-MM-DD`, UTC+7) of an instant. */
export function localDay(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}
