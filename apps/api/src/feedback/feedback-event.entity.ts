import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

/**
 * Append-only audit trail of a feedback, one row per version, the same shape as the
 * dossier's. The citizen appears as actor `citizen:<code>`.
 */
@Entity('feedback_event')
@Index('uq_feedback_event_version', ['feedbackId', 'version'], { unique: true })
export class FeedbackEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36, name: 'feedback_id' })
  feedbackId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 32 })
  type!: string;

  @Column({ type: 'varchar', length: 32, name: 'from_state', nullable: true })
  fromState!: string | null;

  @Column({ type: 'varchar', length: 32, name: 'to_state' })
  toState!: string;

  @Column({ type: 'varchar', length: 64, name: 'actor_id' })
  actorId!: string;

  @Column({ type: 'varchar', length: 64, name: 'actor_username' })
  actorUsername!: string;

  @Column({ type: 'simple-json' })
  payload!: Record<string, unknown>;

  /** The deadline phases this transition closed, and whether on time. */
  @Column({ type: 'simple-json', nullable: true })
  details!: object | null;

  @Column({ type: timestampType(), name: 'occurred_at' })
  occurredAt!: Date;
}
