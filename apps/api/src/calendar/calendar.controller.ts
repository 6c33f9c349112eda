import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { BadInputError, DateOutOfRangeError } from '../common/errors';
import { instantOf } from '../common/input.decorators';
import { isSupportedYear, SUPPORTED_YEARS } from '@motcua/calendar';
import { CalendarHolder } from '../deadlines/calendar-holder';
import { CalendarAdminService } from './calendar-admin.service';
import { DayOverrideDto, DueQuery, HolidaysQuery, ISO_DAY, OfficialScheduleDto } from './calendar.dto';
import { OfficialScheduleService } from './official-schedule.service';

const yearPipe = new ParseIntPipe({ exceptionFactory: () => new BadInputError('year must be an integer') });

@ApiTags('calendar')
@ApiBearerAuth()
@Controller()
export class CalendarController {
  constructor(
    private readonly holder: CalendarHolder,
    private readonly admin: CalendarAdminService,
    private readonly official: OfficialScheduleService,
  ) {}

  /** Non-working days (with Vietnamese names) and make-up working days of a year. */
  @Get('calendar/holidays')
  @Roles(...ALL_STAFF)
  holidays(@Query() q: HolidaysQuery) {
    const calendar = this.holder.current;
    return {
      year: q.year,
      officialSchedule: this.holder.officialYears.includes(q.year),
      nonWorkingDays: calendar.nonWorkingDays(q.year),
      extraWorkingDays: calendar.extraWorkingDays(q.year),
    };
  }

  /** The due time of an amount of working days/hours or calendar days/months counted from an instant. */
  @Get('calendar/due')
  @Roles(...ALL_STAFF)
  due(@Query() q: DueQuery) {
    const given = (['workingDays', 'workingHours', 'calendarDays', 'calendarMonths'] as const).filter((k) => q[k] !== undefined);
    if (given.length !== 1) throw new BadInputError('Give exactly one of workingDays, workingHours, calendarDays, calendarMonths');
    const from = instantOf(q.from);
    const unit = ({ workingDays: 'working_days', workingHours: 'working_hours', calendarDays: 'calendar_days', calendarMonths: 'calendar_months' } as const)[given[0]];
    const calendar = this.holder.current;
    const dueAt = calendar.dueAt(from, q[given[0]]!, unit);
    // A due time in a year without an official holiday notice is computed from the statutory rules only (issue #12).
    const provisional = new Date(dueAt.getTime() + 7 * 3600_000).getUTCFullYear() > Math.max(...this.holder.officialYears);
    return { from: from.toISOString(), countingStartsAt: calendar.nextWorkingInstant(from).toISOString(), amount: q[given[0]], unit, dueAt: dueAt.toISOString(), provisional };
  }

  @Get('admin/calendar/overrides')
  @Roles('admin')
  overrides() {
    return this.admin.list();
  }

  @Get('admin/calendar/changes')
  @Roles('admin')
  changes() {
    return this.admin.changes();
  }

  /** The official holiday notices loaded, newest first (without their content). */
  @Get('admin/calendar/official')
  @Roles('admin')
  officialLoads() {
    return this.official.loads();
  }

  /**
   * Loads the official holiday notice of a year: the year becomes official (no longer
   * provisional) and open dossiers whose due times change are recomputed, each with a history
   * line. A malformed file is refused (422 INVALID_SCHEDULE_FILE naming the line); nothing changes.
   */
  @Post('admin/calendar/official/:year')
  @Roles('admin')
  @HttpCode(200)
  loadOfficial(@CurrentUser() user: AuthUser, @Param('year', yearPipe) year: number, @Body() dto: OfficialScheduleDto) {
    return this.official.load(user, year, dto.format, dto.content, dto.reference);
  }

  @Put('admin/calendar/overrides/:date')
  @Roles('admin')
  set(@CurrentUser() user: AuthUser, @Param('date') date: string, @Body() dto: DayOverrideDto) {
    return this.admin.set(user, checkDay(date), dto.kind, dto.name);
  }

  @Delete('admin/calendar/overrides/:date')
  @Roles('admin')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('date') date: string): Promise<void> {
    // Any real day: an override stored before the range was checked must remain removable.
    await this.admin.remove(user, checkDay(date, false));
  }
}

function checkDay(date: string, inCalendarRange = true): string {
  if (!ISO_DAY.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw new BadInputError('date must be a real day written YYYY-MM-DD');
  }
  if (inCalendarRange && !isSupportedYear(Number(date.slice(0, 4)))) {
    throw new DateOutOfRangeError(`date must be in the years ${SUPPORTED_YEARS.first}–${SUPPORTED_YEARS.last}, which the working calendar covers`);
  }
  return date;
}
