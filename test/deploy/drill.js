/**
 * `npm run test:deploy` (issue #18): production mode on loopback as docs/deploy.md says for a host
 * without Docker — `migrate`, `create-user`, two API instances and the worker behind Caddy
 * (deploy/Caddyfile, Debian's package), PostgreSQL, s3rver for MinIO, the trial agency certificate
 * from `create-trial-pki`. Then the documented drill: dossiers with files and outbox traffic to a
 * local receiver; backup (pg_dump, a copy of the bucket); more work the backup does not have;
 * destroy; restore (pg_restore, the bucket back, `migrate` with RESTORE_MODE=on); checks: counts,
 * SHA-256 of every file, signatures, no message delivered twice, no code issued twice. Last,
 * SIGTERM of one instance under 100 requests/s through the proxy with default settings: 0 failed.
 * Needs `npm run build` first, PostgreSQL (SCALE_PG_URL or the machine's) and `caddy` on PATH.
 */
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const { cpSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { REPO, API_MAIN, check, freePort, liveChildren, log, onCleanup, printTable, requireDist, runScript, sleep, waitFor } = require('../scale/lib/harness');
const { startProcess } = require('../scale/lib/processes');
const { serverUrl, throwawayDatabase, withClient } = require('../scale/lib/postgres');
const { startS3 } = require('../scale/lib/s3');
const { startHttpReceiver } = require('../scale/lib/receivers');
const { createClient } = require('../scale/lib/client');
const W = require('../scale/lib/workload');

const PASSWORD = 'mật-khẩu-triển-khai-2026';
const P12_PASSWORD = 'mật-khẩu-p12-diễn-tập';
const S = { setup: 'setup', drill: 'backup/restore', sigterm: 'SIGTERM under load' };

async function main() {
  requireDist();
  const work = mkdtempSync(join(tmpdir(), 'motcua-deploy-'));
  onCleanup(`work folder ${work}`, () => rmSync(work, { recursive: true, force: true }));
  const db = await throwawayDatabase('deploy');
  const s3 = await startS3();
  const receiver = await startHttpReceiver();

  // The trial certificate, as docs/deploy.md "Signing" says.
  const trial = await oneShot('create-trial-pki', [API_MAIN, 'create-trial-pki', '--out', join(work, 'pki')], { SIGNING_P12_PASSWORD: P12_PASSWORD });
  const p12 = /SIGNING_P12_PATH=(\S+)/.exec(trial)[1];
  const trustDir = /TRUSTED_CA_DIR=(\S+)/.exec(trial)[1];

  const proxyPort = await freePort();
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    JWT_SECRET: 'deploy-drill-jwt-secret-of-at-least-32-characters',
    // Only the base of the links printed on papers (QR) and sent to the portal: production requires https
    // (issue #12), and the drill reaches the proxy directly, so the name need not resolve.
    PUBLIC_BASE_URL: 'https://motcua.example.vn',
    SIGNING_P12_PATH: p12,
    SIGNING_P12_PASSWORD: P12_PASSWORD,
    TRUSTED_CA_DIR: trustDir,
    ...s3.env('motcua-deploy'),
    MIGRATIONS_RUN: 'off',
    OUTBOX_DISPATCHER: 'off',
    TRUST_PROXY: '1',
    PORTAL_SYNC_URL: receiver.portalUrl,
    WEBHOOK_URL: receiver.webhookUrl,
    OUTBOX_POLL_INTERVAL_MS: '200',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
    DEMO_PASSWORD: '',
  };
  // SHUTDOWN_DRAIN_SECONDS is left to its production default (acceptance 3: "with default settings").
  delete process.env.SHUTDOWN_DRAIN_SECONDS;

  await runMigrate(env, {});
  for (const [username, fullName, roles] of [
    ['quantri', 'Quản trị Hệ thống', ['admin']],
    ['motcua1', 'Nguyễn Thị Một Cửa', ['clerk']],
  ]) {
    await oneShot(`create-user ${username}`, [API_MAIN, 'create-user', '--username', username, '--full-name', fullName, ...roles.flatMap((r) => ['--role', r])], { ...env, NEW_USER_PASSWORD: PASSWORD });
  }

  let stack = await startStack(env, proxyPort);
  const c = createClient(`http://127.0.0.1:${proxyPort}`, { name: 'proxy' });
  const login = async (u) => W.expectStatus(await c.json('POST', '/api/auth/login', null, { username: u, password: PASSWORD }), 200, `login ${u}`).accessToken;
  let tokens = { admin: await login('quantri'), clerk: await login('motcua1') };
  const instances = new Set();
  for (let i = 0; i < 10; i++) instances.add((await c.json('GET', '/api/health')).headers['x-motcua-instance']);
  check(S.setup, 'both instances answer through the proxy (X-Motcua-Instance)', instances.size, 2);
  const ready = await c.json('GET', '/api/health/ready');
  check(S.setup, 'readiness with the trial certificate and its trust folder', ready.status, 200);

  const procedure = await W.pickSeededProcedure(c, tokens.clerk).catch(async () => pickAnyProcedure(c, tokens.clerk));
  const uploaded = new Map(); // file id → sha256
  // Every dossier and digitisation code the system ever issued, the lost one's included; a code issued twice counts.
  const issuedCodes = new Set();
  let reissued = 0;
  const issued = (code) => {
    if (issuedCodes.has(code)) reissued++;
    issuedCodes.add(code);
  };
  const createWithFiles = async () => {
    const d = W.expectStatus(await c.json('POST', '/api/dossiers', tokens.clerk, { procedureCode: procedure.code, channel: 'direct', applicant: W.APPLICANT }), 201, 'create dossier');
    issued(d.code);
    for (const key of procedure.requiredComponents) {
      const bytes = W.samplePdf();
      const f = W.expectStatus(await c.upload(`/api/dossiers/${d.id}/components/${encodeURIComponent(key)}/files`, tokens.clerk, { bytes, type: 'application/pdf', name: 'ban-scan.pdf' }), 201, 'upload');
      uploaded.set(f.id, W.sha256(bytes));
      if (f.digitisationCode) issued(f.digitisationCode);
    }
    return d;
  };

  // 1. Work that the backup holds, delivered.
  for (let i = 0; i < 6; i++) await createWithFiles();
  await waitFor('the outbox to drain', async () => (await pendingMessages(db.url)) === 0, { timeoutMs: 60_000 });
  // 2. Work whose messages still wait when the backup is taken (the worker is stopped meanwhile).
  await stack.worker.stop();
  for (let i = 0; i < 3; i++) await createWithFiles();
  const waitingAtBackup = await pendingMessages(db.url);
  const before = await counts(db.url);
  // 3. The documented backup: the database first, then the files.
  const dump = join(work, 'motcua.dump');
  const t0 = Date.now();
  execFileSync('pg_dump', ['-Fc', '-d', db.url, '-f', dump]);
  const filesBackup = join(work, 'files-backup');
  cpSync(s3.directory, filesBackup, { recursive: true });
  const backupMs = Date.now() - t0;
  const filesAtBackup = new Map(uploaded);
  // 4. Production goes on after the backup, then is lost: it delivers what waited, receives more.
  stack.worker = await startProcess({ kind: 'worker', name: 'worker', env });
  for (let i = 0; i < 3; i++) await createWithFiles();
  await waitFor('the outbox to drain after the backup', async () => (await pendingMessages(db.url)) === 0, { timeoutMs: 60_000 });
  const deliveredBeforeLoss = receiver.requests.length;

  // 5. Destroy: every process stopped, the database and the bucket gone.
  await stopStack(stack);
  await withClient(serverUrl(), (cl) => cl.query(`DROP DATABASE ${db.name} WITH (FORCE)`));
  await s3.stop();
  rmSync(s3.directory, { recursive: true, force: true });

  // 6. The documented restore.
  const t1 = Date.now();
  await withClient(serverUrl(), (cl) => cl.query(`CREATE DATABASE ${db.name}`));
  execFileSync('pg_restore', ['--no-owner', '--exit-on-error', '-d', db.url, dump]);
  cpSync(filesBackup, s3.directory, { recursive: true });
  await s3.start();
  const restoreLog = await runMigrate(env, { RESTORE_MODE: 'on' });
  stack = await startStack(env, proxyPort);
  const restoreMs = Date.now() - t1;
  tokens = { admin: await login('quantri'), clerk: await login('motcua1') };
  const after = await counts(db.url);
  for (const k of Object.keys(before)) check(S.drill, `${k} after restore = at backup`, after[k], before[k]);
  check(S.drill, 'messages held by the restore step = waiting in the backup', Number(/(\d+) outbox message\(s\) held/.exec(restoreLog)?.[1]), waitingAtBackup);
  let hashesOk = 0;
  let signaturesOk = 0;
  for (const [id, hash] of filesAtBackup) {
    const file = await c.request('GET', `/api/files/${id}`, { token: tokens.clerk });
    if (file.status === 200 && W.sha256(file.raw ?? Buffer.alloc(0)) === hash) hashesOk++;
    const v = await c.json('GET', `/api/files/${id}/verification`, tokens.clerk);
    if (v.status === 200 && v.body.valid === true) signaturesOk++;
  }
  check(S.drill, 'files with the same SHA-256 after restore', hashesOk, filesAtBackup.size);
  check(S.drill, 'files whose signature verifies after restore', signaturesOk, filesAtBackup.size);
  // New work after the restore: delivered once, with codes never issued before.
  const newCodes = [];
  for (let i = 0; i < 3; i++) newCodes.push((await createWithFiles()).code);
  await sleep(3_000);
  await waitFor('new messages to be delivered', async () => (await pendingMessages(db.url)) === 0, { timeoutMs: 60_000 });
  const held = W.expectStatus(await c.json('GET', '/api/admin/outbox?status=held', tokens.admin), 200, 'held messages').total;
  check(S.drill, 'held messages listed for the administrator', held, waitingAtBackup);
  W.expectStatus(await c.json('POST', '/api/admin/outbox/discard-held', tokens.admin, {}), 200, 'discard held (the lost system sent them)');
  const duplicates = [...receiver.acceptedByKey()].filter(([, n]) => n > 1).length;
  check(S.drill, 'duplicate deliveries', duplicates, 0);
  check(S.drill, 'reissued codes', reissued, 0);

  // 7. SIGTERM of one instance under 100 requests/s through the proxy.
  const load = await loadWhileStopping(c, tokens, procedure, stack);
  check(S.sigterm, 'failed requests', load.failed, 0);
  check(S.sigterm, 'requests sent (100/s for 8 s)', load.total >= 700, true);
  check(S.sigterm, 'stopped instance exit code', load.exit?.code, 0);

  printTable('Drill figures', ['figure', 'value'], [
    ['dossiers before / after', `${before.dossier} / ${after.dossier}`],
    ['events before / after', `${before.dossier_event} / ${after.dossier_event}`],
    ['files before / after', `${before.dossier_file} / ${after.dossier_file}`],
    ['messages waiting in the backup (held)', waitingAtBackup],
    ['deliveries before the loss', deliveredBeforeLoss],
    ['duplicate deliveries', duplicates],
    ['reissued codes', reissued],
    ['codes after the restore', newCodes.join(', ')],
    ['backup (pg_dump + bucket copy)', `${backupMs} ms`],
    ['restore (to both instances ready)', `${restoreMs} ms`],
    ['SIGTERM under load: requests / failed (requests per second sent)', `${load.total} / ${load.failed} (${load.perSecond})`],
  ]);
}

/** A one-off command of the built API (create-trial-pki, create-user); its output. */
async function oneShot(what, args, env) {
  const child = spawn(process.execPath, args, { cwd: REPO, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  liveChildren.add(child);
  let out = '';
  child.stdout.on('data', (b) => (out += b));
  child.stderr.on('data', (b) => (out += b));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  liveChildren.delete(child);
  if (code !== 0) throw new Error(`${what} exited ${code}:\n${out}`);
  return out;
}

async function runMigrate(env, extra) {
  const proc = await startProcess({ kind: 'migrate', name: 'migrate', env: { ...env, ...extra } });
  const exit = await proc.exited;
  if (exit.code !== 0) throw new Error(`migrate exited ${JSON.stringify(exit)}:\n${proc.logTail()}`);
  return proc.log();
}

/** Two API instances, the worker and Caddy with deploy/Caddyfile; resolves when the proxy sees both instances ready. */
async function startStack(env, proxyPort) {
  const api1 = await startProcess({ kind: 'api', name: 'api1', env: { ...env, INSTANCE_NAME: 'api1' } });
  const api2 = await startProcess({ kind: 'api', name: 'api2', env: { ...env, INSTANCE_NAME: 'api2' } });
  const worker = await startProcess({ kind: 'worker', name: 'worker', env });
  for (const api of [api1, api2]) {
    await waitFor(`${api.name} ready`, async () => {
      if (api.exit) throw new Error(`${api.name} exited:\n${api.logTail()}`);
      const r = await fetch(`${api.base}/api/health/ready`).catch(() => null);
      if (r && r.status !== 200) await r.arrayBuffer();
      else if (r) await r.arrayBuffer();
      return r?.status === 200;
    }, { timeoutMs: 120_000, intervalMs: 250 });
  }
  const caddy = await startCaddy(proxyPort, [api1.port, api2.port]);
  return { api1, api2, worker, caddy };
}

async function stopStack(stack) {
  await Promise.all([stack.api1.stop(), stack.api2.stop(), stack.worker.stop()]);
  await stack.caddy.stop();
}

async function startCaddy(port, upstreamPorts) {
  const home = mkdtempSync(join(tmpdir(), 'motcua-caddy-'));
  const admin = await freePort();
  const child = spawn('caddy', ['run', '--adapter', 'caddyfile', '--config', join(REPO, 'deploy', 'Caddyfile')], {
    env: {
      ...process.env,
      SITE_ADDRESS: `:${port}`,
      UPSTREAMS: upstreamPorts.map((p) => `127.0.0.1:${p}`).join(' '),
      CADDY_ADMIN: `127.0.0.1:${admin}`,
      XDG_DATA_HOME: home,
      XDG_CONFIG_HOME: home,
      HOME: home,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  liveChildren.add(child);
  let err = '';
  child.stderr.on('data', (b) => (err = (err + b).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', (code) => (liveChildren.delete(child), resolve(code))));
  const caddy = {
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(home, { recursive: true, force: true });
    },
  };
  onCleanup(`caddy :${port}`, () => caddy.stop());
  // Ready when both upstreams have passed an active health check (each answers through the proxy).
  await waitFor('caddy to route to both instances', async () => {
    const seen = new Set();
    for (let i = 0; i < 8; i++) {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
      if (r) {
        await r.arrayBuffer();
        if (r.ok) seen.add(r.headers.get('x-motcua-instance'));
      }
    }
    return seen.size === 2;
  }, { timeoutMs: 60_000, intervalMs: 500 }).catch((e) => {
    throw new Error(`${e.message}\n${err}`);
  });
  return caddy;
}

async function pickAnyProcedure(c, token) {
  const all = W.expectStatus(await c.json('GET', '/api/procedures', token), 200, 'procedures');
  const p = all[0];
  return { code: p.code, requiredComponents: p.components.filter((x) => x.required).map((x) => x.key) };
}

async function pendingMessages(url) {
  return withClient(url, async (cl) => Number((await cl.query(`SELECT COUNT(*) AS n FROM outbox_message WHERE status IN ('pending', 'delivering')`)).rows[0].n));
}

async function counts(url) {
  return withClient(url, async (cl) => {
    const out = {};
    for (const table of ['dossier', 'dossier_event', 'dossier_file', 'outbox_message']) out[table] = Number((await cl.query(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0].n);
    return out;
  });
}

/**
 * 100 requests/s through the proxy for 8 s (reads of a dossier, and one create in ten), api1 sent SIGTERM
 * after 3 s, with the defaults (SHUTDOWN_DRAIN_SECONDS: 5 in production). Every request must succeed.
 */
async function loadWhileStopping(c, tokens, procedure, stack) {
  const probe = W.expectStatus(await c.json('POST', '/api/dossiers', tokens.clerk, { procedureCode: procedure.code, channel: 'direct', applicant: W.APPLICANT }), 201, 'create the dossier the load reads');
  const results = [];
  const started = Date.now();
  let exit = null;
  const stopping = (async () => {
    await sleep(3_000);
    exit = await stack.api1.stop(60_000);
  })();
  const inFlight = [];
  for (let i = 0; Date.now() - started < 8_000; i++) {
    // One in ten creates a dossier (a body, a transaction with outbox rows); the others read one.
    const r = i % 10 === 0
      ? c.json('POST', '/api/dossiers', tokens.clerk, { procedureCode: procedure.code, channel: 'direct', applicant: W.APPLICANT }).then((x) => ({ ok: x.status === 201, x }))
      : c.json('GET', `/api/dossiers/${probe.id}`, tokens.clerk).then((x) => ({ ok: x.status === 200, x }));
    inFlight.push(r.then((o) => results.push(o)));
    // Paced by the clock, not by the loop: request i leaves at started + 10·i ms (100/s).
    await sleep(Math.max(0, started + (i + 1) * 10 - Date.now()));
  }
  await Promise.all(inFlight);
  await stopping;
  const failed = results.filter((r) => !r.ok);
  for (const f of failed.slice(0, 5)) log(`failed: ${f.x.method} ${f.x.path} → ${f.x.status ?? JSON.stringify(f.x.error)} from ${f.x.headers?.["x-motcua-instance"] ?? "the proxy"} at +${f.x.startedAt - started} ms: ${JSON.stringify(f.x.body).slice(0, 200)}`);
  return { total: results.length, failed: failed.length, exit, perSecond: Math.round(results.length / ((Date.now() - started) / 1000)) };
}

runScript('Deployment drill (issue #18)', main);
