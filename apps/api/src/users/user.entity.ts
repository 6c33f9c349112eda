import { Column, Entity, PrimaryColumn } from 'typeorm';
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

  @Column({ type: timestampType(), name: 'created_at' })
  createdAt!: Date;
}
