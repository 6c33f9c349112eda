import { DataSource } from 'typeorm';
import { DossierEntity } from '../../apps/api/src/dossiers/dossier.entity';
import { createDossier, pickWalkableProcedure, sendEvent, USER_BY_DEPARTMENT } from '../support/dossier-helpers';
import { attachSignedResult, digitiseRequired, samplePdf, uploadComponent } from '../support/files';
import { startTestApp, TestApp } from '../support/test-app';

// Signs result PDFs with the test PKI: slow on a loaded machine.
jest.setTimeout(90_000);

/** Issue #15: a wrong scan or an unissued result removed — kept, and shown in the history. */
describe('Removing a wrong scan or an unissued result', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const auth = async (user: string) => ({ authorization: `Bearer ${await t.login(user)}` });
  const remove = async (user: string, fileId: string, body: Record<string, unknown>) => t.http().post(`/api/files/${fileId}/remove`).set(await auth(user)).send(body);
  const files = async (dossierId: string) => (await t.http().get(`/api/dossiers/${dossierId}/files`).set(await auth('clerk')).expect(200)).body;
  const history = async (dossierId: string) => (await t.http().get(`/api/dossiers/${dossierId}/history`).set(await auth('clerk')).expect(200)).body;

  it('the clerk removes a wrong scan: kept as removed, in the history with the reason, no longer counted', async () => {
    const procedure = await pickWalkableProcedure(t);
    const full = (await t.http().get(`/api/procedures/${procedure.code}`).set(await auth('clerk')).expect(200)).body;
    const required = full.components.filter((c: { required: boolean }) => c.required);
    const dossier = await createDossier(t, procedure.code, 'direct', { scan: false });
    await digitiseRequired(t, dossier.id);
    const wrong = (await uploadComponent(t, 'clerk', dossier.id, required[0].key, samplePdf('nham'), 'quet-nham.pdf')).body;

    expect((await t.http().post(`/api/files/${wrong.id}/remove`).send({ expectedVersion: 1, reason: 'x' })).status).toBe(401);
    expect((await remove('reporter', wrong.id, { expectedVersion: dossier.version, reason: 'Quét nhầm' })).status).toBe(403);
    expect((await remove('clerk', wrong.id, { expectedVersion: dossier.version, reason: '   ' })).status).toBe(400);
    const stale = await remove('clerk', wrong.id, { expectedVersion: dossier.version + 3, reason: 'Quét nhầm' });
    expect([stale.status, stale.body.error]).toEqual([409, 'VERSION_CONFLICT']);
    expect((await files(dossier.id)).find((f: { id: string }) => f.id === wrong.id).purpose).toBe('component');

    const done = await remove('clerk', wrong.id, { expectedVersion: dossier.version, reason: 'Quét nhầm trang của hồ sơ khác' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: wrong.id, purpose: 'removed', removed: { from: 'component', reason: 'Quét nhầm trang của hồ sơ khác' } });
    const listed = (await files(dossier.id)).find((f: { id: string }) => f.id === wrong.id);
    expect(listed.purpose).toBe('removed');
    // Still downloadable from the history.
    expect((await t.http().get(`/api/files/${wrong.id}`).set(await auth('clerk'))).status).toBe(200);
    expect((await history(dossier.id)).at(-1)).toMatchObject({
      type: 'REMOVE_FILE',
      typeLabel: 'Gỡ bỏ tệp',
      actor: { username: 'clerk' },
      payload: { reason: 'Quét nhầm trang của hồ sơ khác', fileName: 'quet-nham.pdf', purpose: 'component', componentKey: required[0].key },
    });
    // Once removed, not removable again; after digitisation no scan is removable.
    expect((await remove('clerk', wrong.id, { expectedVersion: dossier.version + 1, reason: 'Lần nữa' })).body.error).toBe('FILE_NOT_REMOVABLE');
    const digitised = await sendEvent(t, 'clerk', dossier.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: dossier.version + 1 });
    expect(digitised.status).toBe(200);
    const kept = (await files(dossier.id)).find((f: { purpose: string }) => f.purpose === 'component');
    expect((await remove('clerk', kept.id, { expectedVersion: digitised.body.version, reason: 'Quét nhầm' })).body.error).toBe('FILE_NOT_REMOVABLE');
  });

  it('a wrong unissued result is removed by whoever may issue it; the other one is issued; an issued result stays', async () => {
    const procedure = await pickWalkableProcedure(t);
    let dossier = await createDossier(t, procedure.code, 'direct');
    let version = (await sendEvent(t, 'clerk', dossier.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: dossier.version })).body.version;
    for (const step of procedure.steps.slice(0, -1)) {
      version = (await sendEvent(t, USER_BY_DEPARTMENT[step.departmentCode], dossier.id, { type: 'FORWARD', expectedVersion: version })).body.version;
    }
    const last = USER_BY_DEPARTMENT[procedure.steps.at(-1)!.departmentCode];
    const good = await attachSignedResult(t, last, dossier.id);
    const wrong = await attachSignedResult(t, last, dossier.id);
    expect([good.status, wrong.status]).toEqual([201, 201]);
    expect((await remove('clerk', wrong.body.id, { expectedVersion: version, reason: 'Nhầm' })).body.error).toBe('FILE_NOT_REMOVABLE');
    const removed = await remove(last, wrong.body.id, { expectedVersion: version, reason: 'Tải nhầm bản dự thảo' });
    expect(removed.status).toBe(200);
    const issued = await sendEvent(t, last, dossier.id, { type: 'ISSUE_RESULT', expectedVersion: version + 1 });
    expect(issued.status).toBe(200);
    dossier = issued.body;
    // The issued result is the one left, not the removed draft.
    expect((await t.app.get(DataSource).getRepository(DossierEntity).findOneByOrFail({ id: dossier.id })).resultFileId).toBe(good.body.id);
    const again = await remove(last, good.body.id, { expectedVersion: issued.body.version, reason: 'Sai' });
    expect([again.status, again.body.error]).toEqual([409, 'FILE_NOT_REMOVABLE']);
  });
});
