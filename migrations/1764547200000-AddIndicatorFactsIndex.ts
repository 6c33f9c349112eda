import { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from './support';

/**
 * The INCLUDE list as shipped: the indicator facts the report read then (FACT_COLUMNS of
 * apps/api/src/indicators/indicator-sql.ts at the time), less the two key columns. Frozen here so
 * that a later change to that list cannot rewrite what this migration did; a new list needs a
 * new migration.
 */
const INCLUDED_COLUMNS = [
  'outcome',
  'supplement_requests',
  'due_at',
  'paused_at',
  'channel',
  'paper_result',
  'e_result',
  'fee_applies',
  'payment_method',
  'digitised',
  'reused_component',
  'rating',
  'has_complaint',
  'state',
  'procedure_code',
  'processing_working_minutes',
];

/**
 * Covering index for the indicator report: the three scope parts are index range scans on
 * (processing_ended_at, received_at), and on PostgreSQL the INCLUDE columns make them
 * index-only (measured: quarter report over 1M dossiers, see bench/). SQLite has no
 * INCLUDE, so it gets the key columns only. The entity declares it with synchronize: false.
 */
export class AddIndicatorFactsIndex1764547200000 implements MigrationInterface {
  name = 'AddIndicatorFactsIndex1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      isPostgres(queryRunner)
        ? `CREATE INDEX "ix_dossier_facts" ON "dossier" ("processing_ended_at", "received_at") INCLUDE (${INCLUDED_COLUMNS.map((c) => `"${c}"`).join(', ')})`
        : `CREATE INDEX "ix_dossier_facts" ON "dossier" ("processing_ended_at", "received_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_dossier_facts"`);
  }
}
