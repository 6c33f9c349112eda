/** Invariants of the working-time arithmetic, checked with fast-check over 2023–2028 (files and computed years). */
import fc from 'fast-check';
import schedule2024 from '@config/holidays/2024.json';
import schedule2025 from '@config/holidays/2025.json';
import schedule2026 from '@config/holidays/2026.json';
import { createWorkingCalendar, defaultCalendarConfig, parseYearSchedule, type WorkingCalendar } from './index';

const SCHEDULES = [schedule2024, schedule2025, schedule2026].map((json, i) => parseYearSchedule(json, `${2024 + i}.json`));
const MINUTE = 60_000;

const calendars: Array<[string, WorkingCalendar]> = [
  ['official schedules, default hours', createWorkingCalendar(defaultCalendarConfig(SCHEDULES))],
  [
    'six-day week, winter hours, UTC+0',
    createWorkingCalendar(
      defaultCalendarConfig(SCHEDULES, {
        weekendDays: [0],
        utcOffsetMinutes: 0,
        seasons: [{ from: '10-01', to: '03-31', sessions: [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }] }],
      }),
    ),
  ],
];

const MIN = Date.parse('2023-06-01T00:00:00Z');
const MAX = Date.parse('2028-06-30T00:00:00Z');
/** Any instant, or one within a minute of a session boundary (where off-by-one errors live). */
const instant = fc.oneof(
  fc.integer({ min: MIN, max: MAX }).map((ms) => new Date(ms)),
  fc
    .tuple(
      fc.integer({ min: MIN / 86_400_000, max: MAX / 86_400_000 }),
      fc.constantFrom(0, 7 * 60 + 30, 12 * 60, 13 * 60, 13 * 60 + 30, 17 * 60),
      fc.integer({ min: -1, max: 1 }),
      fc.constantFrom(-1, 0, 1, 0),
    )
    .map(([day, minuteOfDay, minuteShift, msShift]) => new Date(day * 86_400_000 + (minuteOfDay + minuteShift - 420) * MINUTE + msShift)),
);
const wholeMinute = fc.integer({ min: MIN / MINUTE, max: MAX / MINUTE }).map((m) => new Date(m * MINUTE));
const minutes = fc.integer({ min: 0, max: 480 * 45 });
const days = fc.integer({ min: 0, max: 40 });

describe.each(calendars)('working-time invariants (%s)', (_label, calendar) => {
  /** In working time, or exactly on the end of a session. */
  const onWorkingTimeOrSessionEnd = (d: Date): boolean =>
    calendar.isWorkingTime(d) || (calendar.isWorkingTime(new Date(d.getTime() - 1)) && !calendar.isWorkingTime(d));

  it('measuring what was added gives it back: between(next(x), add(x, m)) = m', () => {
    fc.assert(
      fc.property(instant, minutes, (x, m) => {
        const due = calendar.addWorkingMinutes(x, m);
        expect(calendar.workingMinutesBetween(calendar.nextWorkingInstant(x), due)).toBe(m);
        expect(calendar.workingMinutesBetween(x, due)).toBe(m);
      }),
      { numRuns: 300 },
    );
  });

  it('results fall in working time or exactly on a session end', () => {
    fc.assert(
      fc.property(instant, minutes, days, (x, m, n) => {
        expect(onWorkingTimeOrSessionEnd(calendar.addWorkingMinutes(x, m))).toBe(true);
        expect(onWorkingTimeOrSessionEnd(calendar.addWorkingDays(x, n))).toBe(true);
        expect(onWorkingTimeOrSessionEnd(calendar.addWorkingHours(x, m / 60))).toBe(true);
        expect(calendar.isWorkingTime(calendar.nextWorkingInstant(x))).toBe(true);
        const calendarDue = calendar.addCalendarDays(x, n);
        expect(calendar.isWorkingTime(calendarDue)).toBe(false);
        expect(calendar.isWorkingTime(new Date(calendarDue.getTime() - 1))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotonic in the amount and in the start', () => {
    fc.assert(
      fc.property(instant, instant, days, days, (x, y, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(calendar.addWorkingDays(x, lo).getTime()).toBeLessThanOrEqual(calendar.addWorkingDays(x, hi).getTime());
        expect(calendar.addCalendarDays(x, lo).getTime()).toBeLessThanOrEqual(calendar.addCalendarDays(x, hi).getTime());
        const [early, late] = x <= y ? [x, y] : [y, x];
        expect(calendar.addWorkingDays(early, a).getTime()).toBeLessThanOrEqual(calendar.addWorkingDays(late, a).getTime());
        expect(calendar.addWorkingDays(x, a).getTime()).toBeGreaterThanOrEqual(x.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('composes: add(x, a + b) = add(add(x, a), b)', () => {
    fc.assert(
      fc.property(instant, days, days, minutes, minutes, (x, a, b, m1, m2) => {
        expect(calendar.addWorkingDays(calendar.addWorkingDays(x, a), b).getTime()).toBe(calendar.addWorkingDays(x, a + b).getTime());
        expect(calendar.addWorkingMinutes(calendar.addWorkingMinutes(x, m1), m2).getTime()).toBe(
          calendar.addWorkingMinutes(x, m1 + m2).getTime(),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('measures additively and never lands past a target in working time', () => {
    fc.assert(
      fc.property(instant, instant, instant, (p, q, r) => {
        const [a, b, c] = [p, q, r].sort((u, v) => u.getTime() - v.getTime());
        const ms = (u: Date, v: Date): number => Math.round(calendar.workingMinutesBetween(u, v) * MINUTE);
        expect(ms(a, b) + ms(b, c)).toBe(ms(a, c));
        const reached = calendar.addWorkingMinutes(a, calendar.workingMinutesBetween(a, c));
        expect(reached.getTime()).toBeLessThanOrEqual(Math.max(c.getTime(), calendar.nextWorkingInstant(a).getTime()));
        expect(calendar.workingMinutesBetween(reached, c)).toBe(0);
      }),
    );
  });

  it('nextWorkingInstant is idempotent and skips no working time', () => {
    fc.assert(
      fc.property(instant, (x) => {
        const next = calendar.nextWorkingInstant(x);
        expect(next.getTime()).toBeGreaterThanOrEqual(x.getTime());
        expect(calendar.nextWorkingInstant(next).getTime()).toBe(next.getTime());
        expect(calendar.workingMinutesBetween(x, next)).toBe(0);
      }),
    );
  });

  it('agrees with a minute-by-minute reference implementation', () => {
    const working = (t: number): boolean => calendar.isWorkingTime(new Date(t));
    const reference = (x: Date, m: number): number => {
      let t = x.getTime();
      // Adding 0 stays on a session end (closed sessions); otherwise counting starts at working time.
      if (m === 0) {
        while (!working(t) && !working(t - 1)) t += MINUTE;
        return t;
      }
      while (!working(t)) t += MINUTE;
      for (let left = m; left > 0; t += MINUTE) if (working(t)) left--;
      return t;
    };
    fc.assert(
      fc.property(wholeMinute, fc.integer({ min: 0, max: 1500 }), (x, m) => {
        expect(calendar.addWorkingMinutes(x, m).getTime()).toBe(reference(x, m));
      }),
      { numRuns: 60 },
    );
  });
});
