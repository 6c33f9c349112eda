/**
 * Throwaway databases: a fresh PostgreSQL database on the server of DATABASE_URL (created
 * and dropped, as bench/indicators-report.js does), or a SQLite file in a temp folder.
 * BENCH_KEEP=1 keeps them and prints where they are, to look at the data afterwards.
 */
const { randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const PG_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/**
 * @returns {Promise<{dialect: 'postgres'|'sqlite', databaseUrl: string, pgUrl?: string, sqlitePath?: string, drop: () => Promise<void>}>}
 *   `databaseUrl` is what the service reads from DATABASE_URL.
 */
async function throwawayDatabase(dialect) {
  if (dialect === 'postgres') {
    const { Client } = require('pg');
    const name = `motcua_bench_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    return {
      dialect,
      databaseUrl: url.toString(),
      pgUrl: url.toString(),
      async drop() {
        if (process.env.BENCH_KEEP) return console.log(`kept database ${url}`);
        const c = new Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-db-'));
    const path = join(dir, 'bench.sqlite');
    return {
      dialect,
      databaseUrl: `sqlite:${path}`,
      sqlitePath: path,
      async drop() {
        if (process.env.BENCH_KEEP) return console.log(`kept database ${path}`);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  throw new Error(`Unknown dialect ${dialect} (postgres or sqlite)`);
}

/** Opens a plain driver connection on the throwaway database (the raw references and bulk loads use it). */
async function openPg(db) {
  const { Client } = require('pg');
  const c = new Client({ connectionString: db.pgUrl });
  await c.connect();
  return c;
}

/** better-sqlite3 on the same file, with the pragmas the service uses (libs/persistence: WAL, synchronous=NORMAL). */
function openSqlite(db) {
  const Database = require('better-sqlite3');
  const s = new Database(db.sqlitePath);
  s.pragma('journal_mode = WAL');
  s.pragma('synchronous = NORMAL');
  s.pragma('busy_timeout = 5000');
  return s;
}

/** Instants as TypeORM's better-sqlite3 driver stores `datetime` columns (UTC, no zone). */
function sqliteTime(d) {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

module.exports = { PG_URL, throwawayDatabase, openPg, openSqlite, sqliteTime };
