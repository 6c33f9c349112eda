/**
 * @motcua/deadlines — the deadline clock of dossiers (pure): due and step due times,
 * supplementation pauses, outcomes, due-soon/overdue status, apology checks.
 */
export {
  advanceClock,
  checkApology,
  clockFromHistory,
  pauseMinutes,
  processingWorkingMinutes,
  deadlineStatus,
  outcomeOf,
  OUTCOMES,
  STOPPED_CLOCK,
  type ApologyCheck,
  type ClockInput,
  type ClockRecord,
  type ClockState,
  type DeadlineStatus,
  type OpenStep,
  type Outcome,
} from './dossier-clock';
export { DEFAULT_INTAKE_REVIEW_WORKING_HOURS, intakeReview, type IntakeReview } from './intake-review';
export { DEADLINE_STATUS_LABELS_VI, OUTCOME_LABELS_VI } from './labels';
export { recomputeDueTimes, type DueTimeChange, type DueTimeField, type DueTimes } from './recompute';
