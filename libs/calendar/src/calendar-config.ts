/**
 * Per-agency calendar settings, their defaults and their validation.
 *
 * Defaults follow DOMAIN.md §5: a 40-hour week Monday–Friday (QĐ 188/1999/QĐ-TTg), sessions
 * 07:30–12:00 and 13:30–17:00 (the Lào Cai example; each province sets its own hours, so these are
 * UNVERIFIED for any given agency), and Vietnam's time zone.
 */
import { DEFAULT_STATUTORY_RULES, type FixedHoliday, type StatutoryRules } from './statutory-holidays';
import type { YearSchedule } from './year-schedule';

/** One office session in local time, `HH:MM` (24 h). `end` may be `24:00`. */
export interface OfficeSession {
  readonly start: string;
  readonly end: string;
}

/**
 * Office hours for part of the year, e.g. a province's winter schedule. `from` and `to` are `MM-DD`,
 * inclusive, and may wrap over the new year (`from: '10-01', to: '03-31'`).
 */
export interface SeasonalSessions {
  readonly name?: string;
  readonly from: string;
  readonly to: string;
  readonly sessions: readonly OfficeSession[];
}

/**
 * Where a period counted in calendar days ends on its last day (Civil Code 2015 Art 148):
 * - `'close_of_business'` (default): when the last office session of that day ends — the time the
 *   one-stop unit can still hand over a result;
 * - `'midnight'`: 24:00 of that day, the reading of Art 148(6) as we recall it (not in DOMAIN.md,
 *   UNVERIFIED).
 */
export type CalendarDayPeriodEnd = 'close_of_business' | 'midnight';

/**
 * Everything an agency can configure. Every field is optional; omitted fields take the documented
 * default. Build one with {@link defaultCalendarConfig} and override what differs.
 */
export interface CalendarConfig {
  /**
   * Local time offset from UTC in minutes. Default `420` (UTC+7, Asia/Ho_Chi_Minh). Vietnam has used
   * UTC+7 all year since 1975 with no daylight saving, so a fixed offset is exact and avoids depending
   * on the host's time-zone database (ICU data differs between Node builds and containers).
   */
  readonly utcOffsetMinutes?: number;
  /** Office sessions of a working day, in order and not overlapping. Default 07:30–12:00, 13:30–17:00. */
  readonly sessions?: readonly OfficeSession[];
  /** Seasonal office hours; the first season containing a day wins, else `sessions`. Default none. */
  readonly seasons?: readonly SeasonalSessions[];
  /**
   * Length of one working day in minutes, the unit of `addWorkingDays`. Default: the length of
   * `sessions` (480 = 8 h, QĐ 188/1999: 40 hours over 5 days). Seasonal hours keep 8 h a day in
   * the examples found (Thái Nguyên winter 07:30–11:30, 13:00–17:00), so one value fits all seasons.
   */
  readonly workingDayMinutes?: number;
  /** Weekly rest days, 0 = Sunday … 6 = Saturday. Default `[0, 6]` (QĐ 188/1999/QĐ-TTg). */
  readonly weekendDays?: readonly number[];
  /** Official schedules, at most one per year; authoritative for their year. Default none. */
  readonly schedules?: readonly YearSchedule[];
  /** The rule applied to years without a schedule. Defaults: {@link DEFAULT_STATUTORY_RULES}. */
  readonly statutory?: Partial<StatutoryRules>;
  /**
   * Switches for the `optional` days of the schedules, keyed by date: `true` makes the day off,
   * `false` keeps it working, absent = the file's `enabledByDefault`. E.g. `{ '2026-11-24': true }`
   * turns on Ngày Văn hóa Việt Nam (UNVERIFIED, off by default).
   */
  readonly optionalDaysOff?: Readonly<Record<string, boolean>>;
  /** See {@link CalendarDayPeriodEnd}. Default `'close_of_business'`. */
  readonly calendarDayPeriodEnd?: CalendarDayPeriodEnd;
  /**
   * Local time (`HH:MM`) after which a dossier received on a working day is deemed received at the
   * next working day's opening, for `dueAt`. Default none. Some units publish such a rule ("same day;
   * if received after 15:00, the next working day", Hà Nội QĐ 1811, DOMAIN.md §2.8); ND 118/TT 03 has
   * no general rule found for receipts outside office hours (UNVERIFIED), so without a cutoff a
   * receipt simply counts from the next moment of working time.
   */
  readonly receiptCutoff?: string;
  /**
   * Called once per year the first time the calendar classifies a day of a year that has no schedule
   * (the statutory rule is then used). Lets the service log one warning per year.
   */
  readonly onMissingSchedule?: (year: number) => void;
}

/** Default office sessions: 07:30–12:00 and 13:30–17:00 (8 h). */
export const DEFAULT_SESSIONS: readonly OfficeSession[] = Object.freeze([
  Object.freeze({ start: '07:30', end: '12:00' }),
  Object.freeze({ start: '13:30', end: '17:00' }),
]);
/** Default weekly rest days: Saturday and Sunday. */
export const DEFAULT_WEEKEND_DAYS: readonly number[] = Object.freeze([0, 6]);
/** Default offset: UTC+7. */
export const DEFAULT_UTC_OFFSET_MINUTES = 420;

/** What {@link defaultCalendarConfig} returns: every field filled except the derived/optional ones. */
export type DefaultCalendarConfig = CalendarConfig &
  Required<
    Pick<
      CalendarConfig,
      'utcOffsetMinutes' | 'sessions' | 'seasons' | 'weekendDays' | 'schedules' | 'optionalDaysOff' | 'calendarDayPeriodEnd'
    >
  > & { readonly statutory: StatutoryRules };

/**
 * A configuration with every default filled in, for the given official schedules. `workingDayMinutes`
 * is left out on purpose: it is derived from `sessions` when the calendar is created, so overriding
 * `sessions` later cannot leave a stale day length behind.
 *
 * @example
 * const schedules = files.map((f) => parseYearSchedule(JSON.parse(read(f)), f));
 * const calendar = createWorkingCalendar(defaultCalendarConfig(schedules, { onMissingSchedule: warn }));
 */
export function defaultCalendarConfig(
  schedules: readonly YearSchedule[],
  overrides: CalendarConfig = {},
): DefaultCalendarConfig {
  return {
    utcOffsetMinutes: DEFAULT_UTC_OFFSET_MINUTES,
    sessions: DEFAULT_SESSIONS,
    seasons: [],
    weekendDays: DEFAULT_WEEKEND_DAYS,
    schedules,
    optionalDaysOff: {},
    calendarDayPeriodEnd: 'close_of_business',
    ...overrides,
    statutory: { ...DEFAULT_STATUTORY_RULES, ...overrides.statutory },
  };
}

/** Thrown by `createWorkingCalendar` for an inconsistent configuration. */
export class CalendarConfigError extends Error {
  override readonly name = 'CalendarConfigError';
}

/** Office sessions as milliseconds after local midnight, flattened `[start0, end0, start1, end1, …]`. */
export type SessionBounds = readonly number[];

/** A validated configuration in the form the calendar computes with. */
export interface ResolvedCalendarConfig {
  readonly offsetMs: number;
  readonly sessions: SessionBounds;
  readonly seasons: ReadonlyArray<{ readonly from: number; readonly to: number; readonly sessions: SessionBounds }>;
  readonly workingDayMs: number;
  readonly weekendDays: ReadonlySet<number>;
  readonly weekendList: readonly number[];
  readonly schedules: ReadonlyMap<number, YearSchedule>;
  readonly statutory: StatutoryRules;
  readonly optionalDaysOff: Readonly<Record<string, boolean>>;
  readonly calendarDayPeriodEnd: CalendarDayPeriodEnd;
  /** Milliseconds after local midnight, or `undefined` for no cutoff. */
  readonly receiptCutoffMs?: number;
  readonly onMissingSchedule?: (year: number) => void;
}

/** Validates a configuration and converts it to milliseconds and lookup tables. */
export function resolveCalendarConfig(config: CalendarConfig): ResolvedCalendarConfig {
  const utcOffsetMinutes = config.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES;
  if (!Number.isInteger(utcOffsetMinutes) || utcOffsetMinutes < -720 || utcOffsetMinutes > 840) {
    throw new CalendarConfigError(`utcOffsetMinutes must be an integer from -720 to 840, got ${utcOffsetMinutes}`);
  }
  const sessions = resolveSessions(config.sessions ?? DEFAULT_SESSIONS, 'sessions');
  const seasons = (config.seasons ?? []).map((season, i) => ({
    from: parseMonthDay(season.from, `seasons[${i}].from`),
    to: parseMonthDay(season.to, `seasons[${i}].to`),
    sessions: resolveSessions(season.sessions, `seasons[${i}].sessions`),
  }));

  const workingDayMinutes = config.workingDayMinutes ?? sessionLength(sessions) / 60_000;
  if (!(workingDayMinutes > 0) || !Number.isFinite(workingDayMinutes)) {
    throw new CalendarConfigError(`workingDayMinutes must be a positive number, got ${workingDayMinutes}`);
  }

  const weekendList = [...(config.weekendDays ?? DEFAULT_WEEKEND_DAYS)];
  const weekendDays = new Set(weekendList);
  if (weekendList.some((d) => !Number.isInteger(d) || d < 0 || d > 6) || weekendDays.size !== weekendList.length) {
    throw new CalendarConfigError(`weekendDays must be distinct integers 0 (Sunday) to 6 (Saturday), got [${weekendList}]`);
  }
  if (weekendDays.size === 7) throw new CalendarConfigError('weekendDays cannot contain all seven days');

  const schedules = new Map<number, YearSchedule>();
  for (const schedule of config.schedules ?? []) {
    if (schedules.has(schedule.year)) throw new CalendarConfigError(`Two schedules for year ${schedule.year}`);
    schedules.set(schedule.year, schedule);
  }

  const statutory = { ...DEFAULT_STATUTORY_RULES, ...config.statutory };
  validateStatutory(statutory);

  const optionalDaysOff = config.optionalDaysOff ?? {};
  const optionalDates = new Set([...schedules.values()].flatMap((s) => s.optional.map((d) => d.date)));
  for (const date of Object.keys(optionalDaysOff)) {
    // A typo here would silently keep a day working (or off): fail at boot instead.
    if (!optionalDates.has(date)) throw new CalendarConfigError(`optionalDaysOff: no schedule has an optional day ${date}`);
  }

  const calendarDayPeriodEnd = config.calendarDayPeriodEnd ?? 'close_of_business';
  if (calendarDayPeriodEnd !== 'close_of_business' && calendarDayPeriodEnd !== 'midnight') {
    throw new CalendarConfigError(`calendarDayPeriodEnd must be 'close_of_business' or 'midnight'`);
  }

  const receiptCutoffMs = config.receiptCutoff === undefined ? undefined : parseClock(config.receiptCutoff, 'receiptCutoff');

  return {
    offsetMs: utcOffsetMinutes * 60_000,
    sessions,
    seasons,
    workingDayMs: Math.round(workingDayMinutes * 60_000),
    weekendDays,
    weekendList,
    schedules,
    statutory,
    optionalDaysOff,
    calendarDayPeriodEnd,
    ...(receiptCutoffMs === undefined ? {} : { receiptCutoffMs }),
    ...(config.onMissingSchedule ? { onMissingSchedule: config.onMissingSchedule } : {}),
  };
}

function validateStatutory(rules: StatutoryRules): void {
  const offsets = rules.tetDayOffsets;
  if (offsets.some((o) => !Number.isInteger(o) || Math.abs(o) > 30) || new Set(offsets).size !== offsets.length) {
    throw new CalendarConfigError(`statutory.tetDayOffsets must be distinct integers within ±30, got [${offsets}]`);
  }
  if (rules.nationalDayAdjacentDay !== 'before' && rules.nationalDayAdjacentDay !== 'after') {
    throw new CalendarConfigError(`statutory.nationalDayAdjacentDay must be 'before' or 'after'`);
  }
  rules.additionalFixedHolidays.forEach((h: FixedHoliday, i) => {
    // 29/02 would vanish in common years; require a day every year has.
    const probe = Date.UTC(2001, h.month - 1, h.day);
    const ok = Number.isInteger(h.month) && Number.isInteger(h.day) && new Date(probe).getUTCDate() === h.day;
    if (!ok || h.month < 1 || h.month > 12) {
      throw new CalendarConfigError(`statutory.additionalFixedHolidays[${i}]: invalid day ${h.day}/${h.month}`);
    }
    if (typeof h.name !== 'string' || h.name.trim() === '') {
      throw new CalendarConfigError(`statutory.additionalFixedHolidays[${i}]: name is required`);
    }
  });
}

function resolveSessions(sessions: readonly OfficeSession[], path: string): SessionBounds {
  if (sessions.length === 0) throw new CalendarConfigError(`${path}: at least one session is required`);
  const bounds: number[] = [];
  sessions.forEach((session, i) => {
    const start = parseClock(session.start, `${path}[${i}].start`);
    const end = parseClock(session.end, `${path}[${i}].end`);
    if (end <= start) throw new CalendarConfigError(`${path}[${i}]: end ${session.end} must be after start ${session.start}`);
    if (bounds.length > 0 && start < bounds[bounds.length - 1]) {
      throw new CalendarConfigError(`${path}[${i}]: sessions must be in order and not overlap`);
    }
    bounds.push(start, end);
  });
  return bounds;
}

/** `HH:MM` → milliseconds after midnight; `24:00` allowed as an end of day. */
function parseClock(value: string, path: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  const hours = match ? Number(match[1]) : NaN;
  const minutes = match ? Number(match[2]) : NaN;
  if (!(minutes < 60) || !(hours < 24 || (hours === 24 && minutes === 0))) {
    throw new CalendarConfigError(`${path}: expected HH:MM (00:00–24:00), got ${JSON.stringify(value)}`);
  }
  return (hours * 60 + minutes) * 60_000;
}

/** `MM-DD` → month * 100 + day, the key seasons compare on. */
function parseMonthDay(value: string, path: string): number {
  const match = /^(\d{2})-(\d{2})$/.exec(value);
  const month = match ? Number(match[1]) : NaN;
  const day = match ? Number(match[2]) : NaN;
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) {
    throw new CalendarConfigError(`${path}: expected MM-DD, got ${JSON.stringify(value)}`);
  }
  return month * 100 + day;
}

/** Total length of a set of session bounds, in milliseconds. */
export function sessionLength(bounds: SessionBounds): number {
  let total = 0;
  for (let i = 0; i < bounds.length; i += 2) total += bounds[i + 1] - bounds[i];
  return total;
}
