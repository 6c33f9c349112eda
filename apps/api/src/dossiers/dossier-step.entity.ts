import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

/** Each visit of a dossier to a processing step, with its own due time: shows which step made it late. */
@Entity('dossier_step')
@Index('ix_dossier_step_dossier', ['dossierId', 'enteredAt'])
@Index('ix_dossier_step_department', ['departmentCode', 'late'])
export class DossierStepEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36, name: 'dossier_id' })
  dossierId!: string;

  @Column({ type: 'integer', name: 'step_index' })
  stepIndex!: number;

  @Column({ type: 'varchar', length: 64, name: 'step_key' })
  stepKey!: string;

  @Column({ type: 'varchar', length: 255, name: 'step_name' })
  stepName!: string;

  @Column({ type: 'varchar', length: 32, name: 'department_code' })
  departmentCode!: string;

  @Column({ type: timestampType(), name: 'entered_at' })
  enteredAt!: Date;

  @Column({ type: timestampType(), name: 'due_at' })
  dueAt!: Date;

  @Column({ type: timestampType(), name: 'left_at', nullable: true })
  leftAt!: Date | null;

  @Column({ type: 'boolean', nullable: true })
  late!: boolean | null;
}
