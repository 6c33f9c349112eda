#!/usr/bin/env node
/**
 * Benchmark 3 (issue #6): full dossier lifecycles per second, next to bpmn-engine running an
 * equivalent five-task process, in the same run.
 *
 *   in process        the pure workflow (libs/workflow: startDossier + decide, from dist)
 *                     vs bpmn-engine in memory — both one after another on one thread
 *   with persistence  the whole service over HTTP (API child on PostgreSQL / SQLite)
 *                     vs bpmn-engine with its state (getState() JSON) written to the same
 *                     database at every wait — both with LIFECYCLE_CONCURRENCY lives at once
 *
 * A life (a two-step procedure, bench/lib/dossiers.js pickProcedure), five tasks / transitions:
 *   1 receive    POST /api/dossiers (counter: received at once)            startDossier
 *   2 digitise   upload each required scan, COMPLETE_DIGITISATION           decide(COMPLETE_DIGITISATION)
 *   3 appraise   FORWARD by step 1's specialist                             decide(FORWARD)
 *   4 approve    result PDF signed by the service, ISSUE_RESULT by leader   decide(ISSUE_RESULT)
 *   5 return     RETURN_RESULT by the clerk                                 decide(RETURN_RESULT)
 * Over HTTP that is every request the service requires for a real dossier, file handling and
 * signatures included (the bpmn process has none of that); the time per kind of request is
 * reported so the share of the transitions themselves is visible.
 *
 *   npm run bench:lifecycles
 *
 * Environment:
 *   DIALECTS=postgres,sqlite       databases for the persisted comparison
 *   LIFECYCLE_DURATION=10          seconds per measured variant
 *   LIFECYCLE_CONCURRENCY=16       lives in flight at once (HTTP and bpmn persisted)
 *   LIFECYCLE_SCAN=upload          upload: each life uploads its scans (stored, signed by the
 *                                  service); reuse: attaches them from the applicant's data store
 *   WARMUP=2                       seconds of unmeasured work before each variant
 *   PROFILE=1                      profile the API child during the measured HTTP lives (see transitions.js)
 *   DATABASE_URL                   PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test)
 *
 * Prints a table and writes bench/results.json (section "lifecycles").
 */
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { requireBuild, envNumber, envList, stats, round, ratio, writeSection, printTable, log, runMain, DIST } = require('./lib/common');
const { throwawayDatabase, openSqlite } = require('./lib/databases');
const { startApi } = require('./lib/api');
const { APPLICANT, samplePdf, pickProcedure, expect } = require('./lib/dossiers');
const { parsedDefinition, runInstance } = require('./lib/bpmn');
const { startDiagnosis } = require('./lib/profile');

const DIALECTS = envList('DIALECTS', 'postgres,sqlite');
const DURATION = envNumber('LIFECYCLE_DURATION', 10);
const CONCURRENCY = envNumber('LIFECYCLE_CONCURRENCY', 16);
const WARMUP = envNumber('WARMUP', 2);
const SCAN = process.env.LIFECYCLE_SCAN || 'upload';
const PROFILE = Boolean(process.env.PROFILE);
if (!['upload', 'reuse'].includes(SCAN)) throw new Error('LIFECYCLE_SCAN must be upload or reuse');

async function main() {
  requireBuild();
  const moddleContext = await parsedDefinition();
  const results = { inProcess: null };
  for (const dialect of DIALECTS) {
    const db = await throwawayDatabase(dialect);
    let api;
    try {
      log(`${dialect}: starting the API`);
      api = await startApi(db, { instrument: PROFILE });
      const procedure = await pickProcedure(api);
      const tokens = { clerk: await api.login('clerk'), handlers: await Promise.all(procedure.handlers.map((u) => api.login(u))) };
      if (!results.inProcess) {
        log('in process: decide vs bpmn-engine in memory');
        results.inProcess = await inProcess(procedure, tokens, moddleContext);
      }
      log(`${dialect}: lifecycles over HTTP`);
      const life = await httpLife(api, procedure, tokens);
      await timed(WARMUP, CONCURRENCY, life.run);
      life.resetTimings();
      const diagnosis = PROFILE ? await startDiagnosis(api) : null;
      const http = summary(await timed(DURATION, CONCURRENCY, life.run));
      if (diagnosis) http.profile = await diagnosis.stop(`lifecycles-${dialect}`, http.lifecycles, 'lifecycle');
      http.requestMs = life.timings();
      log(`${dialect}: bpmn-engine with persisted state`);
      const store = await stateStore(db, CONCURRENCY);
      try {
        const persisted = (i) => runInstance(moddleContext, `w${i}-${Math.random().toString(36).slice(2)}`, store.write);
        await timed(WARMUP, CONCURRENCY, persisted);
        store.resetCount();
        const bpmn = summary(await timed(DURATION, CONCURRENCY, persisted));
        bpmn.stateWrites = store.writes();
        results[dialect] = { procedure: procedure.code, scan: SCAN, http, bpmnPersisted: bpmn, ratio: ratio(http.lifecyclesPerSecond, bpmn.lifecyclesPerSecond) };
      } finally {
        await store.close();
      }
    } finally {
      if (api) await api.stop();
      await db.drop();
    }
  }
  print(results);
  writeSection('lifecycles', { settings: { durationS: DURATION, concurrency: CONCURRENCY, warmupS: WARMUP, scan: SCAN, tasks: 5 }, results });
}

/** The pure workflow and bpmn-engine in memory, one life after another on this thread. */
async function inProcess(procedure, tokens, moddleContext) {
  // From dist, as the service runs it (the workflow library has no database or Nest dependency).
  const { startDossier, decide } = require(join(DIST, 'libs/workflow/src'));
  const actor = (token) => {
    const p = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    return { userId: p.sub, roles: p.roles, departmentCode: p.dept ?? null };
  };
  const clerk = actor(tokens.clerk);
  const [first, last] = tokens.handlers.map(actor);
  const moves = [
    [{ type: 'COMPLETE_DIGITISATION' }, clerk],
    [{ type: 'FORWARD' }, first],
    [{ type: 'ISSUE_RESULT' }, last],
    [{ type: 'RETURN_RESULT', method: 'counter' }, clerk],
  ];
  const pure = async () => {
    let snapshot = startDossier({ channel: 'direct', steps: procedure.steps }).snapshot;
    for (const [event, who] of moves) {
      const r = decide(snapshot, event, who);
      if (!r.ok) throw new Error(`decide ${event.type}: ${r.code} ${r.message}`);
      snapshot = r.snapshot;
    }
    if (snapshot.value !== 'returned') throw new Error(`life ended in ${snapshot.value}`);
  };
  const memory = (i) => runInstance(moddleContext, `m${i}`);
  await timed(WARMUP, 1, pure);
  const decideRun = summary(await timed(DURATION, 1, pure));
  await timed(WARMUP, 1, memory);
  const bpmnRun = summary(await timed(DURATION, 1, memory));
  return { decide: decideRun, bpmnMemory: bpmnRun, ratio: ratio(decideRun.lifecyclesPerSecond, bpmnRun.lifecyclesPerSecond) };
}

/** One life over HTTP, with the time of each kind of request recorded. */
async function httpLife(api, procedure, { clerk, handlers: [first, last] }) {
  const { PDFDocument, StandardFonts } = require('pdf-lib');
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('Giay chung nhan', { x: 72, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  const resultPdf = Buffer.from(await doc.save());
  let ms = {};
  const timedRequest = async (kind, send) => {
    const t = performance.now();
    const r = await send();
    (ms[kind] ??= []).push(performance.now() - t);
    return r;
  };
  const event = (token, d, body) => api.json('POST', `/api/dossiers/${d.id}/events`, token, { ...body, expectedVersion: d.version });
  // With LIFECYCLE_SCAN=reuse the scans come from the applicant's data store: upload one set first.
  const sources = {};
  if (SCAN === 'reuse') {
    const d = expect(await api.json('POST', '/api/dossiers', clerk, { procedureCode: procedure.code, channel: 'direct', applicant: APPLICANT }), 201, 'create');
    for (const key of procedure.requiredComponents) {
      sources[key] = expect(await api.multipart(`/api/dossiers/${d.id}/components/${encodeURIComponent(key)}/files`, clerk, {}, { bytes: samplePdf(), type: 'application/pdf', name: 'ban-scan.pdf' }), 201, 'upload').id;
    }
  }
  const run = async () => {
    let d = expect(await timedRequest('1 create (receive)', () => api.json('POST', '/api/dossiers', clerk, { procedureCode: procedure.code, channel: 'direct', applicant: APPLICANT })), 201, 'create');
    for (const key of procedure.requiredComponents) {
      const path = `/api/dossiers/${d.id}/components/${encodeURIComponent(key)}`;
      if (SCAN === 'upload') {
        expect(await timedRequest('2 scan upload', () => api.multipart(`${path}/files`, clerk, {}, { bytes: samplePdf(), type: 'application/pdf', name: 'ban-scan.pdf' })), 201, 'upload');
      } else {
        expect(await timedRequest('2 scan reuse', () => api.json('POST', `${path}/reuse`, clerk, { fileId: sources[key] })), 201, 'reuse');
      }
    }
    d = expect(await timedRequest('2 COMPLETE_DIGITISATION', () => event(clerk, d, { type: 'COMPLETE_DIGITISATION' })), 200, 'COMPLETE_DIGITISATION');
    d = expect(await timedRequest('3 FORWARD', () => event(first, d, { type: 'FORWARD' })), 200, 'FORWARD');
    expect(await timedRequest('4 result (signed by the service)', () => api.multipart(`/api/dossiers/${d.id}/result`, last, { mode: 'sign' }, { bytes: resultPdf, type: 'application/pdf', name: 'ket-qua.pdf' })), 201, 'result');
    d = expect(await timedRequest('4 ISSUE_RESULT', () => event(last, d, { type: 'ISSUE_RESULT' })), 200, 'ISSUE_RESULT');
    d = expect(await timedRequest('5 RETURN_RESULT', () => event(clerk, d, { type: 'RETURN_RESULT', method: 'counter' })), 200, 'RETURN_RESULT');
    if (d.state !== 'returned') throw new Error(`life ended in ${d.state}`);
  };
  return {
    run,
    resetTimings: () => (ms = {}),
    /** Mean and p95 per kind of request, and each kind's share of all request time. */
    timings() {
      const total = Object.values(ms).reduce((n, xs) => n + xs.reduce((a, b) => a + b, 0), 0);
      const out = {};
      for (const kind of Object.keys(ms).sort()) {
        const s = stats(ms[kind]);
        out[kind] = { mean: s.mean, p95: s.p95, sharePct: round((100 * ms[kind].reduce((a, b) => a + b, 0)) / total, 1) };
      }
      return out;
    },
  };
}

/**
 * Where bpmn-engine keeps its state: one row per instance, overwritten at every wait
 * (upsert, autocommit), in the benchmark's database — a pg pool as large as the
 * concurrency, or better-sqlite3 with the service's pragmas.
 */
async function stateStore(db, connections) {
  let writes = 0;
  let bytes = 0;
  const ddl = 'CREATE TABLE IF NOT EXISTS bench_bpmn_state (id varchar(64) PRIMARY KEY, state text NOT NULL, updated_at varchar(32) NOT NULL)';
  const upsert = 'INSERT INTO bench_bpmn_state (id, state, updated_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at';
  const count = (state) => {
    writes++;
    bytes += state.length;
  };
  if (db.dialect === 'postgres') {
    const { Pool } = require('pg');
    const pool = new Pool({ connectionString: db.pgUrl, max: connections });
    await pool.query(ddl);
    return {
      async write(id, state) {
        await pool.query(upsert, [id, state, new Date().toISOString()]);
        count(state);
      },
      writes: () => ({ count: writes, meanBytes: round(bytes / Math.max(1, writes), 0) }),
      resetCount: () => (writes = bytes = 0),
      close: () => pool.end(),
    };
  }
  const s = openSqlite(db);
  s.exec(ddl);
  const stmt = s.prepare(upsert.replace(/\$\d/g, '?'));
  return {
    async write(id, state) {
      stmt.run(id, state, new Date().toISOString());
      count(state);
    },
    writes: () => ({ count: writes, meanBytes: round(bytes / Math.max(1, writes), 0) }),
    resetCount: () => (writes = bytes = 0),
    close: async () => s.close(),
  };
}

/** Runs `work(i)` on `concurrency` workers until `seconds` have passed; every started life finishes. */
async function timed(seconds, concurrency, work) {
  const latencies = [];
  const failures = {};
  let i = 0;
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const s = performance.now();
        try {
          await work(i++);
          latencies.push(performance.now() - s);
        } catch (error) {
          const key = String(error.message ?? error).slice(0, 200);
          failures[key] = (failures[key] ?? 0) + 1;
        }
      }
    }),
  );
  return { latencies, failures, seconds: (performance.now() - t0) / 1000 };
}

function summary(r) {
  const s = stats(r.latencies);
  const errors = Object.values(r.failures).reduce((a, b) => a + b, 0);
  return { lifecyclesPerSecond: round(r.latencies.length / r.seconds, 1), lifecycles: r.latencies.length, lifecycleMs: { p50: s.p50, p95: s.p95, max: s.max }, errors, errorDetail: r.failures };
}

function print(results) {
  const row = (what, engine, r, ref, conc) => [what, engine, conc, r.lifecyclesPerSecond, r.lifecycleMs.p50, r.lifecycleMs.p95, r.errors, ref];
  const rows = [];
  const ip = results.inProcess;
  if (ip) {
    rows.push(row('in process', 'decide (libs/workflow)', ip.decide, ip.ratio, 1));
    rows.push(row('in process', 'bpmn-engine in memory', ip.bpmnMemory, null, 1));
  }
  for (const dialect of DIALECTS) {
    const r = results[dialect];
    if (!r) continue;
    rows.push(row(dialect, `service over HTTP (scan: ${r.scan})`, r.http, r.ratio, CONCURRENCY));
    rows.push(row(dialect, 'bpmn-engine + state per wait', r.bpmnPersisted, null, CONCURRENCY));
  }
  printTable(`Full lifecycles (5 tasks), ${DURATION} s each — ours vs bpmn-engine (ratio = ours / bpmn-engine)`, ['where', 'engine', 'conc', 'lives/s', 'p50 ms', 'p95 ms', 'errors', 'ratio'], rows);
  for (const dialect of DIALECTS) {
    const r = results[dialect];
    if (!r) continue;
    printTable(`${dialect}: time per kind of request in a life over HTTP`, ['request', 'mean ms', 'p95 ms', 'share %'], Object.entries(r.http.requestMs).map(([k, v]) => [k, v.mean, v.p95, v.sharePct]));
  }
}

runMain(main);
