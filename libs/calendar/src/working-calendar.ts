/**
 * Working-time arithmetic for dossier deadlines (DOMAIN.md §2.8, §5).
 *
 * Working time is the office sessions of working days. A working day is off when it is a weekly rest
 * day (QĐ 188/1999/QĐ-TTg: 40-hour week, Monday–Friday) or a day off of the year: the official
 * schedule when the year has one, else the statutory rule (Labour Code 2019 Art 112 holidays with
 * Art 111(3) compensation). Make-up Saturdays of a schedule are working days.
 *
 * Instants are JavaScript `Date`s (absolute, UTC); days are `YYYY-MM-DD` strings in the agency's local
 * time. Internally everything is "local milliseconds" (UTC ms + fixed offset), split into an epoch day
 * and a time of day, so no time-zone database is consulted.
 */
import {
  type CalendarConfig,
  type ResolvedCalendarConfig,
  type SessionBounds,
  resolveCalendarConfig,
  sessionLength,
} from './calendar-config';
import { civilFromEpochDay, DAY_MS, daysInMonth, epochDayFromCivil, formatIsoDay, MINUTE_MS, parseIsoDay, weekdayOf } from './civil-date';
import { statutoryDaysOff } from './statutory-holidays';
import { assertClassifiableYear, assertSupportedYear, CalendarRangeError, SUPPORTED_YEARS } from './supported-range';
import type { ScheduledDayKind } from './year-schedule';

/**
 * The unit a procedure publishes its time limit in ("Thời hạn giải quyết"): working days, working
 * hours, calendar days ("ngày") or calendar months ("tháng", Civil Code 2015 Art 147–148).
 */
export type DeadlineUnit = 'working_days' | 'working_hours' | 'calendar_days' | 'calendar_months';
export const DEADLINE_UNITS: readonly DeadlineUnit[] = ['working_days', 'working_hours', 'calendar_days', 'calendar_months'];

/** Where the classification of a year comes from. */
export type DayOrigin = 'schedule' | 'statutory';

/** A day off as listed for users ("holidays of 2026"). */
export interface NonWorkingDay {
  readonly date: string;
  /** Vietnamese name; a rest day inside a holiday span carries the span's holiday name. */
  readonly name: string;
  /** See {@link ScheduledDayKind}; `weekend` = a weekly rest day inside a holiday span. */
  readonly kind: ScheduledDayKind;
  /** `schedule` = the year's official file; `statutory` = computed by the rule (no file for the year). */
  readonly origin: DayOrigin;
  /** `false` for computed days and for file entries marked unverified. */
  readonly verified: boolean;
  readonly note?: string;
  /** For a compensatory day: the holiday it makes up for. */
  readonly compensates?: string;
}

/** A make-up working day (ngày làm bù), usually a Saturday. */
export interface ExtraWorkingDay {
  readonly date: string;
  readonly name: string;
  readonly replaces?: string;
}

/** Everything the calendar knows about one day. */
export interface DayDescription {
  readonly date: string;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  readonly working: boolean;
  /** `working`, `make_up` (a working rest day), or why the day is off. */
  readonly kind: 'working' | 'make_up' | ScheduledDayKind;
  readonly name?: string;
  readonly origin: DayOrigin;
}

/** Working-day calendar of one agency. Create with {@link createWorkingCalendar}. */
export interface WorkingCalendar {
  /** Length of one working day in minutes (480 by default). */
  readonly workingDayMinutes: number;
  /** Whether a `YYYY-MM-DD` local day has office sessions. @throws RangeError on a malformed day. */
  isWorkingDay(day: string): boolean;
  /** Whether an instant falls inside an office session (sessions are half-open: 12:00 is not working). */
  isWorkingTime(instant: Date): boolean;
  /** The instant itself when it is working time, else the next session opening. */
  nextWorkingInstant(instant: Date): Date;
  /**
   * Adds working days, each worth {@link WorkingCalendar.workingDayMinutes} of working time. A start
   * outside working time counts from the next opening; a result exactly at a session end stays there
   * (07:30 + 1 day = 17:00 the same day). Fractions are allowed (0.5 = half a day). Adding 0 returns
   * `from` when it is in a session or exactly on a session end, else the next opening — so that
   * `add(add(x, a), b)` always equals `add(x, a + b)`.
   */
  addWorkingDays(from: Date, days: number): Date;
  /** Adds working hours, same rules as {@link WorkingCalendar.addWorkingDays}. */
  addWorkingHours(from: Date, hours: number): Date;
  /** Adds working minutes, same rules as {@link WorkingCalendar.addWorkingDays}. */
  addWorkingMinutes(from: Date, minutes: number): Date;
  /** Working time between two instants in minutes (fractional below a minute); 0 when `b <= a`. */
  workingMinutesBetween(a: Date, b: Date): number;
  /**
   * A period of `days` calendar days under the Civil Code 2015: the day of `from` is not counted
   * (Art 147(1)); the period ends at the end of the last day — the close of its last office session,
   * or 24:00 when configured (Art 148(1), (6)) — and when that day is a rest day or holiday, at the end
   * of the next working day (Art 148(5)). `days = 0` means "by the end of today".
   */
  addCalendarDays(from: Date, days: number): Date;
  /**
   * A period of `months` calendar months under the Civil Code 2015: the day of `from` is not counted
   * (Art 147(1)); the period ends at the end of the same-numbered day of the last month, or of that
   * month's last day when it has no such day (Art 148(3): 31/01 + 1 month → 28/02 or 29/02); the end of
   * a day and a rest day or holiday as last day are treated as in {@link WorkingCalendar.addCalendarDays}
   * (Art 148(5), (6)). `months = 0` means "by the end of today". Whole months only.
   */
  addCalendarMonths(from: Date, months: number): Date;
  /**
   * Due date for a dossier received at `from`, for a time limit in the procedure's own unit. The
   * receipt is first moved by {@link WorkingCalendar.receivedAt} (the configured cutoff, if any).
   */
  dueAt(from: Date, amount: number, unit: DeadlineUnit): Date;
  /**
   * When a receipt counts as made: `instant` itself, unless `receiptCutoff` is configured and the
   * instant is later than it on a working day — then the next working day's first opening.
   */
  receivedAt(instant: Date): Date;
  /**
   * Days off of a year for display: holidays, compensatory and swapped days, and the weekly rest days
   * that belong to a holiday span (a run of consecutive days off containing a named day). Plain
   * weekends are left out.
   */
  nonWorkingDays(year: number): NonWorkingDay[];
  /** Make-up working days of a year (empty for years without a schedule). */
  extraWorkingDays(year: number): ExtraWorkingDay[];
  /** Classification of one day. @throws RangeError on a malformed day. */
  describeDay(day: string): DayDescription;
  /** The local day (`YYYY-MM-DD`) of an instant. */
  localDay(instant: Date): string;
  /** Years used so far that had no schedule, so the statutory rule was applied (ascending). */
  yearsWithoutSchedule(): number[];
}

/** A day's sessions; `total` is their length. Non-working days share {@link CLOSED}. */
interface DayPlan {
  readonly sessions: SessionBounds;
  readonly total: number;
}

const CLOSED: DayPlan = Object.freeze({ sessions: Object.freeze([]), total: 0 });

interface NamedDayOff {
  readonly name: string;
  readonly kind: ScheduledDayKind;
  readonly verified: boolean;
  readonly note?: string;
  readonly compensates?: string;
}

interface YearData {
  readonly origin: DayOrigin;
  readonly daysOff: ReadonlyMap<number, NamedDayOff>;
  readonly makeUp: ReadonlyMap<number, ExtraWorkingDay>;
}

interface Classification {
  readonly working: boolean;
  readonly origin: DayOrigin;
  readonly dayOff?: NamedDayOff;
  readonly makeUp?: ExtraWorkingDay;
}

const COMPUTED_NOTE = 'Computed by the statutory rule (Labour Code 2019 Art 112, Art 111(3)); no official schedule loaded.';

/**
 * Creates a calendar. The configuration is validated once here.
 *
 * @example
 * const calendar = createWorkingCalendar(defaultCalendarConfig(schedules));
 * calendar.dueAt(new Date('2026-02-12T09:00:00+07:00'), 5, 'working_days'); // 2026-02-26T02:00:00.000Z
 * @throws CalendarConfigError for an inconsistent configuration.
 */
export function createWorkingCalendar(config: CalendarConfig = {}): WorkingCalendar {
  return new Calendar(resolveCalendarConfig(config));
}

class Calendar implements WorkingCalendar {
  readonly workingDayMinutes: number;
  private readonly plans = new Map<number, DayPlan>();
  private readonly years = new Map<number, YearData>();
  private readonly reported = new Set<number>();
  private readonly defaultPlan: DayPlan;
  private readonly seasonPlans: ReadonlyArray<{ from: number; to: number; plan: DayPlan }>;

  constructor(private readonly cfg: ResolvedCalendarConfig) {
    this.workingDayMinutes = cfg.workingDayMs / MINUTE_MS;
    this.defaultPlan = Object.freeze({ sessions: cfg.sessions, total: sessionLength(cfg.sessions) });
    this.seasonPlans = cfg.seasons.map((s) => ({
      from: s.from,
      to: s.to,
      plan: Object.freeze({ sessions: s.sessions, total: sessionLength(s.sessions) }),
    }));
  }

  isWorkingDay(day: string): boolean {
    return this.planFor(parseIsoDay(day)).total > 0;
  }

  isWorkingTime(instant: Date): boolean {
    const t = this.toLocal(instant, 'instant');
    const day = Math.floor(t / DAY_MS);
    const tod = t - day * DAY_MS;
    const { sessions } = this.planFor(day);
    for (let i = 0; i < sessions.length; i += 2) {
      if (tod >= sessions[i] && tod < sessions[i + 1]) return true;
    }
    return false;
  }

  nextWorkingInstant(instant: Date): Date {
    const t = this.toLocal(instant, 'instant');
    for (let day = Math.floor(t / DAY_MS), tod = t - day * DAY_MS; ; day++, tod = 0) {
      const { sessions } = this.planFor(day);
      for (let i = 0; i < sessions.length; i += 2) {
        if (tod < sessions[i + 1]) return this.fromLocal(day * DAY_MS + Math.max(tod, sessions[i]));
      }
    }
  }

  addWorkingDays(from: Date, days: number): Date {
    return this.addWorking(from, amount(days, 'days') * this.cfg.workingDayMs);
  }

  addWorkingHours(from: Date, hours: number): Date {
    return this.addWorking(from, amount(hours, 'hours') * 3_600_000);
  }

  addWorkingMinutes(from: Date, minutes: number): Date {
    return this.addWorking(from, amount(minutes, 'minutes') * MINUTE_MS);
  }

  workingMinutesBetween(a: Date, b: Date): number {
    const start = this.toLocal(a, 'a');
    const end = this.toLocal(b, 'b');
    if (end <= start) return 0;
    let total = 0;
    const lastDay = Math.floor(end / DAY_MS);
    for (let day = Math.floor(start / DAY_MS); day <= lastDay; day++) {
      const plan = this.planFor(day);
      if (plan.total === 0) continue;
      const s = plan.sessions;
      const lo = start - day * DAY_MS;
      const hi = end - day * DAY_MS;
      if (lo <= s[0] && hi >= s[s.length - 1]) {
        total += plan.total; // whole day inside the interval: the common case on long spans
        continue;
      }
      for (let i = 0; i < s.length; i += 2) {
        const overlap = Math.min(hi, s[i + 1]) - Math.max(lo, s[i]);
        if (overlap > 0) total += overlap;
      }
    }
    return total / MINUTE_MS;
  }

  addCalendarDays(from: Date, days: number): Date {
    const t = this.toLocal(from, 'from');
    const n = amount(days, 'days');
    if (!Number.isInteger(n)) throw new RangeError(`Calendar days must be a whole number, got ${days}`);
    // Art 147(1): the day of the event is not counted, so the last day is `n` days after it.
    return this.periodEnd(t, Math.floor(t / DAY_MS) + n);
  }

  addCalendarMonths(from: Date, months: number): Date {
    const t = this.toLocal(from, 'from');
    const n = amount(months, 'months');
    if (!Number.isInteger(n)) throw new RangeError(`Calendar months must be a whole number, got ${months}`);
    const { year, month, day } = civilFromEpochDay(Math.floor(t / DAY_MS));
    const index = month - 1 + n;
    const lastYear = year + Math.floor(index / 12);
    const lastMonth = (index % 12) + 1;
    // Art 148(3): the corresponding day of the last month, or its last day when it has none.
    if (lastYear > SUPPORTED_YEARS.last) throw new CalendarRangeError(`A period of ${n} months from ${formatIsoDay(Math.floor(t / DAY_MS))} ends after ${SUPPORTED_YEARS.last}`);
    return this.periodEnd(t, epochDayFromCivil(lastYear, lastMonth, Math.min(day, daysInMonth(lastYear, lastMonth))));
  }

  /**
   * The end of a calendar period (local ms `t` of its event, epoch day `lastDay` of its last day):
   * the end of that day, or of the next working day when it is a rest day or holiday (Art 148(5)).
   */
  private periodEnd(t: number, lastDay: number): Date {
    for (let day = lastDay; ; day++) {
      const { sessions } = this.planFor(day);
      if (sessions.length === 0) continue; // Art 148(5): the period runs on to the next working day
      const end =
        this.cfg.calendarDayPeriodEnd === 'midnight' ? (day + 1) * DAY_MS : day * DAY_MS + sessions[sessions.length - 1];
      // `end <= t` only with n = 0 after closing time: today is over, so the next working day it is.
      if (end > t) return this.fromLocal(end);
    }
  }

  dueAt(from: Date, value: number, unit: DeadlineUnit): Date {
    const received = this.receivedAt(from);
    switch (unit) {
      case 'working_days':
        return this.addWorkingDays(received, value);
      case 'working_hours':
        return this.addWorkingHours(received, value);
      case 'calendar_days':
        return this.addCalendarDays(received, value);
      case 'calendar_months':
        return this.addCalendarMonths(received, value);
      default:
        throw new RangeError(`Unknown deadline unit ${JSON.stringify(unit)}; expected one of ${DEADLINE_UNITS.join(', ')}`);
    }
  }

  receivedAt(instant: Date): Date {
    const t = this.toLocal(instant, 'instant');
    const cutoff = this.cfg.receiptCutoffMs;
    const day = Math.floor(t / DAY_MS);
    if (cutoff === undefined || t - day * DAY_MS <= cutoff || this.planFor(day).total === 0) {
      return new Date(instant.getTime());
    }
    return this.nextWorkingInstant(this.fromLocal((day + 1) * DAY_MS));
  }

  nonWorkingDays(year: number): NonWorkingDay[] {
    assertYear(year);
    const first = epochDayFromCivil(year, 1, 1);
    const last = epochDayFromCivil(year, 12, 31);
    // Look a little past the year's ends so a span crossing 31/12 is recognised on both sides.
    const PAD = 16;
    const days: Array<{ day: number; off: boolean; named?: NamedDayOff; origin: DayOrigin }> = [];
    for (let day = first - PAD; day <= last + PAD; day++) {
      const c = this.classify(day, day >= first && day <= last);
      days.push({ day, off: !c.working, named: c.dayOff, origin: c.origin });
    }
    const result: NonWorkingDay[] = [];
    for (let i = 0; i < days.length; ) {
      if (!days[i].off) {
        i++;
        continue;
      }
      let j = i;
      while (j < days.length && days[j].off) j++;
      const run = days.slice(i, j);
      for (let k = 0; k < run.length; k++) {
        const { day, named, origin } = run[k];
        if (day < first || day > last) continue;
        const date = formatIsoDay(day);
        if (named) {
          result.push({ date, ...named, origin });
          continue;
        }
        const spanName = nearestHolidayName(run, k);
        if (spanName !== undefined) result.push({ date, name: spanName, kind: 'weekend', origin, verified: true });
      }
      i = j;
    }
    return result;
  }

  extraWorkingDays(year: number): ExtraWorkingDay[] {
    assertYear(year);
    return [...this.yearData(year).makeUp.values()];
  }

  describeDay(day: string): DayDescription {
    const epochDay = parseIsoDay(day);
    const c = this.classify(epochDay, true);
    const base = { date: formatIsoDay(epochDay), weekday: weekdayOf(epochDay), working: c.working, origin: c.origin };
    if (c.makeUp) return { ...base, kind: 'make_up', name: c.makeUp.name };
    if (c.dayOff) return { ...base, kind: c.dayOff.kind, name: c.dayOff.name };
    return { ...base, kind: c.working ? 'working' : 'weekend' };
  }

  localDay(instant: Date): string {
    return formatIsoDay(Math.floor(this.toLocal(instant, 'instant') / DAY_MS));
  }

  yearsWithoutSchedule(): number[] {
    return [...this.reported].sort((a, b) => a - b);
  }

  // ---- time arithmetic on local milliseconds -------------------------------------------------

  private addWorking(from: Date, amountMs: number): Date {
    return this.fromLocal(this.addLocal(this.toLocal(from, 'from'), Math.round(amountMs)));
  }

  /**
   * The earliest local time `y ≥ t` with exactly `amountMs` of working time in `[t, y]`, taken inside a
   * session or at its end (sessions are closed intervals here). For an amount > 0 that is where the
   * count runs out — a session end when it runs out exactly there. For 0 it is `t` itself when `t` is
   * in a session or on its end, else the next opening. This makes `add(add(t, a), b) = add(t, a + b)`
   * hold for every a, b ≥ 0. Whole working days are skipped in one step, so 30 working days cost
   * ~45 cached day look-ups.
   */
  private addLocal(t: number, amountMs: number): number {
    let day = Math.floor(t / DAY_MS);
    let tod = t - day * DAY_MS;
    let remaining = amountMs;
    for (;;) {
      const plan = this.planFor(day);
      const s = plan.sessions;
      if (s.length > 0) {
        if (tod <= s[0] && remaining > plan.total) {
          remaining -= plan.total;
        } else {
          for (let i = 0; i < s.length; i += 2) {
            if (tod > s[i + 1]) continue;
            const start = Math.max(tod, s[i]);
            const available = s[i + 1] - start;
            // `<=`: landing exactly on a session end returns that end, not the next opening.
            if (remaining <= available) return day * DAY_MS + start + remaining;
            remaining -= available;
          }
        }
      }
      day++;
      tod = 0;
    }
  }

  private toLocal(instant: Date, name: string): number {
    if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
      throw new RangeError(`${name} must be a valid Date, got ${String(instant)}`);
    }
    return instant.getTime() + this.cfg.offsetMs;
  }

  private fromLocal(localMs: number): Date {
    return new Date(localMs - this.cfg.offsetMs);
  }

  // ---- day classification (cached) -----------------------------------------------------------

  /** Sessions of a day; cached, since every deadline computation asks for the same few hundred days. */
  private planFor(day: number): DayPlan {
    let plan = this.plans.get(day);
    if (plan === undefined) {
      plan = this.classify(day, true).working ? this.sessionsOf(day) : CLOSED;
      this.plans.set(day, plan);
    }
    return plan;
  }

  private sessionsOf(day: number): DayPlan {
    if (this.seasonPlans.length === 0) return this.defaultPlan;
    const { month, day: dom } = civilFromEpochDay(day);
    const key = month * 100 + dom;
    for (const season of this.seasonPlans) {
      const wraps = season.from > season.to; // e.g. winter 10-01 … 03-31
      if (wraps ? key >= season.from || key <= season.to : key >= season.from && key <= season.to) return season.plan;
    }
    return this.defaultPlan;
  }

  /**
   * @param report whether using this day counts as using its year (for `onMissingSchedule`); display
   *   code peeking into a neighbouring year passes `false`.
   */
  private classify(day: number, report: boolean): Classification {
    const year = civilFromEpochDay(day).year;
    const data = this.yearData(year);
    if (report && data.origin === 'statutory' && !this.reported.has(year)) {
      this.reported.add(year);
      this.cfg.onMissingSchedule?.(year);
    }
    const makeUp = data.makeUp.get(day);
    if (makeUp) return { working: true, origin: data.origin, makeUp };
    const weekend = this.cfg.weekendDays.has(weekdayOf(day));
    const dayOff = data.daysOff.get(day);
    // A `weekend` entry only describes a span; it cannot make a working weekday of this agency off.
    if (dayOff && (dayOff.kind !== 'weekend' || weekend)) return { working: false, origin: data.origin, dayOff };
    return { working: !weekend, origin: data.origin };
  }

  private yearData(year: number): YearData {
    let data = this.years.get(year);
    if (data === undefined) {
      data = this.buildYear(year);
      this.years.set(year, data);
    }
    return data;
  }

  private buildYear(year: number): YearData {
    assertClassifiableYear(year);
    const daysOff = new Map<number, NamedDayOff>();
    const makeUp = new Map<number, ExtraWorkingDay>();
    const schedule = this.cfg.schedules.get(year);
    if (schedule === undefined) {
      for (const d of statutoryDaysOff(year, this.cfg.statutory, this.cfg.weekendList)) {
        daysOff.set(parseIsoDay(d.date), { ...d, verified: false, note: COMPUTED_NOTE });
      }
      return { origin: 'statutory', daysOff, makeUp };
    }
    for (const { date, ...d } of schedule.daysOff) daysOff.set(parseIsoDay(date), d);
    for (const { date, enabledByDefault, ...d } of schedule.optional) {
      if (this.cfg.optionalDaysOff[date] ?? enabledByDefault) daysOff.set(parseIsoDay(date), d);
    }
    for (const { date, name, replaces } of schedule.makeUpDays) {
      makeUp.set(parseIsoDay(date), { date, name, ...(replaces ? { replaces } : {}) });
    }
    return { origin: 'schedule', daysOff, makeUp };
  }
}

/** Name for an unnamed rest day in a run of days off: the nearest holiday before it, else after it. */
function nearestHolidayName(run: ReadonlyArray<{ named?: NamedDayOff }>, index: number): string | undefined {
  const holidayAt = (i: number): string | undefined => {
    const named = run[i].named;
    return named && named.kind !== 'swapped' && named.kind !== 'weekend' ? named.name : undefined;
  };
  for (let i = index - 1; i >= 0; i--) {
    const name = holidayAt(i);
    if (name !== undefined) return name;
  }
  for (let i = index + 1; i < run.length; i++) {
    const name = holidayAt(i);
    if (name !== undefined) return name;
  }
  return undefined;
}

function amount(value: number, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number ≥ 0, got ${String(value)}`);
  }
  return value;
}

function assertYear(year: number): void {
  assertSupportedYear(year);
}
