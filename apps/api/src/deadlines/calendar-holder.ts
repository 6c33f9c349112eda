import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { applyDayOverrides, createWorkingCalendar, DayOverride, defaultCalendarConfig, parseYearSchedule, WorkingCalendar, YearSchedule } from '@motcua/calendar';
import { UnitOfWork } from '@motcua/persistence';
import { CalendarDayOverrideEntity, CalendarOfficialLoadEntity } from '../calendar/calendar-override.entity';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { loadYearSchedules } from './calendar-files';

/** How often an instance picks up calendar changes made through another instance. */
const REFRESH_MS = 60_000;

/**
 * The agency's working calendar: the official yearly files in config/holidays, replaced year by
 * year by an official notice an administrator loaded (the latest load of a year), plus the
 * administrators' overrides stored in the database. Rebuilt after a change on this
 * instance, and every minute so other instances follow.
 *
 * No stored override can stop the service: one the calendar cannot use (written before the
 * administration checked it) is logged and left out, and a reload that fails keeps the calendar
 * in force and says so in the log (issue #14, D5).
 */
@Injectable()
export class CalendarHolder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Calendar');
  private readonly files: YearSchedule[] = loadYearSchedules();
  /** Official notices loaded through the administration, by year (the latest load of each). */
  private loaded = new Map<number, YearSchedule>();
  private readonly warnedYears = new Set<number>();
  private readonly refused = new Set<string>();
  private calendar: WorkingCalendar = this.build([]);
  private timer: NodeJS.Timeout | null = null;
  private overrides: DayOverride[] = [];

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get current(): WorkingCalendar {
    return this.calendar;
  }

  /** Years covered by an official file or a loaded notice (the rest use the statutory rule). */
  get officialYears(): number[] {
    return this.schedules().map((f) => f.year);
  }

  get currentOverrides(): readonly DayOverride[] {
    return this.overrides;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => void this.reload(), REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Rebuilds the calendar from the stored overrides. Never throws: a failure is logged and the calendar in force stays. */
  async reload(): Promise<void> {
    try {
      const rows = await this.uow.read((m) => m.find(CalendarDayOverrideEntity, { order: { date: 'ASC' } }));
      const loads = await this.uow.read((m) => m.find(CalendarOfficialLoadEntity, { order: { loadedAt: 'ASC' } }));
      // Later loads of a year replace earlier ones.
      this.loaded = new Map(loads.map((l) => [l.year, parseYearSchedule(JSON.parse(l.schedule), `official notice ${l.year} (${l.id})`)]));
      const usable = rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name })).filter((o) => this.usable(o));
      this.calendar = this.build(usable);
      this.overrides = usable;
    } catch (error) {
      this.logger.error(`Calendar reload failed; the calendar in force stays: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * The calendar `overrides` would give, checked on the year of `date` (where a change shows):
   * the administration calls it inside its transaction, before committing.
   * @throws CalendarRangeError (or another RangeError) when the calendar could not be built.
   */
  candidate(overrides: readonly DayOverride[], date: string): WorkingCalendar {
    const calendar = this.build(overrides);
    const year = Number(date.slice(0, 4));
    calendar.nonWorkingDays(year);
    calendar.extraWorkingDays(year);
    return calendar;
  }

  /**
   * The calendar with `schedule` as the official schedule of its year (and the overrides in force):
   * loading a notice computes the new due times with it inside its transaction.
   * @throws CalendarRangeError (or another RangeError) when the calendar could not be built.
   */
  withOfficialSchedule(schedule: YearSchedule): WorkingCalendar {
    const calendar = this.build(this.overrides, schedule);
    calendar.nonWorkingDays(schedule.year);
    calendar.extraWorkingDays(schedule.year);
    return calendar;
  }

  private schedules(extra?: YearSchedule): YearSchedule[] {
    const byYear = new Map(this.files.map((f) => [f.year, f]));
    for (const [year, schedule] of this.loaded) byYear.set(year, schedule);
    if (extra) byYear.set(extra.year, extra);
    return [...byYear.values()].sort((a, b) => a.year - b.year);
  }

  private usable(override: DayOverride): boolean {
    try {
      this.candidate([override], override.date);
      return true;
    } catch (error) {
      if (!this.refused.has(override.date)) {
        this.refused.add(override.date);
        this.logger.error(`The stored calendar override of ${override.date} cannot be used and is left out (remove it in the administration): ${error instanceof Error ? error.message : String(error)}`);
      }
      return false;
    }
  }

  private build(overrides: readonly DayOverride[], extra?: YearSchedule): WorkingCalendar {
    return createWorkingCalendar(
      defaultCalendarConfig(applyDayOverrides(this.schedules(extra), overrides), {
        // Warn once per year: deadlines in that year follow the statutory rule only,
        // without the swapped days and make-up Saturdays announced each year.
        onMissingSchedule: (year) => {
          if (this.warnedYears.has(year)) return;
          this.warnedYears.add(year);
          this.logger.warn(`No official holiday schedule for ${year} in config/holidays/: using the statutory rule (Labour Code Art 112) only`);
        },
      }),
    );
  }

  /** For diagnostics: the settings in force. */
  describe() {
    return { officialYears: this.officialYears, overrides: this.overrides.length, dueSoonWorkingMinutes: this.config.deadlines.dueSoonWorkingMinutes };
  }
}
