import { pdfPageCount, pdfText } from '@motcua/documents/testing';
import { createDossier, sendEvent } from '../support/dossier-helpers';
import { binary } from '../support/binary';
import { submitOnline } from '../support/portal-inbound';
import { ManualClock, startTestApp, TestApp } from '../support/test-app';

const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);
// 5 working days, steps PQLKH specialist → BGD leader.
const PROCEDURE = 'dang-ky-thong-tin-kq-mua-bang-nsnn';
const flat = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ');

/** Issue #12 item 1: papers and history name officials by full name and title, and each paper has its own signatory. */
describe('People on paper', () => {
  const clock = new ManualClock(vn('2026-03-02 09:00'));
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  async function paper(id: string, kind: string): Promise<{ status: number; text: string; pages: number }> {
    const token = await t.login('clerk');
    const res = await binary(t.http().get(`/api/dossiers/${id}/documents/${kind}`).set('authorization', `Bearer ${token}`));
    if (res.status !== 200) return { status: res.status, text: JSON.stringify(res.body), pages: 0 };
    return { status: 200, text: flat(await pdfText(res.body as Buffer)), pages: await pdfPageCount(res.body as Buffer) };
  }
  async function act(user: string, d: { id: string; version: number }, body: Record<string, unknown>) {
    const res = await sendEvent(t, user, d.id, { ...body, expectedVersion: d.version });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
    return res.body as { id: string; version: number };
  }

  it('the receipt is signed by the receiving official by name and title, never the login', async () => {
    const d = await createDossier(t, PROCEDURE);
    const receipt = await paper(d.id, 'receipt');
    expect(receipt.status).toBe(200);
    expect(receipt.text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) Nguyễn Thị Hồng Nhung Chuyên viên');
    expect(receipt.text).not.toMatch(/\bclerk\b/);
  });

  it('a supplement request prints its reason once, signed by the official who asked', async () => {
    let d: { id: string; version: number } = await createDossier(t, PROCEDURE);
    d = await act('clerk', d, { type: 'COMPLETE_DIGITISATION' });
    const reason = 'Thiếu bản thuyết minh kết quả nghiên cứu có chữ ký của chủ nhiệm';
    d = await act('specialist', d, { type: 'REQUEST_SUPPLEMENT', reason });
    const request = await paper(d.id, 'supplement-request');
    expect(request.text.split(reason)).toHaveLength(2);
    expect(request.text).toContain('NGƯỜI HƯỚNG DẪN (Ký và ghi rõ họ tên) Trần Văn Đức Chuyên viên chính');
    expect(request.text).not.toMatch(/\bspecialist\b/);
  });

  it('a supplement request lists each component with what is missing, the reason once; an unknown component is refused', async () => {
    let d: { id: string; version: number } = await createDossier(t, PROCEDURE);
    d = await act('clerk', d, { type: 'COMPLETE_DIGITISATION' });
    const reason = 'Hồ sơ chưa đủ thành phần theo quy định';
    const components = [
      { key: 'ban-sao-hop-dong-hoac-van-ban-mua-ket-qua-nghien', requirement: 'Bản sao có chứng thực của hợp đồng đã ký' },
      { key: 'phieu-dang-ky-thong-tin-ket-qua-nghien-cuu-khoa' },
    ];
    const unknown = await sendEvent(t, 'specialist', d.id, { type: 'REQUEST_SUPPLEMENT', reason, components: [{ key: 'khong-co' }], expectedVersion: d.version });
    expect({ status: unknown.status, error: unknown.body.error }).toEqual({ status: 422, error: 'UNKNOWN_COMPONENT' });
    const twice = await sendEvent(t, 'specialist', d.id, { type: 'REQUEST_SUPPLEMENT', reason, components: [components[1], components[1]], expectedVersion: d.version });
    expect(twice.status).toBe(400);
    const notHere = await sendEvent(t, 'specialist', d.id, { type: 'FORWARD', components, expectedVersion: d.version });
    expect({ status: notHere.status, fields: notHere.body.details?.fields }).toEqual({ status: 400, fields: ['components'] });

    d = await act('specialist', d, { type: 'REQUEST_SUPPLEMENT', reason, components });
    const request = await paper(d.id, 'supplement-request');
    expect(request.pages).toBe(1);
    expect(request.text).toContain(
      '1. Bản sao hợp đồng hoặc văn bản mua kết quả nghiên cứu khoa học và phát triển công nghệ: Bản sao có chứng thực của hợp đồng đã ký',
    );
    expect(request.text).toContain('2. Phiếu đăng ký thông tin kết quả nghiên cứu khoa học và phát triển công nghệ');
    expect(request.text).toContain(`Lý do: - ${reason}`);
    expect(request.text.split(reason)).toHaveLength(2);
  });

  it('the control slip follows the dossier: each hand-over with units, full names, time and result against the step', async () => {
    let d: { id: string; version: number } = await createDossier(t, PROCEDURE);
    clock.set(vn('2026-03-02 10:30'));
    d = await act('clerk', d, { type: 'COMPLETE_DIGITISATION' });
    clock.set(vn('2026-03-03 14:00'));
    d = await act('specialist', d, { type: 'FORWARD', note: 'Đề nghị phê duyệt' });
    const slip = await paper(d.id, 'control-slip');
    expect(slip.status).toBe(200);
    expect(slip.pages).toBe(1);
    for (const expected of [
      'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      'Cơ quan (bộ phận) giải quyết hồ sơ: Sở Khoa học và Công nghệ',
      '1. Giao: Trung tâm Phục vụ hành chính công tỉnh Lai Châu Người giao: Nguyễn Thị Hồng Nhung (Chuyên viên) Nhận: Phòng Quản lý khoa học Người nhận: Trần Văn Đức (Chuyên viên chính)',
      '02/03/2026 10:30',
      '2. Giao: Phòng Quản lý khoa học Người giao: Trần Văn Đức (Chuyên viên chính) Nhận:',
      '03/03/2026 14:00',
      'Trước hạn',
    ]) {
      expect(slip.text).toContain(expected);
    }
    expect(slip.text).not.toMatch(/\b(clerk|specialist)\b/);
    clock.set(vn('2026-03-02 09:00'));
  });

  it('a refusal in processing is the agency’s reply signed by its head; a refusal at intake is Mẫu 03 of the receiving official', async () => {
    let d: { id: string; version: number } = await createDossier(t, PROCEDURE);
    d = await act('clerk', d, { type: 'COMPLETE_DIGITISATION' });
    d = await act('specialist', d, { type: 'REFUSE', reason: 'Kết quả nghiên cứu không thuộc đối tượng đăng ký' });
    const processing = await paper(d.id, 'refusal');
    expect(processing.pages).toBe(1);
    expect(processing.text).toContain('THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ');
    expect(processing.text).toContain('Đơn vị xử lý hồ sơ: Phòng Quản lý khoa học');
    expect(processing.text).toContain('GIÁM ĐỐC (Ký, ghi rõ họ tên và đóng dấu) Phạm Quang Huy');
    for (const absent of ['NGƯỜI TIẾP NHẬN HỒ SƠ', 'PHIẾU TỪ CHỐI TIẾP NHẬN', 'Trần Văn Đức']) expect(processing.text).not.toContain(absent);

    // An online submission (through the national portal: the counter cannot type one), rejected before receipt.
    const online = await submitOnline(t, PROCEDURE);
    await act('clerk', online, { type: 'REJECT', reason: 'Hồ sơ không thuộc thẩm quyền giải quyết của Sở' });
    const intake = await paper(online.id, 'refusal');
    expect(intake.text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(intake.text).toContain('Thời gian nộp hồ sơ:');
    expect(intake.text).not.toContain('Thời gian tiếp nhận');
    expect(intake.text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) Nguyễn Thị Hồng Nhung Chuyên viên');
  });

  it('the apology names the handling department and is signed by the head, not the specialist who recorded it', async () => {
    clock.set(vn('2026-03-02 09:00'));
    let d: { id: string; version: number } = await createDossier(t, PROCEDURE);
    d = await act('clerk', d, { type: 'COMPLETE_DIGITISATION' });
    clock.set(vn('2026-03-05 09:00'));
    d = await act('specialist', d, { type: 'APOLOGISE', reason: 'Cần lấy ý kiến chuyên gia', newAppointment: '2026-03-20T10:00:00+07:00' });
    const apology = await paper(d.id, 'apology');
    expect(apology.text).toContain('Đơn vị xử lý hồ sơ: Phòng Quản lý khoa học');
    expect(apology.text).toContain('GIÁM ĐỐC (Ký, ghi rõ họ tên và đóng dấu) Phạm Quang Huy');
    expect(apology.text).not.toContain('THỦ TRƯỞNG CƠ QUAN');
    expect(apology.text).not.toMatch(/\bspecialist\b/);

    const history = await t.http().get(`/api/dossiers/${d.id}/history`).set('authorization', `Bearer ${await t.login('clerk')}`).expect(200);
    expect(history.body.map((e: { actor: { fullName: string; title: string | null } }) => `${e.actor.fullName} (${e.actor.title})`)).toEqual([
      'Nguyễn Thị Hồng Nhung (Chuyên viên)',
      'Nguyễn Thị Hồng Nhung (Chuyên viên)',
      'Trần Văn Đức (Chuyên viên chính)',
    ]);
  });

});
