import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';
import type { Channel, DossierState, PersistedDossier } from '@motcua/workflow';

/**
 * A dossier (hồ sơ TTHC). `state` mirrors `snapshot.value` in an indexed column;
 * `version` is the optimistic-concurrency counter, bumped by compare-and-set on
 * every transition (TypeORM's @VersionColumn does not guard the UPDATE, typeorm#2848).
 */
@Entity('dossier')
@Index('ix_dossier_state_due', ['state', 'dueAt'])
@Index('ix_dossier_department_due', ['currentDepartmentCode', 'dueAt'])
@Index('ix_dossier_applicant', ['applicantIdNumber'])
@Index('ix_dossier_procedure', ['procedureCode', 'receivedAt'])
export class DossierEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** `<agency id>-YYMMDD-NNNN` (DOMAIN.md §2.6). */
  @Column({ type: 'varchar', length: 48, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 36, name: 'procedure_version_id' })
  procedureVersionId!: string;

  @Column({ type: 'varchar', length: 64, name: 'procedure_code' })
  procedureCode!: string;

  @Column({ type: 'varchar', length: 16 })
  channel!: Channel;

  @Column({ type: 'varchar', length: 32 })
  state!: DossierState;

  @Column({ type: 'simple-json' })
  snapshot!: PersistedDossier;

  @Column({ type: 'integer', name: 'machine_version' })
  machineVersion!: number;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'integer', name: 'current_step_index', nullable: true })
  currentStepIndex!: number | null;

  /** Department holding the dossier now (null outside processing); drives inboxes. */
  @Column({ type: 'varchar', length: 32, name: 'current_department_code', nullable: true })
  currentDepartmentCode!: string | null;

  @Column({ type: 'varchar', length: 255, name: 'applicant_name' })
  applicantName!: string;

  @Column({ type: 'varchar', length: 32, name: 'applicant_id_number' })
  applicantIdNumber!: string;

  @Column({ type: 'varchar', length: 32, name: 'applicant_phone', nullable: true })
  applicantPhone!: string | null;

  @Column({ type: 'varchar', length: 255, name: 'applicant_email', nullable: true })
  applicantEmail!: string | null;

  @Column({ type: 'varchar', length: 500, name: 'applicant_address', nullable: true })
  applicantAddress!: string | null;

  @Column({ type: timestampType(), name: 'submitted_at' })
  submittedAt!: Date;

  /** When the receipt was issued and the clock started; null while submitted or if rejected. */
  @Column({ type: timestampType(), name: 'received_at', nullable: true })
  receivedAt!: Date | null;

  /** Appointment date (hẹn trả) — null until received. */
  @Column({ type: timestampType(), name: 'due_at', nullable: true })
  dueAt!: Date | null;

  @Column({ type: timestampType(), name: 'finished_at', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'varchar', length: 36, name: 'created_by' })
  createdBy!: string;

  @Column({ type: timestampType(), name: 'created_at' })
  createdAt!: Date;

  @Column({ type: timestampType(), name: 'updated_at' })
  updatedAt!: Date;
}
