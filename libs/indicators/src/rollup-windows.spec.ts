import fc from 'fast-check';
import { dayRangeParts, mergeSums, windowsOf, type RollupDays } from './rollup-windows';

const DAY_MS = 86_400_000;
const dayString = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * DAY_MS).toISOString().slice(0, 10);
/** Days 2020-01-01 … about 2026: month ends, leap days and year ends included. */
const dayIndex = fc.integer({ min: 0, max: 2400 });

describe('dayRangeParts: a day range as whole months and loose days', () => {
  it('covers exactly the days of the range, each once (every day of 2020–2026 checked against the parts)', () => {
    fc.assert(
      fc.property(fc.option(dayIndex, { nil: null }), dayIndex, (fromIndex, toIndex) => {
        const from = fromIndex === null ? null : dayString(fromIndex);
        const to = dayString(toIndex);
        const parts = dayRangeParts(from, to);
        // Plain comparisons per day, one expectation per run: 2,450 `expect` calls a run took a minute.
        const wrong: Array<[string, number]> = [];
        for (let i = 0; i <= 2450; i += 1) {
          const day = dayString(i);
          const inRange = (from === null || day >= from) && day < to;
          const inMonths = parts.months !== null && (parts.months.from === null || day.slice(0, 7) >= parts.months.from) && day.slice(0, 7) < parts.months.to;
          const inDays = parts.days.filter((d) => day >= d.from && day < d.to).length;
          if (Number(inMonths) + inDays !== (inRange ? 1 : 0)) wrong.push([day, Number(inMonths) + inDays]);
        }
        expect(wrong).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('a quarter is three whole months; a prefix up to mid-month is months plus the days of that month', () => {
    expect(dayRangeParts('2026-01-01', '2026-04-01')).toEqual({ months: { from: '2026-01', to: '2026-04' }, days: [] });
    expect(dayRangeParts(null, '2026-04-15')).toEqual({ months: { from: null, to: '2026-04' }, days: [{ from: '2026-04-01', to: '2026-04-15' }] });
    expect(dayRangeParts('2026-01-15', '2026-02-01')).toEqual({ months: null, days: [{ from: '2026-01-15', to: '2026-02-01' }] });
    expect(dayRangeParts('2026-12-20', '2027-01-10')).toEqual({ months: null, days: [{ from: '2026-12-20', to: '2027-01-01' }, { from: '2027-01-01', to: '2027-01-10' }] });
    expect(dayRangeParts('2026-03-01', '2026-03-01')).toEqual({ months: null, days: [] });
  });
});

describe('windowsOf and mergeSums', () => {
  const days: RollupDays = { fromDay: '2026-01-01', toDay: '2026-04-01', asOfDay: '2026-04-03' };
  it('a day of the period is within it and before its end; an earlier ended day is before its start', () => {
    expect(windowsOf({ series: 'received', day: '2026-02-10', receivedDay: null }, days)).toEqual(['within', 'before_to']);
    expect(windowsOf({ series: 'ended', day: '2025-12-31', receivedDay: null }, days)).toEqual(['before_from']);
    expect(windowsOf({ series: 'ended', day: '2026-04-01', receivedDay: null }, days)).toEqual([]);
    expect(windowsOf({ series: 'on_time_until', day: '2025-06-01', receivedDay: null }, days)).toEqual(['before_to']);
  });
  it('crossing buckets count only at the two midnights, for dossiers received in the period', () => {
    expect(windowsOf({ series: 'crossing', day: '2026-04-01', receivedDay: '2026-03-20' }, days)).toEqual(['cross_to']);
    expect(windowsOf({ series: 'crossing', day: '2026-04-03', receivedDay: '2026-03-20' }, days)).toEqual(['cross_as_of']);
    expect(windowsOf({ series: 'crossing', day: '2026-04-01', receivedDay: '2025-12-20' }, days)).toEqual([]);
    expect(windowsOf({ series: 'crossing', day: '2026-04-02', receivedDay: '2026-03-20' }, days)).toEqual([]);
  });
  it('adds up parts of one sum and drops zeros', () => {
    const part = { window: 'within' as const, series: 'received' as const, counter: 'online', procedureCode: 'P1' };
    expect(mergeSums([{ ...part, value: 2 }, { ...part, value: 3 }, { ...part, counter: 'postal', value: 0 }])).toEqual([{ ...part, value: 5 }]);
  });
});
