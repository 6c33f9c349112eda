import { pdfPageCount, pdfText } from '@motcua/documents/testing';
import { APPLICANT } from '../support/dossier-helpers';
import { binary } from '../support/binary';
import { startTestApp, TestApp } from '../support/test-app';

// Six components (X-ray licence, atbx-cap-gp-xquang).
const PROCEDURE = 'atbx-cap-gp-xquang';
const flat = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ');

/** Issue #12 acceptance 2: what was received, per component, is what Mẫu 01 prints. */
describe('Receipt (Mẫu 01) prints what was received', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function create(body: Record<string, unknown>) {
    const token = await t.login('clerk');
    return t.http().post('/api/dossiers').set('authorization', `Bearer ${token}`).send({ procedureCode: PROCEDURE, channel: 'direct', applicant: APPLICANT, ...body });
  }
  async function receipt(id: string): Promise<{ text: string; pages: number }> {
    const token = await t.login('clerk');
    const res = await binary(t.http().get(`/api/dossiers/${id}/documents/receipt`).set('authorization', `Bearer ${token}`)).expect(200);
    return { text: flat(await pdfText(res.body as Buffer)), pages: await pdfPageCount(res.body as Buffer) };
  }

  it('a dossier with 6 components, 2 not submitted and 1 in two copies prints those facts, the sets and the log book', async () => {
    const res = await create({
      intake: {
        components: [
          { key: 'don-de-nghi-cap-giay-phep-tien-hanh-cong-viec', form: 'original' },
          { key: 'bao-cao-danh-gia-an-toan-buc-xa', form: 'original', count: 2 },
          { key: 'phieu-khai-bao-thiet-bi-x-quang-chan-doan-trong', form: 'copy' },
          { key: 'phieu-khai-bao-nhan-vien-buc-xa-va-nguoi-phu', form: 'not_submitted' },
          { key: 'ban-sao-giay-chung-nhan-kiem-dinh-thiet-bi-x', form: 'certified_copy' },
          // ban-sao-chung-chi-nhan-vien-buc-xa-cua-nguoi-phu left out: not submitted.
        ],
        sets: 2,
        logBook: { volume: '01/2026', entry: 37 },
      },
    });
    expect(res.status).toBe(201);
    const { text, pages } = await receipt(res.body.id);
    // Six long names take the slip onto a second page; the appointment goes there with the signatures.
    expect(pages).toBeLessThanOrEqual(2);
    if (pages === 2) expect(text.indexOf('Trang 1/2')).toBeLessThan(text.indexOf('Thời gian trả kết quả'));
    // Rows come out as STT, name, form, count, digitised ("Không": nothing scanned yet).
    expect(text).toMatch(/1Đơn đề nghị cấp giấy phép tiến hành công việc bức xạ[^]*?Bản chính ?1Không/i);
    expect(text).toMatch(/2Báo cáo đánh giá an toàn bức xạ[^]*?Bản chính ?2Không/i);
    expect(text).toMatch(/3Phiếu khai báo thiết bị X-quang[^]*?Bản sao ?1Không/i);
    expect(text).toMatch(/4Phiếu khai báo nhân viên bức xạ[^]*?Không nộp ?Không/i);
    expect(text).toMatch(/5Bản sao giấy chứng nhận kiểm định[^]*?Bản sao có chứng thực ?1Không/i);
    expect(text).toMatch(/6Bản sao chứng chỉ nhân viên bức xạ[^]*?Không nộp ?Không/i);
    expect((text.match(/Không nộp/g) ?? []).length).toBe(2);
    expect(text).toContain('Số lượng hồ sơ: 02 (bộ)');
    expect(text).toContain('Vào Sổ theo dõi hồ sơ, Quyển số: 01/2026, Số thứ tự: 37');
    expect(text).toContain(`Email: ${APPLICANT.email}`);
    // The receiving centre heads the slip and receives (DOMAIN.md §2.2); the Department decides.
    expect(text).toContain('UBND TỈNH LAI CHÂU TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH LAI CHÂU');
    expect(text).toContain('Trung tâm Phục vụ hành chính công tỉnh Lai Châu tiếp nhận hồ sơ của:');
    expect(text).toContain('Cơ quan giải quyết: Sở Khoa học và Công nghệ tỉnh Lai Châu');
    expect(text).not.toContain('BỘ PHẬN MỘT CỬA');
  });

  it('refuses an intake record that names an unknown component or one twice, writing nothing', async () => {
    const before = (await t.http().get('/api/dossiers?pageSize=1').set('authorization', `Bearer ${await t.login('clerk')}`).expect(200)).body.total;
    const unknown = await create({ intake: { components: [{ key: 'khong-co', form: 'original' }] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual({ component: 'khong-co' });
    const twice = await create({ intake: { components: [{ key: 'bao-cao-danh-gia-an-toan-buc-xa', form: 'copy' }, { key: 'bao-cao-danh-gia-an-toan-buc-xa', form: 'original' }] } });
    expect(twice.status).toBe(400);
    const zero = await create({ intake: { components: [{ key: 'bao-cao-danh-gia-an-toan-buc-xa', form: 'copy', count: 0 }] } });
    expect(zero.status).toBe(400);
    const badForm = await create({ intake: { components: [{ key: 'bao-cao-danh-gia-an-toan-buc-xa', form: 'photo' }] } });
    expect(badForm.status).toBe(400);
    expect((await create({ intake: [] })).status).toBe(400);
    const after = (await t.http().get('/api/dossiers?pageSize=1').set('authorization', `Bearer ${await t.login('clerk')}`).expect(200)).body.total;
    expect(after).toBe(before);
  });

  it('a counter dossier received without a record says so instead of inventing "1 bản chính"', async () => {
    const res = await create({});
    expect(res.status).toBe(201);
    const { text } = await receipt(res.body.id);
    expect((text.match(/Không ghi nhận/g) ?? []).length).toBe(6);
    expect(text).not.toContain('Bản chính');
  });
});
