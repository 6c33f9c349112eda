#!/usr/bin/env node
/**
 * The benchmark suite of issue #6, one after another, each in its own process (the SQL
 * dialect of the entity modules is fixed per process), then a summary of bench/results.json:
 *
 *   1+2 transitions.js        transitions over HTTP vs raw driver, PostgreSQL and SQLite
 *   3   lifecycles.js         full lifecycles: decide / service vs bpmn-engine
 *   4   inbox.js              inbox and detail over 1,000,000 dossiers
 *   5   memory.js             RSS of one API instance over 100,000 transitions
 *   –   indicators-report.js  the quarter report over 1,000,000 dossiers (its own benchmark)
 *   –   signature-verify.js   a 10 MB PDF with two signatures verified (issue 13)
 *   –   import-memory.js      peak memory of a 100 MB NDJSON import (issue #14)
 *
 *   npm run bench               (builds the API first)
 *
 * Environment: BENCHMARKS=transitions,lifecycles,inbox,memory,indicators,signatures,import picks and orders
 * them; every other knob is passed on (see each file's header and bench/README.md).
 * A failing benchmark does not stop the others; the exit code is then 1.
 */
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { requireBuild, envList, readResults, printTable, log } = require('./lib/common');

const FILES = {
  transitions: 'transitions.js',
  lifecycles: 'lifecycles.js',
  inbox: 'inbox.js',
  memory: 'memory.js',
  indicators: 'indicators-report.js',
  signatures: 'signature-verify.js',
  import: 'import-memory.js',
};

function main() {
  requireBuild();
  const chosen = envList('BENCHMARKS', Object.keys(FILES).join(','));
  const unknown = chosen.filter((b) => !FILES[b]);
  if (unknown.length) throw new Error(`Unknown benchmarks: ${unknown.join(', ')} (known: ${Object.keys(FILES).join(', ')})`);
  const startedAt = new Date().toISOString();
  const outcome = {};
  for (const name of chosen) {
    log(`=== ${name} (bench/${FILES[name]})`);
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [join(__dirname, FILES[name])], { stdio: 'inherit', env: process.env });
    outcome[name] = { ok: r.status === 0, minutes: Math.round((Date.now() - t0) / 600) / 100 };
    if (r.status !== 0) log(`${name} failed (exit ${r.status ?? r.signal})`);
  }
  summary(readResults(), startedAt, outcome);
  process.exit(Object.values(outcome).every((o) => o.ok) ? 0 : 1);
}

/** The headline figures, each next to its reference; sections not written by this run are marked stale. */
function summary(results, startedAt, outcome) {
  console.log(`\n================ Summary (bench/results.json) ================`);
  const fresh = (name) => results[name] && results[name].measuredAt >= startedAt;
  for (const [name, o] of Object.entries(outcome)) {
    console.log(`${name.padEnd(12)} ${o.ok ? 'ok' : 'FAILED'} in ${o.minutes} min${fresh(name) ? '' : ' (no new results)'}`);
  }
  const t = fresh('transitions') && results.transitions.results;
  if (t) {
    const rows = [];
    for (const [dialect, r] of Object.entries(t)) {
      for (const l of r.levels) rows.push([dialect, l.concurrency, l.http.transitionsPerSecond, l.raw.transitionsPerSecond, l.throughputRatio, l.http.latencyMs.p50, l.http.latencyMs.p99, l.raw.latencyMs.p99, l.http.errors]);
    }
    printTable('1–2. Transitions: HTTP vs raw driver', ['dialect', 'conc', 'HTTP tr/s', 'raw tr/s', 'HTTP/raw', 'HTTP p50', 'HTTP p99', 'raw p99', 'errors'], rows);
    for (const [dialect, r] of Object.entries(t)) console.log(`   ${dialect} targets (conc 16): ${targetLine(r.targets)}`);
  }
  const l = fresh('lifecycles') && results.lifecycles.results;
  if (l) {
    const rows = [];
    if (l.inProcess) rows.push(['in process', 'decide', l.inProcess.decide.lifecyclesPerSecond, 'bpmn-engine in memory', l.inProcess.bpmnMemory.lifecyclesPerSecond, l.inProcess.ratio]);
    for (const [k, r] of Object.entries(l)) {
      if (k !== 'inProcess' && r) rows.push([k, 'service over HTTP', r.http.lifecyclesPerSecond, 'bpmn-engine + state per wait', r.bpmnPersisted.lifecyclesPerSecond, r.ratio]);
    }
    printTable('3. Full lifecycles per second (5 tasks)', ['where', 'ours', 'lives/s', 'reference', 'lives/s', 'ratio'], rows);
  }
  const i = fresh('inbox') && results.inbox.results;
  if (i) {
    const rows = [];
    for (const [dialect, r] of Object.entries(i)) {
      rows.push([dialect, 'inbox', r.inbox.serviceMs.p50, r.inbox.serviceMs.p95, r.inbox.plainMs.p95, r.inbox.ratioP95, r.inbox.httpMs.p95, r.inbox.targetP95Met ? 'met' : 'MISSED']);
      rows.push([dialect, 'detail + history', r.detail.serviceMs.p50, r.detail.serviceMs.p95, r.detail.plainMs.p95, r.detail.ratioP95, r.detail.httpMs.p95, '']);
    }
    printTable(`4. Reads over ${results.inbox.settings.dossiers.toLocaleString('en')} dossiers (ms)`, ['dialect', 'read', 'service p50', 'p95', 'plain p95', 'ratio', 'HTTP p95', 'p95 < 50'], rows);
  }
  const m = fresh('memory') && results.memory.results;
  if (m) {
    const rows = Object.entries(m).map(([dialect, r]) => [dialect, r.rssMb.first, r.rssMb.last, r.rssMb.max, r.rssMb.lastToFirst, r.rssMb.trendMbPer10k, r.liveHeapMb.beforeLoad, r.liveHeapMb.afterLoad, r.errors]);
    printTable(`5. Memory over ${results.memory.settings.transitions.toLocaleString('en')} transitions (MB)`, ['dialect', 'RSS first', 'last', 'max', 'last/first', 'trend /10k', 'live heap before', 'after', 'errors'], rows);
  }
  const q = fresh('indicators') && results.indicators;
  if (q) {
    // Written by bench/indicators-report.js, which another engineer owns: print what is there without assuming more.
    const rows = Object.entries(q.results ?? {}).map(([dialect, r]) => [dialect, r.reportMs?.p50, r.reportMs?.p95, r.plainCountMs?.p50, r.ratioP50]);
    printTable(`Quarter report over ${q.dossiers?.toLocaleString('en') ?? '?'} dossiers (ms)`, ['dialect', 'report p50', 'p95', 'plain COUNT p50', 'ratio'], rows);
  }
  const imp = fresh('importMemory') && results.importMemory;
  if (imp) {
    const rows = Object.entries(imp.results).flatMap(([dialect, r]) => ['valid', 'bad'].map((file) => [dialect, file, r[file].status, r[file].seconds, r[file].peakRssMb]));
    printTable(`Import of ${imp.settings.importMb} MB of NDJSON (target: peak RSS < 300 MB)`, ['dialect', 'file', 'status', 's', 'peak RSS MB'], rows);
  }
}

function targetLine(t) {
  const f = (x, what) => (x ? `${what} ${x.value} ${x.met ? 'met' : 'MISSED'}` : `${what} not measured`);
  return [f(t.httpToRawAtLeast, 'HTTP/raw ≥ 0.5:'), f(t.p99BelowMs, 'p99 < 30 ms:'), f(t.zeroErrors, 'errors = 0:')].join('; ');
}

try {
  main();
} catch (error) {
  console.error(error);
  process.exit(1);
}
