/**
 * Public surface of the workflow library: dossiers (hồ sơ TTHC) and citizens' feedback and
 * petitions (phản ánh, kiến nghị), both run by one engine. Import from `@motcua/workflow` only;
 * everything not re-exported here is an implementation detail.
 */

// The engine's shared shapes, and the two workflows as engine objects (for adapters that
// handle both through one code path: one command service, one events endpoint).
export type {
  ParsedEvent,
  PermissionTable,
  PersistedSnapshot,
  RejectionCode,
  WorkflowActor,
  WorkflowDecision,
  WorkflowPermissionRule,
  WorkflowRejection,
} from './workflow.types';
export { REJECTION_CODES } from './workflow.types';
export { InvalidPersistedSnapshot } from './workflow-engine';
export type { DecisionOf, DecisionResultOf, PersistedOf, RejectionOf, Workflow, WorkflowTypes } from './workflow-engine';
export { dossierWorkflow } from './dossier.workflow';
export type { DossierWorkflowTypes } from './dossier.workflow';
export { feedbackWorkflow } from './feedback.workflow';
export type { FeedbackWorkflowTypes } from './feedback.workflow';

// Dossiers.
export * from './dossier.types';
export { DOSSIER_MACHINE_VERSION, dossierMachine } from './dossier.machine';
export type { DossierMachineEvent, DossierSnapshot } from './dossier.machine';
export { DOSSIER_PERMISSIONS, STEP_ACTOR_ROLES, currentStepIndex } from './permissions';
export type { PermissionRule, PermissionScope } from './permissions';
export { MAX_TEXT_LENGTH, isIsoInstant } from './event-payload';
export { InvalidProcedureSteps } from './procedure-steps';
export { InvalidPersistedDossier, restoreDossier, toPersisted } from './persistence';
export { allowedEvents, decide, startDossier } from './decide';
export { DOSSIER_EVENT_LABELS_VI, DOSSIER_STATE_LABELS_VI } from './labels';

// Feedback and petitions (PAKN).
export * from './feedback.types';
export { FEEDBACK_MACHINE_VERSION, feedbackMachine } from './feedback.machine';
export type { FeedbackMachineEvent, FeedbackMachineInput, FeedbackSnapshot } from './feedback.machine';
export { FEEDBACK_PERMISSIONS, citizenActor, isCitizenActor } from './feedback.permissions';
export type { FeedbackPermissionRule, FeedbackScope } from './feedback.permissions';
export { FEEDBACK_EVENT_FIELDS, InvalidFeedbackInput, MAX_ANSWER_LENGTH, MAX_DEPARTMENT_CODE_LENGTH, MAX_DOSSIER_CODE_LENGTH } from './feedback.payload';
export {
  InvalidPersistedFeedback,
  allowedFeedbackEvents,
  decideFeedback,
  restoreFeedback,
  startFeedback,
  toPersistedFeedback,
} from './feedback.workflow';
export {
  DEFAULT_FEEDBACK_DEADLINES,
  FEEDBACK_PHASE_COMPLETED_BY,
  feedbackDeadlines,
  feedbackPhaseDueAt,
} from './feedback-deadlines';
export type { FeedbackDeadlines } from './feedback-deadlines';
export {
  FEEDBACK_CATEGORY_LABELS_VI,
  FEEDBACK_EVENT_LABELS_VI,
  FEEDBACK_PHASE_LABELS_VI,
  FEEDBACK_SOURCE_LABELS_VI,
  FEEDBACK_STATE_LABELS_VI,
  FEEDBACK_VERDICT_LABELS_VI,
} from './feedback.labels';
export { DOSSIER_EVENT_FIELDS, type DossierEventField } from './event-fields';
export { canViewDossier, canViewFeedback, viewingDepartment } from './visibility';
export { advanceFeedbackClocks, feedbackTimeliness } from './feedback-clock';
export type { FeedbackClocks, FeedbackPhaseClock, FeedbackTimeliness } from './feedback-clock';

// Assignment of a dossier to one person at its current step (issue #15).
export { assignmentActions, canHandleStep, checkAssign, checkClaim, checkRelease, keepsAssignee } from './assignment';
export type { AssignmentAction, AssignmentCandidate, AssignmentCheck, AssignmentRefusalCode } from './assignment';
