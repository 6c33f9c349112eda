import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { col } from './support';

/**
 * Administration screens (issue #15, slice c): why a procedure version was made, why an outbox
 * message was retried or discarded, and departments that can be deactivated (not deleted: users and
 * dossiers keep pointing at them) with their own audit trail.
 */
export class AddAdminScreens1766188800000 implements MigrationInterface {
  name = 'AddAdminScreens1766188800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = col(queryRunner);
    // None of these tables has a raw-SQL index: their TypeORM indices survive SQLite's table rebuild.
    await queryRunner.addColumn('procedure_version', new TableColumn(c.varchar('change_reason', 500, true)));
    await queryRunner.addColumn('outbox_action', new TableColumn(c.varchar('reason', 500, true)));
    await queryRunner.addColumns('department', [new TableColumn(c.flag('active', true)), new TableColumn({ ...c.integer('version'), default: 1 })]);
    await queryRunner.createTable(
      new Table({
        name: 'department_change',
        columns: [
          c.id(),
          c.varchar('department_code', 32),
          c.varchar('action', 32),
          c.text('details'),
          c.varchar('reason', 500, true),
          c.varchar('actor_id', 36),
          c.varchar('actor_username', 64),
          c.timestamp('occurred_at'),
        ],
        indices: [{ name: 'ix_department_change_department', columnNames: ['department_code', 'occurred_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('department_change');
    await queryRunner.dropColumns('department', ['version', 'active']);
    await queryRunner.dropColumn('outbox_action', 'reason');
    await queryRunner.dropColumn('procedure_version', 'change_reason');
  }
}
