/** Stored feedback survives JSON (and Vietnamese text survives byte for byte); decideFeedback is pure. */
import type { FeedbackActor, FeedbackDecisionResult, FeedbackEvent, PersistedFeedback } from './feedback.types';
import { allowedFeedbackEvents, decideFeedback, restoreFeedback, startFeedback, toPersistedFeedback } from './feedback.workflow';
import { PAUSED_IN_HANDLING, PEOPLE, SAMPLE_EVENTS, TO_ANSWERED, TO_HANDLING, TO_PUBLISHED, drive, expectOk } from './feedback.fixtures';
import type { Move } from './feedback.fixtures';

const P = PEOPLE;
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const utf8 = (text: string) => Buffer.from(text, 'utf8');

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const SITUATIONS: Array<[string, PersistedFeedback, FeedbackEvent, FeedbackActor]> = [
  ['received', drive([], 'dossier'), SAMPLE_EVENTS.CLASSIFY, P.clerk],
  ['in_handling', drive(TO_HANDLING), SAMPLE_EVENTS.ANSWER, P.specialistKH],
  ['awaiting_supplement', drive(PAUSED_IN_HANDLING), SAMPLE_EVENTS.SUPPLEMENT_RECEIVED, P.citizen],
  ['answered', drive(TO_ANSWERED), SAMPLE_EVENTS.RATE, P.citizen],
  ['published (forbidden event)', drive(TO_PUBLISHED), SAMPLE_EVENTS.RATE, P.clerk],
  ['closed (impossible event)', drive([['CLOSE', P.clerk]]), SAMPLE_EVENTS.CLASSIFY, P.clerk],
];

describe('JSON round trip', () => {
  it.each(SITUATIONS)('%s: decideFeedback continues identically after JSON.stringify/parse', (_label, persisted, event, who) => {
    const restored = viaJson(persisted);
    expect(restored).toEqual(persisted);
    expect(decideFeedback(restored, event, who)).toEqual(decideFeedback(persisted, event, who));
    expect(allowedFeedbackEvents(restored, who)).toEqual(allowedFeedbackEvents(persisted, who));
  });

  it.each(SITUATIONS)('%s: restoreFeedback and toPersistedFeedback are inverse', (_label, persisted) => {
    expect(toPersistedFeedback(restoreFeedback(viaJson(persisted)))).toEqual(persisted);
  });

  it('every decision is itself JSON-safe: it survives a round trip unchanged', () => {
    const results: FeedbackDecisionResult[] = SITUATIONS.map(([, persisted, event, who]) => decideFeedback(persisted, event, who));
    results.push(startFeedback({ source: 'dossier', dossierCode: 'SKHCN-250303-0042' }));
    for (const result of results) expect(viaJson(result)).toEqual(result);
  });

  it('a whole life through JSON at every step ends where the in-memory one does', () => {
    const moves: Move[] = [
      ['CLASSIFY', P.clerk],
      ['REQUEST_SUPPLEMENT', P.clerk],
      ['SUPPLEMENT_RECEIVED', P.citizen],
      ['START_HANDLING', P.specialistKH],
      ['REQUEST_SUPPLEMENT', P.specialistKH],
      ['SUPPLEMENT_RECEIVED', P.clerk],
      ['ANSWER', P.specialistKH],
      ['PUBLISH', P.leaderKH],
      ['RATE', P.citizen],
    ];
    let inMemory = startFeedback({ source: 'counter' }).snapshot;
    let stored = viaJson(inMemory);
    for (const [type, who] of moves) {
      const a = expectOk(decideFeedback(inMemory, SAMPLE_EVENTS[type], who));
      const b = expectOk(decideFeedback(stored, SAMPLE_EVENTS[type], who));
      expect(b).toEqual(a);
      inMemory = a.snapshot;
      stored = viaJson(b.snapshot);
    }
    expect(stored).toEqual({ ...inMemory, value: 'published', status: 'active' });
    expect(stored.context).toMatchObject({ supplementRequests: 2, verdict: 'dissatisfied', openPhases: [], category: 'regulation' });
  });
});

describe('Vietnamese text survives byte for byte', () => {
  // Same words in precomposed (NFC) and decomposed (NFD) form: neither may be normalised away.
  const nfc = 'Trả lời: “Thủ tục cấp giấy phép được rút ngắn còn 05 ngày làm việc” — trân trọng 😊';
  const nfd = nfc.normalize('NFD');

  it.each([
    ['NFC', nfc],
    ['NFD', nfd],
  ])('a %s answer and reason come back in the effects unchanged, through JSON', (_form, text) => {
    const answered = viaJson(expectOk(decideFeedback(viaJson(drive(TO_HANDLING)), { type: 'ANSWER', answer: text }, P.specialistKH)));
    const effect = answered.effects[0];
    expect(effect?.type === 'feedback.answered' && utf8(effect.answer).equals(utf8(text))).toBe(true);

    const closed = viaJson(expectOk(decideFeedback(answered.snapshot, { type: 'CLOSE', reason: text }, P.leaderBGD)));
    const ended = closed.effects.at(-1);
    expect(ended?.type === 'feedback.ended' && utf8(ended.reason).equals(utf8(text))).toBe(true);
    expect(nfd).not.toBe(nfc); // the test would prove nothing if the two forms were equal
  });
});

describe('purity', () => {
  it('decideFeedback neither mutates its input nor shares objects with it', () => {
    const persisted = deepFreeze(drive(TO_HANDLING));
    const decision = expectOk(decideFeedback(persisted, deepFreeze({ ...SAMPLE_EVENTS.ANSWER }), deepFreeze({ ...P.specialistKH })));
    expect(decision.snapshot.context).not.toBe(persisted.context);
    expect(decision.snapshot.context.openPhases).not.toBe(persisted.context.openPhases);
    expect(persisted.context.openPhases).toEqual(['supplement', 'handle']);
  });

  it('a decision that changes nothing in the context still shares nothing with the input', () => {
    const persisted = deepFreeze(drive(PAUSED_IN_HANDLING));
    const decision = expectOk(decideFeedback(persisted, SAMPLE_EVENTS.SUPPLEMENT_RECEIVED, P.citizen));
    expect(decision.snapshot.context.openPhases).toEqual(persisted.context.openPhases);
    expect(decision.snapshot.context.openPhases).not.toBe(persisted.context.openPhases);
  });

  it('the same input always gives the same result', () => {
    const persisted = drive(TO_ANSWERED);
    expect(decideFeedback(persisted, SAMPLE_EVENTS.PUBLISH, P.leaderBGD)).toEqual(decideFeedback(persisted, SAMPLE_EVENTS.PUBLISH, P.leaderBGD));
  });
});
