import type { PersistedDossier } from './dossier.types';
import type { DossierSnapshot, dossierMachine } from './dossier.machine';
import { dossierWorkflow } from './dossier.workflow';

export { InvalidPersistedDossier } from './dossier.workflow';

/**
 * The JSON-safe form of `snapshot`, to store in the dossier row. The context is copied so the
 * stored value shares nothing with the snapshot (or with the dossier it was computed from).
 */
export const toPersisted: (snapshot: DossierSnapshot) => PersistedDossier = dossierWorkflow.toPersisted;

/**
 * Rebuilds a live snapshot from its stored form, without running anything. Guards later read
 * the implementations of the machine the snapshot was resolved with, so `machine` decides
 * whose rules apply (the engine passes a permission-blind variant to ask "could anybody?").
 * @throws InvalidPersistedDossier for another machine version, or when `value` is not a state of the machine.
 */
export const restoreDossier: (persisted: PersistedDossier, machine?: typeof dossierMachine) => DossierSnapshot = dossierWorkflow.restore;
