/**
 * Random lives: whatever sequence of events and people, decide keeps the dossier's invariants
 * and agrees with allowedEvents. Complements the hand-written tables with cases nobody listed.
 */
import fc from 'fast-check';
import { allowedEvents, decide, startDossier } from './decide';
import { CHANNELS, DOSSIER_EVENT_TYPES, END_STATES } from './dossier.types';
import type { Channel, PersistedDossier } from './dossier.types';
import { PEOPLE, SAMPLE_EVENTS, STEPS } from './dossier.fixtures';

const move = fc.record({
  who: fc.constantFrom(...Object.values(PEOPLE)),
  type: fc.constantFrom(...DOSSIER_EVENT_TYPES),
  // Most random events are refused; half the time pick one the person may send, so lives progress.
  preferAllowed: fc.boolean(),
  pick: fc.nat(),
});

type Move = typeof move extends fc.Arbitrary<infer M> ? M : never;

function checkLife(channel: Channel, moves: readonly Move[]) {
  let persisted: PersistedDossier = startDossier({ channel, steps: STEPS }).snapshot;
  let countedRequests = 0;
  for (const { who, type: randomType, preferAllowed, pick } of moves) {
    const allowed = allowedEvents(persisted, who);
    const type = preferAllowed && allowed.length > 0 ? allowed[pick % allowed.length]! : randomType;
    const result = decide(persisted, SAMPLE_EVENTS[type], who);

    expect(result.ok).toBe(allowed.includes(type));
    if (!result.ok) {
      expect(['INVALID_TRANSITION', 'FORBIDDEN']).toContain(result.code);
      expect(result.allowedEvents).toEqual(allowed);
      continue;
    }
    const { context } = result.snapshot;
    const effectTypes = result.effects.map((e) => e.type);
    if (result.from === 'processing' && type === 'REQUEST_SUPPLEMENT') countedRequests += 1;

    expect(result.from).toBe(persisted.value);
    expect(result.done).toBe(END_STATES.includes(result.to));
    expect(result.snapshot.status).toBe(result.done ? 'done' : 'active');
    expect(effectTypes.includes('dossier.ended')).toBe(result.done);
    expect(effectTypes.includes('clock.paused')).toBe(result.from === 'processing' && type === 'REQUEST_SUPPLEMENT');
    expect(context.supplementRequests).toBe(countedRequests);
    expect(context.resumeTo !== null).toBe(result.to === 'awaiting_supplement');
    expect(context.stepIndex === null || (context.stepIndex >= 0 && context.stepIndex < STEPS.length)).toBe(true);
    if (result.to === 'processing') expect(result.stepTo).toBe(context.stepIndex);
    if (result.to === 'submitted' || result.to === 'received') expect(context.stepIndex).toBeNull();

    persisted = JSON.parse(JSON.stringify(result.snapshot)) as PersistedDossier;
  }
}

describe('random lives', () => {
  it('keep the invariants and agree with allowedEvents', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CHANNELS), fc.array(move, { maxLength: 30 }), (channel, moves) => {
        checkLife(channel, moves);
      }),
      { numRuns: 300 },
    );
  });
});
