import { assignmentActions, canHandleStep, checkAssign, checkClaim, checkRelease, keepsAssignee } from './assignment';
import { drive, PEOPLE, STEPS, TO_PROCESSING_0, TO_PROCESSING_1, TO_PROCESSING_2 } from './dossier.fixtures';
import type { Actor, PersistedDossier } from './dossier.types';

const held = (p: PersistedDossier, assigneeId: string | null = null) => ({ state: p.value, context: p.context, assigneeId });
const candidate = (a: Actor, active = true) => ({ ...a, active });
const code = (r: ReturnType<typeof checkClaim>) => (r.ok ? 'ok' : r.code);

describe('assignment at the current step', () => {
  const atFirst = drive('direct', TO_PROCESSING_0);
  const atLast = drive('direct', TO_PROCESSING_2);
  const received = drive('direct', []);

  it('a handler of the step claims it; others may not, nor at no step', () => {
    expect(code(checkClaim(PEOPLE.specialistKH, held(atFirst)))).toBe('ok');
    expect(code(checkClaim(PEOPLE.specialistKH, held(atFirst, PEOPLE.specialistKH.userId)))).toBe('ok');
    expect(code(checkClaim(PEOPLE.specialistCN, held(atFirst)))).toBe('NOT_STEP_HANDLER');
    expect(code(checkClaim(PEOPLE.leaderKH, held(atFirst)))).toBe('NOT_STEP_HANDLER');
    expect(code(checkClaim(PEOPLE.clerk, held(atFirst)))).toBe('NOT_STEP_HANDLER');
    expect(code(checkClaim(PEOPLE.specialistKH, held(received)))).toBe('NOT_AT_A_STEP');
    expect(code(checkClaim(PEOPLE.specialistKH, held(atFirst, 'someone-else')))).toBe('ALREADY_ASSIGNED');
  });

  it('a leader of the step department assigns, within the department and the step role only', () => {
    const colleague = candidate({ userId: 'kh-2', roles: ['specialist'], departmentCode: 'PQLKH' });
    const ok = checkAssign(PEOPLE.leaderKH, held(atFirst, 'someone'), colleague);
    expect(ok).toEqual({ ok: true, step: STEPS[0], stepIndex: 0 });
    expect(code(checkAssign(PEOPLE.leaderBGD, held(atFirst), colleague))).toBe('NOT_DEPARTMENT_LEADER');
    expect(code(checkAssign(PEOPLE.specialistKH, held(atFirst), colleague))).toBe('NOT_DEPARTMENT_LEADER');
    expect(code(checkAssign(PEOPLE.leaderKH, held(atFirst), candidate(PEOPLE.specialistCN)))).toBe('ASSIGNEE_OTHER_DEPARTMENT');
    expect(code(checkAssign(PEOPLE.leaderKH, held(atFirst), candidate(PEOPLE.leaderKH)))).toBe('ASSIGNEE_CANNOT_HANDLE');
    expect(code(checkAssign(PEOPLE.leaderKH, held(atFirst), candidate(PEOPLE.specialistKH, false)))).toBe('ASSIGNEE_CANNOT_HANDLE');
    expect(code(checkAssign(PEOPLE.leaderBGD, held(atLast), candidate(PEOPLE.leaderBGD)))).toBe('ok');
    expect(code(checkAssign(PEOPLE.leaderBGD, held(received), candidate(PEOPLE.leaderBGD)))).toBe('NOT_AT_A_STEP');
  });

  it('the holder or the department leader releases', () => {
    expect(code(checkRelease(PEOPLE.specialistKH, held(atFirst, PEOPLE.specialistKH.userId)))).toBe('ok');
    expect(code(checkRelease(PEOPLE.leaderKH, held(atFirst, PEOPLE.specialistKH.userId)))).toBe('ok');
    expect(code(checkRelease(PEOPLE.clerkAndSpecialistKH, held(atFirst, PEOPLE.specialistKH.userId)))).toBe('NOT_DEPARTMENT_LEADER');
    expect(code(checkRelease(PEOPLE.leaderBGD, held(atFirst, PEOPLE.specialistKH.userId)))).toBe('NOT_DEPARTMENT_LEADER');
    expect(code(checkRelease(PEOPLE.specialistKH, held(atFirst)))).toBe('NOT_ASSIGNED');
  });

  it('the assignment stays only while the dossier stays at the same step', () => {
    const atSecond = drive('direct', TO_PROCESSING_1);
    expect(keepsAssignee(held(atFirst), held(atFirst))).toBe(true);
    expect(keepsAssignee(held(atFirst), held(atSecond))).toBe(false);
    expect(keepsAssignee(held(received), held(received))).toBe(false);
  });

  it('lists who can handle a step: active, its role, its department', () => {
    expect(canHandleStep(candidate(PEOPLE.specialistKH), STEPS[0])).toBe(true);
    expect(canHandleStep(candidate(PEOPLE.specialistKH, false), STEPS[0])).toBe(false);
    expect(canHandleStep(candidate(PEOPLE.specialistCN), STEPS[0])).toBe(false);
    expect(canHandleStep(candidate(PEOPLE.leaderKH), STEPS[0])).toBe(false);
  });

  it('says what each person may do about the holder', () => {
    expect(assignmentActions(PEOPLE.specialistKH, held(atFirst))).toEqual(['CLAIM']);
    expect(assignmentActions(PEOPLE.specialistKH, held(atFirst, PEOPLE.specialistKH.userId))).toEqual(['RELEASE']);
    expect(assignmentActions(PEOPLE.leaderKH, held(atFirst, PEOPLE.specialistKH.userId))).toEqual(['RELEASE', 'ASSIGN']);
    expect(assignmentActions(PEOPLE.leaderBGD, held(atLast))).toEqual(['CLAIM', 'ASSIGN']);
    expect(assignmentActions(PEOPLE.clerk, held(atFirst))).toEqual([]);
    expect(assignmentActions(PEOPLE.specialistKH, held(received))).toEqual([]);
  });
});
