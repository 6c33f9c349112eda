/**
 * The full (situation × event type) matrix of the feedback workflow. Every allowed cell is
 * spelled out by hand — the expectation is the domain rule, not something derived from the
 * implementation. Cells not listed must be refused with INVALID_TRANSITION, sent by the person
 * who would be entitled to send that event, so it is the feedback's state (not the permission)
 * that refuses.
 */
import { FEEDBACK_END_STATES, FEEDBACK_EVENT_TYPES, FEEDBACK_STATES } from './feedback.types';
import type { FeedbackActor, FeedbackEventType, FeedbackState, PersistedFeedback } from './feedback.types';
import { allowedFeedbackEvents, decideFeedback } from './feedback.workflow';
import {
  PAUSED_AT_INTAKE,
  PAUSED_CLASSIFIED,
  PAUSED_IN_HANDLING,
  PEOPLE,
  SAMPLE_EVENTS,
  TO_ANSWERED,
  TO_CLASSIFIED,
  TO_HANDLING,
  TO_PUBLISHED,
  USUAL_SENDER,
  drive,
  expectOk,
  expectRejected,
} from './feedback.fixtures';

interface Situation {
  name: string;
  reach: () => PersistedFeedback;
  state: FeedbackState;
  /** Handling has started: a supplement is then asked by the assigned department, not the clerk. */
  handling: boolean;
  allowed: Partial<Record<FeedbackEventType, FeedbackState>>;
}

const { clerk, specialistKH, leaderBGD, citizen } = PEOPLE;

const AT_INTAKE = { REJECT: 'rejected', REQUEST_SUPPLEMENT: 'awaiting_supplement', CLOSE: 'closed' } as const;

const SITUATIONS: Situation[] = [
  {
    name: 'received from the portal',
    reach: () => drive([]),
    state: 'received',
    handling: false,
    allowed: { CLASSIFY: 'classified', ...AT_INTAKE },
  },
  {
    name: 'received at the counter',
    reach: () => drive([], 'counter'),
    state: 'received',
    handling: false,
    allowed: { CLASSIFY: 'classified', ...AT_INTAKE },
  },
  {
    name: 'received from a dossier',
    reach: () => drive([], 'dossier'),
    state: 'received',
    handling: false,
    allowed: { CLASSIFY: 'classified', ...AT_INTAKE },
  },
  {
    name: 'received again after an intake supplement',
    reach: () => drive([...PAUSED_AT_INTAKE, ['SUPPLEMENT_RECEIVED', citizen]]),
    state: 'received',
    handling: false,
    allowed: { CLASSIFY: 'classified', ...AT_INTAKE },
  },
  {
    name: 'classified',
    reach: () => drive(TO_CLASSIFIED),
    state: 'classified',
    handling: false,
    allowed: { CLASSIFY: 'classified', START_HANDLING: 'in_handling', ...AT_INTAKE },
  },
  {
    name: 'in_handling',
    reach: () => drive(TO_HANDLING),
    state: 'in_handling',
    handling: true,
    allowed: { ANSWER: 'answered', REQUEST_SUPPLEMENT: 'awaiting_supplement', CLOSE: 'closed' },
  },
  {
    name: 'in_handling after a supplement',
    reach: () => drive([...PAUSED_IN_HANDLING, ['SUPPLEMENT_RECEIVED', specialistKH]]),
    state: 'in_handling',
    handling: true,
    allowed: { ANSWER: 'answered', REQUEST_SUPPLEMENT: 'awaiting_supplement', CLOSE: 'closed' },
  },
  {
    name: 'awaiting_supplement at intake (resumeTo received)',
    reach: () => drive(PAUSED_AT_INTAKE),
    state: 'awaiting_supplement',
    handling: false,
    allowed: { SUPPLEMENT_RECEIVED: 'received', CLOSE: 'closed' },
  },
  {
    name: 'awaiting_supplement once classified (resumeTo classified)',
    reach: () => drive(PAUSED_CLASSIFIED),
    state: 'awaiting_supplement',
    handling: false,
    allowed: { SUPPLEMENT_RECEIVED: 'classified', CLOSE: 'closed' },
  },
  {
    name: 'awaiting_supplement while handling (resumeTo in_handling)',
    reach: () => drive(PAUSED_IN_HANDLING),
    state: 'awaiting_supplement',
    handling: true,
    allowed: { SUPPLEMENT_RECEIVED: 'in_handling', CLOSE: 'closed' },
  },
  {
    name: 'answered',
    reach: () => drive(TO_ANSWERED),
    state: 'answered',
    handling: true,
    allowed: { PUBLISH: 'published', RATE: 'answered', CLOSE: 'closed' },
  },
  {
    name: 'answered, already rated',
    reach: () => drive([...TO_ANSWERED, ['RATE', citizen]]),
    state: 'answered',
    handling: true,
    allowed: { PUBLISH: 'published', CLOSE: 'closed' },
  },
  {
    name: 'published',
    reach: () => drive(TO_PUBLISHED),
    state: 'published',
    handling: true,
    allowed: { RATE: 'published' },
  },
  {
    name: 'published, already rated',
    reach: () => drive([...TO_PUBLISHED, ['RATE', citizen]]),
    state: 'published',
    handling: true,
    allowed: {},
  },
  {
    name: 'published, rated before publication',
    reach: () => drive([...TO_ANSWERED, ['RATE', citizen], ['PUBLISH', leaderBGD]]),
    state: 'published',
    handling: true,
    allowed: {},
  },
  {
    name: 'closed at intake',
    reach: () => drive([['CLOSE', clerk]]),
    state: 'closed',
    handling: false,
    allowed: {},
  },
  {
    name: 'closed after the answer (not published)',
    reach: () => drive([...TO_ANSWERED, ['CLOSE', leaderBGD]]),
    state: 'closed',
    handling: true,
    allowed: {},
  },
  {
    name: 'rejected',
    reach: () => drive([['REJECT', clerk]]),
    state: 'rejected',
    handling: false,
    allowed: {},
  },
  {
    name: 'rejected once classified',
    reach: () => drive([...TO_CLASSIFIED, ['REJECT', clerk]]),
    state: 'rejected',
    handling: false,
    allowed: {},
  },
];

/** Who would be entitled to send `type` in this situation, were it possible. */
function rightfulSender(situation: Situation, type: FeedbackEventType): FeedbackActor {
  if (type === 'REQUEST_SUPPLEMENT' && situation.handling) return specialistKH;
  return USUAL_SENDER[type];
}

const CELLS = SITUATIONS.flatMap((situation) =>
  FEEDBACK_EVENT_TYPES.map((type) => ({ situation, type, outcome: situation.allowed[type] })),
);

describe('feedback state × event matrix', () => {
  it('covers every state of the contract and every event type', () => {
    expect(new Set(SITUATIONS.map((s) => s.state))).toEqual(new Set(FEEDBACK_STATES));
    expect(CELLS).toHaveLength(SITUATIONS.length * FEEDBACK_EVENT_TYPES.length);
  });

  it.each(SITUATIONS)('$name: the fixture reaches state $state', (situation) => {
    const persisted = situation.reach();
    expect(persisted.value).toBe(situation.state);
    expect(persisted.status).toBe(FEEDBACK_END_STATES.includes(situation.state) ? 'done' : 'active');
  });

  const allowedCells = CELLS.filter((cell) => cell.outcome !== undefined);
  const refusedCells = CELLS.filter((cell) => cell.outcome === undefined);

  it('has as many allowed cells as written above', () => {
    expect(allowedCells).toHaveLength(SITUATIONS.reduce((n, s) => n + Object.keys(s.allowed).length, 0));
  });

  it.each(allowedCells)('$situation.name: $type → $outcome', ({ situation, type, outcome }) => {
    const decision = expectOk(decideFeedback(situation.reach(), SAMPLE_EVENTS[type], rightfulSender(situation, type)));
    expect(decision).toMatchObject({ from: situation.state, to: outcome });
    expect(decision.snapshot.value).toBe(outcome);
    expect(decision.done).toBe(FEEDBACK_END_STATES.includes(outcome!));
    expect(decision.snapshot.status).toBe(decision.done ? 'done' : 'active');
  });

  it.each(refusedCells)('$situation.name: $type → INVALID_TRANSITION', ({ situation, type }) => {
    const persisted = situation.reach();
    const sender = rightfulSender(situation, type);
    const rejection = expectRejected(decideFeedback(persisted, SAMPLE_EVENTS[type], sender));
    expect(rejection).toMatchObject({ code: 'INVALID_TRANSITION', state: situation.state, eventType: type });
    expect(rejection.message).toContain(`${type} cannot happen in state ${situation.state}`);
    expect(rejection.allowedEvents).toEqual(allowedFeedbackEvents(persisted, sender));
    expect(rejection.allowedEvents).not.toContain(type);
  });
});
