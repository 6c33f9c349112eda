import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Steps are rows (not only JSON in the version) so that "dossiers my department
 * takes part in" is an indexed EXISTS query.
 */
@Entity('procedure_step')
@Index('uq_procedure_step_position', ['procedureVersionId', 'position'], { unique: true })
@Index('ix_procedure_step_department', ['departmentCode', 'procedureVersionId'])
export class ProcedureStepEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36, name: 'procedure_version_id' })
  procedureVersionId!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 64, name: 'step_key' })
  key!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 32, name: 'department_code' })
  departmentCode!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: string;

  @Column({ type: 'double precision', name: 'working_days' })
  workingDays!: number;
}
