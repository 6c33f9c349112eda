/** The feedback machine's shape, and reachability of every state through the machine and through decideFeedback. */
import { getShortestPaths } from 'xstate/graph';
import { FEEDBACK_MACHINE_VERSION, feedbackMachine } from './feedback.machine';
import type { FeedbackMachineEvent, FeedbackSnapshot } from './feedback.machine';
import { FEEDBACK_END_STATES, FEEDBACK_EVENT_TYPES, FEEDBACK_SOURCES, FEEDBACK_STATES } from './feedback.types';
import type { FeedbackEvent, FeedbackSource } from './feedback.types';
import { decideFeedback, startFeedback } from './feedback.workflow';
import { PEOPLE, SAMPLE_EVENTS, expectOk, startInput } from './feedback.fixtures';
import { permissionGuardStates } from './workflow.fixtures';

describe('feedback machine shape', () => {
  const nodes = Object.entries(feedbackMachine.root.states);

  it('has exactly the contract’s states, flat', () => {
    expect(nodes.map(([key]) => key).sort()).toEqual([...FEEDBACK_STATES].sort());
    for (const [, node] of nodes) expect(node.type === 'atomic' || node.type === 'final').toBe(true);
  });

  it('makes exactly the end states final (published stays open for the rating)', () => {
    const finals = nodes.filter(([, node]) => node.type === 'final').map(([key]) => key);
    expect(finals.sort()).toEqual([...FEEDBACK_END_STATES].sort());
    expect(finals).not.toContain('published');
  });

  it('uses no timers, invoked actors or history', () => {
    for (const [, node] of nodes) {
      expect(node.after).toEqual([]);
      expect(node.invoke).toEqual([]);
    }
  });

  it('checks the permission table, for its own state, on every event transition', () => {
    const checked = permissionGuardStates(feedbackMachine);
    for (const { state, eventType, guardedFor } of checked) expect([state, eventType, guardedFor]).toEqual([state, eventType, [state]]);
    // 4 received + 5 classified + 3 in_handling + 4 awaiting_supplement + 3 answered + 1 published
    expect(checked).toHaveLength(20);
  });

  it('handles only contract events', () => {
    const handled = new Set(nodes.flatMap(([, node]) => node.ownEvents));
    expect([...handled].every((type) => (FEEDBACK_EVENT_TYPES as readonly string[]).includes(type))).toBe(true);
    expect([...handled].sort()).toEqual([...FEEDBACK_EVENT_TYPES].sort());
    expect(FEEDBACK_MACHINE_VERSION).toBe(1);
  });
});

/** Everyone who acts on a feedback assigned to PQLKH, so traversal can exercise every permission. */
const SENDERS = [PEOPLE.clerk, PEOPLE.specialistKH, PEOPLE.leaderBGD, PEOPLE.citizen];
const ALL_EVENTS: FeedbackMachineEvent[] = FEEDBACK_EVENT_TYPES.flatMap((type) =>
  SENDERS.map((actor) => ({ ...SAMPLE_EVENTS[type], actor })),
);

/** Traversal identity: supplementRequests is left out, or the supplement loop would never end. */
function serializeState(snapshot: Pick<FeedbackSnapshot, 'value' | 'context'>): string {
  const { resumeTo, openPhases, verdict, departmentCode } = snapshot.context;
  return JSON.stringify([snapshot.value, resumeTo, openPhases, verdict, departmentCode]);
}

describe.each<FeedbackSource>(FEEDBACK_SOURCES)('reachability from a %s feedback (xstate/graph)', (source) => {
  const paths = getShortestPaths(feedbackMachine, {
    input: { source, dossierCode: startInput(source).dossierCode ?? null },
    events: ALL_EVENTS,
    serializeState,
  });

  it('reaches every state of the contract', () => {
    const reached = new Set(paths.map((path) => path.state.value));
    expect([...reached].sort()).toEqual([...FEEDBACK_STATES].sort());
  });

  it('reaches each pause, and rated and unrated answers', () => {
    const reached = new Set(paths.map((path) => serializeState(path.state)));
    expect(reached).toContain(JSON.stringify(['awaiting_supplement', 'received', ['reject', 'handle'], null, null]));
    expect(reached).toContain(JSON.stringify(['awaiting_supplement', 'classified', ['reject', 'handle'], null, 'PQLKH']));
    expect(reached).toContain(JSON.stringify(['awaiting_supplement', 'in_handling', ['handle'], null, 'PQLKH']));
    expect(reached).toContain(JSON.stringify(['answered', null, ['publish'], null, 'PQLKH']));
    expect(reached).toContain(JSON.stringify(['answered', null, ['publish'], 'dissatisfied', 'PQLKH']));
    expect(reached).toContain(JSON.stringify(['published', null, [], 'dissatisfied', 'PQLKH']));
  });

  it('decideFeedback follows every shortest path to the same state', () => {
    expect(paths.length).toBeGreaterThan(FEEDBACK_STATES.length);
    for (const path of paths) {
      let persisted = startFeedback(startInput(source)).snapshot;
      for (const { event, state } of path.steps.slice(1)) {
        // The path's events carry the actor, as the machine needs; decideFeedback takes it separately.
        const { actor, ...contractEvent } = event;
        const decision = expectOk(decideFeedback(persisted, contractEvent as FeedbackEvent, actor));
        expect(serializeState({ value: decision.to, context: decision.snapshot.context })).toBe(serializeState(state));
        persisted = decision.snapshot;
      }
      expect(persisted.value).toBe(path.state.value);
    }
  });
});
