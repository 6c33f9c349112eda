import { initialTransition, transition } from 'xstate';
import type { AnyMachineSnapshot, AnyStateMachine, InputFrom, SnapshotFrom } from 'xstate';
import type {
  ParsedEvent,
  PermissionTable,
  PersistedSnapshot,
  RejectionCode,
  WorkflowActor,
  WorkflowDecision,
  WorkflowPermissionRule,
  WorkflowRejection,
} from './workflow.types';

/**
 * The generic workflow mechanism: one code path that turns a stored snapshot, an event and
 * its sender into a decision, for every machine of this library (dossiers, feedback).
 *
 * A machine plugs in by following two conventions:
 * - every event transition is guarded by `and([<when it can happen>, permittedIn(<its state>)])`
 *   (or by `permittedIn(<its state>)` alone). The engine runs the machine twice — once with the
 *   permission guard enforcing the permission table, once with it always true — and so tells
 *   INVALID_TRANSITION (nobody could send the event now) from FORBIDDEN (not this actor);
 * - effects are `emit`ted, never executed: the engine hands them back to the adapters.
 *
 * Machines are flat (one atomic or final state at a time), so a snapshot's `value` is a state name.
 */

/** Name of the guard every event transition must include, with `params: { state }`. */
export const PERMISSION_GUARD = 'actorPermitted';

/** Guard reference: the event's actor may send it in `state` according to the permission table. */
export function permittedIn<State extends string>(state: State) {
  return { type: PERMISSION_GUARD, params: { state } } as const;
}

/** Checks a workflow-specific scope (anything but `'any'`) for one rule. */
export type ScopeCheck<State extends string, Context, Actor extends WorkflowActor, Scope extends string> = (
  rule: WorkflowPermissionRule<State, Actor['roles'][number], Scope>,
  actor: Actor,
  state: State,
  context: Context,
) => boolean;

/** One check per workflow-specific scope. */
export type ScopeChecks<State extends string, Context, Actor extends WorkflowActor, Scope extends string> = {
  readonly [S in Exclude<Scope, 'any'>]: ScopeCheck<State, Context, Actor, Scope>;
};

/** True when one of `rules` admits `actor` for a record in `state` with `context`. */
export function isPermittedBy<State extends string, Context, Actor extends WorkflowActor, Scope extends string>(
  rules: readonly WorkflowPermissionRule<State, Actor['roles'][number], Scope>[],
  actor: Actor,
  state: State,
  context: Context,
  scopes: ScopeChecks<State, Context, Actor, Scope>,
): boolean {
  return rules.some((rule) => {
    if (rule.states !== undefined && !rule.states.includes(state)) return false;
    if (rule.scope === 'any') return actor.roles.some((role) => rule.roles.includes(role));
    return scopes[rule.scope as Exclude<Scope, 'any'>](rule, actor, state, context);
  });
}

/**
 * The implementation of the permission guard for a permission table: the machine definitions
 * use it (so the bare machine behaves like the engine's), and the engine provides it again from
 * the table it is given (so that table is the one enforced).
 */
export function permissionGuard<EventType extends string, State extends string, Context, Actor extends WorkflowActor, Scope extends string>(
  permissions: PermissionTable<EventType, State, Actor['roles'][number], Scope>,
  scopes: ScopeChecks<State, Context, Actor, Scope>,
) {
  return ({ context, event }: { context: Context; event: { type: EventType; actor: Actor } }, params: { state: State }): boolean =>
    isPermittedBy(permissions[event.type], event.actor, params.state, context, scopes);
}

/** Base class of the errors `restore` throws for a snapshot it cannot bring back. */
export class InvalidPersistedSnapshot extends Error {
  override readonly name: string = 'InvalidPersistedSnapshot';
}

/** The type parameters of one workflow, bundled so that definitions stay readable. */
export interface WorkflowTypes {
  /** The machine, as built by `setup(...).createMachine(...)`. */
  machine: AnyStateMachine;
  state: string;
  context: object;
  /** Contract events (what adapters send, without the actor). */
  event: { type: string };
  /** What the machine emits. */
  effect: object;
  actor: WorkflowActor;
  /** What `start` takes (validated and normalised into the machine's input). */
  input: unknown;
  /** Permission scopes used in the table (`'any'` plus the workflow's own). */
  scope: string;
  /** Fields the workflow adds to every decision (the dossier's `stepFrom`/`stepTo`), or `{}`. */
  details: object;
}

type EventTypeOf<T extends WorkflowTypes> = T['event']['type'];
export type PersistedOf<T extends WorkflowTypes> = PersistedSnapshot<T['state'], T['context']>;
export type DecisionOf<T extends WorkflowTypes> = WorkflowDecision<T['state'], T['effect'], T['context']> & T['details'];
export type RejectionOf<T extends WorkflowTypes> = WorkflowRejection<T['state'], EventTypeOf<T>>;
export type DecisionResultOf<T extends WorkflowTypes> = DecisionOf<T> | RejectionOf<T>;

/** Everything the engine needs to run one workflow. */
export interface WorkflowDefinition<T extends WorkflowTypes> {
  /** Lower-case noun for messages: `dossier`, `feedback`. */
  name: string;
  machine: T['machine'];
  /**
   * Version of the machine's persisted shape and semantics, stored with every snapshot. Bump it
   * (and migrate or keep the old machine) whenever a stored snapshot could mean something else.
   */
  version: number;
  /** The machine's states, exactly. */
  states: readonly T['state'][];
  /** Every contract event type, in the order `allowedEvents` lists them. */
  eventTypes: readonly EventTypeOf<T>[];
  /**
   * A well-formed event of each type, used to ask the machine which events are possible. Guards
   * must not read payloads (those are validated before the machine sees an event), only type,
   * actor and context.
   */
  probeEvents: { readonly [K in EventTypeOf<T>]: Extract<T['event'], { type: K }> };
  /** Who may send what; the machine's `permittedIn` guards read it and nothing else. */
  permissions: PermissionTable<EventTypeOf<T>, T['state'], T['actor']['roles'][number], T['scope']>;
  scopes: ScopeChecks<T['state'], T['context'], T['actor'], T['scope']>;
  /**
   * Validates an event as received from outside (it may be anything at runtime) and returns a
   * copy holding only the contract's fields, so nothing else (an `actor`, say) rides along.
   */
  parseEvent(raw: unknown): ParsedEvent<T['event']>;
  /** Validates the start input and returns the machine's input. Throws on bad input. */
  prepareInput(input: T['input']): InputFrom<T['machine']>;
  /** The workflow's own decision fields, from the stored snapshot before and after the event. */
  decisionDetails(from: PersistedOf<T>, to: PersistedOf<T>): T['details'];
  /** Where the record is, for messages; defaults to `state <value>`. */
  describe?(persisted: PersistedOf<T>): string;
  /** The error `restore` throws (a subclass of InvalidPersistedSnapshot, named after the workflow). */
  invalidPersisted: new (message: string) => InvalidPersistedSnapshot;
}

/** One workflow, as the engine runs it. Its functions do not depend on `this`: pass them around freely. */
export interface Workflow<T extends WorkflowTypes> {
  readonly name: string;
  readonly version: number;
  /** The machine `start` and `decide` run: the definition's, with the permission guard provided from the table. */
  readonly machine: T['machine'];
  /**
   * Starts a record's life. There is no previous state: `from` equals `to`.
   * @throws whatever the definition's `prepareInput` throws for bad input.
   */
  start(input: T['input']): DecisionOf<T>;
  /**
   * Decides what `event`, sent by `actor`, does to the stored record. Pure: nothing is executed,
   * the effects are returned for the adapters to carry out.
   *
   * Checks, in order: machine version (UNKNOWN_MACHINE_VERSION), payload (INVALID_EVENT), whether
   * anybody could send the event now (INVALID_TRANSITION), whether this actor may (FORBIDDEN).
   *
   * @throws the definition's `invalidPersisted` error when the stored state is not one of the machine's.
   */
  decide(persisted: PersistedOf<T>, event: T['event'], actor: T['actor']): DecisionResultOf<T>;
  /**
   * Events `actor` may send now, in `eventTypes` order (payload aside). Empty for a snapshot of
   * an unknown machine version: nothing can be decided on it.
   */
  allowedEvents(persisted: PersistedOf<T>, actor: T['actor']): EventTypeOf<T>[];
  /**
   * Rebuilds a live snapshot from its stored form, without running anything. Guards later read
   * the implementations of the machine the snapshot was resolved with, so `machine` decides
   * whose rules apply (decide passes a permission-blind variant to ask "could anybody?").
   * @throws the definition's `invalidPersisted` error for another machine version, or when `value` is not a state of the machine.
   */
  restore(persisted: PersistedOf<T>, machine?: T['machine']): SnapshotFrom<T['machine']>;
  /**
   * The JSON-safe form of `snapshot`, to store in the record's row. The context is deep-copied so
   * the stored value shares nothing with the snapshot (or with the record it was computed from).
   */
  toPersisted(snapshot: SnapshotFrom<T['machine']>): PersistedOf<T>;
}

type EmitAction<Effect> = { type: 'xstate.emit'; params: { event: Effect } };

/**
 * xstate's typing of executable actions leaves `emit` out, but at runtime an emit comes back
 * as `{ type: 'xstate.emit', params: { event } }` with the event already resolved.
 */
function isEmitAction<Effect>(action: { type: string; params: unknown }): action is EmitAction<Effect> {
  return action.type === 'xstate.emit';
}

function effectsOf<Effect>(actions: ReadonlyArray<{ type: string; params: unknown }>): Effect[] {
  return actions.filter(isEmitAction<Effect>).map((action) => action.params.event);
}

/** The `type` of whatever was sent, for the rejection; events come from outside and may be malformed. */
function typeOf(event: unknown): string {
  const type = typeof event === 'object' && event !== null ? (event as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type : String(type);
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && new Set(a).size === a.length && a.every((item) => b.includes(item));
}

/** Catches wiring mistakes when the module loads, instead of at the first event. */
function checkDefinition<T extends WorkflowTypes>(definition: WorkflowDefinition<T>): void {
  const { name, machine, version, states, eventTypes, probeEvents, permissions } = definition;
  const problems: string[] = [];
  if (!Number.isInteger(version) || version < 1) problems.push(`version must be a positive integer, not ${version}`);
  if (!sameMembers(Object.keys(machine.root.states), states)) problems.push('states must list exactly the machine’s states');
  if (!sameMembers(Object.keys(permissions), eventTypes)) problems.push('the permission table must have rules for exactly the event types');
  for (const type of eventTypes) {
    if (probeEvents[type]?.type !== type) problems.push(`no probe event of type ${type}`);
  }
  if (problems.length > 0) throw new Error(`Invalid workflow definition "${name}": ${problems.join('; ')}`);
}

/** Builds the workflow functions for one machine. See {@link Workflow}. */
export function createWorkflow<T extends WorkflowTypes>(definition: WorkflowDefinition<T>): Workflow<T> {
  checkDefinition(definition);
  const { name, version, states, eventTypes, probeEvents, parseEvent, decisionDetails } = definition;
  const describe = definition.describe ?? ((persisted: PersistedOf<T>) => `state ${persisted.value}`);
  const base = definition.machine as AnyStateMachine;
  const enforcing = base.provide({
    guards: { [PERMISSION_GUARD]: permissionGuard(definition.permissions, definition.scopes) },
  }) as T['machine'];
  /** "Could anybody send this event now?": the same machine with the permission check switched off. */
  const permissionBlind = base.provide({ guards: { [PERMISSION_GUARD]: () => true } }) as T['machine'];

  type Snapshot = SnapshotFrom<T['machine']>;
  type EventType = EventTypeOf<T>;

  function toPersisted(snapshot: Snapshot): PersistedOf<T> {
    const live = snapshot as AnyMachineSnapshot;
    return {
      machineVersion: version,
      value: live.value as T['state'],
      context: structuredClone(live.context as T['context']),
      status: live.status === 'done' ? 'done' : 'active',
    };
  }

  function restore(persisted: PersistedOf<T>, machine: T['machine'] = enforcing): Snapshot {
    const Invalid = definition.invalidPersisted;
    if (persisted.machineVersion !== version) {
      throw new Invalid(`Stored ${name} has machine version ${persisted.machineVersion}, not ${version}`);
    }
    if (!states.includes(persisted.value)) {
      throw new Invalid(`Stored ${name} is in unknown state ${JSON.stringify(persisted.value)}`);
    }
    return (machine as AnyStateMachine).resolveState({ value: persisted.value, context: persisted.context }) as Snapshot;
  }

  function eventsAllowedIn(snapshot: Snapshot, actor: T['actor']): EventType[] {
    const live = snapshot as AnyMachineSnapshot;
    return eventTypes.filter((type) => live.can({ ...probeEvents[type], actor }));
  }

  function reject(code: RejectionCode, persisted: PersistedOf<T>, eventType: string, message: string, allowed: EventType[]): RejectionOf<T> {
    return { ok: false, code, state: persisted.value, eventType, message, allowedEvents: allowed };
  }

  function start(input: T['input']): DecisionOf<T> {
    const [snapshot, actions] = initialTransition(enforcing, definition.prepareInput(input));
    const persisted = toPersisted(snapshot as Snapshot);
    return {
      ok: true,
      from: persisted.value,
      to: persisted.value,
      ...decisionDetails(persisted, persisted),
      snapshot: persisted,
      effects: effectsOf<T['effect']>(actions),
      done: persisted.status === 'done',
    } as DecisionOf<T>;
  }

  function decide(persisted: PersistedOf<T>, event: T['event'], actor: T['actor']): DecisionResultOf<T> {
    const eventType = typeOf(event);
    if (persisted.machineVersion !== version) {
      const message = `${name} was stored by machine version ${persisted.machineVersion}; this code runs version ${version}`;
      return reject('UNKNOWN_MACHINE_VERSION', persisted, eventType, message, []);
    }
    const parsed = parseEvent(event);
    const snapshot = restore(persisted);
    if (!parsed.ok) return reject('INVALID_EVENT', persisted, eventType, parsed.message, eventsAllowedIn(snapshot, actor));

    const machineEvent = { ...parsed.event, actor };
    if (!(restore(persisted, permissionBlind) as AnyMachineSnapshot).can(machineEvent)) {
      const message = `${eventType} cannot happen in ${describe(persisted)}`;
      return reject('INVALID_TRANSITION', persisted, eventType, message, eventsAllowedIn(snapshot, actor));
    }
    if (!(snapshot as AnyMachineSnapshot).can(machineEvent)) {
      const message = `user ${actor.userId} may not send ${eventType} in ${describe(persisted)}`;
      return reject('FORBIDDEN', persisted, eventType, message, eventsAllowedIn(snapshot, actor));
    }

    const [next, actions] = transition(enforcing as AnyStateMachine, snapshot as AnyMachineSnapshot, machineEvent);
    const stored = toPersisted(next as Snapshot);
    return {
      ok: true,
      from: persisted.value,
      to: stored.value,
      ...decisionDetails(persisted, stored),
      snapshot: stored,
      effects: effectsOf<T['effect']>(actions),
      done: stored.status === 'done',
    } as DecisionOf<T>;
  }

  function allowedEvents(persisted: PersistedOf<T>, actor: T['actor']): EventType[] {
    if (persisted.machineVersion !== version) return [];
    return eventsAllowedIn(restore(persisted), actor);
  }

  return Object.freeze({ name, version, machine: enforcing, start, decide, allowedEvents, restore, toPersisted });
}
