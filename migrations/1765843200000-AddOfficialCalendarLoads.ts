import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './support';

/** Loads of a year's official holiday notice by an administrator (issue #12 acceptance 6). */
export class AddOfficialCalendarLoads1765843200000 implements MigrationInterface {
  name = 'AddOfficialCalendarLoads1765843200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = col(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'calendar_official_load',
        columns: [
          c.id(),
          c.integer('year'),
          c.varchar('reference', 255),
          c.text('schedule'),
          c.integer('dossiers_changed'),
          c.varchar('actor_id', 36),
          c.varchar('actor_username', 64),
          c.timestamp('loaded_at'),
        ],
        indices: [new TableIndex({ name: 'ix_calendar_official_load_year', columnNames: ['year', 'loaded_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('calendar_official_load');
  }
}
