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
  | 'MALFORMED';

/** One reason for refusing a signature: a machine code and an English explanation. */
export interface VerificationFailure {
  code: FailureCode;
  message: string;
}

/** The signer as read from its certificate. */
export interface SignerSummary {
  /** Subject common name (CN), or the whole subject DN when there is no CN. */
  name: string;
  /** Certificate serial number, lower-case hex without separators. */
  serialNumber: string;
  /** Issuer distinguished name (RFC 4514 string). */
  issuer: string;
  notBefore: Date;
  notAfter: Date;
}

/** What to trust when verifying. */
export interface TrustOptions {
  /** PEM trust anchors (root or intermediate CA certificates). Empty → nothing is trusted. */
  anchorsPem: readonly string[];
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

/** Verdict on the last signature of a PDF. */
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
