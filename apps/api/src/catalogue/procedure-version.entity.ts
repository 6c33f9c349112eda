import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

export interface ComponentRecord {
  key: string;
  name: string;
  required: boolean;
  original?: number;
  copies?: number;
}

/**
 * One immutable version of a procedure. A dossier points at the version it was
 * received under, so later catalogue edits never change dossiers in progress.
 */
@Entity('procedure_version')
@Index('uq_procedure_version', ['procedureCode', 'version'], { unique: true })
export class ProcedureVersionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64, name: 'procedure_code' })
  procedureCode!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 255 })
  field!: string;

  /** Null when the procedure sets no overall time limit: its dossiers get no appointment. */
  @Column({ type: 'integer', name: 'processing_amount', nullable: true })
  processingAmount!: number | null;

  /** working_days | working_hours | calendar_days | calendar_months */
  @Column({ type: 'varchar', length: 20, name: 'processing_unit', nullable: true })
  processingUnit!: string | null;

  @Column({ type: 'integer', name: 'fee_amount_vnd', nullable: true })
  feeAmountVnd!: number | null;

  @Column({ type: 'text', name: 'fee_text', nullable: true })
  feeText!: string | null;

  @Column({ type: 'varchar', length: 20, name: 'online_level', nullable: true })
  onlineLevel!: string | null;

  @Column({ type: 'boolean', name: 'paper_result' })
  paperResult!: boolean;

  @Column({ type: 'text', name: 'result_name', nullable: true })
  resultName!: string | null;

  @Column({ type: 'simple-json' })
  components!: ComponentRecord[];

  /** The whole definition as entered (sources, uncertainty notes…), for display and audit. */
  @Column({ type: 'simple-json' })
  definition!: Record<string, unknown>;

  /** Why the administrator made this version (null for the seed and for older versions). */
  @Column({ type: 'varchar', length: 500, name: 'change_reason', nullable: true })
  changeReason!: string | null;

  @Column({ type: 'varchar', length: 36, name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ type: timestampType(), name: 'created_at' })
  createdAt!: Date;
}
