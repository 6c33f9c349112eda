/**
 * Who may send what on a feedback: the table, FORBIDDEN for the wrong people, success for the
 * right ones, the citizen actor, the precedence of INVALID_TRANSITION over FORBIDDEN, and
 * allowedFeedbackEvents per actor.
 */
import { ROLES } from './dossier.types';
import type { Actor } from './dossier.types';
import { FEEDBACK_PERMISSIONS, citizenActor, isCitizenActor, isFeedbackActorPermitted } from './feedback.permissions';
import type { FeedbackPermissionRule } from './feedback.permissions';
import { FEEDBACK_EVENT_TYPES } from './feedback.types';
import type { FeedbackActor, FeedbackContext, FeedbackEventType, FeedbackState, PersistedFeedback } from './feedback.types';
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
  drive,
  expectOk,
  expectRejected,
} from './feedback.fixtures';

const P = PEOPLE;

describe('FEEDBACK_PERMISSIONS table', () => {
  it('has rules for every event type and nothing else', () => {
    expect(Object.keys(FEEDBACK_PERMISSIONS).sort()).toEqual([...FEEDBACK_EVENT_TYPES].sort());
    for (const type of FEEDBACK_EVENT_TYPES) expect(FEEDBACK_PERMISSIONS[type].length).toBeGreaterThan(0);
  });

  it('never admits admin or reporter', () => {
    const admitted = Object.values(FEEDBACK_PERMISSIONS).flatMap((rules) => rules.flatMap((rule) => rule.roles));
    expect(admitted).not.toContain('admin');
    expect(admitted).not.toContain('reporter');
    expect(admitted.every((role) => ROLES.includes(role))).toBe(true);
  });

  it('states the domain’s permissions', () => {
    const summary = Object.fromEntries(
      FEEDBACK_EVENT_TYPES.map((type) => [
        type,
        FEEDBACK_PERMISSIONS[type].map((r) => {
          const who = r.scope === 'any' ? r.roles.join('|') : r.scope === 'citizen' ? 'citizen' : `${r.roles.join('|')} of department`;
          return who + (r.states ? ` in ${r.states.join('|')}` : '');
        }),
      ]),
    );
    expect(summary).toEqual({
      CLASSIFY: ['clerk'],
      REJECT: ['clerk'],
      REQUEST_SUPPLEMENT: ['clerk in received|classified', 'specialist of department in in_handling'],
      SUPPLEMENT_RECEIVED: ['clerk', 'specialist of department', 'citizen'],
      START_HANDLING: ['specialist of department'],
      ANSWER: ['specialist of department'],
      PUBLISH: ['leader'],
      CLOSE: ['clerk in received|classified|awaiting_supplement', 'leader'],
      RATE: ['citizen'],
    });
  });
});

describe('the citizen actor', () => {
  it('is built for the public page: no role, no department', () => {
    expect(citizenActor('PAKN-1')).toEqual({ userId: 'citizen:PAKN-1', roles: [], departmentCode: null, citizen: true });
    expect(isCitizenActor(citizenActor('PAKN-1'))).toBe(true);
  });

  it('is never a staff user, whatever their roles', () => {
    for (const who of Object.values(P).filter((p) => p !== P.citizen)) expect(isCitizenActor(who)).toBe(false);
    const notCitizen = { ...P.clerk, citizen: false } as unknown as FeedbackActor;
    expect(isCitizenActor(notCitizen)).toBe(false);
  });
});

describe('isFeedbackActorPermitted', () => {
  const context = (overrides: Partial<FeedbackContext> = {}): FeedbackContext => ({
    source: 'portal',
    dossierCode: null,
    category: null,
    departmentCode: null,
    openPhases: [],
    resumeTo: null,
    supplementRequests: 0,
    verdict: null,
    ...overrides,
  });
  const departmentSpecialist: FeedbackPermissionRule = { roles: ['specialist'], scope: 'assignedDepartment' };
  const citizenRule: FeedbackPermissionRule = { roles: [], scope: 'citizen' };

  it.each<[string, FeedbackPermissionRule[], FeedbackActor, FeedbackState, Partial<FeedbackContext>, boolean]>([
    ['the assigned department’s specialist', [departmentSpecialist], P.specialistKH, 'in_handling', { departmentCode: 'PQLKH' }, true],
    ['a specialist of another department', [departmentSpecialist], P.specialistCN, 'in_handling', { departmentCode: 'PQLKH' }, false],
    ['the right department, another role', [departmentSpecialist], P.leaderKH, 'in_handling', { departmentCode: 'PQLKH' }, false],
    ['nobody before a department is assigned', [departmentSpecialist], P.specialistNoDept, 'received', {}, false],
    ['the citizen by the citizen rule', [citizenRule], P.citizen, 'answered', {}, true],
    ['staff by the citizen rule', [citizenRule], P.clerk, 'answered', {}, false],
    ['the citizen by a role rule', [{ roles: ['clerk'], scope: 'any' }], P.citizen, 'received', {}, false],
    ['no rules admit nobody', [], P.clerk, 'received', {}, false],
  ])('%s', (_label, rules, actor, state, overrides, expected) => {
    expect(isFeedbackActorPermitted(rules, actor, state, context(overrides))).toBe(expected);
  });
});

const AT = {
  received: () => drive([]),
  classified: () => drive(TO_CLASSIFIED),
  handling: () => drive(TO_HANDLING),
  intakePause: () => drive(PAUSED_AT_INTAKE),
  classifiedPause: () => drive(PAUSED_CLASSIFIED),
  handlingPause: () => drive(PAUSED_IN_HANDLING),
  answered: () => drive(TO_ANSWERED),
  published: () => drive(TO_PUBLISHED),
} satisfies Record<string, () => PersistedFeedback>;

type Where = keyof typeof AT;
type Case = [where: Where, type: FeedbackEventType, who: keyof typeof P, why: string];

const FORBIDDEN: Case[] = [
  ['received', 'CLASSIFY', 'specialistKH', 'only the clerk classifies'],
  ['received', 'CLASSIFY', 'leaderBGD', 'only the clerk classifies'],
  ['received', 'CLASSIFY', 'citizen', 'only the clerk classifies'],
  ['received', 'REJECT', 'specialistKH', 'only the clerk rejects'],
  ['received', 'REJECT', 'leaderBGD', 'only the clerk rejects'],
  ['received', 'REQUEST_SUPPLEMENT', 'specialistKH', 'no department is assigned yet'],
  ['received', 'CLOSE', 'specialistKH', 'the clerk or a leader closes'],
  ['received', 'CLOSE', 'citizen', 'the citizen cannot close'],
  ['classified', 'START_HANDLING', 'clerk', 'the assigned department takes it up'],
  ['classified', 'START_HANDLING', 'specialistCN', 'right role, other department'],
  ['classified', 'START_HANDLING', 'leaderKH', 'right department, other role'],
  ['classified', 'START_HANDLING', 'specialistNoDept', 'right role, no department'],
  ['classified', 'START_HANDLING', 'citizen', 'the citizen does not handle'],
  ['classified', 'REQUEST_SUPPLEMENT', 'specialistKH', 'during intake the clerk asks'],
  ['classified', 'CLASSIFY', 'specialistKH', 'the department cannot reassign itself'],
  ['handling', 'ANSWER', 'specialistCN', 'right role, other department'],
  ['handling', 'ANSWER', 'leaderKH', 'right department, other role'],
  ['handling', 'ANSWER', 'clerk', 'clerks do not answer'],
  ['handling', 'ANSWER', 'citizen', 'the citizen does not answer'],
  ['handling', 'REQUEST_SUPPLEMENT', 'clerk', 'while handling, the department asks'],
  ['handling', 'REQUEST_SUPPLEMENT', 'specialistCN', 'another department'],
  ['handling', 'CLOSE', 'clerk', 'past intake, only a leader closes'],
  ['handling', 'CLOSE', 'specialistKH', 'the handler cannot close without answering'],
  ['intakePause', 'SUPPLEMENT_RECEIVED', 'specialistKH', 'no department is assigned yet'],
  ['intakePause', 'SUPPLEMENT_RECEIVED', 'leaderBGD', 'not a receiver of supplements'],
  ['handlingPause', 'SUPPLEMENT_RECEIVED', 'specialistCN', 'another department'],
  ['handlingPause', 'CLOSE', 'specialistKH', 'the clerk or a leader closes'],
  ['handlingPause', 'CLOSE', 'citizen', 'the citizen cannot close'],
  ['answered', 'PUBLISH', 'specialistKH', 'a leader approves publication'],
  ['answered', 'PUBLISH', 'clerk', 'a leader approves publication'],
  ['answered', 'PUBLISH', 'citizen', 'a leader approves publication'],
  ['answered', 'RATE', 'clerk', 'only the citizen rates'],
  ['answered', 'RATE', 'leaderBGD', 'only the citizen rates'],
  ['answered', 'RATE', 'specialistKH', 'only the citizen rates'],
  ['answered', 'CLOSE', 'clerk', 'not publishing is a leader’s decision'],
  ['published', 'RATE', 'clerk', 'only the citizen rates'],
];

const PERMITTED: Case[] = [
  ['received', 'CLASSIFY', 'clerkAndSpecialistKH', 'one of several roles suffices'],
  ['received', 'CLOSE', 'clerk', 'the clerk, at intake'],
  ['received', 'CLOSE', 'leaderKH', 'any leader'],
  ['classified', 'REJECT', 'clerk', 'still at intake'],
  ['classified', 'START_HANDLING', 'clerkAndSpecialistKH', 'a specialist of the department'],
  ['handling', 'ANSWER', 'clerkAndSpecialistKH', 'a specialist of the department'],
  ['handling', 'CLOSE', 'leaderKH', 'any leader'],
  ['intakePause', 'SUPPLEMENT_RECEIVED', 'citizen', 'from the public page'],
  ['intakePause', 'SUPPLEMENT_RECEIVED', 'clerk', 'at the counter'],
  ['classifiedPause', 'SUPPLEMENT_RECEIVED', 'specialistKH', 'the assigned department'],
  ['handlingPause', 'SUPPLEMENT_RECEIVED', 'specialistKH', 'the assigned department'],
  ['handlingPause', 'SUPPLEMENT_RECEIVED', 'citizen', 'from the public page'],
  ['handlingPause', 'CLOSE', 'clerk', 'the clerk, while the citizen is awaited'],
  ['handlingPause', 'CLOSE', 'leaderBGD', 'any leader'],
  ['answered', 'PUBLISH', 'leaderKH', 'a leader of the department'],
  ['answered', 'PUBLISH', 'leaderBGD', 'a leader of the board'],
  ['answered', 'RATE', 'citizen', 'the citizen'],
  ['published', 'RATE', 'citizen', 'the citizen'],
];

describe('FORBIDDEN: the event could happen, but not by this actor', () => {
  it.each(FORBIDDEN)('%s: %s by %s (%s)', (where, type, who) => {
    const persisted = AT[where]();
    const rejection = expectRejected(decideFeedback(persisted, SAMPLE_EVENTS[type], P[who]));
    expect(rejection).toMatchObject({ code: 'FORBIDDEN', state: persisted.value, eventType: type });
    expect(rejection.message).toContain(`user ${P[who].userId} may not send ${type}`);
    expect(rejection.allowedEvents).toEqual(allowedFeedbackEvents(persisted, P[who]));
    expect(rejection.allowedEvents).not.toContain(type);
  });
});

describe('permitted senders', () => {
  it.each(PERMITTED)('%s: %s by %s (%s)', (where, type, who) => {
    expectOk(decideFeedback(AT[where](), SAMPLE_EVENTS[type], P[who]));
  });
});

/** True when some legitimate sender can send `type` here. */
function someoneCould(persisted: PersistedFeedback, type: FeedbackEventType): boolean {
  const legitimate = [P.clerk, P.specialistKH, P.leaderBGD, P.citizen];
  return legitimate.some((who) => decideFeedback(persisted, SAMPLE_EVENTS[type], who).ok);
}

describe('admin, reporter and role-less users can send nothing', () => {
  const outsiders: Actor[] = [P.admin, P.reporter, P.nobody];
  const cells = Object.keys(AT).flatMap((where) => FEEDBACK_EVENT_TYPES.map((type) => [where as Where, type] as const));

  it.each(outsiders)('$userId has no allowed events anywhere (even in the assigned department)', (outsider) => {
    for (const where of Object.keys(AT) as Where[]) expect(allowedFeedbackEvents(AT[where](), outsider)).toEqual([]);
  });

  it.each(cells)('%s: %s by an admin of the assigned department is refused', (where, type) => {
    const persisted = AT[where]();
    const rejection = expectRejected(decideFeedback(persisted, SAMPLE_EVENTS[type], P.admin));
    // Whoever sends it, an event that cannot happen is INVALID_TRANSITION; one that can is FORBIDDEN.
    expect(rejection.code).toBe(someoneCould(persisted, type) ? 'FORBIDDEN' : 'INVALID_TRANSITION');
  });
});

describe('INVALID_TRANSITION takes precedence over FORBIDDEN', () => {
  it('a second RATE is INVALID_TRANSITION, even for staff who could never rate', () => {
    const rated = expectOk(decideFeedback(AT.answered(), SAMPLE_EVENTS.RATE, P.citizen)).snapshot;
    expect(expectRejected(decideFeedback(rated, SAMPLE_EVENTS.RATE, P.citizen)).code).toBe('INVALID_TRANSITION');
    expect(expectRejected(decideFeedback(rated, SAMPLE_EVENTS.RATE, P.clerk)).code).toBe('INVALID_TRANSITION');
  });

  it('ANSWER before handling starts is INVALID_TRANSITION, even for the citizen', () => {
    expect(expectRejected(decideFeedback(AT.classified(), SAMPLE_EVENTS.ANSWER, P.citizen)).code).toBe('INVALID_TRANSITION');
  });
});

describe('the actor comes from the adapter, never from the payload', () => {
  it('ignores an actor smuggled into the event', () => {
    const event = { ...SAMPLE_EVENTS.RATE, actor: P.citizen };
    expect(expectRejected(decideFeedback(AT.answered(), event, P.clerk)).code).toBe('FORBIDDEN');
  });
});

describe('allowedFeedbackEvents', () => {
  const cases: Array<[Where, keyof typeof P, FeedbackEventType[]]> = [
    ['received', 'clerk', ['CLASSIFY', 'REJECT', 'REQUEST_SUPPLEMENT', 'CLOSE']],
    ['received', 'leaderBGD', ['CLOSE']],
    ['received', 'specialistKH', []],
    ['received', 'citizen', []],
    ['classified', 'clerk', ['CLASSIFY', 'REJECT', 'REQUEST_SUPPLEMENT', 'CLOSE']],
    ['classified', 'specialistKH', ['START_HANDLING']],
    ['classified', 'clerkAndSpecialistKH', ['CLASSIFY', 'REJECT', 'REQUEST_SUPPLEMENT', 'START_HANDLING', 'CLOSE']],
    ['classified', 'specialistCN', []],
    ['handling', 'specialistKH', ['REQUEST_SUPPLEMENT', 'ANSWER']],
    ['handling', 'clerk', []],
    ['handling', 'leaderKH', ['CLOSE']],
    ['intakePause', 'clerk', ['SUPPLEMENT_RECEIVED', 'CLOSE']],
    ['intakePause', 'citizen', ['SUPPLEMENT_RECEIVED']],
    ['intakePause', 'specialistKH', []],
    ['handlingPause', 'specialistKH', ['SUPPLEMENT_RECEIVED']],
    ['handlingPause', 'leaderBGD', ['CLOSE']],
    ['handlingPause', 'citizen', ['SUPPLEMENT_RECEIVED']],
    ['answered', 'leaderBGD', ['PUBLISH', 'CLOSE']],
    ['answered', 'citizen', ['RATE']],
    ['answered', 'specialistKH', []],
    ['published', 'citizen', ['RATE']],
    ['published', 'leaderBGD', []],
  ];

  it.each(cases)('%s, %s → %j', (where, who, expected) => {
    expect(allowedFeedbackEvents(AT[where](), P[who])).toEqual(expected);
  });

  it('is empty once rated and published, and in every end state, for everybody', () => {
    const ended = [
      drive([...TO_PUBLISHED, ['RATE', P.citizen]]),
      drive([['REJECT', P.clerk]]),
      drive([['CLOSE', P.clerk]]),
      drive([...PAUSED_IN_HANDLING, ['CLOSE', P.clerk]]),
      drive([...TO_ANSWERED, ['CLOSE', P.leaderKH]]),
    ];
    for (const persisted of ended) {
      for (const who of Object.values(P)) expect(allowedFeedbackEvents(persisted, who)).toEqual([]);
    }
  });

  it('agrees with decideFeedback for every situation, person and event', () => {
    for (const where of Object.keys(AT) as Where[]) {
      const persisted = AT[where]();
      for (const who of Object.values(P)) {
        const accepted = FEEDBACK_EVENT_TYPES.filter((type) => decideFeedback(persisted, SAMPLE_EVENTS[type], who).ok);
        expect({ where, who: who.userId, allowed: allowedFeedbackEvents(persisted, who) }).toEqual({ where, who: who.userId, allowed: accepted });
      }
    }
  });
});
