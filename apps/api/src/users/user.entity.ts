import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';
import type { Role } from '@motcua/workflow';

@Entity('app_user')
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  username!: string;

  @Column({ type: 'varchar', length: 255, name: 'full_name' })
  fullName!: string;

  /** Title (chức danh) printed under the name on signed papers, e.g. `Phó Giám đốc`. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  title!: string | null;

  /** argon2id hash (PHC string). */
  @Column({ type: 'varchar', length: 255, name: 'password_hash' })
  passwordHash!: string;

  @Column({ type: 'simple-array' })
  roles!: Role[];

  @Column({ type: 'varchar', length: 32, name: 'department_code', nullable: true })
  departmentCode!: string | null;

  @Column({ type: 'boolean' })
  active!: boolean;

  /** Raised by each administrator's change; a change sent with an older version is refused. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  /** Set by a temporary password: the user must choose a new one before anything else. */
  @Column({ type: 'boolean', name: 'must_change_password', default: false })
  mustChangePassword!: boolean;

  @Column({ type: timestampType(), name: 'created_at' })
  createdAt!: Date;
}

/** Audit trail of user administration: who changed which account, how, when and why. */
@Entity('user_change')
@Index('ix_user_change_user', ['userId', 'occurredAt'])
export class UserChangeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36, name: 'user_id' })
  userId!: string;

  /** created | updated | deactivated | reactivated | password_reset | password_changed */
  @Column({ type: 'varchar', length: 32 })
  action!: UserChangeAction;

  /** JSON: the fields changed, `{field: [before, after]}` (never a password or its hash). */
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

export type UserChangeAction =
  | 'created'
  | 'updated'
  | 'deactivated'
  | 'reactivated'
  | 'password_reset'
  | 'password_changed'
  | 'reset_link_issued'
  | 'reset_link_used';
