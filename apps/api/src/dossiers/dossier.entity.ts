import type { IntakeRecord } from './intake-record';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';
import type { Channel, DossierState, PersistedDossier } from '@motcua/workflow';
import type { DeadlineStatus, Outcome } from '@motcua/deadlines';
import type { RatingLevel } from '../ratings/dossier-rating.entity';
import type { PaymentMethod } from '../payments/dossier-payment.entity';

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
@Index('ix_dossier_deadline_status', ['deadlineStatus', 'dueAt'])
@Index('ix_dossier_received', ['receivedAt'])
@Index('ix_dossier_processing_ended', ['processingEndedAt'])
@Index('ix_dossier_assignee', ['assigneeId', 'dueAt'])
@Index('uq_dossier_result_token', ['resultToken'], { unique: true })
@Index('uq_dossier_submission_ref', ['submissionRef'], { unique: true })
export class DossierEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /**
   * The dossier's current code: the receipt code `<agency id>-YYMMDD-NNNN` (DOMAIN.md §2.6) once
   * received; for an online submission not yet accepted, its submission reference (see `submissionRef`).
   */
  @Column({ type: 'varchar', length: 48, unique: true })
  code!: string;

  /**
   * An online submission's own reference `NTT-YYMMDD-XXXX-XXXX` (submission-reference.ts), issued
   * when it arrives and kept after ACCEPT gives it the receipt code, so the reference the citizen and
   * the portal were given still finds it. `null` for counter dossiers (received at creation).
   */
  @Column({ type: 'varchar', length: 48, name: 'submission_ref', nullable: true })
  submissionRef!: string | null;

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

  /**
   * The person working the dossier at its current step (claimed, or given by the department's
   * leader; libs/workflow assignment.ts); null when nobody holds it. Cleared when it leaves the step.
   */
  @Column({ type: 'varchar', length: 36, name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  @Column({ type: 'varchar', length: 255, name: 'applicant_name' })
  applicantName!: string;

  /** applicantName as search compares it (libs/text foldForSearch: no case, no diacritics); written with the name. */
  @Column({ type: 'varchar', length: 255, name: 'applicant_name_search', default: '' })
  applicantNameSearch!: string;

  @Column({ type: 'varchar', length: 32, name: 'applicant_id_number' })
  applicantIdNumber!: string;

  @Column({ type: 'varchar', length: 32, name: 'applicant_phone', nullable: true })
  applicantPhone!: string | null;

  @Column({ type: 'varchar', length: 255, name: 'applicant_email', nullable: true })
  applicantEmail!: string | null;

  @Column({ type: 'varchar', length: 500, name: 'applicant_address', nullable: true })
  applicantAddress!: string | null;

  /** What the clerk recorded as received per component at intake (issue #12); null when not recorded. */
  @Column({ type: 'simple-json', name: 'intake_record', nullable: true })
  intakeRecord!: IntakeRecord | null;

  @Column({ type: timestampType(), name: 'submitted_at' })
  submittedAt!: Date;

  /** When the receipt was issued and the clock started; null while submitted or if rejected. */
  @Column({ type: timestampType(), name: 'received_at', nullable: true })
  receivedAt!: Date | null;

  /** Appointment date (hẹn trả) — null until received. */
  @Column({ type: timestampType(), name: 'due_at', nullable: true })
  dueAt!: Date | null;

  /** When the dossier reached an end state (returned, refused, …). */
  @Column({ type: timestampType(), name: 'finished_at', nullable: true })
  finishedAt!: Date | null;

  // --- Deadline clock (libs/deadlines). dueAt above is the legal due time. ---

  /** The appointment shown to the applicant: dueAt, or the date of an apology letter. */
  @Column({ type: timestampType(), name: 'appointment_at', nullable: true })
  appointmentAt!: Date | null;

  /**
   * The legal appointment given at receipt (NgayHenTra of the portal record). Neither a
   * supplementation nor an apology moves it: the Index subtracts the supplementation time
   * instead, and an apology never makes a late dossier on time (DOMAIN.md §1.4–1.5).
   */
  @Column({ type: timestampType(), name: 'legal_appointment_at', nullable: true })
  legalAppointmentAt!: Date | null;

  /** Start of the supplementation pause in progress. */
  @Column({ type: timestampType(), name: 'paused_at', nullable: true })
  pausedAt!: Date | null;

  @Column({ type: 'integer', name: 'paused_minutes', default: 0 })
  pausedMinutes!: number;

  /** Supplementation requests while the clock ran; more than one makes the dossier late (DOMAIN.md §1.4, 2.1). */
  @Column({ type: 'integer', name: 'supplement_requests', default: 0 })
  supplementRequests!: number;

  /** When the current step (currentStepIndex) was entered, and its own due time. */
  @Column({ type: timestampType(), name: 'step_entered_at', nullable: true })
  stepEnteredAt!: Date | null;

  @Column({ type: timestampType(), name: 'step_due_at', nullable: true })
  stepDueAt!: Date | null;

  /** End of processing (result issued, refused, stopped, withdrawn): the instant the outcome is judged at. */
  @Column({ type: timestampType(), name: 'processing_ended_at', nullable: true })
  processingEndedAt!: Date | null;

  /** early | on_time | late, decided once when processing ends. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  outcome!: Outcome | null;

  /** on_track | due_soon | overdue, kept by the deadline sweep; null when the clock is not running. */
  @Column({ type: 'varchar', length: 10, name: 'deadline_status', nullable: true })
  deadlineStatus!: DeadlineStatus | null;

  // --- File facts for the indicators (4.1–4.3), set in the transaction that stores the file. ---

  /** Every required component has a file (uploaded or reused) — indicator 4.2. */
  @Column({ type: 'boolean', default: false })
  digitised!: boolean;

  /** At least one component reused from the applicant's data store — indicator 4.3. */
  @Column({ type: 'boolean', name: 'reused_component', default: false })
  reusedComponent!: boolean;

  /** An electronic result was issued — indicator 4.1. */
  @Column({ type: 'boolean', name: 'e_result', default: false })
  eResult!: boolean;

  /** The applicant's satisfaction rating (copy of dossier_rating.level, for the indicator aggregates). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  rating!: RatingLevel | null;

  /** The procedure charges a fee or charge (indicator 3.6 denominator). */
  @Column({ type: 'boolean', name: 'fee_applies', default: false })
  feeApplies!: boolean;

  /** How the fee was paid (copy of dossier_payment.method). */
  @Column({ type: 'varchar', length: 24, name: 'payment_method', nullable: true })
  paymentMethod!: PaymentMethod | null;

  /** Imported from the previous system: read-only, counted in the indicators like live ones. */
  @Column({ type: 'boolean', default: false })
  imported!: boolean;

  /** The procedure returns a paper result (indicators 3.3, 4.1, 4.2), copied from the version received under. */
  @Column({ type: 'boolean', name: 'paper_result', default: false })
  paperResult!: boolean;

  /** A complaint (phản ánh, kiến nghị) was filed about this dossier (indicator 5.4). */
  @Column({ type: 'boolean', name: 'has_complaint', default: false })
  hasComplaint!: boolean;

  /** Working time from receipt to the end of processing, supplementation pauses excluded (indicator 2.2). */
  @Column({ type: 'integer', name: 'processing_working_minutes', nullable: true })
  processingWorkingMinutes!: number | null;

  /** Field (lĩnh vực) of the procedure, for grouping the indicators. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  field!: string | null;

  /** Department of the first processing step, for grouping the indicators. */
  @Column({ type: 'varchar', length: 32, name: 'department_code', nullable: true })
  departmentCode!: string | null;

  /** Code of the issued electronic result (MaKetQua), set with ISSUE_RESULT. */
  @Column({ type: 'varchar', length: 64, name: 'result_code', nullable: true })
  resultCode!: string | null;

  /** Unguessable part of the result's public link (DuongDanTepTinKetQua). */
  @Column({ type: 'varchar', length: 48, name: 'result_token', nullable: true })
  resultToken!: string | null;

  /** The signed result file the link serves. */
  @Column({ type: 'varchar', length: 36, name: 'result_file_id', nullable: true })
  resultFileId!: string | null;

  /** The result's link as the previous system published it (imported dossiers); our own results use `resultToken`. */
  @Column({ type: 'varchar', length: 1000, name: 'result_link', nullable: true })
  resultLink!: string | null;

  /** Secret of the public lookup link printed (as a QR code) on the receipt. */
  @Column({ type: 'varchar', length: 64, name: 'lookup_secret', nullable: true })
  lookupSecret!: string | null;

  @Column({ type: 'varchar', length: 36, name: 'created_by' })
  createdBy!: string;

  @Column({ type: timestampType(), name: 'created_at' })
  createdAt!: Date;

  @Column({ type: timestampType(), name: 'updated_at' })
  updatedAt!: Date;
}
