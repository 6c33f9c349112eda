/**
 * The API as a real process (apps/api/src/main.ts, run from its sources through @swc-node/register, which reads tsconfig.json and its aliases):
 * the one-shot `migrate` command, and graceful shutdown on SIGTERM. No sleeps: every wait is for
 * an observable event (a log line, a refused connection, an exit), bounded only to fail cleanly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { ClientRequest, request } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { currentDialect } from '@motcua/persistence';
import { MIGRATIONS } from '../../migrations';
import { APPLICANT } from '../support/dossier-helpers';
import { Child, killChildren, runMain } from '../support/main-process';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const PASSWORD = 'mật-khẩu-tiến-trình-2026';
/**
 * Bounds that only turn a hang into a failure: a test here starts up to six processes, each loading
 * the whole application, and in the suite's parallel workers on a loaded two-core machine that
 * takes minutes, not the seconds it takes alone.
 */
const PROCESS_TEST_TIMEOUT_MS = 300_000;

/** Polls `probe` until it returns true; the bound only turns a hang into a readable failure. */
async function waitFor(what: string, probe: () => Promise<boolean>, child: Child, boundMs = 120_000): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (!(await probe())) {
    if (child.process.exitCode !== null) throw new Error(`The API exited (${child.process.exitCode}) while waiting for ${what}:\n${child.output()}`);
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}:\n${child.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

interface Reply {
  status: number;
  body: any;
}

/** One request on its own connection (no keep-alive agent outliving the test). */
function call(port: number, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<Reply> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', method, path, agent: false, headers: headers(options.token, payload) }, (res) => collect(res, resolve));
    req.once('error', reject);
    req.end(payload);
  });
}

function headers(token: string | undefined, payload: string | undefined): Record<string, string | number> {
  return {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
  };
}

function collect(res: import('node:http').IncomingMessage, resolve: (reply: Reply) => void): void {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
}

/**
 * A request whose body is held back. `Expect: 100-continue` makes the server answer "100 Continue"
 * once it has taken the request in: from then on the request is in flight, by the server's own word.
 */
function heldRequest(port: number, path: string, token: string, payload: string) {
  let req!: ClientRequest;
  const reply = new Promise<Reply>((resolve, reject) => {
    req = request(
      { port, host: '127.0.0.1', method: 'POST', path, agent: false, headers: { ...headers(token, payload), expect: '100-continue' } },
      (res) => collect(res, resolve),
    );
    req.once('error', reject);
  });
  req.flushHeaders();
  const taken = new Promise<void>((resolve) => req.once('continue', resolve));
  return { taken, reply, send: () => req.end(payload) };
}

describe('The API process', () => {
  let database: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'motcua-process-'));
  });
  afterEach(() => {
    killChildren();
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const env = (extra: Record<string, string> = {}) => ({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    DEMO_PASSWORD: PASSWORD,
    JWT_SECRET: 'process-test-secret-that-is-long-enough-0123',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'log',
    ...extra,
  });

  /** As deployed behind a load balancer: `migrate` once, then an instance with MIGRATIONS_RUN=off. */
  async function startApi(extra: Record<string, string>): Promise<{ api: Child; port: number }> {
    const migrate = runMain(['migrate'], env());
    expect(await migrate.exited).toEqual({ code: 0, signal: null });
    const port = await freePort();
    const api = runMain([], env({ PORT: String(port), MIGRATIONS_RUN: 'off', ...extra }));
    await waitFor('readiness', async () => (await call(port, 'GET', '/api/health/ready').catch(() => ({ status: 0 }))).status === 200, api);
    return { api, port };
  }

  async function newDossierPayload(port: number) {
    const login = await call(port, 'POST', '/api/auth/login', { body: { username: 'clerk', password: PASSWORD } });
    expect(login.status).toBe(200);
    const token = login.body.accessToken as string;
    const procedures = await call(port, 'GET', '/api/procedures', { token });
    const payload = JSON.stringify({ procedureCode: procedures.body[0].code, channel: 'direct', applicant: APPLICANT });
    return { token, payload };
  }

  it('`main.js migrate` applies the pending migrations and exits 0; run again, it finds none', async () => {
    const first = runMain(['migrate'], env());
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(first.output()).toContain(`Applied ${MIGRATIONS.length} migration(s)`);
    const again = runMain(['migrate'], env());
    expect(await again.exited).toEqual({ code: 0, signal: null });
    expect(again.output()).toContain('No pending migrations');
  }, PROCESS_TEST_TIMEOUT_MS);

  // SQLite serves a single instance: nothing runs two migrations at once there.
  (currentDialect === 'postgres' ? it : it.skip)('two `migrate` runs at once on PostgreSQL take turns: both exit 0, the migrations are applied once', async () => {
    const fresh = await createTestDatabase();
    try {
      const runs = [runMain(['migrate'], env({ DATABASE_URL: fresh.url })), runMain(['migrate'], env({ DATABASE_URL: fresh.url }))];
      for (const run of runs) expect(await run.exited).toEqual({ code: 0, signal: null });
      const outputs = runs.map((r) => r.output());
      expect(outputs.filter((o) => o.includes(`Applied ${MIGRATIONS.length} migration(s)`))).toHaveLength(1);
      expect(outputs.filter((o) => o.includes('No pending migrations'))).toHaveLength(1);
    } finally {
      await fresh.drop();
    }
  }, PROCESS_TEST_TIMEOUT_MS);

  it('`main.js create-user` makes the first account of a deployment (password from the environment); the API then logs it in', async () => {
    const fresh = await createTestDatabase();
    const at = (extra: Record<string, string> = {}) => env({ DATABASE_URL: fresh.url, ...extra });
    try {
      expect(await runMain(['migrate'], at()).exited).toEqual({ code: 0, signal: null });
      const args = ['create-user', '--username', 'quantri', '--full-name', 'Quản trị hệ thống', '--role', 'admin'];
      const weak = runMain(args, at({ NEW_USER_PASSWORD: 'short' }));
      expect(await weak.exited).toEqual({ code: 2, signal: null });
      expect(weak.output()).toContain('NEW_USER_PASSWORD must hold at least 12 characters');
      const unknownDepartment = runMain(['create-user', '--username', 'cv01', '--full-name', 'Chuyên viên', '--role', 'specialist', '--department', 'KHONGCO'], at({ NEW_USER_PASSWORD: 'mật-khẩu-quản-trị-1' }));
      expect(await unknownDepartment.exited).toEqual({ code: 3, signal: null });
      const created = runMain(args, at({ NEW_USER_PASSWORD: 'mật-khẩu-quản-trị-1' }));
      expect(await created.exited).toEqual({ code: 0, signal: null });
      expect(created.output()).toContain('Created user quantri (admin)');
      expect(created.output()).not.toContain('mật-khẩu-quản-trị-1');
      const twice = runMain(args, at({ NEW_USER_PASSWORD: 'another-password-2026' }));
      expect(await twice.exited).toEqual({ code: 3, signal: null });
      expect(twice.output()).toContain('user quantri already exists; nothing was changed');

      const port = await freePort();
      const api = runMain([], at({ PORT: String(port), MIGRATIONS_RUN: 'off' }));
      await waitFor('readiness', async () => (await call(port, 'GET', '/api/health/ready').catch(() => ({ status: 0 }))).status === 200, api);
      expect((await call(port, 'POST', '/api/auth/login', { body: { username: 'quantri', password: 'mật-khẩu-quản-trị-1' } })).status).toBe(200);
      // An account exists, so no demo accounts were seeded beside it.
      expect((await call(port, 'POST', '/api/auth/login', { body: { username: 'clerk', password: PASSWORD } })).status).toBe(401);
      api.process.kill('SIGTERM');
      expect(await api.exited).toEqual({ code: 0, signal: null });
      // The first start built the indicator buckets; the operator's check agrees with the records.
      const verify = runMain(['indicator-rollup', 'verify'], at({}));
      expect(await verify.exited).toEqual({ code: 0, signal: null });
      expect(verify.output()).toContain('The buckets equal a build from the');
    } finally {
      await fresh.drop();
    }
  }, PROCESS_TEST_TIMEOUT_MS);

  it('an unknown command is refused with exit code 2', async () => {
    const child = runMain(['migrat'], env());
    expect(await child.exited).toEqual({ code: 2, signal: null });
    expect(child.output()).toContain('Usage: node main.js [serve|migrate|create-user|create-trial-pki|indicator-rollup]');
    const noAction = runMain(['indicator-rollup'], env());
    expect(await noAction.exited).toEqual({ code: 2, signal: null });
    expect(noAction.output()).toContain('Usage: node main.js indicator-rollup verify|rebuild');
  }, PROCESS_TEST_TIMEOUT_MS);

  it('SIGTERM: new connections are refused, the request in flight completes and commits, schedulers stop, exit code 0', async () => {
    // Sweeps every second, so their timers are live when the signal comes.
    const { api, port } = await startApi({ SWEEP_INTERVAL_SECONDS: '1', ORPHAN_SWEEP_INTERVAL_SECONDS: '1' });
    const { token, payload } = await newDossierPayload(port);
    const inFlight = heldRequest(port, '/api/dossiers', token, payload);
    await inFlight.taken;

    api.process.kill('SIGTERM');
    await waitFor('the port to refuse new connections', async () => !(await accepts(port)), api);
    expect(api.process.exitCode).toBeNull(); // still finishing our request
    inFlight.send();
    const created = await inFlight.reply;

    expect(created.status).toBe(201);
    expect(await api.exited).toEqual({ code: 0, signal: null });
    expect(api.output()).toContain('SIGTERM: no new connections; finishing requests in flight');
    expect(api.output()).toContain('Shut down cleanly');
    expect(api.output()).not.toMatch(/"level":"(error|fatal)"|[Ss]weep failed/);
    // One JSON object per line, from the first boot message to the last shutdown message.
    const lines = api.output().split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ level: expect.any(String), time: expect.any(String), msg: expect.any(String) });
    const completed = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'request completed' && entry.path === '/api/dossiers');
    expect(completed).toMatchObject({ method: 'POST', route: '/api/dossiers', status: 201, reqId: expect.any(String), latencyMs: expect.any(Number), userId: expect.any(String) });
    // Committed, not merely answered: the row is there for whoever reads next.
    const reader = await readDatabase(database.url);
    try {
      const rows = await reader.query(`SELECT code FROM dossier WHERE id = ${reader.options.type === 'postgres' ? '$1' : '?'}`, [created.body.id]);
      expect(rows).toEqual([{ code: created.body.code }]);
    } finally {
      await reader.destroy();
    }
  }, PROCESS_TEST_TIMEOUT_MS);

  it('SHUTDOWN_DRAIN_SECONDS: after SIGTERM readiness answers 503 naming `shutdown` while requests are still served; then exit code 0', async () => {
    const { api, port } = await startApi({ SHUTDOWN_DRAIN_SECONDS: '6' });
    api.process.kill('SIGTERM');
    // Each probe is a new connection: the port still accepts them during the drain.
    let ready: Reply = { status: 0, body: undefined };
    await waitFor('readiness to fail', async () => (ready = await call(port, 'GET', '/api/health/ready')).status === 503, api);
    expect(ready.body.details).toMatchObject({ status: 'not_ready', failed: ['shutdown'] });
    expect((await call(port, 'GET', '/api/health')).status).toBe(200);
    expect(await api.exited).toEqual({ code: 0, signal: null });
    expect(api.output()).toContain('readiness now fails; still serving for 6 s');
  }, PROCESS_TEST_TIMEOUT_MS);

  it('a request that never ends: after SHUTDOWN_TIMEOUT_SECONDS the process gives up with exit code 1', async () => {
    const { api, port } = await startApi({ SHUTDOWN_TIMEOUT_SECONDS: '1' });
    const { token, payload } = await newDossierPayload(port);
    const stuck = heldRequest(port, '/api/dossiers', token, payload);
    stuck.reply.catch(() => undefined); // the connection dies with the process
    await stuck.taken;

    api.process.kill('SIGTERM');

    expect(await api.exited).toEqual({ code: 1, signal: null });
    expect(api.output()).toContain('Requests still running after 1 s (SHUTDOWN_TIMEOUT_SECONDS); exiting anyway');
  }, PROCESS_TEST_TIMEOUT_MS);
});

async function readDatabase(url: string): Promise<DataSource> {
  const options = url.startsWith('sqlite:') ? { type: 'better-sqlite3' as const, database: url.slice('sqlite:'.length) } : { type: 'postgres' as const, url };
  return new DataSource(options).initialize();
}
