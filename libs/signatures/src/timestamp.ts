import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { validatePath } from './chain';
import { checkCms } from './cms-verify';
import { digestByOid, OID, oidOfDigest, type DigestName } from './oids';
import { digestAcceptance, type VerificationPolicy } from './policy';
import type { HttpFetcher, RevocationMaterial } from './revocation-data';
import type { VerificationFailure } from './types';

/** A verified (or refused) RFC 3161 timestamp token. */
export interface TimestampCheck {
  failures: VerificationFailure[];
  genTime?: Date;
  /** The TSA's certificate subject CN. */
  tsa?: string;
  tsaCert?: pkijs.Certificate;
  tsaPath: pkijs.Certificate[];
  certificates: pkijs.Certificate[];
  revocation: RevocationMaterial;
}

/**
 * Verifies an RFC 3161 TimeStampToken over `imprintOf(algorithm)`: the token's CMS
 * (encapsulated TSTInfo, signed attributes, ESS signing-certificate), the message imprint,
 * and the TSA's path to an anchor with extKeyUsage timeStamping, at genTime.
 */
export async function verifyTimestampToken(input: {
  token: Uint8Array;
  imprintOf: (algorithm: DigestName) => Buffer;
  anchors: readonly pkijs.Certificate[];
  intermediates: readonly pkijs.Certificate[];
  policy: VerificationPolicy;
  allowZeroPadding?: boolean;
}): Promise<TimestampCheck> {
  const cms = await checkCms({ cms: input.token, allowZeroPadding: input.allowZeroPadding ?? false, encapsulatedType: OID.tstInfo, policy: input.policy });
  const base: TimestampCheck = { failures: [], tsaPath: [], certificates: cms.certificates, revocation: cms.revocation, tsaCert: cms.signerCert, tsa: cms.signer?.name };
  const fail = (message: string, extra: VerificationFailure[] = []): TimestampCheck => ({
    ...base,
    failures: [...extra.map((f) => ({ code: 'TIMESTAMP_INVALID' as const, message: `Timestamp: ${f.message}` })), ...(message ? [{ code: 'TIMESTAMP_INVALID' as const, message }] : [])],
  });
  if (cms.failures.length > 0 || !cms.eContent || !cms.signerCert) return fail('', cms.failures.length ? cms.failures : [{ code: 'MALFORMED', message: 'unreadable token' }]);
  let tst: pkijs.TSTInfo;
  try {
    tst = pkijs.TSTInfo.fromBER(cms.eContent);
  } catch {
    return fail('Timestamp: unreadable TSTInfo');
  }
  base.genTime = tst.genTime;
  const imprintDigest = digestByOid(tst.messageImprint.hashAlgorithm.algorithmId);
  if (digestAcceptance(input.policy, imprintDigest) === 'refused' || !imprintDigest) return fail(`Timestamp: message imprint algorithm ${tst.messageImprint.hashAlgorithm.algorithmId} is not accepted`);
  const expected = input.imprintOf(imprintDigest);
  if (!expected.equals(Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView))) {
    return fail('Timestamp: its message imprint does not match what it should timestamp');
  }
  const path = await validatePath({
    leaf: cms.signerCert,
    intermediates: [...cms.certificates.filter((c) => c !== cms.signerCert), ...input.intermediates],
    anchors: input.anchors,
    at: tst.genTime,
    purpose: 'timestamping',
  });
  if (path.failures.length > 0) {
    const untrusted = path.failures.map((f) => ({ code: 'TIMESTAMP_UNTRUSTED' as const, message: `Timestamp authority: ${f.message}` }));
    return { ...base, genTime: tst.genTime, failures: untrusted };
  }
  return { ...base, tsaPath: path.path };
}

/** An RFC 3161 TimeStampReq (certReq true, random nonce) over `digest`. */
export function timestampRequest(digest: Buffer, algorithm: DigestName): Uint8Array {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: oidOfDigest(algorithm) }),
      hashedMessage: new asn1js.OctetString({ valueHex: digest }),
    }),
    certReq: true,
    nonce: new asn1js.Integer({ valueHex: randomBytes(8) }),
  });
  return new Uint8Array(request.toSchema().toBER());
}

/**
 * Asks a TSA (RFC 3161 over HTTP, §3.4) for a token over `data`'s digest.
 * @returns the DER TimeStampToken (a ContentInfo).
 * @throws Error when the TSA is unreachable or refuses.
 */
export async function requestTimestamp(fetcher: HttpFetcher, url: string, data: Uint8Array, algorithm: DigestName = 'sha256', timeoutMs = 10_000): Promise<Uint8Array> {
  const digest = createHash(algorithm).update(data).digest();
  const answer = await fetcher.request({ url, method: 'POST', body: timestampRequest(digest, algorithm), contentType: 'application/timestamp-query', timeoutMs });
  if (answer.status !== 200) throw new Error(`TSA answered HTTP ${answer.status}`);
  const response = pkijs.TimeStampResp.fromBER(new Uint8Array(answer.body));
  const status = response.status.status;
  if ((status !== 0 && status !== 1) || !response.timeStampToken) throw new Error(`TSA refused the request (status ${status})`);
  return new Uint8Array(response.timeStampToken.toSchema().toBER());
}
