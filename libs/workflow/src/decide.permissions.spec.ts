/**
 * Who may send what: FORBIDDEN for the wrong people, success for the right ones, and the
 * precedence of INVALID_TRANSITION over FORBIDDEN.
 */
import { allowedEvents, decide } from './decide';
import { DOSSIER_EVENT_TYPES } from './dossier.types';
import type { Actor, DossierEventType, PersistedDossier } from './dossier.types';
import {
  PEOPLE,
  SAMPLE_EVENTS,
  TO_PROCESSING_0,
  TO_PROCESSING_1,
  TO_PROCESSING_2,
  drive,
  expectOk,
  expectRejected,
} from './dossier.fixtures';
import type { Move } from './dossier.fixtures';

const P = PEOPLE;

const AT = {
  submitted: () => drive('online', []),
  received: () => drive('direct', []),
  step0: () => drive('direct', TO_PROCESSING_0),
  step1: () => drive('direct', TO_PROCESSING_1),
  step2: () => drive('direct', TO_PROCESSING_2),
  intakePause: () => drive('online', [['REQUEST_SUPPLEMENT', P.clerk]]),
  step1Pause: () => drive('direct', [...TO_PROCESSING_1, ['REQUEST_SUPPLEMENT', P.specialistCN]] as Move[]),
  resultIssued: () => drive('direct', [...TO_PROCESSING_2, ['ISSUE_RESULT', P.leaderBGD]] as Move[]),
} satisfies Record<string, () => PersistedDossier>;

type Where = keyof typeof AT;
type Case = [where: Where, type: DossierEventType, who: keyof typeof P, why: string];

const FORBIDDEN: Case[] = [
  ['submitted', 'ACCEPT', 'specialistKH', 'only a clerk accepts'],
  ['submitted', 'ACCEPT', 'leaderBGD', 'only a clerk accepts'],
  ['submitted', 'REJECT', 'specialistKH', 'only a clerk rejects at intake'],
  ['submitted', 'REQUEST_SUPPLEMENT', 'specialistKH', 'intake guidance is the clerk’s, no step is current'],
  ['submitted', 'WITHDRAW', 'leaderBGD', 'the clerk records a withdrawal'],
  ['received', 'COMPLETE_DIGITISATION', 'specialistKH', 'digitisation is the clerk’s'],
  ['received', 'WITHDRAW', 'specialistKH', 'the clerk records a withdrawal'],
  ['step0', 'FORWARD', 'specialistCN', 'right role, other department'],
  ['step0', 'FORWARD', 'leaderKH', 'right department, other role'],
  ['step0', 'FORWARD', 'clerk', 'clerks do not process'],
  ['step0', 'FORWARD', 'specialistNoDept', 'right role, no department'],
  ['step0', 'FORWARD', 'leaderBGD', 'a leader may stop or apologise anywhere, not forward'],
  ['step0', 'REFUSE', 'leaderBGD', 'refusing belongs to the step handler'],
  ['step0', 'REQUEST_SUPPLEMENT', 'clerk', 'during processing only the step handler asks'],
  ['step0', 'STOP', 'specialistCN', 'a specialist of another step'],
  ['step0', 'APOLOGISE', 'clerk', 'apologising is the step handler’s or a leader’s'],
  ['step1', 'FORWARD', 'specialistKH', 'the previous step’s handler'],
  ['step1', 'SEND_BACK', 'specialistKH', 'the previous step’s handler'],
  ['step2', 'ISSUE_RESULT', 'specialistBGD', 'a specialist at the leader’s step, same department'],
  ['step2', 'ISSUE_RESULT', 'leaderKH', 'a leader of another department'],
  ['step2', 'SEND_BACK', 'specialistCN', 'the previous step’s handler'],
  ['step2', 'WITHDRAW', 'leaderBGD', 'the clerk records a withdrawal'],
  ['intakePause', 'SUPPLEMENT_RECEIVED', 'specialistKH', 'no step is current at intake'],
  ['step1Pause', 'SUPPLEMENT_RECEIVED', 'specialistKH', 'handler of another step'],
  ['step1Pause', 'REFUSE', 'leaderBGD', 'refusing belongs to the step handler'],
  ['step1Pause', 'APOLOGISE', 'specialistKH', 'handler of another step'],
  ['resultIssued', 'RETURN_RESULT', 'leaderBGD', 'the clerk returns results'],
  ['resultIssued', 'RETURN_RESULT', 'specialistKH', 'the clerk returns results'],
];

const PERMITTED: Case[] = [
  ['submitted', 'ACCEPT', 'clerk', 'the clerk'],
  ['submitted', 'ACCEPT', 'clerkAndSpecialistKH', 'one of several roles suffices'],
  ['step0', 'FORWARD', 'clerkAndSpecialistKH', 'holds the step role in the step department'],
  ['step0', 'WITHDRAW', 'clerkAndSpecialistKH', 'holds the clerk role'],
  ['step0', 'STOP', 'leaderBGD', 'any leader may stop'],
  ['step0', 'STOP', 'leaderKH', 'any leader may stop'],
  ['step0', 'APOLOGISE', 'leaderKH', 'any leader may apologise'],
  ['step1', 'SEND_BACK', 'specialistCN', 'the step handler'],
  ['step2', 'ISSUE_RESULT', 'leaderBGD', 'the leader step handler'],
  ['step2', 'REQUEST_SUPPLEMENT', 'leaderBGD', 'the leader step handler'],
  ['intakePause', 'SUPPLEMENT_RECEIVED', 'clerk', 'the clerk'],
  ['step1Pause', 'SUPPLEMENT_RECEIVED', 'clerk', 'the clerk'],
  ['step1Pause', 'SUPPLEMENT_RECEIVED', 'specialistCN', 'the paused step’s handler'],
  ['step1Pause', 'STOP', 'leaderKH', 'any leader may stop'],
  ['step1Pause', 'REFUSE', 'specialistCN', 'the paused step’s handler'],
  ['step1Pause', 'WITHDRAW', 'clerk', 'the clerk'],
];

describe('FORBIDDEN: the event could happen, but not by this actor', () => {
  it.each(FORBIDDEN)('%s: %s by %s (%s)', (where, type, who) => {
    const persisted = AT[where]();
    const rejection = expectRejected(decide(persisted, SAMPLE_EVENTS[type], P[who]));
    expect(rejection).toMatchObject({ code: 'FORBIDDEN', state: persisted.value, eventType: type });
    expect(rejection.message).toContain(P[who].userId);
    expect(rejection.allowedEvents).toEqual(allowedEvents(persisted, P[who]));
    expect(rejection.allowedEvents).not.toContain(type);
  });
});

describe('permitted senders', () => {
  it.each(PERMITTED)('%s: %s by %s (%s)', (where, type, who) => {
    expectOk(decide(AT[where](), SAMPLE_EVENTS[type], P[who]));
  });
});

describe('admin, reporter and role-less users can send nothing', () => {
  const outsiders: Actor[] = [P.admin, P.reporter, P.adminReporter, P.nobody];
  const cells = Object.keys(AT).flatMap((where) => DOSSIER_EVENT_TYPES.map((type) => [where as Where, type] as const));

  it.each(outsiders)('$userId has no allowed events anywhere', (outsider) => {
    for (const where of Object.keys(AT) as Where[]) expect(allowedEvents(AT[where](), outsider)).toEqual([]);
  });

  it.each(cells)('%s: %s by an admin (in the step’s department) is refused', (where, type) => {
    const persisted = AT[where]();
    const admin: Actor = { ...P.admin, departmentCode: persisted.context.steps[persisted.context.stepIndex ?? 0]!.departmentCode };
    const rejection = expectRejected(decide(persisted, SAMPLE_EVENTS[type], admin));
    // Whoever sends it, an event that cannot happen is INVALID_TRANSITION; one that can is FORBIDDEN.
    const anybodyCould = someoneCould(persisted, type);
    expect(rejection.code).toBe(anybodyCould ? 'FORBIDDEN' : 'INVALID_TRANSITION');
  });
});

/** True when some legitimate sender can send `type` here. */
function someoneCould(persisted: PersistedDossier, type: DossierEventType): boolean {
  const legitimate = [P.clerk, P.specialistKH, P.specialistCN, P.leaderBGD];
  return legitimate.some((who) => decide(persisted, SAMPLE_EVENTS[type], who).ok);
}

describe('INVALID_TRANSITION takes precedence over FORBIDDEN', () => {
  it('FORWARD at the last step is INVALID_TRANSITION even for someone who could never forward', () => {
    const rejection = expectRejected(decide(AT.step2(), SAMPLE_EVENTS.FORWARD, P.reporter));
    expect(rejection.code).toBe('INVALID_TRANSITION');
  });

  it('a second APOLOGISE is INVALID_TRANSITION, even for the wrong person', () => {
    const apologised = expectOk(decide(AT.step1(), SAMPLE_EVENTS.APOLOGISE, P.leaderKH)).snapshot;
    expect(expectRejected(decide(apologised, SAMPLE_EVENTS.APOLOGISE, P.specialistCN)).code).toBe('INVALID_TRANSITION');
    expect(expectRejected(decide(apologised, SAMPLE_EVENTS.APOLOGISE, P.clerk)).code).toBe('INVALID_TRANSITION');
  });
});

describe('the actor comes from the adapter, never from the payload', () => {
  it('ignores an actor smuggled into the event', () => {
    const event = { ...SAMPLE_EVENTS.ACCEPT, actor: P.clerk };
    const rejection = expectRejected(decide(AT.submitted(), event, P.specialistKH));
    expect(rejection.code).toBe('FORBIDDEN');
  });
});

describe('allowedEvents', () => {
  const cases: Array<[Where, keyof typeof P, DossierEventType[]]> = [
    ['submitted', 'clerk', ['ACCEPT', 'REJECT', 'REQUEST_SUPPLEMENT', 'WITHDRAW']],
    ['submitted', 'specialistKH', []],
    ['received', 'clerk', ['COMPLETE_DIGITISATION', 'WITHDRAW']],
    ['received', 'leaderBGD', []],
    ['step0', 'specialistKH', ['FORWARD', 'REQUEST_SUPPLEMENT', 'REFUSE', 'STOP', 'APOLOGISE']],
    ['step0', 'clerk', ['WITHDRAW']],
    ['step0', 'clerkAndSpecialistKH', ['FORWARD', 'REQUEST_SUPPLEMENT', 'REFUSE', 'STOP', 'WITHDRAW', 'APOLOGISE']],
    ['step0', 'leaderBGD', ['STOP', 'APOLOGISE']],
    ['step0', 'specialistCN', []],
    ['step1', 'specialistCN', ['FORWARD', 'SEND_BACK', 'REQUEST_SUPPLEMENT', 'REFUSE', 'STOP', 'APOLOGISE']],
    ['step2', 'leaderBGD', ['SEND_BACK', 'REQUEST_SUPPLEMENT', 'ISSUE_RESULT', 'REFUSE', 'STOP', 'APOLOGISE']],
    ['step2', 'specialistBGD', []],
    ['intakePause', 'clerk', ['SUPPLEMENT_RECEIVED', 'WITHDRAW']],
    ['intakePause', 'specialistKH', []],
    ['step1Pause', 'specialistCN', ['SUPPLEMENT_RECEIVED', 'REFUSE', 'STOP', 'APOLOGISE']],
    ['step1Pause', 'clerk', ['SUPPLEMENT_RECEIVED', 'WITHDRAW']],
    ['step1Pause', 'leaderKH', ['STOP', 'APOLOGISE']],
    ['resultIssued', 'clerk', ['RETURN_RESULT']],
    ['resultIssued', 'leaderBGD', []],
  ];

  it.each(cases)('%s, %s → %j', (where, who, expected) => {
    expect(allowedEvents(AT[where](), P[who])).toEqual(expected);
  });

  it('is empty in every end state, for everybody', () => {
    const ended = [
      drive('online', [['REJECT', P.clerk]]),
      drive('direct', [['WITHDRAW', P.clerk]]),
      drive('direct', [...TO_PROCESSING_0, ['REFUSE', P.specialistKH]]),
      drive('direct', [...TO_PROCESSING_0, ['STOP', P.leaderBGD]]),
      drive('direct', [...TO_PROCESSING_2, ['ISSUE_RESULT', P.leaderBGD], ['RETURN_RESULT', P.clerk]]),
    ];
    for (const persisted of ended) {
      for (const who of Object.values(P)) expect(allowedEvents(persisted, who)).toEqual([]);
    }
  });

  it('agrees with decide for every situation, person and event', () => {
    for (const where of Object.keys(AT) as Where[]) {
      const persisted = AT[where]();
      for (const who of Object.values(P)) {
        const accepted = DOSSIER_EVENT_TYPES.filter((type) => decide(persisted, SAMPLE_EVENTS[type], who).ok);
        expect({ where, who: who.userId, allowed: allowedEvents(persisted, who) }).toEqual({ where, who: who.userId, allowed: accepted });
      }
    }
  });
});
