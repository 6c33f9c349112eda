import type { WorkingCalendar } from '@motcua/calendar';
import { FEEDBACK_PHASES } from './feedback.types';
import type { FeedbackEventType, FeedbackPhase } from './feedback.types';

/**
 * Time limits of the feedback (PAKN) deadline phases, in working days of the agency's calendar
 * (libs/calendar).
 *
 * Source of the numbers: DOMAIN.md §1.4 indicator 5.2, the DVCQG computation of the 766 index —
 * "rejection within 2 working days; request for supplements within 5 working days; handling
 * within 15 working days; publication within 2 working days". The likely legal source is
 * Nghị định 20/2008/NĐ-CP on receiving and handling feedback and petitions of individuals and
 * organisations on administrative regulations (as amended, e.g. by Nghị định 92/2017/NĐ-CP);
 * the exact articles, and from when each limit counts, are UNVERIFIED. Hence configurable.
 *
 * When each clock runs (feedback.machine.ts):
 * - `reject`: from receipt until REJECT (completed) or until handling starts / the feedback is closed (lapsed);
 * - `supplement`: from receipt until the first REQUEST_SUPPLEMENT (completed) or until the answer / an end (lapsed);
 * - `handle`: from receipt until ANSWER (completed) or an end (lapsed);
 * - `publish`: from ANSWER until PUBLISH (completed) or CLOSE (lapsed).
 * Every open clock is paused while a supplement is awaited: the citizen's time does not count
 * (as for dossiers, DOMAIN.md §1.4 rule 2.1; for PAKN this is a decision, UNVERIFIED).
 */
export type FeedbackDeadlines = Readonly<Record<FeedbackPhase, number>>;

export const DEFAULT_FEEDBACK_DEADLINES: FeedbackDeadlines = Object.freeze({
  reject: 2,
  supplement: 5,
  handle: 15,
  publish: 2,
});

/** The event whose acceptance completes each phase (any other way out of a phase is a lapse). */
export const FEEDBACK_PHASE_COMPLETED_BY: Readonly<Record<FeedbackPhase, FeedbackEventType>> = Object.freeze({
  reject: 'REJECT',
  supplement: 'REQUEST_SUPPLEMENT',
  handle: 'ANSWER',
  publish: 'PUBLISH',
});

/**
 * The defaults with `overrides` applied, checked: every value a finite number of working days
 * >= 0 (fractions allowed, as for procedure steps), no unknown phase.
 * @throws RangeError listing every problem.
 */
export function feedbackDeadlines(overrides: Partial<Record<FeedbackPhase, number>> = {}): FeedbackDeadlines {
  const problems: string[] = [];
  for (const key of Object.keys(overrides)) {
    if (!FEEDBACK_PHASES.some((phase) => phase === key)) problems.push(`unknown phase ${JSON.stringify(key)}`);
  }
  const deadlines = { ...DEFAULT_FEEDBACK_DEADLINES, ...overrides };
  for (const phase of FEEDBACK_PHASES) {
    const days: unknown = deadlines[phase];
    if (typeof days !== 'number' || !Number.isFinite(days) || days < 0) {
      problems.push(`${phase} must be a finite number of working days >= 0`);
    }
  }
  if (problems.length > 0) throw new RangeError(`Invalid feedback deadlines: ${problems.join('; ')}`);
  return Object.freeze(deadlines);
}

/**
 * Due time of a phase whose clock started at `startedAt` (the `deadline.started` effect's time),
 * before any pause: counted like a dossier's time limit (`calendar.dueAt` in working days, so a
 * start after the receipt cutoff counts from the next working day). Paused working time, if
 * any, is added by the adapter when the clock resumes, as for dossiers (libs/deadlines).
 */
export function feedbackPhaseDueAt(
  calendar: Pick<WorkingCalendar, 'dueAt'>,
  phase: FeedbackPhase,
  startedAt: Date,
  deadlines: FeedbackDeadlines = DEFAULT_FEEDBACK_DEADLINES,
): Date {
  return calendar.dueAt(startedAt, deadlines[phase], 'working_days');
}
