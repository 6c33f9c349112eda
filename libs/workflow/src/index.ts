/**
 * Public surface of the dossier workflow library. Import from `@motcua/workflow` only;
 * everything not re-exported here is an implementation detail.
 */
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
