import { createHash } from 'node:crypto';
import * as pkijs from 'pkijs';
import { sameCertificate, validatePath } from './chain';
import { checkCms, type CmsCheck } from './cms-verify';
import { hashRanges } from './digest';
import { checkByteRange } from './pdf-byte-range';
import { changesAfter } from './pdf-changes';
import { collectSignatureDictionaries, dssMaterial, signatureFieldNames, type SignatureDictionary } from './pdf-signature-dictionaries';
import { finalRoot, parsePdfStructure, type PdfStructure } from './pdf-structure';
import { resolvePolicy, type VerificationPolicy } from './policy';
import { checkRevocation, fingerprint } from './revocation';
import { emptyMaterial, mergeMaterial, type HttpFetcher, type RevocationMaterial } from './revocation-data';
import { OID } from './oids';
import { verifyTimestampToken, type TimestampCheck } from './timestamp';
import { TrustStore } from './trust-store';
import type { ChainEntry, PdfSignatureReport, PdfVerification, VerificationFailure } from './types';

/** SubFilters whose /Contents is a detached CMS over the /ByteRange bytes. */
const CMS_SUBFILTERS = new Set(['adbe.pkcs7.detached', 'ETSI.CAdES.detached']);
const DOCUMENT_TIMESTAMP = 'ETSI.RFC3161';
/** Far above real files (the EU DSS test set has one with 51), low enough to bound the work. */
const MAX_SIGNATURES = 200;

/** Options of {@link verifyPdfSignature}. */
export interface PdfVerifyOptions {
  /** Anchors and intermediates (parsed once, see {@link TrustStore}). */
  trust?: TrustStore;
  /** PEM anchors, when no `trust` is given. */
  anchorsPem?: readonly string[];
  /**
   * When the server received the file: the trusted time of a signature without a timestamp.
   * Re-verification passes the recorded upload time, never "now", so stored results stay
   * valid after their certificates expire.
   */
  receivedAt: Date;
  /** The time of this verification (for the record; the core reads no clock). Default: receivedAt. */
  now?: Date;
  policy?: Partial<VerificationPolicy>;
  /** Network access for OCSP/CRL (policy `prefer`/`require`). */
  fetcher?: HttpFetcher;
  /** Revocation answers recorded by an earlier verification of this file. */
  evidence?: Partial<RevocationMaterial>;
}

interface Candidate {
  dict: SignatureDictionary;
  end: number;
  index: number;
}

interface Checked {
  candidate: Candidate;
  report: PdfSignatureReport;
  cms?: CmsCheck;
  timestamp?: TimestampCheck;
}

/**
 * Verifies every signature of a PDF and the updates made after each:
 * 1. parse the file once, keeping every object's history across incremental updates;
 * 2. per signature (file order): /ByteRange and /Contents; the CMS (digest, signature,
 *    signed attributes, algorithms under the policy) — or, for a document timestamp, the
 *    RFC 3161 token over the signed bytes;
 * 3. trusted time: the signature's own RFC 3161 timestamp (verified, TSA chained to an
 *    anchor), else the earliest valid document timestamp covering it, else `receivedAt`;
 *    a claimed signing time later than that is refused;
 * 4. the certificate path to an anchor, valid at the trusted time (intermediates from the
 *    CMS, the DSS, the trust store); revocation from embedded data first (DSS,
 *    adbe-revocationInfoArchival, CMS, recorded evidence), then online per policy;
 * 5. changes after the signature: validation data and document timestamps always; form
 *    filling, signing and annotations as DocMDP/FieldMDP permit; nothing else.
 * The file is valid only when it has signatures and all are valid. Never throws for a bad file.
 */
export async function verifyPdfSignature(pdf: Buffer | Uint8Array, options: PdfVerifyOptions): Promise<PdfVerification> {
  const trust = options.trust ?? TrustStore.from({ anchors: options.anchorsPem ?? [] });
  const policy = resolvePolicy(options.policy);
  const bytes: Uint8Array = pdf instanceof Uint8Array ? pdf : new Uint8Array(0);
  const fetched = emptyMaterial();
  const verdict: PdfVerification = {
    valid: false,
    reasons: [],
    documentSha256: createHash('sha256').update(bytes).digest('hex'),
    coversWholeFile: false,
    signatureCount: 0,
    signatures: [],
    evidence: fetched,
  };
  const refuse = (reason: VerificationFailure): PdfVerification => ({ ...verdict, reasons: [...verdict.reasons, reason] });
  let structure: PdfStructure;
  try {
    structure = await parsePdfStructure(bytes);
  } catch (error) {
    return refuse({ code: 'MALFORMED', message: `Not a readable PDF: ${error instanceof Error ? error.message : String(error)}` });
  }
  try {
    const dictionaries = collectSignatureDictionaries(structure.context);
    verdict.signatureCount = dictionaries.length;
    if (dictionaries.length === 0) return refuse({ code: 'NO_SIGNATURE', message: 'The PDF has no signature' });
    if (dictionaries.length > MAX_SIGNATURES) return refuse({ code: 'MALFORMED', message: `Too many signatures (${dictionaries.length})` });
    const root = finalRoot(structure);
    const dss = dssMaterial(structure.context, root);
    const material = mergeMaterial(dss, { crls: options.evidence?.crls ?? [], ocsps: options.evidence?.ocsps ?? [], certs: options.evidence?.certs ?? [] });
    const fieldNames = signatureFieldNames(structure.context, root);
    const candidates = dictionaries
      .map((dict) => ({ dict, end: dict.byteRange ? dict.byteRange[2] + dict.byteRange[3] : -1 }))
      .sort((a, b) => a.end - b.end)
      .map((c, i) => ({ ...c, index: i + 1 }));
    const revisionEnds = revisionBoundaries(bytes);

    // Cryptographic checks first: trusted times depend on which timestamps verify.
    const checked: Checked[] = [];
    for (const candidate of candidates) {
      checked.push(await checkOne(bytes, candidate, trust, policy, dss, options.receivedAt, fieldNames, revisionEnds));
    }
    const docTimestamps = checked.filter((c) => c.report.kind === 'document_timestamp' && c.report.reasons.length === 0 && c.timestamp?.genTime);
    const certifier = checked.find((c) => c.report.kind === 'certification');
    for (const item of checked) {
      await judge(item, { structure, trust, policy, material, fetched, fetcher: options.fetcher, receivedAt: options.receivedAt, docTimestamps, certifier });
    }
    verdict.signatures = checked.map((c) => c.report);
    const main = [...checked].reverse().find((c) => c.report.kind !== 'document_timestamp') ?? checked[checked.length - 1];
    const last = checked[checked.length - 1];
    verdict.coversWholeFile = last.report.coversWholeFile;
    verdict.signer = main.report.signer;
    verdict.signingTime = main.report.claimedSigningTime;
    verdict.trustedTime = main.report.trustedTime;
    verdict.trustedTimeSource = main.report.trustedTimeSource;
    verdict.digestAlgorithm = main.report.digestAlgorithm;
    verdict.subFilter = main.report.subFilter;
    verdict.reason = main.report.reason;
    verdict.location = main.report.location;
    // Top-level reasons: each distinct code once, saying which signature failed.
    const seen = new Set<string>();
    for (const report of verdict.signatures) {
      for (const reason of report.reasons) {
        if (seen.has(reason.code)) continue;
        seen.add(reason.code);
        verdict.reasons.push({ code: reason.code, message: `Signature ${report.index}${report.signer ? ` (${report.signer.name})` : ''}: ${reason.message}` });
      }
    }
    // Bytes after the last %%EOF are no update a reader applies, but not nothing either: refuse.
    const tail = revisionEnds.length > 0 ? bytes.subarray(revisionEnds[revisionEnds.length - 1]) : bytes;
    if (tail.some((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0x0c && b !== 0x00)) {
      verdict.reasons.push({ code: 'NOT_WHOLE_FILE', message: `${tail.length} byte(s) after the end of the last revision (%%EOF) that are not a PDF update` });
    }
    verdict.valid = verdict.signatures.length > 0 && verdict.signatures.every((s) => s.valid) && !verdict.reasons.some((r) => r.code === 'NOT_WHOLE_FILE');
    return verdict;
  } catch (error) {
    return refuse({ code: 'MALFORMED', message: `Unexpected error while verifying: ${error instanceof Error ? error.message : String(error)}` });
  }
}

async function checkOne(
  bytes: Uint8Array,
  candidate: Candidate,
  trust: TrustStore,
  policy: VerificationPolicy,
  dss: RevocationMaterial,
  receivedAt: Date,
  fieldNames: Map<string, string>,
  revisionEnds: number[],
): Promise<Checked> {
  const { dict } = candidate;
  const isTimestamp = dict.subFilter === DOCUMENT_TIMESTAMP || dict.type === 'DocTimeStamp';
  const report: PdfSignatureReport = {
    index: candidate.index,
    kind: isTimestamp ? 'document_timestamp' : dict.docMdp ? 'certification' : 'approval',
    fieldName: dict.ref ? fieldNames.get(dict.ref) : undefined,
    valid: false,
    reasons: [],
    warnings: [],
    subFilter: dict.subFilter,
    claimedSigningTime: dict.m,
    trustedTime: receivedAt,
    trustedTimeSource: 'upload',
    revision: Math.max(1, revisionEnds.filter((e) => e <= candidate.end + 2).length),
    byteRangeEnd: Math.max(candidate.end, 0),
    coversWholeFile: candidate.end === bytes.length,
    changesAfter: [],
    docMdp: dict.docMdp,
    chain: [],
    revocation: [],
    reason: dict.reason,
    location: dict.location,
  };
  const item: Checked = { candidate, report };
  if (!dict.subFilter || (!CMS_SUBFILTERS.has(dict.subFilter) && dict.subFilter !== DOCUMENT_TIMESTAMP)) {
    report.reasons.push({ code: 'MALFORMED', message: `Unsupported signature /SubFilter ${dict.subFilter ?? '(none)'} (adbe.pkcs7.sha1 and x509.rsa.sha1 are legacy formats)` });
    return item;
  }
  const range = checkByteRange(bytes, dict);
  report.reasons.push(...range.failures.filter((f) => f.code !== 'NOT_WHOLE_FILE'));
  const cms = range.contents ?? dict.contents;
  if (!range.ranges) return item;
  if (!cms) {
    report.reasons.push({ code: 'MALFORMED', message: 'The signature dictionary has no /Contents string' });
    return item;
  }
  const ranges = range.ranges;
  const intermediates = [...trust.intermediates, ...certificatesOf(dss.certs)];
  if (isTimestamp) {
    const timestamp = await verifyTimestampToken({
      token: cms,
      allowZeroPadding: true,
      imprintOf: (algorithm) => hashRanges(bytes, ranges, algorithm),
      anchors: trust.anchors,
      intermediates,
      policy,
    });
    item.timestamp = timestamp;
    report.reasons.push(...timestamp.failures);
    report.signer = timestamp.tsaCert ? summary(timestamp.tsaCert) : undefined;
    report.claimedSigningTime = timestamp.genTime;
    if (timestamp.genTime) {
      report.trustedTime = timestamp.genTime;
      report.trustedTimeSource = 'document_timestamp';
      report.timestamp = { genTime: timestamp.genTime, tsa: timestamp.tsa };
    }
    report.chain = timestamp.tsaPath.map(chainEntry);
    return item;
  }
  const check = await checkCms({ cms, allowZeroPadding: true, digest: async (algorithm) => hashRanges(bytes, ranges, algorithm), policy });
  item.cms = check;
  report.reasons.push(...check.failures);
  report.warnings.push(...check.warnings);
  report.signer = check.signer;
  report.digestAlgorithm = check.digestAlgorithm;
  report.signatureAlgorithm = check.signatureAlgorithm;
  report.claimedSigningTime = check.signingTime ?? dict.m;
  const token = check.unsignedAttributes.find((a) => a.type === OID.signatureTimeStampToken)?.values[0];
  if (token && check.signatureValue) {
    const value = check.signatureValue;
    const timestamp = await verifyTimestampToken({
      token: new Uint8Array(token.toBER()),
      imprintOf: (algorithm) => createHash(algorithm).update(value).digest(),
      anchors: trust.anchors,
      intermediates,
      policy,
    });
    item.timestamp = timestamp;
    report.reasons.push(...timestamp.failures);
    if (timestamp.failures.length === 0 && timestamp.genTime) {
      report.trustedTime = timestamp.genTime;
      report.trustedTimeSource = 'signature_timestamp';
      report.timestamp = { genTime: timestamp.genTime, tsa: timestamp.tsa };
    }
  }
  return item;
}

async function judge(
  item: Checked,
  ctx: {
    structure: PdfStructure;
    trust: TrustStore;
    policy: VerificationPolicy;
    material: RevocationMaterial;
    fetched: RevocationMaterial;
    fetcher?: HttpFetcher;
    receivedAt: Date;
    docTimestamps: Checked[];
    certifier?: Checked;
  },
): Promise<void> {
  const { report, candidate, cms } = item;
  const { policy } = ctx;
  // Changes after this signature, under the DocMDP in force and its own FieldMDP locks.
  if (candidate.end > 0 && report.reasons.every((r) => r.code !== 'BYTE_RANGE_INVALID')) {
    const docMdp = ctx.certifier && ctx.certifier.candidate.end <= candidate.end ? ctx.certifier.report.docMdp : undefined;
    report.changesAfter = changesAfter(ctx.structure, candidate.end, { docMdp, lockedFields: new Set(candidate.dict.lockedFields) });
    const refused = report.changesAfter.filter((c) => !c.allowed);
    if (refused.length > 0) {
      report.reasons.push({
        code: 'MODIFIED_AFTER_SIGNING',
        message: `Changed after this signature in a way it does not permit: ${refused.slice(0, 5).map((c) => c.description).join('; ')}${refused.length > 5 ? ` (+${refused.length - 5} more)` : ''}`,
      });
    }
  }
  if (report.kind === 'document_timestamp' || !cms?.signerCert) {
    report.valid = report.reasons.length === 0;
    return;
  }
  // Trusted time: own timestamp, else the earliest valid document timestamp covering it, else the upload.
  if (report.trustedTimeSource === 'upload') {
    const covering = ctx.docTimestamps.filter((t) => t.candidate.end >= candidate.end).map((t) => t.timestamp!.genTime!);
    const earliest = covering.sort((a, b) => a.getTime() - b.getTime())[0];
    if (earliest && earliest.getTime() < ctx.receivedAt.getTime()) {
      report.trustedTime = earliest;
      report.trustedTimeSource = 'document_timestamp';
    } else {
      report.warnings.push({ code: 'NO_TIMESTAMP', message: 'No RFC 3161 timestamp: the upload time is the trusted signing time' });
    }
  }
  const at = report.trustedTime;
  const claimed = report.claimedSigningTime;
  if (claimed && claimed.getTime() > at.getTime() + policy.clockSkewMs) {
    report.reasons.push({
      code: 'CLAIMED_TIME_AFTER_TRUSTED_TIME',
      message: `The signer claims to have signed at ${claimed.toISOString()}, after the trusted time ${at.toISOString()} (${report.trustedTimeSource === 'upload' ? 'the upload' : 'its timestamp'})`,
    });
  }
  const intermediates = [...cms.certificates.filter((c) => c !== cms.signerCert), ...ctx.trust.intermediates, ...certificatesOf(ctx.material.certs)];
  const path = await validatePath({ leaf: cms.signerCert, intermediates, anchors: ctx.trust.anchors, at, requireNonRepudiation: policy.requireNonRepudiation });
  report.reasons.push(...path.failures);
  report.chain = path.path.map(chainEntry);
  if (path.failures.length === 0 && path.path.length > 1) {
    const material = mergeMaterial(ctx.material, cms.revocation);
    for (let i = 0; i < path.path.length - 1; i++) {
      const cert = path.path[i];
      const issuer = path.path[i + 1];
      if (ctx.trust.anchors.some((a) => sameCertificate(a, cert))) break; // an anchor is trusted as is
      const status = await checkRevocation({ cert, issuer, at, now: ctx.receivedAt, material: mergeMaterial(material, ctx.fetched), policy, fetcher: ctx.fetcher, fetched: ctx.fetched });
      report.revocation.push(status);
      if (status.status === 'revoked') report.reasons.push({ code: 'REVOKED', message: `The certificate of ${status.certificate} was ${status.detail}` });
      else if (status.status === 'unknown') {
        if (policy.revocation === 'require') report.reasons.push({ code: 'REVOCATION_UNKNOWN', message: `Revocation status of ${status.certificate} unknown (${status.detail}); the policy requires one` });
        else report.warnings.push({ code: 'REVOCATION_UNKNOWN_ACCEPTED', message: `Revocation status of ${status.certificate} unknown (${status.detail}); accepted by the policy` });
      } else if (status.status === 'not_checked') {
        report.warnings.push({ code: 'REVOCATION_NOT_CHECKED', message: `Revocation of ${status.certificate} not checked (${status.detail})` });
      }
    }
  }
  report.reasons = dedupeReasons(report.reasons);
  report.valid = report.reasons.length === 0;
}

/** Offsets just after each %%EOF marker (and its end-of-line): where revisions end. */
function revisionBoundaries(bytes: Uint8Array): number[] {
  const ends: number[] = [];
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let from = 0;
  for (;;) {
    const at = buffer.indexOf('%%EOF', from, 'latin1');
    if (at < 0) break;
    let end = at + 5;
    if (buffer[end] === 0x0d) end++;
    if (buffer[end] === 0x0a) end++;
    ends.push(end);
    from = at + 5;
  }
  return ends;
}

function certificatesOf(ders: Uint8Array[]): pkijs.Certificate[] {
  const certs: pkijs.Certificate[] = [];
  for (const der of ders.slice(0, 200)) {
    try {
      certs.push(pkijs.Certificate.fromBER(new Uint8Array(der)));
    } catch {
      // not a certificate: ignored
    }
  }
  return certs;
}

function chainEntry(cert: pkijs.Certificate): ChainEntry {
  const s = summary(cert);
  return { subject: s.name, issuer: s.issuer, serialNumber: s.serialNumber, sha256: fingerprint(cert), notBefore: s.notBefore, notAfter: s.notAfter };
}

function summary(cert: pkijs.Certificate) {
  // Lazy import cycle avoidance: certificate-summary works on DER.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { signerSummary } = require('./certificate-summary') as typeof import('./certificate-summary');
  return signerSummary(new Uint8Array(cert.toSchema().toBER()));
}

function dedupeReasons(reasons: VerificationFailure[]): VerificationFailure[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = `${r.code}:${r.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
