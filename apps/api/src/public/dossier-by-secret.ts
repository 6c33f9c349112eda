import { EntityManager, In } from 'typeorm';
import { normaliseDossierCode } from '../common/lookup-code';
import { NotFoundError } from '../common/errors';
import { sameSecret } from '../common/secrets';
import { DossierEntity } from '../dossiers/dossier.entity';

/**
 * Where a code as typed finds its dossier: by its current code or by the submission reference it
 * had before it was received (issue #12), as typed without spaces or in upper case (an AGENCY_ID may
 * hold lower-case letters, so both are tried).
 */
export function byTypedCode(code: string) {
  const typed = In([...new Set([code.replace(/\s+/g, ''), normaliseDossierCode(code)])]);
  return [{ code: typed }, { submissionRef: typed }];
}

/** The dossier of a code and its lookup secret; one message for an unknown code and a wrong secret (the answer never says which). */
export async function dossierBySecret(m: EntityManager, code: string, secret: string): Promise<DossierEntity> {
  const dossier = await m.findOne(DossierEntity, { where: byTypedCode(code) });
  if (!dossier || !dossier.lookupSecret || !sameSecret(dossier.lookupSecret, secret)) throw new NotFoundError('No dossier with this code and secret');
  return dossier;
}
