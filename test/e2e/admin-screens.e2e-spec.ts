import { DataSource } from 'typeorm';
import { currentDialect } from '@motcua/persistence';
import { ManualClock, startTestApp, TestApp } from '../support/test-app';
import { importLine } from '../support/import-lines';

const P = '1.014393';
const line = (o: Record<string, unknown>) => importLine(P, o);

/** What an administrator edits of a procedure as the API serves it, with other steps. */
const editable = (p: Record<string, unknown>, steps: unknown[]) => ({
  name: p.name,
  field: p.field,
  processingTime: p.processingTime,
  fee: p.fee,
  paperResult: p.paperResult,
  resultName: p.resultName,
  components: p.components,
  steps,
});

// Boots the whole application (migrations included) and argon2-hashes logins: slow on a loaded machine.
jest.setTimeout(60_000);

/** Issue #15 (slice c): the API behind the administration screens for departments, the import preview and catalogue versions. */
describe(`Administration screens' API (${currentDialect})`, () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());
  const as = async (user: string) => ({ authorization: `Bearer ${await t.login(user)}` });
  const count = async (table: string) => Number((await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  describe('departments', () => {
    it('create, rename, deactivate, reactivate: each one audited with who and why, versions checked', async () => {
      const admin = await as('admin');
      const created = await t.http().post('/api/admin/departments').set(admin).send({ code: 'pttkh', name: 'Phòng Thông tin khoa học', reason: 'Thành lập mới' }).expect(201);
      expect(created.body).toMatchObject({ code: 'PTTKH', name: 'Phòng Thông tin khoa học', active: true, version: 1, activeUsers: 0, procedures: [] });
      expect((await t.http().post('/api/admin/departments').set(admin).send({ code: 'PTTKH', name: 'Trùng mã' }).expect(409)).body).toMatchObject({ error: 'DEPARTMENT_EXISTS' });

      const renamed = await t.http().patch('/api/admin/departments/PTTKH').set(admin).send({ version: 1, name: 'Phòng Thông tin và Thống kê', reason: 'Đổi tên theo quyết định' }).expect(200);
      expect(renamed.body).toMatchObject({ name: 'Phòng Thông tin và Thống kê', version: 2 });
      // The version the screen showed is stale now.
      expect((await t.http().patch('/api/admin/departments/PTTKH').set(admin).send({ version: 1, name: 'Tên khác' }).expect(409)).body.error).toBe('VERSION_CONFLICT');

      const off = await t.http().post('/api/admin/departments/PTTKH/deactivate').set(admin).send({ version: 2, reason: 'Sáp nhập' }).expect(200);
      expect(off.body).toMatchObject({ active: false, version: 3 });
      // Nobody moves into a deactivated department.
      const refused = await t.http().post('/api/admin/users').set(admin).send({ username: 'cv.tt01', fullName: 'Lò Thị Hoa', roles: ['specialist'], departmentCode: 'PTTKH' });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ error: 'UNKNOWN_DEPARTMENT', details: { field: 'departmentCode' } });
      await t.http().post('/api/admin/departments/PTTKH/reactivate').set(admin).send({ version: 3, reason: 'Tái lập' }).expect(200);

      const changes = (await t.http().get('/api/admin/departments/PTTKH/changes').set(admin).expect(200)).body;
      expect(changes.map((c: { action: string; reason: string; actorFullName: string }) => [c.action, c.reason, c.actorFullName])).toEqual([
        ['reactivated', 'Tái lập', 'Vũ Đình Khôi'],
        ['deactivated', 'Sáp nhập', 'Vũ Đình Khôi'],
        ['renamed', 'Đổi tên theo quyết định', 'Vũ Đình Khôi'],
        ['created', 'Thành lập mới', 'Vũ Đình Khôi'],
      ]);
      expect(changes[2].changes).toEqual({ name: ['Phòng Thông tin khoa học', 'Phòng Thông tin và Thống kê'] });
    });

    it('a department in use (active accounts, a current procedure step) is not deactivated, and nothing is written', async () => {
      const admin = await as('admin');
      const list = (await t.http().get('/api/admin/departments').set(admin).expect(200)).body as Array<{ code: string; version: number; activeUsers: number; procedures: string[] }>;
      const pqlkh = list.find((d) => d.code === 'PQLKH')!;
      expect(pqlkh.activeUsers).toBeGreaterThan(0);
      expect(pqlkh.procedures).toContain(P);
      const before = await count('department_change');
      const res = await t.http().post('/api/admin/departments/PQLKH/deactivate').set(admin).send({ version: pqlkh.version, reason: 'Thử' }).expect(422);
      expect(res.body).toMatchObject({ error: 'DEPARTMENT_IN_USE', details: { activeUsers: pqlkh.activeUsers } });
      expect(res.body.details.procedures).toContain(P);
      expect(await count('department_change')).toBe(before);
      const after = (await t.http().get('/api/admin/departments').set(admin)).body.find((d: { code: string }) => d.code === 'PQLKH');
      expect(after).toMatchObject({ active: true, version: pqlkh.version });
    });

    it('admins only; bad input is a machine-readable 4xx', async () => {
      await t.http().get('/api/admin/departments').expect(401);
      for (const user of ['clerk', 'specialist', 'leader', 'reporter']) {
        const auth = await as(user);
        await t.http().get('/api/admin/departments').set(auth).expect(403);
        await t.http().post('/api/admin/departments').set(auth).send({ code: 'PXX', name: 'Phòng X' }).expect(403);
        await t.http().post('/api/admin/departments/PQLKH/deactivate').set(auth).send({ version: 1, reason: 'x y' }).expect(403);
      }
      const admin = await as('admin');
      expect((await t.http().post('/api/admin/departments').set(admin).send({ code: '1-bad', name: 'Phòng' }).expect(400)).body.error).toBe('VALIDATION_FAILED');
      expect((await t.http().post('/api/admin/departments').set(admin).send({ code: 'POK', name: 'Phòng\u202E' }).expect(400)).body.error).toBe('VALIDATION_FAILED');
      await t.http().post('/api/admin/departments/PQLKH/deactivate').set(admin).send({ version: 1 }).expect(400);
      expect((await t.http().patch('/api/admin/departments/KHONGCO').set(admin).send({ version: 1, name: 'Phòng Không Có' }).expect(404)).body.error).toBe('NOT_FOUND');
      await t.http().get('/api/admin/departments/KHONGCO/changes').set(admin).expect(404);
    });
  });

  describe('historical import preview (dryRun)', () => {
    const importText = async (body: string, query = '') =>
      t.http().post(`/api/admin/dossiers/import${query}`).set(await as('admin')).set('content-type', 'application/x-ndjson').send(body);

    it('a dry run reports the problems by line and the counts, writes nothing; the same file without dryRun is refused alike', async () => {
      const before = await count('dossier');
      const file = [line({ code: 'CU-2025-0001' }), '', line({ code: 'CU-2025-0002', channel: 'fax' }), line({ code: 'CU-2025-0003', outcome: 'processing', finishedAt: undefined })].join('\n');
      const preview = await importText(file, '?dryRun=true');
      expect(preview.status).toBe(200);
      expect(preview.body).toEqual({
        dryRun: true,
        read: 3,
        valid: 2,
        imported: 2,
        closed: 0,
        problems: [{ line: 3, field: 'channel', message: 'must be direct, online or postal' }],
        totalProblems: 1,
      });
      expect(await count('dossier')).toBe(before);
      // One code path: the real import finds exactly the same problem.
      const real = await importText(file);
      expect(real.status).toBe(422);
      expect(real.body.details.problems).toEqual(preview.body.problems);
      expect(await count('dossier')).toBe(before);
    });

    it('a clean dry run writes nothing; then the import writes what the preview counted', async () => {
      const before = await count('dossier');
      const file = [line({ code: 'CU-2025-0101' }), line({ code: 'CU-2025-0102', outcome: 'processing', finishedAt: undefined })].join('\n');
      const preview = (await importText(file, '?dryRun=true')).body;
      expect(preview).toMatchObject({ dryRun: true, read: 2, valid: 2, imported: 2, closed: 0, problems: [], totalProblems: 0 });
      expect(await count('dossier')).toBe(before);
      const done = await importText(file, '?dryRun=false');
      expect(done.status).toBe(200);
      expect(done.body).toEqual({ imported: 2, closed: 0 });
      expect(await count('dossier')).toBe(before + 2);
      // A later line closing the open one is previewed as a closing.
      const closing = (await importText(line({ code: 'CU-2025-0102' }), '?dryRun=true')).body;
      expect(closing).toMatchObject({ imported: 0, closed: 1, problems: [] });
    });

    it('dryRun takes true or false only; admins only', async () => {
      expect((await importText(line({ code: 'CU-2025-0201' }), '?dryRun=yes')).body).toMatchObject({ error: 'BAD_REQUEST' });
      await t.http().post('/api/admin/dossiers/import?dryRun=true').set(await as('clerk')).set('content-type', 'application/x-ndjson').send(line({ code: 'CU-2025-0202' })).expect(403);
    });
  });

  describe('catalogue versions from the screen', () => {
    it('an edit with the version seen and a reason; a stale version is refused; verification marks are carried over', async () => {
      const admin = await as('admin');
      const list = (await t.http().get('/api/procedures').set(admin).expect(200)).body as Array<{ code: string; verification: { label: string | null } }>;
      // Any procedure with an unverified published fact keeps its mark through an edit of its time budget.
      const unverified = list.find((p) => p.verification.label !== null);
      expect(unverified).toBeDefined();
      const current = (await t.http().get(`/api/procedures/${unverified!.code}`).set(admin).expect(200)).body;
      const body = editable(current, current.steps.map((s: { workingDays: number }, i: number) => (i === 0 ? { ...s, workingDays: s.workingDays - 0.5 } : s)));
      const before = await count('procedure_version');
      const stale = await t.http().put(`/api/admin/procedures/${unverified!.code}`).set(admin).send({ ...body, expectedVersion: current.version + 1, reason: 'Rút ngắn thẩm định' });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toBe('VERSION_CONFLICT');
      expect((await t.http().put(`/api/admin/procedures/${unverified!.code}`).set(admin).send({ ...body, reason: 42 })).status).toBe(400);
      expect(await count('procedure_version')).toBe(before);

      const saved = await t.http().put(`/api/admin/procedures/${unverified!.code}`).set(admin).send({ ...body, expectedVersion: current.version, reason: 'Rút ngắn thẩm định' }).expect(200);
      expect(saved.body.version).toBe(current.version + 1);
      expect(saved.body.verification).toEqual(current.verification);
      const history = (await t.http().get(`/api/admin/procedures/${unverified!.code}/versions`).set(admin).expect(200)).body;
      expect(history.at(-1)).toMatchObject({ version: current.version + 1, changedBy: 'Vũ Đình Khôi', reason: 'Rút ngắn thẩm định', changedParts: ['steps'] });
    });

    it('a deactivated department takes no procedure step', async () => {
      const admin = await as('admin');
      const current = (await t.http().get(`/api/procedures/${P}`).set(admin).expect(200)).body;
      const created = (await t.http().post('/api/admin/departments').set(admin).send({ code: 'PTAM', name: 'Phòng Tạm thời' }).expect(201)).body;
      await t.http().post('/api/admin/departments/PTAM/deactivate').set(admin).send({ version: created.version, reason: 'Không dùng' }).expect(200);
      const res = await t.http().put(`/api/admin/procedures/${P}`).set(admin).send(editable(current, [{ ...current.steps[0], departmentCode: 'PTAM' }]));
      expect(res.status).toBe(422);
      expect(res.body.error).toBe('INVALID_PROCEDURE');
    });
  });
});
