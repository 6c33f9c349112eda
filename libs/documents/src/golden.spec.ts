/**
 * Golden tests of every paper (issue #12 acceptance 1), one fixture each: the text a reader sees,
 * the signatory's name and title, the page count (nothing alone on an empty page), and the QR: one
 * https URL carrying the TT 01/2023 Art 26 fields and leading to the public lookup page.
 * The list below is the list of forms; a form missing here is a form without a golden test.
 */
import { APOLOGY, CONTROL_SLIP, LOG_BOOK, LOOKUP_URL, PROCESSING_REFUSAL, RECEIPT, REFUSAL, SUPPLEMENT_REQUEST } from '../test-support/fixtures';
import { decodeQr, pdfImages, pdfPageCount, pdfText } from '../test-support/pdf-inspect';
import {
  FORMS,
  parseQrPayload,
  renderApology,
  renderControlSlip,
  renderLogBook,
  renderProcessingRefusal,
  renderReceipt,
  renderRefusal,
  renderSupplementRequest,
  type FormKind,
  type PaperBase,
} from './index';

const flat = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ');

interface Golden {
  readonly form: FormKind;
  readonly render: () => Promise<Buffer>;
  /** The paper's dossier: its QR is checked against it (none for the log book). */
  readonly dossier?: PaperBase;
  readonly appointmentAt?: Date;
  readonly pages: number;
  readonly texts: readonly string[];
  /** The signature block as extracted: role, hint, name, title. */
  readonly signature?: string;
  readonly absent?: readonly string[];
}

const GOLDEN: readonly Golden[] = [
  {
    form: 'receipt',
    render: () => renderReceipt(RECEIPT),
    dossier: RECEIPT,
    appointmentAt: RECEIPT.appointmentAt,
    pages: 1,
    texts: ['Mẫu số 01', 'Mã hồ sơ: 000.00.12.H30-260212-0001', 'Ông/Bà: Nguyễn Thị Thu Hương', 'Điều lệ tổ chức và hoạt động'],
    signature: 'NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) Lò Văn Thắng Chuyên viên',
  },
  {
    form: 'supplementRequest',
    render: () => renderSupplementRequest(SUPPLEMENT_REQUEST),
    dossier: SUPPLEMENT_REQUEST,
    pages: 1,
    texts: ['Mẫu số 02', '1. Đơn đề nghị cấp Giấy chứng nhận: ký, ghi rõ họ tên và đóng dấu', 'Lý do:', '- Bản sao Quyết định thành lập chưa được chứng thực.'],
    signature: 'NGƯỜI HƯỚNG DẪN (Ký và ghi rõ họ tên) Lò Văn Thắng Chuyên viên',
  },
  {
    form: 'refusal',
    render: () => renderRefusal(REFUSAL),
    dossier: REFUSAL,
    pages: 1,
    texts: ['Mẫu số 03', 'Thủ tục không thuộc thẩm quyền giải quyết của Sở Khoa học và Công nghệ tỉnh Lai Châu.'],
    signature: 'NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) Lò Văn Thắng Chuyên viên',
  },
  {
    form: 'processingRefusal',
    render: () => renderProcessingRefusal(PROCESSING_REFUSAL),
    dossier: PROCESSING_REFUSAL,
    pages: 1,
    texts: ['Tổ chức chưa có trụ sở làm việc đáp ứng điều kiện theo quy định.', 'Phòng Quản lý chuyên ngành'],
    signature: 'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC (Ký, ghi rõ họ tên và đóng dấu) Hà Văn Sơn',
    absent: ['Mẫu số', 'NGƯỜI TIẾP NHẬN HỒ SƠ'],
  },
  {
    form: 'apology',
    render: () => renderApology(APOLOGY),
    dossier: APOLOGY,
    appointmentAt: APOLOGY.newAppointmentAt,
    pages: 1,
    texts: ['Mẫu số 04', 'Cần xác minh thông tin về trụ sở làm việc của tổ chức tại địa phương.'],
    signature: 'GIÁM ĐỐC (Ký, ghi rõ họ tên và đóng dấu) Hoàng Văn Đức',
  },
  {
    form: 'controlSlip',
    render: () => renderControlSlip(CONTROL_SLIP),
    dossier: CONTROL_SLIP,
    appointmentAt: CONTROL_SLIP.appointmentAt,
    pages: 1,
    texts: [
      'Mẫu số 06',
      'Cơ quan (bộ phận) giải quyết hồ sơ: Sở Khoa học và Công nghệ tỉnh Lai Châu',
      'THỜI GIAN GIAO, NHẬN HỒ SƠ',
      '1. Giao: Trung tâm Phục vụ hành chính công tỉnh Lai Châu',
      'Người giao: Lò Văn Thắng',
      'Người nhận: Trần Thị Mai',
      '12/02/2026 15:30',
      'Trước hạn',
      'Quá hạn',
      'Đã có văn bản xin lỗi',
    ],
  },
  {
    form: 'logBook',
    render: () => renderLogBook(LOG_BOOK),
    pages: 1,
    texts: [
      'Mẫu số 07',
      'Từ ngày 01/02/2026 đến ngày 28/02/2026',
      'Số hồ sơ tiếp nhận: 2',
      'Mã hồ sơ',
      '000.00.12.H30-260213-0001',
      'Lò Thị Mến',
      '12/02/2026 09:15',
      'Trả ngày 25/02/2026 16:00',
    ],
  },
];

describe('golden papers', () => {
  it('covers every form', () => {
    expect(GOLDEN.map((g) => g.form).sort()).toEqual((Object.keys(FORMS) as FormKind[]).sort());
  });

  describe.each(GOLDEN.map((g) => [g.form, g] as const))('%s', (_form, golden) => {
    let pdf: Buffer;
    let text: string;
    beforeAll(async () => {
      pdf = await golden.render();
      text = flat(await pdfText(pdf));
    });

    it('prints its title and content, on the expected number of pages', async () => {
      expect(text).toContain(FORMS[golden.form].title);
      for (const expected of golden.texts) expect(text).toContain(expected);
      for (const absent of golden.absent ?? []) expect(text).not.toContain(absent);
      expect(text).not.toMatch(/undefined|NaN|Invalid Date|\uFFFD/);
      expect(await pdfPageCount(pdf)).toBe(golden.pages);
    });

    if (golden.signature) {
      it('is signed by name and title', () => expect(text).toContain(golden.signature));
    }

    if (golden.dossier) {
      const dossier = golden.dossier;
      it('carries one QR: an https URL with the Art 26 fields, leading to the lookup page', () => {
        const images = pdfImages(pdf);
        expect(images).toHaveLength(1);
        const url = decodeQr(images[0]) as string;
        expect(url).toMatch(/^https:\/\/\S+$/);
        expect(() => new URL(url)).not.toThrow();
        const qr = parseQrPayload(url);
        expect(qr).toMatchObject({
          dossierCode: dossier.dossierCode,
          procedureCode: dossier.procedure.code,
          applicantId: '********8901',
          paperName: FORMS[golden.form].paperName,
          lookupUrl: LOOKUP_URL,
        });
        expect(qr.issuingSystem).not.toBe('');
        expect(new Date(qr.issuedAt).getTime()).toBe(Math.floor(dossier.issuedAt.getTime() / 1000) * 1000);
        if (golden.appointmentAt) expect(new Date(qr.appointmentAt!).getTime()).toBe(golden.appointmentAt.getTime());
        else expect(qr.appointmentAt).toBeUndefined();
      });
    } else {
      it('concerns no one dossier, so carries no QR', () => expect(pdfImages(pdf)).toHaveLength(0));
    }
  });

  it('a long control slip and log book repeat the header on every page and leave no page empty', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...CONTROL_SLIP.handovers[i % 3], note: `Lượt ${i + 1}` }));
    const slip = await renderControlSlip({ ...CONTROL_SLIP, handovers: many });
    const slipPages = await pdfPageCount(slip);
    expect(slipPages).toBeGreaterThan(1);
    const slipText = flat(await pdfText(slip));
    expect(slipText.split('THỜI GIAN GIAO, NHẬN HỒ SƠ')).toHaveLength(slipPages + 1);
    expect(slipText).toContain('Lượt 40');
    expect(slipText).toContain(`Trang ${slipPages}/${slipPages}`);

    const entries = Array.from({ length: 60 }, (_, i) => ({ ...LOG_BOOK.entries[i % 2], code: `000.00.12.H30-260212-${String(i + 1).padStart(4, '0')}` }));
    const book = await renderLogBook({ ...LOG_BOOK, entries });
    const bookPages = await pdfPageCount(book);
    const bookText = flat(await pdfText(book));
    expect(bookPages).toBeGreaterThan(1);
    expect(bookText.split('Chuyển hồ sơ đến cơ quan, đơn vị giải quyết')).toHaveLength(bookPages + 1);
    expect(bookText).toContain('000.00.12.H30-260212-0060');
  });

  it('an empty log book still prints its heading and says how many dossiers (none)', async () => {
    const book = await renderLogBook({ ...LOG_BOOK, entries: [] });
    expect(await pdfPageCount(book)).toBe(1);
    expect(flat(await pdfText(book))).toContain('Số hồ sơ tiếp nhận: 0');
  });
});
