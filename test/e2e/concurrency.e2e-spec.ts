import { APPLICANT, createDossier, pickWalkableProcedure, sendEvent } from '../support/dossier-helpers';
import { startTestApp, TestApp } from '../support/test-app';

describe('Concurrency: no lost or doubled transitions', () => {
  let t: TestApp;
  let procedureCode: string;
  beforeAll(async () => {
    t = await startTestApp();
    procedureCode = (await pickWalkableProcedure(t)).code;
  });
  afterAll(() => t.close());

  it('20 parallel copies of one event with the same expectedVersion: exactly one wins', async () => {
    const d = await createDossier(t, procedureCode);
    await t.login('clerk');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => sendEvent(t, 'clerk', d.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: d.version })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.error).toBe('VERSION_CONFLICT');
    const token = await t.login('clerk');
    const history = await t.http().get(`/api/dossiers/${d.id}/history`).set('authorization', `Bearer ${token}`).expect(200);
    expect(history.body.filter((h: { type: string }) => h.type === 'COMPLETE_DIGITISATION')).toHaveLength(1);
    expect(history.body).toHaveLength(2);
  });

  it('10 parallel creates with one Idempotency-Key make one dossier', async () => {
    const token = await t.login('clerk');
    const body = { procedureCode, channel: 'direct', applicant: { ...APPLICANT, idNumber: '079200001234' } };
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.http().post('/api/dossiers').set('authorization', `Bearer ${token}`).set('idempotency-key', 'counter-7-ticket-0042').send(body),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const list = await t.http().get('/api/dossiers?text=079200001234').set('authorization', `Bearer ${token}`).expect(200);
    expect(list.body.total).toBe(1);

    const reused = await t
      .http()
      .post('/api/dossiers')
      .set('authorization', `Bearer ${token}`)
      .set('idempotency-key', 'counter-7-ticket-0042')
      .send({ ...body, channel: 'postal' });
    expect(reused.status).toBe(422);
    expect(reused.body.error).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('parallel creates get unique, consecutive dossier codes', async () => {
    const token = await t.login('clerk');
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        t.http().post('/api/dossiers').set('authorization', `Bearer ${token}`).send({ procedureCode, channel: 'direct', applicant: { ...APPLICANT, idNumber: `0010000000${String(i).padStart(2, '0')}` } }),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const codes = results.map((r) => r.body.code as string);
    expect(new Set(codes).size).toBe(15);
    const sequences = codes.map((c) => Number(c.split('-').at(-1))).sort((a, b) => a - b);
    expect(sequences.at(-1)! - sequences[0]).toBe(14);
  });
});
