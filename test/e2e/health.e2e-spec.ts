import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ConfigError, loadAppConfig } from '@config/app-config';
import { MIGRATIONS } from '../../migrations';
import { ReadinessRegistry } from '../../apps/api/src/health/readiness.registry';
import { RunningS3rver, startS3rver } from '@motcua/storage/testing';
import { startTestApp, startTestAppOn, TestApp } from '../support/test-app';

/** The built-in checks, in registration order. */
const BUILT_IN = ['database', 'migrations', 'trust_anchors', 'agency_certificate', 'storage', 'dispatcher_lag'];

function expectNotReady(res: { status: number; body: Record<string, any> }, failed: string[]) {
  expect(res.status).toBe(503);
  expect(res.body).toMatchObject({ statusCode: 503, error: 'SERVICE_UNAVAILABLE', details: { status: 'not_ready', failed } });
  expect(res.body.message).toBe(`Not ready: ${failed.join(', ')} failed`);
  for (const name of failed) expect(res.body.details.checks[name]).toMatchObject({ status: 'fail', latencyMs: expect.any(Number) });
}

describe('Health on the embedded disk storage', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('liveness (/api/health) keeps its answer', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: t.database.dialect });
  });

  it('readiness: 200 without a token, with each check’s status and latency', async () => {
    const res = await t.http().get('/api/health/ready').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.status).toBe('ready');
    expect(Object.keys(res.body.checks)).toEqual(BUILT_IN);
    for (const check of Object.values(res.body.checks)) expect(check).toMatchObject({ status: 'ok', latencyMs: expect.any(Number) });
    expect(res.body.checks.database.detail).toBe(t.database.dialect);
    expect(res.body.checks.migrations.detail).toBe(`${MIGRATIONS.length} applied`);
    expect(res.body.checks.storage.detail).toBe(`folder ${(t.config.storage as { root: string }).root} is writable`);
  });

  it('a check registered by another module takes part: its failure is a 503 naming it, removing it restores 200', async () => {
    const registry = t.app.get(ReadinessRegistry);
    const unregister = registry.register('search_index', async () => ({ ok: false, detail: 'index 900 s behind' }));
    try {
      const res = await t.http().get('/api/health/ready');
      expectNotReady(res, ['search_index']);
      expect(res.body.details.checks.search_index.detail).toBe('index 900 s behind');
      expect(res.body.details.checks.database.status).toBe('ok');
    } finally {
      unregister();
    }
    const back = await t.http().get('/api/health/ready').expect(200);
    expect(Object.keys(back.body.checks)).toEqual(BUILT_IN);
  });

  it('a check that throws or never answers fails with its reason; a hung one is joined by later probes, not started again', async () => {
    const registry = t.app.get(ReadinessRegistry);
    let hungCalls = 0;
    const removers = [
      registry.register('throws', async () => {
        throw new Error('queue table missing');
      }),
      registry.register('hangs', () => {
        hungCalls++;
        return new Promise(() => undefined);
      }, { timeoutMs: 100 }),
    ];
    try {
      const first = await t.http().get('/api/health/ready');
      const second = await t.http().get('/api/health/ready');
      for (const res of [first, second]) {
        expectNotReady(res, ['throws', 'hangs']);
        expect(res.body.details.checks.throws.detail).toBe('queue table missing');
        expect(res.body.details.checks.hangs.detail).toBe('timed out after 100 ms');
        expect(res.body.details.checks.storage.status).toBe('ok');
      }
      expect(hungCalls).toBe(1);
    } finally {
      removers.forEach((remove) => remove());
    }
  });

  it('names are unique and snake_case', () => {
    const registry = t.app.get(ReadinessRegistry);
    expect(() => registry.register('storage', async () => ({ ok: true }))).toThrow('already registered');
    expect(() => registry.register('Dispatcher Lag', async () => ({ ok: true }))).toThrow('snake_case');
  });

  it('file storage unusable (its folder replaced by a file) → 503 naming storage while liveness stays 200; repaired → 200', async () => {
    const root = (t.config.storage as { root: string }).root;
    rmSync(root, { recursive: true, force: true });
    writeFileSync(root, 'not a folder');
    try {
      const res = await t.http().get('/api/health/ready');
      expectNotReady(res, ['storage']);
      expect(res.body.details.checks.storage.detail).toBe(`${root} is not a folder`);
      expect(res.body.details.checks.database.status).toBe('ok');
      // Liveness must not fail for a dependency: an orchestrator would restart a healthy process.
      await t.http().get('/api/health').expect(200);
    } finally {
      rmSync(root, { force: true });
      mkdirSync(root, { recursive: true });
    }
    await t.http().get('/api/health/ready').expect(200);
  });
});

describe('Health on MinIO (a real S3 server over HTTP)', () => {
  let s3: RunningS3rver;
  let t: TestApp;
  beforeAll(async () => {
    s3 = await startS3rver();
    t = await startTestApp({
      env: { MINIO_ENDPOINT: '127.0.0.1', MINIO_PORT: String(s3.port), MINIO_ACCESS_KEY: 'S3RVER', MINIO_SECRET_KEY: 'S3RVER', MINIO_BUCKET: 'motcua-ready' },
    });
  });
  afterAll(async () => {
    await t.close();
    await s3.stop();
  });

  it('ready while the bucket is reachable; 503 naming storage once the server is gone', async () => {
    const res = await t.http().get('/api/health/ready').expect(200);
    expect(res.body.checks.storage).toMatchObject({ status: 'ok', detail: 'bucket "motcua-ready" is reachable' });
    await s3.stop();
    const down = await t.http().get('/api/health/ready');
    expectNotReady(down, ['storage']);
    expect(down.body.details.checks.storage.detail).toContain('ECONNREFUSED');
  });
});

describe('Health with MinIO configured at a closed port', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Port 1 (tcpmux) is not served on a test machine: the connection is refused at once.
    t = await startTestApp({ env: { MINIO_ENDPOINT: '127.0.0.1', MINIO_PORT: '1', MINIO_ACCESS_KEY: 'x', MINIO_SECRET_KEY: 'y', MINIO_BUCKET: 'motcua' } });
  });
  afterAll(() => t.close());

  it('the API starts (uploads would answer 503) but is not ready', async () => {
    await t.http().get('/api/health').expect(200);
    const res = await t.http().get('/api/health/ready');
    expectNotReady(res, ['storage']);
    expect(res.body.details.checks.storage.detail).toContain('ECONNREFUSED');
  });
});

describe('MIGRATIONS_RUN', () => {
  it('is on by default; off and on are accepted, anything else is a configuration error (with the shutdown settings)', () => {
    const env = { NODE_ENV: 'test', DATA_DIR: mkdtempSync(join(tmpdir(), 'motcua-config-')), JWT_SECRET: 'x'.repeat(32) };
    try {
      expect(loadAppConfig(env).lifecycle).toEqual({ migrationsRun: true, shutdownDrainSeconds: 0, shutdownTimeoutSeconds: 30 });
      expect(loadAppConfig({ ...env, MIGRATIONS_RUN: 'OFF', SHUTDOWN_DRAIN_SECONDS: '5', SHUTDOWN_TIMEOUT_SECONDS: '20' }).lifecycle).toEqual({
        migrationsRun: false,
        shutdownDrainSeconds: 5,
        shutdownTimeoutSeconds: 20,
      });
      expect(loadAppConfig({ ...env, MIGRATIONS_RUN: 'on' }).lifecycle.migrationsRun).toBe(true);
      expect(() => loadAppConfig({ ...env, MIGRATIONS_RUN: 'sometimes', SHUTDOWN_TIMEOUT_SECONDS: '0' })).toThrow(ConfigError);
      try {
        loadAppConfig({ ...env, MIGRATIONS_RUN: 'sometimes', SHUTDOWN_TIMEOUT_SECONDS: '0' });
      } catch (error) {
        expect((error as ConfigError).problems).toEqual([
          'MIGRATIONS_RUN must be on or off (got "sometimes")',
          'SHUTDOWN_TIMEOUT_SECONDS must be an integer between 1 and 3600 (got "0")',
        ]);
      }
    } finally {
      rmSync(env.DATA_DIR, { recursive: true, force: true });
    }
  });

  describe('an instance started with MIGRATIONS_RUN=off', () => {
    let first: TestApp;
    let second: TestApp | undefined;
    let removed: { id: number; timestamp: string; name: string };
    beforeAll(async () => {
      first = await startTestApp();
      // Forget the newest migration, as if this code shipped one the database has not had yet.
      const ds = first.app.get(DataSource);
      removed = (await ds.createQueryBuilder().select(['id', 'timestamp', 'name']).from('migrations', 'm').orderBy('id', 'DESC').limit(1).getRawOne())!;
      await ds.createQueryBuilder().delete().from('migrations').where('name = :name', { name: removed.name }).execute();
    });
    afterAll(async () => {
      await second?.close();
      await first.close();
    });

    it('boots without migrating: the migration the database lacks is reported pending (503) until it is applied', async () => {
      second = await startTestAppOn(first, { env: { MIGRATIONS_RUN: 'off' } });
      const res = await second.http().get('/api/health/ready');
      expectNotReady(res, ['migrations']);
      expect(res.body.details.checks.migrations.detail).toBe(`1 pending: ${removed.name}`);
      await first.app.get(DataSource).createQueryBuilder().insert().into('migrations').values(removed).execute();
      await second.http().get('/api/health/ready').expect(200);
    });
  });
});
