import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

/** An administrator's change to the official days (on top of config/holidays). */
@Entity('calendar_day_override')
export class CalendarDayOverrideEntity {
  /** YYYY-MM-DD */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date!: string;

  /** day_off | working_day */
  @Column({ type: 'varchar', length: 16 })
  kind!: 'day_off' | 'working_day';

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 36, name: 'created_by' })
  createdBy!: string;

  @Column({ type: timestampType(), name: 'created_at' })
  createdAt!: Date;
}

/** Audit trail of calendar changes: who added or removed which day, when. */
@Entity('calendar_change')
export class CalendarChangeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** set | remove */
  @Column({ type: 'varchar', length: 10 })
  action!: 'set' | 'remove';

  @Column({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  kind!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  name!: string | null;

  @Column({ type: 'varchar', length: 36, name: 'actor_id' })
  actorId!: string;

  @Column({ type: 'varchar', length: 64, name: 'actor_username' })
  actorUsername!: string;

  @Column({ type: timestampType(), name: 'occurred_at' })
  occurredAt!: Date;
}

/**
 * Each load of a year's official holiday notice (issue #12 acceptance 6): the schedule as loaded,
 * who loaded it, and how many dossiers' due times it moved. The latest load of a year is that
 * year's official schedule (it replaces a file of config/holidays for the same year).
 */
@Entity('calendar_official_load')
@Index('ix_calendar_official_load_year', ['year', 'loadedAt'])
export class CalendarOfficialLoadEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'integer' })
  year!: number;

  /** The notice the file transcribes. */
  @Column({ type: 'varchar', length: 255 })
  reference!: string;

  /** The parsed `YearSchedule`, JSON. */
  @Column({ type: 'text' })
  schedule!: string;

  @Column({ type: 'integer', name: 'dossiers_changed' })
  dossiersChanged!: number;

  @Column({ type: 'varchar', length: 36, name: 'actor_id' })
  actorId!: string;

  @Column({ type: 'varchar', length: 64, name: 'actor_username' })
  actorUsername!: string;

  @Column({ type: timestampType(), name: 'loaded_at' })
  loadedAt!: Date;
}
