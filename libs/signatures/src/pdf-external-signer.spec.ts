import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { PDFDocument } from 'pdf-lib';
import { createDemoPki, issueUserCertificate, verifyPdfSignature, type DemoPki, type IssuedCertificate } from './index';
import { byteRangeOf, codes, minimalPdf, withByte } from './spec-fixtures';

/**
 * A PDF signed outside this library — as a leader's USB-token software would — must verify
 * too. Here the CMS comes from node-forge's PKCS#7 signer (via @signpdf/signer-p12) into a
 * placeholder from @signpdf/placeholder-pdf-lib: none of our signing code is involved.
 */
const AGENCY = 'Sở Khoa học và Công nghệ tỉnh Lai Châu';
let pki: DemoPki;
let leader: IssuedCertificate;

beforeAll(() => {
  pki = createDemoPki({ agencyName: AGENCY });
  leader = issueUserCertificate(pki.ca, { commonName: 'Lê Thị Lãnh Đạo', organization: AGENCY });
});

async function signExternally(subFilter: string, signingTime: Date): Promise<Buffer> {
  const doc = await PDFDocument.load(await minimalPdf('Quyet dinh cap phep'));
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: 'Phe duyet', // ASCII: this placeholder writes text with PDFString.of (Latin-1 only)
    contactInfo: 'lanhdao@example.gov.vn',
    name: 'Le Thi Lanh Dao',
    location: 'Lai Chau',
    signingTime,
    subFilter,
  });
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new SignPdf().sign(prepared, new P12Signer(leader.p12, { passphrase: leader.p12Password }), signingTime);
}

describe.each(['adbe.pkcs7.detached', 'ETSI.CAdES.detached'])('a PDF signed by node-forge with SubFilter %s', (subFilter) => {
  const signingTime = new Date(Math.floor(Date.now() / 1000) * 1000);
  let signed: Buffer;
  beforeAll(async () => {
    signed = await signExternally(subFilter, signingTime);
  });

  it('verifies against the demo CA', async () => {
    const verdict = await verifyPdfSignature(signed, { receivedAt: new Date(), anchorsPem: [pki.caCertPem] });
    expect(verdict.reasons).toEqual([]);
    expect(verdict.valid).toBe(true);
    expect(verdict.signer?.name).toBe('Lê Thị Lãnh Đạo');
    expect(verdict.signingTime).toEqual(signingTime);
    expect(verdict.subFilter).toBe(subFilter);
  });

  it('is refused once a signed byte changes', async () => {
    const index = signed.indexOf('stream\n') + 'stream\n'.length + 5;
    expect(index).toBeLessThan(byteRangeOf(signed)[1]);
    const verdict = await verifyPdfSignature(withByte(signed, index, signed[index] ^ 0x01), { receivedAt: new Date(), anchorsPem: [pki.caCertPem] });
    expect(codes(verdict)).toEqual(['DIGEST_MISMATCH']);
  });
});
