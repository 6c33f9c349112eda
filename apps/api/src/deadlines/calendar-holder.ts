import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { applyDayOverrides, createWorkingCalendar, DayOverride, defaultCalendarConfig, WorkingCalendar, YearSchedule } from '@motcua/calendar';
import { UnitOfWork } from '@motcua/persistence';
import { CalendarDayOverrideEntity } from '../calendar/calendar-override.entity';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { loadYearSchedules } from './calendar-files';

/** How often an instance picks up calendar changes made through another instance. */
const REFRESH_MS = 60_000;

/**
 * The agency's working calendar: the official yearly files in config/holidays plus the
 * administrators' overrides stored in the database. Rebuilt after a change on this
 * instance, and every minute so other instances follow.
 */
@Injectable()
export class CalendarHolder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Calendar');
  private readonly files: YearSchedule[] = loadYearSchedules();
  private readonly warnedYears = new Set<number>();
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

  /** Years covered by an official file (the rest use the statutory rule). */
  get officialYears(): number[] {
    return this.files.map((f) => f.year);
  }

  get currentOverrides(): readonly DayOverride[] {
    return this.overrides;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => this.reload().catch((e: unknown) => this.logger.warn(`Calendar refresh failed: ${String(e)}`)), REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async reload(): Promise<void> {
    const rows = await this.uow.read((m) => m.find(CalendarDayOverrideEntity, { order: { date: 'ASC' } }));
    this.overrides = rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name }));
    this.calendar = this.build(this.overrides);
  }

  private build(overrides: readonly DayOverride[]): WorkingCalendar {
    return createWorkingCalendar(
      defaultCalendarConfig(applyDayOverrides(this.files, overrides), {
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
