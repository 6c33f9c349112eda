import { DOSSIER_STATES } from './dossier.types';
import type { PersistedDossier } from './dossier.types';
import { DOSSIER_MACHINE_VERSION, dossierMachine } from './dossier.machine';
import type { DossierSnapshot } from './dossier.machine';

/** Thrown when a stored snapshot cannot be restored: unknown machine version, or a state the machine lacks. */
export class InvalidPersistedDossier extends Error {
  override readonly name = 'InvalidPersistedDossier';
}

/**
 * The JSON-safe form of `snapshot`, to store in the dossier row. The context is copied so the
 * stored value shares nothing with the snapshot (or with the dossier it was computed from).
 */
export function toPersisted(snapshot: DossierSnapshot): PersistedDossier {
  const { context } = snapshot;
  return {
    machineVersion: DOSSIER_MACHINE_VERSION,
    value: snapshot.value,
    context: { ...context, steps: context.steps.map((step) => ({ ...step })) },
    status: snapshot.status === 'done' ? 'done' : 'active',
  };
}

/**
 * Rebuilds a live snapshot from its stored form, without running anything. Guards later read
 * the implementations of the machine the snapshot was resolved with, so `machine` decides
 * whose rules apply (decide.ts passes a permission-blind variant to ask "could anybody?").
 * @throws InvalidPersistedDossier for another machine version, or when `value` is not a state of the machine.
 */
export function restoreDossier(persisted: PersistedDossier, machine = dossierMachine): DossierSnapshot {
  if (persisted.machineVersion !== DOSSIER_MACHINE_VERSION) {
    throw new InvalidPersistedDossier(`Stored dossier has machine version ${persisted.machineVersion}, not ${DOSSIER_MACHINE_VERSION}`);
  }
  if (!DOSSIER_STATES.includes(persisted.value)) {
    throw new InvalidPersistedDossier(`Stored dossier is in unknown state ${JSON.stringify(persisted.value)}`);
  }
  return machine.resolveState({ value: persisted.value, context: persisted.context });
}
