import { Module } from '@nestjs/common';
import { DeadlinePolicy } from '../dossiers/deadline-policy';
import { CalendarDeadlinePolicy } from './calendar-deadline.policy';
import { buildWorkingCalendar, WORKING_CALENDAR } from './working-calendar.provider';

@Module({
  providers: [
    { provide: WORKING_CALENDAR, useFactory: buildWorkingCalendar },
    { provide: DeadlinePolicy, useClass: CalendarDeadlinePolicy },
  ],
  exports: [WORKING_CALENDAR, DeadlinePolicy],
})
export class DeadlinesModule {}
