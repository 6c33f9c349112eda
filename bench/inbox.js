#!/usr/bin/env node
/**
 * Benchmark 4 (issue #6): reads at scale. With DOSSIERS synthetic dossiers and their history
 * loaded (bench/lib/load-dossiers.js), on PostgreSQL and SQLite:
 *
 * - a specialist's inbox: the service's own query code (DossierQueries.list from dist, the
 *   web inbox's default `mine=true`: their department's dossiers waiting at their step,
 *   most urgent first, first page of 20, with the total), called in this process;
 * - a dossier's detail with its history (DossierQueries.get + history), a dossier the
 *   specialist may see;
 * each next to its reference in the same run — the smallest SQL giving the same page / rows
 * (an index range on (current_department_code, due_at) without the count; the row by id and
 * its events by (dossier_id, version)) — and both also over HTTP through the API child.
 * The specialists 'specialist' (PQLKH) and 'specialist2' (PQLCN) take turns.
 *
 *   npm run bench:inbox
 *
 * Environment:
 *   DIALECTS=postgres,sqlite   which databases
 *   DOSSIERS=1000000           dossiers loaded (about 5.5 history rows each)
 *   INBOX_RUNS=200             timed calls per figure (after 10 unmeasured)
 *   PROFILE=1                  profile the API child during the HTTP inbox calls, and print the plans
 *                              of the inbox's SQL statements (EXPLAIN ANALYZE / EXPLAIN QUERY PLAN)
 *   DATABASE_URL               PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test)
 *
 * Prints a table and writes bench/results.json (section "inbox"). Target (issue #6): inbox
 * p95 < 50 ms.
 */
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { requireBuild, envNumber, envList, stats, ratio, writeSection, printTable, log, runMain, DIST } = require('./lib/common');
const { throwawayDatabase } = require('./lib/databases');
const { startApi } = require('./lib/api');
const { loadDossiers } = require('./lib/load-dossiers');
const { startDiagnosis } = require('./lib/profile');

const DIALECTS = envList('DIALECTS', 'postgres,sqlite');
const N = envNumber('DOSSIERS', 1_000_000);
const RUNS = envNumber('INBOX_RUNS', 200);
const WARM = 10;
const PROFILE = Boolean(process.env.PROFILE);
const TARGET_P95_MS = 50;
const SPECIALISTS = ['specialist', 'specialist2'];

async function main() {
  requireBuild();
  const results = {};
  for (const dialect of DIALECTS) results[dialect] = await runDialect(dialect);
  print(results);
  writeSection('inbox', { settings: { dossiers: N, runs: RUNS, pageSize: 20 }, targets: { inboxP95BelowMs: TARGET_P95_MS }, results });
}

async function runDialect(dialect) {
  const db = await throwawayDatabase(dialect);
  let api;
  let ds;
  try {
    // The API migrates the database and seeds the catalogue and the demo accounts; it is then
    // stopped so that the bulk load runs alone, and started again afterwards. On SQLite the load
    // holds the write lock for minutes: the API's outbox poller would meanwhile block its event
    // loop for busy_timeout (5 s) at every poll, and this process's own event loop is blocked by
    // the synchronous driver, so HTTP keep-alive connections opened before would go stale.
    log(`${dialect}: preparing the database (API start and stop)`);
    api = await startApi(db);
    await api.stop();
    api = null;

    // Column types are chosen when entity modules load, from DATABASE_URL: load them for this dialect.
    process.env.DATABASE_URL = db.databaseUrl;
    for (const key of Object.keys(require.cache)) if (key.startsWith(DIST)) delete require.cache[key];
    const { DataSource } = require('typeorm');
    const { buildDataSourceOptions, UnitOfWork } = require(join(DIST, 'libs/persistence/src'));
    const { MIGRATIONS } = require(join(DIST, 'migrations'));
    const { ENTITIES } = require(join(DIST, 'apps/api/src/database/entities'));
    const { DossierQueries } = require(join(DIST, 'apps/api/src/dossiers/dossier-queries.service'));
    const { SystemClock } = require(join(DIST, 'apps/api/src/common/clock'));
    const target = dialect === 'postgres' ? { type: 'postgres', url: db.pgUrl } : { type: 'sqlite', path: db.sqlitePath };
    ds = new DataSource(buildDataSourceOptions(target, { entities: ENTITIES, migrations: MIGRATIONS }));
    await ds.initialize();

    log(`${dialect}: loading ${N.toLocaleString('en')} dossiers with their history`);
    const load = await loadDossiers((sql, params) => ds.query(sql, params), dialect, N);
    log(`${dialect}: loaded in ${load.seconds} s (${load.events.toLocaleString('en')} history rows); starting the API`);
    api = await startApi(db, { instrument: PROFILE });
    const tokens = Object.fromEntries(await Promise.all(SPECIALISTS.map(async (u) => [u, await api.login(u)])));
    const users = Object.fromEntries(Object.entries(tokens).map(([u, t]) => [u, authUser(t)]));

    // Only publicBaseUrl of the configuration is read by the query side (for clerks' lookup links).
    const queries = new DossierQueries({ publicBaseUrl: api.base }, new UnitOfWork(ds), new SystemClock());
    const p = (k) => (dialect === 'postgres' ? `$${k}` : '?');
    const plainInbox = `SELECT * FROM dossier WHERE current_department_code = ${p(1)} ORDER BY due_at LIMIT 20`;
    const plainRow = `SELECT * FROM dossier WHERE id = ${p(1)}`;
    const plainHistory = `SELECT * FROM dossier_event WHERE dossier_id = ${p(1)} ORDER BY version`;
    const details = await sampleVisibleDossiers(ds, dialect, users, RUNS + WARM);

    const inbox = await alternate(users, {
      service: async (u) => {
        const page = await queries.list(u, { mine: true });
        if (page.items.length === 0) throw new Error(`empty inbox for ${u.username}: the load put nobody's dossiers there`);
        return page.total;
      },
      plain: (u) => ds.query(plainInbox, [u.departmentCode]),
    });
    const detail = await alternate(users, {
      service: async (u, i) => {
        const id = details[u.username][i];
        await queries.get(u, id);
        await queries.history(u, id);
      },
      plain: async (u, i) => {
        const id = details[u.username][i];
        await ds.query(plainRow, [id]);
        await ds.query(plainHistory, [id]);
      },
    });

    // The same two reads over HTTP (JWT, validation, serialisation): what the web application waits for.
    const diagnosis = PROFILE ? await startDiagnosis(api) : null;
    const httpInbox = await timeRuns(async (i) => {
      const u = SPECIALISTS[i % 2];
      const r = await api.json('GET', '/api/dossiers?mine=true', tokens[u]);
      if (r.status !== 200) throw new Error(`GET /api/dossiers: ${r.status}`);
    });
    const profile = diagnosis ? await diagnosis.stop(`inbox-${dialect}`, RUNS + WARM, 'inbox request') : undefined;
    const httpDetail = await timeRuns(async (i) => {
      const u = SPECIALISTS[i % 2];
      const id = details[u][i];
      for (const path of [`/api/dossiers/${id}`, `/api/dossiers/${id}/history`]) {
        const r = await api.json('GET', path, tokens[u]);
        if (r.status !== 200) throw new Error(`GET ${path}: ${r.status}`);
      }
    });
    const plans = PROFILE ? await inboxPlans(ds, dialect, queries, users[SPECIALISTS[0]]) : undefined;
    return {
      load,
      plans,
      inboxTotals: inbox.totals,
      inbox: { serviceMs: inbox.service, plainMs: inbox.plain, ratioP50: ratio(inbox.service.p50, inbox.plain.p50), ratioP95: ratio(inbox.service.p95, inbox.plain.p95), httpMs: httpInbox, targetP95Met: inbox.service.p95 < TARGET_P95_MS, httpTargetP95Met: httpInbox.p95 < TARGET_P95_MS },
      detail: { serviceMs: detail.service, plainMs: detail.plain, ratioP50: ratio(detail.service.p50, detail.plain.p50), ratioP95: ratio(detail.service.p95, detail.plain.p95), httpMs: httpDetail },
      profile,
    };
  } finally {
    if (ds?.isInitialized) await ds.destroy();
    if (api) await api.stop();
    await db.drop();
  }
}

/**
 * The statements the service's inbox sends (captured through the DataSource's logger during one
 * call) with the database's plan for each: EXPLAIN ANALYZE on PostgreSQL, EXPLAIN QUERY PLAN on
 * SQLite. Printed and returned (PROFILE=1): where an inbox's time goes in the database.
 */
async function inboxPlans(ds, dialect, queries, user) {
  const captured = [];
  const logger = ds.logger;
  const noop = () => undefined;
  ds.logger = { logQuery: (query, parameters) => captured.push({ query, parameters }), logQueryError: noop, logQuerySlow: noop, logSchemaBuild: noop, logMigration: noop, log: noop };
  try {
    await queries.list(user, { mine: true });
  } finally {
    ds.logger = logger;
  }
  const plans = [];
  for (const { query, parameters } of captured.filter((c) => /^\s*SELECT/i.test(c.query))) {
    const explain = dialect === 'postgres' ? `EXPLAIN (ANALYZE, BUFFERS) ${query}` : `EXPLAIN QUERY PLAN ${query}`;
    const rows = await ds.query(explain, parameters);
    const plan = rows.map((r) => r['QUERY PLAN'] ?? `${'  '.repeat(Number(r.parent) ? 1 : 0)}${r.detail}`);
    plans.push({ query, parameters, plan });
    console.log(`\n${dialect}: inbox statement\n${query}\nparameters ${JSON.stringify(parameters)}\n${plan.join('\n')}`);
  }
  return plans;
}

/** The user the access token carries (what the API's JWT strategy rebuilds per request). */
function authUser(token) {
  const p = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
  return { id: p.sub, username: p.username, fullName: p.name, roles: p.roles, departmentCode: p.dept ?? null };
}

/** Dossiers each specialist may open (their department has a step of the procedure), picked at random over the whole load. */
async function sampleVisibleDossiers(ds, dialect, users, count) {
  const p = dialect === 'postgres' ? '$1' : '?';
  const steps = await ds.query('SELECT procedure_version_id, department_code FROM procedure_step');
  const out = {};
  for (const u of Object.values(users)) {
    const visible = new Set(steps.filter((s) => s.department_code === u.departmentCode).map((s) => s.procedure_version_id));
    const ids = [];
    while (ids.length < count) {
      const n = 1 + Math.floor(Math.random() * N);
      const [row] = await ds.query(`SELECT id, procedure_version_id FROM dossier WHERE code = ${p}`, [`BENCH-${n}`]);
      if (visible.has(row.procedure_version_id)) ids.push(row.id);
    }
    out[u.username] = ids;
  }
  return out;
}

/**
 * Times `service` and `plain` in alternation (service, plain, service, …), each user in turn,
 * so both see the same cache and machine state; the first WARM calls are not counted.
 */
async function alternate(users, { service, plain }) {
  const list = Object.values(users);
  const s = [];
  const r = [];
  const totals = {};
  for (let i = 0; i < RUNS + WARM; i++) {
    const u = list[i % list.length];
    let t = performance.now();
    const total = await service(u, i);
    const serviceMs = performance.now() - t;
    t = performance.now();
    await plain(u, i);
    const plainMs = performance.now() - t;
    if (total !== undefined) totals[u.username] = total;
    if (i >= WARM) {
      s.push(serviceMs);
      r.push(plainMs);
    }
  }
  return { service: pick(stats(s)), plain: pick(stats(r)), totals };
}

async function timeRuns(work) {
  const ms = [];
  for (let i = 0; i < RUNS + WARM; i++) {
    const t = performance.now();
    await work(i);
    if (i >= WARM) ms.push(performance.now() - t);
  }
  return pick(stats(ms));
}

function pick(s) {
  return { p50: s.p50, p95: s.p95, max: s.max };
}

function print(results) {
  const rows = [];
  for (const [dialect, r] of Object.entries(results)) {
    for (const [name, x] of [['inbox (mine, page 1)', r.inbox], ['detail + history', r.detail]]) {
      rows.push([dialect, name, x.serviceMs.p50, x.serviceMs.p95, x.plainMs.p50, x.plainMs.p95, x.ratioP50, x.ratioP95, x.httpMs.p50, x.httpMs.p95]);
    }
  }
  printTable(
    `Reads over ${N.toLocaleString('en')} dossiers, ${RUNS} calls each (ms) — service query code vs plain SQL, and over HTTP`,
    ['dialect', 'read', 'service p50', 'p95', 'plain p50', 'p95', 'ratio p50', 'ratio p95', 'HTTP p50', 'p95'],
    rows,
  );
  for (const [dialect, r] of Object.entries(results)) {
    console.log(
      `${dialect}: inbox totals ${JSON.stringify(r.inboxTotals)}; load ${r.load.seconds} s; inbox p95 ${r.inbox.serviceMs.p95} ms in process (${r.inbox.targetP95Met ? 'met' : 'MISSED'}), ${r.inbox.httpMs.p95} ms over HTTP (${r.inbox.httpTargetP95Met ? 'met' : 'MISSED'}) [target < ${TARGET_P95_MS}]`,
    );
  }
}

runMain(main);
