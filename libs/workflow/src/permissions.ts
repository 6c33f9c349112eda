import type { Actor, DossierContext, DossierEventType, DossierState, ProcessingStep, Role } from './dossier.types';
import { isPermittedBy } from './workflow-engine';
import type { ScopeChecks } from './workflow-engine';
import type { PermissionTable, WorkflowPermissionRule } from './workflow.types';

/**
 * Where a permission rule applies:
 * - `'any'`: any user holding one of the rule's roles, wherever they work;
 * - `'currentStep'`: only the handler of the dossier's current step — the actor must hold
 *   that step's `role` and belong to its `departmentCode`.
 */
export type PermissionScope = 'any' | 'currentStep';

/**
 * One way of being allowed to send an event (the engine's rule shape, `workflow.types.ts`).
 * For `'any'`, `roles` are the roles admitted; for `'currentStep'`, the step roles the rule
 * covers (the actor must still hold the step's own role). `states` restricts the rule to
 * those states — needed only where the same event is sent by different people in different phases.
 */
export type PermissionRule = WorkflowPermissionRule<DossierState, Role, PermissionScope>;

/**
 * Roles that can be assigned to a processing step. `admin` and `reporter` are absent on
 * purpose: they never act on dossiers, so a step given to them could never be completed.
 */
export const STEP_ACTOR_ROLES: readonly Role[] = ['clerk', 'specialist', 'leader'];

const CLERK: PermissionRule = { roles: ['clerk'], scope: 'any' };
const ANY_LEADER: PermissionRule = { roles: ['leader'], scope: 'any' };
const STEP_HANDLER: PermissionRule = { roles: STEP_ACTOR_ROLES, scope: 'currentStep' };

/**
 * Who may send what: the machine's guards read this table and nothing else, so this is
 * the single place to review (or audit) the workflow's permissions.
 *
 * The machine decides *when* an event can happen; this table decides *who* may send it then.
 */
export const DOSSIER_PERMISSIONS: PermissionTable<DossierEventType, DossierState, Role, PermissionScope> = {
  ACCEPT: [CLERK],
  REJECT: [CLERK],
  COMPLETE_DIGITISATION: [CLERK],
  FORWARD: [STEP_HANDLER],
  SEND_BACK: [STEP_HANDLER],
  // At intake the clerk guides the applicant; once processing, only the step handler may ask.
  REQUEST_SUPPLEMENT: [{ ...CLERK, states: ['submitted'] }, STEP_HANDLER],
  // The clerk receives supplements at the counter; the step handler may record online ones.
  SUPPLEMENT_RECEIVED: [CLERK, STEP_HANDLER],
  ISSUE_RESULT: [STEP_HANDLER],
  RETURN_RESULT: [CLERK],
  REFUSE: [STEP_HANDLER],
  STOP: [STEP_HANDLER, ANY_LEADER],
  // The applicant asks at the counter; the clerk records it.
  WITHDRAW: [CLERK],
  APOLOGISE: [STEP_HANDLER, ANY_LEADER],
};

/**
 * Index of the step whose handler holds the dossier now, or null. A dossier paused for a
 * supplement during processing still belongs to its step: that handler may resume, refuse
 * or stop it.
 */
export function currentStepIndex(state: DossierState, context: DossierContext): number | null {
  const holdsStep = state === 'processing' || (state === 'awaiting_supplement' && context.resumeTo === 'processing');
  return holdsStep ? context.stepIndex : null;
}

function currentStep(state: DossierState, context: DossierContext): ProcessingStep | undefined {
  const index = currentStepIndex(state, context);
  return index === null ? undefined : context.steps[index];
}

/** The dossier's own scope: only the handler of the current step (its role, in its department). */
export const DOSSIER_SCOPES: ScopeChecks<DossierState, DossierContext, Actor, PermissionScope> = {
  currentStep: (rule, actor, state, context) => {
    const step = currentStep(state, context);
    return (
      step !== undefined &&
      rule.roles.includes(step.role) &&
      actor.roles.includes(step.role) &&
      actor.departmentCode === step.departmentCode
    );
  },
};

/** True when one of `rules` admits `actor` for a dossier in `state` with `context`. */
export function isActorPermitted(
  rules: readonly PermissionRule[],
  actor: Actor,
  state: DossierState,
  context: DossierContext,
): boolean {
  return isPermittedBy(rules, actor, state, context, DOSSIER_SCOPES);
}
