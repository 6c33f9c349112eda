import { initialTransition, transition } from 'xstate';
import { CHANNELS, DOSSIER_EVENT_TYPES } from './dossier.types';
import type {
  Actor,
  Decision,
  DecisionResult,
  DossierEffect,
  DossierEvent,
  DossierEventType,
  PersistedDossier,
  Rejection,
  RejectionCode,
  StartDossierInput,
} from './dossier.types';
import { DOSSIER_MACHINE_VERSION, dossierMachine } from './dossier.machine';
import type { DossierMachineEvent, DossierSnapshot } from './dossier.machine';
import { parseDossierEvent } from './event-payload';
import { currentStepIndex } from './permissions';
import { restoreDossier, toPersisted } from './persistence';
import { validateProcedureSteps } from './procedure-steps';

/**
 * The same machine with the permission check switched off: "could anybody send this event
 * now?". Guards are resolved through the snapshot's machine, so snapshots meant for this
 * question must be restored with this machine.
 */
const permissionBlindMachine = dossierMachine.provide({ guards: { actorPermitted: () => true } });

/**
 * Well-formed stand-ins used to ask the machine which events are possible. Guards never read
 * payloads (those are validated before the machine sees an event), only type, actor and context.
 */
const PROBE_EVENTS: { readonly [T in DossierEventType]: Extract<DossierEvent, { type: T }> } = {
  ACCEPT: { type: 'ACCEPT' },
  REJECT: { type: 'REJECT', reason: 'probe' },
  COMPLETE_DIGITISATION: { type: 'COMPLETE_DIGITISATION' },
  FORWARD: { type: 'FORWARD' },
  SEND_BACK: { type: 'SEND_BACK', reason: 'probe' },
  REQUEST_SUPPLEMENT: { type: 'REQUEST_SUPPLEMENT', reason: 'probe' },
  SUPPLEMENT_RECEIVED: { type: 'SUPPLEMENT_RECEIVED' },
  ISSUE_RESULT: { type: 'ISSUE_RESULT' },
  RETURN_RESULT: { type: 'RETURN_RESULT', method: 'counter' },
  REFUSE: { type: 'REFUSE', reason: 'probe' },
  STOP: { type: 'STOP', reason: 'probe' },
  WITHDRAW: { type: 'WITHDRAW', reason: 'probe' },
  APOLOGISE: { type: 'APOLOGISE', reason: 'probe', newAppointment: '2000-01-01T00:00:00Z' },
};

type EmitAction = { type: 'xstate.emit'; params: { event: DossierEffect } };

/**
 * xstate's typing of executable actions leaves `emit` out, but at runtime an emit comes back
 * as `{ type: 'xstate.emit', params: { event } }` with the event already resolved.
 */
function isEmitAction(action: { type: string; params: unknown }): action is EmitAction {
  return action.type === 'xstate.emit';
}

function effectsOf(actions: ReadonlyArray<{ type: string; params: unknown }>): DossierEffect[] {
  return actions.filter(isEmitAction).map((action) => action.params.event);
}

function eventsAllowedIn(snapshot: DossierSnapshot, actor: Actor): DossierEventType[] {
  return DOSSIER_EVENT_TYPES.filter((type) => snapshot.can({ ...PROBE_EVENTS[type], actor }));
}

/** "state processing at step 2/3 (PQLCN)", for messages. */
function whereIs(persisted: PersistedDossier): string {
  const index = currentStepIndex(persisted.value, persisted.context);
  if (index === null) return `state ${persisted.value}`;
  const { steps } = persisted.context;
  return `state ${persisted.value} at step ${index + 1}/${steps.length} (${steps[index]?.departmentCode})`;
}

/** The `type` of whatever was sent, for the rejection; events come from outside and may be malformed. */
function typeOf(event: unknown): string {
  const type = typeof event === 'object' && event !== null ? (event as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type : String(type);
}

function reject(
  code: RejectionCode,
  persisted: PersistedDossier,
  eventType: string,
  message: string,
  allowedEvents: DossierEventType[],
): Rejection {
  return { ok: false, code, state: persisted.value, eventType, message, allowedEvents };
}

/**
 * Starts a dossier's life. A counter (`direct`) submission is received on the spot, so it starts
 * in `received` with a `dossier.received` effect; `online` and `postal` start in `submitted`.
 *
 * There is no previous state: `from` equals `to` (and `stepFrom` equals `stepTo`, both null).
 *
 * @throws InvalidProcedureSteps when the steps cannot drive a dossier (no steps, a missing
 *   field, a negative `workingDays`, a duplicate key, a step role that never acts).
 * @throws RangeError for an unknown channel (the adapter validates it first).
 */
export function startDossier(input: StartDossierInput): Decision {
  if (!CHANNELS.includes(input.channel)) throw new RangeError(`Unknown channel ${JSON.stringify(input.channel)}`);
  const steps = validateProcedureSteps(input.steps);
  const [snapshot, actions] = initialTransition(dossierMachine, { channel: input.channel, steps });
  const persisted = toPersisted(snapshot);
  return {
    ok: true,
    from: persisted.value,
    to: persisted.value,
    stepFrom: null,
    stepTo: null,
    snapshot: persisted,
    effects: effectsOf(actions),
    done: false,
  };
}

/**
 * Decides what `event`, sent by `actor`, does to the stored dossier. Pure: nothing is executed,
 * the effects are returned for the adapters to carry out.
 *
 * Checks, in order: machine version (UNKNOWN_MACHINE_VERSION), payload (INVALID_EVENT), whether
 * anybody could send the event now (INVALID_TRANSITION), whether this actor may (FORBIDDEN).
 *
 * @throws InvalidPersistedDossier when the stored state is not one of the machine's states.
 */
export function decide(persisted: PersistedDossier, event: DossierEvent, actor: Actor): DecisionResult {
  const eventType = typeOf(event);
  if (persisted.machineVersion !== DOSSIER_MACHINE_VERSION) {
    const message = `dossier was stored by machine version ${persisted.machineVersion}; this code runs version ${DOSSIER_MACHINE_VERSION}`;
    return reject('UNKNOWN_MACHINE_VERSION', persisted, eventType, message, []);
  }
  const parsed = parseDossierEvent(event);
  const snapshot = restoreDossier(persisted);
  if (!parsed.ok) return reject('INVALID_EVENT', persisted, eventType, parsed.message, eventsAllowedIn(snapshot, actor));

  const machineEvent: DossierMachineEvent = { ...parsed.event, actor };
  if (!restoreDossier(persisted, permissionBlindMachine).can(machineEvent)) {
    const message = `${eventType} cannot happen in ${whereIs(persisted)}`;
    return reject('INVALID_TRANSITION', persisted, eventType, message, eventsAllowedIn(snapshot, actor));
  }
  if (!snapshot.can(machineEvent)) {
    const message = `user ${actor.userId} may not send ${eventType} in ${whereIs(persisted)}`;
    return reject('FORBIDDEN', persisted, eventType, message, eventsAllowedIn(snapshot, actor));
  }

  const [next, actions] = transition(dossierMachine, snapshot, machineEvent);
  const stored = toPersisted(next);
  return {
    ok: true,
    from: persisted.value,
    to: stored.value,
    stepFrom: currentStepIndex(persisted.value, persisted.context),
    stepTo: currentStepIndex(stored.value, stored.context),
    snapshot: stored,
    effects: effectsOf(actions),
    done: stored.status === 'done',
  };
}

/**
 * Events `actor` may send now, in `DOSSIER_EVENT_TYPES` order (payload aside). Empty for a
 * snapshot of an unknown machine version: nothing can be decided on it.
 */
export function allowedEvents(persisted: PersistedDossier, actor: Actor): DossierEventType[] {
  if (persisted.machineVersion !== DOSSIER_MACHINE_VERSION) return [];
  return eventsAllowedIn(restoreDossier(persisted), actor);
}
