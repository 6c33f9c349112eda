import type { WorkingCalendar } from '@motcua/calendar';

/**
 * Time the one-stop unit has to accept or reject an online submission, in working hours.
 * Issue #16 and the seed plan give 8 working hours (DOMAIN.md §2.3); the ND 118/2025 article is
 * UNVERIFIED, so the adapters read it from configuration (ONLINE_INTAKE_WORKING_HOURS) with this default.
 */
export const DEFAULT_INTAKE_REVIEW_WORKING_HOURS = 8;

export interface IntakeReview {
  /** When the decision was due: the submission plus the allowed working hours on the agency's calendar. */
  dueAt: Date;
  /** Working minutes between the submission and the decision (time outside office sessions does not count). */
  workingMinutesTaken: number;
  /** Decided after `dueAt`. A decision exactly at `dueAt` is in time. */
  late: boolean;
}

/**
 * Whether the clerk's decision (accept or reject) on an online submission came within its
 * working hours. A submission made outside office hours starts counting at the next opening,
 * as every working-time period of the calendar does.
 */
export function intakeReview(
  calendar: Pick<WorkingCalendar, 'addWorkingHours' | 'workingMinutesBetween'>,
  submittedAt: Date,
  decidedAt: Date,
  workingHours: number = DEFAULT_INTAKE_REVIEW_WORKING_HOURS,
): IntakeReview {
  if (!Number.isFinite(workingHours) || workingHours <= 0) throw new RangeError(`workingHours must be a positive number, got ${workingHours}`);
  const dueAt = calendar.addWorkingHours(submittedAt, workingHours);
  return { dueAt, workingMinutesTaken: calendar.workingMinutesBetween(submittedAt, decidedAt), late: decidedAt.getTime() > dueAt.getTime() };
}
