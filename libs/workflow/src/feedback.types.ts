/**
 * Public types of the feedback workflow: citizens' feedback and petitions on administrative
 * regulations and on officials' conduct (phản ánh, kiến nghị — PAKN). Like `dossier.types.ts`,
 * this is a contract: state, event and effect names are stored and sent over the API, so
 * renaming one is a data migration.
 *
 * The records feed the 766 index's satisfaction group (DOMAIN.md §1.3–1.4): 5.1 (category),
 * 5.2 (handled on time), 5.3 (the citizen's verdict) and the complaint part of 5.4 (a PAKN
 * linked to a dossier). See libs/indicators `FeedbackFact` for the facts drawn from them.
 */
import type { Actor } from './dossier.types';
import type { PersistedSnapshot, WorkflowDecision, WorkflowRejection } from './workflow.types';

/** Where the feedback came in: the public page, the counter, or from a dossier (the dossier's page). */
export type FeedbackSource = 'portal' | 'counter' | 'dossier';
export const FEEDBACK_SOURCES: readonly FeedbackSource[] = ['portal', 'counter', 'dossier'];

/** DOMAIN.md §1.4 indicator 5.1: about regulations and procedures, or about an official's conduct. */
export type FeedbackCategory = 'regulation' | 'conduct';
export const FEEDBACK_CATEGORIES: readonly FeedbackCategory[] = ['regulation', 'conduct'];

/** The citizen's rating of the answer (DOMAIN.md §1.3: not satisfied or re-complained counts against 5.3). */
export type FeedbackVerdict = 'satisfied' | 'dissatisfied' | 'recomplained';
export const FEEDBACK_VERDICTS: readonly FeedbackVerdict[] = ['satisfied', 'dissatisfied', 'recomplained'];

export type FeedbackState =
  | 'received'
  | 'classified'
  | 'in_handling'
  | 'awaiting_supplement'
  | 'answered'
  | 'published'
  | 'closed'
  | 'rejected';

export const FEEDBACK_STATES: readonly FeedbackState[] = [
  'received',
  'classified',
  'in_handling',
  'awaiting_supplement',
  'answered',
  'published',
  'closed',
  'rejected',
];

/**
 * The machine's final states: nothing can happen any more. `published` ends the handling but is
 * not final: the citizen may still rate the answer there (see feedback.machine.ts).
 */
export const FEEDBACK_END_STATES: readonly FeedbackState[] = ['closed', 'rejected'];

/**
 * Deadline phases (DOMAIN.md §1.4 indicator 5.2): deciding on rejection, asking for a
 * supplement, handling, publishing the answer. Time limits: `feedback-deadlines.ts`.
 */
export type FeedbackPhase = 'reject' | 'supplement' | 'handle' | 'publish';
export const FEEDBACK_PHASES: readonly FeedbackPhase[] = ['reject', 'supplement', 'handle', 'publish'];

/**
 * The author of a feedback acting through the public page: not a staff account. The adapter
 * builds it only after checking that this person may act on this feedback (e.g. with the
 * lookup code given at receipt). It holds no role, so no staff rule ever admits it.
 */
export interface CitizenActor {
  userId: string;
  roles: readonly [];
  departmentCode: null;
  citizen: true;
}

/** Who sends a feedback event: a staff user, or the citizen. */
export type FeedbackActor = Actor | CitizenActor;

export type FeedbackEvent =
  | { type: 'CLASSIFY'; category: FeedbackCategory; departmentCode: string }
  | { type: 'REJECT'; reason: string }
  | { type: 'REQUEST_SUPPLEMENT'; reason: string }
  | { type: 'SUPPLEMENT_RECEIVED'; note?: string }
  | { type: 'START_HANDLING'; note?: string }
  | { type: 'ANSWER'; answer: string }
  | { type: 'PUBLISH' }
  | { type: 'CLOSE'; reason: string }
  | { type: 'RATE'; verdict: FeedbackVerdict };

export type FeedbackEventType = FeedbackEvent['type'];

export const FEEDBACK_EVENT_TYPES: readonly FeedbackEventType[] = [
  'CLASSIFY',
  'REJECT',
  'REQUEST_SUPPLEMENT',
  'SUPPLEMENT_RECEIVED',
  'START_HANDLING',
  'ANSWER',
  'PUBLISH',
  'CLOSE',
  'RATE',
];

/** Input to start a feedback's life (its content lives in the adapter's row, not in the workflow). */
export interface StartFeedbackInput {
  source: FeedbackSource;
  /** Code of the dossier it is about (mã hồ sơ). Required when `source` is `dossier`, optional otherwise. */
  dossierCode?: string | null;
}

/** What the machine keeps: only what guards and adapters need. */
export interface FeedbackContext {
  source: FeedbackSource;
  dossierCode: string | null;
  /** Set by CLASSIFY. */
  category: FeedbackCategory | null;
  /** Department assigned to handle the feedback, set by CLASSIFY; its specialists handle and answer. */
  departmentCode: string | null;
  /** Deadline phases whose clock is open (running, or paused while awaiting a supplement), in FEEDBACK_PHASES order. */
  openPhases: FeedbackPhase[];
  /** State to go back to on SUPPLEMENT_RECEIVED; null when not awaiting a supplement. */
  resumeTo: 'received' | 'classified' | 'in_handling' | null;
  /** Number of REQUEST_SUPPLEMENT events accepted. */
  supplementRequests: number;
  /** The citizen's rating; RATE may be recorded once. */
  verdict: FeedbackVerdict | null;
}

/** JSON-safe snapshot stored in the feedback row. */
export interface PersistedFeedback extends PersistedSnapshot<FeedbackState, FeedbackContext> {}

/**
 * Effects a transition asks the adapters to carry out or record. Returned, never executed.
 *
 * Deadline effects drive one clock per phase: `deadline.started` opens it now (due = now + the
 * phase's working days, `feedbackPhaseDueAt`); `deadline.paused`/`resumed` bracket the wait for
 * a citizen's supplement (that time does not count); `deadline.ended` closes it — `completed:
 * true` when the phase's own action was just taken (judge it on time against the due), `false`
 * when the phase lapsed without it (the feedback moved on or ended: nothing to judge).
 */
export type FeedbackEffect =
  | { type: 'feedback.received'; source: FeedbackSource; dossierCode: string | null }
  | { type: 'feedback.classified'; category: FeedbackCategory; departmentCode: string }
  | { type: 'feedback.supplement_requested'; reason: string }
  | { type: 'feedback.answered'; answer: string }
  | { type: 'feedback.published' }
  | { type: 'feedback.rated'; verdict: FeedbackVerdict }
  | { type: 'feedback.ended'; state: 'closed' | 'rejected'; reason: string }
  | { type: 'deadline.started'; phase: FeedbackPhase }
  | { type: 'deadline.paused'; phase: FeedbackPhase }
  | { type: 'deadline.resumed'; phase: FeedbackPhase }
  | { type: 'deadline.ended'; phase: FeedbackPhase; completed: boolean };

export interface FeedbackDecision extends WorkflowDecision<FeedbackState, FeedbackEffect, FeedbackContext> {
  snapshot: PersistedFeedback;
}

export interface FeedbackRejection extends WorkflowRejection<FeedbackState, FeedbackEventType> {}

export type FeedbackDecisionResult = FeedbackDecision | FeedbackRejection;
