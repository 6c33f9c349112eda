import { startDossier } from './decide';
import type { ProcessingStep, StartDossierInput } from './dossier.types';
import { STEPS } from './dossier.fixtures';
import { InvalidProcedureSteps } from './procedure-steps';

const step = (overrides: Record<string, unknown> = {}) => ({ ...STEPS[0], ...overrides });

/** Starts with whatever a caller might pass; the library must validate it. */
function startWith(steps: unknown, channel: unknown = 'online') {
  return startDossier({ channel, steps } as StartDossierInput);
}

function problemsOf(steps: unknown): readonly string[] {
  try {
    startWith(steps);
  } catch (error) {
    if (error instanceof InvalidProcedureSteps) return error.problems;
    throw error;
  }
  throw new Error('startDossier accepted the steps');
}

describe('startDossier', () => {
  it.each(['online', 'postal'] as const)('%s: starts in submitted, no effect, clock not running', (channel) => {
    const decision = startDossier({ channel, steps: STEPS });
    expect(decision).toEqual({
      ok: true,
      from: 'submitted',
      to: 'submitted',
      stepFrom: null,
      stepTo: null,
      effects: [],
      done: false,
      snapshot: {
        machineVersion: 1,
        value: 'submitted',
        status: 'active',
        context: { channel, steps: STEPS, stepIndex: null, supplementRequests: 0, resumeTo: null, apologised: false },
      },
    });
  });

  it('direct: the receipt is issued at the counter, so it starts in received with dossier.received', () => {
    const decision = startDossier({ channel: 'direct', steps: STEPS });
    expect(decision).toMatchObject({ from: 'received', to: 'received', stepFrom: null, stepTo: null, done: false });
    expect(decision.effects).toEqual([{ type: 'dossier.received' }]);
    expect(decision.snapshot.value).toBe('received');
    expect(decision.snapshot.context.channel).toBe('direct');
  });

  it('keeps only the step fields of the contract, and a copy of them', () => {
    const steps = [{ ...STEPS[0]!, extra: new Date(0) }];
    const decision = startWith(steps);
    steps[0]!.name = 'changed afterwards';
    expect(decision.snapshot.context.steps).toEqual([STEPS[0]]);
  });

  it.each([0, 0.5, 30])('accepts %p working days', (workingDays) => {
    expect(startWith([step({ workingDays })]).snapshot.context.steps[0]!.workingDays).toBe(workingDays);
  });

  it.each(['clerk', 'specialist', 'leader'])('accepts a step handled by a %s', (role) => {
    expect(startWith([step({ role })]).ok).toBe(true);
  });

  it('accepts a single step', () => {
    expect(startWith([STEPS[2]]).snapshot.context.steps).toHaveLength(1);
  });

  it.each<[string, unknown, RegExp]>([
    ['no steps', [], /at least one/],
    ['steps that are not an array', { 0: STEPS[0] }, /at least one/],
    ['missing steps', undefined, /at least one/],
    ['a null step', [null], /step 1 is not an object/],
    ['a missing key', [step({ key: undefined })], /step 1: key/],
    ['a blank key', [step({ key: '  ' })], /step 1: key/],
    ['a blank name', [step({ name: '' })], /step 1: name/],
    ['a non-string name', [step({ name: 5 })], /step 1: name/],
    ['a missing department', [step({ departmentCode: undefined })], /step 1: departmentCode/],
    ['an unknown role', [step({ role: 'boss' })], /step 1: role/],
    ['an admin step (admins never act)', [step({ role: 'admin' })], /step 1: role/],
    ['a reporter step (reporters never act)', [step({ role: 'reporter' })], /step 1: role/],
    ['negative working days', [step({ workingDays: -1 })], /step 1: workingDays/],
    ['NaN working days', [step({ workingDays: Number.NaN })], /step 1: workingDays/],
    ['infinite working days', [step({ workingDays: Number.POSITIVE_INFINITY })], /step 1: workingDays/],
    ['working days as a string', [step({ workingDays: '3' })], /step 1: workingDays/],
    ['duplicate keys', [STEPS[0], STEPS[1], { ...STEPS[2], key: STEPS[0]!.key }], /step 3: duplicate key "tham-dinh"/],
  ])('rejects %s', (_label, steps, problem) => {
    expect(() => startWith(steps)).toThrow(InvalidProcedureSteps);
    expect(problemsOf(steps).join('\n')).toMatch(problem);
  });

  it('lists every problem at once, numbering steps from 1', () => {
    const steps: unknown[] = [STEPS[0], step({ key: '', name: '', workingDays: -2 }), 'x', step()];
    expect(problemsOf(steps)).toEqual([
      'step 2: key must be a non-empty string',
      'step 2: name must be a non-empty string',
      'step 2: workingDays must be a finite number >= 0',
      'step 3 is not an object',
      'step 4: duplicate key "tham-dinh"',
    ]);
  });

  it('InvalidProcedureSteps is a plain Error with a readable name and message', () => {
    const error = new InvalidProcedureSteps(['a', 'b']);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InvalidProcedureSteps');
    expect(error.message).toBe('Invalid procedure steps: a; b');
  });

  it('rejects an unknown channel with a RangeError', () => {
    expect(() => startWith(STEPS, 'fax')).toThrow(RangeError);
  });

  it('does not share step objects between the input and the snapshot', () => {
    const steps: ProcessingStep[] = STEPS.map((s) => ({ ...s }));
    const decision = startDossier({ channel: 'online', steps });
    expect(decision.snapshot.context.steps[0]).not.toBe(steps[0]);
  });
});
