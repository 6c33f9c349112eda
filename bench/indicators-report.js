#!/usr/bin/env node
/**
 * Benchmark: the quarter indicator report over 1,000,000 dossiers, computed straight from
 * the stored portal records with the service's own SQL (see APPROACH), on PostgreSQL (DATABASE_URL, a
 * throwaway database is created and dropped) and on SQLite (temp file). Beside it, in the
 * same run, the reference: a plain COUNT(*) over the quarter.
 *
 *   npm run bench:indicators            (DOSSIERS=1000000 RUNS=15 by default;
 *                                        DIALECTS=postgres,sqlite; BENCH_KEEP=1 keeps the databases)
 *   BENCH_REUSE=<PostgreSQL URL printed by BENCH_KEEP>   times the reports again on a kept database
 *                                        (loaded and built by an earlier run: 10M takes about 20 minutes)
 *
 * Prints a table and writes bench/results.json (section "indicators").
 */
const { randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync, readFileSync, writeFileSync, existsSync } = require('node:fs');
const { cpus, loadavg, tmpdir } = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');

const dist = join(__dirname, '..', 'dist');
if (!existsSync(join(dist, 'apps/api/src/indicators/indicators.service.js'))) {
  console.error('Build first: npm run build:api');
  process.exit(1);
}
const N = Number(process.env.DOSSIERS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 15);
const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TARGET_MS = 100;
/** What is measured, recorded with the numbers. */
const APPROACH =
  'The closed quarter from the indicator rollup (apps/api/src/indicator-rollup): day and month buckets by procedure, kept ' +
  'up in the transaction of every record change; the report reads the window sums (whole months from the month table, ' +
  'loose days and the two crossing midnights from the day table) in one UNION ALL, plus the irregular dossiers and those ' +
  'that ended since the midnight before the report instant from their records. Beside it, the same report straight from ' +
  'the records (apps/api/src/indicators/indicator-sql.ts: one aggregate over the 2.1 scope as four index ranges), as before ' +
  'the rollup, and the time to build the rollup from the records (the first start after its migration).';

async function main() {
  const results = {};
  for (const dialect of (process.env.DIALECTS ?? 'postgres,sqlite').split(',')) {
    process.env.DATABASE_URL = dialect === 'postgres' ? PG_URL : '';
    results[dialect] = await runDialect(dialect);
  }
  printTable(results);
  const file = join(__dirname, 'results.json');
  const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  all.indicators = { measuredAt: new Date().toISOString(), approach: APPROACH, targetMs: TARGET_MS, dossiers: N, runs: RUNS, results };
  writeFileSync(file, JSON.stringify(all, null, 2));
}

async function runDialect(dialect) {
  // Column types are chosen when entity modules load: load them per dialect in a fresh registry.
  for (const key of Object.keys(require.cache)) if (key.startsWith(dist)) delete require.cache[key];
  const { DataSource } = require('typeorm');
  const { buildDataSourceOptions, UnitOfWork } = require(join(dist, 'libs/persistence/src'));
  const { MIGRATIONS } = require(join(dist, 'migrations'));
  const { ENTITIES } = require(join(dist, 'apps/api/src/database/entities'));
  const { IndicatorsService } = require(join(dist, 'apps/api/src/indicators/indicators.service'));
  const { quarterPeriod } = require(join(dist, 'libs/indicators/src'));

  let target;
  let cleanup;
  const reuse = dialect === 'postgres' ? process.env.BENCH_REUSE : undefined;
  if (reuse) {
    target = { type: 'postgres', url: reuse };
    cleanup = async () => undefined;
  } else if (dialect === 'postgres') {
    const { Client } = require('pg');
    const name = `motcua_bench_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    target = { type: 'postgres', url: url.toString() };
    cleanup = async () => {
      const c = new Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
    target = { type: 'sqlite', path: join(dir, 'bench.sqlite') };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const ds = new DataSource(buildDataSourceOptions(target, { entities: ENTITIES, migrations: MIGRATIONS }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const t0 = performance.now();
  if (!reuse) await load(ds, dialect);
  const loadSeconds = reuse ? null : (performance.now() - t0) / 1000;

  const { rebuildRollup } = require(join(dist, 'apps/api/src/indicator-rollup/rollup-build'));
  const service = new IndicatorsService(new UnitOfWork(ds), { id: 'BENCH', name: 'bench' });
  const period = quarterPeriod(2026, 1);
  // From the records first (the buckets are not built yet), then the rollup is built and the report reads it.
  // A reused database has its buckets already: the service reads them, so there is no from-records figure
  // (`node main.js indicator-rollup verify` compares them with the records).
  const fromRecords = reuse ? null : await service.report(period);
  const recordsMs = [];
  for (let i = 0; i < (reuse ? 0 : Math.min(RUNS, 5)); i++) {
    const s = performance.now();
    await service.report(period);
    recordsMs.push(performance.now() - s);
  }
  const b0 = performance.now();
  const built = reuse ? await builtRows(ds) : await rebuildRollup(ds);
  const buildSeconds = reuse ? null : (performance.now() - b0) / 1000;
  if (dialect === 'postgres' && !reuse) for (const table of ['indicator_rollup_day', 'indicator_rollup_month']) await ds.query(`VACUUM ANALYZE ${table}`);
  const report = await service.report(period); // warm-up, and a sanity check
  const figures = (r) => JSON.stringify({ ratios: r.counts.ratios, times: [...r.counts.processingTime.byProcedure].sort((a, b) => (a.procedureCode + a.unit < b.procedureCode + b.unit ? -1 : 1)) });
  if (fromRecords && figures(report) !== figures(fromRecords)) throw new Error('The report from the rollup differs from the report from the records');
  const plainSql =
    dialect === 'postgres'
      ? 'SELECT COUNT(*) AS n FROM portal_record WHERE received_at >= $1 AND received_at < $2'
      : 'SELECT COUNT(*) AS n FROM portal_record WHERE received_at >= ? AND received_at < ?';
  const plainParams = dialect === 'postgres' ? [period.from, period.to] : [sqliteTime(period.from), sqliteTime(period.to)];
  const reportMs = [];
  const plainMs = [];
  // The machine may be shared: the 1-minute load average says how much the timings had to compete.
  const loadBefore = loadavg()[0];
  for (let i = 0; i < RUNS; i++) {
    let s = performance.now();
    await service.report(period);
    reportMs.push(performance.now() - s);
    s = performance.now();
    await ds.query(plainSql, plainParams);
    plainMs.push(performance.now() - s);
  }
  const machineLoad = { cpus: cpus().length, loadAverage1mBefore: round(loadBefore), loadAverage1mAfter: round(loadavg()[0]) };
  await ds.destroy();
  if (process.env.BENCH_KEEP || reuse) console.log(`kept ${dialect} database:`, target.url ?? target.path);
  else await cleanup();
  const r21 = report.counts.ratios['2.1'];
  return {
    ...(reuse ? { reusedDatabase: true } : {}),
    loadSeconds: loadSeconds === null ? null : round(loadSeconds),
    rollupBuildSeconds: buildSeconds === null ? null : round(buildSeconds),
    rollupRows: { day: built.dayRows, month: built.monthRows, irregular: built.irregular },
    quarterDossiersInScope: r21.denominator,
    reportMs: stats(reportMs),
    fromRecordsMs: reuse ? { p50: null } : stats(recordsMs),
    plainCountMs: stats(plainMs),
    ratioP50: round(stats(reportMs).p50 / stats(plainMs).p50),
    meetsTarget: stats(reportMs).p95 < TARGET_MS,
    machineLoad,
  };
}

/**
 * 1M synthetic portal records over 2025–2026, generated inside the database: the report reads
 * the records' fact columns only (the record JSON is a placeholder here). Every 7th dossier had a
 * supplementation request (every 14th still pending when open), every 49th a second one.
 */
async function load(ds, dialect) {
  const days = 730;
  const columns = `dossier_id, code, record_version, record, procedure_code, department_code, field, channel, received_at, appointment_at,
        processing_ended_at, end_state, s1_requested_at, s1_completed_at, s2_requested_at, processing_time_centi, processing_time_unit,
        paper_result, e_result, digitised, reused_component, from_citizen_store, fee_bearing, fees_all_zero, paid_online, rating,
        has_complaint, imported, updated_at`;
  if (dialect === 'postgres') {
    // A bulk load is written faster without index upkeep row by row: the non-unique indexes are
    // dropped and created again from their own definitions (same end state, sorted builds).
    const indexes = await ds.query(`
      SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
        JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid
       WHERE i.schemaname = current_schema() AND i.tablename = 'portal_record' AND NOT x.indisunique`);
    for (const { name } of indexes) await ds.query(`DROP INDEX "${name}"`);
    await ds.query(`
      INSERT INTO portal_record (${columns})
      SELECT gen_random_uuid()::text, 'BENCH-' || n, 1, '{}', 'P' || (n % 24), 'D' || (n % 4), 'F' || (n % 5),
        (ARRAY['direct','online','postal'])[1 + n % 3], r, r + interval '15 days',
        CASE WHEN n % 20 = 0 THEN NULL ELSE r + (n % 20) * interval '1 day' END,
        CASE WHEN n % 20 = 0 THEN NULL ELSE 'returned' END,
        CASE WHEN n % 7 = 0 THEN r + interval '1 day' END,
        CASE WHEN n % 7 = 0 AND NOT (n % 14 = 0 AND n % 20 = 0) THEN r + interval '2 days' END,
        CASE WHEN n % 49 = 0 THEN r + interval '3 days' END,
        CASE WHEN n % 20 = 0 THEN NULL ELSE 100 * (n % 20) END, CASE WHEN n % 20 = 0 THEN NULL ELSE 'working_days' END,
        true, n % 4 <> 0, n % 10 <> 0, n % 5 = 0, n % 50 = 0, n % 3 = 0, n % 30 = 0,
        CASE WHEN n % 6 = 0 THEN 'national' WHEN n % 9 = 0 THEN 'provincial' END,
        CASE WHEN n % 11 = 0 THEN 'dissatisfied' WHEN n % 2 = 0 THEN 'satisfied' END,
        n % 97 = 0, n % 2 = 0, now()
      FROM (SELECT n, timestamptz '2025-01-01 00:00+07' + (n % ${days}) * interval '1 day' + (n % 480) * interval '1 minute' AS r
            FROM generate_series(1, ${N}) AS n) s`);
    const session = ds.createQueryRunner(); // one connection, so the setting applies to the builds
    await session.query(`SET maintenance_work_mem = '1GB'`);
    for (const { definition } of indexes) await session.query(definition);
    await session.release();
    // What autovacuum does on a live system: statistics and the visibility map (index-only scans need it).
    await ds.query('VACUUM ANALYZE portal_record');
    // On a live system the import was written out long ago: do not time the report against the
    // checkpoint that flushes the bulk load (needs superuser or pg_checkpoint; skipped otherwise).
    await ds.query('CHECKPOINT').catch(() => undefined);
  } else {
    const t = (expr) => `strftime('%Y-%m-%d %H:%M:%f', ${expr})`;
    await ds.query(`
      WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ${N}),
      s AS (SELECT n, strftime('%Y-%m-%d %H:%M:%f', '2024-12-31 17:00:00', '+' || (n % ${days}) || ' days', '+' || (n % 480) || ' minutes') AS r FROM seq)
      INSERT INTO portal_record (${columns})
      SELECT lower(hex(randomblob(16))), 'BENCH-' || n, 1, '{}', 'P' || (n % 24), 'D' || (n % 4), 'F' || (n % 5),
        CASE n % 3 WHEN 0 THEN 'direct' WHEN 1 THEN 'online' ELSE 'postal' END, r, ${t("r, '+15 days'")},
        CASE WHEN n % 20 = 0 THEN NULL ELSE ${t("r, '+' || (n % 20) || ' days'")} END,
        CASE WHEN n % 20 = 0 THEN NULL ELSE 'returned' END,
        CASE WHEN n % 7 = 0 THEN ${t("r, '+1 days'")} END,
        CASE WHEN n % 7 = 0 AND NOT (n % 14 = 0 AND n % 20 = 0) THEN ${t("r, '+2 days'")} END,
        CASE WHEN n % 49 = 0 THEN ${t("r, '+3 days'")} END,
        CASE WHEN n % 20 = 0 THEN NULL ELSE 100 * (n % 20) END, CASE WHEN n % 20 = 0 THEN NULL ELSE 'working_days' END,
        1, n % 4 <> 0, n % 10 <> 0, n % 5 = 0, n % 50 = 0, n % 3 = 0, n % 30 = 0,
        CASE WHEN n % 6 = 0 THEN 'national' WHEN n % 9 = 0 THEN 'provincial' END,
        CASE WHEN n % 11 = 0 THEN 'dissatisfied' WHEN n % 2 = 0 THEN 'satisfied' END,
        n % 97 = 0, n % 2 = 0, ${t("'now'")}
      FROM s`);
    await ds.query('ANALYZE');
  }
}

/** The bucket rows of a rollup an earlier run built (BENCH_REUSE). */
async function builtRows(ds) {
  const count = async (table) => Number((await ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  return { dayRows: await count('indicator_rollup_day'), monthRows: await count('indicator_rollup_month'), irregular: await count('indicator_rollup_irregular') };
}

function sqliteTime(d) {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}
function stats(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { min: round(s[0]), p50: round(at(0.5)), p95: round(at(0.95)), max: round(s[s.length - 1]) };
}
function round(x) {
  return Math.round(x * 100) / 100;
}
function printTable(results) {
  console.log(`\nQuarter report (Q1 2026) over ${N.toLocaleString('en')} dossiers, ${RUNS} runs each (ms); target p50 and p95 < ${TARGET_MS} ms`);
  console.log(`approach: ${APPROACH}`);
  console.log('dialect   | in scope | report p50 | p95    | from records p50 | plain COUNT p50 | p95    | ratio | load s | build s | bucket rows (day/month) | machine load');
  for (const [d, r] of Object.entries(results)) {
    console.log(
      `${d.padEnd(9)} | ${String(r.quarterDossiersInScope).padStart(8)} | ${String(r.reportMs.p50).padStart(10)} | ${String(r.reportMs.p95).padStart(6)} | ${String(r.fromRecordsMs.p50).padStart(16)} | ${String(r.plainCountMs.p50).padStart(15)} | ${String(r.plainCountMs.p95).padStart(6)} | ${String(r.ratioP50).padStart(5)} | ${String(r.loadSeconds).padStart(6)} | ${String(r.rollupBuildSeconds).padStart(7)} | ${`${r.rollupRows.day}/${r.rollupRows.month}`.padStart(23)} | ${r.machineLoad.loadAverage1mBefore}→${r.machineLoad.loadAverage1mAfter} on ${r.machineLoad.cpus} cpus`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
