import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { col } from './support';

/**
 * User administration from the screens (issue #15): a job title shown next to the full name
 * (`app_user.title`, added by 1765411200000), a version for
 * optimistic checks, the must-change flag of a temporary password, and the audit trail of changes.
 */
export class AddUserAdministration1765497600000 implements MigrationInterface {
  name = 'AddUserAdministration1765497600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = col(queryRunner);
    // app_user has no raw-SQL index, so TypeORM's column additions (a table rebuild on SQLite) lose nothing.
    await queryRunner.addColumns('app_user', [
      new TableColumn({ ...c.integer('version'), default: 1 }),
      new TableColumn(c.flag('must_change_password', false)),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'user_change',
        columns: [
          c.id(),
          c.varchar('user_id', 36),
          c.varchar('action', 32),
          c.text('details'),
          c.varchar('reason', 500, true),
          c.varchar('actor_id', 36),
          c.varchar('actor_username', 64),
          c.timestamp('occurred_at'),
        ],
        indices: [{ name: 'ix_user_change_user', columnNames: ['user_id', 'occurred_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('user_change');
    await queryRunner.dropColumns('app_user', ['must_change_password', 'version']);
  }
}
