import { DEFAULT_STATUTORY_RULES, statutoryDaysOff, type StatutoryRules } from './statutory-holidays';
import { assertSupportedYear } from './supported-range';
import type { MakeUpDay, ScheduledDayOff, YearSchedule } from './year-schedule';

/**
 * A change an administrator makes to a year's official days, on top of the files in
 * config/holidays (e.g. a swap announced after the release, or a provincial day off).
 */
export interface DayOverride {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** `day_off`: nobody works that day; `working_day`: the office opens (a make-up Saturday, or a cancelled holiday). */
  readonly kind: 'day_off' | 'working_day';
  /** Vietnamese name shown to users, e.g. "Nghỉ bù theo Thông báo …" or "Làm bù cho ngày 02/01/2027". */
  readonly name: string;
}

/**
 * The schedules with the overrides applied. A year with overrides but no file starts
 * from the computed statutory days (Labour Code Art 112, Art 111(3)), so an override
 * never drops the statutory holidays of that year.
 *
 * @throws CalendarRangeError for an override outside {@link SUPPORTED_YEARS}.
 */
export function applyDayOverrides(
  schedules: readonly YearSchedule[],
  overrides: readonly DayOverride[],
  rules: StatutoryRules = DEFAULT_STATUTORY_RULES,
  weekendDays: readonly number[] = [0, 6],
): YearSchedule[] {
  const byYear = new Map(schedules.map((s) => [s.year, s]));
  for (const override of [...overrides].sort((a, b) => a.date.localeCompare(b.date))) {
    const year = Number(override.date.slice(0, 4));
    assertSupportedYear(year, `The override of ${override.date}: its year`);
    const base = byYear.get(year) ?? statutorySchedule(year, rules, weekendDays);
    byYear.set(year, applyOne(base, override, weekendDays));
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

function applyOne(schedule: YearSchedule, o: DayOverride, weekendDays: readonly number[]): YearSchedule {
  const daysOff = schedule.daysOff.filter((d) => d.date !== o.date);
  const makeUpDays = schedule.makeUpDays.filter((d) => d.date !== o.date);
  if (o.kind === 'day_off') {
    const added: ScheduledDayOff = { date: o.date, name: o.name, kind: 'holiday', verified: true, note: 'Điều chỉnh của quản trị viên' };
    daysOff.push(added);
  } else if (weekendDays.includes(weekdayOf(o.date))) {
    const added: MakeUpDay = { date: o.date, name: o.name, verified: true, note: 'Điều chỉnh của quản trị viên' };
    makeUpDays.push(added);
  }
  const byDate = <T extends { date: string }>(a: T, b: T) => a.date.localeCompare(b.date);
  return {
    ...schedule,
    daysOff: daysOff.sort(byDate),
    makeUpDays: makeUpDays.sort(byDate),
    optional: schedule.optional.filter((d) => d.date !== o.date),
  };
}

function statutorySchedule(year: number, rules: StatutoryRules, weekendDays: readonly number[]): YearSchedule {
  return {
    year,
    source: [{ reference: 'Bộ luật Lao động 2019, Điều 111 khoản 3 và Điều 112 (tính toán, chưa có thông báo chính thức)', covers: [] }],
    daysOff: statutoryDaysOff(year, rules, weekendDays)
      .filter((d) => d.date.startsWith(`${year}-`))
      .map((d) => ({ date: d.date, name: d.name, kind: d.kind, verified: false, ...(d.compensates ? { compensates: d.compensates } : {}) })),
    makeUpDays: [],
    optional: [],
    notes: ['Lịch tính theo quy tắc luật định, kèm điều chỉnh của quản trị viên.'],
  };
}

function weekdayOf(isoDay: string): number {
  return new Date(`${isoDay}T00:00:00Z`).getUTCDay();
}
