import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './support';

/**
 * Transactional outbox (issue #6): messages written with the change they report and delivered
 * after commit by the dispatcher, and the audit trail of administrators' retries and discards.
 */
export class AddOutbox1764806400000 implements MigrationInterface {
  name = 'AddOutbox1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = col(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'outbox_message',
        columns: [
          c.id(),
          c.varchar('topic', 64),
          c.varchar('channel', 16),
          c.varchar('aggregate_type', 32),
          c.varchar('aggregate_id', 36),
          c.integer('aggregate_version'),
          c.varchar('idempotency_key', 200),
          c.text('payload'),
          c.varchar('status', 12),
          { ...c.integer('attempts'), default: 0 },
          c.timestamp('next_attempt_at'),
          c.varchar('locked_by', 100, true),
          c.timestamp('locked_until', true),
          c.text('last_error', true),
          c.timestamp('created_at'),
          c.timestamp('delivered_at', true),
        ],
        indices: [
          new TableIndex({ name: 'uq_outbox_message_idempotency_key', columnNames: ['idempotency_key'], isUnique: true }),
          // The claim: due work is a range of (status, next_attempt_at).
          new TableIndex({ name: 'ix_outbox_message_due', columnNames: ['status', 'next_attempt_at'] }),
          // Per-aggregate ordering: "is an earlier version of this aggregate still undelivered on this channel?"
          new TableIndex({ name: 'ix_outbox_message_aggregate', columnNames: ['aggregate_id', 'channel', 'aggregate_version'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'outbox_action',
        columns: [
          c.id(),
          c.varchar('message_id', 36),
          c.varchar('action', 10),
          c.varchar('from_status', 12),
          c.integer('previous_attempts'),
          c.text('previous_error', true),
          c.varchar('actor_id', 36),
          c.varchar('actor_username', 64),
          c.timestamp('occurred_at'),
        ],
        indices: [new TableIndex({ name: 'ix_outbox_action_message', columnNames: ['message_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('outbox_action');
    await queryRunner.dropTable('outbox_message');
  }
}
