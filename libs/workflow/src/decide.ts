import type { Actor, Decision, DecisionResult, DossierEvent, DossierEventType, PersistedDossier, StartDossierInput } from './dossier.types';
import { dossierWorkflow } from './dossier.workflow';

/**
 * The dossier workflow's entry points. Each is the workflow engine's function for the dossier
 * machine (`dossier.workflow.ts`, `workflow-engine.ts`): this file only names and documents them.
 */

/**
 * Starts a dossier's life. A counter (`direct`) submission is received on the spot, so it starts
 * in `received` with a `dossier.received` effect; `online` and `postal` start in `submitted`.
 *
 * There is no previous state: `from` equals `to` (and `stepFrom` equals `stepTo`, both null).
 *
 * @throws InvalidProcedureSteps when the steps cannot drive a dossier (no steps, a missing
 *   field, a negative `workingDays`, a duplicate key, a step role that never acts).
 * @throws RangeError for an unknown channel (the adapter validates it first).
 */
export const startDossier: (input: StartDossierInput) => Decision = dossierWorkflow.start;

/**
 * Decides what `event`, sent by `actor`, does to the stored dossier. Pure: nothing is executed,
 * the effects are returned for the adapters to carry out.
 *
 * Checks, in order: machine version (UNKNOWN_MACHINE_VERSION), payload (INVALID_EVENT), whether
 * anybody could send the event now (INVALID_TRANSITION), whether this actor may (FORBIDDEN).
 *
 * @throws InvalidPersistedDossier when the stored state is not one of the machine's states.
 */
export const decide: (persisted: PersistedDossier, event: DossierEvent, actor: Actor) => DecisionResult = dossierWorkflow.decide;

/**
 * Events `actor` may send now, in `DOSSIER_EVENT_TYPES` order (payload aside). Empty for a
 * snapshot of an unknown machine version: nothing can be decided on it.
 */
export const allowedEvents: (persisted: PersistedDossier, actor: Actor) => DossierEventType[] = dossierWorkflow.allowedEvents;
