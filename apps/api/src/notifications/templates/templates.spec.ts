import type { ApologyData, ReceiptData, ResultReadyData, SupplementRequestData } from '../notification.types';
import { apologyNotification, receiptNotification, renderNotification, resultReadyNotification, supplementRequestNotification } from '.';
import { vnDateTime, vnShortDateTime } from './format';

const COMMON = {
  agencyName: 'Sở Khoa học và Công nghệ tỉnh Lai Châu',
  applicantName: 'Nguyễn Thị Thu Hương',
  dossierCode: '000.00.12.H30-260212-0001',
  procedureName: 'Đăng ký thông tin kết quả nghiên cứu khoa học',
  lookupUrl: 'https://motcua.example.vn/#/tra-cuu/000.00.12.H30-260212-0001/s3cr3t',
};

// 02:00 UTC is 09:00 in Viet Nam; 26/02/2026 is a Thursday.
const RECEIPT: ReceiptData = { ...COMMON, receivedAt: '2026-02-12T02:00:00.000Z', appointmentAt: '2026-02-26T02:00:00.000Z' };

describe('dates are shown in Asia/Ho_Chi_Minh', () => {
  it('with hour, weekday and date', () => {
    expect(vnDateTime('2026-02-26T02:00:00.000Z')).toBe('09 giờ 00, Thứ Năm, ngày 26/02/2026');
    // 17:30 UTC on the 1st is already the 2nd (a Monday) in Viet Nam.
    expect(vnDateTime('2026-03-01T17:30:00.000Z')).toBe('00 giờ 30, Thứ Hai, ngày 02/03/2026');
    expect(vnShortDateTime('2026-02-26T10:05:00.000Z')).toBe('17:05 26/02/2026');
  });
});

describe('receipt', () => {
  const mail = receiptNotification(RECEIPT);

  it('names the dossier code, the procedure, the appointment and the lookup link', () => {
    expect(mail.subject).toBe('Đã tiếp nhận hồ sơ 000.00.12.H30-260212-0001');
    expect(mail.text).toContain('Kính gửi Ông/Bà Nguyễn Thị Thu Hương,');
    expect(mail.text).toContain('Sở Khoa học và Công nghệ tỉnh Lai Châu đã tiếp nhận hồ sơ của Ông/Bà.');
    expect(mail.text).toContain('Mã hồ sơ: 000.00.12.H30-260212-0001');
    expect(mail.text).toContain('Thủ tục: Đăng ký thông tin kết quả nghiên cứu khoa học');
    expect(mail.text).toContain('Thời điểm tiếp nhận: 09 giờ 00, Thứ Năm, ngày 12/02/2026');
    expect(mail.text).toContain('Ngày hẹn trả kết quả: 09 giờ 00, Thứ Năm, ngày 26/02/2026');
    expect(mail.text).toContain(`Tra cứu tình trạng hồ sơ: ${COMMON.lookupUrl}`);
    expect(mail.html).toContain(`<a href="${COMMON.lookupUrl}">Tra cứu tình trạng hồ sơ</a>`);
    expect(mail.html).toContain('<html lang="vi">');
    expect(mail.sms).toBe(`Hồ sơ 000.00.12.H30-260212-0001 đã được tiếp nhận. Hẹn trả kết quả: 09:00 26/02/2026. Tra cứu: ${COMMON.lookupUrl}`);
  });

  it('says so when the procedure sets no time limit, and leaves out a missing link', () => {
    const open = receiptNotification({ ...RECEIPT, appointmentAt: null, lookupUrl: null });
    expect(open.text).toContain('Ngày hẹn trả kết quả: Không ấn định (thủ tục không quy định thời hạn giải quyết)');
    expect(open.text).not.toContain('Tra cứu');
    expect(open.html).not.toContain('<a ');
    expect(open.sms).toBe('Hồ sơ 000.00.12.H30-260212-0001 đã được tiếp nhận.');
  });
});

describe('supplementation request', () => {
  const data: SupplementRequestData = { ...COMMON, reason: 'Thiếu bản sao hợp đồng chuyển giao công nghệ', requestedAt: '2026-03-02T03:00:00.000Z', duringIntake: false };

  it('gives the reason and says the waiting time is not counted', () => {
    const mail = supplementRequestNotification(data);
    expect(mail.subject).toBe('Yêu cầu bổ sung, hoàn thiện hồ sơ 000.00.12.H30-260212-0001');
    expect(mail.text).toContain('Nội dung cần bổ sung: Thiếu bản sao hợp đồng chuyển giao công nghệ');
    expect(mail.text).toContain('Thời điểm yêu cầu: 10 giờ 00, Thứ Hai, ngày 02/03/2026');
    expect(mail.text).toContain('Thời gian bổ sung hồ sơ không tính vào thời hạn giải quyết');
    expect(mail.sms).toContain('cần bổ sung: Thiếu bản sao hợp đồng chuyển giao công nghệ.');
  });

  it('before receipt, says the dossier is not received yet and nothing about the time limit', () => {
    const mail = supplementRequestNotification({ ...data, duringIntake: true });
    expect(mail.text).toContain('chưa đủ điều kiện tiếp nhận');
    expect(mail.text).not.toContain('thời hạn giải quyết');
  });

  it('cuts a long reason in the SMS, never in the e-mail', () => {
    const reason = 'Thiếu giấy tờ '.repeat(20).trim();
    const mail = supplementRequestNotification({ ...data, reason });
    expect(mail.text).toContain(reason);
    expect(mail.sms).toMatch(/cần bổ sung: Thiếu giấy tờ .*…\./);
  });
});

describe('apology letter', () => {
  const data: ApologyData = {
    ...COMMON,
    reason: 'Chờ ý kiến của cơ quan phối hợp',
    previousAppointmentAt: '2026-03-09T01:00:00.000Z',
    newAppointmentAt: '2026-03-16T10:00:00.000Z',
  };

  it('apologises with the reason, the old and the new appointment', () => {
    const mail = apologyNotification(data);
    expect(mail.subject).toBe('Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ 000.00.12.H30-260212-0001');
    expect(mail.text).toContain('chân thành xin lỗi Ông/Bà');
    expect(mail.text).toContain('Lý do: Chờ ý kiến của cơ quan phối hợp');
    expect(mail.text).toContain('Ngày hẹn trước đây: 08 giờ 00, Thứ Hai, ngày 09/03/2026');
    expect(mail.text).toContain('Ngày hẹn trả kết quả mới: 17 giờ 00, Thứ Hai, ngày 16/03/2026');
    expect(mail.sms).toBe('Xin lỗi Ông/Bà: hồ sơ 000.00.12.H30-260212-0001 chậm trả kết quả (Chờ ý kiến của cơ quan phối hợp). Hẹn trả mới: 17:00 16/03/2026.');
  });
});

describe('result ready', () => {
  const data: ResultReadyData = { ...COMMON, issuedAt: '2026-03-05T04:00:00.000Z' };

  it('tells the applicant to collect the result', () => {
    const mail = resultReadyNotification(data);
    expect(mail.subject).toBe('Hồ sơ 000.00.12.H30-260212-0001 đã có kết quả');
    expect(mail.text).toContain('Thời điểm có kết quả: 11 giờ 00, Thứ Năm, ngày 05/03/2026');
    expect(mail.text).toContain('Ông/Bà vui lòng nhận kết quả');
  });
});

describe('online submission received', () => {
  it('gives the reference, the lookup secret and the intake time, in Viet Nam time', () => {
    const mail = renderNotification({ template: 'submission_received', data: { ...COMMON, submittedAt: '2026-03-05T04:00:00.000Z', secret: 'bi-mat-123', intakeWorkingHours: 8 } });
    expect(mail.subject).toBe('Đã nhận hồ sơ nộp trực tuyến 000.00.12.H30-260212-0001');
    expect(mail.text).toContain('Mã tra cứu: bi-mat-123');
    expect(mail.text).toContain('trong 8 giờ làm việc');
    expect(mail.text).toContain('Thời điểm nộp: 11 giờ 00, Thứ Năm, ngày 05/03/2026');
    expect(mail.sms).toContain('mã tra cứu bi-mat-123');
  });
});

describe('every template', () => {
  const all = [
    renderNotification({ template: 'receipt', data: RECEIPT }),
    renderNotification({ template: 'supplement_request', data: { ...COMMON, reason: 'Thiếu', requestedAt: RECEIPT.receivedAt, duringIntake: false } }),
    renderNotification({ template: 'apology', data: { ...COMMON, reason: 'Chậm', previousAppointmentAt: null, newAppointmentAt: RECEIPT.appointmentAt! } }),
    renderNotification({ template: 'result_ready', data: { ...COMMON, issuedAt: RECEIPT.receivedAt } }),
    renderNotification({ template: 'submission_received', data: { ...COMMON, submittedAt: RECEIPT.receivedAt, secret: 's', intakeWorkingHours: 8 } }),
  ];

  it('is NFC (precomposed diacritics), even from decomposed input', () => {
    const decomposed = { ...RECEIPT, applicantName: COMMON.applicantName.normalize('NFD'), procedureName: COMMON.procedureName.normalize('NFD') };
    expect(decomposed.applicantName).not.toBe(COMMON.applicantName);
    const mail = receiptNotification(decomposed);
    expect(mail.text).toContain('Nguyễn Thị Thu Hương');
    expect(mail.html).toContain('Đăng ký thông tin kết quả nghiên cứu khoa học');
    for (const m of all) for (const part of [m.subject, m.text, m.html, m.sms]) expect(part).toBe(part.normalize('NFC'));
  });

  it('escapes what staff and applicants typed in the HTML part, and keeps the subject on one line', () => {
    const mail = supplementRequestNotification({ ...COMMON, applicantName: 'Lê <b>Văn</b> A', reason: 'Thiếu "bản gốc" & <script>x</script>', requestedAt: RECEIPT.receivedAt, duringIntake: false });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Thiếu &quot;bản gốc&quot; &amp; &lt;script&gt;x&lt;/script&gt;');
    expect(mail.html).toContain('Lê &lt;b&gt;Văn&lt;/b&gt; A');
    expect(receiptNotification({ ...RECEIPT, dossierCode: 'A\r\nBcc: x@y' }).subject).toBe('Đã tiếp nhận hồ sơ A Bcc: x@y');
  });

  it('ends with the agency and the no-reply note', () => {
    for (const m of all) {
      expect(m.text).toContain('Trân trọng,\nSở Khoa học và Công nghệ tỉnh Lai Châu');
      expect(m.text).toContain('vui lòng không trả lời thư này');
    }
  });
});
