import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth.decorators';
import { VersionConflictError } from '../common/errors';
import { DossierEventEntity } from './dossier-event.entity';
import { DossierEntity } from './dossier.entity';

/**
 * A correction's bookkeeping, inside the caller's transaction: the dossier's version checked and
 * raised (with any column changes), and the history entry (state unchanged) with who, when and the payload.
 * @returns the new version.
 */
export async function recordCorrection(
  m: EntityManager,
  dossier: DossierEntity,
  expectedVersion: number,
  user: AuthUser,
  type: 'CORRECT_APPLICANT' | 'REMOVE_FILE' | 'CLAIM' | 'RELEASE' | 'ASSIGN',
  payload: Record<string, unknown>,
  now: Date,
  columns: Partial<DossierEntity> = {},
): Promise<number> {
  if (dossier.version !== expectedVersion) throw new VersionConflictError(`Dossier is at version ${dossier.version}, not ${expectedVersion}`, { currentVersion: dossier.version });
  const version = dossier.version + 1;
  const result = await m.update(DossierEntity, { id: dossier.id, version: dossier.version }, { ...columns, version, updatedAt: now });
  if (result.affected !== 1) throw new VersionConflictError('Dossier changed meanwhile', { currentVersion: version });
  const event: DossierEventEntity = {
    id: randomUUID(),
    dossierId: dossier.id,
    version,
    type,
    fromState: dossier.state,
    toState: dossier.state,
    stepFrom: dossier.currentStepIndex,
    stepTo: dossier.currentStepIndex,
    actorId: user.id,
    actorUsername: user.username,
    payload,
    details: null,
    occurredAt: now,
  };
  // (The simple-json payload does not fit TypeORM's deep-partial insert type.)
  await m.insert(DossierEventEntity, event as never);
  return version;
}
