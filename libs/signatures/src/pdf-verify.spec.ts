import { createHash } from 'node:crypto';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import {
  certificateSummary,
  createDemoPki,
  DEMO_CA_COMMON_NAME,
  identityFromPem,
  issueUserCertificate,
  loadPkcs12,
  SignatureError,
  signPdf,
  verifyPdfSignature,
  type DemoPki,
  type SigningIdentity,
} from './index';
import { byteRangeOf, codes, minimalPdf, withByte } from './spec-fixtures';

const AGENCY = 'Sở Khoa học và Công nghệ tỉnh Lai Châu';
const REASON = 'Số hoá bởi Nguyễn Thị Hoà — bộ phận Một cửa';
const YEAR_MS = 365.25 * 24 * 3600 * 1000;

let pki: DemoPki;
let identity: SigningIdentity;
let unsigned: Buffer;
let signed: Buffer;
const signingTime = new Date(Math.floor(Date.now() / 1000) * 1000);
const trust = () => ({ anchorsPem: [pki.caCertPem], receivedAt: new Date() });

afterEach(() => jest.restoreAllMocks());

beforeAll(async () => {
  pki = createDemoPki({ agencyName: AGENCY });
  identity = loadPkcs12(pki.p12, pki.p12Password);
  unsigned = await minimalPdf();
  signed = await signPdf(unsigned, identity, { reason: REASON, location: 'Lai Châu', signingTime });
});

describe('a PDF signed with the demo agency identity', () => {
  it('verifies and records the signer, the signing time and the file digest', async () => {
    const verdict = await verifyPdfSignature(signed, trust());
    expect(verdict.reasons).toEqual([]);
    expect(verdict.valid).toBe(true);
    const agency = certificateSummary(pki.agencyCertPem);
    expect(verdict.signer).toEqual({
      name: AGENCY,
      organization: AGENCY,
      serialNumber: agency.serialNumber,
      issuer: expect.stringContaining(`CN=${DEMO_CA_COMMON_NAME}`),
      notBefore: agency.notBefore,
      notAfter: agency.notAfter,
    });
    expect(verdict.signingTime).toEqual(signingTime);
    expect(verdict.documentSha256).toBe(createHash('sha256').update(signed).digest('hex'));
    expect(verdict.coversWholeFile).toBe(true);
    expect(verdict.signatureCount).toBe(1);
    expect(verdict.subFilter).toBe('ETSI.CAdES.detached');
    expect(verdict.digestAlgorithm).toBe('sha256');
  });

  it('keeps the Vietnamese /Reason and /Location intact', async () => {
    const verdict = await verifyPdfSignature(signed, trust());
    expect(verdict.reason).toBe(REASON);
    expect(verdict.location).toBe('Lai Châu');
  });

  it('ends the second signed range exactly at end of file', () => {
    const [start, , secondStart, secondLength] = byteRangeOf(signed);
    expect(start).toBe(0);
    expect(secondStart + secondLength).toBe(signed.length);
  });

  it('signs an already signed PDF in an incremental update: both signatures stay valid', async () => {
    const twice = await signPdf(signed, identity, { reason: 'again' });
    expect(twice.subarray(0, signed.length).equals(signed)).toBe(true);
    const verdict = await verifyPdfSignature(twice, trust());
    expect(verdict.reasons).toEqual([]);
    expect(verdict.signatures.map((s) => s.valid)).toEqual([true, true]);
  });
});

describe('tampering after signing', () => {
  it('a changed byte in the first signed range (page content stream) → DIGEST_MISMATCH', async () => {
    const index = signed.indexOf('stream\n') + 'stream\n'.length + 5;
    expect(index).toBeLessThan(byteRangeOf(signed)[1]);
    const verdict = await verifyPdfSignature(withByte(signed, index, signed[index] ^ 0x01), trust());
    expect(codes(verdict)).toEqual(['DIGEST_MISMATCH']);
    expect(verdict.valid).toBe(false);
  });

  it('a changed byte in the second signed range (/Reason after /Contents) → DIGEST_MISMATCH', async () => {
    const index = signed.indexOf('/T <FEFF') + '/T <FEFF'.length + 1; // the field name, written after /Contents
    expect(index).toBeGreaterThan(byteRangeOf(signed)[2]);
    const digit = signed[index] === 0x30 ? 0x31 : 0x30;
    const verdict = await verifyPdfSignature(withByte(signed, index, digit), trust());
    expect(codes(verdict)).toEqual(['DIGEST_MISMATCH']);
  });

  it('bytes appended after %%EOF (no PDF update) → NOT_WHOLE_FILE', async () => {
    const verdict = await verifyPdfSignature(Buffer.concat([signed, Buffer.from('\n% appended\n')]), trust());
    expect(codes(verdict)).toEqual(['NOT_WHOLE_FILE']);
    expect(verdict.coversWholeFile).toBe(false);
    expect(verdict.valid).toBe(false);
  });

  it('a cross-reference section appended that points an object back at an older definition → MODIFIED_AFTER_SIGNING', async () => {
    const xrefAt = signed.lastIndexOf('xref');
    const tail = `xref\n1 1\n0000000009 00000 n\r\ntrailer\n<< /Size 99 /Root 1 0 R /Prev ${xrefAt} >>\nstartxref\n${signed.length}\n%%EOF\n`;
    const verdict = await verifyPdfSignature(Buffer.concat([signed, Buffer.from(tail, 'latin1')]), trust());
    expect(codes(verdict)).toEqual(['MODIFIED_AFTER_SIGNING']);
  });

  it('an incremental update replacing the page content (shadow attack) → MODIFIED_AFTER_SIGNING', async () => {
    const updated = await appendContentUpdate(signed, 'BT /F1 14 Tf 72 760 Td (Ho so bi tu choi) Tj ET');
    // The update is real: a PDF reader now shows the new content.
    const reread = await PDFDocument.load(updated);
    const stream = reread.context.lookup(await contentStreamRef(updated));
    expect(stream).toBeInstanceOf(PDFRawStream);
    expect(Buffer.from((stream as PDFRawStream).getContents()).toString('latin1')).toContain('Ho so bi tu choi');

    const verdict = await verifyPdfSignature(updated, trust());
    expect(codes(verdict)).toEqual(['MODIFIED_AFTER_SIGNING']);
  });

  it('the signed PDF loaded and saved again by pdf-lib → invalid (its bytes moved)', async () => {
    const resaved = Buffer.from(await (await PDFDocument.load(signed)).save({ useObjectStreams: false }));
    const verdict = await verifyPdfSignature(resaved, trust());
    expect(codes(verdict).some((c) => c === 'BYTE_RANGE_INVALID' || c === 'DIGEST_MISMATCH')).toBe(true);
    expect(verdict.valid).toBe(false);
  });

  it('a changed byte of the CMS signature value inside /Contents → SIGNATURE_INVALID', async () => {
    const [, gapStart] = byteRangeOf(signed);
    const hexStart = gapStart + 1;
    const der = Buffer.from(signed.subarray(hexStart, hexStart + 8).toString('latin1'), 'hex'); // 30 82 LL LL
    expect(der[0]).toBe(0x30);
    const cmsLength = 4 + der.readUInt16BE(2);
    const index = hexStart + 2 * (cmsLength - 10); // within the RSA signature, the last field
    const digit = signed[index] === 0x30 ? 0x31 : 0x30;
    const verdict = await verifyPdfSignature(withByte(signed, index, digit), trust());
    expect(codes(verdict)).toEqual(['SIGNATURE_INVALID']);
  });

  it('a /ByteRange that does not start at 0 → BYTE_RANGE_INVALID', async () => {
    const index = signed.indexOf('/ByteRange [0 ') + '/ByteRange ['.length;
    const verdict = await verifyPdfSignature(withByte(signed, index, 0x31), trust());
    expect(codes(verdict)).toEqual(['BYTE_RANGE_INVALID']);
  });

  it('a /ByteRange whose gap is more than the /Contents hex string → BYTE_RANGE_INVALID', async () => {
    // Shift the gap start one byte left (onto the space after /Contents), same digit count.
    const [, gapStart, secondStart, secondLength] = byteRangeOf(signed);
    const original = `/ByteRange [0 ${gapStart} ${secondStart} ${secondLength}]`;
    const shifted = `/ByteRange [0 ${gapStart - 1} ${secondStart} ${secondLength}]`;
    expect(shifted.length).toBe(original.length);
    const at = signed.indexOf(original);
    const tampered = Buffer.concat([signed.subarray(0, at), Buffer.from(shifted), signed.subarray(at + original.length)]);
    const verdict = await verifyPdfSignature(tampered, trust());
    expect(codes(verdict)).toContain('BYTE_RANGE_INVALID');
    expect(verdict.valid).toBe(false);
  });
});

describe('trust and time', () => {
  it('a signature from another (untrusted) CA → UNTRUSTED_CHAIN', async () => {
    const stranger = createDemoPki({ agencyName: 'Cơ quan lạ' });
    const strangerSigned = await signPdf(unsigned, loadPkcs12(stranger.p12, stranger.p12Password), { reason: 'x' });
    const verdict = await verifyPdfSignature(strangerSigned, trust());
    expect(codes(verdict)).toEqual(['UNTRUSTED_CHAIN']);
    // Control: the same file is fine for whoever trusts that CA.
    expect((await verifyPdfSignature(strangerSigned, { receivedAt: new Date(), anchorsPem: [stranger.caCertPem] })).valid).toBe(true);
  });

  it('no trust anchors configured → UNTRUSTED_CHAIN', async () => {
    const verdict = await verifyPdfSignature(signed, { receivedAt: new Date(), anchorsPem: [] });
    expect(verdict.reasons).toEqual([{ code: 'UNTRUSTED_CHAIN', message: expect.stringContaining('No trust anchors are configured') }]);
  });

  describe('a certificate valid from 3 to 1 years ago (CA issued 5 years ago)', () => {
    const now = Date.now();
    let oldPki: DemoPki;
    let expired: SigningIdentity;
    beforeAll(() => {
      oldPki = createDemoPki({ agencyName: AGENCY, now: new Date(now - 5 * YEAR_MS) });
      const cert = issueUserCertificate(oldPki.ca, {
        commonName: 'Trần Văn Hết Hạn',
        organization: AGENCY,
        notBefore: new Date(now - 3 * YEAR_MS),
        notAfter: new Date(now - 1 * YEAR_MS),
      });
      expired = identityFromPem({ privateKeyPem: cert.keyPem, certificatePem: cert.certPem, chainPem: [oldPki.caCertPem] });
    });

    it('signing now → CERT_NOT_VALID_AT_SIGNING_TIME', async () => {
      const pdf = await signPdf(unsigned, expired, { reason: 'x', signingTime: new Date(now) });
      const verdict = await verifyPdfSignature(pdf, { receivedAt: new Date(), anchorsPem: [oldPki.caCertPem] });
      expect(codes(verdict)).toEqual(['CERT_NOT_VALID_AT_SIGNING_TIME']);
    });

    it('claimed to be signed 2 years ago, uploaded today without a timestamp → invalid: a claim is not a trusted time', async () => {
      const pdf = await signPdf(unsigned, expired, { reason: 'x', signingTime: new Date(now - 2 * YEAR_MS) });
      const verdict = await verifyPdfSignature(pdf, { receivedAt: new Date(), anchorsPem: [oldPki.caCertPem] });
      expect(codes(verdict)).toEqual(['CERT_NOT_VALID_AT_SIGNING_TIME']);
    });

    it('uploaded 2 years ago (within validity) and re-verified at that recorded time → valid', async () => {
      const pdf = await signPdf(unsigned, expired, { reason: 'x', signingTime: new Date(now - 2 * YEAR_MS) });
      const verdict = await verifyPdfSignature(pdf, { receivedAt: new Date(now - 2 * YEAR_MS + 60_000), anchorsPem: [oldPki.caCertPem] });
      expect(verdict.reasons).toEqual([]);
    });
  });

  it('an expired CA with a still-valid signer certificate → CERT_NOT_VALID_AT_SIGNING_TIME', async () => {
    const ancient = createDemoPki({ agencyName: AGENCY, now: new Date(Date.now() - 20 * YEAR_MS) });
    const cert = issueUserCertificate(ancient.ca, { commonName: 'Phạm Văn Mới', notBefore: new Date(Date.now() - YEAR_MS) });
    const id = identityFromPem({ privateKeyPem: cert.keyPem, certificatePem: cert.certPem, chainPem: [ancient.caCertPem] });
    const verdict = await verifyPdfSignature(await signPdf(unsigned, id, { reason: 'x' }), { receivedAt: new Date(), anchorsPem: [ancient.caCertPem] });
    expect(codes(verdict)).toEqual(['CERT_NOT_VALID_AT_SIGNING_TIME']);
  });
});

describe('input that is not a signed PDF', () => {
  it('an unsigned PDF → NO_SIGNATURE', async () => {
    const verdict = await verifyPdfSignature(unsigned, trust());
    expect(codes(verdict)).toEqual(['NO_SIGNATURE']);
    expect(verdict.signatureCount).toBe(0);
    expect(verdict.documentSha256).toBe(createHash('sha256').update(unsigned).digest('hex'));
  });

  it.each<[string, () => Buffer]>([
    ['random bytes', () => Buffer.from('this is not a PDF at all \x00\x01\x02', 'latin1')],
    ['an empty buffer', () => Buffer.alloc(0)],
  ])('%s → MALFORMED, without throwing', async (_label, input) => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined); // pdf-lib reports broken objects
    const verdict = await verifyPdfSignature(input(), trust());
    expect(codes(verdict)).toEqual(['MALFORMED']);
    expect(verdict.valid).toBe(false);
  });

  it('a truncated signed PDF → invalid, without throwing', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const verdict = await verifyPdfSignature(signed.subarray(0, signed.length - 300), trust());
    expect(verdict.valid).toBe(false);
    expect(codes(verdict).length).toBeGreaterThan(0);
  });

  it('a signature whose /Contents is not a CMS (unfilled placeholder) → MALFORMED', async () => {
    const [, gapStart, secondStart] = byteRangeOf(signed);
    const zeroed = Buffer.from(signed);
    zeroed.fill(0x30, gapStart + 1, secondStart - 1);
    expect(codes(await verifyPdfSignature(zeroed, trust()))).toEqual(['MALFORMED']);
  });

  it('something that is not a Buffer → MALFORMED, without throwing', async () => {
    const verdict = await verifyPdfSignature(undefined as unknown as Buffer, trust());
    expect(codes(verdict)).toEqual(['MALFORMED']);
  });

  it('an unreadable trust anchor is a configuration error and throws', async () => {
    await expect(verifyPdfSignature(signed, { receivedAt: new Date(), anchorsPem: ['not a certificate'] })).rejects.toBeInstanceOf(SignatureError);
  });
});

/**
 * Appends a genuine incremental update: a new version of the first page's content stream
 * object, an xref section for it and a trailer chained with /Prev.
 */
async function appendContentUpdate(pdf: Buffer, content: string): Promise<Buffer> {
  const contentsRef = await contentStreamRef(pdf);
  const text = pdf.toString('latin1');
  const prevXref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)![1];
  const size = Number(/\/Size (\d+)/.exec(trailer)![1]);

  const objectOffset = pdf.length + 1;
  const object = `\n${contentsRef.objectNumber} 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`;
  const xrefOffset = pdf.length + object.length;
  const xref =
    `xref\n${contentsRef.objectNumber} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${size} /Root ${root} /Prev ${prevXref} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(object + xref, 'latin1')]);
}

/** The reference of the first content stream of the first page. */
async function contentStreamRef(pdf: Buffer): Promise<PDFRef> {
  const doc = await PDFDocument.load(pdf);
  const contents = doc.getPages()[0].node.get(PDFName.of('Contents'));
  const resolved = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  const first = resolved instanceof PDFArray ? resolved.get(0) : contents;
  if (!(first instanceof PDFRef)) throw new Error('no content stream reference');
  return first;
}
