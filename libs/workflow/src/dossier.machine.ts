import { and, assertEvent, assign, emit, enqueueActions, not, setup } from 'xstate';
import type { SnapshotFrom } from 'xstate';
import type {
  Actor,
  DossierContext,
  DossierEffect,
  DossierEvent,
  DossierState,
  StartDossierInput,
} from './dossier.types';
import { DOSSIER_PERMISSIONS, DOSSIER_SCOPES } from './permissions';
import { permissionGuard, permittedIn } from './workflow-engine';

/**
 * Version of the machine's persisted shape and semantics. Stored with every snapshot; bump it
 * (and migrate or keep the old machine) whenever a stored snapshot could mean something else.
 */
export const DOSSIER_MACHINE_VERSION = 1;

/** What the machine receives: a contract event plus who sends it (guards need the sender). */
export type DossierMachineEvent = DossierEvent & { actor: Actor };

type StepMove = 'first' | 'next' | 'previous';

function stepIndexAfter(current: number | null, move: StepMove): number {
  // Guards only let 'next'/'previous' through when a step is current, so null means 'first'.
  if (current === null || move === 'first') return 0;
  return move === 'next' ? current + 1 : current - 1;
}

/** Entry of an end state: every way into it reports the end, with the reason when there is one. */
function endState(state: DossierState) {
  return { type: 'final', entry: { type: 'announceEnd', params: { state } } } as const;
}

/**
 * The dossier workflow. Every transition guard is `and([<when it can happen>, permittedIn(state)])`:
 * the first part is the dossier's condition, the second the permission table. The workflow
 * engine (`workflow-engine.ts`) relies on this split to tell INVALID_TRANSITION (nobody could)
 * from FORBIDDEN (not this actor).
 *
 * Effects are `emit`ted, never executed: `transition()` hands them back to the caller.
 */
export const dossierMachine = setup({
  types: {
    context: {} as DossierContext,
    events: {} as DossierMachineEvent,
    input: {} as StartDossierInput,
    emitted: {} as DossierEffect,
  },
  guards: {
    // The engine's permission guard over DOSSIER_PERMISSIONS (the engine provides it again from
    // the table it is given; here it makes the bare machine behave the same, e.g. for xstate/graph).
    actorPermitted: permissionGuard(DOSSIER_PERMISSIONS, DOSSIER_SCOPES),
    isCounterChannel: ({ context }) => context.channel === 'direct',
    hasNextStep: ({ context }) => context.stepIndex !== null && context.stepIndex < context.steps.length - 1,
    hasPreviousStep: ({ context }) => context.stepIndex !== null && context.stepIndex > 0,
    isAtLastStep: ({ context }) => context.stepIndex === context.steps.length - 1,
    notYetApologised: ({ context }) => !context.apologised,
    resumesProcessing: ({ context }) => context.resumeTo === 'processing',
  },
  actions: {
    announceReceipt: emit({ type: 'dossier.received' }),
    announceRejection: emit(({ event }) => {
      assertEvent(event, 'REJECT');
      return { type: 'dossier.rejected', reason: event.reason };
    }),
    enterStep: enqueueActions(({ context, enqueue }, params: { move: StepMove }) => {
      const stepIndex = stepIndexAfter(context.stepIndex, params.move);
      enqueue.assign({ stepIndex });
      enqueue.emit({ type: 'step.entered', stepIndex, step: context.steps[stepIndex] });
    }),
    requestIntakeSupplement: enqueueActions(({ event, enqueue }) => {
      assertEvent(event, 'REQUEST_SUPPLEMENT');
      // The clock has not started: guidance at intake neither pauses it nor counts as a request.
      enqueue.assign({ resumeTo: 'submitted' });
      enqueue.emit({ type: 'supplement.requested', reason: event.reason, duringIntake: true });
    }),
    pauseForSupplement: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'REQUEST_SUPPLEMENT');
      // Requests made while the clock runs are limited by law (DOMAIN.md §1.4 rule 2.1): count them.
      enqueue.assign({ resumeTo: 'processing', supplementRequests: context.supplementRequests + 1 });
      enqueue.emit({ type: 'supplement.requested', reason: event.reason, duringIntake: false });
      enqueue.emit({ type: 'clock.paused', reason: event.reason });
    }),
    clearResume: assign({ resumeTo: null }),
    resumeClock: emit({ type: 'clock.resumed' }),
    announceResult: emit({ type: 'result.issued' }),
    announceReturn: emit(({ event }) => {
      assertEvent(event, 'RETURN_RESULT');
      return { type: 'result.returned', method: event.method };
    }),
    recordApology: enqueueActions(({ event, enqueue }) => {
      assertEvent(event, 'APOLOGISE');
      enqueue.assign({ apologised: true });
      enqueue.emit({ type: 'apology.recorded', reason: event.reason, newAppointment: event.newAppointment });
    }),
    announceEnd: emit(({ event }, params: { state: DossierState }) => ({
      type: 'dossier.ended' as const,
      state: params.state,
      // Spread rather than `reason: undefined`, so the effect's JSON has no empty key.
      ...('reason' in event ? { reason: event.reason } : {}),
    })),
  },
}).createMachine({
  id: 'dossier',
  context: ({ input }) => ({
    channel: input.channel,
    steps: [...input.steps],
    stepIndex: null,
    supplementRequests: 0,
    resumeTo: null,
    apologised: false,
  }),
  initial: 'submitted',
  states: {
    submitted: {
      // A counter (direct) submission is received on the spot: the receipt is issued at once,
      // so such a dossier never rests in `submitted`.
      always: { guard: 'isCounterChannel', target: 'received' },
      on: {
        ACCEPT: { guard: permittedIn('submitted'), target: 'received' },
        REJECT: { guard: permittedIn('submitted'), target: 'rejected', actions: 'announceRejection' },
        REQUEST_SUPPLEMENT: {
          guard: permittedIn('submitted'),
          target: 'awaiting_supplement',
          actions: 'requestIntakeSupplement',
        },
        WITHDRAW: { guard: permittedIn('submitted'), target: 'withdrawn' },
      },
    },
    received: {
      entry: 'announceReceipt',
      on: {
        COMPLETE_DIGITISATION: {
          guard: permittedIn('received'),
          target: 'processing',
          actions: { type: 'enterStep', params: { move: 'first' } },
        },
        WITHDRAW: { guard: permittedIn('received'), target: 'withdrawn' },
      },
    },
    processing: {
      on: {
        // Moving between steps stays in `processing`: only the context and the step.entered effect change.
        FORWARD: {
          guard: and(['hasNextStep', permittedIn('processing')]),
          actions: { type: 'enterStep', params: { move: 'next' } },
        },
        SEND_BACK: {
          guard: and(['hasPreviousStep', permittedIn('processing')]),
          actions: { type: 'enterStep', params: { move: 'previous' } },
        },
        ISSUE_RESULT: { guard: and(['isAtLastStep', permittedIn('processing')]), target: 'result_issued' },
        REQUEST_SUPPLEMENT: {
          guard: permittedIn('processing'),
          target: 'awaiting_supplement',
          actions: 'pauseForSupplement',
        },
        REFUSE: { guard: permittedIn('processing'), target: 'refused' },
        STOP: { guard: permittedIn('processing'), target: 'stopped' },
        WITHDRAW: { guard: permittedIn('processing'), target: 'withdrawn' },
        APOLOGISE: { guard: and(['notYetApologised', permittedIn('processing')]), actions: 'recordApology' },
      },
    },
    awaiting_supplement: {
      // However the pause ends (resumed, withdrawn, refused, stopped), nothing is awaited any more.
      exit: 'clearResume',
      on: {
        // The two targets have mutually exclusive conditions, so a refused permission on one
        // can never fall through to the other.
        SUPPLEMENT_RECEIVED: [
          {
            guard: and(['resumesProcessing', permittedIn('awaiting_supplement')]),
            target: 'processing',
            actions: 'resumeClock',
          },
          {
            guard: and([not('resumesProcessing'), permittedIn('awaiting_supplement')]),
            target: 'submitted',
          },
        ],
        WITHDRAW: { guard: permittedIn('awaiting_supplement'), target: 'withdrawn' },
        // Paused processing is still processing: its handler keeps the power to end it or apologise.
        REFUSE: { guard: and(['resumesProcessing', permittedIn('awaiting_supplement')]), target: 'refused' },
        STOP: { guard: and(['resumesProcessing', permittedIn('awaiting_supplement')]), target: 'stopped' },
        APOLOGISE: {
          guard: and(['resumesProcessing', 'notYetApologised', permittedIn('awaiting_supplement')]),
          actions: 'recordApology',
        },
      },
    },
    result_issued: {
      entry: 'announceResult',
      on: {
        RETURN_RESULT: { guard: permittedIn('result_issued'), target: 'returned', actions: 'announceReturn' },
      },
    },
    returned: endState('returned'),
    refused: endState('refused'),
    stopped: endState('stopped'),
    withdrawn: endState('withdrawn'),
    rejected: endState('rejected'),
  },
});

/** A live (restored or freshly computed) dossier snapshot. */
export type DossierSnapshot = SnapshotFrom<typeof dossierMachine>;
