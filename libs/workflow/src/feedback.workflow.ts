import { FEEDBACK_EVENT_TYPES, FEEDBACK_STATES } from './feedback.types';
import type {
  FeedbackActor,
  FeedbackContext,
  FeedbackDecision,
  FeedbackDecisionResult,
  FeedbackEffect,
  FeedbackEvent,
  FeedbackEventType,
  FeedbackState,
  PersistedFeedback,
  StartFeedbackInput,
} from './feedback.types';
import { FEEDBACK_MACHINE_VERSION, feedbackMachine } from './feedback.machine';
import type { FeedbackSnapshot } from './feedback.machine';
import { FEEDBACK_PERMISSIONS, FEEDBACK_SCOPES } from './feedback.permissions';
import type { FeedbackScope } from './feedback.permissions';
import { parseFeedbackEvent, validateFeedbackInput } from './feedback.payload';
import { InvalidPersistedSnapshot, createWorkflow } from './workflow-engine';
import type { Workflow, WorkflowDefinition } from './workflow-engine';

/** Thrown when a stored feedback snapshot cannot be restored: unknown machine version, or a state the machine lacks. */
export class InvalidPersistedFeedback extends InvalidPersistedSnapshot {
  override readonly name = 'InvalidPersistedFeedback';
}

/** The feedback workflow's type parameters for the engine. */
export interface FeedbackWorkflowTypes {
  machine: typeof feedbackMachine;
  state: FeedbackState;
  context: FeedbackContext;
  event: FeedbackEvent;
  effect: FeedbackEffect;
  actor: FeedbackActor;
  input: StartFeedbackInput;
  scope: FeedbackScope;
  details: Record<never, never>;
}

/** "state in_handling (department PQLKH)", for messages. */
function whereIs(persisted: PersistedFeedback): string {
  const { departmentCode } = persisted.context;
  return departmentCode === null ? `state ${persisted.value}` : `state ${persisted.value} (department ${departmentCode})`;
}

/** What the engine needs to run feedback (exported for the engine's own tests). */
export const feedbackWorkflowDefinition: WorkflowDefinition<FeedbackWorkflowTypes> = {
  name: 'feedback',
  machine: feedbackMachine,
  version: FEEDBACK_MACHINE_VERSION,
  states: FEEDBACK_STATES,
  eventTypes: FEEDBACK_EVENT_TYPES,
  probeEvents: {
    CLASSIFY: { type: 'CLASSIFY', category: 'regulation', departmentCode: 'probe' },
    REJECT: { type: 'REJECT', reason: 'probe' },
    REQUEST_SUPPLEMENT: { type: 'REQUEST_SUPPLEMENT', reason: 'probe' },
    SUPPLEMENT_RECEIVED: { type: 'SUPPLEMENT_RECEIVED' },
    START_HANDLING: { type: 'START_HANDLING' },
    ANSWER: { type: 'ANSWER', answer: 'probe' },
    PUBLISH: { type: 'PUBLISH' },
    CLOSE: { type: 'CLOSE', reason: 'probe' },
    RATE: { type: 'RATE', verdict: 'satisfied' },
  },
  permissions: FEEDBACK_PERMISSIONS,
  scopes: FEEDBACK_SCOPES,
  parseEvent: parseFeedbackEvent,
  prepareInput: validateFeedbackInput,
  decisionDetails: () => ({}),
  describe: whereIs,
  invalidPersisted: InvalidPersistedFeedback,
};

/**
 * The feedback workflow as the engine runs it — the same engine, hence the same checks, result
 * shapes and persistence as dossiers. `startFeedback`, `decideFeedback`, `allowedFeedbackEvents`,
 * `restoreFeedback` and `toPersistedFeedback` are this object's functions.
 */
export const feedbackWorkflow: Workflow<FeedbackWorkflowTypes> = createWorkflow(feedbackWorkflowDefinition);

/**
 * Starts a feedback's life in `received`, with `feedback.received` and the clocks that run from
 * receipt (`reject`, `supplement`, `handle`). There is no previous state: `from` equals `to`.
 * @throws InvalidFeedbackInput for an unknown source, a malformed dossier code, or a `dossier`
 *   source without one.
 */
export const startFeedback: (input: StartFeedbackInput) => FeedbackDecision = feedbackWorkflow.start;

/**
 * Decides what `event`, sent by `actor` (staff, or the citizen: `citizenActor`), does to the
 * stored feedback. Same checks, in the same order, as the dossier's `decide`.
 * @throws InvalidPersistedFeedback when the stored state is not one of the machine's states.
 */
export const decideFeedback: (persisted: PersistedFeedback, event: FeedbackEvent, actor: FeedbackActor) => FeedbackDecisionResult =
  feedbackWorkflow.decide;

/** Events `actor` may send now, in `FEEDBACK_EVENT_TYPES` order; empty for an unknown machine version. */
export const allowedFeedbackEvents: (persisted: PersistedFeedback, actor: FeedbackActor) => FeedbackEventType[] =
  feedbackWorkflow.allowedEvents;

/** Rebuilds a live snapshot from its stored form. @throws InvalidPersistedFeedback */
export const restoreFeedback: (persisted: PersistedFeedback, machine?: typeof feedbackMachine) => FeedbackSnapshot =
  feedbackWorkflow.restore;

/** The JSON-safe form of a live snapshot, to store in the feedback row. */
export const toPersistedFeedback: (snapshot: FeedbackSnapshot) => PersistedFeedback = feedbackWorkflow.toPersisted;
