/**
 * Random lives of a feedback: whatever sequence of events and people, decideFeedback keeps the
 * invariants (clocks consistent with their effects, end states, pauses) and agrees with
 * allowedFeedbackEvents. Complements the hand-written tables with cases nobody listed.
 */
import fc from 'fast-check';
import { FEEDBACK_PHASE_COMPLETED_BY } from './feedback-deadlines';
import { FEEDBACK_END_STATES, FEEDBACK_EVENT_TYPES, FEEDBACK_PHASES, FEEDBACK_SOURCES } from './feedback.types';
import type { FeedbackPhase, FeedbackSource, PersistedFeedback } from './feedback.types';
import { allowedFeedbackEvents, decideFeedback, startFeedback } from './feedback.workflow';
import { PEOPLE, SAMPLE_EVENTS, startInput } from './feedback.fixtures';

const move = fc.record({
  who: fc.constantFrom(...Object.values(PEOPLE)),
  type: fc.constantFrom(...FEEDBACK_EVENT_TYPES),
  // Most random events are refused; half the time pick one the person may send, so lives progress.
  preferAllowed: fc.boolean(),
  pick: fc.nat(),
});

type Move = typeof move extends fc.Arbitrary<infer M> ? M : never;

/** The clocks as the adapter would see them from the effects alone. */
type Clocks = Map<FeedbackPhase, 'running' | 'paused'>;

function checkLife(source: FeedbackSource, moves: readonly Move[]) {
  const start = startFeedback(startInput(source));
  let persisted: PersistedFeedback = start.snapshot;
  const clocks: Clocks = new Map(start.effects.flatMap((e) => (e.type === 'deadline.started' ? [[e.phase, 'running'] as const] : [])));
  let requests = 0;

  for (const { who, type: randomType, preferAllowed, pick } of moves) {
    const allowed = allowedFeedbackEvents(persisted, who);
    const type = preferAllowed && allowed.length > 0 ? allowed[pick % allowed.length]! : randomType;
    const result = decideFeedback(persisted, SAMPLE_EVENTS[type], who);

    expect(result.ok).toBe(allowed.includes(type));
    if (!result.ok) {
      expect(['INVALID_TRANSITION', 'FORBIDDEN']).toContain(result.code);
      expect(result.allowedEvents).toEqual(allowed);
      continue;
    }
    if (type === 'REQUEST_SUPPLEMENT') requests += 1;
    for (const effect of result.effects) {
      if (effect.type === 'deadline.started') {
        expect(clocks.has(effect.phase)).toBe(false);
        clocks.set(effect.phase, 'running');
      } else if (effect.type === 'deadline.paused') {
        expect(clocks.get(effect.phase)).toBe('running');
        clocks.set(effect.phase, 'paused');
      } else if (effect.type === 'deadline.resumed') {
        expect(clocks.get(effect.phase)).toBe('paused');
        clocks.set(effect.phase, 'running');
      } else if (effect.type === 'deadline.ended') {
        expect(clocks.has(effect.phase)).toBe(true);
        expect(effect.completed).toBe(FEEDBACK_PHASE_COMPLETED_BY[effect.phase] === type);
        clocks.delete(effect.phase);
      }
    }
    const { context } = result.snapshot;
    const effectTypes = result.effects.map((e) => e.type);

    expect(result.from).toBe(persisted.value);
    expect(result.done).toBe(FEEDBACK_END_STATES.includes(result.to));
    expect(result.snapshot.status).toBe(result.done ? 'done' : 'active');
    expect(effectTypes.includes('feedback.ended')).toBe(result.done);
    // The stored clocks are the ones the effects opened, in phase order; all paused exactly while awaiting a supplement.
    expect(context.openPhases).toEqual(FEEDBACK_PHASES.filter((phase) => clocks.has(phase)));
    expect([...clocks.values()].every((s) => s === (result.to === 'awaiting_supplement' ? 'paused' : 'running'))).toBe(true);
    if (result.done || result.to === 'published') expect(context.openPhases).toEqual([]);
    expect(context.resumeTo !== null).toBe(result.to === 'awaiting_supplement');
    expect(context.supplementRequests).toBe(requests);
    expect(context.departmentCode !== null).toBe(context.category !== null);

    persisted = JSON.parse(JSON.stringify(result.snapshot)) as PersistedFeedback;
  }
}

describe('random feedback lives', () => {
  it('keep the invariants and agree with allowedFeedbackEvents', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FEEDBACK_SOURCES), fc.array(move, { maxLength: 30 }), (source, moves) => {
        checkLife(source, moves);
      }),
      { numRuns: 300 },
    );
  });
});
