import { applyDayOverrides } from './schedule-overrides';
import { CalendarRangeError, CLASSIFIABLE_YEARS, isSupportedYear, SUPPORTED_YEARS, tryParseInstant } from './supported-range';
import { createWorkingCalendar } from './working-calendar';
import { defaultCalendarConfig } from './calendar-config';

describe('the years the calendar supports', () => {
  const calendar = createWorkingCalendar(defaultCalendarConfig([]));

  it('are 1801–2197: every operation works on each of them, the first and last included', () => {
    expect(SUPPORTED_YEARS).toEqual({ first: 1801, last: 2197 });
    expect(CLASSIFIABLE_YEARS).toEqual({ first: 1800, last: 2198 });
    for (const year of [SUPPORTED_YEARS.first, SUPPORTED_YEARS.first + 1, 2026, SUPPORTED_YEARS.last - 1, SUPPORTED_YEARS.last]) {
      expect(calendar.nonWorkingDays(year).length).toBeGreaterThan(0);
      expect(calendar.extraWorkingDays(year)).toEqual([]);
      expect(() => createWorkingCalendar(defaultCalendarConfig(applyDayOverrides([], [{ date: `${year}-12-31`, kind: 'day_off', name: 'x' }])))).not.toThrow();
      expect(() => createWorkingCalendar(defaultCalendarConfig(applyDayOverrides([], [{ date: `${year}-01-01`, kind: 'working_day', name: 'x' }])))).not.toThrow();
    }
  });

  it('refuses anything outside with a CalendarRangeError (a RangeError), never the lunar algorithm’s own error', () => {
    for (const year of [0, 1799, 1800, 2198, 2199, 9999]) {
      expect(isSupportedYear(year)).toBe(false);
      expect(() => calendar.nonWorkingDays(year)).toThrow(CalendarRangeError);
      expect(() => applyDayOverrides([], [{ date: `${String(year).padStart(4, '0')}-06-01`, kind: 'day_off', name: 'x' }])).toThrow(CalendarRangeError);
    }
    expect(() => calendar.isWorkingDay('2199-06-02')).toThrow(CalendarRangeError);
    expect(new CalendarRangeError('x')).toBeInstanceOf(RangeError);
  });

  it('answers a computation that runs past the end with a CalendarRangeError', () => {
    const from = new Date('2197-06-01T09:00:00+07:00');
    expect(() => calendar.addWorkingDays(from, 3650)).toThrow(CalendarRangeError);
    expect(() => calendar.addCalendarDays(from, 3650)).toThrow(CalendarRangeError);
    expect(calendar.addWorkingDays(from, 100).getTime()).toBeGreaterThan(from.getTime());
  });
});

describe('tryParseInstant', () => {
  it.each([
    ['2026-02-12T09:00:00+07:00', '2026-02-12T02:00:00.000Z'],
    ['2026-02-12T02:00Z', '2026-02-12T02:00:00.000Z'],
    ['2026-02-12t09:00:00.1234+07:00', '2026-02-12T02:00:00.123Z'],
    ['2026-12-31T23:59:59-12:00', '2027-01-01T11:59:59.000Z'],
    ['1801-01-02T00:00:00Z', '1801-01-02T00:00:00.000Z'],
    ['2197-12-31T00:00:00Z', '2197-12-31T00:00:00.000Z'],
  ])('reads %s', (text, iso) => expect(tryParseInstant(text)?.toISOString()).toBe(iso));

  it.each([
    '2026-W01',
    '20260101T000000Z',
    '2026-01-01',
    '2026-01-01T09:00:00',
    '2026-02-30T09:00:00+07:00',
    '2026-02-29T09:00:00Z',
    '2026-01-01T24:00:00+07:00',
    '2026-01-01T10:60:00Z',
    '2026-01-01T10:00:60Z',
    '2026-13-01T10:00:00Z',
    '2026-00-10T10:00:00Z',
    '2026-01-01T10:00:00+15:00',
    '2026-01-01T10:00:00+07:60',
    '0001-01-01T00:00:00Z',
    '1801-01-01T00:00:00Z',
    '2199-12-31T10:00:00Z',
    '9999-12-31T23:59:59Z',
    '+2026-01-01T00:00:00Z',
    ' 2026-01-01T00:00:00Z',
  ])('refuses %j', (text) => expect(tryParseInstant(text)).toBeUndefined());

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 0, new Date(), {}]) expect(tryParseInstant(value)).toBeUndefined();
  });

  it('takes a leap day of a leap year', () => {
    expect(tryParseInstant('2028-02-29T12:00:00+07:00')?.toISOString()).toBe('2028-02-29T05:00:00.000Z');
  });
});
