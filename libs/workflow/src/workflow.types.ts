/**
 * Types (and their value lists) shared by every workflow run through the engine (`workflow-engine.ts`): the dossier
 * workflow and the feedback (PAKN) workflow. Each workflow names its own aliases
 * (`Decision`, `PersistedDossier`, `FeedbackDecision`…); adapters that handle both — one
 * command service, one event endpoint — are written against these.
 */

export type RejectionCode =
  /** The event cannot happen in this state (or at this step), whoever sends it → HTTP 409. */
  | 'INVALID_TRANSITION'
  /** The event could happen, but not by this actor → HTTP 403. */
  | 'FORBIDDEN'
  /** The event's payload is malformed (missing reason, bad date…) → HTTP 400. */
  | 'INVALID_EVENT'
  /** The snapshot was written by a machine version this code does not know → HTTP 500 (operator error). */
  | 'UNKNOWN_MACHINE_VERSION';

/** Every rejection code, e.g. for the adapter's exhaustive code → HTTP status table. */
export const REJECTION_CODES: readonly RejectionCode[] = ['INVALID_TRANSITION', 'FORBIDDEN', 'INVALID_EVENT', 'UNKNOWN_MACHINE_VERSION'];

/** The least an actor must carry for the engine: who, which roles, which department. */
export interface WorkflowActor {
  readonly userId: string;
  readonly roles: readonly string[];
  readonly departmentCode: string | null;
}

/** JSON-safe snapshot stored in the record's row, for any workflow. */
export interface PersistedSnapshot<State extends string, Context> {
  machineVersion: number;
  value: State;
  context: Context;
  status: 'active' | 'done';
}

/** An accepted event: where the record goes, what to store, what the adapters must do. */
export interface WorkflowDecision<State extends string, Effect, Context> {
  ok: true;
  from: State;
  to: State;
  snapshot: PersistedSnapshot<State, Context>;
  effects: Effect[];
  /** True when `to` is a final state of the machine: nothing can happen to the record any more. */
  done: boolean;
}

/** A refused event, with what the actor may send instead. */
export interface WorkflowRejection<State extends string, EventType extends string> {
  ok: false;
  code: RejectionCode;
  state: State;
  eventType: string;
  message: string;
  /** Events this actor may send now. */
  allowedEvents: EventType[];
}

/**
 * One way of being allowed to send an event. An event is allowed if any of its rules admits
 * the actor. Scope `'any'` is the engine's own (the actor holds one of `roles`); every other
 * scope is defined by the workflow (the dossier's `currentStep`, the feedback's
 * `assignedDepartment`…).
 */
export interface WorkflowPermissionRule<State extends string, Role extends string, Scope extends string> {
  /** For `'any'`: the roles admitted. For other scopes: what the scope's check makes of them. */
  readonly roles: readonly Role[];
  readonly scope: Scope;
  /**
   * Restricts the rule to these states. Omitted = wherever the machine accepts the event.
   * Needed only where the same event is sent by different people in different phases.
   */
  readonly states?: readonly State[];
}

/** Who may send what, per event type: the single place to review a workflow's permissions. */
export type PermissionTable<EventType extends string, State extends string, Role extends string, Scope extends string> = Readonly<
  Record<EventType, readonly WorkflowPermissionRule<State, Role, Scope>[]>
>;

/** Outcome of an event-payload validator: a clean event, or why the payload is malformed. */
export type ParsedEvent<Event> = { ok: true; event: Event } | { ok: false; message: string };
