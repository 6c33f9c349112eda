/**
 * The built API and worker as child processes, each with its own DATA_DIR (temp) and log file.
 * Unlike bench/lib/api.js (which stops its child over IPC), these are stopped with real signals,
 * since graceful shutdown on SIGTERM is part of what is tested.
 */
'use strict';
const { spawn } = require('node:child_process');
const { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { API_MAIN, WORKER_MAIN, REPO, freePort, liveChildren, log, onCleanup, sleep } = require('./harness');

const DEMO_PASSWORD = 'scale-demo-password-2026';
const JWT_SECRET = 'scale-test-jwt-secret-shared-by-every-instance-0123456789';

/** Settings every process of one deployment shares (the same JWT secret: a token from one instance works on the other). */
function baseEnv(extra) {
  const inherited = { ...process.env };
  // The service reads only what is given here; nothing leaks from the caller's shell.
  for (const k of Object.keys(inherited)) {
    if (/^(DATABASE_URL|MINIO_|OUTBOX_|SWEEP_|SHUTDOWN_|DUE_SOON_|SMTP_URL|MAIL_FROM|PORTAL_SYNC_URL|WEBHOOK_URL|PUBLIC_BASE_URL|MIGRATIONS_RUN|PORT$|HOST$|DATA_DIR$)/.test(k)) delete inherited[k];
  }
  return {
    ...inherited,
    NODE_ENV: 'development', // production would refuse demo accounts and want a real signing certificate
    NO_COLOR: '1',
    DEMO_PASSWORD,
    JWT_SECRET,
    LOG_LEVEL: 'log',
    ORPHAN_SWEEP_INTERVAL_SECONDS: '0',
    // Each script logs in a handful of accounts once per run; a generous limit keeps reruns within a minute working.
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...extra,
  };
}

/**
 * Starts `node dist/apps/api/src/main.js [serve|migrate]` or the worker.
 * @param {{kind: 'api'|'worker'|'migrate', name: string, env: object}} spec
 */
async function startProcess({ kind, name, env }) {
  const dataDir = mkdtempSync(join(tmpdir(), `motcua-scale-${name}-`));
  const port = kind === 'api' ? await freePort() : null;
  const logPath = join(dataDir, `${name}.log`);
  const fd = openSync(logPath, 'a');
  const script = kind === 'worker' ? WORKER_MAIN : API_MAIN;
  const args = kind === 'migrate' ? [script, 'migrate'] : [script];
  const fullEnv = baseEnv({ DATA_DIR: dataDir, HOST: '127.0.0.1', ...(port ? { PORT: String(port), PUBLIC_BASE_URL: `http://127.0.0.1:${port}` } : {}), ...env });
  const child = spawn(process.execPath, args, { cwd: REPO, env: fullEnv, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  liveChildren.add(child);
  let exitInfo = null;
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      liveChildren.delete(child);
      exitInfo = { code, signal, at: Date.now() };
      resolve(exitInfo);
    }),
  );
  const proc = {
    name,
    kind,
    pid: child.pid,
    port,
    base: port ? `http://127.0.0.1:${port}` : null,
    dataDir,
    logPath,
    exited,
    get exit() {
      return exitInfo;
    },
    log: () => (existsSync(logPath) ? readFileSync(logPath, 'utf8') : ''),
    logTail: (lines = 40) => proc.log().split('\n').slice(-lines).join('\n'),
    signal(sig) {
      if (!exitInfo) child.kill(sig);
    },
    /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit. */
    async stop(graceMs = 20_000) {
      if (!exitInfo) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      return exitInfo;
    },
  };
  onCleanup(`${name} (pid ${child.pid})`, async () => {
    await proc.stop(5_000);
    if (process.env.SCALE_KEEP) console.log(`kept ${name}'s data folder and log ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  });
  return proc;
}

/** Waits until the API answers GET /api/health with 200 (migrations and seeds run before it listens). */
async function waitHealthy(proc, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exit) throw new Error(`${proc.name} exited during start (${JSON.stringify(proc.exit)}):\n${proc.logTail()}`);
    try {
      const r = await fetch(`${proc.base}/api/health`, { signal: AbortSignal.timeout(5_000) });
      await r.arrayBuffer();
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${proc.name} was not healthy within ${timeoutMs} ms:\n${proc.logTail()}`);
    await sleep(200);
  }
}

/** Waits until a line of the process log matches. */
async function waitForLog(proc, pattern, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (pattern.test(proc.log())) return;
    if (proc.exit) throw new Error(`${proc.name} exited (${JSON.stringify(proc.exit)}) before logging ${pattern}:\n${proc.logTail()}`);
    if (Date.now() > deadline) throw new Error(`${proc.name} did not log ${pattern} within ${timeoutMs} ms:\n${proc.logTail()}`);
    await sleep(100);
  }
}

/** `node main.js migrate` once, to completion (the instances then boot with MIGRATIONS_RUN=off). */
async function migrate(env) {
  const proc = await startProcess({ kind: 'migrate', name: 'migrate', env });
  const exit = await proc.exited;
  if (exit.code !== 0) throw new Error(`migrate exited ${JSON.stringify(exit)}:\n${proc.logTail()}`);
  log(`migrate: ${(/Applied \d+ migration\(s\)|No pending migrations/.exec(proc.log()) ?? ['done'])[0]}`);
}

module.exports = { DEMO_PASSWORD, startProcess, waitHealthy, waitForLog, migrate };
