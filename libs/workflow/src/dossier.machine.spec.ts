/** The machine's shape, and reachability of every state through the machine and through decide. */
import { getShortestPaths } from 'xstate/graph';
import { decide, startDossier } from './decide';
import { DOSSIER_MACHINE_VERSION, dossierMachine } from './dossier.machine';
import type { DossierMachineEvent, DossierSnapshot } from './dossier.machine';
import { DOSSIER_EVENT_TYPES, DOSSIER_STATES, END_STATES } from './dossier.types';
import type { Channel, DossierEvent } from './dossier.types';
import { PEOPLE, SAMPLE_EVENTS, STEPS, expectOk } from './dossier.fixtures';

describe('machine shape', () => {
  const nodes = Object.entries(dossierMachine.root.states);

  it('has exactly the contract’s states, flat', () => {
    expect(nodes.map(([key]) => key).sort()).toEqual([...DOSSIER_STATES].sort());
    for (const [, node] of nodes) expect(node.type === 'atomic' || node.type === 'final').toBe(true);
  });

  it('makes exactly the end states final', () => {
    const finals = nodes.filter(([, node]) => node.type === 'final').map(([key]) => key);
    expect(finals.sort()).toEqual([...END_STATES].sort());
  });

  it('uses no timers, invoked actors or history', () => {
    for (const [, node] of nodes) {
      expect(node.after).toEqual([]);
      expect(node.invoke).toEqual([]);
    }
  });

  it('checks the permission table, for its own state, on every event transition', () => {
    // Walks the guard tree: and()/not() keep their operands in `.guards`; named guards are strings.
    type GuardNode = { type?: unknown; params?: { state?: unknown }; guards?: unknown[] };
    const permissionStates = (guard: unknown): unknown[] => {
      const node = Object(guard) as GuardNode;
      if (Array.isArray(node.guards)) return node.guards.flatMap(permissionStates);
      return node.type === 'actorPermitted' ? [node.params?.state] : [];
    };
    let transitions = 0;
    for (const [key, node] of nodes) {
      for (const candidates of node.transitions.values()) {
        for (const transition of candidates) {
          transitions += 1;
          expect([key, transition.eventType, permissionStates(transition.guard)]).toEqual([key, transition.eventType, [key]]);
        }
      }
    }
    expect(transitions).toBe(21); // 4 submitted + 2 received + 8 processing + 6 awaiting_supplement + 1 result_issued
  });

  it('handles only contract events', () => {
    const handled = new Set(nodes.flatMap(([, node]) => node.ownEvents));
    expect([...handled].every((type) => (DOSSIER_EVENT_TYPES as readonly string[]).includes(type))).toBe(true);
    expect(DOSSIER_MACHINE_VERSION).toBe(1);
  });
});

/** Everyone who acts on the three-step procedure, so traversal can exercise every permission. */
const SENDERS = [PEOPLE.clerk, PEOPLE.specialistKH, PEOPLE.specialistCN, PEOPLE.leaderBGD];
const ALL_EVENTS: DossierMachineEvent[] = DOSSIER_EVENT_TYPES.flatMap((type) =>
  SENDERS.map((actor) => ({ ...SAMPLE_EVENTS[type], actor })),
);

/** Traversal identity: supplementRequests is left out, or the supplement loop would never end. */
function serializeState(snapshot: DossierSnapshot): string {
  const { stepIndex, resumeTo, apologised } = snapshot.context;
  return JSON.stringify([snapshot.value, stepIndex, resumeTo, apologised]);
}

describe.each<Channel>(['online', 'direct'])('reachability from %s submissions (xstate/graph)', (channel) => {
  const paths = getShortestPaths(dossierMachine, {
    input: { channel, steps: STEPS },
    events: ALL_EVENTS,
    serializeState,
  });

  it('reaches every state of the contract (a counter submission skips intake: no submitted, no rejected)', () => {
    const reached = new Set(paths.map((path) => path.state.value));
    const intakeOnly = ['submitted', 'rejected'];
    const expected = DOSSIER_STATES.filter((state) => channel === 'online' || !intakeOnly.includes(state));
    expect([...reached].sort()).toEqual([...expected].sort());
  });

  it('reaches every step, the paused variants and the apologised variants', () => {
    const reached = new Set(paths.map((path) => serializeState(path.state)));
    for (const stepIndex of [0, 1, 2]) {
      expect(reached).toContain(JSON.stringify(['processing', stepIndex, null, false]));
      expect(reached).toContain(JSON.stringify(['processing', stepIndex, null, true]));
      expect(reached).toContain(JSON.stringify(['awaiting_supplement', stepIndex, 'processing', true]));
    }
  });

  it('decide follows every shortest path to the same state', () => {
    for (const path of paths) {
      let persisted = startDossier({ channel, steps: STEPS }).snapshot;
      for (const { event, state } of path.steps.slice(1)) {
        // The path's events carry the actor, as the machine needs; decide takes it separately.
        const { actor, ...contractEvent } = event;
        const decision = expectOk(decide(persisted, contractEvent as DossierEvent, actor));
        expect(serializeState(state)).toBe(
          JSON.stringify([decision.to, decision.snapshot.context.stepIndex, decision.snapshot.context.resumeTo, decision.snapshot.context.apologised]),
        );
        persisted = decision.snapshot;
      }
      expect(persisted.value).toBe(path.state.value);
    }
  });
});
