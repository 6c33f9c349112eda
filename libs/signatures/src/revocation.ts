import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { cryptoEngine } from './engine';
import { OID } from './oids';
import type { VerificationPolicy } from './policy';
import type { HttpFetcher, RevocationMaterial } from './revocation-data';

/** Revocation status of one certificate at the trusted time. */
export interface CertificateRevocation {
  /** Subject CN or DN of the certificate checked. */
  certificate: string;
  /**
   * - `good`: a verified CRL/OCSP answer says it was not revoked at the trusted time (it may
   *   have been revoked later: `revokedAt` then says when);
   * - `revoked`: revoked at or before the trusted time;
   * - `unknown`: no usable answer (responder unreachable, answer unverifiable or stale);
   * - `not_checked`: nothing embedded and online checking is off.
   */
  status: 'good' | 'revoked' | 'unknown' | 'not_checked';
  source?: 'embedded' | 'online';
  method?: 'ocsp' | 'crl';
  revokedAt?: Date;
  detail: string;
}

export interface RevocationInput {
  cert: pkijs.Certificate;
  issuer: pkijs.Certificate;
  /** The trusted time the certificate must not have been revoked by. */
  at: Date;
  /** The time of this verification (an input: the core reads no clock). */
  now: Date;
  material: RevocationMaterial;
  policy: VerificationPolicy;
  fetcher?: HttpFetcher;
  /** Answers fetched online are added here (the verification record keeps them as evidence). */
  fetched: RevocationMaterial;
}

type Answer = { status: 'good' | 'revoked' | 'unknown'; revokedAt?: Date; issuedAt: Date; method: 'ocsp' | 'crl' };

/**
 * Status of `cert` at `at`: embedded material first (DSS, CMS, recorded evidence), then —
 * unless the policy is `off` — its OCSP responder (AIA), then its CRL distribution point.
 * A revocation dated after `at` does not invalidate a signature made before it
 * (ETSI EN 319 102-1 §5.2.6: the status at the time the signature is known to have existed).
 */
export async function checkRevocation(input: RevocationInput): Promise<CertificateRevocation> {
  const name = commonName(input.cert);
  if (input.cert.extensions?.some((e) => e.extnID === OID.ocspNoCheck)) {
    return { certificate: name, status: 'good', detail: 'OCSP responder certificate (id-pkix-ocsp-nocheck)' };
  }
  const embedded = await evaluate(input, input.material);
  if (embedded.decided) return { certificate: name, ...embedded.result, source: 'embedded' };
  if (input.policy.revocation === 'off' || !input.fetcher) {
    return embedded.result.status === 'unknown' && embedded.seen === 0
      ? { certificate: name, status: 'not_checked', detail: 'no revocation data in the file; online checking is off' }
      : { certificate: name, ...embedded.result, source: 'embedded' };
  }
  const online = await fetchOnline(input);
  const result = await evaluate(input, online.material);
  if (result.decided) return { certificate: name, ...result.result, source: 'online' };
  return { certificate: name, status: 'unknown', detail: [embedded.result.detail, ...online.errors, result.result.detail].filter(Boolean).join('; ') };
}

async function evaluate(input: RevocationInput, material: RevocationMaterial): Promise<{ decided: boolean; seen: number; result: Omit<CertificateRevocation, 'certificate'> }> {
  const answers: Answer[] = [];
  const problems: string[] = [];
  for (const der of material.ocsps) {
    const answer = await ocspAnswer(der, input.cert, input.issuer, input.policy).catch((e: unknown) => String(e));
    if (typeof answer === 'string') problems.push(answer);
    else if (answer) answers.push(answer);
  }
  for (const der of material.crls) {
    const answer = await crlAnswer(der, input.cert, input.issuer).catch((e: unknown) => String(e));
    if (typeof answer === 'string') problems.push(answer);
    else if (answer) answers.push(answer);
  }
  const revoked = answers.filter((a) => a.status === 'revoked' && a.revokedAt);
  const before = revoked.find((a) => a.revokedAt!.getTime() <= input.at.getTime());
  if (before) {
    return { decided: true, seen: answers.length, result: { status: 'revoked', method: before.method, revokedAt: before.revokedAt, detail: `revoked on ${before.revokedAt!.toISOString()}, before the trusted time ${input.at.toISOString()}` } };
  }
  const later = revoked[0];
  if (later) {
    return { decided: true, seen: answers.length, result: { status: 'good', method: later.method, revokedAt: later.revokedAt, detail: `revoked on ${later.revokedAt!.toISOString()}, after the trusted time ${input.at.toISOString()}` } };
  }
  // A "good" answer speaks for the time it was issued: it must not be older than the
  // freshness window before the trusted time (issued after it is fine: revocation is final).
  const oldest = input.at.getTime() - input.policy.revocationFreshnessMs;
  const good = answers.find((a) => a.status === 'good' && a.issuedAt.getTime() >= oldest);
  if (good) return { decided: true, seen: answers.length, result: { status: 'good', method: good.method, detail: `${good.method.toUpperCase()} answer of ${good.issuedAt.toISOString()}: not revoked` } };
  const stale = answers.some((a) => a.status === 'good');
  const detail = stale ? 'only answers older than the freshness window' : problems.length > 0 ? problems.join('; ') : answers.some((a) => a.status === 'unknown') ? 'the responder does not know the certificate' : 'no revocation data for this certificate';
  return { decided: false, seen: answers.length, result: { status: 'unknown', detail } };
}

/** The OCSP answer about `cert` in a DER OCSPResponse, verified; undefined if it is about another certificate. */
async function ocspAnswer(der: Uint8Array, cert: pkijs.Certificate, issuer: pkijs.Certificate, policy: VerificationPolicy): Promise<Answer | undefined> {
  const response = pkijs.OCSPResponse.fromBER(new Uint8Array(der));
  if (response.responseStatus.valueBlock.valueDec !== 0 || !response.responseBytes) return undefined;
  if (response.responseBytes.responseType !== OID.ocspBasic) return undefined;
  const basic = pkijs.BasicOCSPResponse.fromBER(response.responseBytes.response.valueBlock.valueHexView);
  const single = basic.tbsResponseData.responses.find((r) => certIdMatches(r.certID, cert, issuer));
  if (!single) return undefined;
  const responder = await ocspResponder(basic, issuer);
  if (!responder) throw new Error('OCSP response not signed by the issuer or a responder it authorised');
  const engine = cryptoEngine();
  const ok = await engine.verifyWithPublicKey(basic.tbsResponseData.tbsView, basic.signature, responder.subjectPublicKeyInfo, basic.signatureAlgorithm);
  if (!ok) throw new Error('OCSP response signature does not verify');
  void policy;
  const status = single.certStatus as asn1js.BaseBlock;
  const tag = status.idBlock.tagNumber;
  const issuedAt = single.thisUpdate;
  if (tag === 0) return { status: 'good', issuedAt, method: 'ocsp' };
  if (tag === 1) {
    const revokedInfo = status as asn1js.Constructed;
    const time = revokedInfo.valueBlock.value[0];
    const revokedAt = time instanceof asn1js.GeneralizedTime ? time.toDate() : undefined;
    return { status: 'revoked', revokedAt: revokedAt ?? new Date(0), issuedAt, method: 'ocsp' };
  }
  return { status: 'unknown', issuedAt, method: 'ocsp' };
}

function certIdMatches(certId: pkijs.CertID, cert: pkijs.Certificate, issuer: pkijs.Certificate): boolean {
  if (!certId.serialNumber.isEqual(cert.serialNumber)) return false;
  const hashName = { [OID.sha1]: 'sha1', [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' }[certId.hashAlgorithm.algorithmId];
  if (!hashName) return false;
  const keyHash = createHash(hashName).update(issuer.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest();
  const nameHash = createHash(hashName).update(new Uint8Array(issuer.subject.toSchema().toBER())).digest();
  return keyHash.equals(Buffer.from(certId.issuerKeyHash.valueBlock.valueHexView)) && nameHash.equals(Buffer.from(certId.issuerNameHash.valueBlock.valueHexView));
}

/** The issuer itself, or a certificate it issued for OCSP signing (RFC 6960 §4.2.2.2). */
async function ocspResponder(basic: pkijs.BasicOCSPResponse, issuer: pkijs.Certificate): Promise<pkijs.Certificate | undefined> {
  const id = basic.tbsResponseData.responderID as unknown;
  const matches = (c: pkijs.Certificate): boolean => {
    if (id instanceof pkijs.RelativeDistinguishedNames) return c.subject.isEqual(id);
    if (id instanceof asn1js.OctetString) {
      const keyHash = createHash('sha1').update(c.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest();
      return keyHash.equals(Buffer.from(id.valueBlock.valueHexView));
    }
    return false;
  };
  if (matches(issuer)) return issuer;
  for (const candidate of basic.certs ?? []) {
    if (!matches(candidate) || !candidate.issuer.isEqual(issuer.subject)) continue;
    const eku = candidate.extensions?.find((e) => e.extnID === OID.extKeyUsage)?.parsedValue as pkijs.ExtKeyUsage | undefined;
    if (!eku?.keyPurposes.includes(OID.ocspSigning)) continue;
    if (await candidate.verify(issuer, cryptoEngine()).catch(() => false)) return candidate;
  }
  return undefined;
}

async function crlAnswer(der: Uint8Array, cert: pkijs.Certificate, issuer: pkijs.Certificate): Promise<Answer | undefined> {
  const crl = pkijs.CertificateRevocationList.fromBER(new Uint8Array(der));
  if (!crl.issuer.isEqual(cert.issuer)) return undefined;
  const ok = await crl.verify({ issuerCertificate: issuer }, cryptoEngine()).catch(() => false);
  if (!ok) throw new Error('CRL signature does not verify with the issuer');
  const issuedAt = crl.thisUpdate.value;
  const entry = crl.revokedCertificates?.find((r) => r.userCertificate.isEqual(cert.serialNumber));
  if (entry) return { status: 'revoked', revokedAt: entry.revocationDate.value, issuedAt, method: 'crl' };
  return { status: 'good', issuedAt, method: 'crl' };
}

async function fetchOnline(input: RevocationInput): Promise<{ material: RevocationMaterial; errors: string[] }> {
  const material: RevocationMaterial = { crls: [], ocsps: [], certs: [] };
  const errors: string[] = [];
  const { fetcher, policy } = input;
  const ocspUrl = accessUrls(input.cert, OID.ocspAccess)[0];
  if (ocspUrl && fetcher) {
    try {
      const request = new pkijs.OCSPRequest();
      await request.createForCertificate(input.cert, { hashAlgorithm: 'SHA-1', issuerCertificate: input.issuer }, cryptoEngine());
      const body = new Uint8Array(request.toSchema(true).toBER());
      const answer = await fetcher.request({ url: ocspUrl, method: 'POST', body, contentType: 'application/ocsp-request', timeoutMs: policy.revocationTimeoutMs });
      if (answer.status !== 200) throw new Error(`HTTP ${answer.status}`);
      material.ocsps.push(answer.body);
      input.fetched.ocsps.push(answer.body);
      return { material, errors };
    } catch (error) {
      errors.push(`OCSP ${ocspUrl}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const url of crlUrls(input.cert).slice(0, 2)) {
    if (!fetcher) break;
    try {
      const answer = await fetcher.request({ url, method: 'GET', timeoutMs: policy.revocationTimeoutMs });
      if (answer.status !== 200) throw new Error(`HTTP ${answer.status}`);
      material.crls.push(answer.body);
      input.fetched.crls.push(answer.body);
      break;
    } catch (error) {
      errors.push(`CRL ${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (!ocspUrl && crlUrls(input.cert).length === 0) errors.push('the certificate names no OCSP responder or CRL');
  return { material, errors };
}

/** http(s) URLs of an AIA access method (OCSP or caIssuers). */
export function accessUrls(cert: pkijs.Certificate, method: string): string[] {
  const aia = cert.extensions?.find((e) => e.extnID === OID.authorityInfoAccess)?.parsedValue as pkijs.InfoAccess | undefined;
  return (aia?.accessDescriptions ?? [])
    .filter((d) => d.accessMethod === method && d.accessLocation.type === 6)
    .map((d) => String(d.accessLocation.value))
    .filter((url) => /^https?:\/\//i.test(url));
}

function crlUrls(cert: pkijs.Certificate): string[] {
  const dp = cert.extensions?.find((e) => e.extnID === OID.crlDistributionPoints)?.parsedValue as pkijs.CRLDistributionPoints | undefined;
  const urls: string[] = [];
  for (const point of dp?.distributionPoints ?? []) {
    const names = point.distributionPoint;
    if (!Array.isArray(names)) continue;
    for (const name of names) if (name.type === 6 && /^https?:\/\//i.test(String(name.value))) urls.push(String(name.value));
  }
  return urls;
}

export function commonName(cert: pkijs.Certificate): string {
  const cn = cert.subject.typesAndValues.find((t) => t.type === OID.commonName);
  return cn ? String(cn.value.valueBlock.value) : cert.subject.typesAndValues.map((t) => String(t.value.valueBlock.value)).join(', ');
}

/** SHA-256 of a certificate's DER, hex. */
export function fingerprint(cert: pkijs.Certificate): string {
  return createHash('sha256').update(new Uint8Array(cert.toSchema().toBER())).digest('hex');
}
