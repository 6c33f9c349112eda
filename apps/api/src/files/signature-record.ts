import type { PdfVerification, RevocationMaterial, Verification } from '@motcua/signatures';
import type { SignatureEntry, SignatureRecord } from './dossier-file.entity';

/** A verdict as stored with the file (a JSON column): serialisable, with the evidence used. */
export function toRecord(
  v: Verification & { documentSha256: string },
  kind: SignatureRecord['kind'],
  onBehalfOf: string | null,
  times: { receivedAt?: Date; verifiedAt: Date },
): SignatureRecord {
  const record: SignatureRecord = {
    kind,
    signerName: v.signer?.name ?? null,
    signerOrganization: v.signer?.organization ?? null,
    certificateSerial: v.signer?.serialNumber ?? null,
    certificateIssuer: v.signer?.issuer ?? null,
    signingTime: v.signingTime?.toISOString() ?? null,
    documentSha256: v.documentSha256,
    valid: v.valid,
    reasons: v.reasons.map((r) => r.code),
    onBehalfOf,
    verifiedAt: times.verifiedAt.toISOString(),
  };
  if (times.receivedAt) record.receivedAt = times.receivedAt.toISOString();
  if ('signatures' in v) {
    const pdf = v as PdfVerification;
    record.trustedTime = pdf.trustedTime?.toISOString() ?? null;
    record.trustedTimeSource = pdf.trustedTimeSource ?? null;
    record.signatures = pdf.signatures.map(toEntry);
    record.evidence = { ocsps: pdf.evidence.ocsps.map(base64), crls: pdf.evidence.crls.map(base64) };
  }
  return record;
}

/** The recorded evidence, ready to pass back to the verifier. */
export function evidenceOf(record: SignatureRecord | null): RevocationMaterial {
  const decode = (items: unknown): Uint8Array[] => (Array.isArray(items) ? items.filter((i): i is string => typeof i === 'string').map((i) => new Uint8Array(Buffer.from(i, 'base64'))) : []);
  return { ocsps: decode(record?.evidence?.ocsps), crls: decode(record?.evidence?.crls), certs: [] };
}

function toEntry(s: PdfVerification['signatures'][number]): SignatureEntry {
  return {
    index: s.index,
    kind: s.kind,
    fieldName: s.fieldName ?? null,
    valid: s.valid,
    reasons: s.reasons.map((r) => r.code),
    messages: s.reasons.map((r) => r.message),
    warnings: s.warnings.map((r) => r.code),
    signerName: s.signer?.name ?? null,
    certificateIssuer: s.signer?.issuer ?? null,
    certificateSerial: s.signer?.serialNumber ?? null,
    claimedSigningTime: s.claimedSigningTime?.toISOString() ?? null,
    trustedTime: s.trustedTime.toISOString(),
    trustedTimeSource: s.trustedTimeSource,
    timestampAuthority: s.timestamp?.tsa ?? null,
    revision: s.revision,
    coversWholeFile: s.coversWholeFile,
    changesAfter: s.changesAfter.map((c) => ({ kind: c.kind, description: c.description, allowed: c.allowed })),
    digestAlgorithm: s.digestAlgorithm ?? null,
    signatureAlgorithm: s.signatureAlgorithm ?? null,
    docMdp: s.docMdp ?? null,
    chain: s.chain.map((c) => ({ subject: c.subject, sha256: c.sha256, notAfter: c.notAfter.toISOString() })),
    revocation: s.revocation.map((r) => ({ certificate: r.certificate, status: r.status, source: r.source ?? null, revokedAt: r.revokedAt?.toISOString() ?? null, detail: r.detail })),
  };
}

function base64(der: Uint8Array): string {
  return Buffer.from(der).toString('base64');
}
