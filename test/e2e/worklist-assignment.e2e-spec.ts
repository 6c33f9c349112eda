import ExcelJS from 'exceljs';
import { formatVietnamDateTime } from '@motcua/calendar';
import { APPLICANT, createDossier, dossierAtLastStep, pickWalkableProcedure, ProcedureSummary, sendEvent, USER_BY_DEPARTMENT } from '../support/dossier-helpers';
import { binary } from '../support/binary';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(90_000);

/** Issue #15: claim / assign / release at the current step, saved filters per user, the list as Excel. */
describe('Worklist: assignment, saved filters, Excel export', () => {
  let t: TestApp;
  let procedure: ProcedureSummary;
  let firstHandler: string;
  let otherSpecialist: string;
  beforeAll(async () => {
    t = await startTestApp();
    procedure = await pickWalkableProcedure(t, { minSteps: 2 });
    firstHandler = USER_BY_DEPARTMENT[procedure.steps[0].departmentCode];
    otherSpecialist = firstHandler === 'specialist' ? 'specialist2' : 'specialist';
  });
  afterAll(() => t.close());

  const auth = async (user: string) => ({ authorization: `Bearer ${await t.login(user)}` });
  const post = async (user: string, path: string, body: object) => t.http().post(path).set(await auth(user)).send(body);
  const get = async (user: string, path: string) => t.http().get(path).set(await auth(user));
  const atFirstStep = async (fullName = APPLICANT.fullName) => {
    const d = await createDossier(t, procedure.code);
    const res = await sendEvent(t, 'clerk', d.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: d.version });
    expect(res.status).toBe(200);
    if (fullName !== APPLICANT.fullName) {
      const fixed = await t.http().patch(`/api/dossiers/${d.id}/applicant`).set(await auth('clerk')).send({ expectedVersion: res.body.version, reason: 'Ghi đúng họ tên', applicant: { ...APPLICANT, fullName } });
      expect(fixed.status).toBe(200);
      return fixed.body as { id: string; code: string; version: number };
    }
    return res.body as { id: string; code: string; version: number };
  };
  const fullNameOf = async (username: string) => (await get(username, '/api/auth/me')).body.fullName as string;

  it('a step handler claims and releases; the list filters by it; every change is in the history', async () => {
    const d = await atFirstStep();
    const claimed = await post(firstHandler, `/api/dossiers/${d.id}/claim`, { expectedVersion: d.version });
    expect(claimed.status).toBe(200);
    expect(claimed.body.assignee).toEqual({ id: expect.any(String), fullName: await fullNameOf(firstHandler) });
    expect(claimed.body.version).toBe(d.version + 1);

    const mine = (await get(firstHandler, '/api/dossiers?assignedTo=me&pageSize=100')).body;
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual([d.id]);
    expect(mine.items[0].assignee.fullName).toBe(await fullNameOf(firstHandler));
    const counts = (await get(firstHandler, '/api/dossiers/tab-counts?assignedTo=me')).body;
    expect(counts.open).toBe(1);
    const nobody = (await get('clerk', '/api/dossiers?assignedTo=nobody&pageSize=100')).body;
    expect(nobody.items.some((x: { id: string }) => x.id === d.id)).toBe(false);
    expect((await get(firstHandler, `/api/dossiers/${d.id}`)).body.assignee.fullName).toBe(await fullNameOf(firstHandler));

    const released = await post(firstHandler, `/api/dossiers/${d.id}/release`, { expectedVersion: claimed.body.version });
    expect([released.status, released.body.assignee]).toEqual([200, null]);
    const history = (await get(firstHandler, `/api/dossiers/${d.id}/history`)).body as Array<{ type: string; typeLabel: string; actor: { fullName: string }; payload: { assignee: unknown } }>;
    expect(history.slice(-2).map((h) => [h.type, h.typeLabel])).toEqual([
      ['CLAIM', 'Nhận xử lý hồ sơ'],
      ['RELEASE', 'Trả lại, bỏ nhận xử lý'],
    ]);
    expect(history.at(-2)!.actor.fullName).toBe(await fullNameOf(firstHandler));
  });

  it('denials: wrong role, other department, someone else holds it, stale version — nothing written', async () => {
    const d = await atFirstStep();
    const before = (await get('clerk', `/api/dossiers/${d.id}`)).body;
    for (const role of ['clerk', 'reporter', 'admin']) {
      const res = await post(role, `/api/dossiers/${d.id}/claim`, { expectedVersion: d.version });
      expect([role, res.status, res.body.error]).toEqual([role, 403, 'FORBIDDEN']);
    }
    // A specialist of another department (who may see the dossier when the procedure passes there).
    const other = await post(otherSpecialist, `/api/dossiers/${d.id}/claim`, { expectedVersion: d.version });
    expect([403, 404]).toContain(other.status);
    if (other.status === 403) expect(other.body.error).toBe('NOT_STEP_HANDLER');
    // The leader of another department neither assigns nor lists people here.
    const leaderAssign = await post('leader', `/api/dossiers/${d.id}/assign`, { expectedVersion: d.version, userId: (await get(firstHandler, '/api/auth/me')).body.id });
    expect([leaderAssign.status, leaderAssign.body.error]).toEqual([403, 'NOT_DEPARTMENT_LEADER']);
    expect((await get('leader', `/api/dossiers/${d.id}/assignable-users`)).status).toBe(403);
    expect((await post(firstHandler, `/api/dossiers/${d.id}/assign`, { expectedVersion: d.version, userId: before.id })).status).toBe(403);
    const stale = await post(firstHandler, `/api/dossiers/${d.id}/claim`, { expectedVersion: d.version - 1 });
    expect([stale.status, stale.body.error]).toEqual([409, 'VERSION_CONFLICT']);
    const bad = await post(firstHandler, `/api/dossiers/${d.id}/claim`, { expectedVersion: 'x' });
    expect(bad.status).toBe(400);
    expect((await post(firstHandler, `/api/dossiers/${d.id}/release`, { expectedVersion: d.version })).body.error).toBe('NOT_ASSIGNED');
    const after = (await get('clerk', `/api/dossiers/${d.id}`)).body;
    expect([after.version, after.assignee]).toEqual([before.version, null]);
    expect((await get('clerk', `/api/dossiers/${d.id}/history`)).body).toHaveLength(2);

    // Received but not yet at a step: nothing to claim.
    const fresh = await createDossier(t, procedure.code, 'direct', { scan: false });
    const early = await post(firstHandler, `/api/dossiers/${fresh.id}/claim`, { expectedVersion: fresh.version });
    expect([early.status, early.body.error]).toEqual([409, 'NOT_AT_A_STEP']);
  });

  it('the department leader assigns within the department only; forwarding clears the assignment', async () => {
    const last = procedure.steps[procedure.steps.length - 1];
    expect([last.departmentCode, last.role]).toEqual(['BGD', 'leader']);
    const admin = await auth('admin');
    const created = await t.http().post('/api/admin/users').set(admin).send({ username: 'pgd.lo', fullName: 'Lò Thị Mai', title: 'Phó Giám đốc', roles: ['leader'], departmentCode: 'BGD' });
    expect(created.status).toBe(201);
    const deputy = created.body.id ?? created.body.user.id;
    const { id } = await dossierAtLastStep(t, procedure);
    let version = (await get('leader', `/api/dossiers/${id}`)).body.version as number;

    const people = (await get('leader', `/api/dossiers/${id}/assignable-users`)).body as Array<{ id: string; fullName: string }>;
    expect(people.map((p) => p.fullName)).toEqual(expect.arrayContaining(['Lò Thị Mai', await fullNameOf('leader')]));
    const across = await post('leader', `/api/dossiers/${id}/assign`, { expectedVersion: version, userId: (await get('specialist', '/api/auth/me')).body.id });
    expect([across.status, across.body.error]).toEqual([422, 'ASSIGNEE_OTHER_DEPARTMENT']);
    const unknown = await post('leader', `/api/dossiers/${id}/assign`, { expectedVersion: version, userId: '0b7f8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b' });
    expect([unknown.status, unknown.body.error]).toEqual([422, 'ASSIGNEE_UNKNOWN']);
    const given = await post('leader', `/api/dossiers/${id}/assign`, { expectedVersion: version, userId: deputy });
    expect([given.status, given.body.assignee?.fullName]).toEqual([200, 'Lò Thị Mai']);
    version = given.body.version;
    // Held by the deputy: the leader cannot claim it over her, but may take it back by assigning.
    expect((await post('leader', `/api/dossiers/${id}/claim`, { expectedVersion: version })).body.error).toBe('ALREADY_ASSIGNED');
    const history = (await get('leader', `/api/dossiers/${id}/history`)).body as Array<{ type: string; payload: { assignee: { fullName: string } } }>;
    expect(history.at(-1)).toMatchObject({ type: 'ASSIGN', payload: { assignee: { fullName: 'Lò Thị Mai' } } });

    // Forwarding at the first step clears who held it.
    const d = await atFirstStep();
    const claimed = await post(firstHandler, `/api/dossiers/${d.id}/claim`, { expectedVersion: d.version });
    const forwarded = await sendEvent(t, firstHandler, d.id, { type: 'FORWARD', expectedVersion: claimed.body.version });
    expect([forwarded.status, forwarded.body.assignee]).toEqual([200, null]);
  });

  it('saved filters belong to their owner only', async () => {
    const saved = await post(firstHandler, '/api/saved-filters', { name: '  Quá hạn   của tôi ', query: { tab: 'overdue', assignedTo: 'me', text: 'lò văn' } });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: 'Quá hạn của tôi', query: { tab: 'overdue', assignedTo: 'me', text: 'lò văn' } });
    expect((await post(firstHandler, '/api/saved-filters', { name: 'Quá hạn của tôi', query: {} })).body.error).toBe('SAVED_FILTER_NAME_TAKEN');
    const bad = await post(firstHandler, '/api/saved-filters', { name: 'Sai', query: { tab: 'everything' } });
    expect(bad.status).toBe(400);
    expect((await post(firstHandler, '/api/saved-filters', { name: 'Trang', query: { page: 2 } })).status).toBe(400);

    // Another user sees none of it, cannot delete it, and may use the same name.
    expect((await get(otherSpecialist, '/api/saved-filters')).body).toEqual([]);
    const del = await t.http().delete(`/api/saved-filters/${saved.body.id}`).set(await auth(otherSpecialist));
    expect([del.status, del.body.error]).toEqual([404, 'NOT_FOUND']);
    expect((await post(otherSpecialist, '/api/saved-filters', { name: 'Quá hạn của tôi', query: { tab: 'open' } })).status).toBe(201);
    expect((await get(firstHandler, '/api/saved-filters')).body.map((f: { id: string }) => f.id)).toEqual([saved.body.id]);
    expect((await t.http().get('/api/saved-filters')).status).toBe(401);

    expect((await t.http().delete(`/api/saved-filters/${saved.body.id}`).set(await auth(firstHandler))).status).toBe(204);
    expect((await get(firstHandler, '/api/saved-filters')).body).toEqual([]);
  });

  it('exports the filtered list to Excel: Vietnamese headings, Vietnam time, full names', async () => {
    const d = await atFirstStep('Lò Văn Minh');
    const claimed = await post(firstHandler, `/api/dossiers/${d.id}/claim`, { expectedVersion: d.version });
    expect(claimed.status).toBe(200);
    expect((await t.http().get('/api/dossiers/export')).status).toBe(401);
    const res = await binary(t.http().get('/api/dossiers/export?tab=open&text=lo%20van%20minh').set(await auth('clerk')));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="danh-sach-ho-so_\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const sheet = wb.getWorksheet('Danh sách hồ sơ')!;
    expect(String(sheet.getRow(2).getCell(1).value)).toBe('Điều kiện lọc: nhóm «Chờ xử lý»; tìm «lo van minh»');
    const headings = (sheet.getRow(4).values as unknown[]).slice(1);
    expect(headings).toEqual([
      'STT', 'Mã hồ sơ', 'Người nộp', 'Số định danh', 'Thủ tục', 'Trạng thái', 'Đang ở bước', 'Người xử lý', 'Ngày nộp',
      'Ngày tiếp nhận', 'Hạn bước hiện tại', 'Số giờ làm việc còn lại', 'Tình trạng hạn', 'Hẹn trả', 'Kết quả xử lý', 'Ngày kết thúc',
    ]);
    expect(sheet.rowCount).toBe(5);
    const row = (sheet.getRow(5).values as unknown[]).slice(1);
    const view = (await get('clerk', `/api/dossiers/${d.id}`)).body;
    expect(row.slice(0, 4)).toEqual([1, view.code, 'Lò Văn Minh', APPLICANT.idNumber]);
    expect(row[7]).toBe(await fullNameOf(firstHandler));
    expect(row[8]).toBe(formatVietnamDateTime(new Date(view.submittedAt)));
    expect(row[10]).toBe(formatVietnamDateTime(new Date(view.stepDueAt)));
    expect(row[13]).toBe(formatVietnamDateTime(new Date(view.appointmentAt)));
    expect(row[8]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(typeof row[11]).toBe('number');
    // The same filters the list applies: a specialist of another department gets only what it sees.
    const scoped = await binary(t.http().get('/api/dossiers/export?assignedTo=nobody&text=lo%20van%20minh').set(await auth('clerk')));
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(scoped.body as never);
    expect(wb2.getWorksheet('Danh sách hồ sơ')!.rowCount).toBe(4);
  });
});
