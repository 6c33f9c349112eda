import { DataSource } from 'typeorm';
import { DossierFileEntity } from '../../apps/api/src/files/dossier-file.entity';
import { pickWalkableProcedure, sendEvent, USER_BY_DEPARTMENT } from '../support/dossier-helpers';
import { samplePdf } from '../support/files';
import { submitOnline } from '../support/portal-inbound';
import { startTestApp, TestApp } from '../support/test-app';

describe('Online supplementation on the lookup page (issue #16)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('the citizen sees what to supplement, uploads the file with code and secret, and the clerk resumes the dossier', async () => {
    const procedure = await pickWalkableProcedure(t);
    const created = await submitOnline(t, procedure.code);
    const secret = (created.publicLookupUrl as string).split('/').pop()!;
    let v = created.version as number;
    const send = async (user: string, body: Record<string, unknown>) => {
      const res = await sendEvent(t, user, created.id, { ...body, expectedVersion: v });
      expect(res.status).toBe(200);
      v = res.body.version;
      return res.body;
    };
    await send('clerk', { type: 'ACCEPT' });
    await send('clerk', { type: 'COMPLETE_DIGITISATION' });
    const handler = USER_BY_DEPARTMENT[procedure.steps[0].departmentCode];
    await send(handler, { type: 'REQUEST_SUPPLEMENT', reason: 'Bổ sung thuyết minh kỹ thuật' });

    const lookupPath = `/api/public/dossiers/${encodeURIComponent(created.code)}`;
    const before = (await t.http().get(lookupPath).query({ secret }).expect(200)).body;
    expect(before.supplement).toMatchObject({ reason: 'Bổ sung thuyết minh kỹ thuật', uploaded: [] });
    const componentKey = before.supplement.components[0].key as string;

    const upload = (s: string, key: string, content: Buffer, name = 'thuyet-minh.pdf') =>
      t.http().post(`${lookupPath}/supplement-files`).field('secret', s).field('componentKey', key).attach('file', content, name);
    expect((await upload('x'.repeat(secret.length), componentKey, samplePdf())).status).toBe(404);
    const unknown = await upload(secret, 'khong-co', samplePdf());
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toBe('UNKNOWN_COMPONENT');
    const notPdf = await upload(secret, componentKey, Buffer.from('MZ this is not a document'), 'x.pdf');
    expect(notPdf.status).toBe(415);
    const ok = await upload(secret, componentKey, samplePdf());
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ componentKey, fileName: 'thuyet-minh.pdf' });

    const stored = await t.app.get(DataSource).getRepository(DossierFileEntity).findBy({ dossierId: created.id, uploadedBy: 'citizen' });
    expect(stored.map((f) => f.sha256)).toEqual([ok.body.sha256]);
    const after = (await t.http().get(lookupPath).query({ secret }).expect(200)).body;
    expect(after.supplement.uploaded).toEqual([expect.objectContaining({ componentKey, fileName: 'thuyet-minh.pdf' })]);

    const resumed = await send('clerk', { type: 'SUPPLEMENT_RECEIVED', note: 'Công dân đã bổ sung trực tuyến' });
    expect(resumed.state).toBe('processing');
    const closed = await upload(secret, componentKey, samplePdf());
    expect(closed.status).toBe(409);
    expect(closed.body.error).toBe('NOT_AWAITING_SUPPLEMENT');
    expect((await t.http().get(lookupPath).query({ secret }).expect(200)).body.supplement).toBeNull();
  });
});
