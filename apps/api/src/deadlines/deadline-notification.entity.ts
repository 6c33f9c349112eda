import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

/**
 * One record per dossier and threshold (due soon, overdue). The unique index makes the
 * sweep idempotent across instances: a second writer's insert is a no-op.
 */
@Entity('deadline_notification')
@Index('uq_deadline_notification', ['dossierId', 'kind'], { unique: true })
export class DeadlineNotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36, name: 'dossier_id' })
  dossierId!: string;

  /** due_soon | overdue */
  @Column({ type: 'varchar', length: 16 })
  kind!: string;

  @Column({ type: timestampType(), name: 'due_at' })
  dueAt!: Date;

  @Column({ type: timestampType(), name: 'created_at' })
  createdAt!: Date;
}
