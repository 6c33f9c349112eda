/**
 * Public types of the dossier workflow. This file is the contract between the pure
 * workflow library and its adapters (HTTP, persistence, import): state and event
 * names are stored in the database and sent over the API, so renaming one is a
 * data migration. The generic shapes behind `PersistedDossier`, `Decision` and `Rejection`
 * are in `workflow.types.ts` (shared with the feedback workflow).
 */
import type { PersistedSnapshot, WorkflowDecision, WorkflowRejection } from './workflow.types';

export type { RejectionCode } from './workflow.types';

/** Roles a user can hold. A user may hold several. */
export type Role = 'admin' | 'clerk' | 'specialist' | 'leader' | 'reporter';
export const ROLES: readonly Role[] = ['admin', 'clerk', 'specialist', 'leader', 'reporter'];

/** Receiving channel (DVCQG field KenhThucHien: 1 direct, 2 online, 3 postal; DOMAIN.md §2.3). */
export type Channel = 'direct' | 'online' | 'postal';
export const CHANNELS: readonly Channel[] = ['direct', 'online', 'postal'];

/** How a result is returned (DOMAIN.md §2.10). */
export type ReturnMethod = 'counter' | 'post' | 'online';
export const RETURN_METHODS: readonly ReturnMethod[] = ['counter', 'post', 'online'];

export type DossierState =
  | 'submitted'
  | 'received'
  | 'processing'
  | 'awaiting_supplement'
  | 'result_issued'
  | 'returned'
  | 'refused'
  | 'stopped'
  | 'withdrawn'
  | 'rejected';

export const DOSSIER_STATES: readonly DossierState[] = [
  'submitted',
  'received',
  'processing',
  'awaiting_supplement',
  'result_issued',
  'returned',
  'refused',
  'stopped',
  'withdrawn',
  'rejected',
];

export const END_STATES: readonly DossierState[] = ['returned', 'refused', 'stopped', 'withdrawn', 'rejected'];

/** States in which the applicant has a result: issued, then handed over. */
export const RESULT_STATES: readonly DossierState[] = ['result_issued', 'returned'];

/** End states without a result: refused, stopped, withdrawn, or never received (rejected). */
export const ENDED_WITHOUT_RESULT: readonly DossierState[] = END_STATES.filter((s) => !RESULT_STATES.includes(s));

/** One processing step of a procedure version, in order. */
export interface ProcessingStep {
  key: string;
  /** Vietnamese name shown to staff, e.g. "Thẩm định hồ sơ". */
  name: string;
  /** Department that handles this step. */
  departmentCode: string;
  /** Role that acts at this step (typically specialist or leader). */
  role: Role;
  /** Working days allotted to this step. */
  workingDays: number;
}

/** Who sends an event. Built by the adapter from the authenticated user. */
export interface Actor {
  userId: string;
  roles: readonly Role[];
  departmentCode: string | null;
}

export type DossierEvent =
  | { type: 'ACCEPT' }
  | { type: 'REJECT'; reason: string }
  | { type: 'COMPLETE_DIGITISATION' }
  | { type: 'FORWARD'; note?: string }
  | { type: 'SEND_BACK'; reason: string }
  | { type: 'REQUEST_SUPPLEMENT'; reason: string }
  | { type: 'SUPPLEMENT_RECEIVED'; note?: string }
  | { type: 'ISSUE_RESULT'; note?: string }
  | { type: 'RETURN_RESULT'; method: ReturnMethod }
  | { type: 'REFUSE'; reason: string }
  | { type: 'STOP'; reason: string }
  | { type: 'WITHDRAW'; reason: string }
  | { type: 'APOLOGISE'; reason: string; newAppointment: string };

export type DossierEventType = DossierEvent['type'];

export const DOSSIER_EVENT_TYPES: readonly DossierEventType[] = [
  'ACCEPT',
  'REJECT',
  'COMPLETE_DIGITISATION',
  'FORWARD',
  'SEND_BACK',
  'REQUEST_SUPPLEMENT',
  'SUPPLEMENT_RECEIVED',
  'ISSUE_RESULT',
  'RETURN_RESULT',
  'REFUSE',
  'STOP',
  'WITHDRAW',
  'APOLOGISE',
];

/** Input to start a dossier's life. */
export interface StartDossierInput {
  channel: Channel;
  steps: readonly ProcessingStep[];
}

/** What the machine keeps: only what guards and adapters need. */
export interface DossierContext {
  channel: Channel;
  steps: ProcessingStep[];
  /** Index into `steps` of the current step; null before processing starts. */
  stepIndex: number | null;
  /** Number of REQUEST_SUPPLEMENT events accepted while the clock was running (DOMAIN.md §1.4 rule 2.1). */
  supplementRequests: number;
  /** State to go back to on SUPPLEMENT_RECEIVED; null when not awaiting a supplement. */
  resumeTo: 'submitted' | 'processing' | null;
  /** APOLOGISE may be recorded once per dossier (DOMAIN.md §2.9). */
  apologised: boolean;
}

/** JSON-safe snapshot stored in the dossier row. */
export interface PersistedDossier extends PersistedSnapshot<DossierState, DossierContext> {}

/**
 * Effects a transition asks the adapters to carry out (after commit, through the outbox),
 * or to record (clock changes). Returned, never executed, by the library.
 */
export type DossierEffect =
  | { type: 'dossier.received' } // clock starts: compute receivedAt and dueAt
  | { type: 'dossier.rejected'; reason: string }
  | { type: 'step.entered'; stepIndex: number; step: ProcessingStep }
  | { type: 'clock.paused'; reason: string } // supplement requested while clock running
  | { type: 'clock.resumed' }
  | { type: 'supplement.requested'; reason: string; duringIntake: boolean }
  | { type: 'result.issued' }
  | { type: 'result.returned'; method: ReturnMethod }
  | { type: 'apology.recorded'; reason: string; newAppointment: string }
  | { type: 'dossier.ended'; state: DossierState; reason?: string };

export interface Decision extends WorkflowDecision<DossierState, DossierEffect, DossierContext> {
  /** Step index before and after (null outside processing). */
  stepFrom: number | null;
  stepTo: number | null;
  snapshot: PersistedDossier;
}

export interface Rejection extends WorkflowRejection<DossierState, DossierEventType> {}

export type DecisionResult = Decision | Rejection;
