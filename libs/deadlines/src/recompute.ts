import type { DeadlineUnit, WorkingCalendar } from '@motcua/calendar';

/**
 * Due times of an open dossier when the working calendar changes under it (an official holiday
 * notice loaded after the dates were computed, issue #12 acceptance 6).
 *
 * Each stored due time is the result of a formula on the calendar (the same as `advanceClock`'s):
 * - legal appointment = receipt + the procedure's time limit;
 * - due time = that + the working time paused for supplements so far;
 * - appointment = the due time, unless an apology letter gave another date (which stays: it was
 *   promised in writing);
 * - current step's due = entry + the step's working days + the working time paused since.
 *
 * A time moves only when the two calendars give different results for it, to the new calendar's
 * result, and only while it still lies ahead (`> now`): a date already passed was already acted on.
 */
export type DueTimeField = 'legalAppointmentAt' | 'dueAt' | 'appointmentAt' | 'stepDueAt';

export interface DueTimes {
  receivedAt: Date;
  processingTime: { amount: number; unit: DeadlineUnit } | null;
  pausedMinutes: number;
  legalAppointmentAt: Date | null;
  dueAt: Date | null;
  appointmentAt: Date | null;
  step: { enteredAt: Date; dueAt: Date; workingDays: number; pausedMinutes: number } | null;
}

export interface DueTimeChange {
  field: DueTimeField;
  from: Date;
  to: Date;
}

export function recomputeDueTimes(times: DueTimes, before: WorkingCalendar, after: WorkingCalendar, now: Date): DueTimeChange[] {
  const changes: DueTimeChange[] = [];
  const consider = (field: DueTimeField, stored: Date | null, formula: (calendar: WorkingCalendar) => Date | null): void => {
    if (stored === null || stored.getTime() <= now.getTime()) return;
    const was = formula(before);
    const next = formula(after);
    if (was === null || next === null || was.getTime() === next.getTime() || stored.getTime() === next.getTime()) return;
    changes.push({ field, from: stored, to: next });
  };
  const pushed = (calendar: WorkingCalendar, from: Date, minutes: number): Date => (minutes > 0 ? calendar.addWorkingMinutes(from, minutes) : from);
  const { processingTime, step } = times;
  if (processingTime) {
    const legal = (calendar: WorkingCalendar) => calendar.dueAt(times.receivedAt, processingTime.amount, processingTime.unit);
    const due = (calendar: WorkingCalendar) => pushed(calendar, legal(calendar), times.pausedMinutes);
    consider('legalAppointmentAt', times.legalAppointmentAt, legal);
    consider('dueAt', times.dueAt, due);
    // The appointment follows the due time unless an apology letter set it.
    if (times.appointmentAt !== null && times.dueAt !== null && times.appointmentAt.getTime() === times.dueAt.getTime()) {
      consider('appointmentAt', times.appointmentAt, due);
    }
  }
  if (step) consider('stepDueAt', step.dueAt, (calendar) => pushed(calendar, calendar.addWorkingDays(step.enteredAt, step.workingDays), step.pausedMinutes));
  return changes;
}
