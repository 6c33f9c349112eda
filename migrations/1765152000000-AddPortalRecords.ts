import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col, isPostgres } from './support';

/**
 * The portal record of every dossier (issue #11): the record we synchronise to DVCQG, and the
 * only source of the dossier indicators. `portal_record` keeps the current record (JSON) and,
 * as columns, the facts the indicator rules read from it; `portal_delivery` the last record the
 * portal acknowledged, for the reconciliation. Dossiers gain the legal appointment given at
 * receipt (an apology no longer hides it) and their electronic result's code and link (a token of
 * our public link, or the previous system's link for imported dossiers).
 *
 * Rows of `portal_record` are written by the application (the projection is code, not SQL):
 * existing dossiers get theirs at the next start. `legal_appointment_at` of existing dossiers
 * is their due time, which a completed supplementation had already moved; the exact receipt
 * appointment of those few was not stored before.
 *
 * The covering and partial indexes repeat the column list and the 60-day predicate of the
 * report's scope (apps/api/src/indicators/indicator-sql.ts), written out: a migration must not
 * change once shipped. The dossier table's report indexes are dropped: nothing reads them now.
 */
export class AddPortalRecords1765152000000 implements MigrationInterface {
  name = 'AddPortalRecords1765152000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = col(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'portal_record',
        columns: [
          c.id('dossier_id'),
          c.varchar('code', 48),
          c.integer('record_version'),
          c.text('record'),
          c.varchar('procedure_code', 64),
          c.varchar('department_code', 32),
          c.varchar('field', 255),
          c.varchar('channel', 16),
          c.timestamp('received_at', true),
          c.timestamp('appointment_at', true),
          c.timestamp('processing_ended_at', true),
          c.varchar('end_state', 16, true),
          c.timestamp('s1_requested_at', true),
          c.timestamp('s1_completed_at', true),
          c.timestamp('s2_requested_at', true),
          c.integer('processing_time_centi', true),
          c.varchar('processing_time_unit', 16, true),
          c.flag('paper_result', false),
          c.flag('e_result', false),
          c.flag('digitised', false),
          c.flag('reused_component', false),
          c.flag('from_citizen_store', false),
          c.flag('fee_bearing', false),
          c.flag('fees_all_zero', false),
          c.varchar('paid_online', 12, true),
          c.varchar('rating', 20, true),
          c.flag('has_complaint', false),
          c.flag('imported', false),
          c.timestamp('updated_at'),
        ],
        indices: [new TableIndex({ name: 'ix_portal_record_procedure', columnNames: ['procedure_code', 'received_at'] })],
      }),
    );
    const included = `"end_state", "s1_requested_at", "s1_completed_at", "s2_requested_at", "appointment_at", "channel", "paper_result", "e_result",
                      "fee_bearing", "fees_all_zero", "paid_online", "digitised", "reused_component", "from_citizen_store", "rating",
                      "has_complaint", "procedure_code", "processing_time_centi", "processing_time_unit", "imported"`;
    // 2.2 and 1.4 read the records received in the period: covering on PostgreSQL as well.
    const receivedIncluded = `"processing_ended_at", "end_state", "procedure_code", "processing_time_unit", "processing_time_centi", "department_code",
                              "field", "channel", "imported"`;
    if (isPostgres(queryRunner)) {
      await queryRunner.query(`CREATE INDEX "ix_portal_record_received" ON "portal_record" ("received_at") INCLUDE (${receivedIncluded})`);
      await queryRunner.query(`CREATE INDEX "ix_portal_record_facts" ON "portal_record" ("processing_ended_at", "received_at") INCLUDE (${included})`);
      await queryRunner.query(
        `CREATE INDEX "ix_portal_record_long_running" ON "portal_record" ("processing_ended_at", "received_at") INCLUDE (${included})
           WHERE "processing_ended_at" - "received_at" > interval '60 days'`,
      );
    } else {
      await queryRunner.query(`CREATE INDEX "ix_portal_record_received" ON "portal_record" ("received_at")`);
      await queryRunner.query(`CREATE INDEX "ix_portal_record_facts" ON "portal_record" ("processing_ended_at", "received_at")`);
      await queryRunner.query(
        `CREATE INDEX "ix_portal_record_long_running" ON "portal_record" ("processing_ended_at", "received_at")
           WHERE julianday("processing_ended_at") - julianday("received_at") > 60`,
      );
    }
    await queryRunner.createTable(
      new Table({
        name: 'portal_delivery',
        columns: [c.id('dossier_id'), c.varchar('code', 48), c.integer('delivered_version'), c.text('record'), c.timestamp('delivered_at')],
      }),
    );
    // The report no longer reads the dossier table: its covering indexes only cost writes now. (On SQLite an
    // earlier table rebuild may already have dropped them: TypeORM recreates a table to alter a column there.)
    await queryRunner.query(`DROP INDEX IF EXISTS "ix_dossier_long_running"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "ix_dossier_facts"`);
    await queryRunner.addColumns('dossier', [
      new TableColumn(c.timestamp('legal_appointment_at', true)),
      new TableColumn(c.varchar('result_code', 64, true)),
      new TableColumn(c.varchar('result_token', 48, true)),
      new TableColumn(c.varchar('result_file_id', 36, true)),
      new TableColumn(c.varchar('result_link', 1000, true)),
    ]);
    await queryRunner.createIndex('dossier', new TableIndex({ name: 'uq_dossier_result_token', columnNames: ['result_token'], isUnique: true }));
    await queryRunner.query(`UPDATE "dossier" SET "legal_appointment_at" = "due_at" WHERE "received_at" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The dossier indexes as 1764547200000 and 1764720000000 created them (their lists written out).
    const old = `"outcome", "supplement_requests", "due_at", "paused_at", "channel", "paper_result", "e_result", "fee_applies", "payment_method",
                 "digitised", "reused_component", "rating", "has_complaint", "state", "procedure_code", "processing_working_minutes"`;
    if (isPostgres(queryRunner)) {
      await queryRunner.query(`CREATE INDEX "ix_dossier_facts" ON "dossier" ("processing_ended_at", "received_at") INCLUDE (${old})`);
      await queryRunner.query(
        `CREATE INDEX "ix_dossier_long_running" ON "dossier" ("processing_ended_at", "received_at") INCLUDE (${old})
           WHERE "processing_ended_at" - "received_at" > interval '60 days'`,
      );
    } else {
      await queryRunner.query(`CREATE INDEX "ix_dossier_facts" ON "dossier" ("processing_ended_at", "received_at")`);
      await queryRunner.query(
        `CREATE INDEX "ix_dossier_long_running" ON "dossier" ("processing_ended_at", "received_at") WHERE julianday("processing_ended_at") - julianday("received_at") > 60`,
      );
    }
    await queryRunner.dropIndex('dossier', 'uq_dossier_result_token');
    for (const name of ['result_link', 'result_file_id', 'result_token', 'result_code', 'legal_appointment_at']) await queryRunner.dropColumn('dossier', name);
    await queryRunner.dropTable('portal_delivery');
    await queryRunner.query(`DROP INDEX "ix_portal_record_long_running"`);
    await queryRunner.query(`DROP INDEX "ix_portal_record_facts"`);
    await queryRunner.query(`DROP INDEX "ix_portal_record_received"`);
    await queryRunner.dropTable('portal_record');
  }
}
