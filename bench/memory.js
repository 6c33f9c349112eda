#!/usr/bin/env node
/**
 * Benchmark 5 (issue #6): memory of one API instance under a long run of transitions. The API
 * (from dist, child process) takes TRANSITIONS FORWARD / SEND_BACK over HTTP in batches of
 * SAMPLE_EVERY (autocannon, MEMORY_CONCURRENCY connections); after each batch the harness
 * samples the child's RSS (/proc) and V8 heap as they are. The reference is the first sample
 * (after the first batch, warm): a flat series is good, steady growth is a leak. To tell a
 * leak from garbage not yet collected, the live heap (after a forced full collection) is also
 * taken before the load and after the last sample — only there, so that the series itself is
 * what a production instance goes through.
 *
 *   npm run bench:memory
 *
 * Environment:
 *   DIALECTS=postgres          database(s) of the instance (production is PostgreSQL)
 *   TRANSITIONS=100000         transitions in all
 *   SAMPLE_EVERY=10000         transitions per batch (one sample after each)
 *   MEMORY_CONCURRENCY=16      HTTP connections
 *   POOL=1000                  dossiers the transitions rotate over (seeded through the API)
 *   DATABASE_URL               PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test)
 *
 * Prints a table and writes bench/results.json (section "memory").
 */
const { requireBuild, envNumber, envList, round, ratio, writeSection, printTable, log, runMain } = require('./lib/common');
const { throwawayDatabase } = require('./lib/databases');
const { startApi } = require('./lib/api');
const { pickProcedure, seedProcessingDossiers } = require('./lib/dossiers');
const { httpTransitions, refreshPool } = require('./lib/transition-load');

const DIALECTS = envList('DIALECTS', 'postgres');
const TRANSITIONS = envNumber('TRANSITIONS', 100_000);
const SAMPLE_EVERY = envNumber('SAMPLE_EVERY', 10_000);
const CONCURRENCY = envNumber('MEMORY_CONCURRENCY', 16);
const POOL = envNumber('POOL', 1000);
const MB = 1024 * 1024;

async function main() {
  requireBuild();
  if (POOL < 2 * CONCURRENCY) throw new Error(`POOL (${POOL}) must be at least twice MEMORY_CONCURRENCY`);
  const results = {};
  for (const dialect of DIALECTS) results[dialect] = await runDialect(dialect);
  print(results);
  writeSection('memory', { settings: { transitions: TRANSITIONS, sampleEvery: SAMPLE_EVERY, concurrency: CONCURRENCY, pool: POOL }, results });
}

async function runDialect(dialect) {
  const db = await throwawayDatabase(dialect);
  let api;
  try {
    log(`${dialect}: starting the API`);
    api = await startApi(db);
    const procedure = await pickProcedure(api);
    log(`${dialect}: seeding ${POOL} dossiers`);
    const pool = await seedProcessingDossiers(api, procedure, POOL);
    const idle = await sample(api, 0, null, true);
    const samples = [];
    let done = 0;
    let errors = 0;
    while (done < TRANSITIONS) {
      const amount = Math.min(SAMPLE_EVERY, TRANSITIONS - done);
      const r = await httpTransitions(api, pool, procedure, { connections: CONCURRENCY, amount });
      // With `amount`, autocannon waits for every answer: nothing is left in flight.
      await refreshPool(db, pool);
      done += r.transitions;
      errors += r.errors;
      if (r.transitions === 0) throw new Error(`a batch made no transition: ${JSON.stringify(r.errorDetail)}`);
      samples.push(await sample(api, done, r, done >= TRANSITIONS));
      const s = samples.at(-1);
      log(`${dialect}: ${done} transitions, RSS ${s.rssMb} MB, heap ${s.heapUsedMb} MB, ${s.transitionsPerSecond} tr/s`);
    }
    const rss = samples.map((s) => s.rssMb);
    const liveBefore = idle.liveHeapAfterGcMb;
    const liveAfter = samples.at(-1).liveHeapAfterGcMb;
    return {
      idleAfterSeeding: idle,
      samples,
      rssMb: {
        first: rss[0],
        last: rss.at(-1),
        min: Math.min(...rss),
        max: Math.max(...rss),
        growthLastMinusFirst: round(rss.at(-1) - rss[0], 1),
        lastToFirst: ratio(rss.at(-1), rss[0]),
        // Least-squares trend over the samples: the garbage collector's sawtooth makes last − first noisy.
        trendMbPer10k: round(slope(samples.map((x) => x.transitions), rss) * 10_000, 2),
      },
      liveHeapMb: { beforeLoad: liveBefore, afterLoad: liveAfter, afterToBefore: ratio(liveAfter, liveBefore) },
      errors,
    };
  } finally {
    if (api) await api.stop();
    await db.drop();
  }
}

function slope(xs, ys) {
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return num / den;
}

async function sample(api, transitions, batch, withLiveHeap) {
  const rss = api.rssBytes();
  const m = await api.memoryUsage();
  const live = withLiveHeap ? await api.memoryUsage({ gc: true }) : null;
  return {
    transitions,
    rssMb: round(rss / MB, 1),
    heapUsedMb: round(m.heapUsed / MB, 1),
    heapTotalMb: round(m.heapTotal / MB, 1),
    liveHeapAfterGcMb: live ? round(live.heapUsed / MB, 1) : null,
    externalMb: round(m.external / MB, 1),
    transitionsPerSecond: batch ? round(batch.perSecond, 1) : null,
  };
}

function print(results) {
  for (const [dialect, r] of Object.entries(results)) {
    printTable(
      `Memory of one API instance (${dialect}) over ${TRANSITIONS.toLocaleString('en')} transitions, ${CONCURRENCY} connections`,
      ['after transitions', 'RSS MB', 'heap used MB', 'heap total MB', 'live heap MB', 'external MB', 'batch tr/s'],
      [r.idleAfterSeeding, ...r.samples].map((s, i) => [i === 0 ? 'idle, after seeding' : s.transitions, s.rssMb, s.heapUsedMb, s.heapTotalMb, s.liveHeapAfterGcMb, s.externalMb, s.transitionsPerSecond]),
    );
    console.log(
      `${dialect}: RSS first ${r.rssMb.first} MB, last ${r.rssMb.last} MB, min ${r.rssMb.min} MB, max ${r.rssMb.max} MB (last/first ${r.rssMb.lastToFirst}, trend ${r.rssMb.trendMbPer10k} MB per 10,000 transitions); live heap before the load ${r.liveHeapMb.beforeLoad} MB, after ${r.liveHeapMb.afterLoad} MB (after/before ${r.liveHeapMb.afterToBefore}); errors ${r.errors}`,
    );
  }
}

runMain(main);
