import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnitOfWork, currentDialect } from '@motcua/persistence';
import { OutboxDispatcher } from '../../apps/api/src/outbox';
import { OutboxMessageEntity } from '../../apps/api/src/outbox/outbox-message.entity';
import { createDossier, pickWalkableProcedure } from '../support/dossier-helpers';
import { samplePdf, uploadComponent } from '../support/files';
import { HttpReceiver, startHttpReceiver } from '../support/http-receiver';
import { killChildren, runMain } from '../support/main-process';
import { startTestApp, startTestAppOnDatabase, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** Bounds that only turn a hang into a failure (a real `migrate` process, three boots, on a loaded machine). */
const TIMEOUT_MS = 300_000;

/**
 * The restore drill of issue #18 in one test file: production takes a backup, goes on (delivers
 * what was waiting, receives a dossier, digitises a file), is lost; the backup is restored and
 * `main.js migrate` runs with RESTORE_MODE=on as docs/deploy.md says. Nothing the lost system sent
 * may be sent again, and no code it issued may be issued again.
 */
describe(`Restore without side effects (${currentDialect})`, () => {
  let receiver: HttpReceiver;
  let production: TestApp;
  let backup: TestDatabase;
  let restored: TestApp | null = null;
  let procedure: string;
  const env = () => ({ PORTAL_SYNC_URL: receiver.url, WEBHOOK_URL: receiver.url });
  const issuedAfterBackup: { dossierCode: string; digitisationCodes: string[] } = { dossierCode: '', digitisationCodes: [] };
  let heldKeys: string[] = [];

  beforeAll(async () => {
    receiver = await startHttpReceiver();
    production = await startTestApp({ env: env() });
    procedure = (await pickWalkableProcedure(production)).code;
    const first = await createDossier(production, procedure);
    await production.app.get(OutboxDispatcher).drain();
    const second = await createDossier(production, procedure);
    // The backup: taken while the second dossier's messages wait (the nightly dump does not stop the service).
    heldKeys = (await production.app.get(UnitOfWork).read((m) => m.find(OutboxMessageEntity, { where: { status: 'pending' } }))).map((m) => m.idempotencyKey);
    expect(heldKeys.length).toBeGreaterThan(0);
    await production.app.close();
    backup = await createTestDatabase({ copyOf: production.database });
    production = await production.restart();

    // Production goes on after the backup, then is lost: it delivers what waited and issues new codes.
    await production.app.get(OutboxDispatcher).drain();
    const third = await createDossier(production, procedure);
    issuedAfterBackup.dossierCode = third.code;
    const token = await production.login('clerk');
    const files = (await production.http().get(`/api/dossiers/${second.id}/files`).set('authorization', `Bearer ${token}`)).body;
    const key = (Array.isArray(files) ? files : files.items)[0].componentKey as string;
    const later = await uploadComponent(production, 'clerk', second.id, key, samplePdf());
    expect(later.status).toBe(201);
    issuedAfterBackup.digitisationCodes.push(later.body.digitisationCode);
    await production.app.get(OutboxDispatcher).drain();
    expect(first.code < second.code && second.code < third.code).toBe(true);
    await production.close();
  }, TIMEOUT_MS);

  afterAll(async () => {
    killChildren();
    await restored?.close();
    await backup?.drop();
    await receiver?.close();
  });

  it('RESTORE_MODE is refused by the API: it belongs to the one-off migrate step', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'motcua-restore-'));
    try {
      const serve = runMain([], { NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: backup.url, RESTORE_MODE: 'on', PORT: '0' });
      const exit = await serve.exited;
      expect(exit.code).toBe(1);
      expect(serve.output()).toContain('RESTORE_MODE=on is only for the one-off step after a restore');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, TIMEOUT_MS);

  it('after `migrate` with RESTORE_MODE=on: the waiting messages are held, codes continue past the gap, nothing is sent twice', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'motcua-restore-'));
    try {
      const migrate = runMain(['migrate'], { NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: backup.url, RESTORE_MODE: 'on', RESTORE_DOSSIER_CODE_GAP: '50' });
      expect(await migrate.exited).toEqual({ code: 0, signal: null });
      expect(migrate.output()).toContain(`RESTORE_MODE: ${heldKeys.length} outbox message(s) held`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    const deliveredBefore = receiver.requests.length;
    restored = await startTestAppOnDatabase(backup, { env: env() });
    const dispatcher = restored.app.get(OutboxDispatcher);
    expect((await dispatcher.drain()).claimed).toBe(0);
    expect(receiver.requests.length).toBe(deliveredBefore);

    const admin = `Bearer ${await restored.login('admin')}`;
    const held = (await restored.http().get('/api/admin/outbox?status=held&pageSize=200').set('authorization', admin).expect(200)).body;
    expect(held.items.map((m: { idempotencyKey: string }) => m.idempotencyKey).sort()).toEqual([...heldKeys].sort());
    expect(held.counts.held).toBe(heldKeys.length);

    // New work flows at once; its codes were never issued, by the lost system either.
    const fourth = await createDossier(restored, procedure);
    expect(fourth.code).not.toBe(issuedAfterBackup.dossierCode);
    const lastNumber = (code: string) => Number(code.split('-').pop());
    // The backup's counter stood at the second dossier; the gap (50) carries it past the third, which only the lost system knew.
    expect(lastNumber(fourth.code)).toBeGreaterThan(lastNumber(issuedAfterBackup.dossierCode));
    const report = await dispatcher.drain();
    expect(report.delivered).toBeGreaterThan(0);
    const repeated = [...receiver.acceptedByKey()].filter(([, n]) => n > 1);
    expect(repeated).toEqual([]);
  }, TIMEOUT_MS);

  it('a digitisation code issued after the backup is not issued again to the restored dossier', async () => {
    const t = restored!;
    const token = await t.login('clerk');
    const second = (await t.http().get('/api/dossiers?pageSize=50').set('authorization', `Bearer ${token}`).expect(200)).body.items.find((d: { code: string }) =>
      issuedAfterBackup.digitisationCodes[0].startsWith(`${d.code}-`),
    );
    expect(second).toBeDefined();
    const files = (await t.http().get(`/api/dossiers/${second.id}/files`).set('authorization', `Bearer ${token}`)).body;
    const key = (Array.isArray(files) ? files : files.items)[0].componentKey as string;
    const upload = await uploadComponent(t, 'clerk', second.id, key, samplePdf());
    expect(upload.status).toBe(201);
    expect(issuedAfterBackup.digitisationCodes).not.toContain(upload.body.digitisationCode);
  });

  it('an administrator releases or discards held messages, each decision audited; others may not', async () => {
    const t = restored!;
    const admin = `Bearer ${await t.login('admin')}`;
    const clerk = `Bearer ${await t.login('clerk')}`;
    const held = (await t.http().get('/api/admin/outbox?status=held').set('authorization', admin).expect(200)).body.items as Array<{ id: string; idempotencyKey: string }>;
    const [release, ...discard] = held;
    await t.http().post(`/api/admin/outbox/${release.id}/release`).set('authorization', clerk).expect(403);
    await t.http().post('/api/admin/outbox/discard-held').set('authorization', clerk).send({}).expect(403);
    await t.http().post('/api/admin/outbox/release-held').send({}).expect(401);

    const released = (await t.http().post(`/api/admin/outbox/${release.id}/release`).set('authorization', admin).expect(200)).body;
    expect(released.status).toBe('pending');
    expect(released.actions.map((a: { action: string; actorUsername: string }) => [a.action, a.actorUsername])).toEqual([
      ['hold', 'restore'],
      ['release', 'admin'],
    ]);
    const again = await t.http().post(`/api/admin/outbox/${release.id}/release`).set('authorization', admin).expect(409);
    expect(again.body).toMatchObject({ error: 'OUTBOX_STATE_CONFLICT', details: { status: 'pending', allowedFrom: ['held'] } });
    await t.http().post('/api/admin/outbox/discard-held').set('authorization', admin).send({ ids: ['not-a-uuid'] }).expect(400);

    const decided = (await t.http().post('/api/admin/outbox/discard-held').set('authorization', admin).send({}).expect(200)).body;
    expect(decided.count).toBe(discard.length);
    expect(decided.ids.sort()).toEqual(discard.map((m) => m.id).sort());
    const counts = (await t.http().get('/api/admin/outbox').set('authorization', admin).expect(200)).body.counts;
    expect(counts.held).toBe(0);

    // The released one is delivered (the administrator judged the lost system had not sent it).
    const before = receiver.acceptedByKey().get(release.idempotencyKey) ?? 0;
    await t.app.get(OutboxDispatcher).drain();
    expect(receiver.acceptedByKey().get(release.idempotencyKey)).toBe(before + 1);
    for (const m of discard) {
      const detail = (await t.http().get(`/api/admin/outbox/${m.id}`).set('authorization', admin).expect(200)).body;
      expect(detail.status).toBe('discarded');
      expect(detail.actions.map((a: { action: string }) => a.action)).toEqual(['hold', 'discard']);
    }
  });
});
