import type { Actor, DossierContext, DossierState, ProcessingStep, Role } from './dossier.types';
import { currentStepIndex } from './permissions';

/**
 * Assignment of a dossier to one person at its current step (issue #15: claim / assign like a
 * task list). The step's department and role stay the permission model's business; assignment
 * names who of them works on it now. It does not lock the dossier: any handler of the step may
 * still act (the workflow's permission table is unchanged), and the assignment is cleared as soon
 * as the dossier leaves the step (forwarded, sent back, result issued, ended), so a new step
 * starts unassigned in its own department.
 */
export type AssignmentRefusalCode =
  /** The dossier is not at a processing step (not yet received, result issued, ended). */
  | 'NOT_AT_A_STEP'
  /** The actor is not a handler of the current step (its role, in its department). */
  | 'NOT_STEP_HANDLER'
  /** Only a leader of the current step's department assigns (or releases someone else's claim). */
  | 'NOT_DEPARTMENT_LEADER'
  /** The chosen person belongs to another department than the step's: never across departments. */
  | 'ASSIGNEE_OTHER_DEPARTMENT'
  /** The chosen person does not hold the step's role (or is inactive). */
  | 'ASSIGNEE_CANNOT_HANDLE'
  /** Someone else holds the dossier: release or reassignment by the leader first. */
  | 'ALREADY_ASSIGNED'
  /** Nobody holds the dossier: nothing to release. */
  | 'NOT_ASSIGNED';

export type AssignmentCheck = { ok: true; step: ProcessingStep; stepIndex: number } | { ok: false; code: AssignmentRefusalCode; message: string };

/** A person the dossier may be given to. */
export interface AssignmentCandidate {
  userId: string;
  roles: readonly Role[];
  departmentCode: string | null;
  active: boolean;
}

interface Held {
  state: DossierState;
  context: DossierContext;
  /** Who holds the dossier now, or null. */
  assigneeId: string | null;
}

function atStep(held: Held): AssignmentCheck {
  const index = currentStepIndex(held.state, held.context);
  if (index === null) return { ok: false, code: 'NOT_AT_A_STEP', message: 'The dossier is not at a processing step' };
  return { ok: true, step: held.context.steps[index], stepIndex: index };
}

function handles(person: Pick<Actor, 'roles' | 'departmentCode'>, step: ProcessingStep): boolean {
  return person.roles.includes(step.role) && person.departmentCode === step.departmentCode;
}

function leadsStep(actor: Actor, step: ProcessingStep): boolean {
  return actor.roles.includes('leader') && actor.departmentCode === step.departmentCode;
}

/** A handler of the current step takes the dossier for themselves (not when someone else holds it). */
export function checkClaim(actor: Actor, held: Held): AssignmentCheck {
  const at = atStep(held);
  if (!at.ok) return at;
  if (!handles(actor, at.step)) return { ok: false, code: 'NOT_STEP_HANDLER', message: `Only a ${at.step.role} of ${at.step.departmentCode} may claim this dossier` };
  if (held.assigneeId !== null && held.assigneeId !== actor.userId) {
    return { ok: false, code: 'ALREADY_ASSIGNED', message: 'Another person holds this dossier; it must be released or reassigned by the leader first' };
  }
  return at;
}

/** A leader of the current step's department gives the dossier to a handler of that step, of that department. */
export function checkAssign(actor: Actor, held: Held, assignee: AssignmentCandidate): AssignmentCheck {
  const at = atStep(held);
  if (!at.ok) return at;
  if (!leadsStep(actor, at.step)) return { ok: false, code: 'NOT_DEPARTMENT_LEADER', message: `Only a leader of ${at.step.departmentCode} may assign this dossier` };
  if (assignee.departmentCode !== at.step.departmentCode) {
    return { ok: false, code: 'ASSIGNEE_OTHER_DEPARTMENT', message: `The dossier's step belongs to ${at.step.departmentCode}: it cannot be given to another department` };
  }
  if (!assignee.active || !assignee.roles.includes(at.step.role)) {
    return { ok: false, code: 'ASSIGNEE_CANNOT_HANDLE', message: `The person chosen is not an active ${at.step.role} and cannot handle this step` };
  }
  return at;
}

/** The holder gives the dossier back; a leader of the step's department may release anyone's. */
export function checkRelease(actor: Actor, held: Held): AssignmentCheck {
  const at = atStep(held);
  if (!at.ok) return at;
  if (held.assigneeId === null) return { ok: false, code: 'NOT_ASSIGNED', message: 'Nobody holds this dossier' };
  if (held.assigneeId !== actor.userId && !leadsStep(actor, at.step)) {
    return { ok: false, code: 'NOT_DEPARTMENT_LEADER', message: 'Only the person holding the dossier or a leader of its department may release it' };
  }
  return at;
}

/** Whether who holds the dossier stays after a transition: only while it stays at the same step. */
export function keepsAssignee(before: Pick<Held, 'state' | 'context'>, after: Pick<Held, 'state' | 'context'>): boolean {
  const from = currentStepIndex(before.state, before.context);
  return from !== null && from === currentStepIndex(after.state, after.context);
}

/** Whether `candidate` could be given a dossier at `step` (for the leader's list of people). */
export function canHandleStep(candidate: AssignmentCandidate, step: ProcessingStep): boolean {
  return candidate.active && handles(candidate, step);
}

export type AssignmentAction = 'CLAIM' | 'RELEASE' | 'ASSIGN';

/** What `actor` may do about who holds the dossier now (for the screens; the commands check again). */
export function assignmentActions(actor: Actor, held: Held): AssignmentAction[] {
  const actions: AssignmentAction[] = [];
  if (held.assigneeId !== actor.userId && checkClaim(actor, held).ok) actions.push('CLAIM');
  if (checkRelease(actor, held).ok) actions.push('RELEASE');
  const at = atStep(held);
  if (at.ok && leadsStep(actor, at.step)) actions.push('ASSIGN');
  return actions;
}
