import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './support';

/** Worklist filters saved per user under a name (issue #15); never visible to anyone else. */
export class AddSavedFilters1766016001000 implements MigrationInterface {
  name = 'AddSavedFilters1766016001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = col(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'saved_filter',
        columns: [c.id(), c.varchar('user_id', 36), c.varchar('name', 100), c.text('query'), c.timestamp('created_at')],
        indices: [new TableIndex({ name: 'uq_saved_filter_user_name', columnNames: ['user_id', 'name'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('saved_filter');
  }
}
