import { Column, Entity, PrimaryColumn } from 'typeorm';
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
