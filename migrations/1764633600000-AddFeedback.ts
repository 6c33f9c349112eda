import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './support';

/** Citizens' feedback and petitions (PAKN), their audit trail. */
export class AddFeedback1764633600000 implements MigrationInterface {
  name = 'AddFeedback1764633600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = col(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'feedback',
        columns: [
          c.id(),
          { ...c.varchar('code', 48), isUnique: true },
          c.varchar('lookup_secret', 32),
          c.varchar('state', 32),
          c.text('snapshot'),
          c.integer('machine_version'),
          c.integer('version'),
          c.varchar('source', 16),
          c.varchar('dossier_id', 36, true),
          c.varchar('dossier_code', 48, true),
          c.varchar('category', 16, true),
          c.varchar('department_code', 32, true),
          c.varchar('title', 200),
          c.text('content'),
          c.varchar('author_name', 120),
          c.varchar('author_phone', 20, true),
          c.varchar('author_email', 254, true),
          c.text('author_address', true),
          c.text('answer', true),
          c.timestamp('answered_at', true),
          c.timestamp('published_at', true),
          c.text('clocks'),
          c.timestamp('received_at'),
          c.timestamp('due_at', true),
          c.timestamp('handled_at', true),
          c.boolean('on_time', true),
          c.varchar('verdict', 16, true),
          c.timestamp('rated_at', true),
          c.timestamp('finished_at', true),
          c.varchar('created_by', 36, true),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_feedback_state', columnNames: ['state', 'received_at'] }),
          new TableIndex({ name: 'ix_feedback_department', columnNames: ['department_code', 'received_at'] }),
          new TableIndex({ name: 'ix_feedback_received', columnNames: ['received_at'] }),
          new TableIndex({ name: 'ix_feedback_handled', columnNames: ['handled_at'] }),
          new TableIndex({ name: 'ix_feedback_dossier', columnNames: ['dossier_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'feedback_event',
        columns: [
          c.id(),
          c.varchar('feedback_id', 36),
          c.integer('version'),
          c.varchar('type', 32),
          c.varchar('from_state', 32, true),
          c.varchar('to_state', 32),
          c.varchar('actor_id', 64),
          c.varchar('actor_username', 64),
          c.text('payload'),
          c.text('details', true),
          c.timestamp('occurred_at'),
        ],
        indices: [new TableIndex({ name: 'uq_feedback_event_version', columnNames: ['feedback_id', 'version'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('feedback_event');
    await queryRunner.dropTable('feedback');
  }
}
