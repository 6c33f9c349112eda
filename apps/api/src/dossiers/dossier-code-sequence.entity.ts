import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Daily counter behind dossier codes; incremented by an atomic upsert. */
@Entity('dossier_code_sequence')
export class DossierCodeSequenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 32, name: 'agency_id' })
  agencyId!: string;

  /** YYMMDD in the agency's local time. */
  @PrimaryColumn({ type: 'varchar', length: 6 })
  day!: string;

  @Column({ type: 'integer', name: 'last_value' })
  lastValue!: number;
}
