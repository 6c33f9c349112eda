import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';
import type { OutboxStatus } from './outbox.types';

export type OutboxAction = 'retry' | 'discard' | 'hold' | 'release';

/**
 * Audit trail of decisions on outbox messages: who retried, discarded, held (the restore step,
 * actor `system`) or released what, when.
 */
@Entity('outbox_action')
@Index('ix_outbox_action_message', ['messageId'])
export class OutboxActionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36, name: 'message_id' })
  messageId!: string;

  @Column({ type: 'varchar', length: 10 })
  action!: OutboxAction;

  @Column({ type: 'varchar', length: 12, name: 'from_status' })
  fromStatus!: OutboxStatus;

  /** Attempts and last error the message had before the action (a retry resets them). */
  @Column({ type: 'integer', name: 'previous_attempts' })
  previousAttempts!: number;

  @Column({ type: 'text', name: 'previous_error', nullable: true })
  previousError!: string | null;

  /** Why the administrator decided so (null for the restore step and older rows). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 36, name: 'actor_id' })
  actorId!: string;

  @Column({ type: 'varchar', length: 64, name: 'actor_username' })
  actorUsername!: string;

  @Column({ type: timestampType(), name: 'occurred_at' })
  occurredAt!: Date;
}
