import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

/** `removed`: a wrong scan or unissued result taken out (kept, with what it was in `removedFrom`). */
export type FilePurpose = 'component' | 'result' | 'receipt' | 'supplement_request' | 'refusal' | 'apology' | 'control_slip' | 'removed';

/** What TT 01/2023 Art 7–9 asks to record about a digitised paper (DOMAIN.md §3.3; field list UNVERIFIED). */
export interface DigitisationMetadata {
  documentType?: string;
  documentName?: string;
  numberAndSymbol?: string;
  issuedOn?: string;
  issuer?: string;
  summary?: string;
  validUntil?: string;
  validityScope?: string;
}

/** The signature recorded for a stored file: who signed, with which certificate, and the verdict. */
export interface SignatureRecord {
  kind: 'detached_cms' | 'pdf';
  signerName: string | null;
  /** The signer certificate's organisation (O), e.g. the agency. */
  signerOrganization?: string | null;
  certificateSerial: string | null;
  certificateIssuer: string | null;
  signingTime: string | null;
  documentSha256: string;
  valid: boolean;
  reasons: string[];
  /** Who signed on whose behalf: the digitising clerk, the agency, or an external signer (USB token). */
  onBehalfOf: string | null;
  /** When the server received the file: the trusted time of signatures without a timestamp, and the time re-verification uses. */
  receivedAt?: string;
  /** When this verdict was computed. */
  verifiedAt?: string;
  /** Trusted time of the main signature and where it comes from (`signature_timestamp`, `document_timestamp`, `upload`). */
  trustedTime?: string | null;
  trustedTimeSource?: string | null;
  /** Every signature of a PDF, in file order. */
  signatures?: SignatureEntry[];
  /** Revocation answers fetched online while verifying (DER, base64): re-verification uses them again. */
  evidence?: { ocsps: string[]; crls: string[] };
}

/** One signature of a PDF as recorded (libs/signatures PdfSignatureReport, serialisable). */
export interface SignatureEntry {
  index: number;
  kind: 'approval' | 'certification' | 'document_timestamp';
  fieldName: string | null;
  valid: boolean;
  reasons: string[];
  messages: string[];
  warnings: string[];
  signerName: string | null;
  certificateIssuer: string | null;
  certificateSerial: string | null;
  claimedSigningTime: string | null;
  trustedTime: string;
  trustedTimeSource: string;
  timestampAuthority: string | null;
  revision: number;
  coversWholeFile: boolean;
  changesAfter: Array<{ kind: string; description: string; allowed: boolean }>;
  digestAlgorithm: string | null;
  signatureAlgorithm: string | null;
  docMdp: number | null;
  chain: Array<{ subject: string; sha256: string; notAfter: string }>;
  revocation: Array<{ certificate: string; status: string; source: string | null; revokedAt: string | null; detail: string }>;
}

/**
 * A stored file of a dossier: a digitised component, the result, or a generated form.
 * Indexed by the applicant's ID number too: that is the applicant's data store
 * (Kho quản lý dữ liệu điện tử, TT 01/2023 Art 24), from which a later dossier can reuse it.
 */
@Entity('dossier_file')
@Index('ix_dossier_file_dossier', ['dossierId', 'purpose'])
@Index('ix_dossier_file_applicant', ['applicantIdNumber', 'purpose'])
@Index('ux_dossier_file_digitisation_code', ['digitisationCode'], { unique: true })
export class DossierFileEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36, name: 'dossier_id' })
  dossierId!: string;

  @Column({ type: 'varchar', length: 32, name: 'applicant_id_number' })
  applicantIdNumber!: string;

  @Column({ type: 'varchar', length: 24 })
  purpose!: FilePurpose;

  @Column({ type: 'varchar', length: 64, name: 'component_key', nullable: true })
  componentKey!: string | null;

  @Column({ type: 'varchar', length: 512, name: 'storage_key' })
  storageKey!: string;

  @Column({ type: 'varchar', length: 255, name: 'file_name' })
  fileName!: string;

  /** Sniffed from the bytes, never the client's claim. */
  @Column({ type: 'varchar', length: 100, name: 'content_type' })
  contentType!: string;

  @Column({ type: 'integer' })
  size!: number;

  /** SHA-256 computed by the server while streaming. */
  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ type: 'varchar', length: 36, name: 'uploaded_by' })
  uploadedBy!: string;

  @Column({ type: timestampType(), name: 'uploaded_at' })
  uploadedAt!: Date;

  /** Mã kết quả số hóa (TT 01/2023 Art 8; structure UNVERIFIED, see the generator). */
  @Column({ type: 'varchar', length: 64, name: 'digitisation_code', nullable: true })
  digitisationCode!: string | null;

  @Column({ type: 'simple-json', nullable: true })
  metadata!: DigitisationMetadata | null;

  @Column({ type: 'simple-json', nullable: true })
  signature!: SignatureRecord | null;

  /** Object key of the detached CMS signature, when the file was signed by the service. */
  @Column({ type: 'varchar', length: 512, name: 'signature_key', nullable: true })
  signatureKey!: string | null;

  /** Set when this row reuses a file of an earlier dossier from the applicant's data store (indicator 4.3). */
  @Column({ type: 'varchar', length: 36, name: 'reused_from', nullable: true })
  reusedFrom!: string | null;

  /** The purpose the file had before it was removed; null while it is in use. */
  @Column({ type: 'varchar', length: 24, name: 'removed_from', nullable: true })
  removedFrom?: FilePurpose | null;

  @Column({ type: timestampType(), name: 'removed_at', nullable: true })
  removedAt?: Date | null;

  @Column({ type: 'varchar', length: 36, name: 'removed_by', nullable: true })
  removedBy?: string | null;

  @Column({ type: 'varchar', length: 500, name: 'removed_reason', nullable: true })
  removedReason?: string | null;
}
