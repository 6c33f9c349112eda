import type { KeyObject } from 'node:crypto';

/**
 * Why a signature was refused. Several can apply at once (e.g. an untrusted chain whose
 * certificate had also expired); `valid` is true only when the list is empty.
 *
 * - `NO_SIGNATURE` — the PDF has no signature dictionary.
 * - `BYTE_RANGE_INVALID` — /ByteRange does not start at 0, is out of bounds, or its gap
 *   is not exactly the /Contents hex string of the signature dictionary.
 * - `NOT_WHOLE_FILE` — bytes exist after the signed range (appended data or an
 *   incremental update made after signing).
 * - `DIGEST_MISMATCH` — the signed bytes changed: their digest differs from the
 *   messageDigest the signer signed.
 * - `SIGNATURE_INVALID` — the signature over the signed attributes does not verify with
 *   the signer's key, the signing-certificate attribute names another certificate, or a
 *   weak/unknown algorithm was used.
 * - `UNTRUSTED_CHAIN` — no valid path from the signer's certificate to a trust anchor, or
 *   the certificate is not allowed to sign (keyUsage).
 * - `CERT_NOT_VALID_AT_SIGNING_TIME` — a certificate of the path was expired or not yet
 *   valid at the signing time.
 * - `MALFORMED` — not a PDF / not a CMS SignedData / structure this library cannot
 *   evaluate (unsupported SubFilter, encapsulated content, missing signed attributes…).
 */
export type FailureCode =
  | 'NO_SIGNATURE'
  | 'BYTE_RANGE_INVALID'
  | 'NOT_WHOLE_FILE'
  | 'DIGEST_MISMATCH'
  | 'SIGNATURE_INVALID'
  | 'UNTRUSTED_CHAIN'
  | 'CERT_NOT_VALID_AT_SIGNING_TIME'
  | 'MALFORMED'
  | NewFailureCode;

/**
 * Codes added with multi-signature, trusted-time and revocation checking:
 * - `NO_SIGNED_ATTRIBUTES` — the CMS signs the content directly (no signed attributes):
 *   nothing binds the certificate or content type to the signature, refused;
 * - `WEAK_ALGORITHM` — a digest/signature algorithm the policy does not accept (SHA-1 by default, MD5);
 * - `KEY_USAGE_NOT_ALLOWED` — the certificate's keyUsage/extKeyUsage does not allow this use;
 * - `TIMESTAMP_INVALID` — an RFC 3161 timestamp (signature or document) does not verify;
 * - `TIMESTAMP_UNTRUSTED` — it verifies, but its TSA does not chain to an anchor (or was not valid at genTime);
 * - `CLAIMED_TIME_AFTER_TRUSTED_TIME` — the signing time written by the signer is later than
 *   the trusted time (the timestamp, or the upload): a claim nobody can have made honestly;
 * - `REVOKED` — a certificate of the path was revoked at or before the trusted time;
 * - `REVOCATION_UNKNOWN` — no usable revocation answer and the policy requires one;
 * - `MODIFIED_AFTER_SIGNING` — an update after the signature changed what it does not permit
 *   (anything beyond validation data, document timestamps and, per DocMDP/FieldMDP, form
 *   filling, signing and annotations).
 */
export type NewFailureCode =
  | 'NO_SIGNED_ATTRIBUTES'
  | 'WEAK_ALGORITHM'
  | 'KEY_USAGE_NOT_ALLOWED'
  | 'TIMESTAMP_INVALID'
  | 'TIMESTAMP_UNTRUSTED'
  | 'CLAIMED_TIME_AFTER_TRUSTED_TIME'
  | 'REVOKED'
  | 'REVOCATION_UNKNOWN'
  | 'MODIFIED_AFTER_SIGNING';

/**
 * Said about a valid signature, never a reason to refuse it:
 * - `WEAK_ALGORITHM_ACCEPTED` — SHA-1 accepted under the legacy switch;
 * - `REVOCATION_NOT_CHECKED` — no revocation data in the file and online checking off;
 * - `REVOCATION_UNKNOWN_ACCEPTED` — no usable answer; the policy (`prefer`) accepts that;
 * - `NO_TIMESTAMP` — no RFC 3161 timestamp: the upload time is the trusted time.
 */
export type WarningCode = 'WEAK_ALGORITHM_ACCEPTED' | 'REVOCATION_NOT_CHECKED' | 'REVOCATION_UNKNOWN_ACCEPTED' | 'NO_TIMESTAMP';

/** One reason for refusing a signature (or a warning): a machine code and an English explanation. */
export interface VerificationFailure {
  code: FailureCode | WarningCode;
  message: string;
}

/** The signer as read from its certificate. */
export interface SignerSummary {
  /** Subject common name (CN), or the whole subject DN when there is no CN. */
  name: string;
  /** Subject organisation (O), when present: the agency a certificate was issued to. */
  organization?: string;
  /** Certificate serial number, lower-case hex without separators. */
  serialNumber: string;
  /** Issuer distinguished name (RFC 4514 string). */
  issuer: string;
  notBefore: Date;
  notAfter: Date;
}

/** What to trust when verifying a detached CMS. */
export interface TrustOptions {
  /** PEM trust anchors (root or intermediate CA certificates). Empty → nothing is trusted. */
  anchorsPem?: readonly string[];
  /** Parsed anchors and intermediates (PEM or DER sources); wins over `anchorsPem`. */
  trust?: import('./trust-store').TrustStore;
  /**
   * Time at which certificates must be valid when the signature carries no signingTime
   * attribute (default: now). A signingTime attribute, when present, always wins.
   */
  at?: Date;
}

/** Verdict on a detached CMS signature. */
export interface Verification {
  valid: boolean;
  reasons: VerificationFailure[];
  signer?: SignerSummary;
  /** The signingTime signed attribute (claimed by the signer, not a trusted timestamp). */
  signingTime?: Date;
  /** Digest algorithm declared by the signer (e.g. `sha256`). */
  digestAlgorithm?: string;
}

/** Verdict on a detached signature over arbitrary data (scans, images). */
export interface DetachedVerification extends Verification {
  /** SHA-256 of the data, hex. */
  dataSha256: string;
}

/** A certificate of a validated path, for display and for the record. */
export interface ChainEntry {
  subject: string;
  issuer: string;
  serialNumber: string;
  sha256: string;
  notBefore: Date;
  notAfter: Date;
}

/** The verdict on one signature (or document timestamp) of a PDF. */
export interface PdfSignatureReport {
  /** 1-based, in file order. */
  index: number;
  /** `certification`: the signature carries DocMDP; `document_timestamp`: /SubFilter ETSI.RFC3161. */
  kind: 'approval' | 'certification' | 'document_timestamp';
  fieldName?: string;
  valid: boolean;
  reasons: VerificationFailure[];
  warnings: VerificationFailure[];
  /** The signer (for a document timestamp: the TSA). */
  signer?: SignerSummary;
  subFilter?: string;
  digestAlgorithm?: string;
  signatureAlgorithm?: string;
  /** The signing time the signer wrote (CMS signingTime, else /M): a claim. */
  claimedSigningTime?: Date;
  /** The time the signature is proven to have existed, at which certificates and revocation are judged. */
  trustedTime: Date;
  trustedTimeSource: 'signature_timestamp' | 'document_timestamp' | 'upload';
  /** The signature's own RFC 3161 timestamp, when it has one that verifies. */
  timestamp?: { genTime: Date; tsa?: string };
  /** The revision the signature covers (1-based) and the byte its /ByteRange ends at. */
  revision: number;
  byteRangeEnd: number;
  coversWholeFile: boolean;
  /** Every change made by later updates, and whether this signature permits it. */
  changesAfter: Array<{ kind: string; object: string; description: string; allowed: boolean }>;
  /** DocMDP P of a certification signature. */
  docMdp?: 1 | 2 | 3;
  chain: ChainEntry[];
  revocation: Array<{ certificate: string; status: 'good' | 'revoked' | 'unknown' | 'not_checked'; source?: string; method?: string; revokedAt?: Date; detail: string }>;
  reason?: string;
  location?: string;
}

/**
 * Verdict on a signed PDF: valid only if it has signatures and every one is valid. The
 * top-level signer fields describe the last signature that is not a document timestamp
 * (normally the leader's).
 */
export interface PdfVerification extends Verification {
  /** SHA-256 of the whole file as received, hex. */
  documentSha256: string;
  /** The last signature's /ByteRange ends at the end of the file. */
  coversWholeFile: boolean;
  /** Number of signature dictionaries found in the document. */
  signatureCount: number;
  /** /SubFilter of the verified signature dictionary. */
  subFilter?: string;
  /** /Reason of the verified signature dictionary (inside the signed bytes). */
  reason?: string;
  /** /Location of the verified signature dictionary. */
  location?: string;
  signatures: PdfSignatureReport[];
  /** Trusted time of the top-level signature. */
  trustedTime?: Date;
  trustedTimeSource?: PdfSignatureReport['trustedTimeSource'];
  /** Revocation answers fetched online during this verification (DER): keep them, and pass them back as `evidence`. */
  evidence: { crls: Uint8Array[]; ocsps: Uint8Array[]; certs: Uint8Array[] };
}

/** A private key with its certificate and issuer chain, ready to sign. */
export interface SigningIdentity {
  /** The private key. Never serialised or logged by this library. */
  readonly privateKey: KeyObject;
  /** The signing certificate (PEM). */
  readonly certificatePem: string;
  /** Issuer certificates (PEM), the signer's issuer first, up to (and possibly including) the root. */
  readonly chainPem: readonly string[];
}

/** Options of {@link signPdf}. */
export interface PdfSignOptions {
  /** /Reason shown by PDF readers, e.g. "Số hoá bởi Nguyễn Văn A (bộ phận một cửa)". */
  reason: string;
  /** /Location, e.g. "Lai Châu". */
  location?: string;
  /** /Name; defaults to the certificate's common name. */
  signerName?: string;
  /** /M and the CMS signingTime attribute; defaults to now. */
  signingTime?: Date;
}

/** Options of {@link signDetached}. */
export interface DetachedSignOptions {
  /** CMS signingTime attribute; defaults to now. */
  signingTime?: Date;
}

/** Display data of a certificate. */
export interface CertificateSummary {
  subject: string;
  /** Subject CN, or the subject DN when there is none. */
  commonName: string;
  /** Subject O, when present. */
  organization?: string;
  issuer: string;
  /** Lower-case hex. */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  /** SHA-256 of the DER certificate, lower-case hex. */
  sha256Fingerprint: string;
  /** True when subject and issuer are the same name (a root / self-signed certificate). */
  selfIssued: boolean;
  isCa: boolean;
  /** keyUsage names, e.g. `digitalSignature`, `nonRepudiation`. Empty when absent. */
  keyUsage: string[];
  /** extKeyUsage OIDs. Empty when absent. */
  extendedKeyUsage: string[];
}
