import fc from 'fast-check';
import { formatVietnamDateTime, toVietnamIso, VIETNAM_UTC_OFFSET_MINUTES, vietnamDay, vietnamInstant, vietnamWallClock } from './vietnam-time';

describe('Vietnamese civil time (UTC+7, no daylight saving)', () => {
  it('reads the wall clock seven hours ahead of UTC, across a day and a year', () => {
    expect(vietnamWallClock(new Date('2025-12-31T17:00:00.000Z'))).toEqual({ year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0, weekday: 4 });
    expect(vietnamWallClock(new Date('2026-02-26T02:05:06.007Z'))).toMatchObject({ year: 2026, month: 2, day: 26, hour: 9, minute: 5, second: 6, millisecond: 7 });
  });

  it('has the same offset in summer and winter', () => {
    expect(vietnamWallClock(new Date('2026-07-01T00:00:00Z')).hour).toBe(7);
    expect(vietnamWallClock(new Date('2026-01-01T00:00:00Z')).hour).toBe(7);
    expect(VIETNAM_UTC_OFFSET_MINUTES).toBe(7 * 60);
  });

  it('makes the instant of a wall-clock time, rolling over like Date.UTC', () => {
    expect(vietnamInstant(2026, 1, 1).toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(vietnamInstant(2026, 2, 26, 9, 30).toISOString()).toBe('2026-02-26T02:30:00.000Z');
    expect(vietnamInstant(2025, 13, 1)).toEqual(vietnamInstant(2026, 1, 1));
  });

  it('names the Vietnamese day of an instant: 23:59 local is still that day, 00:00 the next', () => {
    expect(vietnamDay(new Date('2026-03-31T16:59:59.999Z'))).toBe('2026-03-31');
    expect(vietnamDay(new Date('2026-03-31T17:00:00.000Z'))).toBe('2026-04-01');
  });

  it('writes ISO 8601 with +07:00 that reads back to the same instant', () => {
    const instant = new Date('2026-02-26T02:00:00.123Z');
    expect(toVietnamIso(instant)).toBe('2026-02-26T09:00:00.123+07:00');
    expect(new Date(toVietnamIso(instant)).getTime()).toBe(instant.getTime());
  });

  it('round-trips wall clock and instant for any instant', () => {
    for (let t = Date.UTC(1999, 11, 31, 12); t < Date.UTC(2031, 0, 1); t += 604_799_937) {
      const c = vietnamWallClock(new Date(t));
      expect(vietnamInstant(c.year, c.month, c.day, c.hour, c.minute, c.second, c.millisecond).getTime()).toBe(t);
    }
  });

  it('refuses an invalid Date instead of printing NaN', () => {
    expect(() => vietnamWallClock(new Date('nope'))).toThrow(RangeError);
    expect(() => vietnamDay(new Date(NaN))).toThrow(RangeError);
    expect(() => toVietnamIso(new Date(NaN))).toThrow(RangeError);
  });
});

describe('formatVietnamDateTime', () => {
  it('shows the instant as dd/mm/yyyy HH:mm in Viet Nam, across the UTC day boundary', () => {
    expect(formatVietnamDateTime(new Date('2026-02-26T02:05:00Z'))).toBe('26/02/2026 09:05');
    expect(formatVietnamDateTime(new Date('2026-12-31T17:30:00Z'))).toBe('01/01/2027 00:30');
  });
});

describe('vietnamDay formatted by hand', () => {
  it('equals the ISO date of the instant shifted to UTC+7, for instants from year 1 to 9999 and beyond', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_135_596_800_000, max: 260_000_000_000_000 }), (t) => {
        expect(vietnamDay(new Date(t))).toBe(new Date(t + 7 * 3_600_000).toISOString().slice(0, 10));
      }),
      { numRuns: 5000 },
    );
  });
});
