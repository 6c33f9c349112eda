import { and, assertEvent, assign, emit, enqueueActions, setup } from 'xstate';
import type { SnapshotFrom } from 'xstate';
import { FEEDBACK_PHASE_COMPLETED_BY } from './feedback-deadlines';
import { FEEDBACK_PERMISSIONS, FEEDBACK_SCOPES } from './feedback.permissions';
import { FEEDBACK_PHASES } from './feedback.types';
import type { FeedbackActor, FeedbackContext, FeedbackEffect, FeedbackEvent, FeedbackPhase, FeedbackSource } from './feedback.types';
import { permissionGuard, permittedIn } from './workflow-engine';

/**
 * Version of the machine's persisted shape and semantics. Stored with every snapshot; bump it
 * (and migrate or keep the old machine) whenever a stored snapshot could mean something else.
 */
export const FEEDBACK_MACHINE_VERSION = 1;

/** What the machine receives: a contract event plus who sends it (guards need the sender). */
export type FeedbackMachineEvent = FeedbackEvent & { actor: FeedbackActor };

/** The machine's input, as `startFeedback` validated it. */
export interface FeedbackMachineInput {
  source: FeedbackSource;
  dossierCode: string | null;
}

type ResumeTarget = NonNullable<FeedbackContext['resumeTo']>;

/** Phases whose clock opens at receipt. */
const PHASES_FROM_RECEIPT: readonly FeedbackPhase[] = ['reject', 'supplement', 'handle'];

/** Entry of an end state: every way into it reports the end, with its reason. */
function endState(state: 'closed' | 'rejected') {
  return { type: 'final', entry: { type: 'announceEnd', params: { state } } } as const;
}

function endPhases(phases: readonly FeedbackPhase[] | 'all') {
  return { type: 'endPhases', params: { phases } } as const;
}

/** A SUPPLEMENT_RECEIVED branch back to the state the request was made in. */
function resumeTo(state: ResumeTarget) {
  return {
    guard: and([{ type: 'resumesTo', params: { state } }, permittedIn('awaiting_supplement')]),
    target: state,
    actions: 'resumeOpenPhases',
  } as const;
}

/** REQUEST_SUPPLEMENT from `state`: records the request, closes the supplement phase, pauses the other clocks. */
function requestSupplementFrom(state: ResumeTarget) {
  return {
    guard: permittedIn(state),
    target: 'awaiting_supplement',
    actions: [{ type: 'requestSupplement', params: { resumeTo: state } }, endPhases(['supplement']), 'pauseOpenPhases'],
  } as const;
}

/**
 * The feedback (PAKN) workflow:
 *
 *   received ─CLASSIFY→ classified ─START_HANDLING→ in_handling ─ANSWER→ answered ─PUBLISH→ published
 *   received, classified ─REJECT→ rejected
 *   received, classified, in_handling ─REQUEST_SUPPLEMENT→ awaiting_supplement ─SUPPLEMENT_RECEIVED→ back
 *   any open state but published ─CLOSE→ closed
 *   answered, published ─RATE→ (same state; once)
 *
 * Conventions shared with the dossier machine, on which the workflow engine relies: every event
 * transition's guard is `and([<when it can happen>, permittedIn(<its state>)])` (or the permission
 * alone); effects are `emit`ted, never executed.
 *
 * `published` is not a final state: the answer is public and the handling is over, but the citizen
 * may still rate it. `closed` and `rejected` are final. CLOSE from `answered` (a leader deciding
 * not to publish) therefore also ends the citizen's chance to rate a not-yet-rated answer.
 *
 * Deadline phases (feedback-deadlines.ts) are tracked in `context.openPhases`: an effect opens,
 * pauses, resumes or ends each clock; a phase ends `completed` when the event that completes it
 * (FEEDBACK_PHASE_COMPLETED_BY) is the one that ends it.
 */
export const feedbackMachine = setup({
  types: {
    context: {} as FeedbackContext,
    events: {} as FeedbackMachineEvent,
    input: {} as FeedbackMachineInput,
    emitted: {} as FeedbackEffect,
  },
  guards: {
    // The engine's permission guard over FEEDBACK_PERMISSIONS (the engine provides it again from
    // the table it is given; here it makes the bare machine behave the same, e.g. for xstate/graph).
    actorPermitted: permissionGuard(FEEDBACK_PERMISSIONS, FEEDBACK_SCOPES),
    resumesTo: ({ context }, params: { state: ResumeTarget }) => context.resumeTo === params.state,
    notYetRated: ({ context }) => context.verdict === null,
  },
  actions: {
    announceReceipt: emit(({ context }) => ({
      type: 'feedback.received' as const,
      source: context.source,
      dossierCode: context.dossierCode,
    })),
    startPhases: enqueueActions(({ context, enqueue }, params: { phases: readonly FeedbackPhase[] }) => {
      const started = FEEDBACK_PHASES.filter((phase) => params.phases.includes(phase) && !context.openPhases.includes(phase));
      enqueue.assign({ openPhases: FEEDBACK_PHASES.filter((phase) => context.openPhases.includes(phase) || started.includes(phase)) });
      for (const phase of started) enqueue.emit({ type: 'deadline.started', phase });
    }),
    endPhases: enqueueActions(({ context, event, enqueue }, params: { phases: readonly FeedbackPhase[] | 'all' }) => {
      const ending = context.openPhases.filter((phase) => params.phases === 'all' || params.phases.includes(phase));
      enqueue.assign({ openPhases: context.openPhases.filter((phase) => !ending.includes(phase)) });
      for (const phase of ending) {
        enqueue.emit({ type: 'deadline.ended', phase, completed: FEEDBACK_PHASE_COMPLETED_BY[phase] === event.type });
      }
    }),
    pauseOpenPhases: enqueueActions(({ context, enqueue }) => {
      for (const phase of context.openPhases) enqueue.emit({ type: 'deadline.paused', phase });
    }),
    resumeOpenPhases: enqueueActions(({ context, enqueue }) => {
      for (const phase of context.openPhases) enqueue.emit({ type: 'deadline.resumed', phase });
    }),
    classify: enqueueActions(({ event, enqueue }) => {
      assertEvent(event, 'CLASSIFY');
      enqueue.assign({ category: event.category, departmentCode: event.departmentCode });
      enqueue.emit({ type: 'feedback.classified', category: event.category, departmentCode: event.departmentCode });
    }),
    requestSupplement: enqueueActions(({ context, event, enqueue }, params: { resumeTo: ResumeTarget }) => {
      assertEvent(event, 'REQUEST_SUPPLEMENT');
      enqueue.assign({ resumeTo: params.resumeTo, supplementRequests: context.supplementRequests + 1 });
      enqueue.emit({ type: 'feedback.supplement_requested', reason: event.reason });
    }),
    clearResume: assign({ resumeTo: null }),
    announceAnswer: emit(({ event }) => {
      assertEvent(event, 'ANSWER');
      return { type: 'feedback.answered', answer: event.answer };
    }),
    announcePublication: emit({ type: 'feedback.published' }),
    recordRating: enqueueActions(({ event, enqueue }) => {
      assertEvent(event, 'RATE');
      enqueue.assign({ verdict: event.verdict });
      enqueue.emit({ type: 'feedback.rated', verdict: event.verdict });
    }),
    announceEnd: emit(({ event }, params: { state: 'closed' | 'rejected' }) => {
      assertEvent(event, ['REJECT', 'CLOSE']);
      return { type: 'feedback.ended', state: params.state, reason: event.reason };
    }),
  },
}).createMachine({
  id: 'feedback',
  context: ({ input }) => ({
    source: input.source,
    dossierCode: input.dossierCode,
    category: null,
    departmentCode: null,
    openPhases: [],
    resumeTo: null,
    supplementRequests: 0,
    verdict: null,
  }),
  // Receipt happens once, at start (not on `received`'s entry: a supplement at intake returns there).
  entry: ['announceReceipt', { type: 'startPhases', params: { phases: PHASES_FROM_RECEIPT } }],
  initial: 'received',
  states: {
    received: {
      on: {
        CLASSIFY: { guard: permittedIn('received'), target: 'classified', actions: 'classify' },
        REJECT: { guard: permittedIn('received'), target: 'rejected', actions: endPhases('all') },
        REQUEST_SUPPLEMENT: requestSupplementFrom('received'),
        CLOSE: { guard: permittedIn('received'), target: 'closed', actions: endPhases('all') },
      },
    },
    classified: {
      on: {
        // Re-classifying (another category or department) is possible until handling starts.
        CLASSIFY: { guard: permittedIn('classified'), actions: 'classify' },
        START_HANDLING: { guard: permittedIn('classified'), target: 'in_handling', actions: endPhases(['reject']) },
        REJECT: { guard: permittedIn('classified'), target: 'rejected', actions: endPhases('all') },
        REQUEST_SUPPLEMENT: requestSupplementFrom('classified'),
        CLOSE: { guard: permittedIn('classified'), target: 'closed', actions: endPhases('all') },
      },
    },
    in_handling: {
      on: {
        ANSWER: {
          guard: permittedIn('in_handling'),
          target: 'answered',
          actions: ['announceAnswer', endPhases('all'), { type: 'startPhases', params: { phases: ['publish'] } }],
        },
        REQUEST_SUPPLEMENT: requestSupplementFrom('in_handling'),
        CLOSE: { guard: permittedIn('in_handling'), target: 'closed', actions: endPhases('all') },
      },
    },
    awaiting_supplement: {
      // However the wait ends (supplement received, or closed), nothing is awaited any more.
      exit: 'clearResume',
      on: {
        // The three targets have mutually exclusive conditions, so a refused permission on one
        // can never fall through to another.
        SUPPLEMENT_RECEIVED: [resumeTo('received'), resumeTo('classified'), resumeTo('in_handling')],
        CLOSE: { guard: permittedIn('awaiting_supplement'), target: 'closed', actions: endPhases('all') },
      },
    },
    answered: {
      on: {
        PUBLISH: {
          guard: permittedIn('answered'),
          target: 'published',
          actions: ['announcePublication', endPhases('all')],
        },
        RATE: { guard: and(['notYetRated', permittedIn('answered')]), actions: 'recordRating' },
        CLOSE: { guard: permittedIn('answered'), target: 'closed', actions: endPhases('all') },
      },
    },
    published: {
      on: {
        RATE: { guard: and(['notYetRated', permittedIn('published')]), actions: 'recordRating' },
      },
    },
    closed: endState('closed'),
    rejected: endState('rejected'),
  },
});

/** A live (restored or freshly computed) feedback snapshot. */
export type FeedbackSnapshot = SnapshotFrom<typeof feedbackMachine>;
