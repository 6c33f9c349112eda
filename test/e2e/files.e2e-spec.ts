import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Readable } from 'node:stream';
import { startS3rver, RunningS3rver } from '@motcua/storage/testing';
import { DossierFileEntity } from '../../apps/api/src/files/dossier-file.entity';
import { FilesService } from '../../apps/api/src/files/files.service';
import { OBJECT_STORAGE } from '../../apps/api/src/files/object-storage.provider';
import { UnitOfWork } from '@motcua/persistence';
import type { ObjectStorage } from '@motcua/storage';
import { APPLICANT, createDossier, pickWalkableProcedure, sendEvent, USER_BY_DEPARTMENT } from '../support/dossier-helpers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoPki, identityFromPem, issueUserCertificate, signPdf } from '@motcua/signatures';
import { attachSignedResult, resultPdf, samplePdf, samplePng, uploadComponent } from '../support/files';
import { startTestApp, TestApp } from '../support/test-app';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MAX_UPLOAD = 256 * 1024;

/** Runs the same file tests on the embedded disk storage and on MinIO (a real s3rver over HTTP). */
describe.each(['disk', 'minio'] as const)('Dossier files on %s storage', (backend) => {
  let s3: RunningS3rver | null = null;
  let t: TestApp;
  let procedure: Awaited<ReturnType<typeof pickWalkableProcedure>> & { components?: Array<{ key: string; required: boolean }> };
  let componentKey: string;

  beforeAll(async () => {
    const env: Record<string, string> = { MAX_UPLOAD_BYTES: String(MAX_UPLOAD) };
    if (backend === 'minio') {
      s3 = await startS3rver();
      Object.assign(env, { MINIO_ENDPOINT: '127.0.0.1', MINIO_PORT: String(s3.port), MINIO_USE_SSL: 'false', MINIO_ACCESS_KEY: 'S3RVER', MINIO_SECRET_KEY: 'S3RVER', MINIO_BUCKET: 'motcua-files' });
    }
    t = await startTestApp({ env });
    procedure = await pickWalkableProcedure(t);
    const token = await t.login('clerk');
    const full = (await t.http().get(`/api/procedures/${procedure.code}`).set('authorization', `Bearer ${token}`).expect(200)).body;
    componentKey = full.components.find((c: { required: boolean }) => c.required).key;
    procedure = full;
  });
  afterAll(async () => {
    await t.close();
    await s3?.stop();
  });
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.login(user)}` });

  it('stores an upload whose SHA-256 (computed by the server) equals the client\u2019s, and downloads identical bytes', async () => {
    const d = await createDossier(t, procedure.code, 'direct', { scan: false });
    const content = samplePdf(undefined, randomBytes(150_000));
    const res = await uploadComponent(t, 'clerk', d.id, componentKey, content, 'Đơn đề nghị – bản quét.pdf');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sha256: sha256(content), size: content.length, contentType: 'application/pdf', componentKey, fileName: 'Đơn đề nghị – bản quét.pdf' });
    expect(res.body.digitisationCode).toMatch(new RegExp(`^${d.code}-SH01$`));
    const download = await t.http().get(`/api/files/${res.body.id}`).set(await auth('clerk')).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(download.body as Buffer, content)).toBe(0);

    const url = await t.http().get(`/api/files/${res.body.id}/url`).set(await auth('clerk')).expect(200);
    if (backend === 'minio') {
      const direct = Buffer.from(await (await fetch(url.body.url)).arrayBuffer());
      expect(sha256(direct)).toBe(sha256(content));
    } else {
      expect(url.body.url).toBeNull();
    }
  });

  it('refuses a renamed executable with 415 and an oversized file with 413, storing nothing', async () => {
    const d = await createDossier(t, procedure.code, 'direct', { scan: false });
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), randomBytes(5000)]);
    const exe = await uploadComponent(t, 'clerk', d.id, componentKey, elf, 'giay-phep.pdf');
    expect(exe.status).toBe(415);
    expect(exe.body.error).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = await uploadComponent(t, 'clerk', d.id, componentKey, Buffer.concat([samplePdf(), randomBytes(MAX_UPLOAD)]), 'lon.pdf');
    expect(big.status).toBe(413);
    const files = await t.http().get(`/api/dossiers/${d.id}/files`).set(await auth('clerk')).expect(200);
    expect(files.body).toEqual([]);
  });

  it("keeps files from another department's specialist (404) and refuses uploads from specialists (403)", async () => {
    const d = await createDossier(t, procedure.code, 'direct', { scan: false });
    const up = await uploadComponent(t, 'clerk', d.id, componentKey, samplePng(), 'anh.png');
    expect(up.status).toBe(201);
    expect(up.body.contentType).toBe('image/png');
    const departments = new Set(procedure.steps.map((s) => s.departmentCode));
    const outsider = !departments.has('PQLKH') ? 'specialist' : !departments.has('PQLCN') ? 'specialist2' : null;
    if (outsider) await t.http().get(`/api/files/${up.body.id}`).set(await auth(outsider)).expect(404);
    await t.http().get(`/api/files/${up.body.id}`).set(await auth('leader')).expect(200);
    const bySpecialist = await uploadComponent(t, 'specialist', d.id, componentKey, samplePdf());
    expect(bySpecialist.status).toBe(403);
    await t.http().get(`/api/files/3b241101-e2bb-4255-8caf-4136c566a962`).set(await auth('clerk')).expect(404);
  });

  it('requires every required component before COMPLETE_DIGITISATION, and counts reuse from the data store', async () => {
    const first = await createDossier(t, procedure.code, 'direct');
    let res = await sendEvent(t, 'clerk', first.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: first.version });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('processing');

    const second = await createDossier(t, procedure.code, 'direct', { scan: false });
    res = await sendEvent(t, 'clerk', second.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: second.version });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('COMPONENTS_MISSING');
    expect(res.body.details.missing).toContain(componentKey);

    const store = await t.http().get(`/api/applicants/${APPLICANT.idNumber}/files`).set(await auth('clerk')).expect(200);
    const earlier = store.body.find((f: { dossierId: string; componentKey: string }) => f.dossierId === first.id && f.componentKey === componentKey);
    expect(earlier).toBeDefined();
    const required = (procedure.components ?? []).filter((c) => c.required).map((c) => c.key);
    for (const key of required) {
      const source = store.body.find((f: { dossierId: string; componentKey: string }) => f.dossierId === first.id && f.componentKey === key);
      const reuse = await t.http().post(`/api/dossiers/${second.id}/components/${key}/reuse`).set(await auth('clerk')).send({ fileId: source.id });
      expect(reuse.status).toBe(201);
      expect(reuse.body).toMatchObject({ reusedFrom: source.id, sha256: source.sha256 });
    }
    res = await sendEvent(t, 'clerk', second.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: second.version });
    expect(res.status).toBe(200);
    const row = await t.app.get(DataSource).query(`SELECT reused_component, digitised FROM dossier WHERE id = '${second.id}'`);
    expect(Boolean(row[0].reused_component)).toBe(true);
    expect(Boolean(row[0].digitised)).toBe(true);

    // A file of another applicant is not in this applicant's store.
    const stranger = await t.http().post('/api/dossiers').set(await auth('clerk')).send({ procedureCode: procedure.code, channel: 'direct', applicant: { ...APPLICANT, idNumber: '099999999999' } }).expect(201);
    await t.http().post(`/api/dossiers/${stranger.body.id}/components/${componentKey}/reuse`).set(await auth('clerk')).send({ fileId: earlier.id }).expect(404);
  });

  it('verifies uploaded signed results: trusted accepted with the signer recorded; tampered, appended or untrusted refused (422)', async () => {
    const leaderSteps = procedure.steps.length;
    const d = await createDossier(t, procedure.code);
    let version = (await sendEvent(t, 'clerk', d.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: d.version })).body.version;
    for (let i = 0; i < leaderSteps - 1; i++) {
      const actor = USER_BY_DEPARTMENT[procedure.steps[i].departmentCode];
      version = (await sendEvent(t, actor, d.id, { type: 'FORWARD', expectedVersion: version })).body.version;
    }
    const leader = USER_BY_DEPARTMENT[procedure.steps[leaderSteps - 1].departmentCode];
    // The leader's USB token, simulated: a personal certificate from the trusted (demo) CA, signing outside the service.
    const ca = { certPem: readFileSync(join(t.config.dataDir, 'pki', 'demo-ca.pem'), 'utf8'), keyPem: readFileSync(join(t.config.dataDir, 'pki', 'demo-ca-key.pem'), 'utf8') };
    const token = issueUserCertificate(ca, { commonName: 'Phạm Quang Huy', now: new Date('2024-01-01T00:00:00Z'), validityYears: 10 });
    const identity = identityFromPem({ privateKeyPem: token.keyPem, certificatePem: token.certPem, chainPem: [ca.certPem] });
    const signed = await signPdf(await resultPdf('Quyet dinh cap phep'), identity, { reason: 'Ký duyệt kết quả', signerName: 'Phạm Quang Huy' });

    const tampered = Buffer.from(signed);
    // Flip one byte of the binary comment on line 2 (inside the signed range; the file still parses).
    const at = tampered.indexOf('\n%') + 3;
    expect(at).toBeGreaterThan(2);
    tampered[at] = tampered[at] ^ 0x01;
    expect(tampered.equals(signed)).toBe(false);
    const refusedTampered = await attachSignedResult(t, leader, d.id, tampered, 'signed');
    expect(refusedTampered.status).toBe(422);
    expect(refusedTampered.body.details.reasons).toContain('DIGEST_MISMATCH');

    const appended = await attachSignedResult(t, leader, d.id, Buffer.concat([signed, Buffer.from('\n% appended after signing\n')]), 'signed');
    expect(appended.status).toBe(422);
    expect(appended.body.details.reasons).toContain('NOT_WHOLE_FILE');

    const stranger = createDemoPki({ agencyName: 'Tổ chức không được tin cậy' });
    const strangerIdentity = identityFromPem({ privateKeyPem: stranger.agencyKeyPem, certificatePem: stranger.agencyCertPem, chainPem: [stranger.caCertPem] });
    const untrusted = await attachSignedResult(t, leader, d.id, await signPdf(await resultPdf(), strangerIdentity, { reason: 'x' }), 'signed');
    expect(untrusted.status).toBe(422);
    expect(untrusted.body.details.reasons).toContain('UNTRUSTED_CHAIN');

    const unsigned = await attachSignedResult(t, leader, d.id, await resultPdf(), 'signed');
    expect(unsigned.status).toBe(422);
    expect(unsigned.body.details.reasons).toContain('NO_SIGNATURE');
    expect((await t.http().get(`/api/dossiers/${d.id}/files`).set(await auth('clerk'))).body.filter((f: { purpose: string }) => f.purpose === 'result')).toEqual([]);

    const accepted = await attachSignedResult(t, leader, d.id, signed, 'signed');
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ purpose: 'result', sha256: sha256(signed) });
    expect(accepted.body.signature).toMatchObject({ kind: 'pdf', valid: true, signerName: 'Phạm Quang Huy', certificateSerial: expect.any(String), certificateIssuer: expect.stringContaining('motcua demo CA') });
    const again = await t.http().get(`/api/files/${accepted.body.id}/verification`).set(await auth('clerk')).expect(200);
    expect(again.body).toMatchObject({ valid: true, signerName: 'Phạm Quang Huy' });

    const issued = await sendEvent(t, leader, d.id, { type: 'ISSUE_RESULT', expectedVersion: version });
    expect(issued.status).toBe(200);
    const row = await t.app.get(DataSource).query(`SELECT e_result FROM dossier WHERE id = '${d.id}'`);
    expect(Boolean(row[0].e_result)).toBe(true);
  }, 30_000); // two CAs generated (RSA) and five uploads signed and verified

  it("signs each scan on behalf of the digitising clerk, and re-verifies it", async () => {
    const d = await createDossier(t, procedure.code, 'direct', { scan: false });
    const up = await uploadComponent(t, 'clerk', d.id, componentKey, samplePdf());
    expect(up.body.signature).toMatchObject({ kind: 'detached_cms', valid: true, signerName: 'Nguyễn Thị Hồng Nhung', onBehalfOf: 'Nguyễn Thị Hồng Nhung' });
    const verdict = await t.http().get(`/api/files/${up.body.id}/verification`).set(await auth('clerk')).expect(200);
    expect(verdict.body).toMatchObject({ valid: true, documentSha256: up.body.sha256 });
  });

  it('leaves no row when the database write fails, and removes the stored object', async () => {
    const d = await createDossier(t, procedure.code, 'direct', { scan: false });
    const uow = t.app.get(UnitOfWork);
    const storage = t.app.get<ObjectStorage>(OBJECT_STORAGE);
    const spy = jest.spyOn(uow, 'run').mockRejectedValueOnce(new Error('simulated database failure'));
    const before = await listKeys(storage);
    const res = await uploadComponent(t, 'clerk', d.id, componentKey, samplePdf());
    spy.mockRestore();
    expect(res.status).toBe(500);
    expect(await listKeys(storage)).toEqual(before);
    expect(await t.app.get(DataSource).getRepository(DossierFileEntity).count({ where: { dossierId: d.id } })).toBe(0);
  });

  it('sweeps an object left behind by a crash between the object write and the row', async () => {
    const storage = t.app.get<ObjectStorage>(OBJECT_STORAGE);
    const orphan = `dossiers/00000000-0000-4000-8000-000000000000/${randomBytes(8).toString('hex')}.pdf`;
    await storage.put(orphan, Readable.from([samplePdf()]), { contentType: 'application/pdf' });
    const kept = await listKeys(storage);
    const young = await t.app.get(FilesService).sweepOrphans(60_000);
    expect(young.removed).toEqual([]); // too young: may be an upload in flight
    const swept = await t.app.get(FilesService).sweepOrphans(0);
    expect(swept.removed).toEqual([orphan]);
    expect(await listKeys(storage)).toEqual(kept.filter((k) => k !== orphan));
  });
});

describe('Storage down during an upload', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A MinIO endpoint where nothing listens.
    t = await startTestApp({ env: { MINIO_ENDPOINT: '127.0.0.1', MINIO_PORT: '1', MINIO_ACCESS_KEY: 'x', MINIO_SECRET_KEY: 'y', MINIO_BUCKET: 'motcua' } });
  });
  afterAll(() => t.close());

  it('answers 503 and stores no row; the rest of the service keeps working', async () => {
    const procedure = await pickWalkableProcedure(t);
    const d = await createDossier(t, procedure.code, 'direct', { scan: false });
    const token = await t.login('clerk');
    const full = (await t.http().get(`/api/procedures/${procedure.code}`).set('authorization', `Bearer ${token}`)).body;
    const res = await uploadComponent(t, 'clerk', d.id, full.components[0].key, samplePdf());
    expect(res.status).toBe(503);
    expect(res.body.error).toBe('STORAGE_UNAVAILABLE');
    expect(await t.app.get(DataSource).getRepository(DossierFileEntity).count()).toBe(0);
    await t.http().get(`/api/dossiers/${d.id}`).set('authorization', `Bearer ${token}`).expect(200);
  });
});

async function listKeys(storage: ObjectStorage): Promise<string[]> {
  const keys: string[] = [];
  for await (const o of storage.list('dossiers/')) keys.push(o.key);
  return keys.sort();
}
