import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

export type RatingLevel = 'very_satisfied' | 'satisfied' | 'dissatisfied';
export const RATING_LEVELS: readonly RatingLevel[] = ['very_satisfied', 'satisfied', 'dissatisfied'];

/** The applicant's one satisfaction rating of a dossier (indicator 5.4). The primary key makes it once per dossier. */
@Entity('dossier_rating')
export class DossierRatingEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'dossier_id' })
  dossierId!: string;

  @Column({ type: 'varchar', length: 20 })
  level!: RatingLevel;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: timestampType(), name: 'created_at' })
  createdAt!: Date;
}
