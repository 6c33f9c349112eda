import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

/** A procedure's identity; its content lives in immutable versions. */
@Entity('procedure')
export class ProcedureEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'integer', name: 'current_version' })
  currentVersion!: number;

  @Column({ type: timestampType(), name: 'created_at' })
  createdAt!: Date;

  @Column({ type: timestampType(), name: 'updated_at' })
  updatedAt!: Date;
}
