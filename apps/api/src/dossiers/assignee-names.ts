import { EntityManager, In } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import type { DossierEntity } from './dossier.entity';

/** Full names of the people holding `rows` (one query), for `toDossierView`'s `people`. */
export async function assigneeNames(m: EntityManager, rows: ReadonlyArray<Pick<DossierEntity, 'assigneeId'>>): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.assigneeId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const people = await m.find(UserEntity, { where: { id: In(ids) }, select: { id: true, fullName: true } });
  return new Map(people.map((u) => [u.id, u.fullName]));
}
