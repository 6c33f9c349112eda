/**
 * PostgreSQL for the scale and fault scripts:
 * - a throwaway database on the machine's server (SCALE_PG_URL, else DATABASE_URL when it is a
 *   postgres:// URL, else postgres://postgres@127.0.0.1:5432/test), created and dropped;
 * - a throwaway *cluster* (initdb into a temp folder, pg_ctl on a free port, trust auth) that a
 *   fault test may stop and start at will without touching anybody else's server.
 */
'use strict';
const { execFile, execFileSync, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client } = require('pg');
const { freePort, log, onCleanup } = require('./harness');

function serverUrl() {
  if (process.env.SCALE_PG_URL) return process.env.SCALE_PG_URL;
  if (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')) return process.env.DATABASE_URL;
  return 'postgres://postgres@127.0.0.1:5432/test';
}

/** Runs `fn` with a connected client on `url`, then closes it. */
async function withClient(url, fn) {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** A fresh database on the server at `server` (default: the machine's), dropped at cleanup. */
async function throwawayDatabase(prefix, server = serverUrl()) {
  const name = `motcua_${prefix}_${randomBytes(4).toString('hex')}`;
  await withClient(server, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = { name, url: url.toString() };
  onCleanup(`drop database ${name}`, async () => {
    if (process.env.SCALE_KEEP) return console.log(`kept database ${db.url}`);
    await withClient(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });
  return db;
}

/** The directory of initdb/pg_ctl: PG_BIN, else the newest /usr/lib/postgresql/<v>/bin, else `pg_config --bindir`. */
function pgBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return join(root, versions[0], 'bin');
  }
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('initdb/pg_ctl not found: set PG_BIN to the PostgreSQL bin folder');
  }
}

/**
 * A private PostgreSQL cluster: initdb into a temp folder, started with pg_ctl on a free port of
 * 127.0.0.1 (socket in the same folder), trust auth, user `postgres`. initdb refuses to run as
 * root, so as root the commands run as the `postgres` system user (runuser) on a folder it owns.
 */
async function throwawayCluster() {
  const bin = pgBin();
  const dir = mkdtempSync(join(tmpdir(), 'motcua-faults-pg-'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let owner = null;
  if (asRoot) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0) throw new Error('Running as root and there is no `postgres` system user to run initdb as');
    owner = { uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
    chownSync(dir, owner.uid, owner.gid);
  }
  const run = (tool, args, { check = true } = {}) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: dir });
    if (check && r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}\n${existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : ''}`);
    return r;
  };
  /** The same, without blocking the event loop (the script's clients keep running while pg_ctl waits). */
  const runAsync = (tool, args) =>
    new Promise((resolve, reject) => {
      const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
      execFile(cmd, argv, { encoding: 'utf8', cwd: dir }, (error, stdout, stderr) => (error ? reject(new Error(`${tool} ${args.join(' ')} failed: ${stdout}\n${stderr}\n${cluster.logTail()}`)) : resolve()));
    });
  const port = await freePort();
  let removed = false;
  const cluster = {
    dir,
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    running: false,
    /** pg_ctl start, waiting until it accepts connections. */
    async start() {
      // fsync off: a test cluster need not survive a power cut, and syncing would only slow the shared machine.
      const opts = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c max_connections=100`;
      await runAsync('pg_ctl', ['start', '-D', data, '-l', logFile, '-w', '-t', '60', '-o', opts]);
      cluster.running = true;
    },
    /** pg_ctl stop -m <mode> (fast: disconnect clients, roll back their transactions, shut down cleanly). */
    async stop(mode = 'fast') {
      await runAsync('pg_ctl', ['stop', '-D', data, '-m', mode, '-w', '-t', '60']);
      cluster.running = false;
    },
    logTail: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : ''),
  };
  onCleanup(`throwaway cluster ${dir}`, async () => {
    if (removed) return;
    removed = true;
    if (existsSync(join(data, 'postmaster.pid'))) run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30'], { check: false });
    if (process.env.SCALE_KEEP) return console.log(`kept cluster folder ${dir}`);
    rmSync(dir, { recursive: true, force: true });
  });
  run('initdb', ['-D', data, '--auth=trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  await cluster.start();
  log(`throwaway PostgreSQL cluster on 127.0.0.1:${port} (${dir}${asRoot ? ', run as the postgres user' : ''})`);
  return cluster;
}

module.exports = { serverUrl, withClient, throwawayDatabase, throwawayCluster };
