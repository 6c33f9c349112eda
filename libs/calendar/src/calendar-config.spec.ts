import {
  CalendarConfigError,
  DEFAULT_SESSIONS,
  defaultCalendarConfig,
  resolveCalendarConfig,
  type CalendarConfig,
} from './calendar-config';
import { DEFAULT_STATUTORY_RULES } from './statutory-holidays';
import type { YearSchedule } from './year-schedule';

const schedule = (year: number, optional: YearSchedule['optional'] = []): YearSchedule => ({
  year,
  source: [{ reference: 'test', covers: [] }],
  daysOff: [],
  makeUpDays: [],
  optional,
  notes: [],
});

describe('calendar configuration', () => {
  it('fills every default', () => {
    const schedules = [schedule(2026)];
    expect(defaultCalendarConfig(schedules)).toEqual({
      utcOffsetMinutes: 420,
      sessions: [
        { start: '07:30', end: '12:00' },
        { start: '13:30', end: '17:00' },
      ],
      seasons: [],
      weekendDays: [0, 6],
      schedules,
      optionalDaysOff: {},
      calendarDayPeriodEnd: 'close_of_business',
      statutory: DEFAULT_STATUTORY_RULES,
    });
  });

  it('merges overrides, including partial statutory rules', () => {
    const config = defaultCalendarConfig([], { weekendDays: [0], statutory: { nationalDayAdjacentDay: 'after' } });
    expect(config.weekendDays).toEqual([0]);
    expect(config.statutory).toEqual({ ...DEFAULT_STATUTORY_RULES, nationalDayAdjacentDay: 'after' });
  });

  it('resolves to milliseconds and derives the working-day length from the sessions', () => {
    const resolved = resolveCalendarConfig({});
    expect(resolved.offsetMs).toBe(7 * 3_600_000);
    expect(resolved.sessions).toEqual([27_000_000, 43_200_000, 48_600_000, 61_200_000]);
    expect(resolved.workingDayMs).toBe(8 * 3_600_000);
    expect(resolveCalendarConfig({ sessions: [{ start: '08:00', end: '11:30' }] }).workingDayMs).toBe(3.5 * 3_600_000);
    expect(resolveCalendarConfig({ workingDayMinutes: 450 }).workingDayMs).toBe(450 * 60_000);
    expect(resolveCalendarConfig({ sessions: [{ start: '00:00', end: '24:00' }] }).sessions).toEqual([0, 86_400_000]);
    expect(resolved.onMissingSchedule).toBeUndefined();
    expect(resolved.receiptCutoffMs).toBeUndefined();
    expect(resolveCalendarConfig({ receiptCutoff: '15:00' }).receiptCutoffMs).toBe(15 * 3_600_000);
    expect(DEFAULT_SESSIONS).toHaveLength(2);
  });

  it('accepts seasons, including one wrapping over the new year', () => {
    const resolved = resolveCalendarConfig({
      seasons: [{ name: 'winter', from: '10-01', to: '03-31', sessions: [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }] }],
    });
    expect(resolved.seasons).toEqual([{ from: 1001, to: 331, sessions: [27_000_000, 41_400_000, 46_800_000, 61_200_000] }]);
  });

  it.each<[string, CalendarConfig, RegExp]>([
    ['a fractional offset', { utcOffsetMinutes: 420.5 }, /utcOffsetMinutes/],
    ['an offset beyond +14:00', { utcOffsetMinutes: 900 }, /utcOffsetMinutes/],
    ['no sessions', { sessions: [] }, /sessions: at least one session/],
    ['a malformed time', { sessions: [{ start: '7:30', end: '12:00' }] }, /sessions\[0\]\.start: expected HH:MM/],
    ['a time past 24:00', { sessions: [{ start: '07:30', end: '24:30' }] }, /sessions\[0\]\.end/],
    ['minutes past 59', { sessions: [{ start: '07:60', end: '12:00' }] }, /sessions\[0\]\.start/],
    ['an empty session', { sessions: [{ start: '12:00', end: '12:00' }] }, /must be after start/],
    [
      'overlapping sessions',
      { sessions: [{ start: '07:30', end: '12:00' }, { start: '11:00', end: '17:00' }] },
      /in order and not overlap/,
    ],
    ['a bad season bound', { seasons: [{ from: '13-01', to: '03-31', sessions: DEFAULT_SESSIONS }] }, /seasons\[0\]\.from: expected MM-DD/],
    ['a malformed season bound', { seasons: [{ from: '10-01', to: '3/31', sessions: DEFAULT_SESSIONS }] }, /seasons\[0\]\.to/],
    ['bad season sessions', { seasons: [{ from: '10-01', to: '03-31', sessions: [] }] }, /seasons\[0\]\.sessions/],
    ['a zero working day', { workingDayMinutes: 0 }, /workingDayMinutes/],
    ['an infinite working day', { workingDayMinutes: Infinity }, /workingDayMinutes/],
    ['a weekday out of range', { weekendDays: [7] }, /weekendDays/],
    ['a duplicate weekday', { weekendDays: [0, 0] }, /weekendDays/],
    ['a week without working days', { weekendDays: [0, 1, 2, 3, 4, 5, 6] }, /all seven days/],
    ['two schedules for a year', { schedules: [schedule(2026), schedule(2026)] }, /Two schedules for year 2026/],
    ['duplicate Tết offsets', { statutory: { tetDayOffsets: [0, 0, 1, 2, 3] } }, /tetDayOffsets/],
    ['a far Tết offset', { statutory: { tetDayOffsets: [40] } }, /tetDayOffsets/],
    ['a bad adjacent day', { statutory: { nationalDayAdjacentDay: 'both' as 'before' } }, /nationalDayAdjacentDay/],
    ['a fixed holiday on 31/02', { statutory: { additionalFixedHolidays: [{ month: 2, day: 31, name: 'x' }] } }, /invalid day 31\/2/],
    ['a fixed holiday on 29/02', { statutory: { additionalFixedHolidays: [{ month: 2, day: 29, name: 'x' }] } }, /invalid day 29\/2/],
    ['a fixed holiday in month 13', { statutory: { additionalFixedHolidays: [{ month: 13, day: 1, name: 'x' }] } }, /invalid day/],
    ['a nameless fixed holiday', { statutory: { additionalFixedHolidays: [{ month: 11, day: 24, name: ' ' }] } }, /name is required/],
    ['an unknown optional day', { optionalDaysOff: { '2026-11-25': true } }, /no schedule has an optional day 2026-11-25/],
    ['a bad period end', { calendarDayPeriodEnd: 'noon' as 'midnight' }, /calendarDayPeriodEnd/],
    ['a bad receipt cutoff', { receiptCutoff: '3pm' }, /receiptCutoff: expected HH:MM/],
  ])('rejects %s', (_label, config, message) => {
    expect(() => resolveCalendarConfig(config)).toThrow(CalendarConfigError);
    expect(() => resolveCalendarConfig(config)).toThrow(message);
  });

  it('accepts a switch for an optional day that a schedule declares', () => {
    const withOptional = schedule(2026, [
      { date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam', kind: 'holiday', verified: false, enabledByDefault: false },
    ]);
    expect(resolveCalendarConfig({ schedules: [withOptional], optionalDaysOff: { '2026-11-24': true } }).optionalDaysOff).toEqual({
      '2026-11-24': true,
    });
  });

  it('accepts a valid additional fixed holiday', () => {
    const holiday = { month: 11, day: 24, name: 'Ngày Văn hóa Việt Nam', fromYear: 2027 };
    expect(resolveCalendarConfig({ statutory: { additionalFixedHolidays: [holiday] } }).statutory.additionalFixedHolidays).toEqual([holiday]);
  });

  it('keeps the error name for logs', () => {
    expect(new CalendarConfigError('x').name).toBe('CalendarConfigError');
  });
});
