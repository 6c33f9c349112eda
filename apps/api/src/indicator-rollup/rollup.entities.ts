import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

/** A day bucket of the indicator rollup (libs/indicators rollup.ts): one counter of one series, day, procedure. */
@Entity('indicator_rollup_day')
export class IndicatorRollupDayEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  series!: string;

  /** Local day (`YYYY-MM-DD`, UTC+7). */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  /** Crossing buckets only: the local day the dossiers were received; '' for the other series. */
  @PrimaryColumn({ type: 'varchar', length: 10, name: 'received_day' })
  receivedDay!: string;

  @PrimaryColumn({ type: 'varchar', length: 64, name: 'procedure_code' })
  procedureCode!: string;

  @PrimaryColumn({ type: 'boolean' })
  imported!: boolean;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  counter!: string;

  /** A sum (the driver returns PostgreSQL's bigint as a string). */
  @Column({ type: 'bigint' })
  value!: string | number;
}

/** A month bucket: the day buckets of a local month added up (crossing buckets excluded). */
@Entity('indicator_rollup_month')
export class IndicatorRollupMonthEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  series!: string;

  /** Local month (`YYYY-MM`). */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month!: string;

  @PrimaryColumn({ type: 'varchar', length: 64, name: 'procedure_code' })
  procedureCode!: string;

  @PrimaryColumn({ type: 'boolean' })
  imported!: boolean;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  counter!: string;

  @Column({ type: 'bigint' })
  value!: string | number;
}

/**
 * A dossier kept out of the buckets (`isRollupRegular` false), with its facts: the report counts it
 * from them when its dates say it may count in the period (`irregularMayCount`).
 */
@Entity('indicator_rollup_irregular')
@Index('ix_indicator_rollup_irregular_received', ['receivedAt'])
export class IndicatorRollupIrregularEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'dossier_id' })
  dossierId!: string;

  @Column({ type: timestampType(), name: 'received_at', nullable: true })
  receivedAt!: Date | null;

  @Column({ type: timestampType(), name: 'processing_ended_at', nullable: true })
  processingEndedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, name: 'procedure_code' })
  procedureCode!: string;

  @Column({ type: 'boolean' })
  imported!: boolean;

  /** Its facts as the buckets would read them (`RollupSubject`, dates as ISO strings): the report counts it from here. */
  @Column({ type: 'text' })
  facts!: string;
}

/** Present once the buckets were built from the records; from then on every record change keeps them up. */
@Entity('indicator_rollup_state')
export class IndicatorRollupStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  name!: string;

  @Column({ type: timestampType(), name: 'built_at' })
  builtAt!: Date;

  /** Records the build read. */
  @Column({ type: 'integer' })
  records!: number;
}
