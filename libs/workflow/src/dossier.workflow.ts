import { CHANNELS, DOSSIER_EVENT_TYPES, DOSSIER_STATES } from './dossier.types';
import type { Actor, DossierContext, DossierEffect, DossierEvent, DossierState, PersistedDossier, StartDossierInput } from './dossier.types';
import { DOSSIER_MACHINE_VERSION, dossierMachine } from './dossier.machine';
import { parseDossierEvent } from './event-payload';
import { DOSSIER_PERMISSIONS, DOSSIER_SCOPES, currentStepIndex } from './permissions';
import type { PermissionScope } from './permissions';
import { validateProcedureSteps } from './procedure-steps';
import { InvalidPersistedSnapshot, createWorkflow } from './workflow-engine';
import type { Workflow, WorkflowDefinition } from './workflow-engine';

/** Thrown when a stored snapshot cannot be restored: unknown machine version, or a state the machine lacks. */
export class InvalidPersistedDossier extends InvalidPersistedSnapshot {
  override readonly name = 'InvalidPersistedDossier';
}

/** The dossier workflow's type parameters for the engine. */
export interface DossierWorkflowTypes {
  machine: typeof dossierMachine;
  state: DossierState;
  context: DossierContext;
  event: DossierEvent;
  effect: DossierEffect;
  actor: Actor;
  input: StartDossierInput;
  scope: PermissionScope;
  details: { stepFrom: number | null; stepTo: number | null };
}

/** "state processing at step 2/3 (PQLCN)", for messages. */
function whereIs(persisted: PersistedDossier): string {
  const index = currentStepIndex(persisted.value, persisted.context);
  if (index === null) return `state ${persisted.value}`;
  const { steps } = persisted.context;
  return `state ${persisted.value} at step ${index + 1}/${steps.length} (${steps[index]?.departmentCode})`;
}

/** What the engine needs to run dossiers (exported for the engine's own tests). */
export const dossierWorkflowDefinition: WorkflowDefinition<DossierWorkflowTypes> = {
  name: 'dossier',
  machine: dossierMachine,
  version: DOSSIER_MACHINE_VERSION,
  states: DOSSIER_STATES,
  eventTypes: DOSSIER_EVENT_TYPES,
  probeEvents: {
    ACCEPT: { type: 'ACCEPT' },
    REJECT: { type: 'REJECT', reason: 'probe' },
    COMPLETE_DIGITISATION: { type: 'COMPLETE_DIGITISATION' },
    FORWARD: { type: 'FORWARD' },
    SEND_BACK: { type: 'SEND_BACK', reason: 'probe' },
    REQUEST_SUPPLEMENT: { type: 'REQUEST_SUPPLEMENT', reason: 'probe' },
    SUPPLEMENT_RECEIVED: { type: 'SUPPLEMENT_RECEIVED' },
    ISSUE_RESULT: { type: 'ISSUE_RESULT' },
    RETURN_RESULT: { type: 'RETURN_RESULT', method: 'counter' },
    REFUSE: { type: 'REFUSE', reason: 'probe' },
    STOP: { type: 'STOP', reason: 'probe' },
    WITHDRAW: { type: 'WITHDRAW', reason: 'probe' },
    APOLOGISE: { type: 'APOLOGISE', reason: 'probe', newAppointment: '2000-01-01T00:00:00Z' },
  },
  permissions: DOSSIER_PERMISSIONS,
  scopes: DOSSIER_SCOPES,
  parseEvent: parseDossierEvent,
  prepareInput: (input) => {
    if (!CHANNELS.includes(input.channel)) throw new RangeError(`Unknown channel ${JSON.stringify(input.channel)}`);
    return { channel: input.channel, steps: validateProcedureSteps(input.steps) };
  },
  decisionDetails: (from, to) => ({
    stepFrom: currentStepIndex(from.value, from.context),
    stepTo: currentStepIndex(to.value, to.context),
  }),
  describe: whereIs,
  invalidPersisted: InvalidPersistedDossier,
};

/**
 * The dossier workflow as the engine runs it. `startDossier`, `decide`, `allowedEvents`,
 * `restoreDossier` and `toPersisted` are this object's functions.
 */
export const dossierWorkflow: Workflow<DossierWorkflowTypes> = createWorkflow(dossierWorkflowDefinition);
