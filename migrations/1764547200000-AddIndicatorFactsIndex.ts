import { MigrationInterface, QueryRunner } from 'typeorm';
import { FACT_COLUMNS } from '../apps/api/src/indicators/indicator-sql';
import { isPostgres } from './support';

/**
 * Covering index for the indicator report: the three scope parts are index range scans on
 * (processing_ended_at, received_at), and on PostgreSQL the INCLUDE columns make them
 * index-only (measured: quarter report over 1M dossiers, see bench/). SQLite has no
 * INCLUDE, so it gets the key columns only. The entity declares it with synchronize: false.
 */
export class AddIndicatorFactsIndex1764547200000 implements MigrationInterface {
  name = 'AddIndicatorFactsIndex1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const include = FACT_COLUMNS.filter((c) => c !== 'processing_ended_at' && c !== 'received_at');
    await queryRunner.query(
      isPostgres(queryRunner)
        ? `CREATE INDEX "ix_dossier_facts" ON "dossier" ("processing_ended_at", "received_at") INCLUDE (${include.map((c) => `"${c}"`).join(', ')})`
        : `CREATE INDEX "ix_dossier_facts" ON "dossier" ("processing_ended_at", "received_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_dossier_facts"`);
  }
}
