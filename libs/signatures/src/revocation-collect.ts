import * as pkijs from 'pkijs';
import { cryptoEngine } from './engine';
import { OID } from './oids';
import { pemBlocks } from './pem';
import { resolvePolicy } from './policy';
import { accessUrls, checkRevocation } from './revocation';
import { emptyMaterial, type HttpFetcher, type RevocationMaterial } from './revocation-data';

/**
 * Fetches revocation data (OCSP, else CRL) for a signing identity's certificate and its
 * issuers, to embed when signing (PAdES-B-LT): the leaf first, then each issuer whose own
 * issuer is in the chain. Unreachable responders are skipped (the verifier can still fetch).
 */
export async function collectRevocationFor(input: { certificatePem: string; chainPem: readonly string[]; fetcher: HttpFetcher; at: Date; timeoutMs?: number }): Promise<RevocationMaterial> {
  const certs = [input.certificatePem, ...input.chainPem].flatMap((pem) => pemBlocks(pem, 'CERTIFICATE')).map((der) => pkijs.Certificate.fromBER(new Uint8Array(der)));
  const fetched = emptyMaterial();
  const policy = resolvePolicy({ revocation: 'prefer', revocationTimeoutMs: input.timeoutMs ?? 5000 });
  for (let i = 0; i < certs.length; i++) {
    const cert = certs[i];
    const issuer = certs.find((c) => c.subject.isEqual(cert.issuer) && c !== cert);
    if (!issuer) continue;
    if (!(await cert.verify(issuer, cryptoEngine()).catch(() => false))) continue;
    if (accessUrls(cert, OID.ocspAccess).length === 0 && !cert.extensions?.some((e) => e.extnID === OID.crlDistributionPoints)) continue;
    await checkRevocation({ cert, issuer, at: input.at, now: input.at, material: emptyMaterial(), policy, fetcher: input.fetcher, fetched });
  }
  fetched.certs.push(...certs.slice(1).map((c) => new Uint8Array(c.toSchema().toBER())));
  return fetched;
}
