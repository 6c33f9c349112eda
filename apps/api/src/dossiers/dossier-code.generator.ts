import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { localYYMMDD } from '../common/local-time';
import { DossierEntity } from './dossier.entity';

/**
 * Dossier codes `<agency id>-YYMMDD-NNNN`: the receiving unit's identifier, the local
 * receipt date and the day's sequence (TT 01/2018 Art 19, ND 61/2018 Art 26;
 * DOMAIN.md §2.6 — whether TT 03/2025 keeps it is UNVERIFIED, so the prefix is config).
 * The counter is one atomic upsert inside the creating transaction, so concurrent
 * creates on PostgreSQL queue on the row lock and never share a number.
 *
 * A number whose code is already taken (by a row written some other way, e.g. an import made
 * before imports refused codes of this form) is skipped: otherwise every create of the day would
 * fail on the unique code, and roll the counter back with it (issue #14, D8).
 */
@Injectable()
export class DossierCodeGenerator {
  async next(manager: EntityManager, agencyId: string, at: Date): Promise<string> {
    const day = localYYMMDD(at);
    const postgres = manager.connection.driver.options.type === 'postgres';
    const sql = postgres
      ? `INSERT INTO dossier_code_sequence (agency_id, day, last_value) VALUES ($1, $2, 1)
         ON CONFLICT (agency_id, day) DO UPDATE SET last_value = dossier_code_sequence.last_value + 1
         RETURNING last_value`
      : `INSERT INTO dossier_code_sequence (agency_id, day, last_value) VALUES (?, ?, 1)
         ON CONFLICT (agency_id, day) DO UPDATE SET last_value = dossier_code_sequence.last_value + 1
         RETURNING last_value`;
    for (;;) {
      const rows: Array<{ last_value: number | string }> = await manager.query(sql, [agencyId, day]);
      const code = `${agencyId}-${day}-${String(Number(rows[0].last_value)).padStart(4, '0')}`;
      if (!(await manager.exists(DossierEntity, { where: { code } }))) return code;
    }
  }
}
