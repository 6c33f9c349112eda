import { EntityManager } from 'typeorm';
import { ProcedureVersionEntity } from '../catalogue/procedure-version.entity';

/**
 * The procedure facts a dossier's messages need beyond its row: the name the applicant reads and
 * the national TTHC code DVCQG files the record under (the catalogue's `code`, DOMAIN.md §1.4).
 * A dossier keeps the version it was received under, so later catalogue edits do not change them.
 */
export async function loadProcedureFacts(m: EntityManager, procedureVersionId: string): Promise<{ procedureName: string; nationalProcedureCode: string | null }> {
  const v = await m.findOneOrFail(ProcedureVersionEntity, { select: { id: true, name: true, definition: true }, where: { id: procedureVersionId } });
  return { procedureName: v.name, nationalProcedureCode: typeof v.definition.code === 'string' ? v.definition.code : null };
}
