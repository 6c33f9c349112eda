import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

@Entity('department')
export class DepartmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /**
   * A department no longer in use is deactivated, never deleted: accounts, procedure steps and
   * dossiers keep its code. An inactive one takes no new accounts or procedure steps.
   */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Raised by each administrator's change; a change sent with an older version is refused. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: timestampType(), name: 'created_at' })
  createdAt!: Date;
}

export type DepartmentChangeAction = 'created' | 'renamed' | 'deactivated' | 'reactivated';

/** Audit trail of department administration: who changed which department, how, when and why. */
@Entity('department_change')
@Index('ix_department_change_department', ['departmentCode', 'occurredAt'])
export class DepartmentChangeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 32, name: 'department_code' })
  departmentCode!: string;

  @Column({ type: 'varchar', length: 32 })
  action!: DepartmentChangeAction;

  /** JSON: the fields changed, `{field: [before, after]}`. */
  @Column({ type: 'text' })
  details!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 36, name: 'actor_id' })
  actorId!: string;

  @Column({ type: 'varchar', length: 64, name: 'actor_username' })
  actorUsername!: string;

  @Column({ type: timestampType(), name: 'occurred_at' })
  occurredAt!: Date;
}
