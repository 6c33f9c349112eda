import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

/**
 * Append-only audit trail: one row per transition, including creation. The unique
 * (dossier_id, version) is the second line of defence behind the compare-and-set.
 */
@Entity('dossier_event')
@Index('uq_dossier_event_version', ['dossierId', 'version'], { unique: true })
export class DossierEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36, name: 'dossier_id' })
  dossierId!: string;

  /** The dossier version this transition produced. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 32 })
  type!: string;

  @Column({ type: 'varchar', length: 32, name: 'from_state', nullable: true })
  fromState!: string | null;

  @Column({ type: 'varchar', length: 32, name: 'to_state' })
  toState!: string;

  @Column({ type: 'integer', name: 'step_from', nullable: true })
  stepFrom!: number | null;

  @Column({ type: 'integer', name: 'step_to', nullable: true })
  stepTo!: number | null;

  @Column({ type: 'varchar', length: 36, name: 'actor_id' })
  actorId!: string;

  @Column({ type: 'varchar', length: 64, name: 'actor_username' })
  actorUsername!: string;

  @Column({ type: 'simple-json' })
  payload!: Record<string, unknown>;

  /** What the transition did to the clock: the step it closed (and whether late), the outcome, due times. */
  @Column({ type: 'simple-json', nullable: true })
  details!: object | null;

  @Column({ type: timestampType(), name: 'occurred_at' })
  occurredAt!: Date;
}
