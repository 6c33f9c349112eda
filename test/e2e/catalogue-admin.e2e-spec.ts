import { createDossier, sendEvent } from '../support/dossier-helpers';
import { attachSignedResult } from '../support/files';
import { startTestApp, TestApp } from '../support/test-app';

const CODE = '1.014393';

describe('Catalogue administration with versions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.login(user)}` });

  it('an edit makes a new version: dossiers in progress finish on theirs, new ones use the new one, both in the history', async () => {
    const before = (await t.http().get(`/api/procedures/${CODE}`).set(await auth('clerk')).expect(200)).body;
    expect(before.version).toBe(1);
    const old = await createDossier(t, CODE);

    // Simplify to two steps: PQLKH appraisal, then the leader.
    const edited = {
      name: before.name,
      field: before.field,
      processingTime: { amount: 20, unit: 'working_days' },
      fee: before.fee,
      paperResult: true,
      resultName: before.resultName ?? 'Quyết định công nhận',
      components: before.components,
      steps: [
        { key: 'tham-dinh', name: 'Thẩm định hồ sơ', departmentCode: 'PQLKH', role: 'specialist', workingDays: 15 },
        { key: 'phe-duyet', name: 'Phê duyệt, ký kết quả', departmentCode: 'BGD', role: 'leader', workingDays: 3 },
      ],
    };
    await t.http().put(`/api/admin/procedures/${CODE}`).set(await auth('clerk')).send(edited).expect(403);
    const saved = await t.http().put(`/api/admin/procedures/${CODE}`).set(await auth('admin')).send(edited).expect(200);
    expect(saved.body).toMatchObject({ version: 2, processingTime: { amount: 20, unit: 'working_days' } });
    expect(saved.body.steps).toHaveLength(2);

    const fresh = await createDossier(t, CODE);
    expect((fresh as unknown as { procedureVersionId: string }).procedureVersionId).toBe(saved.body.versionId);
    const oldView = (await t.http().get(`/api/dossiers/${old.id}`).set(await auth('clerk'))).body;
    expect(oldView.procedureVersionId).toBe(before.versionId);

    // The old dossier still walks its original steps to the end.
    let v = (await sendEvent(t, 'clerk', old.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: old.version })).body.version;
    const users: Record<string, string> = { PQLKH: 'specialist', PQLCN: 'specialist2', BGD: 'leader' };
    for (let i = 0; i < before.steps.length; i++) {
      const actor = users[before.steps[i].departmentCode];
      const last = i === before.steps.length - 1;
      if (last) expect((await attachSignedResult(t, actor, old.id)).status).toBe(201);
      const res = await sendEvent(t, actor, old.id, { type: last ? 'ISSUE_RESULT' : 'FORWARD', expectedVersion: v });
      expect(res.status).toBe(200);
      expect(res.body.currentStep?.count ?? before.steps.length).toBe(before.steps.length);
      v = res.body.version;
    }
    // The new one has two steps.
    const freshV = (await sendEvent(t, 'clerk', fresh.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: fresh.version })).body;
    expect(freshV.currentStep).toMatchObject({ count: 2, key: 'tham-dinh' });

    const history = (await t.http().get(`/api/admin/procedures/${CODE}/versions`).set(await auth('admin')).expect(200)).body;
    // Who (the full name, never the login), why, and what changed.
    expect(history.map((h: { version: number; changedBy: string | null; reason: string | null }) => [h.version, h.changedBy, h.reason])).toEqual([
      [1, null, null],
      [2, 'Vũ Đình Khôi', null],
    ]);
    expect(history[1].changedParts).toEqual(expect.arrayContaining(['processingTime', 'steps']));
    expect(history[1].changedParts).not.toContain('name');
  });

  it('refuses steps that overrun the time limit, unknown departments and malformed bodies', async () => {
    const base = (await t.http().get(`/api/procedures/${CODE}`).set(await auth('admin'))).body;
    const body = { name: base.name, field: base.field, fee: base.fee, paperResult: true, resultName: 'x', components: base.components };
    const overrun = await t.http().put(`/api/admin/procedures/${CODE}`).set(await auth('admin')).send({
      ...body,
      processingTime: { amount: 5, unit: 'working_days' },
      steps: [{ key: 'a', name: 'Thẩm định', departmentCode: 'PQLKH', role: 'specialist', workingDays: 6 }],
    });
    expect(overrun.status).toBe(422);
    expect(overrun.body.error).toBe('INVALID_PROCEDURE');
    const unknownDept = await t.http().put(`/api/admin/procedures/${CODE}`).set(await auth('admin')).send({
      ...body,
      processingTime: { amount: 5, unit: 'working_days' },
      steps: [{ key: 'a', name: 'Thẩm định', departmentCode: 'KHONGCO', role: 'specialist', workingDays: 2 }],
    });
    expect(unknownDept.status).toBe(422);
    await t.http().put(`/api/admin/procedures/${CODE}`).set(await auth('admin')).send({ name: 42 }).expect(400);
    await t.http().put(`/api/admin/procedures/9.999999`).set(await auth('admin')).send({ ...body, processingTime: { amount: 5, unit: 'working_days' }, steps: [{ key: 'a', name: 'Thẩm định', departmentCode: 'PQLKH', role: 'specialist', workingDays: 2 }] }).expect(404);
    const created = await t.http().post('/api/admin/procedures').set(await auth('admin')).send({ ...body, code: '1.999001', name: 'Thủ tục thử nghiệm', processingTime: { amount: 5, unit: 'working_days' }, steps: [{ key: 'a', name: 'Thẩm định', departmentCode: 'PQLKH', role: 'specialist', workingDays: 2 }] });
    expect(created.status).toBe(201);
    await t.http().post('/api/admin/procedures').set(await auth('admin')).send({ ...body, code: '1.999001', processingTime: { amount: 5, unit: 'working_days' }, steps: [{ key: 'a', name: 'Thẩm định', departmentCode: 'PQLKH', role: 'specialist', workingDays: 2 }] }).expect(409);
    const versions = (await t.http().get(`/api/admin/procedures/${CODE}/versions`).set(await auth('admin'))).body;
    expect(versions.length).toBe(2); // nothing half-written by the refused edits
  });

  it('takes step allocations in fractions of a working day', async () => {
    const base = (await t.http().get(`/api/procedures/${CODE}`).set(await auth('admin'))).body;
    const res = await t.http().post('/api/admin/procedures').set(await auth('admin')).send({
      name: 'Thủ tục một ngày',
      code: '1.999002',
      field: base.field,
      fee: base.fee,
      paperResult: true,
      resultName: 'Giấy xác nhận',
      components: base.components,
      processingTime: { amount: 1, unit: 'working_days' },
      steps: [
        { key: 'a', name: 'Thẩm định', departmentCode: 'PQLKH', role: 'specialist', workingDays: 0.5 },
        { key: 'b', name: 'Ký kết quả', departmentCode: 'BGD', role: 'leader', workingDays: 0.25 },
      ],
    });
    expect(res.status).toBe(201);
    const stored = (await t.http().get('/api/procedures/1.999002').set(await auth('admin')).expect(200)).body;
    expect(stored.steps.map((s: { workingDays: number }) => s.workingDays)).toEqual([0.5, 0.25]);
  });
});
