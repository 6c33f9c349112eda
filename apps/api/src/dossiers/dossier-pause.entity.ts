import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

/** One supplementation pause of a dossier's clock (several per dossier are kept as intervals). */
@Entity('dossier_pause')
@Index('ix_dossier_pause_dossier', ['dossierId', 'startedAt'])
export class DossierPauseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36, name: 'dossier_id' })
  dossierId!: string;

  @Column({ type: timestampType(), name: 'started_at' })
  startedAt!: Date;

  @Column({ type: timestampType(), name: 'ended_at', nullable: true })
  endedAt!: Date | null;

  /** Working time paused, added to the due time on resume; null while open. */
  @Column({ type: 'integer', name: 'working_minutes', nullable: true })
  workingMinutes!: number | null;

  @Column({ type: 'text' })
  reason!: string;
}
