import { EntityManager } from 'typeorm';
import { NotFoundError } from '../common/errors';
import { sameSecret } from '../common/secrets';
import { DossierEntity } from '../dossiers/dossier.entity';

/** The dossier of a code and its lookup secret; one message for an unknown code and a wrong secret (the answer never says which). */
export async function dossierBySecret(m: EntityManager, code: string, secret: string): Promise<DossierEntity> {
  const dossier = await m.findOne(DossierEntity, { where: { code } });
  if (!dossier || !dossier.lookupSecret || !sameSecret(dossier.lookupSecret, secret)) throw new NotFoundError('No dossier with this code and secret');
  return dossier;
}
