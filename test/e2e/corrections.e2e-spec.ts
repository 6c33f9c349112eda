import { APPLICANT, createDossier, pickWalkableProcedure, sendEvent } from '../support/dossier-helpers';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/** Issue #15: applicant data corrected before the result, audited with the reason. */
describe('Corrections: applicant data', () => {
  let t: TestApp;
  let procedureCode: string;
  beforeAll(async () => {
    t = await startTestApp();
    procedureCode = (await pickWalkableProcedure(t)).code;
  });
  afterAll(() => t.close());

  const correct = async (user: string, id: string, body: Record<string, unknown>) =>
    t.http().patch(`/api/dossiers/${id}/applicant`).set('authorization', `Bearer ${await t.login(user)}`).send(body);
  const fixed = { ...APPLICANT, fullName: 'Lò Văn Minh', idNumber: '011122233344' };

  it('the clerk corrects the applicant; the list finds the new name; the history says who, when, why and what', async () => {
    const dossier = await createDossier(t, procedureCode, 'direct', { scan: false });
    const res = await correct('clerk', dossier.id, { expectedVersion: dossier.version, reason: 'Nhập sai họ tên và số định danh', applicant: fixed });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: dossier.version + 1, applicant: { fullName: 'Lò Văn Minh', idNumber: '011122233344' } });
    const clerk = `Bearer ${await t.login('clerk')}`;
    const found = (await t.http().get('/api/dossiers?text=lo%20van%20minh&pageSize=100').set('authorization', clerk).expect(200)).body.items;
    expect(found.map((d: { id: string }) => d.id)).toContain(dossier.id);
    const history = (await t.http().get(`/api/dossiers/${dossier.id}/history`).set('authorization', clerk).expect(200)).body;
    expect(history.at(-1)).toMatchObject({
      type: 'CORRECT_APPLICANT',
      typeLabel: 'Sửa thông tin người nộp',
      actor: { username: 'clerk' },
      payload: { reason: 'Nhập sai họ tên và số định danh', changes: { applicantName: [APPLICANT.fullName, 'Lò Văn Minh'], applicantIdNumber: [APPLICANT.idNumber, '011122233344'] } },
      from: 'received',
      to: 'received',
    });
    // The workflow carries on from the new version.
    const withdrawn = await sendEvent(t, 'clerk', dossier.id, { type: 'WITHDRAW', reason: 'Công dân xin rút', expectedVersion: dossier.version + 1 });
    expect(withdrawn.status).toBe(200);
  });

  it('refusals: stale version, no reason, bad data, other roles, after the end — and nothing written', async () => {
    const dossier = await createDossier(t, procedureCode, 'direct', { scan: false });
    const stale = await correct('clerk', dossier.id, { expectedVersion: dossier.version + 5, reason: 'Sửa', applicant: fixed });
    expect([stale.status, stale.body.error]).toEqual([409, 'VERSION_CONFLICT']);
    const noReason = await correct('clerk', dossier.id, { expectedVersion: dossier.version, reason: '  ', applicant: fixed });
    expect(noReason.status).toBe(400);
    const bad = await correct('clerk', dossier.id, { expectedVersion: dossier.version, reason: 'Sửa', applicant: { ...fixed, idNumber: 'A B' } });
    expect(bad.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['applicant.idNumber']);
    for (const role of ['specialist', 'reporter', 'admin']) {
      expect((await correct(role, dossier.id, { expectedVersion: dossier.version, reason: 'Sửa', applicant: fixed })).status).toBe(403);
    }
    const history = async () => (await t.http().get(`/api/dossiers/${dossier.id}/history`).set('authorization', `Bearer ${await t.login('clerk')}`).expect(200)).body;
    expect((await history()).map((h: { type: string }) => h.type)).toEqual(['CREATE']);
    await sendEvent(t, 'clerk', dossier.id, { type: 'WITHDRAW', reason: 'Công dân xin rút', expectedVersion: dossier.version });
    const closed = await correct('clerk', dossier.id, { expectedVersion: dossier.version + 1, reason: 'Sửa', applicant: fixed });
    expect([closed.status, closed.body.error]).toEqual([409, 'CORRECTION_CLOSED']);
    expect((await history()).map((h: { type: string }) => h.type)).toEqual(['CREATE', 'WITHDRAW']);
  });
});
