/**
 * @motcua/signatures — digital signatures for dossiers: a demo PKI, PDF signing
 * (adbe.pkcs7.detached, CMS built with pkijs), rigorous verification of signed PDFs
 * (including ones signed elsewhere, e.g. with a USB token), and detached CMS for scans.
 *
 * Verification never throws for untrusted input; it returns a verdict with reasons.
 */
export { certificateSummary } from './certificate-summary';
export {
  createDemoPki,
  DEMO_CA_COMMON_NAME,
  TRIAL_CA_COMMON_NAME,
  issueUserCertificate,
  toPkcs12,
  type CreateDemoPkiOptions,
  type DemoCertificateAuthority,
  type DemoPki,
  type IssuedCertificate,
  type IssueUserCertificateOptions,
} from './demo-pki';
export { signDetached, verifyDetached } from './detached';
export { SignatureError, type SignatureErrorCode } from './errors';
export { identityFromPem, loadPkcs12 } from './identity';
export { checkSigningIdentity, type IdentityCheck } from './identity-check';
export { addDocumentTimestamp, addValidationData, signPdf, type PdfSignExtras } from './pdf-sign';
export { verifyPdfSignature, type PdfVerifyOptions } from './pdf-verify';
export { DEFAULT_POLICY, resolvePolicy, type RevocationMode, type VerificationPolicy } from './policy';
export { emptyMaterial, mergeMaterial, type HttpFetcher, type RevocationMaterial } from './revocation-data';
export { requestTimestamp } from './timestamp';
export { TrustStore } from './trust-store';
export { parseCertificates } from './chain';
export { collectRevocationFor } from './revocation-collect';
export { cachingFetcher, httpFetcher } from './http-fetcher';
export type {
  CertificateSummary,
  ChainEntry,
  PdfSignatureReport,
  WarningCode,
  DetachedSignOptions,
  DetachedVerification,
  FailureCode,
  PdfSignOptions,
  PdfVerification,
  SignerSummary,
  SigningIdentity,
  TrustOptions,
  Verification,
  VerificationFailure,
} from './types';
