import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';
import type { OutboxChannel, OutboxPayload, OutboxStatus } from './outbox.types';

/**
 * One message to deliver after commit (transactional outbox). Written in the transaction of
 * the change it reports, so a message exists if and only if the change was committed.
 *
 * While `delivering`, `next_attempt_at` equals `locked_until`: a claim whose worker died
 * becomes due again when its lease ends, and one range condition finds all due work.
 */
@Entity('outbox_message')
@Index('uq_outbox_message_idempotency_key', ['idempotencyKey'], { unique: true })
@Index('ix_outbox_message_due', ['status', 'nextAttemptAt'])
@Index('ix_outbox_message_aggregate', ['aggregateId', 'channel', 'aggregateVersion'])
export class OutboxMessageEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  topic!: string;

  @Column({ type: 'varchar', length: 16 })
  channel!: OutboxChannel;

  @Column({ type: 'varchar', length: 32, name: 'aggregate_type' })
  aggregateType!: string;

  @Column({ type: 'varchar', length: 36, name: 'aggregate_id' })
  aggregateId!: string;

  @Column({ type: 'integer', name: 'aggregate_version' })
  aggregateVersion!: number;

  @Column({ type: 'varchar', length: 200, name: 'idempotency_key' })
  idempotencyKey!: string;

  @Column({ type: 'simple-json' })
  payload!: OutboxPayload;

  @Column({ type: 'varchar', length: 12 })
  status!: OutboxStatus;

  /** Claims so far (a claim is counted when taken, so a worker crash counts as an attempt). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: timestampType(), name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  /** The dispatcher holding the claim. */
  @Column({ type: 'varchar', length: 100, name: 'locked_by', nullable: true })
  lockedBy!: string | null;

  /** End of the claim's lease. */
  @Column({ type: timestampType(), name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column({ type: timestampType(), name: 'created_at' })
  createdAt!: Date;

  @Column({ type: timestampType(), name: 'delivered_at', nullable: true })
  deliveredAt!: Date | null;
}
