import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

/** Remembers an `Idempotency-Key` per user so a retried create returns the same dossier. */
@Entity('idempotency_key')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'user_id' })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 128 })
  key!: string;

  /** SHA-256 of the canonical request body: the same key with another body is refused. */
  @Column({ type: 'varchar', length: 64, name: 'request_hash' })
  requestHash!: string;

  @Column({ type: 'varchar', length: 36, name: 'dossier_id' })
  dossierId!: string;

  @Column({ type: timestampType(), name: 'created_at' })
  createdAt!: Date;
}
