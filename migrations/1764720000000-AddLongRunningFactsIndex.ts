import { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from './support';

/**
 * Partial covering index of the indicator report: dossiers whose processing ran longer
 * than 60 days (LONG_RUNNING_DAYS in apps/api/src/indicators/indicator-sql.ts, which
 * repeats this predicate). A dossier that ended more than 60 days after a period end and
 * was received before it is one of them, so the report reads ix_dossier_facts only up to
 * 60 days past the period end, and this small index for the rest, instead of every
 * dossier that ended after the period. Same columns as ix_dossier_facts (written out:
 * a migration must not change once shipped); SQLite has no INCLUDE. The entity declares
 * it with synchronize: false.
 */
export class AddLongRunningFactsIndex1764720000000 implements MigrationInterface {
  name = 'AddLongRunningFactsIndex1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      isPostgres(queryRunner)
        ? `CREATE INDEX "ix_dossier_long_running" ON "dossier" ("processing_ended_at", "received_at")
             INCLUDE ("outcome", "supplement_requests", "due_at", "paused_at", "channel", "paper_result", "e_result", "fee_applies",
                      "payment_method", "digitised", "reused_component", "rating", "has_complaint", "state", "procedure_code",
                      "processing_working_minutes")
             WHERE "processing_ended_at" - "received_at" > interval '60 days'`
        : `CREATE INDEX "ix_dossier_long_running" ON "dossier" ("processing_ended_at", "received_at")
             WHERE julianday("processing_ended_at") - julianday("received_at") > 60`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_dossier_long_running"`);
  }
}
