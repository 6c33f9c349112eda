import type { Role } from './dossier.types';
import type { CitizenActor, FeedbackActor, FeedbackContext, FeedbackEventType, FeedbackState } from './feedback.types';
import { isPermittedBy } from './workflow-engine';
import type { ScopeChecks } from './workflow-engine';
import type { PermissionTable, WorkflowPermissionRule } from './workflow.types';

/**
 * Where a feedback permission rule applies:
 * - `'any'`: any user holding one of the rule's roles, wherever they work;
 * - `'assignedDepartment'`: a user holding one of the rule's roles in the department the
 *   feedback was assigned to by CLASSIFY (nobody before it is classified);
 * - `'citizen'`: the citizen acting through the public page (a {@link CitizenActor}); `roles` is empty.
 */
export type FeedbackScope = 'any' | 'assignedDepartment' | 'citizen';

export type FeedbackPermissionRule = WorkflowPermissionRule<FeedbackState, Role, FeedbackScope>;

/** True for the citizen acting through the public page (never for a staff user). */
export function isCitizenActor(actor: FeedbackActor): actor is CitizenActor {
  return 'citizen' in actor && actor.citizen === true;
}

/**
 * The actor for the public page. `reference` identifies the person for the audit trail (e.g. the
 * feedback's lookup code); build it only after checking they may act on this feedback.
 */
export function citizenActor(reference: string): CitizenActor {
  return { userId: `citizen:${reference}`, roles: [], departmentCode: null, citizen: true };
}

const CLERK: FeedbackPermissionRule = { roles: ['clerk'], scope: 'any' };
const ANY_LEADER: FeedbackPermissionRule = { roles: ['leader'], scope: 'any' };
const DEPARTMENT_SPECIALIST: FeedbackPermissionRule = { roles: ['specialist'], scope: 'assignedDepartment' };
const CITIZEN: FeedbackPermissionRule = { roles: [], scope: 'citizen' };

/**
 * Who may send what: the machine's guards read this table and nothing else, so this is the
 * single place to review (or audit) the feedback workflow's permissions.
 *
 * - The clerk (bộ phận một cửa) receives, classifies and assigns, rejects, and deals with the
 *   citizen during intake (supplement requests, closing a withdrawn or duplicate feedback).
 * - A specialist of the assigned department takes the feedback up, asks for a supplement while
 *   handling it, and answers it.
 * - A leader approves the publication of the answer, and may close a feedback at any stage
 *   (with a reason) — e.g. decide not to publish an answer about an official's conduct.
 * - The citizen records a supplement from the public page and rates the answer; only the
 *   citizen rates (staff recording ratings would defeat indicator 5.3).
 */
export const FEEDBACK_PERMISSIONS: PermissionTable<FeedbackEventType, FeedbackState, Role, FeedbackScope> = {
  CLASSIFY: [CLERK],
  REJECT: [CLERK],
  // During intake the clerk asks; once handling has started, the assigned department does.
  REQUEST_SUPPLEMENT: [
    { ...CLERK, states: ['received', 'classified'] },
    { ...DEPARTMENT_SPECIALIST, states: ['in_handling'] },
  ],
  // At the counter (clerk), from the public page (citizen), or by the handler (mail, phone).
  SUPPLEMENT_RECEIVED: [CLERK, DEPARTMENT_SPECIALIST, CITIZEN],
  START_HANDLING: [DEPARTMENT_SPECIALIST],
  ANSWER: [DEPARTMENT_SPECIALIST],
  PUBLISH: [ANY_LEADER],
  CLOSE: [{ ...CLERK, states: ['received', 'classified', 'awaiting_supplement'] }, ANY_LEADER],
  RATE: [CITIZEN],
};

/** The feedback's own scopes. */
export const FEEDBACK_SCOPES: ScopeChecks<FeedbackState, FeedbackContext, FeedbackActor, FeedbackScope> = {
  assignedDepartment: (rule, actor, _state, context) =>
    context.departmentCode !== null &&
    actor.departmentCode === context.departmentCode &&
    actor.roles.some((role) => rule.roles.includes(role)),
  citizen: (_rule, actor) => isCitizenActor(actor),
};

/** True when one of `rules` admits `actor` for a feedback in `state` with `context`. */
export function isFeedbackActorPermitted(
  rules: readonly FeedbackPermissionRule[],
  actor: FeedbackActor,
  state: FeedbackState,
  context: FeedbackContext,
): boolean {
  return isPermittedBy(rules, actor, state, context, FEEDBACK_SCOPES);
}
