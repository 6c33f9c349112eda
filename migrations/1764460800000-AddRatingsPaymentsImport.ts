import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from './support';

/** Satisfaction ratings, fee payments, imported (historical, read-only) dossiers, and the facts the indicators group and count by. */
export class AddRatingsPaymentsImport1764460800000 implements MigrationInterface {
  name = 'AddRatingsPaymentsImport1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = col(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'dossier_rating',
        columns: [{ ...c.varchar('dossier_id', 36), isPrimary: true }, c.varchar('level', 20), c.text('comment', true), c.timestamp('created_at')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'dossier_payment',
        columns: [
          c.id(),
          c.varchar('dossier_id', 36),
          c.varchar('method', 24),
          c.integer('amount_vnd', true),
          c.timestamp('paid_at'),
          c.varchar('reference', 100, true),
          c.varchar('recorded_by', 36),
          c.timestamp('recorded_at'),
        ],
        indices: [new TableIndex({ name: 'uq_dossier_payment_dossier', columnNames: ['dossier_id'], isUnique: true })],
      }),
    );
    await queryRunner.addColumns('dossier', [
      new TableColumn(c.varchar('rating', 20, true)),
      new TableColumn(c.flag('fee_applies', false)),
      new TableColumn(c.varchar('payment_method', 24, true)),
      new TableColumn(c.flag('imported', false)),
      new TableColumn(c.flag('paper_result', false)),
      new TableColumn(c.flag('has_complaint', false)),
      new TableColumn(c.integer('processing_working_minutes', true)),
      new TableColumn(c.varchar('field', 255, true)),
      new TableColumn(c.varchar('department_code', 32, true)),
    ]);
    await queryRunner.createIndex('dossier', new TableIndex({ name: 'ix_dossier_received', columnNames: ['received_at'] }));
    await queryRunner.createIndex('dossier', new TableIndex({ name: 'ix_dossier_processing_ended', columnNames: ['processing_ended_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('dossier', 'ix_dossier_processing_ended');
    await queryRunner.dropIndex('dossier', 'ix_dossier_received');
    for (const name of ['department_code', 'field', 'processing_working_minutes', 'has_complaint', 'paper_result', 'imported', 'payment_method', 'fee_applies', 'rating']) await queryRunner.dropColumn('dossier', name);
    await queryRunner.dropTable('dossier_payment');
    await queryRunner.dropTable('dossier_rating');
  }
}
