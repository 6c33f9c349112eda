import { Inject, Injectable } from '@nestjs/common';
import type { WorkingCalendar } from '@motcua/calendar';
import { DeadlinePolicy } from '../dossiers/deadline-policy';
import { WORKING_CALENDAR } from './working-calendar.provider';

type Unit = Parameters<WorkingCalendar['dueAt']>[2];
const UNITS: readonly string[] = ['working_days', 'working_hours', 'calendar_days'];

/** Appointment = receipt + the procedure's time limit, counted on the agency's working calendar. */
@Injectable()
export class CalendarDeadlinePolicy extends DeadlinePolicy {
  constructor(@Inject(WORKING_CALENDAR) private readonly calendar: WorkingCalendar) {
    super();
  }

  appointmentFor(receivedAt: Date, processingTime: { amount: number; unit: string } | null): Date | null {
    if (!processingTime) return null;
    if (!UNITS.includes(processingTime.unit)) throw new Error(`Unknown processing-time unit ${processingTime.unit}`);
    return this.calendar.dueAt(receivedAt, processingTime.amount, processingTime.unit as Unit);
  }
}
