import { createHash, timingSafeEqual } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { signerSummary } from './certificate-summary';
import { cryptoEngine } from './engine';
import { checkSigningCertificate } from './ess';
import { digestByOid, digestOfSignatureOid, OID, type DigestName } from './oids';
import { digestAcceptance, type VerificationPolicy } from './policy';
import type { RevocationMaterial } from './revocation-data';
import type { SignerSummary, VerificationFailure } from './types';

/** Input of {@link checkCms}. */
export interface CmsCheckInput {
  /** CMS ContentInfo bytes. */
  cms: Uint8Array;
  /** Accept trailing 0x00 bytes after the DER (the zero padding of a PDF /Contents). */
  allowZeroPadding: boolean;
  /**
   * Detached content: its digest with the algorithm the signer declared. Absent → the CMS
   * must encapsulate content of type `encapsulatedType` (an RFC 3161 token's TSTInfo).
   */
  digest?: (algorithm: DigestName) => Promise<Buffer>;
  encapsulatedType?: string;
  policy: VerificationPolicy;
}

/** Outcome of {@link checkCms}: the cryptographic checks only (no path, time or revocation). */
export interface CmsCheck {
  failures: VerificationFailure[];
  /** Accepted but worth saying (e.g. a SHA-1 signature under the legacy switch). */
  warnings: VerificationFailure[];
  signer?: SignerSummary;
  signerCert?: pkijs.Certificate;
  /** Every certificate included in the CMS. */
  certificates: pkijs.Certificate[];
  /** The signingTime signed attribute: the signer's claim, vouched for by nobody. */
  signingTime?: Date;
  digestAlgorithm?: DigestName;
  signatureAlgorithm?: string;
  /** The signature value (what a signature timestamp's message imprint covers). */
  signatureValue?: Uint8Array;
  unsignedAttributes: pkijs.Attribute[];
  /** CRLs/OCSP responses carried in the CMS (SignedData.crls, adbe-revocationInfoArchival). */
  revocation: RevocationMaterial;
  /** Encapsulated content (for a timestamp token). */
  eContent?: Uint8Array;
}

const WEBCRYPTO_HASH: Record<DigestName, string> = { sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };
const DIGEST_BY_WEBCRYPTO: Record<string, DigestName> = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
const MAX_CERTIFICATES = 64;
/** id-ri-ocsp-response (RFC 5940): an OCSP response in SignedData.crls. */
const OCSP_REVOCATION_INFO = '1.3.6.1.5.5.7.16.2';

/**
 * Checks a CMS SignedData with exactly one signer:
 * 1. DER/BER parse, ContentInfo of type signedData; detached (no eContent) unless a
 *    timestamp token is expected;
 * 2. the signer's certificate is among the included certificates;
 * 3. signed attributes are present (a signature over the bare content is refused with
 *    NO_SIGNED_ATTRIBUTES) with one contentType and one messageDigest; the digest algorithm
 *    is accepted by the policy (SHA-1 only under the legacy switch, then flagged);
 * 4. messageDigest = digest of the content (else DIGEST_MISMATCH);
 * 5. the signature over the signed attributes, as the signer encoded them, verifies with the
 *    certificate's key; an ESS signing-certificate(-v2) attribute names that certificate.
 * Never throws for bad input: every problem becomes a failure.
 */
export async function checkCms(input: CmsCheckInput): Promise<CmsCheck> {
  const empty: CmsCheck = { failures: [], warnings: [], certificates: [], unsignedAttributes: [], revocation: { crls: [], ocsps: [], certs: [] } };
  const parsed = parseSignedData(input.cms, input.allowZeroPadding, input.encapsulatedType);
  if ('failure' in parsed) return { ...empty, failures: [parsed.failure] };
  const { signedData, signerInfo } = parsed;

  const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  if (certificates.length > MAX_CERTIFICATES) {
    // Path building verifies signatures of every candidate issuer: bound the work.
    return { ...empty, failures: [malformed(`Too many certificates in the signature (${certificates.length})`)] };
  }
  const result: CmsCheck = {
    ...empty,
    certificates,
    unsignedAttributes: signerInfo.unsignedAttrs?.attributes ?? [],
    signatureValue: new Uint8Array(signerInfo.signature.valueBlock.valueHexView),
    revocation: revocationInSignedData(signedData),
    eContent: parsed.eContent,
  };
  const signerCert = findSignerCertificate(signerInfo, certificates);
  if (!signerCert) return { ...result, failures: [malformed("The signer's certificate is not included in the signature")] };
  const signerDer = new Uint8Array(signerCert.toSchema().toBER());
  result.signerCert = signerCert;
  result.signer = signerSummary(signerDer);
  result.signatureAlgorithm = signerInfo.signatureAlgorithm.algorithmId;

  const attrs = signerInfo.signedAttrs?.attributes;
  if (!attrs || attrs.length === 0) {
    return {
      ...result,
      failures: [{ code: 'NO_SIGNED_ATTRIBUTES', message: 'The signature has no signed attributes (it signs the content directly, without binding the certificate or the content type): refused' }],
    };
  }
  const single = (type: string) => attrs.filter((a) => a.type === type);
  const contentTypes = single(OID.contentType);
  const messageDigests = single(OID.messageDigest);
  const signingTimes = single(OID.signingTime);
  if (contentTypes.length !== 1 || messageDigests.length !== 1 || signingTimes.length > 1) {
    return { ...result, failures: [malformed('Signed attributes must hold exactly one contentType, one messageDigest and at most one signingTime')] };
  }
  const contentType = contentTypes[0].values[0];
  const expectedType = input.encapsulatedType ?? OID.data;
  if (contentTypes[0].values.length !== 1 || !(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== expectedType) {
    return { ...result, failures: [malformed(`The contentType signed attribute is not ${expectedType}`)] };
  }
  const declaredDigest = messageDigests[0].values[0];
  if (messageDigests[0].values.length !== 1 || !(declaredDigest instanceof asn1js.OctetString)) {
    return { ...result, failures: [malformed('Unreadable messageDigest signed attribute')] };
  }
  if (signingTimes.length === 1) {
    const value = signingTimes[0].values[0];
    const time = value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime ? value.toDate() : undefined;
    if (signingTimes[0].values.length !== 1 || !time || Number.isNaN(time.getTime())) {
      return { ...result, failures: [malformed('Unreadable signingTime signed attribute')] };
    }
    result.signingTime = time;
  }
  const archival = single(OID.adbeRevocationInfoArchival);
  if (archival.length > 0) mergeRevocation(result.revocation, adobeArchival(archival[0]));

  const digestAlgorithm = digestByOid(signerInfo.digestAlgorithm.algorithmId);
  result.digestAlgorithm = digestAlgorithm;
  const acceptance = digestAcceptance(input.policy, digestAlgorithm);
  if (acceptance === 'refused' || !digestAlgorithm) {
    result.failures.push({
      code: 'WEAK_ALGORITHM',
      message: `Digest algorithm ${digestAlgorithm ?? signerInfo.digestAlgorithm.algorithmId} is not accepted (${input.policy.acceptedDigests.join('/')}${input.policy.allowSha1 ? ', SHA-1 as legacy' : ''})`,
    });
    return result;
  }
  if (acceptance === 'legacy') result.warnings.push({ code: 'WEAK_ALGORITHM_ACCEPTED', message: 'SHA-1 accepted under the legacy switch' });
  const actual = input.digest ? await input.digest(digestAlgorithm) : createHash(digestAlgorithm).update(parsed.eContent ?? new Uint8Array(0)).digest();
  const expected = Buffer.from(declaredDigest.valueBlock.valueHexView);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    result.failures.push({ code: 'DIGEST_MISMATCH', message: 'The signed content was modified: its digest differs from the signed messageDigest' });
  }
  const signatureProblem = await checkSignatureValue(signerInfo, signerCert, digestAlgorithm, input.policy);
  if (signatureProblem) result.failures.push(signatureProblem);
  for (const attribute of attrs.filter((a) => a.type === OID.signingCertificateV2 || a.type === OID.signingCertificate)) {
    const problem = checkSigningCertificate(attribute, signerDer);
    if (problem) result.failures.push(problem);
  }
  return result;
}

function parseSignedData(
  cms: Uint8Array,
  allowZeroPadding: boolean,
  encapsulatedType: string | undefined,
): { signedData: pkijs.SignedData; signerInfo: pkijs.SignerInfo; eContent?: Uint8Array } | { failure: VerificationFailure } {
  const bytes = new Uint8Array(cms); // own copy: pkijs keeps views into its input
  const asn1 = asn1js.fromBER(bytes);
  if (asn1.offset === -1 || asn1.result.error) return { failure: malformed('The signature is not DER/BER data') };
  const rest = bytes.subarray(asn1.offset);
  if (rest.length > 0 && (!allowZeroPadding || rest.some((b) => b !== 0))) {
    return { failure: malformed('Unexpected data after the CMS structure') };
  }
  let signedData: pkijs.SignedData;
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: asn1.result });
    if (contentInfo.contentType !== OID.signedData) return { failure: malformed('The signature is not a CMS SignedData') };
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch (error) {
    return { failure: malformed(`The signature is not a CMS SignedData: ${error instanceof Error ? error.message : String(error)}`) };
  }
  if (signedData.signerInfos.length !== 1) return { failure: malformed(`Expected one signer, found ${signedData.signerInfos.length}`) };
  const signerInfo = signedData.signerInfos[0];
  const { eContent, eContentType } = signedData.encapContentInfo;
  if (encapsulatedType) {
    if (eContentType !== encapsulatedType || !eContent) return { failure: malformed(`The token does not encapsulate ${encapsulatedType}`) };
    return { signedData, signerInfo, eContent: octets(eContent) };
  }
  // With eContent present the signature would cover *that*, not the file: refuse (pkijs'
  // own SignedData.verify silently prefers eContent over the detached data).
  if (eContent) return { failure: malformed('The CMS encapsulates content; a detached signature is required') };
  if (eContentType !== OID.data) return { failure: malformed('The CMS content type is not id-data') };
  return { signedData, signerInfo };
}

/** The bytes of an eContent OCTET STRING (primitive or constructed, as BER allows). */
function octets(value: asn1js.OctetString): Uint8Array {
  if (!value.idBlock.isConstructed) return new Uint8Array(value.valueBlock.valueHexView);
  const parts = (value.valueBlock.value as asn1js.OctetString[]).map((part) => octets(part));
  return Buffer.concat(parts);
}

function findSignerCertificate(signerInfo: pkijs.SignerInfo, certificates: pkijs.Certificate[]): pkijs.Certificate | undefined {
  const sid: unknown = signerInfo.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    const exact = certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
    if (exact) return exact;
    // node-forge (hence @signpdf/signer-p12) writes a non-ASCII UTF8String issuer name
    // UTF-8-encoded twice, so the issuer never matches. The sid only *points* at the
    // certificate; the signature check and the path validation decide, so fall back to
    // the single certificate with that serial number.
    const sameSerial = certificates.filter((c) => c.serialNumber.isEqual(sid.serialNumber));
    return sameSerial.length === 1 ? sameSerial[0] : undefined;
  }
  // [0] SubjectKeyIdentifier
  if (sid instanceof asn1js.BaseBlock) {
    const block = sid as asn1js.Constructed | asn1js.Primitive;
    const keyId = Buffer.from(
      block.idBlock.isConstructed
        ? ((block as asn1js.Constructed).valueBlock.value[0] as asn1js.OctetString).valueBlock.valueHexView
        : (block as asn1js.Primitive).valueBlock.valueHexView,
    );
    return certificates.find((c) => {
      const ski = c.extensions?.find((e) => e.extnID === OID.subjectKeyIdentifier)?.parsedValue;
      const own = ski instanceof asn1js.OctetString
        ? Buffer.from(ski.valueBlock.valueHexView)
        : createHash('sha1').update(c.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest();
      return own.equals(keyId);
    });
  }
  return undefined;
}

/** Verifies a signature value over `data` with a certificate's key, the hash from the algorithm or `digest`. */
export async function verifySignatureValue(
  data: Uint8Array,
  signature: asn1js.OctetString | asn1js.BitString,
  cert: pkijs.Certificate,
  algorithm: pkijs.AlgorithmIdentifier,
  digest: DigestName,
  policy: VerificationPolicy,
): Promise<VerificationFailure | undefined> {
  const engine = cryptoEngine();
  // Bare key-type OIDs carry no hash: the digest algorithm applies (as in pkijs).
  const bareKeyType = algorithm.algorithmId === OID.rsaEncryption || algorithm.algorithmId === OID.ecPublicKey;
  let hash: string;
  try {
    hash = bareKeyType ? WEBCRYPTO_HASH[digest] : algorithm.algorithmId === OID.rsassaPss ? engine.getHashAlgorithm(pssHash(algorithm)) : engine.getHashAlgorithm(algorithm);
  } catch {
    hash = '';
  }
  const named = DIGEST_BY_WEBCRYPTO[hash.toUpperCase()] ?? digestOfSignatureOid(algorithm.algorithmId);
  if (digestAcceptance(policy, named) === 'refused') {
    return { code: 'WEAK_ALGORITHM', message: `Signature algorithm ${algorithm.algorithmId} is not accepted` };
  }
  try {
    const ok = bareKeyType
      ? await engine.verifyWithPublicKey(data, signature as asn1js.OctetString, cert.subjectPublicKeyInfo, algorithm, hash)
      : await engine.verifyWithPublicKey(data, signature as asn1js.OctetString, cert.subjectPublicKeyInfo, algorithm);
    if (ok) return undefined;
    return { code: 'SIGNATURE_INVALID', message: "The signature does not verify with the signer's certificate" };
  } catch (error) {
    return { code: 'SIGNATURE_INVALID', message: `The signature could not be verified: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function checkSignatureValue(
  signerInfo: pkijs.SignerInfo,
  signerCert: pkijs.Certificate,
  digestAlgorithm: DigestName,
  policy: VerificationPolicy,
): Promise<VerificationFailure | undefined> {
  // The signature covers the signed attributes exactly as the signer encoded them
  // (pkijs keeps those bytes, retagged as SET); re-encoding could change them.
  return verifySignatureValue(new Uint8Array(signerInfo.signedAttrs!.encodedValue), signerInfo.signature, signerCert, signerInfo.signatureAlgorithm, digestAlgorithm, policy);
}

/** RSASSA-PSS parameters name their hash; pkijs resolves it from a params object. */
function pssHash(algorithm: pkijs.AlgorithmIdentifier): pkijs.AlgorithmIdentifier {
  try {
    const params = new pkijs.RSASSAPSSParams({ schema: algorithm.algorithmParams });
    return new pkijs.AlgorithmIdentifier({ algorithmId: params.hashAlgorithm.algorithmId === OID.sha1 ? OID.sha1WithRsa : { [OID.sha256]: OID.sha256WithRsa, [OID.sha384]: OID.sha384WithRsa, [OID.sha512]: OID.sha512WithRsa }[params.hashAlgorithm.algorithmId] ?? '' });
  } catch {
    return new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha1WithRsa });
  }
}

function revocationInSignedData(signedData: pkijs.SignedData): RevocationMaterial {
  const material: RevocationMaterial = { crls: [], ocsps: [], certs: [] };
  for (const item of signedData.crls ?? []) {
    if (item instanceof pkijs.CertificateRevocationList) material.crls.push(new Uint8Array(item.toSchema().toBER()));
    else if (item instanceof pkijs.OtherRevocationInfoFormat && item.otherRevInfoFormat === OCSP_REVOCATION_INFO) {
      const info = item.otherRevInfo as asn1js.BaseBlock;
      material.ocsps.push(new Uint8Array(info.toBER()));
    }
  }
  return material;
}

/**
 * RevocationInfoArchival ::= SEQUENCE { crl [0] EXPLICIT SEQUENCE OF CRLs OPTIONAL,
 * ocsp [1] EXPLICIT SEQUENCE OF OCSPResponse OPTIONAL, otherRevInfo [2] … } (ISO 32000-1 §12.8.3.3.2).
 */
function adobeArchival(attribute: pkijs.Attribute): RevocationMaterial {
  const material: RevocationMaterial = { crls: [], ocsps: [], certs: [] };
  const value = attribute.values[0];
  if (!(value instanceof asn1js.Sequence)) return material;
  for (const tagged of value.valueBlock.value) {
    if (!(tagged instanceof asn1js.Constructed) || tagged.idBlock.tagClass !== 3) continue;
    const list = tagged.valueBlock.value[0];
    if (!(list instanceof asn1js.Sequence)) continue;
    const items = list.valueBlock.value.map((item) => new Uint8Array(item.toBER()));
    if (tagged.idBlock.tagNumber === 0) material.crls.push(...items);
    else if (tagged.idBlock.tagNumber === 1) material.ocsps.push(...items);
  }
  return material;
}

function mergeRevocation(into: RevocationMaterial, more: RevocationMaterial): void {
  into.crls.push(...more.crls);
  into.ocsps.push(...more.ocsps);
  into.certs.push(...more.certs);
}

function malformed(message: string): VerificationFailure {
  return { code: 'MALFORMED', message };
}
