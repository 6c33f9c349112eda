import { HOURS_PER_WORKING_DAY, type ProcessingTime, type ProcessingTimeUnit } from './catalogue.types';

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
 * The fewest calendar days `months` calendar months can span: 28 for the first month (a February
 * ending on its 28th, or 31/01 → 28/02) and 30 for each further one. A lower bound, so the steps fit
 * however the months fall (checked against every start day of two centuries in the spec); exact for 1.
 *
 * @example minCalendarDaysInMonths(1) // 28
 */
export function minCalendarDaysInMonths(months: number): number {
  if (!Number.isInteger(months) || months < 0) {
    throw new RangeError(`months must be a non-negative integer, got ${months}`);
  }
  return months === 0 ? 0 : 28 + 30 * (months - 1);
}

/**
 * The working days that processing steps may use in total, for a processing time:
 * - `working_days`: the amount itself;
 * - `working_hours`: hours ÷ {@link HOURS_PER_WORKING_DAY} (8), so 94 hours give 11.75 days;
 * - `calendar_days`: {@link minWorkingDaysInCalendarDays}, so the steps fit however the
 *   calendar falls;
 * - `calendar_months`: the same, of {@link minCalendarDaysInMonths} (1 month → 28 days → 20).
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
    case 'calendar_months':
      return minWorkingDaysInCalendarDays(minCalendarDaysInMonths(time.amount));
  }
}

/** Vietnamese names of the units, as papers, exports and screens print them. */
export const PROCESSING_TIME_UNIT_LABELS_VI: Readonly<Record<ProcessingTimeUnit, string>> = Object.freeze({
  working_days: 'ngày làm việc',
  working_hours: 'giờ làm việc',
  calendar_days: 'ngày',
  calendar_months: 'tháng',
});

/** Short Vietnamese rendering of a processing time, for messages: "15 ngày làm việc". */
export function formatProcessingTime(time: ProcessingTime | null): string {
  if (time === null) return 'không quy định';
  const unit = PROCESSING_TIME_UNIT_LABELS_VI[time.unit];
  return `${time.amount} ${unit}`;
}
