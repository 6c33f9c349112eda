/**
 * Preloaded (`node -r`) into the API child by bench/lib/api.js. Harness code, not part of the
 * service: it only adds an IPC handler (and, with BENCH_INSTRUMENT=1, counters around the two
 * database drivers). Messages from the harness:
 *
 * - 'bench:exit' → process.exit(0), which (unlike a signal, which the service's shutdown hooks
 *   re-raise) lets a `--cpu-prof` run write its profile.
 * - {type: 'profile:start'} / {type: 'profile:stop', path} → V8's sampling CPU profiler (the one
 *   behind `--cpu-prof`) through node:inspector, so a profile covers a measured phase only, not
 *   the boot and the seeding. Answers {type: 'profile:stopped', path}.
 * - {type: 'memory', gc} → answers {type: 'memory', usage: process.memoryUsage()}; with `gc`, after
 *   a full garbage collection (through the inspector, no --expose-gc needed): the live heap.
 * - {type: 'counters'} → answers {type: 'counters', statements: {"UPDATE dossier": {n, ms, maxMs}, …}}:
 *   SQL statements sent by the service so far, by verb and table, and the time spent in them —
 *   on SQLite the synchronous call (the database's own work), on PostgreSQL from the call to
 *   the answer (a round trip, including waits for the event loop). BENCH_INSTRUMENT=1 only.
 */
const { writeFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');

const statements = Object.create(null);

/** "UPDATE dossier_step", "SELECT dossier", "BEGIN", … — enough to see what a request costs in round trips. */
function statementKey(sql) {
  const text = String(typeof sql === 'object' && sql !== null ? sql.text : sql).trim();
  const verb = (/^\w+/.exec(text)?.[0] ?? '?').toUpperCase();
  const table = /\b(?:FROM|INTO|UPDATE)\s+"?(\w+)"?/i.exec(text)?.[1];
  return table ? `${verb} ${table}` : verb;
}

function count(sql, ms) {
  const key = statementKey(sql);
  const s = (statements[key] ??= { n: 0, ms: 0, maxMs: 0 });
  s.n++;
  s.ms += ms;
  if (ms > s.maxMs) s.maxMs = ms;
}

if (process.env.BENCH_INSTRUMENT === '1') {
  try {
    const pg = require('pg');
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function countedQuery(config, ...rest) {
      const start = performance.now();
      const result = query.call(this, config, ...rest);
      // TypeORM uses the promise form; the extra handlers do not change what its caller sees.
      if (result && typeof result.then === 'function') {
        const done = () => count(config, performance.now() - start);
        result.then(done, done);
      } else count(config, 0);
      return result;
    };
  } catch {
    // pg not installed: nothing to count
  }
  try {
    const Database = require('better-sqlite3');
    const probe = new Database(':memory:');
    const proto = Object.getPrototypeOf(probe.prepare('SELECT 1'));
    probe.close();
    for (const method of ['run', 'get', 'all', 'iterate']) {
      const original = proto[method];
      proto[method] = function countedStatement(...args) {
        const start = performance.now();
        try {
          return original.apply(this, args);
        } finally {
          count(this.source, performance.now() - start);
        }
      };
    }
  } catch {
    // better-sqlite3 not installed
  }
}

let session = null;

function post(method, params) {
  return new Promise((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
}

async function handle(message) {
  if (message === 'bench:exit') process.exit(0);
  if (message?.type === 'profile:start') {
    const inspector = require('node:inspector');
    session = new inspector.Session();
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 500 }); // µs; --cpu-prof's default is 1000
    await post('Profiler.start');
    process.send({ type: 'profile:started' });
  } else if (message?.type === 'profile:stop') {
    const { profile } = await post('Profiler.stop');
    session.disconnect();
    session = null;
    writeFileSync(message.path, JSON.stringify(profile));
    process.send({ type: 'profile:stopped', path: message.path });
  } else if (message?.type === 'memory') {
    if (message.gc) {
      const inspector = require('node:inspector');
      const gcSession = new inspector.Session();
      gcSession.connect();
      await new Promise((resolve, reject) => gcSession.post('HeapProfiler.collectGarbage', (err) => (err ? reject(err) : resolve())));
      gcSession.disconnect();
    }
    process.send({ type: 'memory', usage: process.memoryUsage() });
  } else if (message?.type === 'counters') {
    process.send({ type: 'counters', statements: structuredClone(statements) });
  }
}

if (process.send) {
  process.on('message', (message) => {
    handle(message).catch((error) => process.send({ type: 'error', message: String(error?.stack ?? error) }));
  });
  // The channel must not keep an otherwise finished process alive.
  process.channel?.unref();
}
