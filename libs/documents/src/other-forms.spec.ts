import { APOLOGY, LOOKUP_URL, PROCESSING_REFUSAL, REFUSAL, SUPPLEMENT_REQUEST, VIETNAMESE_ALPHABET } from '../test-support/fixtures';
import { decodeQr, pdfImages, pdfPageCount, pdfText } from '../test-support/pdf-inspect';
import { FORMS, parseQrPayload, renderApology, renderProcessingRefusal, renderRefusal, renderSupplementRequest } from './index';

const flat = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ');

async function render(pdf: Promise<Buffer>): Promise<{ text: string; qr: ReturnType<typeof parseQrPayload>; pages: number }> {
  const bytes = await pdf;
  const images = pdfImages(bytes);
  expect(images).toHaveLength(1);
  return { text: flat(await pdfText(bytes)), qr: parseQrPayload(decodeQr(images[0]) as string), pages: await pdfPageCount(bytes) };
}

describe('renderSupplementRequest (Mẫu 02)', () => {
  it('lists what to supplement, the reasons and the deadline note, with its QR', async () => {
    const { text, qr, pages } = await render(renderSupplementRequest(SUPPLEMENT_REQUEST));
    expect(pages).toBe(1);
    for (const expected of [
      'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      'Mẫu số 02',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Ông/Bà: Nguyễn Thị Thu Hương',
      '1. Đơn đề nghị cấp Giấy chứng nhận: ký, ghi rõ họ tên và đóng dấu',
      '2. Quyết định thành lập tổ chức: bản sao có chứng thực hoặc bản sao kèm bản chính để đối chiếu',
      'Lý do:',
      '- Đơn đề nghị chưa có chữ ký của người đứng đầu tổ chức.',
      '- Bản sao Quyết định thành lập chưa được chứng thực.',
      'Ông/Bà bổ sung hồ sơ trong thời hạn 05 ngày làm việc kể từ ngày nhận phiếu này.',
      'liên hệ Bộ phận Một cửa (số điện thoại 0213 3876 543)',
      'NGƯỜI HƯỚNG DẪN',
      'Lò Văn Thắng Chuyên viên',
    ]) {
      expect(text).toContain(expected);
    }
    expect(qr).toMatchObject({ paperName: FORMS.supplementRequest.paperName, dossierCode: SUPPLEMENT_REQUEST.dossierCode, lookupUrl: LOOKUP_URL });
    expect(qr).not.toHaveProperty('appointmentAt');
  });

  it('keeps every Vietnamese letter in italic (the deadline note)', async () => {
    const { text } = await render(renderSupplementRequest({ ...SUPPLEMENT_REQUEST, deadlineNote: VIETNAMESE_ALPHABET }));
    expect(text).toContain(flat(VIETNAMESE_ALPHABET));
  });

  it('needs at least one reason', async () => {
    await expect(renderSupplementRequest({ ...SUPPLEMENT_REQUEST, reasons: [] })).rejects.toThrow('reasons must list at least one item');
  });

  it('without a component list prints each reason once', async () => {
    const reason = 'Thiếu bản thuyết minh đề tài có chữ ký của chủ nhiệm.';
    const { text } = await render(renderSupplementRequest({ ...SUPPLEMENT_REQUEST, reasons: [reason], componentsToSupplement: [] }));
    expect(text.split(reason)).toHaveLength(2);
    expect(text).not.toContain('Lý do:');
  });
});

describe('renderRefusal (Mẫu 03)', () => {
  it('states the refusal and its reasons, with its QR', async () => {
    const { text, qr } = await render(renderRefusal(REFUSAL));
    for (const expected of [
      'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      'Mẫu số 03',
      'Số: 01/TC',
      'thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
      '- Thủ tục không thuộc thẩm quyền giải quyết của Sở Khoa học và Công nghệ tỉnh Lai Châu.',
      'Xin thông báo để Ông/Bà biết và thực hiện.',
    ]) {
      expect(text).toContain(expected);
    }
    expect(qr.paperName).toBe('Phiếu từ chối tiếp nhận giải quyết hồ sơ');
    expect(text).toContain('Thời gian tiếp nhận:');
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) Lò Văn Thắng Chuyên viên');
  });

  it('an online submission refused before receipt shows its submission time, not a receipt', async () => {
    const { text } = await render(renderRefusal({ ...REFUSAL, received: false }));
    expect(text).toContain('Thời gian nộp hồ sơ: 09 giờ 15 phút, ngày 12 tháng 02 năm 2026');
    expect(text).not.toContain('Thời gian tiếp nhận');
    expect(text).not.toContain('tiếp nhận hồ sơ của');
  });
});

describe('renderProcessingRefusal (reasoned reply in processing)', () => {
  it('is the agency’s letter signed by a deputy for the head, not the counter’s refusal', async () => {
    const { text, qr, pages } = await render(renderProcessingRefusal(PROCESSING_REFUSAL));
    expect(pages).toBe(1);
    for (const expected of [
      'THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ',
      'Kính gửi: Ông/Bà Nguyễn Thị Thu Hương',
      'Đơn vị xử lý hồ sơ: Phòng Quản lý chuyên ngành',
      '- Tổ chức chưa có trụ sở làm việc đáp ứng điều kiện theo quy định.',
      'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC (Ký, ghi rõ họ tên và đóng dấu) Hà Văn Sơn',
    ]) {
      expect(text).toContain(expected);
    }
    for (const absent of ['Mẫu số', 'NGƯỜI TIẾP NHẬN HỒ SƠ', 'BỘ PHẬN MỘT CỬA', 'PHIẾU TỪ CHỐI TIẾP NHẬN']) expect(text).not.toContain(absent);
    expect(qr.paperName).toBe('Thông báo từ chối giải quyết hồ sơ');
  });

  it('refuses to print without a signer', async () => {
    await expect(renderProcessingRefusal({ ...PROCESSING_REFUSAL, signer: { ...PROCESSING_REFUSAL.signer, name: ' ' } })).rejects.toThrow('signer.name is required');
  });
});

describe('renderApology (Mẫu 04)', () => {
  it('apologises with the reason, both appointments and the department, with its QR', async () => {
    const { text, qr } = await render(renderApology(APOLOGY));
    for (const expected of [
      'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
      'Mẫu số 04',
      'Lai Châu, ngày 24 tháng 02 năm 2026',
      'Kính gửi: Ông/Bà Nguyễn Thị Thu Hương',
      'Vào lúc 09 giờ 15 phút, ngày 12 tháng 02 năm 2026, Sở Khoa học và Công nghệ tỉnh Lai Châu đã tiếp nhận hồ sơ',
      'Thời gian hẹn trả kết quả: 09 giờ 00 phút, ngày 26 tháng 02 năm 2026 (26/02/2026 09:00)',
      'Lý do: Cần xác minh thông tin về trụ sở làm việc của tổ chức tại địa phương.',
      'Đơn vị xử lý hồ sơ: Phòng Quản lý chuyên ngành',
      'Thời gian trả kết quả mới: 09 giờ 00 phút, ngày 05 tháng 03 năm 2026 (05/03/2026 09:00)',
      'GIÁM ĐỐC (Ký, ghi rõ họ tên và đóng dấu) Hoàng Văn Đức',
    ]) {
      expect(text).toContain(expected);
    }
    // Issued by the agency itself: no one-stop unit line in the heading.
    expect(text).not.toContain('BỘ PHẬN MỘT CỬA');
    expect(text).not.toContain('KT.');
    expect(qr).toMatchObject({
      paperName: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết',
      issuedAt: '2026-02-24T10:00:00+07:00',
      appointmentAt: '2026-03-05T09:00:00+07:00',
    });
  });
});
