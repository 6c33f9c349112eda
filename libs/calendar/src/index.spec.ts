import * as calendar from './index';

describe('@motcua/calendar public surface', () => {
  it('exports exactly the documented runtime API', () => {
    expect(Object.keys(calendar).sort()).toEqual([
      'CLASSIFIABLE_YEARS',
      'CalendarConfigError',
      'CalendarRangeError',
      'DEADLINE_UNITS',
      'DEFAULT_SESSIONS',
      'DEFAULT_STATUTORY_RULES',
      'DEFAULT_UTC_OFFSET_MINUTES',
      'DEFAULT_WEEKEND_DAYS',
      'SCHEDULED_DAY_KINDS',
      'SCHEDULE_FILE_FORMATS',
      'SUPPORTED_YEARS',
      'ScheduleFileError',
      'VIETNAMESE_CALENDAR_TIME_ZONE',
      'VIETNAM_UTC_OFFSET_MINUTES',
      'YearScheduleError',
      'applyDayOverrides',
      'assertSupportedYear',
      'createWorkingCalendar',
      'defaultCalendarConfig',
      'formatVietnamDateTime',
      'isSupportedYear',
      'leapMonthOf',
      'lunarNewYear',
      'lunarToSolar',
      'lunarYearName',
      'parseScheduleFile',
      'parseYearSchedule',
      'solarToLunar',
      'statutoryDaysOff',
      'statutoryHolidays',
      'toVietnamIso',
      'tryParseInstant',
      'vietnamDay',
      'vietnamInstant',
      'vietnamWallClock',
    ]);
  });

  it('documents its defaults as values', () => {
    expect(calendar.DEADLINE_UNITS).toEqual(['working_days', 'working_hours', 'calendar_days', 'calendar_months']);
    expect(calendar.DEFAULT_SESSIONS).toEqual([
      { start: '07:30', end: '12:00' },
      { start: '13:30', end: '17:00' },
    ]);
    expect(calendar.DEFAULT_UTC_OFFSET_MINUTES).toBe(420);
    expect(calendar.DEFAULT_WEEKEND_DAYS).toEqual([0, 6]);
    expect(calendar.DEFAULT_STATUTORY_RULES).toEqual({
      tetDayOffsets: [-1, 0, 1, 2, 3],
      nationalDayAdjacentDay: 'before',
      compensateRestDayHolidays: true,
      additionalFixedHolidays: [],
    });
    expect(calendar.SCHEDULED_DAY_KINDS).toEqual(['holiday', 'compensatory', 'swapped', 'weekend']);
    expect(calendar.VIETNAMESE_CALENDAR_TIME_ZONE).toBe(7);
    expect(Object.isFrozen(calendar.DEFAULT_STATUTORY_RULES)).toBe(true);
  });

  it('exposes the lunar helpers and the error classes', () => {
    expect(calendar.solarToLunar({ year: 2026, month: 2, day: 17 })).toEqual({ year: 2026, month: 1, day: 1, leap: false });
    expect(calendar.lunarToSolar({ year: 2026, month: 3, day: 10, leap: false })).toEqual({ year: 2026, month: 4, day: 26 });
    expect(calendar.leapMonthOf(2025)).toBe(6);
    expect(calendar.lunarYearName(2026)).toBe('Bính Ngọ');
    expect(new calendar.CalendarConfigError('x')).toBeInstanceOf(Error);
    expect(new calendar.YearScheduleError('2026.json', ['a', 'b']).message).toBe('Invalid holiday schedule 2026.json:\n  - a\n  - b');
    expect(new calendar.YearScheduleError('2026.json', []).name).toBe('YearScheduleError');
  });
});
