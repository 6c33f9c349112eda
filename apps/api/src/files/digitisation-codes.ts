import { Injectable } from '@nestjs/common';
import { Column, Entity, EntityManager, PrimaryColumn } from 'typeorm';

/** Per-dossier counter behind digitisation codes; incremented by an atomic upsert. */
@Entity('digitisation_code_sequence')
export class DigitisationCodeSequenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'dossier_id' })
  dossierId!: string;

  @Column({ type: 'integer', name: 'last_value' })
  lastValue!: number;
}

/**
 * Digitisation-result codes (mã kết quả số hóa, TT 01/2023 Art 8). Their official structure is
 * UNVERIFIED (DOMAIN.md §3.3), so they are our own: the dossier code plus the dossier's sequence,
 * `<dossier code>-SH01`. The number comes from one atomic upsert inside the storing transaction
 * (as dossier codes do), so parallel uploads to one dossier queue on the counter's row and never
 * share a number; a unique index on the code is the last guard.
 */
@Injectable()
export class DigitisationCodes {
  async next(manager: EntityManager, dossier: { id: string; code: string }): Promise<string> {
    const postgres = manager.connection.driver.options.type === 'postgres';
    const sql = postgres
      ? `INSERT INTO digitisation_code_sequence (dossier_id, last_value) VALUES ($1, 1)
         ON CONFLICT (dossier_id) DO UPDATE SET last_value = digitisation_code_sequence.last_value + 1 RETURNING last_value`
      : `INSERT INTO digitisation_code_sequence (dossier_id, last_value) VALUES (?, 1)
         ON CONFLICT (dossier_id) DO UPDATE SET last_value = digitisation_code_sequence.last_value + 1 RETURNING last_value`;
    const rows: Array<{ last_value: number | string }> = await manager.query(sql, [dossier.id]);
    return `${dossier.code}-SH${String(Number(rows[0].last_value)).padStart(2, '0')}`;
  }
}
