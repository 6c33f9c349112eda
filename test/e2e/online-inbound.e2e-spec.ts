import { DataSource } from 'typeorm';
import type { ObjectStorage } from '@motcua/storage';
import { OBJECT_STORAGE } from '../../apps/api/src/files/object-storage.provider';
import { PortalRecordEntity } from '../../apps/api/src/portal-records/portal-record.entity';
import { APPLICANT, pickWalkableProcedure, sendEvent } from '../support/dossier-helpers';
import { samplePdf } from '../support/files';
import { basicAuth, portalClient, portalRecord, postPortalDossier } from '../support/portal-inbound';
import { startTestApp, TestApp } from '../support/test-app';

describe('Online channel: dossiers forwarded by the national portal (issue #16, acceptance 2 and 3)', () => {
  let t: TestApp;
  let procedure: { code: string };
  let components: Array<{ key: string; required: boolean }>;
  beforeAll(async () => {
    t = await startTestApp();
    procedure = await pickWalkableProcedure(t);
    const clerk = await t.login('clerk');
    components = (await t.http().get(`/api/procedures/${procedure.code}`).set('authorization', `Bearer ${clerk}`).expect(200)).body.components;
  });
  afterAll(() => t.close());

  const bearer = async (user: string) => `Bearer ${await t.login(user)}`;
  const requiredFiles = () => Object.fromEntries(components.filter((c) => c.required).map((c) => [c.key, samplePdf()]));
  const count = async (table: string) => Number((await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const storedObjects = async () => {
    const keys: string[] = [];
    for await (const o of t.app.get<ObjectStorage>(OBJECT_STORAGE).list('dossiers/')) keys.push(o.key);
    return keys.length;
  };
  const snapshotCounts = async () => ({ dossiers: await count('dossier'), files: await count('dossier_file'), inbound: await count('portal_inbound'), objects: await storedObjects() });

  it('the same portal id twice makes one dossier, online, submitted, with its files', async () => {
    const before = await snapshotCounts();
    const record = portalRecord(procedure.code, requiredFiles());
    const first = await postPortalDossier(t, record);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ portalDossierId: record.MaHoSo, state: 'submitted', replayed: false });
    expect(typeof first.body.reference).toBe('string');
    const second = await postPortalDossier(t, record);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ dossierId: first.body.dossierId, reference: first.body.reference, replayed: true });
    const fileCount = record.TaiLieuNop.length;
    expect(await snapshotCounts()).toEqual({ dossiers: before.dossiers + 1, files: before.files + fileCount, inbound: before.inbound + 1, objects: before.objects + fileCount });

    const dossier = (await t.http().get(`/api/dossiers/${first.body.dossierId}`).set('authorization', await bearer('clerk')).expect(200)).body;
    expect(dossier).toMatchObject({ channel: 'online', state: 'submitted', applicant: { fullName: APPLICANT.fullName, idNumber: APPLICANT.idNumber } });
    expect(dossier.allowedEvents).toEqual(expect.arrayContaining(['ACCEPT', 'REJECT']));
    // The sync record says online (KenhThucHien 2) and that the citizen signed in with VNeID.
    const synced = await t.app.get(DataSource).getRepository(PortalRecordEntity).findOneByOrFail({ dossierId: first.body.dossierId });
    expect(synced.record).toMatchObject({ KenhThucHien: 2, TaiKhoanDuocXacThucVoiVNeID: 1 });
  });

  it('two concurrent deliveries of one portal id still make one dossier', async () => {
    const before = await snapshotCounts();
    const record = portalRecord(procedure.code, requiredFiles());
    const [a, b] = await Promise.all([postPortalDossier(t, record), postPortalDossier(t, record)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.dossierId).toBe(b.body.dossierId);
    const after = await snapshotCounts();
    expect(after.dossiers).toBe(before.dossiers + 1);
    expect(after.objects).toBe(before.objects + record.TaiLieuNop.length);
  });

  it('401 without the machine credential, with a wrong secret, or with a staff token', async () => {
    const record = portalRecord(procedure.code, requiredFiles());
    const before = await snapshotCounts();
    const client = await portalClient(t);
    for (const authorization of [undefined, basicAuth({ id: client.id, clientSecret: 'mcs_wrong' }), await bearer('admin'), await bearer('clerk')]) {
      const req = t.http().post('/api/portal/dossiers');
      const res = await (authorization ? req.set('authorization', authorization) : req).send(record);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('UNAUTHORIZED');
    }
    expect(await snapshotCounts()).toEqual(before);
  });

  it('a malformed record is refused with 422 naming the field, and nothing is stored', async () => {
    const before = await snapshotCounts();
    const { SoGiayToChuHoSo: _omit, ...noId } = portalRecord(procedure.code, requiredFiles());
    const cases: Array<[unknown, string]> = [
      [noId, 'SoGiayToChuHoSo'],
      [portalRecord(procedure.code, requiredFiles(), { NgayNopHoSo: '2026-03-02' }), 'NgayNopHoSo'],
      [portalRecord('9.999999', requiredFiles()), 'MaTTHC'],
      [portalRecord(procedure.code, { ...requiredFiles(), 'khong-co': samplePdf() }), `TaiLieuNop[${Object.keys(requiredFiles()).length}].MaThanhPhanHoSo`],
    ];
    // The last file is not a PDF, JPEG or PNG: the earlier, good files must not be stored either.
    const withBadFile = portalRecord(procedure.code, requiredFiles());
    withBadFile.TaiLieuNop.push({ MaThanhPhanHoSo: components[0].key, TenTepDinhKem: 'virus.pdf', NoiDungTep: Buffer.from('MZ\x90\x00 not a pdf at all').toString('base64') });
    cases.push([withBadFile, `TaiLieuNop[${withBadFile.TaiLieuNop.length - 1}].NoiDungTep`]);
    for (const [record, field] of cases) {
      const res = await postPortalDossier(t, record);
      expect({ status: res.status, error: res.body.error, field: res.body.details?.field }).toEqual({ status: 422, error: 'PORTAL_FIELD_INVALID', field });
      expect(res.body.message).toContain(field);
    }
    expect(await snapshotCounts()).toEqual(before);
  });

  it('the clerk accepts or rejects the online submission with a reason', async () => {
    const accepted = await postPortalDossier(t, portalRecord(procedure.code, requiredFiles()));
    const ok = await sendEvent(t, 'clerk', accepted.body.dossierId, { type: 'ACCEPT', expectedVersion: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body.state).toBe('received');
    const refused = await postPortalDossier(t, portalRecord(procedure.code, {}));
    const no = await sendEvent(t, 'clerk', refused.body.dossierId, { type: 'REJECT', reason: 'Thiếu đơn đề nghị theo mẫu', expectedVersion: 1 });
    expect(no.status).toBe(200);
    expect(no.body.state).toBe('rejected');
  });

  it('a clerk cannot create a dossier with channel online (acceptance 3)', async () => {
    const before = await count('dossier');
    const res = await t.http().post('/api/dossiers').set('authorization', await bearer('clerk')).send({ procedureCode: procedure.code, channel: 'online', applicant: APPLICANT });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('ONLINE_CHANNEL_NOT_AT_COUNTER');
    expect(await count('dossier')).toBe(before);
    await t.http().post('/api/dossiers').set('authorization', await bearer('clerk')).send({ procedureCode: procedure.code, channel: 'postal', applicant: APPLICANT }).expect(201);
  });

  describe('machine accounts (admin only, audited, rotated)', () => {
    it('only an admin manages them', async () => {
      for (const user of ['clerk', 'leader', 'reporter']) {
        await t.http().post('/api/admin/machine-clients').set('authorization', await bearer(user)).send({ name: 'X', role: 'portal_client' }).expect(403);
        await t.http().get('/api/admin/machine-clients').set('authorization', await bearer(user)).expect(403);
      }
      await t.http().post('/api/admin/machine-clients').send({ name: 'X', role: 'portal_client' }).expect(401);
      const bad = await t.http().post('/api/admin/machine-clients').set('authorization', await bearer('admin')).send({ name: 'X', role: 'admin' });
      expect(bad.status).toBe(400);
    });

    it('rotation replaces the secret at once; deactivation shuts the client out; every change is audited and no secret is listed', async () => {
      const admin = await bearer('admin');
      const created = (await t.http().post('/api/admin/machine-clients').set('authorization', admin).send({ name: 'Cổng DVC thử', role: 'portal_client' }).expect(201)).body;
      const send = (secret: string) => t.http().post('/api/portal/dossiers').set('authorization', basicAuth({ id: created.id, clientSecret: secret })).send({});
      expect((await send(created.clientSecret)).status).toBe(422);
      const rotated = (await t.http().post(`/api/admin/machine-clients/${created.id}/rotate`).set('authorization', admin).expect(200)).body;
      expect(rotated.clientSecret).not.toBe(created.clientSecret);
      expect((await send(created.clientSecret)).status).toBe(401);
      expect((await send(rotated.clientSecret)).status).toBe(422);
      await t.http().post(`/api/admin/machine-clients/${created.id}/deactivate`).set('authorization', admin).expect(200);
      expect((await send(rotated.clientSecret)).status).toBe(401);
      const changes = (await t.http().get(`/api/admin/machine-clients/${created.id}/changes`).set('authorization', admin).expect(200)).body;
      expect(changes.map((c: { action: string; actorUsername: string }) => [c.action, c.actorUsername])).toEqual([['create', 'admin'], ['rotate', 'admin'], ['deactivate', 'admin']]);
      const listed = (await t.http().get('/api/admin/machine-clients').set('authorization', admin).expect(200)).body;
      expect(JSON.stringify(listed)).not.toContain('mcs_');
      expect(JSON.stringify(listed)).not.toMatch(/secretSha256/);
    });
  });
});
