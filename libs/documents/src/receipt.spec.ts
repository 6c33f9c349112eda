import { inflateSync } from 'node:zlib';
import { decodeQr, pdfImages, pdfPageCount, pdfText } from '../test-support/pdf-inspect';
import { LONG_PROCEDURE_NAME, LOOKUP_URL, RECEIPT, VIETNAMESE_ALPHABET } from '../test-support/fixtures';
import { parseQrPayload, qrPayload, renderReceipt, type ReceiptData } from './index';

/** pdf-parse ends a line wherever the PDF does; compare text with line breaks and runs of spaces collapsed. */
const flat = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ');

describe('renderReceipt (Mẫu 01)', () => {
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    pdf = await renderReceipt(RECEIPT);
    text = await pdfText(pdf);
  });

  it('is a one-page PDF', async () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await pdfPageCount(pdf)).toBe(1);
  });

  it('extracts as NFC already, so no glyph maps to a decomposed sequence', () => {
    expect(text).toBe(text.normalize('NFC'));
    // A glyph without a Unicode mapping would surface as a control character.
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\ufffd]/);
  });

  it.each([
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    'UBND TỈNH LAI CHÂU',
    'BỘ PHẬN MỘT CỬA',
    'Lai Châu, ngày 12 tháng 02 năm 2026',
    'Số: 15/TN',
    'Mẫu số 01',
    'Mã hồ sơ: 000.00.12.H30-260212-0001',
    'Nguyễn Thị Thu Hương',
    'Số định danh cá nhân/Mã số thuế: 012345678901',
    'Số điện thoại: 0912 345 678',
    'Địa chỉ: Số 12, đường Trần Hưng Đạo, phường Tân Phong, tỉnh Lai Châu',
    'Mã thủ tục hành chính: 1.012345',
    'Hình thức nộp hồ sơ: Trực tiếp tại Bộ phận Một cửa',
    'Thời gian tiếp nhận: 09 giờ 15 phút, ngày 12 tháng 02 năm 2026 (12/02/2026 09:15)',
    'Thời hạn giải quyết theo quy định: 10 ngày làm việc',
    'Thời gian trả kết quả: 09 giờ 00 phút, ngày 26 tháng 02 năm 2026 (26/02/2026 09:00)',
    'Nơi nhận kết quả: Bộ phận Một cửa, Trung tâm Phục vụ hành chính công tỉnh Lai Châu',
    'NGƯỜI TIẾP NHẬN HỒ SƠ',
    'Lò Văn Thắng',
    '2. Số lượng hồ sơ: 01 (bộ)',
    'Vào Sổ theo dõi hồ sơ, Quyển số: 01/2026, Số thứ tự: 125',
  ])('contains “%s”', (expected) => {
    expect(flat(text)).toContain(expected);
  });

  it('wraps the long procedure name without losing a word', () => {
    expect(flat(text)).toContain(LONG_PROCEDURE_NAME);
    const lines = text.split('\n').filter((line) => line.includes('hoạt động khoa học') || line.includes('Thủ tục cấp'));
    expect(lines.length).toBeGreaterThan(1);
  });

  it('lists each component as received: form, number of copies or not submitted, digitisation', () => {
    // Cells on one baseline come out joined (STT, name, form, count, digitised); a wrapped
    // name puts its other cells after its last line.
    expect(text).toContain('STTTên giấy tờHình thứcSố lượngĐã số hóa');
    expect(flat(text)).toContain('2Quyết định thành lập tổ chức khoa học và công nghệ Bản sao có chứng thực 2Có');
    expect(text).toContain('3Điều lệ tổ chức và hoạt độngKhông nộpKhông');
  });

  it('prints the lookup link whole', () => {
    expect(text.replace(/\n/g, '')).toContain(LOOKUP_URL);
  });

  it('keeps every Vietnamese letter in regular, bold and italic through extraction', async () => {
    const data: ReceiptData = {
      ...RECEIPT,
      applicant: { ...RECEIPT.applicant, address: VIETNAMESE_ALPHABET }, // bold (field value)
      processingTime: undefined,
      components: [{ name: VIETNAMESE_ALPHABET, form: 'original', count: 1, digitised: true }], // regular (table)
      issuer: { ...RECEIPT.issuer, place: VIETNAMESE_ALPHABET }, // italic (date line)
    };
    const extracted = flat(await pdfText(await renderReceipt(data)));
    const expected = flat(VIETNAMESE_ALPHABET);
    expect(extracted).toContain(`Địa chỉ: ${expected}`);
    expect(extracted).toContain(`1${expected} Bản chính1Có`);
    expect(extracted).toContain(`${expected}, ngày 12 tháng 02 năm 2026`);
  });

  it('normalises decomposed (NFD) input to NFC', async () => {
    const nfd = { ...RECEIPT, applicant: { ...RECEIPT.applicant, name: 'Nguyễn Thị Thu Hương'.normalize('NFD') } };
    expect(flat(await pdfText(await renderReceipt(nfd)))).toContain('Ông/Bà: Nguyễn Thị Thu Hương');
  });

  it('carries a QR code that decodes to exactly qrPayload(data)', () => {
    const images = pdfImages(pdf);
    expect(images).toHaveLength(1);
    const decoded = decodeQr(images[0]);
    expect(decoded).toBe(
      qrPayload({
        dossierCode: RECEIPT.dossierCode,
        procedureCode: RECEIPT.procedure.code,
        applicantId: RECEIPT.applicant.idNumber,
        paperName: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
        issuedAt: RECEIPT.issuedAt,
        appointmentAt: RECEIPT.appointmentAt,
        lookupUrl: LOOKUP_URL,
      }),
    );
    expect(parseQrPayload(decoded as string)).toMatchObject({
      dossierCode: '000.00.12.H30-260212-0001',
      procedureCode: '1.012345',
      applicantId: '********8901',
      issuedAt: '2026-02-12T09:15:00+07:00',
      appointmentAt: '2026-02-26T09:00:00+07:00',
      lookupUrl: LOOKUP_URL,
    });
  });

  it('puts the QR image in the top-left corner of page 1', () => {
    // pdfkit flips the page to a top-left origin, then places an image with `w 0 0 -h x y+h cm`.
    const placement = /([\d.]+) 0 0 -([\d.]+) ([\d.]+) ([\d.]+) cm\s*\/I\d+ Do/.exec(pageContent(pdf));
    expect(placement).not.toBeNull();
    const [, width, height, x, bottom] = (placement as RegExpExecArray).map(Number);
    expect(x).toBeLessThanOrEqual(86); // at the left margin (30 mm)
    expect(bottom - height).toBeLessThanOrEqual(57); // at the top margin (20 mm)
    expect(width).toBeGreaterThanOrEqual(80); // ≥ 28 mm, modules ≥ 0.4 mm
  });

  it('is byte-for-byte reproducible for the same data', async () => {
    expect((await renderReceipt(RECEIPT)).equals(pdf)).toBe(true);
  });

  it('runs onto more pages with numbered footers and a repeated table header', async () => {
    const components = Array.from({ length: 45 }, (_, i) => ({
      name: `Giấy tờ số ${i + 1}: bản vẽ thiết kế, thuyết minh kỹ thuật và hồ sơ năng lực của đơn vị thực hiện`,
      form: 'copy' as const,
      count: 2,
      digitised: i % 2 === 0,
    }));
    const long = await renderReceipt({ ...RECEIPT, components });
    const pages = await pdfPageCount(long);
    expect(pages).toBeGreaterThan(1);
    const extracted = await pdfText(long);
    expect(extracted).toContain(`Mã hồ sơ 000.00.12.H30-260212-0001 — Trang 1/${pages}`);
    expect(extracted).toContain(`Trang ${pages}/${pages}`);
    expect(extracted.split('STTTên giấy tờHình thứcSố lượngĐã số hóa').length - 1).toBeGreaterThanOrEqual(2);
    expect(flat(extracted)).toContain('Thời gian trả kết quả: 09 giờ 00 phút, ngày 26 tháng 02 năm 2026');
  });

  it('prints the short "Mã tra cứu" with the lookup page, and no procedure code line when there is no national code', async () => {
    const data: ReceiptData = { ...RECEIPT, procedure: { ...RECEIPT.procedure, code: '' }, lookup: { pageUrl: 'https://dichvucong.example.vn/#/tra-cuu', code: 'K7QM-3XPA' } };
    const bytes = await renderReceipt(data);
    const text = flat(await pdfText(bytes));
    expect(text).toContain('truy cập https://dichvucong.example.vn/#/tra-cuu và nhập mã hồ sơ cùng Mã tra cứu: K7QM-3XPA');
    expect(text).not.toContain('Mã thủ tục hành chính');
    const qr = parseQrPayload(decodeQr(pdfImages(bytes)[0]) as string);
    expect(qr.procedureCode).toBe('');
    expect(qr.url).not.toContain('tthc=');
  });

  it('leaves out the applicant signature for online dossiers', async () => {
    const online = flat(await pdfText(await renderReceipt({ ...RECEIPT, channel: 'online' })));
    expect(online).toContain('Hình thức nộp hồ sơ: Trực tuyến');
    expect(online).not.toContain('NGƯỜI NỘP HỒ SƠ');
  });

  it('rejects incomplete data instead of printing "undefined"', async () => {
    await expect(renderReceipt({ ...RECEIPT, clerkName: '' })).rejects.toThrow('clerkName is required');
    await expect(renderReceipt({ ...RECEIPT, appointmentAt: new Date('x') })).rejects.toThrow('appointmentAt must be a valid Date');
    await expect(
      renderReceipt({ ...RECEIPT, components: [{ name: 'Đơn', form: 'copy', count: -1, digitised: false }] }),
    ).rejects.toThrow('components[0].count');
    await expect(renderReceipt({ ...RECEIPT, sets: 0 })).rejects.toThrow('sets must be');
  });
});

// The first page's content stream, inflated.
function pageContent(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  for (const match of text.matchAll(/stream\n/g)) {
    const start = (match.index as number) + 'stream\n'.length;
    const end = text.indexOf('\nendstream', start);
    try {
      const body = inflateSync(pdf.subarray(start, end)).toString('latin1');
      if (body.includes(' Do')) return body;
    } catch {
      // not a deflated stream
    }
  }
  throw new Error('no page content with an image');
}
