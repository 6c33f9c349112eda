import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';
import type { FeedbackCategory, FeedbackClocks, FeedbackSource, FeedbackState, FeedbackVerdict, PersistedFeedback } from '@motcua/workflow';

/**
 * A citizen's feedback or petition (phản ánh, kiến nghị — PAKN). Like a dossier: `state`
 * mirrors the machine snapshot, `version` is the compare-and-set counter, and every change
 * goes through the shared transition path (workflow-records/apply-transition.ts). The
 * indicator facts (5.1–5.3) are columns: category, receivedAt, handledAt, dueAt, onTime, verdict.
 */
@Entity('feedback')
@Index('ix_feedback_state', ['state', 'receivedAt'])
@Index('ix_feedback_department', ['departmentCode', 'receivedAt'])
@Index('ix_feedback_received', ['receivedAt'])
@Index('ix_feedback_handled', ['handledAt'])
@Index('ix_feedback_dossier', ['dossierId'])
export class FeedbackEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** `PAKN-<agency id>-YYMMDD-NNNN`, given to the citizen with the secret. */
  @Column({ type: 'varchar', length: 48, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 32, name: 'lookup_secret' })
  lookupSecret!: string;

  @Column({ type: 'varchar', length: 32 })
  state!: FeedbackState;

  @Column({ type: 'simple-json' })
  snapshot!: PersistedFeedback;

  @Column({ type: 'integer', name: 'machine_version' })
  machineVersion!: number;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 16 })
  source!: FeedbackSource;

  /** The dossier it is about, when linked (its dossier then counts as complained about, indicator 5.4). */
  @Column({ type: 'varchar', length: 36, name: 'dossier_id', nullable: true })
  dossierId!: string | null;

  @Column({ type: 'varchar', length: 48, name: 'dossier_code', nullable: true })
  dossierCode!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  category!: FeedbackCategory | null;

  /** Department handling it (set by CLASSIFY); its specialists see and answer it. */
  @Column({ type: 'varchar', length: 32, name: 'department_code', nullable: true })
  departmentCode!: string | null;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  content!: string;

  @Column({ type: 'varchar', length: 120, name: 'author_name' })
  authorName!: string;

  @Column({ type: 'varchar', length: 20, name: 'author_phone', nullable: true })
  authorPhone!: string | null;

  @Column({ type: 'varchar', length: 254, name: 'author_email', nullable: true })
  authorEmail!: string | null;

  @Column({ type: 'text', name: 'author_address', nullable: true })
  authorAddress!: string | null;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ type: timestampType(), name: 'answered_at', nullable: true })
  answeredAt!: Date | null;

  @Column({ type: timestampType(), name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  /** Deadline phase clocks (libs/workflow feedback-clock.ts), stored as computed. */
  @Column({ type: 'simple-json' })
  clocks!: FeedbackClocks;

  @Column({ type: timestampType(), name: 'received_at' })
  receivedAt!: Date;

  /** Due time of the handling (15 working days by default, paused time excluded). */
  @Column({ type: timestampType(), name: 'due_at', nullable: true })
  dueAt!: Date | null;

  /** When handling ended: answered, rejected or closed. */
  @Column({ type: timestampType(), name: 'handled_at', nullable: true })
  handledAt!: Date | null;

  /** See `feedbackTimeliness`: null while undecided. */
  @Column({ type: 'boolean', name: 'on_time', nullable: true })
  onTime!: boolean | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  verdict!: FeedbackVerdict | null;

  @Column({ type: timestampType(), name: 'rated_at', nullable: true })
  ratedAt!: Date | null;

  @Column({ type: timestampType(), name: 'finished_at', nullable: true })
  finishedAt!: Date | null;

  /** Staff user who recorded it at the counter; null when the citizen sent it. */
  @Column({ type: 'varchar', length: 36, name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ type: timestampType(), name: 'created_at' })
  createdAt!: Date;

  @Column({ type: timestampType(), name: 'updated_at' })
  updatedAt!: Date;
}
