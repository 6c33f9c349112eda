import { Logger } from '@nestjs/common';
import { createWorkingCalendar, defaultCalendarConfig, WorkingCalendar } from '@motcua/calendar';
import { loadYearSchedules } from './calendar-files';

/** Injection token of the agency's WorkingCalendar. */
export const WORKING_CALENDAR = Symbol('WORKING_CALENDAR');

export function buildWorkingCalendar(): WorkingCalendar {
  const logger = new Logger('Calendar');
  const schedules = loadYearSchedules();
  return createWorkingCalendar(
    defaultCalendarConfig(schedules, {
      // Warn once per year: deadlines in that year follow the statutory rule only,
      // without the swapped days and make-up Saturdays the government announces yearly.
      onMissingSchedule: (year) =>
        logger.warn(`No official holiday schedule for ${year} in config/holidays/: using the statutory rule (Labour Code Art 112) only`),
    }),
  );
}
