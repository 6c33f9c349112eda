import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { localYYMMDD } from '../common/local-time';
import { ALPHABET } from '../common/lookup-code';
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
 *
 * The code is issued when the dossier is *received* (issue #12): at creation for a counter dossier,
 * at ACCEPT for one that arrives `submitted` (online, postal), by the date of that acceptance. Until
 * then such a dossier is known by its submission reference ({@link DossierCodeGenerator.submissionRef}),
 * so a submission rejected or withdrawn consumes no receipt number.
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

  /**
   * A submission reference `NOP-YYMMDD-XXXX-XXXX` ("nộp"): the submission date and 40 random bits in
   * Crockford base32. Three hyphens, so it never has the form of a receipt code (the restore's resync
   * ignores it, restore/code-numbers.ts) and nobody mistakes one for the other; random, so it takes
   * nothing from the receipt sequence. A clash (one in 2^40 per day) is drawn again.
   */
  async submissionRef(manager: EntityManager, at: Date): Promise<string> {
    for (;;) {
      const random = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
      const ref = `${SUBMISSION_REF_PREFIX}-${localYYMMDD(at)}-${random.slice(0, 4)}-${random.slice(4)}`;
      if (!(await manager.exists(DossierEntity, { where: [{ code: ref }, { submissionRef: ref }] }))) return ref;
    }
  }
}

export const SUBMISSION_REF_PREFIX = 'NOP';
