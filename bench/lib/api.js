/**
 * The API as production runs it: `node dist/apps/api/src/main.js` in a child process with its
 * own DATA_DIR (temp) and DATABASE_URL, on 127.0.0.1 and a free port. Helpers to log in the
 * demo accounts (once each: login is rate-limited) and to send JSON requests.
 *
 * The child is preloaded with child-control.js (harness code): it stops on an IPC message,
 * starts and stops V8's CPU profiler around a measured phase, and, with `instrument`,
 * counts the SQL statements the service sends.
 */
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync, openSync, closeSync, readFileSync, existsSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { DIST } = require('./common');

const MAIN = join(DIST, 'apps/api/src/main.js');
const DEMO_PASSWORD = 'bench-demo-password-2026';

/** Which demo account handles a step in each department (apps/api/src/users/demo-accounts.ts). */
const USER_BY_DEPARTMENT = { PQLKH: 'specialist', PQLCN: 'specialist2', BGD: 'leader' };

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * @param db a throwaway database (bench/lib/databases.js)
 * @param options.instrument count SQL statements by verb and table (see child-control.js)
 * @param options.env extra environment for the service
 */
async function startApi(db, options = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-bench-data-'));
  const port = await freePort();
  const logPath = join(dataDir, 'api.log');
  const logFd = openSync(logPath, 'a');
  const env = {
    ...process.env,
    NODE_ENV: 'development', // 'production' would refuse demo accounts and need a real signing certificate
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: db.databaseUrl,
    DEMO_PASSWORD,
    JWT_SECRET: 'bench-jwt-secret-that-is-long-enough-0123456789',
    // Request logging off: the log would measure the terminal. Warnings and errors stay (in api.log).
    LOG_LEVEL: 'warn',
    // Background sweeps would compete with the measured requests (the deadline sweep scans every open dossier).
    SWEEP_INTERVAL_SECONDS: '0',
    ORPHAN_SWEEP_INTERVAL_SECONDS: '0',
    BENCH_INSTRUMENT: options.instrument ? '1' : '0',
    ...options.env,
  };
  // BENCH_CHILD_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the whole child instead.
  const extra = (process.env.BENCH_CHILD_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, '-r', join(__dirname, 'child-control.js'), MAIN], { env, stdio: ['ignore', logFd, logFd, 'ipc'] });
  closeSync(logFd);
  let exited = null;
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exited = { code, signal }))));
  const base = `http://127.0.0.1:${port}`;
  const logTail = () => (existsSync(logPath) ? readFileSync(logPath, 'utf8').split('\n').slice(-40).join('\n') : '');

  // Ready when /api/health answers: migrations and the catalogue/demo seed run before listen.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`API exited during start (${JSON.stringify(exited)}):\n${logTail()}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`API did not become healthy in 120 s:\n${logTail()}`);
    }
    await sleep(200);
  }

  const tokens = new Map();
  const api = {
    base,
    port,
    pid: child.pid,
    dataDir,
    logTail,
    /** Bearer token of a demo account; each account logs in once (the login route is rate-limited). */
    async login(username) {
      if (!tokens.has(username)) {
        const r = await api.json('POST', '/api/auth/login', null, { username, password: DEMO_PASSWORD });
        if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
        tokens.set(username, r.body.accessToken);
      }
      return tokens.get(username);
    },
    async json(method, path, token, body) {
      const headers = { accept: 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const r = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null };
    },
    /** multipart/form-data (uploads); `fields` are sent first, in order, as the file routes expect. */
    async multipart(path, token, fields, file) {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('file', new Blob([file.bytes], { type: file.type }), file.name);
      const r = await fetch(base + path, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null };
    },
    /** Sends a control message to the child and waits for its answer of type `reply`. */
    control(message, reply) {
      return new Promise((resolve, reject) => {
        const onMessage = (m) => {
          if (m?.type === reply || m?.type === 'error') {
            child.off('message', onMessage);
            if (m.type === 'error') reject(new Error(`API child: ${m.message}`));
            else resolve(m);
          }
        };
        child.on('message', onMessage);
        child.send(message);
      });
    },
    profileStart() {
      return api.control({ type: 'profile:start' }, 'profile:started');
    },
    /** Writes the CPU profile since profileStart to `path` (.cpuprofile, readable by Chrome DevTools). */
    profileStop(path) {
      return api.control({ type: 'profile:stop', path }, 'profile:stopped');
    },
    /** SQL statements sent so far, by verb and table (only when started with `instrument`). */
    async statementCounts() {
      return (await api.control({ type: 'counters' }, 'counters')).statements;
    },
    /** process.memoryUsage() of the API (rss, heapTotal, heapUsed, external, arrayBuffers; bytes); `gc`: after a full collection. */
    async memoryUsage({ gc = false } = {}) {
      return (await api.control({ type: 'memory', gc }, 'memory')).usage;
    },
    /** Resident set size of the API process, in bytes (Linux /proc). */
    rssBytes() {
      const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : null;
    },
    async stop() {
      if (!exited) {
        child.send('bench:exit');
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exit;
        clearTimeout(timer);
      }
      if (process.env.BENCH_KEEP) console.log(`kept API data folder ${dataDir}`);
      else rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return api;
}

module.exports = { startApi, USER_BY_DEPARTMENT, DEMO_PASSWORD };
