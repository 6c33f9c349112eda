import { HOURS_PER_WORKING_DAY, type ProcessingTime } from './catalogue.types';

/**
 * The fewest Monday-to-Friday days in any run of `calendarDays` consecutive days.
 *
 * The worst case starts on a Saturday: every full week gives 5 working days, and the leftover
 * days lose up to two weekend days first. Public holidays are not subtracted: the catalogue
 * has no calendar, and the late-dossier rules (apology, new appointment) cover Tết and similar
 * breaks.
 *
 * @example minWorkingDaysInCalendarDays(15) // 10 (Sat … Sun two weeks later, plus one Saturday)
 */
export function minWorkingDaysInCalendarDays(calendarDays: number): number {
  if (!Number.isInteger(calendarDays) || calendarDays < 0) {
    throw new RangeError(`calendarDays must be a non-negative integer, got ${calendarDays}`);
  }
  const weeks = Math.floor(calendarDays / 7);
  const rest = calendarDays % 7;
  return weeks * 5 + Math.max(0, rest - 2);
}

/**
 * The working days that processing steps may use in total, for a processing time:
 * - `working_days`: the amount itself;
 * - `working_hours`: hours ÷ {@link HOURS_PER_WORKING_DAY} (8), so 94 hours give 11.75 days;
 * - `calendar_days`: {@link minWorkingDaysInCalendarDays}, so the steps fit however the
 *   calendar falls.
 *
 * Returns `null` when the procedure has no time limit.
 */
export function workingDayBudget(time: ProcessingTime | null): number | null {
  if (time === null) return null;
  switch (time.unit) {
    case 'working_days':
      return time.amount;
    case 'working_hours':
      return time.amount / HOURS_PER_WORKING_DAY;
    case 'calendar_days':
      return minWorkingDaysInCalendarDays(time.amount);
  }
}

/** Short Vietnamese rendering of a processing time, for messages: "15 ngày làm việc". */
export function formatProcessingTime(time: ProcessingTime | null): string {
  if (time === null) return 'không quy định';
  const unit = { working_days: 'ngày làm việc', working_hours: 'giờ làm việc', calendar_days: 'ngày' }[time.unit];
  return `${time.amount} ${unit}`;
}
