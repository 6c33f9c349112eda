import { DOSSIER_EVENT_TYPES, ROLES } from './dossier.types';
import type { Actor, DossierContext, DossierState } from './dossier.types';
import { DOSSIER_PERMISSIONS, STEP_ACTOR_ROLES, currentStepIndex, isActorPermitted } from './permissions';
import type { PermissionRule } from './permissions';
import { PEOPLE, STEPS } from './dossier.fixtures';

const context = (overrides: Partial<DossierContext> = {}): DossierContext => ({
  channel: 'direct',
  steps: [...STEPS],
  stepIndex: null,
  supplementRequests: 0,
  resumeTo: null,
  apologised: false,
  ...overrides,
});

describe('DOSSIER_PERMISSIONS table', () => {
  it('has rules for every event type and nothing else', () => {
    expect(Object.keys(DOSSIER_PERMISSIONS).sort()).toEqual([...DOSSIER_EVENT_TYPES].sort());
    for (const type of DOSSIER_EVENT_TYPES) expect(DOSSIER_PERMISSIONS[type].length).toBeGreaterThan(0);
  });

  it('never admits admin or reporter', () => {
    const admitted = Object.values(DOSSIER_PERMISSIONS).flatMap((rules) => rules.flatMap((rule) => rule.roles));
    expect(admitted).not.toContain('admin');
    expect(admitted).not.toContain('reporter');
    expect(STEP_ACTOR_ROLES).toEqual(ROLES.filter((role) => role !== 'admin' && role !== 'reporter'));
  });

  it('states the domain’s permissions', () => {
    const summary = Object.fromEntries(
      DOSSIER_EVENT_TYPES.map((type) => [
        type,
        DOSSIER_PERMISSIONS[type].map((r) => (r.scope === 'currentStep' ? 'step' : r.roles.join('|')) + (r.states ? ` in ${r.states.join('|')}` : '')),
      ]),
    );
    expect(summary).toEqual({
      ACCEPT: ['clerk'],
      REJECT: ['clerk'],
      COMPLETE_DIGITISATION: ['clerk'],
      FORWARD: ['step'],
      SEND_BACK: ['step'],
      REQUEST_SUPPLEMENT: ['clerk in submitted', 'step'],
      SUPPLEMENT_RECEIVED: ['clerk', 'step'],
      ISSUE_RESULT: ['step'],
      RETURN_RESULT: ['clerk'],
      REFUSE: ['step'],
      STOP: ['step', 'leader'],
      WITHDRAW: ['clerk'],
      APOLOGISE: ['step', 'leader'],
    });
  });
});

describe('currentStepIndex', () => {
  it.each<[DossierState, Partial<DossierContext>, number | null]>([
    ['submitted', {}, null],
    ['received', {}, null],
    ['processing', { stepIndex: 2 }, 2],
    ['awaiting_supplement', { stepIndex: 1, resumeTo: 'processing' }, 1],
    ['awaiting_supplement', { resumeTo: 'submitted' }, null],
    ['result_issued', { stepIndex: 2 }, null],
    ['refused', { stepIndex: 1 }, null],
  ])('%s with %j → %p', (state, overrides, expected) => {
    expect(currentStepIndex(state, context(overrides))).toBe(expected);
  });
});

describe('isActorPermitted', () => {
  const stepRule: PermissionRule = { roles: STEP_ACTOR_ROLES, scope: 'currentStep' };
  const specialistsOnly: PermissionRule = { roles: ['specialist'], scope: 'currentStep' };
  const clerkAtIntake: PermissionRule = { roles: ['clerk'], scope: 'any', states: ['submitted'] };

  it.each<[string, PermissionRule[], Actor, DossierState, Partial<DossierContext>, boolean]>([
    ['step handler at its step', [stepRule], PEOPLE.specialistCN, 'processing', { stepIndex: 1 }, true],
    ['step handler at another step', [stepRule], PEOPLE.specialistCN, 'processing', { stepIndex: 0 }, false],
    ['nobody holds a step before processing', [stepRule], PEOPLE.specialistKH, 'received', {}, false],
    ['a rule may cover only some step roles', [specialistsOnly], PEOPLE.leaderBGD, 'processing', { stepIndex: 2 }, false],
    ['a state-limited rule applies in its state', [clerkAtIntake], PEOPLE.clerk, 'submitted', {}, true],
    ['a state-limited rule does not apply elsewhere', [clerkAtIntake], PEOPLE.clerk, 'processing', { stepIndex: 0 }, false],
    ['any rule may admit', [clerkAtIntake, stepRule], PEOPLE.specialistKH, 'processing', { stepIndex: 0 }, true],
    ['no rules admit nobody', [], PEOPLE.clerk, 'submitted', {}, false],
  ])('%s', (_label, rules, actor, state, overrides, expected) => {
    expect(isActorPermitted(rules, actor, state, context(overrides))).toBe(expected);
  });
});
