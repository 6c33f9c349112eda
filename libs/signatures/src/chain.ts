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

/**
 * Checks that the signer's certificate may sign, chains to one of the anchors (signatures,
 * CA constraints, name chaining — pkijs CertificateChainValidationEngine) and that every
 * certificate of the path was valid at `at`. No revocation checking (see README).
 */
export async function checkSignerCertificate(input: {
  signer: pkijs.Certificate;
  intermediates: readonly pkijs.Certificate[];
  anchors: readonly pkijs.Certificate[];
  at: Date;
}): Promise<VerificationFailure[]> {
  const { signer, at } = input;
  const failures: VerificationFailure[] = [];
  if (!validAt(signer, at)) {
    failures.push({
      code: 'CERT_NOT_VALID_AT_SIGNING_TIME',
      message: `The signer's certificate is valid from ${signer.notBefore.value.toISOString()} to ${signer.notAfter.value.toISOString()}, not at ${at.toISOString()}`,
    });
  }
  const usage = keyUsageProblem(signer);
  if (usage) failures.push({ code: 'UNTRUSTED_CHAIN', message: usage });
  failures.push(...(await chainFailures(input)));
  return dedupe(failures);
}

async function chainFailures(input: {
  signer: pkijs.Certificate;
  intermediates: readonly pkijs.Certificate[];
  anchors: readonly pkijs.Certificate[];
  at: Date;
}): Promise<VerificationFailure[]> {
  const { signer, anchors, at } = input;
  if (anchors.length === 0) return [{ code: 'UNTRUSTED_CHAIN', message: 'No trust anchors are configured' }];
  if (anchors.some((anchor) => sameCertificate(anchor, signer))) {
    // The signer's certificate itself is pinned as an anchor (pkijs refuses 1-element paths).
    return [];
  }
  // pkijs takes the *last* element of certs as the leaf, after removing duplicates (later
  // ones first), so the signer must appear exactly once, at the end.
  const certs = [...input.intermediates.filter((c) => !sameCertificate(c, signer)), signer];
  const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: [...anchors], certs, checkDate: at });
  let result: pkijs.CertificateChainValidationEngineVerifyResult;
  try {
    result = await engine.verify({}, cryptoEngine());
  } catch (error) {
    return [{ code: 'UNTRUSTED_CHAIN', message: `Certificate path validation failed: ${describe(error)}` }];
  }
  if (result.result) return [];
  if (result.resultCode === PKIJS_VALIDITY_FAILURE) {
    return [{ code: 'CERT_NOT_VALID_AT_SIGNING_TIME', message: `A certificate of the path was not valid at ${at.toISOString()}` }];
  }
  return [{ code: 'UNTRUSTED_CHAIN', message: `The signer's certificate does not chain to a trust anchor: ${result.resultMessage}` }];
}

function validAt(cert: pkijs.Certificate, at: Date): boolean {
  return cert.notBefore.value.getTime() <= at.getTime() && at.getTime() <= cert.notAfter.value.getTime();
}

/** keyUsage, when present, must allow digitalSignature or nonRepudiation (RFC 5280 §4.2.1.3). */
function keyUsageProblem(cert: pkijs.Certificate): string | undefined {
  const extension = cert.extensions?.find((e) => e.extnID === OID.keyUsage);
  if (!extension) return undefined;
  const bits = extension.parsedValue instanceof asn1js.BitString ? extension.parsedValue.valueBlock.valueHexView : undefined;
  const first = bits?.[0] ?? 0;
  const digitalSignature = (first & 0x80) !== 0;
  const nonRepudiation = (first & 0x40) !== 0;
  return digitalSignature || nonRepudiation ? undefined : "The signer's certificate keyUsage allows neither digitalSignature nor nonRepudiation";
}

function sameCertificate(a: pkijs.Certificate, b: pkijs.Certificate): boolean {
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
