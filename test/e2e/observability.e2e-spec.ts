/**
 * Operations: JSON request logs without secrets, Prometheus metrics at /metrics behind a bearer
 * token, and liveness that survives a database outage while readiness reports it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DeadlineSweep } from '../../apps/api/src/deadlines/deadline-sweep.service';
import { createDossier, pickWalkableProcedure, sendEvent } from '../support/dossier-helpers';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

const METRICS_TOKEN = 'metrics-token-for-the-test-0123456789abcdef';

/** The application's log lines, as written. */
function logCapture() {
  const lines: string[] = [];
  return {
    lines,
    stream: { write: (line: string) => void lines.push(line) },
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, any>),
  };
}

describe('Request logs', () => {
  const logs = logCapture();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ logs: logs.stream, env: { LOG_LEVEL: 'log', PUBLIC_RATE_LIMIT_PER_MINUTE: '1000', INSTANCE_NAME: 'api-7' } });
  });
  afterAll(() => t.close());

  it('every answer names the instance (INSTANCE_NAME), errors and unknown routes too, so it can be checked through a proxy', async () => {
    for (const res of [await t.http().get('/api/health'), await t.http().get('/api/no-such-route'), await t.http().get('/api/dossiers')]) {
      expect(res.headers['x-motcua-instance']).toBe('api-7');
    }
  });

  it('one JSON object per line; each request completed with id, method, path, route, status, latency and user', async () => {
    const token = await t.login('clerk');
    const res = await t.http().get('/api/procedures').set('authorization', `Bearer ${token}`).set('x-request-id', 'probe-42').expect(200);
    expect(res.headers['x-request-id']).toBe('probe-42');
    const generated = await t.http().get('/api/health').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    for (const line of logs.lines) expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
    const entries = logs.entries();
    const clerkId = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub;
    const line = entries.find((e) => e.msg === 'request completed' && e.reqId === 'probe-42');
    expect(line).toMatchObject({ level: 'info', service: 'motcua', method: 'GET', path: '/api/procedures', route: '/api/procedures', status: 200, userId: clerkId });
    expect(line!.latencyMs).toEqual(expect.any(Number));
    expect(Date.parse(line!.time)).not.toBeNaN();
    const anonymous = entries.find((e) => e.msg === 'request completed' && e.reqId === generated.headers['x-request-id']);
    expect(anonymous).toMatchObject({ path: '/api/health', status: 200, userId: null });
  });

  it('never writes a bearer token, a password or a lookup secret', async () => {
    const token = await t.login('specialist');
    await t.http().get('/api/dossiers').set('authorization', `Bearer ${token}`).expect(200);
    await t.http().post('/api/auth/login').send({ username: 'clerk', password: 'sai-mật-khẩu-bí-mật-2026' }).expect(401);
    const procedure = await pickWalkableProcedure(t);
    const d = await createDossier(t, procedure.code, 'direct', { scan: false });
    const view = (await t.http().get(`/api/dossiers/${d.id}`).set('authorization', `Bearer ${await t.login('clerk')}`).expect(200)).body;
    const secret = view.publicLookupUrl.split('/').pop() as string;
    await t.http().get(`/api/public/dossiers/${encodeURIComponent(d.code)}`).query({ secret }).expect(200);

    const all = logs.lines.join('');
    expect(all).not.toContain(token);
    expect(all).not.toContain('sai-mật-khẩu-bí-mật-2026');
    expect(all).not.toContain(DEMO_PASSWORD);
    expect(all).not.toContain(secret);
    const lookup = logs.entries().find((e) => e.msg === 'request completed' && e.route === '/api/public/dossiers/:code');
    expect(lookup).toMatchObject({ path: `/api/public/dossiers/${encodeURIComponent(d.code)}`, query: 'secret=[REDACTED]', status: 200 });
  });
});

describe('Prometheus metrics at /metrics', () => {
  it('are off (404) unless METRICS_TOKEN is set', async () => {
    const t = await startTestApp();
    try {
      await t.http().get('/metrics').expect(404);
    } finally {
      await t.close();
    }
  });

  describe('with METRICS_TOKEN', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { METRICS_TOKEN } });
    });
    afterAll(() => t.close());

    const scrape = async () => (await t.http().get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`).expect(200)).text;

    it('answer 401 without the token or with another one', async () => {
      await t.http().get('/metrics').expect(401);
      await t.http().get('/metrics').set('authorization', `Bearer ${'x'.repeat(METRICS_TOKEN.length)}`).expect(401);
      const token = await t.login('admin');
      await t.http().get('/metrics').set('authorization', `Bearer ${token}`).expect(401);
    });

    it('count HTTP latency by route pattern, transitions by type and outcome, deadline sweeps, the outbox and the pool', async () => {
      const procedure = await pickWalkableProcedure(t);
      const d = await createDossier(t, procedure.code);
      expect((await sendEvent(t, 'clerk', d.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: d.version })).status).toBe(200);
      expect((await sendEvent(t, 'clerk', d.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: d.version })).status).toBe(409);
      const report = await t.app.get(DeadlineSweep).sweep();

      const text = await scrape();
      expect(text).toContain('# TYPE motcua_http_request_duration_seconds histogram');
      expect(text).toMatch(/motcua_http_request_duration_seconds_count\{method="POST",route="\/api\/dossiers\/:id\/events",status_code="200"\} 1\b/);
      expect(text).not.toContain(d.id); // route patterns, never raw paths
      expect(text).toMatch(/motcua_workflow_transitions_total\{workflow="dossier",event="COMPLETE_DIGITISATION",outcome="applied"\} 1\b/);
      expect(text).toMatch(/motcua_workflow_transitions_total\{workflow="dossier",event="COMPLETE_DIGITISATION",outcome="409"\} 1\b/);
      expect(text).toMatch(/motcua_deadline_sweep_runs_total\{result="ok"\} 1\b/);
      expect(text).toContain(`motcua_deadline_sweep_dossiers_total{kind="examined"} ${report.examined}`);
      // Creating a dossier enqueues its messages; the dispatcher is off in tests, so they wait.
      expect(text).toMatch(/motcua_outbox_messages\{status="pending"\} [1-9]/);
      expect(text).toContain('motcua_outbox_messages{status="dead"} 0');
      expect(text).toMatch(/motcua_outbox_lag_seconds \d+/);
      expect(text).toContain('motcua_process_resident_memory_bytes');
      if (t.database.dialect === 'postgres') expect(text).toMatch(/motcua_db_pool_connections\{state="total"\} [1-9]/);
    });

    it('include every metric the Grafana dashboard in deploy/ reads', async () => {
      const dashboard = readFileSync(join(__dirname, '../../deploy/grafana/motcua-dashboard.json'), 'utf8');
      const read = new Set([...dashboard.matchAll(/\bmotcua_[a-z0-9_]+/g)].map((m) => m[0]));
      const exported = new Set([...(await scrape()).matchAll(/^# TYPE (motcua_[a-z0-9_]+) /gm)].map((m) => m[1]));
      const missing = [...read]
        .map((name) => name.replace(/_(bucket|count|sum)$/, ''))
        .filter((name) => !exported.has(name) && !(name === 'motcua_db_pool_connections' && t.database.dialect === 'sqlite'));
      expect(read.size).toBeGreaterThan(10);
      expect(missing).toEqual([]);
    });
  });
});

describe('A database outage', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await reopen?.();
    await t.close();
  });
  let reopen: (() => Promise<void>) | undefined;

  it('fails readiness (503 naming the database) but not liveness', async () => {
    await t.http().get('/api/health/ready').expect(200);
    reopen = await cutDatabase(t);
    const ready = await t.http().get('/api/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.details.failed).toEqual(expect.arrayContaining(['database']));
    await t.http().get('/api/health').expect(200);
    await t.http().get('/api/health/live').expect(200);
  });
});

/**
 * Takes the database away from the running application. PostgreSQL: the server refuses new
 * connections to it and ends the open ones (as in a failover); the returned function lets them in
 * again. SQLite: the application's connection to the file is closed under it.
 */
async function cutDatabase(t: TestApp): Promise<() => Promise<void>> {
  if (t.database.dialect === 'sqlite') {
    const driver = t.app.get(DataSource).driver as unknown as { databaseConnection: { close(): void; open: boolean } };
    driver.databaseConnection.close();
    return async () => undefined;
  }
  const name = new URL(t.database.url).pathname.slice(1);
  const admin = async (sql: string) => {
    const c = new Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
  await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
  return () => admin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
}
