import ExcelJS from 'exceljs';
import { pdfPageCount, pdfText } from '@motcua/documents/testing';
import { binary } from '../support/binary';
import { APPLICANT, createDossier, sendEvent } from '../support/dossier-helpers';
import { ManualClock, startTestApp, TestApp } from '../support/test-app';

const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);
const PROCEDURE = 'dang-ky-thong-tin-kq-mua-bang-nsnn';
const flat = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ');

/** Issue #12: Sổ theo dõi hồ sơ for a period, PDF and Excel, for the counter, reporters and admins. */
describe('Log book (sổ theo dõi hồ sơ)', () => {
  const clock = new ManualClock(vn('2026-11-30 16:00'));
  let t: TestApp;
  const codes: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp({ clock });
    codes.before = (await createDossier(t, PROCEDURE)).code;
    clock.set(vn('2026-12-01 08:05'));
    const first = await createDossier(t, PROCEDURE);
    codes.first = first.code;
    await sendEvent(t, 'clerk', first.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: first.version });
    clock.set(vn('2026-12-02 15:40'));
    codes.second = (await createDossier(t, PROCEDURE)).code;
    clock.set(vn('2026-12-03 09:00'));
    codes.after = (await createDossier(t, PROCEDURE)).code;
  });
  afterAll(() => t.close());

  const get = async (user: string | null, query: Record<string, string>) => {
    const req = t.http().get('/api/reports/log-book').query(query);
    if (user) req.set('authorization', `Bearer ${await t.login(user)}`);
    return binary(req);
  };

  it('prints the dossiers received in the period, in order, with Vietnamese headings and dd/mm/yyyy dates', async () => {
    const res = await get('clerk', { from: '2026-12-01', to: '2026-12-02' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('so-theo-doi-ho-so_2026-12-01_2026-12-02.pdf');
    const text = flat(await pdfText(res.body as Buffer));
    expect(await pdfPageCount(res.body as Buffer)).toBe(1);
    for (const expected of ['SỔ THEO DÕI HỒ SƠ', 'Từ ngày 01/12/2026 đến ngày 02/12/2026', 'Số hồ sơ tiếp nhận: 2', 'Mã hồ sơ', 'Hẹn trả kết quả', APPLICANT.fullName, '01/12/2026 08:05', '02/12/2026 15:40']) {
      expect(text).toContain(expected);
    }
    expect(text.indexOf(codes.first)).toBeGreaterThan(-1);
    expect(text.indexOf(codes.first)).toBeLessThan(text.indexOf(codes.second));
    expect(text).not.toContain(codes.before);
    expect(text).not.toContain(codes.after);
  });

  it('exports the same rows to Excel', async () => {
    const res = await get('reporter', { from: '2026-12-01', to: '2026-12-02', format: 'xlsx' });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const sheet = wb.getWorksheet('Sổ theo dõi hồ sơ')!;
    expect(sheet.getCell('A2').value).toBe('SỔ THEO DÕI HỒ SƠ');
    expect(sheet.getRow(6).values).toEqual(expect.arrayContaining(['STT', 'Mã hồ sơ', 'Tên thủ tục hành chính', 'Hẹn trả kết quả', 'Ghi chú']));
    expect([sheet.getCell('B7').value, sheet.getCell('B8').value]).toEqual([codes.first, codes.second]);
    expect(sheet.getCell('E7').value).toBe('01/12/2026 08:05');
    expect(sheet.getCell('G7').value).toBe('Phòng Quản lý khoa học');
    expect(sheet.getCell('B9').value).toBeNull();
  });

  it('filters by procedure, refuses a bad period, and is only for clerks, reporters and admins', async () => {
    const none = await get('admin', { from: '2026-12-01', to: '2026-12-02', procedureCode: 'khong-co-thu-tuc' });
    expect(none.status).toBe(200);
    expect(flat(await pdfText(none.body as Buffer))).toContain('Số hồ sơ tiếp nhận: 0');
    expect((await get('clerk', { from: '2026-12-02', to: '2026-12-01' })).status).toBe(400);
    expect((await get('clerk', { from: '2026-02-30', to: '2026-03-01' })).status).toBe(400);
    expect((await get('clerk', { from: '2025-01-01', to: '2026-12-01' })).status).toBe(400);
    expect((await get('clerk', { from: '2026-12-01', to: '2026-12-02', format: 'doc' })).status).toBe(400);
    expect((await get('specialist', { from: '2026-12-01', to: '2026-12-02' })).status).toBe(403);
    expect((await get('leader', { from: '2026-12-01', to: '2026-12-02' })).status).toBe(403);
    expect((await get(null, { from: '2026-12-01', to: '2026-12-02' })).status).toBe(401);
  });
});
