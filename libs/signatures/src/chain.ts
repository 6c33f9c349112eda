import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { cryptoEngine } from './engine';
import { SignatureError } from './errors';
import { OID } from './oids';
import { pemBlocks } from './pem';
import type { VerificationFailure } from './types';

/** pkijs resultCode for "The certificate is either not yet valid or expired". */
const PKIJS_VALIDITY_FAILURE = 8;

/**
 * Parses trust anchors. A bad anchor is a configuration error, so this throws instead of
 * returning a verdict.
 *
 * @throws {SignatureError} `INVALID_TRUST_ANCHOR`.
 */
export function parseAnchors(anchorsPem: readonly string[]): pkijs.Certificate[] {
  const anchors: pkijs.Certificate[] = [];
  for (const pem of anchorsPem) {
    let blocks: Buffer[];
    try {
      blocks = pemBlocks(pem, 'CERTIFICATE');
    } catch (error) {
      throw new SignatureError('INVALID_TRUST_ANCHOR', 'Trust anchor is not a PEM certificate', { cause: error });
    }
    if (blocks.length === 0) throw new SignatureError('INVALID_TRUST_ANCHOR', 'Trust anchor is not a PEM certificate');
    for (const der of blocks) {
      try {
        anchors.push(pkijs.Certificate.fromBER(new Uint8Array(der)));
      } catch (error) {
        throw new SignatureError('INVALID_TRUST_ANCHOR', 'Unreadable trust anchor certificate', { cause: error });
      }
    }
  }
  return anchors;
}

/** What the end-entity certificate is used for: signing documents, or timestamping (RFC 3161 §2.3). */
export type CertificatePurpose = 'signing' | 'timestamping';

/** Outcome of {@link validatePath}. */
export interface PathCheck {
  failures: VerificationFailure[];
  /** The validated path, end-entity first, ending with the anchor (empty when none was found). */
  path: pkijs.Certificate[];
}

/**
 * Certificates from PEM text (one or several blocks: a bundle) or DER bytes. Throws
 * `INVALID_TRUST_ANCHOR` naming what is wrong; callers loading a folder catch it per file.
 */
export function parseCertificates(input: string | Uint8Array): pkijs.Certificate[] {
  const text = typeof input === 'string' ? input : looksLikePem(input) ? Buffer.from(input).toString('latin1') : undefined;
  if (text === undefined) {
    try {
      return [pkijs.Certificate.fromBER(new Uint8Array(input as Uint8Array))];
    } catch (error) {
      throw new SignatureError('INVALID_TRUST_ANCHOR', 'Neither a PEM nor a DER certificate', { cause: error });
    }
  }
  return parseAnchors([text]);
}

function looksLikePem(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 4096)).toString('latin1').includes('-----BEGIN');
}

/**
 * Checks that the certificate may be used for `purpose` (keyUsage; extKeyUsage
 * timeStamping for a TSA), chains to one of the anchors (signatures, CA constraints, name
 * chaining — pkijs CertificateChainValidationEngine) and that every certificate of the path
 * was valid at `at`. Revocation is checked separately (revocation.ts).
 */
export async function validatePath(input: {
  leaf: pkijs.Certificate;
  intermediates: readonly pkijs.Certificate[];
  anchors: readonly pkijs.Certificate[];
  at: Date;
  purpose?: CertificatePurpose;
  requireNonRepudiation?: boolean;
}): Promise<PathCheck> {
  const { leaf, at } = input;
  const failures: VerificationFailure[] = [];
  if (!validAt(leaf, at)) {
    failures.push({
      code: 'CERT_NOT_VALID_AT_SIGNING_TIME',
      message: `The certificate of ${subjectName(leaf)} is valid from ${leaf.notBefore.value.toISOString()} to ${leaf.notAfter.value.toISOString()}, not at the trusted time ${at.toISOString()}`,
    });
  }
  const usage = input.purpose === 'timestamping' ? timestampingProblem(leaf) : keyUsageProblem(leaf, input.requireNonRepudiation ?? false);
  if (usage) failures.push({ code: 'KEY_USAGE_NOT_ALLOWED', message: usage });
  const chain = await chainFailures({ ...input, signer: leaf });
  failures.push(...chain.failures);
  return { failures: dedupe(failures), path: chain.path };
}

/** Backwards-compatible check of a signer certificate (used for detached scans). */
export async function checkSignerCertificate(input: {
  signer: pkijs.Certificate;
  intermediates: readonly pkijs.Certificate[];
  anchors: readonly pkijs.Certificate[];
  at: Date;
}): Promise<VerificationFailure[]> {
  return (await validatePath({ leaf: input.signer, intermediates: input.intermediates, anchors: input.anchors, at: input.at })).failures;
}

async function chainFailures(input: {
  signer: pkijs.Certificate;
  intermediates: readonly pkijs.Certificate[];
  anchors: readonly pkijs.Certificate[];
  at: Date;
}): Promise<PathCheck> {
  const { signer, anchors, at } = input;
  if (anchors.length === 0) return { failures: [{ code: 'UNTRUSTED_CHAIN', message: 'No trust anchors are configured' }], path: [] };
  if (anchors.some((anchor) => sameCertificate(anchor, signer))) {
    // The certificate itself is pinned as an anchor (pkijs refuses 1-element paths).
    return { failures: [], path: [signer] };
  }
  // pkijs takes the *last* element of certs as the leaf, after removing duplicates (later
  // ones first), so the signer must appear exactly once, at the end.
  const certs = [...input.intermediates.filter((c) => !sameCertificate(c, signer)), signer];
  const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: [...anchors], certs, checkDate: at });
  let result: pkijs.CertificateChainValidationEngineVerifyResult;
  try {
    result = await engine.verify({}, cryptoEngine());
  } catch (error) {
    return { failures: [{ code: 'UNTRUSTED_CHAIN', message: `Certificate path validation failed: ${describe(error)}` }], path: [] };
  }
  if (result.result) return { failures: [], path: orderPath(result.certificatePath ?? [], signer) };
  if (result.resultCode === PKIJS_VALIDITY_FAILURE) {
    return { failures: [{ code: 'CERT_NOT_VALID_AT_SIGNING_TIME', message: `A certificate of the path was not valid at the trusted time ${at.toISOString()}` }], path: [] };
  }
  return { failures: [{ code: 'UNTRUSTED_CHAIN', message: `The certificate of ${subjectName(signer)} does not chain to a trust anchor: ${result.resultMessage}` }], path: [] };
}

/** pkijs returns the path anchor-first or leaf-first depending on version: leaf first here. */
function orderPath(path: pkijs.Certificate[], leaf: pkijs.Certificate): pkijs.Certificate[] {
  if (path.length > 0 && sameCertificate(path[path.length - 1], leaf)) return [...path].reverse();
  return path;
}

/** The RFC 3161 §2.3 rule: a TSA certificate has exactly the critical extKeyUsage id-kp-timeStamping. */
function timestampingProblem(cert: pkijs.Certificate): string | undefined {
  const eku = cert.extensions?.find((e) => e.extnID === OID.extKeyUsage)?.parsedValue as pkijs.ExtKeyUsage | undefined;
  return eku?.keyPurposes.includes(OID.timeStamping) ? undefined : "The timestamp authority's certificate lacks extKeyUsage timeStamping";
}

export function subjectName(cert: pkijs.Certificate): string {
  const cn = cert.subject.typesAndValues.find((t) => t.type === OID.commonName);
  return cn ? String(cn.value.valueBlock.value) : 'the signer';
}

function validAt(cert: pkijs.Certificate, at: Date): boolean {
  return cert.notBefore.value.getTime() <= at.getTime() && at.getTime() <= cert.notAfter.value.getTime();
}

/**
 * keyUsage, when present, must allow digitalSignature or nonRepudiation (RFC 5280 §4.2.1.3);
 * with `requireNonRepudiation`, nonRepudiation (contentCommitment) itself.
 */
function keyUsageProblem(cert: pkijs.Certificate, requireNonRepudiation: boolean): string | undefined {
  const extension = cert.extensions?.find((e) => e.extnID === OID.keyUsage);
  if (!extension) return undefined;
  const bits = extension.parsedValue instanceof asn1js.BitString ? extension.parsedValue.valueBlock.valueHexView : undefined;
  const first = bits?.[0] ?? 0;
  const digitalSignature = (first & 0x80) !== 0;
  const nonRepudiation = (first & 0x40) !== 0;
  if (requireNonRepudiation && !nonRepudiation) return "The signer's certificate keyUsage lacks nonRepudiation, which the policy requires";
  return digitalSignature || nonRepudiation ? undefined : "The signer's certificate keyUsage allows neither digitalSignature nor nonRepudiation";
}

export function sameCertificate(a: pkijs.Certificate, b: pkijs.Certificate): boolean {
  return Buffer.from(a.tbsView).equals(Buffer.from(b.tbsView)) && Buffer.from(a.signatureValue.valueBlock.valueHexView).equals(Buffer.from(b.signatureValue.valueBlock.valueHexView));
}

function dedupe(failures: VerificationFailure[]): VerificationFailure[] {
  const seen = new Set<string>();
  return failures.filter((f) => (seen.has(f.code) ? false : (seen.add(f.code), true)));
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'resultMessage' in error) return String((error as { resultMessage: unknown }).resultMessage);
  return String(error);
}
