import type { WorkingCalendar } from '@motcua/calendar';
import { intakeReview } from '@motcua/deadlines';
import type { DossierEvent } from '@motcua/workflow';
import type { DossierEntity } from './dossier.entity';

/**
 * The clerk's decision on an online submission (accept or reject), judged against its intake time
 * (ONLINE_INTAKE_WORKING_HOURS, 8 by default: libs/deadlines intake-review.ts). Recorded in the
 * decision's audit event, `details.intake`, so a late one is flagged where the history shows it.
 * The time counts from when the submission reached us (`submitted_at`).
 */
export function onlineIntakeDetails(row: DossierEntity, event: DossierEvent, calendar: WorkingCalendar, workingHours: number, decidedAt: Date): Record<string, unknown> {
  if (row.channel !== 'online' || row.state !== 'submitted' || (event.type !== 'ACCEPT' && event.type !== 'REJECT')) return {};
  const review = intakeReview(calendar, row.submittedAt, decidedAt, workingHours);
  return { intake: { decision: event.type, submittedAt: row.submittedAt.toISOString(), dueAt: review.dueAt.toISOString(), workingHours, late: review.late } };
}

/** Adds the intake review to an event's clock details (null when there is neither). */
export function withIntake(details: Record<string, unknown> | null, intake: Record<string, unknown>): Record<string, unknown> | null {
  return Object.keys(intake).length ? { ...(details ?? {}), ...intake } : details;
}
