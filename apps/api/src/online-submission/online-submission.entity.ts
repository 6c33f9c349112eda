import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

/**
 * A citizen's online submission while it is being put together on the public page (issue #16):
 * the applicant's data and the procedure, then one file per component, then the confirmation that
 * makes the dossier. Until then nothing is a dossier; an unconfirmed draft is removed with its files
 * after ONLINE_SUBMISSION_DRAFT_HOURS. The draft is reached with its id and a token only its creator
 * was given (only its SHA-256 is kept).
 */
@Entity('online_submission')
@Index('ux_online_submission_dossier', ['dossierId'], { unique: true })
@Index('ix_online_submission_expires', ['expiresAt'])
export class OnlineSubmissionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64, name: 'token_hash' })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 64, name: 'procedure_code' })
  procedureCode!: string;

  @Column({ type: 'varchar', length: 36, name: 'procedure_version_id' })
  procedureVersionId!: string;

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

  /**
   * The citizen signed in with the identity provider (apps/api/src/identity) when starting: the
   * portal record's TaiKhoanDuocXacThucVoiVNeID (portal-records/record-source.ts).
   */
  @Column({ type: 'boolean', name: 'identity_verified', default: false })
  identityVerified!: boolean;

  /** The dossier the confirmation made; null while a draft. */
  @Column({ type: 'varchar', length: 36, name: 'dossier_id', nullable: true })
  dossierId!: string | null;

  @Column({ type: timestampType(), name: 'created_at' })
  createdAt!: Date;

  @Column({ type: timestampType(), name: 'expires_at' })
  expiresAt!: Date;

  @Column({ type: timestampType(), name: 'confirmed_at', nullable: true })
  confirmedAt!: Date | null;
}

/** A file uploaded for one component of a draft: one per component (a new upload replaces it). */
@Entity('online_submission_file')
@Index('ux_online_submission_file_component', ['submissionId', 'componentKey'], { unique: true })
export class OnlineSubmissionFileEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36, name: 'submission_id' })
  submissionId!: string;

  @Column({ type: 'varchar', length: 64, name: 'component_key' })
  componentKey!: string;

  @Column({ type: 'varchar', length: 512, name: 'storage_key' })
  storageKey!: string;

  @Column({ type: 'varchar', length: 255, name: 'file_name' })
  fileName!: string;

  @Column({ type: 'varchar', length: 100, name: 'content_type' })
  contentType!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ type: timestampType(), name: 'uploaded_at' })
  uploadedAt!: Date;
}
