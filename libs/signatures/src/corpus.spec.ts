import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { addDocumentTimestamp, addValidationData, collectRevocationFor, requestTimestamp, signPdf, verifyPdfSignature, type PdfVerification, type PdfVerifyOptions } from './index';
import { IncrementalUpdate } from './pdf-incremental';
import { TrustStore } from './trust-store';
import { lookupDict } from './pdf-structure';
import { minimalPdf } from './spec-fixtures';
import { startTestPki, type TestPkiWorld } from './testing/pki-servers';
import { identityOf, issue, type TestCertificate } from './testing/test-pki';
import type { DigestName } from './oids';

/**
 * The corpus of issue 13, built here with a local PKI whose OCSP responder, CRLs and TSA
 * are real HTTP servers on loopback. Each case states its expected verdict.
 */
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NOW = new Date('2026-06-15T03:00:00Z');

let w: TestPkiWorld;
let base: Buffer;

beforeAll(async () => {
  w = await startTestPki(NOW);
  base = await minimalPdf();
}, 60_000);
afterAll(() => w.close());
beforeEach(() => {
  w.outage.down = false;
  w.tsaTime.at = undefined;
  w.clock.now = NOW;
});

const verify = (pdf: Buffer, options: Partial<PdfVerifyOptions> = {}) =>
  verifyPdfSignature(pdf, { trust: w.trust, receivedAt: NOW, fetcher: w.fetcher, policy: { revocation: 'prefer' }, ...options });
const tsa = (data: Uint8Array) => requestTimestamp(w.fetcher, `${w.baseUrl}/tsa`, data);
const sign = (pdf: Buffer, who: TestCertificate, extra: Parameters<typeof signPdf>[2] extends infer O ? Partial<O> : never = {}) =>
  signPdf(pdf, identityOf(who), { reason: `Ký bởi ${who.cert.subjectName.getField('CN')[0]}`, signingTime: NOW, ...extra });
const codesOf = (report: { reasons: Array<{ code: string }> }) => report.reasons.map((r) => r.code).sort();

describe('valid files', () => {
  it('a single signature: valid, with signer, upload time as trusted time, OCSP "good" fetched online', async () => {
    const verdict = await verify(await sign(base, w.leader));
    expect(verdict.reasons).toEqual([]);
    expect(verdict.valid).toBe(true);
    const [signature] = verdict.signatures;
    expect(signature.signer?.name).toBe('Nguyễn Văn Lãnh Đạo');
    expect(signature.trustedTimeSource).toBe('upload');
    expect(signature.claimedSigningTime).toEqual(NOW);
    expect(signature.chain.map((c) => c.subject)).toEqual(['Nguyễn Văn Lãnh Đạo', 'Test Intermediate CA', 'Test Root CA']);
    expect(signature.revocation[0]).toMatchObject({ status: 'good', source: 'online', method: 'ocsp' });
    expect(verdict.evidence.ocsps.length).toBeGreaterThan(0);
    expect(signature.warnings.map((x) => x.code)).toContain('NO_TIMESTAMP');
  });

  it('two signatures (specialist ECDSA, then leader RSA): both verified and reported', async () => {
    const verdict = await verify(await sign(await sign(base, w.specialist), w.leader));
    expect(verdict.valid).toBe(true);
    expect(verdict.signatures.map((s) => [s.signer?.name, s.valid, s.revision])).toEqual([
      ['Trần Thị Chuyên Viên', true, 2],
      ['Nguyễn Văn Lãnh Đạo', true, 3],
    ]);
    expect(verdict.signatures[0].signatureAlgorithm).toBe('1.2.840.10045.4.3.2');
    expect(verdict.signatures[0].changesAfter.every((c) => c.allowed && c.kind === 'signature')).toBe(true);
    expect(verdict.signer?.name).toBe('Nguyễn Văn Lãnh Đạo');
  });

  it.each<DigestName>(['sha256', 'sha384', 'sha512'])('digest %s: valid', async (digestAlgorithm) => {
    const verdict = await verify(await sign(base, w.leader, { digestAlgorithm }));
    expect(verdict.reasons).toEqual([]);
    expect(verdict.signatures[0].digestAlgorithm).toBe(digestAlgorithm);
  });

  it('DSS added after signing (PAdES-B-LT): valid, revocation taken from the file with the responders down', async () => {
    const signed = await sign(base, w.leader);
    const online = await verify(signed);
    const withDss = await addValidationData(signed, { certs: [w.intermediate.der], crls: online.evidence.crls, ocsps: online.evidence.ocsps });
    w.outage.down = true;
    const verdict = await verify(withDss, { policy: { revocation: 'require' } });
    expect(verdict.reasons).toEqual([]);
    expect(verdict.signatures[0].revocation[0]).toMatchObject({ status: 'good', source: 'embedded' });
    expect(verdict.signatures[0].changesAfter.map((c) => c.kind)).toEqual(expect.arrayContaining(['validation_data']));
  });

  it('revocation embedded in the signature (adbe-revocationInfoArchival) is used first', async () => {
    const online = await verify(await sign(base, w.leader));
    const signed = await sign(base, w.leader, { revocation: { crls: online.evidence.crls, ocsps: online.evidence.ocsps, certs: [] } });
    w.outage.down = true;
    const verdict = await verify(signed, { policy: { revocation: 'require' } });
    expect(verdict.reasons).toEqual([]);
    expect(verdict.signatures[0].revocation[0].source).toBe('embedded');
  });

  it('signing PAdES-B-LT: revocation collected for the signer\'s chain and embedded; verifies with the responders down', async () => {
    const identity = identityOf(w.leader, { withRoot: true });
    const material = await collectRevocationFor({ ...identity, fetcher: w.fetcher, at: NOW });
    expect(material.ocsps.length).toBe(1); // the leader (OCSP); the intermediate via its CRL
    expect(material.crls.length).toBe(1);
    const signed = await signPdf(base, identity, { reason: 'B-LT', signingTime: NOW, revocation: material, timestamp: tsa });
    w.outage.down = true;
    const verdict = await verify(signed, { policy: { revocation: 'require' } });
    expect(verdict.reasons).toEqual([]);
    expect(verdict.signatures[0].revocation.map((r) => [r.status, r.source])).toEqual([
      ['good', 'embedded'],
      ['good', 'embedded'],
    ]);
  });

  it('a document timestamp last (PAdES-B-LTA): valid, and it is the trusted time of the signature it covers', async () => {
    w.tsaTime.at = new Date(NOW.getTime() - HOUR);
    const signed = await sign(base, w.leader, { signingTime: new Date(NOW.getTime() - 2 * HOUR) });
    const verdict = await verify(await addDocumentTimestamp(signed, tsa));
    expect(verdict.reasons).toEqual([]);
    expect(verdict.signatures.map((s) => s.kind)).toEqual(['approval', 'document_timestamp']);
    expect(verdict.signatures[0]).toMatchObject({ trustedTimeSource: 'document_timestamp', trustedTime: new Date(NOW.getTime() - HOUR) });
    expect(verdict.signatures[1].signer?.name).toBe('Test TSA');
  });

  it('a signature timestamp (PAdES-B-T) sets the trusted time', async () => {
    w.tsaTime.at = new Date(NOW.getTime() - 2 * HOUR);
    const verdict = await verify(await sign(base, w.leader, { signingTime: new Date(NOW.getTime() - 3 * HOUR), timestamp: tsa }));
    expect(verdict.reasons).toEqual([]);
    expect(verdict.signatures[0]).toMatchObject({ trustedTimeSource: 'signature_timestamp', trustedTime: new Date(NOW.getTime() - 2 * HOUR) });
  });

  it('revoked after its timestamp: valid, the later revocation stated', async () => {
    const signer = await w.issueSigner('Revoked Later');
    w.tsaTime.at = new Date(NOW.getTime() - 3 * DAY);
    const signed = await sign(base, signer, { signingTime: new Date(NOW.getTime() - 3 * DAY), timestamp: tsa });
    w.registry.revoke(signer, new Date(NOW.getTime() - DAY));
    const verdict = await verify(signed);
    expect(verdict.reasons).toEqual([]);
    expect(verdict.signatures[0].revocation[0]).toMatchObject({ status: 'good', revokedAt: new Date(NOW.getTime() - DAY) });
  });

  it('certification with P=2, then a second signature: valid (signing is permitted)', async () => {
    const verdict = await verify(await sign(await sign(base, w.specialist, { certify: 2 }), w.leader));
    expect(verdict.reasons).toEqual([]);
    expect(verdict.signatures[0]).toMatchObject({ kind: 'certification', docMdp: 2 });
  });
});

/** Appends an update adding a text annotation on the first page. */
async function withAnnotation(pdf: Buffer): Promise<Buffer> {
  const update = await IncrementalUpdate.open(pdf);
  const page = update.firstPage();
  const note = update.add(update.context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [10, 10, 30, 30], Contents: PDFHexString.fromText('Ghi chú') }));
  const annots = PDFArray.withContext(update.context);
  const existing = page.page.lookup(PDFName.of('Annots'));
  if (existing instanceof PDFArray) for (const item of existing.asArray()) annots.push(item);
  annots.push(note);
  page.page.set(PDFName.of('Annots'), annots);
  update.touch(page.ref);
  return update.toBytes();
}

/** A PDF with one text form field "ho_ten". */
async function withFormField(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  doc.getForm().createTextField('ho_ten').addToPage(page, { x: 72, y: 700, width: 200, height: 20 });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** Appends an update filling the field "ho_ten" (its /V only). */
async function filled(pdf: Buffer): Promise<Buffer> {
  const update = await IncrementalUpdate.open(pdf);
  const form = lookupDict(update.context, update.catalog.get(PDFName.of('AcroForm')))!;
  const fieldRef = (form.lookup(PDFName.of('Fields')) as PDFArray).get(0) as PDFRef;
  lookupDict(update.context, fieldRef)!.set(PDFName.of('V'), PDFHexString.fromText('Nguyễn Văn A'));
  update.touch(fieldRef);
  return update.toBytes();
}

describe('changes after a signature, by DocMDP level', () => {
  it('an annotation added after an approval signature: permitted (no certification), reported', async () => {
    const verdict = await verify(await withAnnotation(await sign(base, w.leader)));
    expect(verdict.reasons).toEqual([]);
    const changes = verdict.signatures[0].changesAfter;
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.kind === 'annotation' && c.allowed)).toBe(true); // the page's /Annots and the new annotation
  });

  it('an annotation added after a certification with P=2: refused', async () => {
    expect(codesOf(await verify(await withAnnotation(await sign(base, w.leader, { certify: 2 }))))).toEqual(['MODIFIED_AFTER_SIGNING']);
  });

  it('a form field filled after a certification with P=2: permitted; with P=1: refused', async () => {
    const form = await withFormField();
    const p2 = await verify(await filled(await sign(form, w.leader, { certify: 2 })));
    expect(p2.reasons).toEqual([]);
    expect(p2.signatures[0].changesAfter).toEqual([expect.objectContaining({ kind: 'form_fill', allowed: true })]);
    expect(codesOf(await verify(await filled(await sign(form, w.leader, { certify: 1 }))))).toEqual(['MODIFIED_AFTER_SIGNING']);
  });
});

describe('invalid files', () => {
  it('the first signature tampered (a signed byte changed before the second signature): invalid, the second still valid', async () => {
    const first = await sign(base, w.specialist);
    const at = first.indexOf('595');
    const tampered = Buffer.from(first);
    tampered.write('594', at, 'latin1'); // the page's MediaBox, inside the first signature's range
    const verdict = await verify(await sign(tampered, w.leader));
    expect(verdict.valid).toBe(false);
    expect(codesOf(verdict.signatures[0])).toEqual(['DIGEST_MISMATCH']);
    expect(verdict.signatures[1].valid).toBe(true);
  });

  it('the first signature untrusted: invalid', async () => {
    const strangerRoot = await issue({ name: 'Stranger Root', ca: true, notBefore: new Date(NOW.getTime() - 10 * DAY), notAfter: new Date(NOW.getTime() + 10 * DAY) });
    const stranger = await issue({ name: 'Stranger', issuer: strangerRoot, notBefore: new Date(NOW.getTime() - 10 * DAY), notAfter: new Date(NOW.getTime() + 10 * DAY) });
    const verdict = await verify(await sign(await sign(base, stranger), w.leader));
    expect(verdict.valid).toBe(false);
    expect(codesOf(verdict.signatures[0])).toEqual(['UNTRUSTED_CHAIN']);
    expect(verdict.signatures[1].valid).toBe(true);
  });

  it('certification with no changes allowed (P=1), then a second signature: invalid', async () => {
    const verdict = await verify(await sign(await sign(base, w.specialist, { certify: 1 }), w.leader));
    expect(verdict.valid).toBe(false);
    expect(codesOf(verdict.signatures[0])).toEqual(['MODIFIED_AFTER_SIGNING']);
    expect(verdict.signatures[1].valid).toBe(true);
  });

  it('certification P=1 still permits a DSS and a document timestamp', async () => {
    const certified = await sign(base, w.leader, { certify: 1 });
    const verdict = await verify(await addDocumentTimestamp(await addValidationData(certified, { certs: [w.intermediate.der], crls: [], ocsps: [] }), tsa));
    expect(verdict.reasons).toEqual([]);
  });

  it('an incremental update changing the page after signing: invalid', async () => {
    const signed = await sign(base, w.leader);
    const update = await IncrementalUpdate.open(signed);
    const page = update.firstPage();
    const value = page.page.lookup(PDFName.of('Contents'));
    const contents = (value instanceof PDFArray ? value.get(0) : page.page.get(PDFName.of('Contents'))) as PDFRef;
    const stream = update.context.lookup(contents) as PDFRawStream;
    update.context.assign(contents, update.context.stream(Buffer.concat([Buffer.from(stream.contents), Buffer.from(' ')]), { Filter: stream.dict.get(PDFName.of('Filter')) ?? PDFName.of('None') }));
    update.touch(contents);
    const verdict = await verify(update.toBytes());
    expect(verdict.valid).toBe(false);
    expect(codesOf(verdict.signatures[0])).toEqual(['MODIFIED_AFTER_SIGNING']);
    expect(verdict.signatures[0].changesAfter).toEqual([expect.objectContaining({ kind: 'other', allowed: false })]);
  });

  it('an update adding a page after signing: invalid', async () => {
    const signed = await sign(base, w.leader);
    const update = await IncrementalUpdate.open(signed);
    const pagesRef = update.catalog.get(PDFName.of('Pages')) as PDFRef;
    const pages = lookupDict(update.context, pagesRef)!;
    pages.set(PDFName.of('Count'), update.context.obj(2));
    update.touch(pagesRef);
    expect(codesOf(await verify(update.toBytes()))).toEqual(['MODIFIED_AFTER_SIGNING']);
  });

  it('an expired certificate with a back-dated claimed signing time: invalid', async () => {
    const expired = await w.issueSigner('Expired Leader', { notBefore: new Date(NOW.getTime() - 400 * DAY), notAfter: new Date(NOW.getTime() - DAY) });
    const verdict = await verify(await sign(base, expired, { signingTime: new Date(NOW.getTime() - 10 * DAY) }));
    expect(verdict.valid).toBe(false);
    expect(codesOf(verdict)).toEqual(['CERT_NOT_VALID_AT_SIGNING_TIME']);
  });

  it('a claimed signing time after the upload: invalid', async () => {
    const verdict = await verify(await sign(base, w.leader, { signingTime: new Date(NOW.getTime() + DAY) }));
    expect(codesOf(verdict)).toEqual(['CLAIMED_TIME_AFTER_TRUSTED_TIME']);
  });

  it('a certificate not valid yet at the upload, with a matching future claim: invalid', async () => {
    const future = await w.issueSigner('Future Leader', { notBefore: new Date(NOW.getTime() + 100 * DAY), notAfter: new Date(NOW.getTime() + 400 * DAY) });
    const verdict = await verify(await sign(base, future, { signingTime: new Date(NOW.getTime() + 200 * DAY) }));
    expect(codesOf(verdict)).toEqual(['CERT_NOT_VALID_AT_SIGNING_TIME', 'CLAIMED_TIME_AFTER_TRUSTED_TIME']);
  });

  it('revoked before signing: invalid (OCSP online), and the same from a CRL in the DSS', async () => {
    const signer = await w.issueSigner('Revoked Before');
    w.registry.revoke(signer, new Date(NOW.getTime() - 2 * DAY));
    const signed = await sign(base, signer);
    const verdict = await verify(signed);
    expect(codesOf(verdict)).toEqual(['REVOKED']);
    const crl = await (await fetch(`${w.baseUrl}/crl/intermediate.crl`)).arrayBuffer();
    w.outage.down = true;
    const fromDss = await verify(await addValidationData(signed, { certs: [], crls: [new Uint8Array(crl)], ocsps: [] }));
    expect(codesOf(fromDss)).toEqual(['REVOKED']);
    expect(fromDss.signatures[0].revocation[0]).toMatchObject({ method: 'crl', source: 'embedded' });
  });

  it('SHA-1 is refused by default, accepted and flagged under the legacy switch', async () => {
    const signed = await sign(base, w.leader, { digestAlgorithm: 'sha1' });
    expect(codesOf(await verify(signed))).toEqual(['WEAK_ALGORITHM']);
    const legacy = await verify(signed, { policy: { revocation: 'prefer', allowSha1: true } });
    expect(legacy.valid).toBe(true);
    expect(legacy.signatures[0].warnings.map((x) => x.code)).toContain('WEAK_ALGORITHM_ACCEPTED');
  });

  it('revocation policy: unknown status is accepted under prefer, refused under require, not checked under off', async () => {
    const signed = await sign(base, w.leader);
    w.outage.down = true;
    const prefer = await verify(signed);
    expect(prefer.valid).toBe(true);
    expect(prefer.signatures[0].warnings.map((x) => x.code)).toContain('REVOCATION_UNKNOWN_ACCEPTED');
    expect(codesOf(await verify(signed, { policy: { revocation: 'require', revocationTimeoutMs: 2000 } }))).toEqual(['REVOCATION_UNKNOWN']);
    const requests = w.requests.length;
    const off = await verify(signed, { policy: { revocation: 'off' } });
    expect(off.valid).toBe(true);
    expect(off.signatures[0].revocation[0].status).toBe('not_checked');
    expect(w.requests.length).toBe(requests);
  });

  it('a signature whose timestamp comes from an untrusted TSA: invalid (TIMESTAMP_UNTRUSTED)', async () => {
    const signed = await sign(base, w.leader, { timestamp: tsa });
    expect((await verify(signed)).valid).toBe(true); // control: the test TSA chains to the root
    // Only the leader's own certificate pinned: the signer is trusted, the TSA is not.
    const pinned = TrustStore.from({ anchors: [w.leader.pem] });
    expect(codesOf(await verify(signed, { trust: pinned }))).toEqual(['TIMESTAMP_UNTRUSTED']);
  });
});
