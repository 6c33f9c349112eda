import { computeIndicators } from './compute';
import { Q1_FACTS } from './indicators.fixtures';
import { monthPeriod, quarterPeriod } from './period';
import type { RatioIndicatorResult } from './score';
import { MAX_TREND_MONTHS, ratesOf, trailingMonths } from './trend';

describe('trailingMonths: the months of a trend', () => {
  it('ends with the month named, oldest first, across a year boundary', () => {
    const months = trailingMonths(2026, 2, 4);
    expect(months.map((p) => p.label)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(months[3]).toEqual(monthPeriod(2026, 2));
  });

  it('twelve months ending in December are the calendar year', () => {
    const months = trailingMonths(2025, 12, 12);
    expect(months[0].from).toEqual(monthPeriod(2025, 1).from);
    expect(months[11].to).toEqual(monthPeriod(2025, 12).to);
    // Consecutive: each month starts where the one before ended.
    for (let i = 1; i < months.length; i++) expect(months[i].from).toEqual(months[i - 1].to);
  });

  it.each([0, -1, 1.5, MAX_TREND_MONTHS + 1])('refuses a span of %p months', (count) => {
    expect(() => trailingMonths(2026, 1, count)).toThrow(RangeError);
  });

  it('refuses a month that does not exist', () => {
    expect(() => trailingMonths(2026, 13, 3)).toThrow(RangeError);
  });
});

describe('ratesOf: every rate of a report by key', () => {
  const report = computeIndicators(Q1_FACTS, quarterPeriod(2025, 1));

  it('takes the ratio indicators and the measures as the report states them', () => {
    const rates = ratesOf(report);
    const onTime = report.indicators.find((i) => i.key === '2.1') as RatioIndicatorResult;
    expect(rates['2.1']).toBe(onTime.rate);
    expect(rates['2.1']).toBe(63.64);
    for (const m of report.measures) expect(rates[m.key]).toBe(m.rate);
  });

  it('leaves out the average time (2.2), which has no rate, and keeps null where nothing was counted', () => {
    const rates = ratesOf(report);
    expect('2.2' in rates).toBe(false);
    const empty = ratesOf(computeIndicators([], quarterPeriod(2025, 1)));
    expect(empty['2.1']).toBeNull();
    expect(empty['4.2']).toBeNull();
  });
});
