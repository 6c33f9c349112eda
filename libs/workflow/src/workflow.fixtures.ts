/** Test helpers shared by the specs of every workflow (not exported from index.ts). */
import type { AnyStateMachine } from 'xstate';
import { PERMISSION_GUARD } from './workflow-engine';

export interface GuardedTransition {
  state: string;
  eventType: string;
  /** The `state` params of the permission guards found in the transition's guard tree. */
  guardedFor: unknown[];
}

/**
 * Every event transition of a flat machine, with the states its permission guards check. The
 * engine tells INVALID_TRANSITION from FORBIDDEN by switching that guard off, so each transition
 * must carry exactly one, for its own state.
 */
export function permissionGuardStates(machine: AnyStateMachine): GuardedTransition[] {
  // Walks the guard tree: and()/not() keep their operands in `.guards`; named guards are strings.
  type GuardNode = { type?: unknown; params?: { state?: unknown }; guards?: unknown[] };
  const permissionStates = (guard: unknown): unknown[] => {
    const node = Object(guard) as GuardNode;
    if (Array.isArray(node.guards)) return node.guards.flatMap(permissionStates);
    return node.type === PERMISSION_GUARD ? [node.params?.state] : [];
  };
  return Object.entries(machine.root.states).flatMap(([state, node]) =>
    [...node.transitions.values()].flat().map((transition) => ({
      state,
      eventType: transition.eventType,
      guardedFor: permissionStates(transition.guard),
    })),
  );
}
