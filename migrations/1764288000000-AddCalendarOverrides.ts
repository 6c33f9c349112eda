import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from './support';

/** Administrators' changes to the official days, and their audit trail. */
export class AddCalendarOverrides1764288000000 implements MigrationInterface {
  name = 'AddCalendarOverrides1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = col(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'calendar_day_override',
        columns: [{ ...c.varchar('date', 10), isPrimary: true }, c.varchar('kind', 16), c.varchar('name', 255), c.varchar('created_by', 36), c.timestamp('created_at')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'calendar_change',
        columns: [
          c.id(),
          c.varchar('action', 10),
          c.varchar('date', 10),
          c.varchar('kind', 16, true),
          c.varchar('name', 255, true),
          c.varchar('actor_id', 36),
          c.varchar('actor_username', 64),
          c.timestamp('occurred_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('calendar_change');
    await queryRunner.dropTable('calendar_day_override');
  }
}
