import { monthPeriod, type Period } from './period';
import type { IndicatorReport } from './score';

/** Most months a trend spans: two years, each one report. */
export const MAX_TREND_MONTHS = 24;

/**
 * The `count` calendar months that end with month `month` of `year`, oldest first: the periods
 * of the dashboard's trend (each judged like any report, so the last one may be provisional).
 */
export function trailingMonths(year: number, month: number, count: number): Period[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_TREND_MONTHS) throw new RangeError(`A trend spans 1 to ${MAX_TREND_MONTHS} months, not ${count}`);
  const last = monthPeriod(year, month);
  const index = year * 12 + (month - 1);
  return Array.from({ length: count }, (_, i) => {
    const k = index - (count - 1) + i;
    return k === index ? last : monthPeriod(Math.floor(k / 12), (k % 12) + 1);
  });
}

/**
 * Every rate of a report by key, the ratio indicators' and the measures' (the average time, 2.2,
 * has no rate): null where the period had nothing to count, so a trend line shows a gap.
 */
export function ratesOf(report: IndicatorReport): Record<string, number | null> {
  const rates: Record<string, number | null> = {};
  for (const result of report.indicators) if (result.kind !== 'average_time') rates[result.key] = result.rate;
  for (const measure of report.measures) rates[measure.key] = measure.rate;
  return rates;
}
