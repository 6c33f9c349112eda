#!/usr/bin/env node
/**
 * Benchmark 1 and 2 (issue #6): dossier transitions over HTTP, at several concurrencies, next
 * to the same transaction shape sent straight to the database by this harness — on
 * PostgreSQL (throwaway database on the server of DATABASE_URL) and on the embedded SQLite
 * default (temp file; raw reference: better-sqlite3, WAL, synchronous=NORMAL).
 *
 * The API runs from dist as a child process (bench/lib/api.js). POOL dossiers of a two-step
 * procedure are created through it and put into processing; then, per concurrency, HTTP
 * (autocannon) and raw alternate FORWARD / SEND_BACK on them, each dossier in one request at
 * a time, so nothing conflicts by design and every 409 is counted as an error.
 *
 *   npm run bench:transitions
 *
 * Environment (defaults give the issue's figures):
 *   DIALECTS=postgres,sqlite   which databases
 *   CONCURRENCY=1,16,64        concurrent clients (HTTP connections / raw connections)
 *   DURATION=10                seconds measured per phase (HTTP and raw, at each concurrency)
 *   WARMUP=2                   seconds of unmeasured load before each phase (HTTP: on the same
 *                              connections, see bench/lib/transition-load.js)
 *   POOL=1000                  dossiers seeded through the API (at least 2 × the largest concurrency)
 *   SEED_CONCURRENCY=8         parallel requests while seeding
 *   PROFILE=1                  profile the API child during each measured HTTP phase (V8 CPU profiler,
 *                              bench/profiles/*.cpuprofile) and count its SQL statements per transition;
 *                              prints where the time went. Slows the HTTP figures: a diagnostic run.
 *   DATABASE_URL               PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test)
 *
 * Prints a table and writes bench/results.json (section "transitions").
 * Targets noted in the issue (reported, not asserted): at concurrency 16 on PostgreSQL, HTTP
 * ≥ 50 % of raw throughput and p99 < 30 ms; zero errors.
 */
const { requireBuild, envNumber, envList, stats, round, ratio, writeSection, printTable, log, runMain } = require('./lib/common');
const { throwawayDatabase } = require('./lib/databases');
const { startApi } = require('./lib/api');
const { pickProcedure, seedProcessingDossiers } = require('./lib/dossiers');
const { httpTransitions, rawPgTransitions, rawSqliteTransitions, refreshPool, actorOf } = require('./lib/transition-load');
const { startDiagnosis } = require('./lib/profile');

const DIALECTS = envList('DIALECTS', 'postgres,sqlite');
const CONCURRENCY = envList('CONCURRENCY', '1,16,64').map(Number);
const DURATION = envNumber('DURATION', 10);
const WARMUP = envNumber('WARMUP', 2);
const POOL = envNumber('POOL', 1000);
const SEED_CONCURRENCY = envNumber('SEED_CONCURRENCY', 8);
const PROFILE = Boolean(process.env.PROFILE);

const TARGET = { concurrency: 16, minRatio: 0.5, maxP99Ms: 30 };

async function main() {
  requireBuild();
  if (POOL < 2 * Math.max(...CONCURRENCY)) throw new Error(`POOL (${POOL}) must be at least twice the largest concurrency`);
  const results = {};
  for (const dialect of DIALECTS) results[dialect] = await runDialect(dialect);
  print(results);
  writeSection('transitions', {
    settings: { concurrency: CONCURRENCY, durationS: DURATION, warmupS: WARMUP, pool: POOL, events: 'FORWARD / SEND_BACK' },
    targets: { note: 'issue #6, PostgreSQL at concurrency 16', httpToRawAtLeast: TARGET.minRatio, p99BelowMs: TARGET.maxP99Ms, errors: 0 },
    results,
  });
}

async function runDialect(dialect) {
  const db = await throwawayDatabase(dialect);
  let api;
  try {
    log(`${dialect}: starting the API`);
    api = await startApi(db, { instrument: PROFILE });
    const procedure = await pickProcedure(api);
    log(`${dialect}: seeding ${POOL} dossiers of ${procedure.code} (${procedure.steps.map((s) => s.departmentCode).join(' → ')}) into processing`);
    const pool = await seedProcessingDossiers(api, procedure, POOL, SEED_CONCURRENCY);
    const actors = await Promise.all(procedure.handlers.map(async (u) => actorOf(await api.login(u))));
    const raw = dialect === 'postgres' ? rawPgTransitions : rawSqliteTransitions;
    const phase = phases(db, pool);
    const levels = [];
    for (const connections of CONCURRENCY) {
      log(`${dialect}: concurrency ${connections}: HTTP`);
      const diagnosis = PROFILE ? await startDiagnosis(api) : null;
      const http = await phase((p) => httpTransitions(api, p, procedure, { connections, durationS: DURATION, warmupS: WARMUP }));
      const profile = diagnosis ? await diagnosis.stop(`transitions-${dialect}-c${connections}`, http.transitionsInRun, 'transition') : undefined;
      log(`${dialect}: concurrency ${connections}: raw`);
      if (WARMUP) await phase((p) => raw(db, p, procedure, actors, { connections, durationS: WARMUP }));
      const reference = await phase((p) => raw(db, p, procedure, actors, { connections, durationS: DURATION }));
      levels.push({ concurrency: connections, http: summary(http), raw: summary(reference), throughputRatio: ratio(http.perSecond, reference.perSecond), profile });
    }
    return { procedure: procedure.code, levels, targets: targets(levels) };
  } finally {
    if (api) await api.stop();
    await db.drop();
  }
}

/**
 * Load phases on one pool: each phase gets the dossiers not left in flight by the previous
 * one (those may still commit after the harness re-reads them), then the pool is re-read
 * from the database so the next phase starts from the truth.
 */
function phases(db, pool) {
  let settling = new Set();
  return async (run) => {
    const r = await run(pool.filter((d) => !settling.has(d.id)));
    await refreshPool(db, pool);
    settling = new Set(r.inFlight ?? []);
    return r;
  };
}

function summary(r) {
  const s = stats(r.latencies);
  return { transitionsPerSecond: round(r.perSecond, 1), transitions: r.transitions, seconds: round(r.seconds), latencyMs: { p50: s.p50, p99: s.p99, mean: s.mean, max: s.max }, errors: r.errors, errorDetail: r.errorDetail };
}

function targets(levels) {
  const at = levels.find((l) => l.concurrency === TARGET.concurrency);
  return {
    httpToRawAtLeast: at ? { value: at.throughputRatio, met: at.throughputRatio !== null && at.throughputRatio >= TARGET.minRatio } : null,
    p99BelowMs: at ? { value: at.http.latencyMs.p99, met: at.http.latencyMs.p99 !== null && at.http.latencyMs.p99 < TARGET.maxP99Ms } : null,
    zeroErrors: { value: levels.reduce((n, l) => n + l.http.errors, 0), met: levels.every((l) => l.http.errors === 0) },
  };
}

function print(results) {
  const rows = [];
  for (const [dialect, r] of Object.entries(results)) {
    for (const l of r.levels) {
      rows.push([dialect, l.concurrency, l.http.transitionsPerSecond, l.http.latencyMs.p50, l.http.latencyMs.p99, l.http.errors, l.raw.transitionsPerSecond, l.raw.latencyMs.p50, l.raw.latencyMs.p99, l.raw.errors, l.throughputRatio]);
    }
  }
  printTable(
    `Transitions (FORWARD / SEND_BACK), ${DURATION} s per phase — HTTP through the service vs the same transaction straight to the database`,
    ['dialect', 'conc', 'HTTP tr/s', 'p50 ms', 'p99 ms', 'errors', 'raw tr/s', 'p50 ms', 'p99 ms', 'errors', 'HTTP/raw'],
    rows,
  );
  for (const [dialect, r] of Object.entries(results)) {
    const t = r.targets;
    const fmt = (x) => (x ? `${x.value} (${x.met ? 'met' : 'MISSED'})` : 'not measured');
    console.log(`${dialect}: at concurrency ${TARGET.concurrency}: HTTP/raw ${fmt(t.httpToRawAtLeast)} [target ≥ ${TARGET.minRatio}], p99 ${fmt(t.p99BelowMs)} ms [target < ${TARGET.maxP99Ms}]; HTTP errors ${fmt(t.zeroErrors)} [target 0]`);
  }
}

runMain(main);
