import { DataSource } from 'typeorm';
import type { ObjectStorage } from '@motcua/storage';
import { OBJECT_STORAGE } from '../../apps/api/src/files/object-storage.provider';
import { OutboxMessageEntity } from '../../apps/api/src/outbox/outbox-message.entity';
import { OnlineSubmissionService } from '../../apps/api/src/online-submission/online-submission.service';
import { APPLICANT, sendEvent } from '../support/dossier-helpers';
import { samplePdf, samplePng } from '../support/files';
import { ManualClock, startTestApp, TestApp } from '../support/test-app';

interface OnlineProcedure {
  code: string;
  onlineLevel: string;
  components: Array<{ key: string; name: string; required: boolean }>;
}

describe('Citizen online submission on the public page (issue #16)', () => {
  let t: TestApp;
  let clock: ManualClock;
  let procedure: OnlineProcedure;
  beforeAll(async () => {
    clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
    t = await startTestApp({ clock, env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '1000', ONLINE_SUBMISSION_DRAFT_HOURS: '2' } });
    const online = (await t.http().get('/api/public/procedures').expect(200)).body as OnlineProcedure[];
    procedure = online.find((p) => p.components.filter((c) => c.required).length >= 1)!;
  });
  afterAll(() => t.close());

  const count = async (table: string) => Number((await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const objects = async (prefix: string) => {
    const keys: string[] = [];
    for await (const o of t.app.get<ObjectStorage>(OBJECT_STORAGE).list(prefix)) keys.push(o.key);
    return keys;
  };
  const applicant = { ...APPLICANT, idNumber: '001 099 012 345' };
  const start = (body: Record<string, unknown> = { procedureCode: procedure.code, applicant }) => t.http().post('/api/public/submissions').send(body);
  const upload = (id: string, token: string, componentKey: string, content: Buffer, name = 'ban-khai.pdf') =>
    t.http().post(`/api/public/submissions/${id}/files`).field('token', token).field('componentKey', componentKey).attach('file', content, name);
  const confirm = (id: string, token: string) => t.http().post(`/api/public/submissions/${id}/confirm`).send({ token });

  it('lists only the procedures the catalogue offers online, with their components, without login', async () => {
    const clerk = await t.login('clerk');
    const all = (await t.http().get('/api/procedures').set('authorization', `Bearer ${clerk}`).expect(200)).body as Array<{ code: string; onlineLevel: string | null }>;
    const online = (await t.http().get('/api/public/procedures').expect(200)).body as OnlineProcedure[];
    expect(online.map((p) => p.code).sort()).toEqual(all.filter((p) => p.onlineLevel !== null).map((p) => p.code).sort());
    expect(online.length).toBeLessThan(all.length);
    expect(online.every((p) => ['toan_trinh', 'mot_phan'].includes(p.onlineLevel))).toBe(true);
  });

  it('start → one file per component → confirm makes one online dossier in submitted, with the reference and secret sent through the outbox', async () => {
    const started = await start();
    expect(started.status).toBe(201);
    const { id, token } = started.body as { id: string; token: string };
    expect(started.body.procedure.code).toBe(procedure.code);

    const required = procedure.components.filter((c) => c.required);
    // Nothing is a dossier before the confirmation, and a confirmation without the required files is refused.
    const dossiersBefore = await count('dossier');
    const early = await confirm(id, token);
    expect(early.status).toBe(422);
    expect(early.body.error).toBe('COMPONENTS_MISSING');
    expect(await count('dossier')).toBe(dossiersBefore);

    // The counter's checks: type from the bytes, a whole PDF.
    const exe = await upload(id, token, required[0].key, Buffer.from('MZ not a document at all'), 'to-khai.pdf');
    expect(exe.status).toBe(415);
    const unknown = await upload(id, token, 'khong-co', samplePdf());
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toBe('UNKNOWN_COMPONENT');
    // A second upload for a component replaces the first (and its stored object).
    const first = await upload(id, token, required[0].key, samplePdf('first'));
    expect(first.status).toBe(201);
    const replaced = await upload(id, token, required[0].key, samplePng(), 'anh-chup');
    expect(replaced.status).toBe(201);
    expect(replaced.body).toMatchObject({ componentKey: required[0].key, fileName: 'anh-chup.png' });
    for (const c of required.slice(1)) expect((await upload(id, token, c.key, samplePdf())).status).toBe(201);
    const listed = (await t.http().get(`/api/public/submissions/${id}/files`).query({ token }).expect(200)).body;
    expect(listed).toHaveLength(required.length);
    expect(await objects(`submissions/${id}/`)).toHaveLength(required.length);

    const done = await confirm(id, token);
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ state: 'submitted', replayed: false });
    const { reference, secret } = done.body as { reference: string; secret: string };
    expect(done.body.lookupUrl).toContain(secret);
    // Confirmed twice (a retry after a lost answer): the same answer, nothing new.
    const again = await confirm(id, token);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ reference, secret, replayed: true });
    expect(await count('dossier')).toBe(dossiersBefore + 1);
    // No more files once confirmed.
    expect((await upload(id, token, required[0].key, samplePdf())).status).toBe(409);

    // The citizen's lookup works with what they were given.
    const lookup = (await t.http().get(`/api/public/dossiers/${encodeURIComponent(reference)}`).query({ secret }).expect(200)).body;
    expect(lookup).toMatchObject({ state: 'submitted', channel: 'online', procedureCode: procedure.code });

    const clerk = await t.login('clerk');
    const list = (await t.http().get('/api/dossiers').query({ text: reference }).set('authorization', `Bearer ${clerk}`).expect(200)).body;
    const dossierId = (list.items ?? list)[0].id as string;
    const dossier = (await t.http().get(`/api/dossiers/${dossierId}`).set('authorization', `Bearer ${clerk}`).expect(200)).body;
    expect(dossier).toMatchObject({ channel: 'online', state: 'submitted', applicant: { fullName: APPLICANT.fullName, idNumber: '001099012345' } });
    const files = (await t.http().get(`/api/dossiers/${dossierId}/files`).set('authorization', `Bearer ${clerk}`).expect(200)).body as Array<{ componentKey: string; sha256: string }>;
    expect(files.map((f) => f.componentKey).sort()).toEqual(required.map((c) => c.key).sort());
    expect(files.find((f) => f.componentKey === required[0].key)!.sha256).toBe(replaced.body.sha256);

    const messages = await t.app.get(DataSource).getRepository(OutboxMessageEntity).findBy({ aggregateId: dossierId, topic: 'submission.received' });
    expect(messages.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    for (const m of messages) expect(m.payload).toMatchObject({ template: 'submission_received', data: { dossierCode: reference, secret } });

    // The clerk accepts it as any online submission.
    const accepted = await sendEvent(t, 'clerk', dossierId, { type: 'ACCEPT', expectedVersion: dossier.version });
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe('received');
  });

  it('two confirmations at once make one dossier and give both the same reference', async () => {
    const { id, token } = (await start()).body as { id: string; token: string };
    for (const c of procedure.components.filter((x) => x.required)) expect((await upload(id, token, c.key, samplePdf())).status).toBe(201);
    const before = await count('dossier');
    const [a, b] = await Promise.all([confirm(id, token), confirm(id, token)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.reference).toBe(b.body.reference);
    expect(a.body.secret).toBe(b.body.secret);
    expect(await count('dossier')).toBe(before + 1);
  });

  it('refuses what it cannot take, clearly and without storing anything', async () => {
    const drafts = await count('online_submission');
    const bad = [
      { procedureCode: procedure.code, applicant: { ...applicant, idNumber: '12345' } },
      { procedureCode: procedure.code, applicant: { ...applicant, idNumber: 'ABCDEF' } },
      { procedureCode: procedure.code, applicant: { fullName: APPLICANT.fullName, idNumber: '001099012345' } },
      { procedureCode: 'khong-ton-tai', applicant },
    ];
    const answers = await Promise.all(bad.map((b) => start(b)));
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 404]);
    expect(answers[0].body.message).toContain('idNumber');

    const clerk = await t.login('clerk');
    const all = (await t.http().get('/api/procedures').set('authorization', `Bearer ${clerk}`).expect(200)).body as Array<{ code: string; onlineLevel: string | null }>;
    const counterOnly = all.find((p) => p.onlineLevel === null);
    if (counterOnly) {
      const notOnline = await start({ procedureCode: counterOnly.code, applicant });
      expect(notOnline.status).toBe(422);
      expect(notOnline.body.error).toBe('PROCEDURE_NOT_ONLINE');
    }
    expect(await count('online_submission')).toBe(drafts);
  });

  it("nobody reaches a submission without its token, nor another one's with theirs", async () => {
    const a = (await start()).body as { id: string; token: string };
    const b = (await start()).body as { id: string; token: string };
    const key = procedure.components[0].key;
    expect((await upload(a.id, b.token, key, samplePdf())).status).toBe(404);
    expect((await upload('not-an-id', a.token, key, samplePdf())).status).toBe(404);
    expect((await confirm(b.id, a.token)).status).toBe(404);
    expect((await t.http().get(`/api/public/submissions/${a.id}/files`).query({ token: 'x' })).status).toBe(404);
    expect(await objects(`submissions/${a.id}/`)).toEqual([]);
  });

  it('an expired draft takes nothing more and is swept away with its files', async () => {
    const { id, token } = (await start()).body as { id: string; token: string };
    expect((await upload(id, token, procedure.components[0].key, samplePdf())).status).toBe(201);
    expect(await objects(`submissions/${id}/`)).toHaveLength(1);
    clock.set(new Date(clock.now().getTime() + 3 * 3600_000));
    const late = await upload(id, token, procedure.components[0].key, samplePdf());
    expect(late.status).toBe(410);
    expect(late.body.error).toBe('SUBMISSION_EXPIRED');
    expect((await confirm(id, token)).status).toBe(410);

    const confirmedFiles = await count('dossier_file');
    const swept = await t.app.get(OnlineSubmissionService).sweep(0);
    expect(swept.drafts).toBeGreaterThanOrEqual(1);
    expect(await objects(`submissions/${id}/`)).toEqual([]);
    expect((await confirm(id, token)).status).toBe(404);
    // The confirmed submission's files (now the dossier's) are kept.
    expect(await count('dossier_file')).toBe(confirmedFiles);
    const kept = await t.app.get(DataSource).query(`SELECT storage_key FROM dossier_file WHERE storage_key LIKE 'submissions/%'`);
    for (const row of kept as Array<{ storage_key: string }>) expect(await objects(row.storage_key)).toEqual([row.storage_key]);
  });
});

describe('Citizen online submission: rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('answers 429 past the per-address limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.http().post('/api/public/submissions').send({})).status);
    expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });
});
