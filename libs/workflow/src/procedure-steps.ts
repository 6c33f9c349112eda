import type { ProcessingStep } from './dossier.types';
import { STEP_ACTOR_ROLES } from './permissions';

/** Thrown by `startDossier` when a procedure's steps cannot drive a dossier. Lists every problem found. */
export class InvalidProcedureSteps extends Error {
  override readonly name = 'InvalidProcedureSteps';

  constructor(readonly problems: readonly string[]) {
    super(`Invalid procedure steps: ${problems.join('; ')}`);
  }
}

function isNonBlankString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function problemsOfStep(step: unknown, position: number): string[] {
  const at = `step ${position + 1}`;
  if (typeof step !== 'object' || step === null) return [`${at} is not an object`];
  const { key, name, departmentCode, role, workingDays } = step as Partial<Record<keyof ProcessingStep, unknown>>;
  const problems: string[] = [];
  if (!isNonBlankString(key)) problems.push(`${at}: key must be a non-empty string`);
  if (!isNonBlankString(name)) problems.push(`${at}: name must be a non-empty string`);
  if (!isNonBlankString(departmentCode)) problems.push(`${at}: departmentCode must be a non-empty string`);
  if (!STEP_ACTOR_ROLES.some((allowed) => allowed === role)) {
    problems.push(`${at}: role must be one of ${STEP_ACTOR_ROLES.join(', ')}`);
  }
  // Fractions are legitimate: procedures allot e.g. 0.5 working day to a step.
  if (typeof workingDays !== 'number' || !Number.isFinite(workingDays) || workingDays < 0) {
    problems.push(`${at}: workingDays must be a finite number >= 0`);
  }
  return problems;
}

/**
 * Checks that `steps` can drive a dossier and returns a JSON-safe copy holding only the
 * `ProcessingStep` fields (the copy goes into the persisted context).
 * @throws InvalidProcedureSteps listing every problem.
 */
export function validateProcedureSteps(steps: unknown): ProcessingStep[] {
  if (!Array.isArray(steps) || steps.length === 0) {
    throw new InvalidProcedureSteps(['a procedure needs at least one processing step']);
  }
  const problems = steps.flatMap(problemsOfStep);
  const seen = new Set<unknown>();
  steps.forEach((step: { key?: unknown } | null, position) => {
    const key = step?.key;
    if (!isNonBlankString(key)) return;
    if (seen.has(key)) problems.push(`step ${position + 1}: duplicate key "${key}"`);
    seen.add(key);
  });
  if (problems.length > 0) throw new InvalidProcedureSteps(problems);
  return (steps as ProcessingStep[]).map(({ key, name, departmentCode, role, workingDays }) => ({
    key,
    name,
    departmentCode,
    role,
    workingDays,
  }));
}
