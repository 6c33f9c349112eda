import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './support';

/**
 * The online channel (issue #16): machine accounts of other systems (the national portal) with
 * the audit of their changes, and the dossiers received from the portal keyed by its own id.
 */
export class AddOnlineChannel1765670400000 implements MigrationInterface {
  name = 'AddOnlineChannel1765670400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = col(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'machine_client',
        columns: [c.id(), c.varchar('name', 100), c.varchar('role', 32), c.varchar('secret_sha256', 64), c.boolean('active'), c.varchar('created_by', 36), c.timestamp('created_at'), c.timestamp('secret_rotated_at')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'machine_client_change',
        columns: [c.id(), c.varchar('client_id', 36), c.varchar('action', 16), c.varchar('actor_id', 36), c.varchar('actor_username', 64), c.timestamp('occurred_at')],
        indices: [new TableIndex({ name: 'ix_machine_client_change_client', columnNames: ['client_id', 'occurred_at'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'portal_inbound',
        columns: [
          { ...c.varchar('portal_dossier_id', 64), isPrimary: true },
          c.varchar('dossier_id', 36),
          c.varchar('client_id', 36),
          c.timestamp('portal_submitted_at'),
          c.boolean('vneid_verified'),
          c.timestamp('received_at'),
        ],
        indices: [new TableIndex({ name: 'ux_portal_inbound_dossier', columnNames: ['dossier_id'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('portal_inbound');
    await queryRunner.dropTable('machine_client_change');
    await queryRunner.dropTable('machine_client');
  }
}
