/** The stored form survives JSON (the `simple-json` column) and decide is pure. */
import { allowedEvents, decide, startDossier } from './decide';
import type { Actor, DecisionResult, DossierEvent, PersistedDossier, ProcessingStep } from './dossier.types';
import { PEOPLE, SAMPLE_EVENTS, STEPS, TO_PROCESSING_1, drive, expectOk } from './dossier.fixtures';
import type { Move } from './dossier.fixtures';

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

const SITUATIONS: Array<[string, PersistedDossier, DossierEvent, Actor]> = [
  ['submitted', drive('online', []), SAMPLE_EVENTS.REQUEST_SUPPLEMENT, P.clerk],
  ['processing', drive('direct', TO_PROCESSING_1), SAMPLE_EVENTS.FORWARD, P.specialistCN],
  ['awaiting_supplement', drive('direct', [...TO_PROCESSING_1, ['REQUEST_SUPPLEMENT', P.specialistCN]] as Move[]), SAMPLE_EVENTS.SUPPLEMENT_RECEIVED, P.specialistCN],
  ['refused (forbidden event)', drive('direct', [...TO_PROCESSING_1, ['REFUSE', P.specialistCN]] as Move[]), SAMPLE_EVENTS.FORWARD, P.specialistCN],
];

describe('JSON round trip', () => {
  it.each(SITUATIONS)('%s: decide continues identically after JSON.stringify/parse', (_label, persisted, event, who) => {
    const restored = viaJson(persisted);
    expect(restored).toEqual(persisted);
    expect(decide(restored, event, who)).toEqual(decide(persisted, event, who));
    expect(allowedEvents(restored, who)).toEqual(allowedEvents(persisted, who));
  });

  it('every decision is itself JSON-safe: it survives a round trip unchanged', () => {
    const results: DecisionResult[] = SITUATIONS.map(([, persisted, event, who]) => decide(persisted, event, who));
    results.push(startDossier({ channel: 'direct', steps: STEPS }));
    for (const result of results) expect(viaJson(result)).toEqual(result);
  });

  it('a whole life through JSON at every step ends where the in-memory one does', () => {
    const moves: Move[] = [
      ['ACCEPT', P.clerk],
      ['COMPLETE_DIGITISATION', P.clerk],
      ['REQUEST_SUPPLEMENT', P.specialistKH],
      ['SUPPLEMENT_RECEIVED', P.clerk],
      ['FORWARD', P.specialistKH],
      ['APOLOGISE', P.specialistCN],
      ['FORWARD', P.specialistCN],
      ['SEND_BACK', P.leaderBGD],
      ['FORWARD', P.specialistCN],
      ['ISSUE_RESULT', P.leaderBGD],
      ['RETURN_RESULT', P.clerk],
    ];
    let inMemory = startDossier({ channel: 'online', steps: STEPS }).snapshot;
    let stored = viaJson(inMemory);
    for (const [type, who] of moves) {
      const a = expectOk(decide(inMemory, SAMPLE_EVENTS[type], who));
      const b = expectOk(decide(stored, SAMPLE_EVENTS[type], who));
      expect(b).toEqual(a);
      inMemory = a.snapshot;
      stored = viaJson(b.snapshot);
    }
    expect(stored).toEqual({ ...inMemory, value: 'returned', status: 'done' });
    expect(stored.context).toMatchObject({ supplementRequests: 1, apologised: true, stepIndex: 2 });
  });
});

describe('Vietnamese text survives byte for byte', () => {
  // Same words in precomposed (NFC) and decomposed (NFD) form: neither may be normalised away.
  const nfc = 'Đề nghị bổ sung: “Giấy xác nhận tình trạng hôn nhân” — ưu tiên 😊';
  const nfd = nfc.normalize('NFD');

  it.each([
    ['NFC', nfc],
    ['NFD', nfd],
  ])('a %s reason comes back in the effects unchanged, through JSON', (_form, reason) => {
    const persisted = viaJson(drive('direct', TO_PROCESSING_1));
    const decision = viaJson(expectOk(decide(persisted, { type: 'REQUEST_SUPPLEMENT', reason }, P.specialistCN)));
    expect(decision.effects.map((e) => e.type)).toEqual(['supplement.requested', 'clock.paused']);
    const reasons = decision.effects.map((effect) => ('reason' in effect ? effect.reason : undefined));
    expect(reasons.map((r) => r !== undefined && utf8(r).equals(utf8(reason)))).toEqual([true, true]);
  });

  it('step names in the stored context come back unchanged in step.entered', () => {
    const steps: ProcessingStep[] = STEPS.map((step, i) => ({ ...step, name: i === 1 ? nfd : step.name }));
    const stored = viaJson(expectOk(decide(viaJson(startDossier({ channel: 'direct', steps }).snapshot), SAMPLE_EVENTS.COMPLETE_DIGITISATION, P.clerk)).snapshot);
    const effect = expectOk(decide(stored, SAMPLE_EVENTS.FORWARD, P.specialistKH)).effects[0];
    expect(effect?.type === 'step.entered' && utf8(effect.step.name).equals(utf8(nfd))).toBe(true);
    expect(nfd).not.toBe(nfc); // the test would prove nothing if the two forms were equal
  });
});

describe('purity', () => {
  it('decide neither mutates its input nor shares objects with it', () => {
    const persisted = deepFreeze(drive('direct', TO_PROCESSING_1));
    const event = deepFreeze({ ...SAMPLE_EVENTS.FORWARD });
    const decision = expectOk(decide(persisted, event, deepFreeze({ ...P.specialistCN })));
    expect(decision.snapshot.context).not.toBe(persisted.context);
    expect(decision.snapshot.context.steps[0]).not.toBe(persisted.context.steps[0]);
    expect(persisted.context.stepIndex).toBe(1);
  });

  it('the same input always gives the same result', () => {
    const persisted = drive('direct', TO_PROCESSING_1);
    expect(decide(persisted, SAMPLE_EVENTS.SEND_BACK, P.specialistCN)).toEqual(decide(persisted, SAMPLE_EVENTS.SEND_BACK, P.specialistCN));
  });
});
