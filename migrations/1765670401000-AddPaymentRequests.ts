import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './support';

/** Online payment (issue #16): one payment request per fee-bearing dossier, settled once by the platform's signed notification. */
export class AddPaymentRequests1765670401000 implements MigrationInterface {
  name = 'AddPaymentRequests1765670401000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = col(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'payment_request',
        columns: [
          c.id(),
          c.varchar('dossier_id', 36),
          c.integer('amount_vnd'),
          c.varchar('state', 12),
          c.varchar('platform', 24, true),
          c.varchar('transaction_id', 100, true),
          c.timestamp('paid_at', true),
          c.timestamp('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'ux_payment_request_dossier', columnNames: ['dossier_id'], isUnique: true }),
          new TableIndex({ name: 'ux_payment_request_transaction', columnNames: ['transaction_id'], isUnique: true }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('payment_request');
  }
}
