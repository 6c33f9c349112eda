/**
 * @motcua/calendar — working-day calendar for dossier deadlines. Pure TypeScript: no framework, no
 * I/O. The application reads `config/holidays/YYYY.json`, passes each file's JSON to
 * `parseYearSchedule`, and builds the calendar with `createWorkingCalendar(defaultCalendarConfig(…))`.
 */
export {
  createWorkingCalendar,
  DEADLINE_UNITS,
  type DayDescription,
  type DayOrigin,
  type DeadlineUnit,
  type ExtraWorkingDay,
  type NonWorkingDay,
  type WorkingCalendar,
} from './working-calendar';
export {
  CalendarConfigError,
  DEFAULT_SESSIONS,
  DEFAULT_UTC_OFFSET_MINUTES,
  DEFAULT_WEEKEND_DAYS,
  defaultCalendarConfig,
  type CalendarConfig,
  type CalendarDayPeriodEnd,
  type DefaultCalendarConfig,
  type OfficeSession,
  type SeasonalSessions,
} from './calendar-config';
export {
  parseYearSchedule,
  SCHEDULED_DAY_KINDS,
  YearScheduleError,
  type MakeUpDay,
  type OptionalDayOff,
  type ScheduledDayKind,
  type ScheduledDayOff,
  type ScheduleSource,
  type YearSchedule,
} from './year-schedule';
export {
  DEFAULT_STATUTORY_RULES,
  statutoryDaysOff,
  statutoryHolidays,
  type FixedHoliday,
  type StatutoryDayOff,
  type StatutoryRules,
} from './statutory-holidays';
export {
  leapMonthOf,
  lunarNewYear,
  lunarToSolar,
  lunarYearName,
  solarToLunar,
  VIETNAMESE_CALENDAR_TIME_ZONE,
  type LunarDate,
} from './lunar';
export type { CivilDate } from './civil-date';
export { applyDayOverrides, type DayOverride } from './schedule-overrides';
export { parseScheduleFile, SCHEDULE_FILE_FORMATS, ScheduleFileError, type ScheduleFileFormat } from './schedule-file';
export {
  assertSupportedYear,
  CalendarRangeError,
  CLASSIFIABLE_YEARS,
  isSupportedYear,
  SUPPORTED_YEARS,
  tryParseInstant,
} from './supported-range';
export { formatVietnamDateTime, toVietnamIso, VIETNAM_UTC_OFFSET_MINUTES, vietnamDay, vietnamInstant, vietnamWallClock, type VietnamWallClock } from './vietnam-time';
