import { createHash, timingSafeEqual } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { checkSignerCertificate } from './chain';
import { signerSummary } from './certificate-summary';
import { cryptoEngine } from './engine';
import { checkSigningCertificate } from './ess';
import { digestByOid, OID, type DigestName } from './oids';
import type { SignerSummary, VerificationFailure } from './types';

/** Input of {@link verifyDetachedCms}. */
export interface CmsCheckInput {
  /** CMS ContentInfo bytes. */
  cms: Uint8Array;
  /** Accept trailing 0x00 bytes after the DER (the zero padding of a PDF /Contents). */
  allowZeroPadding: boolean;
  /** Digest of the signed content with the algorithm the signer declared. */
  digest: (algorithm: DigestName) => Promise<Buffer>;
  anchors: readonly pkijs.Certificate[];
  /** Time to check certificates at when the CMS has no signingTime attribute. */
  fallbackTime: Date;
}

/** Outcome of {@link verifyDetachedCms}. */
export interface CmsCheck {
  failures: VerificationFailure[];
  signer?: SignerSummary;
  signingTime?: Date;
  digestAlgorithm?: DigestName;
}

const WEBCRYPTO_HASH: Record<DigestName, string> = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };
const MAX_CERTIFICATES = 32;
const ACCEPTED_SIGNATURE_HASHES = new Set(Object.values(WEBCRYPTO_HASH));

/**
 * Verifies a detached CMS SignedData with exactly one signer:
 * 1. DER/BER parse, ContentInfo of type signedData, no encapsulated content;
 * 2. the signer's certificate is found among the included certificates;
 * 3. digest algorithm is SHA-256/384/512; signed attributes contain one contentType (= id-data)
 *    and one messageDigest, equal to the digest of the content (else DIGEST_MISMATCH);
 * 4. the signature over the signed attributes, as encoded by the signer, verifies with the
 *    certificate's public key (else SIGNATURE_INVALID); an ESS signing-certificate(-v2)
 *    attribute, if present, names that certificate;
 * 5. the certificate chains to an anchor and the path is valid at signingTime (else at the
 *    fallback time).
 * Never throws for bad input: every problem becomes a failure.
 */
export async function verifyDetachedCms(input: CmsCheckInput): Promise<CmsCheck> {
  const parsed = parseSignedData(input.cms, input.allowZeroPadding);
  if ('failure' in parsed) return { failures: [parsed.failure] };
  const { signedData, signerInfo } = parsed;

  const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  if (certificates.length > MAX_CERTIFICATES) {
    // Path building verifies signatures of every candidate issuer: bound the work.
    return { failures: [malformed(`Too many certificates in the signature (${certificates.length})`)] };
  }
  const signerCert = await findSignerCertificate(signerInfo, certificates);
  if (!signerCert) return { failures: [malformed("The signer's certificate is not included in the signature")] };
  const signerDer = new Uint8Array(signerCert.toSchema().toBER());
  const signer = signerSummary(signerDer);

  const attrs = signerInfo.signedAttrs?.attributes;
  if (!attrs || attrs.length === 0) return { signer, failures: [malformed('The signature has no signed attributes (unsupported)')] };
  const single = (type: string) => attrs.filter((a) => a.type === type);
  const contentTypes = single(OID.contentType);
  const messageDigests = single(OID.messageDigest);
  const signingTimes = single(OID.signingTime);
  if (contentTypes.length !== 1 || messageDigests.length !== 1 || signingTimes.length > 1) {
    return { signer, failures: [malformed('Signed attributes must hold exactly one contentType, one messageDigest and at most one signingTime')] };
  }
  const contentType = contentTypes[0].values[0];
  if (contentTypes[0].values.length !== 1 || !(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== OID.data) {
    return { signer, failures: [malformed('The contentType signed attribute is not id-data')] };
  }
  const declaredDigest = messageDigests[0].values[0];
  if (messageDigests[0].values.length !== 1 || !(declaredDigest instanceof asn1js.OctetString)) {
    return { signer, failures: [malformed('Unreadable messageDigest signed attribute')] };
  }
  let signingTime: Date | undefined;
  if (signingTimes.length === 1) {
    const value = signingTimes[0].values[0];
    if (signingTimes[0].values.length !== 1 || !(value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime)) {
      return { signer, failures: [malformed('Unreadable signingTime signed attribute')] };
    }
    signingTime = value.toDate();
    if (Number.isNaN(signingTime.getTime())) return { signer, failures: [malformed('Unreadable signingTime signed attribute')] };
  }

  const failures: VerificationFailure[] = [];
  const digestAlgorithm = digestByOid(signerInfo.digestAlgorithm.algorithmId);
  if (!digestAlgorithm) {
    failures.push({ code: 'SIGNATURE_INVALID', message: `Digest algorithm ${signerInfo.digestAlgorithm.algorithmId} is not accepted (SHA-256/384/512 only)` });
  } else {
    const actual = await input.digest(digestAlgorithm);
    const expected = Buffer.from(declaredDigest.valueBlock.valueHexView);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      failures.push({ code: 'DIGEST_MISMATCH', message: 'The signed content was modified: its digest differs from the signed messageDigest' });
    }
    const signatureProblem = await checkSignatureValue(signerInfo, signerCert, digestAlgorithm);
    if (signatureProblem) failures.push(signatureProblem);
  }
  for (const attribute of attrs.filter((a) => a.type === OID.signingCertificateV2 || a.type === OID.signingCertificate)) {
    const problem = checkSigningCertificate(attribute, signerDer);
    if (problem) failures.push(problem);
  }

  const intermediates = certificates.filter((c) => c !== signerCert);
  failures.push(
    ...(await checkSignerCertificate({ signer: signerCert, intermediates, anchors: input.anchors, at: signingTime ?? input.fallbackTime })),
  );
  return { failures, signer, signingTime, digestAlgorithm };
}

function parseSignedData(
  cms: Uint8Array,
  allowZeroPadding: boolean,
): { signedData: pkijs.SignedData; signerInfo: pkijs.SignerInfo } | { failure: VerificationFailure } {
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
  // With eContent present the signature would cover *that*, not the file: refuse (pkijs'
  // own SignedData.verify silently prefers eContent over the detached data).
  if (signedData.encapContentInfo.eContent) return { failure: malformed('The CMS encapsulates content; a detached signature is required') };
  if (signedData.encapContentInfo.eContentType !== OID.data) return { failure: malformed('The CMS content type is not id-data') };
  return { signedData, signerInfo: signedData.signerInfos[0] };
}

async function findSignerCertificate(signerInfo: pkijs.SignerInfo, certificates: pkijs.Certificate[]): Promise<pkijs.Certificate | undefined> {
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

async function checkSignatureValue(
  signerInfo: pkijs.SignerInfo,
  signerCert: pkijs.Certificate,
  digestAlgorithm: DigestName,
): Promise<VerificationFailure | undefined> {
  const engine = cryptoEngine();
  const algorithm = signerInfo.signatureAlgorithm;
  // Bare key-type OIDs carry no hash: the digest algorithm applies (as in pkijs).
  const bareKeyType = algorithm.algorithmId === OID.rsaEncryption || algorithm.algorithmId === OID.ecPublicKey;
  const hash = bareKeyType ? WEBCRYPTO_HASH[digestAlgorithm] : engine.getHashAlgorithm(algorithm);
  if (!ACCEPTED_SIGNATURE_HASHES.has(hash.toUpperCase())) {
    return { code: 'SIGNATURE_INVALID', message: `Signature algorithm ${algorithm.algorithmId} is not accepted` };
  }
  // The signature covers the signed attributes exactly as the signer encoded them
  // (pkijs keeps those bytes, retagged as SET); re-encoding could change them.
  const data = signerInfo.signedAttrs!.encodedValue;
  try {
    const ok = bareKeyType
      ? await engine.verifyWithPublicKey(data, signerInfo.signature, signerCert.subjectPublicKeyInfo, algorithm, hash)
      : await engine.verifyWithPublicKey(data, signerInfo.signature, signerCert.subjectPublicKeyInfo, algorithm);
    if (ok) return undefined;
    return { code: 'SIGNATURE_INVALID', message: "The signature does not verify with the signer's certificate" };
  } catch (error) {
    return { code: 'SIGNATURE_INVALID', message: `The signature could not be verified: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function malformed(message: string): VerificationFailure {
  return { code: 'MALFORMED', message };
}
