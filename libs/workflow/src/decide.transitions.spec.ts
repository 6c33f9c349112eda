/**
 * The full (situation × event type) matrix. Every cell is spelled out by hand below — the
 * expectation is the domain rule, not something derived from the implementation. Cells not
 * listed must be refused with INVALID_TRANSITION, sent by the person who would be entitled
 * to send that event, so it is the dossier's state (not the permission) that refuses.
 */
import { allowedEvents, decide } from './decide';
import { DOSSIER_EVENT_TYPES, END_STATES } from './dossier.types';
import type { Actor, DossierEventType, DossierState, PersistedDossier } from './dossier.types';
import {
  PEOPLE,
  SAMPLE_EVENTS,
  STEP_HANDLERS,
  TO_PROCESSING_0,
  TO_PROCESSING_1,
  TO_PROCESSING_2,
  drive,
  expectOk,
  expectRejected,
} from './dossier.fixtures';
import type { Move } from './dossier.fixtures';

/** `'state'` or `'state@n'` (n = the current step index afterwards). */
type Outcome = DossierState | `${DossierState}@${number}`;

interface Situation {
  name: string;
  reach: () => PersistedDossier;
  state: DossierState;
  /** Current step (Decision.stepFrom): set in processing and in a supplement pause during processing. */
  step: number | null;
  /** Step whose handler would act; defaults to `step`, else the first step. */
  actingStep?: number;
  allowed: Partial<Record<DossierEventType, Outcome>>;
}

const { clerk, specialistCN, leaderBGD } = PEOPLE;
const pause1: Move[] = [...TO_PROCESSING_1, ['REQUEST_SUPPLEMENT', specialistCN]];

const WHILE_PROCESSING_ANYWHERE = {
  REFUSE: 'refused',
  STOP: 'stopped',
  WITHDRAW: 'withdrawn',
} as const;

const SITUATIONS: Situation[] = [
  {
    name: 'submitted (online)',
    reach: () => drive('online', []),
    state: 'submitted',
    step: null,
    allowed: { ACCEPT: 'received', REJECT: 'rejected', REQUEST_SUPPLEMENT: 'awaiting_supplement', WITHDRAW: 'withdrawn' },
  },
  {
    name: 'received (direct)',
    reach: () => drive('direct', []),
    state: 'received',
    step: null,
    allowed: { COMPLETE_DIGITISATION: 'processing@0', WITHDRAW: 'withdrawn' },
  },
  {
    name: 'received (postal, accepted)',
    reach: () => drive('postal', [['ACCEPT', clerk]]),
    state: 'received',
    step: null,
    allowed: { COMPLETE_DIGITISATION: 'processing@0', WITHDRAW: 'withdrawn' },
  },
  {
    name: 'processing at first step',
    reach: () => drive('direct', TO_PROCESSING_0),
    state: 'processing',
    step: 0,
    allowed: {
      FORWARD: 'processing@1',
      REQUEST_SUPPLEMENT: 'awaiting_supplement@0',
      APOLOGISE: 'processing@0',
      ...WHILE_PROCESSING_ANYWHERE,
    },
  },
  {
    name: 'processing at middle step',
    reach: () => drive('direct', TO_PROCESSING_1),
    state: 'processing',
    step: 1,
    allowed: {
      FORWARD: 'processing@2',
      SEND_BACK: 'processing@0',
      REQUEST_SUPPLEMENT: 'awaiting_supplement@1',
      APOLOGISE: 'processing@1',
      ...WHILE_PROCESSING_ANYWHERE,
    },
  },
  {
    name: 'processing at last step (leader)',
    reach: () => drive('online', [['ACCEPT', clerk], ...TO_PROCESSING_2]),
    state: 'processing',
    step: 2,
    allowed: {
      SEND_BACK: 'processing@1',
      ISSUE_RESULT: 'result_issued',
      REQUEST_SUPPLEMENT: 'awaiting_supplement@2',
      APOLOGISE: 'processing@2',
      ...WHILE_PROCESSING_ANYWHERE,
    },
  },
  {
    name: 'processing at middle step, already apologised',
    reach: () => drive('direct', [...TO_PROCESSING_1, ['APOLOGISE', specialistCN]]),
    state: 'processing',
    step: 1,
    allowed: {
      FORWARD: 'processing@2',
      SEND_BACK: 'processing@0',
      REQUEST_SUPPLEMENT: 'awaiting_supplement@1',
      ...WHILE_PROCESSING_ANYWHERE,
    },
  },
  {
    name: 'awaiting_supplement at intake (resumeTo submitted)',
    reach: () => drive('online', [['REQUEST_SUPPLEMENT', clerk]]),
    state: 'awaiting_supplement',
    step: null,
    allowed: { SUPPLEMENT_RECEIVED: 'submitted', WITHDRAW: 'withdrawn' },
  },
  {
    name: 'awaiting_supplement during processing at middle step (resumeTo processing)',
    reach: () => drive('direct', pause1),
    state: 'awaiting_supplement',
    step: 1,
    allowed: {
      SUPPLEMENT_RECEIVED: 'processing@1',
      APOLOGISE: 'awaiting_supplement@1',
      ...WHILE_PROCESSING_ANYWHERE,
    },
  },
  {
    name: 'awaiting_supplement during processing at last step (resumeTo processing)',
    reach: () => drive('direct', [...TO_PROCESSING_2, ['REQUEST_SUPPLEMENT', leaderBGD]]),
    state: 'awaiting_supplement',
    step: 2,
    allowed: {
      SUPPLEMENT_RECEIVED: 'processing@2',
      APOLOGISE: 'awaiting_supplement@2',
      ...WHILE_PROCESSING_ANYWHERE,
    },
  },
  {
    name: 'awaiting_supplement during processing, already apologised',
    reach: () => drive('direct', [...pause1, ['APOLOGISE', specialistCN]]),
    state: 'awaiting_supplement',
    step: 1,
    allowed: { SUPPLEMENT_RECEIVED: 'processing@1', ...WHILE_PROCESSING_ANYWHERE },
  },
  {
    name: 'result_issued',
    reach: () => drive('direct', [...TO_PROCESSING_2, ['ISSUE_RESULT', leaderBGD]]),
    state: 'result_issued',
    step: null,
    actingStep: 2,
    allowed: { RETURN_RESULT: 'returned' },
  },
  {
    name: 'returned',
    reach: () => drive('direct', [...TO_PROCESSING_2, ['ISSUE_RESULT', leaderBGD], ['RETURN_RESULT', clerk]]),
    state: 'returned',
    step: null,
    actingStep: 2,
    allowed: {},
  },
  {
    name: 'refused',
    reach: () => drive('direct', [...TO_PROCESSING_1, ['REFUSE', specialistCN]]),
    state: 'refused',
    step: null,
    actingStep: 1,
    allowed: {},
  },
  {
    name: 'stopped',
    reach: () => drive('direct', [...pause1, ['STOP', leaderBGD]]),
    state: 'stopped',
    step: null,
    actingStep: 1,
    allowed: {},
  },
  {
    name: 'withdrawn',
    reach: () => drive('online', [['WITHDRAW', clerk]]),
    state: 'withdrawn',
    step: null,
    allowed: {},
  },
  {
    name: 'rejected',
    reach: () => drive('postal', [['REJECT', clerk]]),
    state: 'rejected',
    step: null,
    allowed: {},
  },
];

const CLERK_EVENTS: readonly DossierEventType[] = [
  'ACCEPT',
  'REJECT',
  'COMPLETE_DIGITISATION',
  'SUPPLEMENT_RECEIVED',
  'RETURN_RESULT',
  'WITHDRAW',
];

/** Who would be entitled to send `type` in this situation, were it possible. */
function rightfulSender(situation: Situation, type: DossierEventType): Actor {
  const actingStep = situation.actingStep ?? situation.step;
  if (CLERK_EVENTS.includes(type)) return clerk;
  if (type === 'REQUEST_SUPPLEMENT' && actingStep === null) return clerk; // intake guidance
  return STEP_HANDLERS[actingStep ?? 0]!;
}

function parseOutcome(outcome: Outcome): { to: DossierState; stepTo: number | null } {
  const [to, step] = outcome.split('@') as [DossierState, string | undefined];
  return { to, stepTo: step === undefined ? null : Number(step) };
}

const CELLS = SITUATIONS.flatMap((situation) =>
  DOSSIER_EVENT_TYPES.map((type) => ({ situation, type, outcome: situation.allowed[type] })),
);

describe('state × event matrix', () => {
  it('covers every state of the contract and every event type', () => {
    expect(new Set(SITUATIONS.map((s) => s.state)).size).toBe(10);
    expect(CELLS).toHaveLength(SITUATIONS.length * DOSSIER_EVENT_TYPES.length);
  });

  it.each(SITUATIONS)('$name: the fixture reaches state $state at step $step', (situation) => {
    const persisted = situation.reach();
    expect(persisted.value).toBe(situation.state);
    expect(persisted.status).toBe(END_STATES.includes(situation.state) ? 'done' : 'active');
  });

  const allowedCells = CELLS.filter((cell) => cell.outcome !== undefined);
  const refusedCells = CELLS.filter((cell) => cell.outcome === undefined);

  it.each(allowedCells)('$situation.name: $type → $outcome', ({ situation, type, outcome }) => {
    const { to, stepTo } = parseOutcome(outcome!);
    const decision = expectOk(decide(situation.reach(), SAMPLE_EVENTS[type], rightfulSender(situation, type)));
    expect(decision).toMatchObject({ from: situation.state, to, stepFrom: situation.step, stepTo });
    expect(decision.snapshot.value).toBe(to);
    expect(decision.done).toBe(END_STATES.includes(to));
    expect(decision.snapshot.status).toBe(decision.done ? 'done' : 'active');
  });

  it.each(refusedCells)('$situation.name: $type → INVALID_TRANSITION', ({ situation, type }) => {
    const persisted = situation.reach();
    const sender = rightfulSender(situation, type);
    const rejection = expectRejected(decide(persisted, SAMPLE_EVENTS[type], sender));
    expect(rejection).toMatchObject({ code: 'INVALID_TRANSITION', state: situation.state, eventType: type });
    expect(rejection.allowedEvents).toEqual(allowedEvents(persisted, sender));
    expect(rejection.allowedEvents).not.toContain(type);
  });
});
