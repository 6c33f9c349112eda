/**
 * Load of repeatable transitions on dossiers in processing, and the raw references.
 *
 * The pair of events: FORWARD (step 1 → 2, by step 1's handler) and SEND_BACK (step 2 → 1,
 * by step 2's handler, with a reason). Both stay in `processing`, so a dossier can take them
 * forever; each one closes a step and opens the next in the deadline clock, as in real use.
 *
 * No request ever conflicts by construction: a dossier is in at most one request at a time
 * (HTTP: it is taken from a free list when a request is built and returned when its answer
 * arrives; raw: each connection owns a fixed share of the dossiers). So any 409 is an error
 * of the service, and is counted as one.
 */
const { randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { openSqlite, sqliteTime } = require('./databases');

const SEND_BACK_REASON = 'Cần thẩm định lại số liệu';

/** The event a dossier at `step` (0 or 1) takes next. */
function nextEvent(step, version) {
  return step === 0 ? { type: 'FORWARD', expectedVersion: version } : { type: 'SEND_BACK', expectedVersion: version, reason: SEND_BACK_REASON };
}

/** Who the token says it is (the raw references write the same actor columns as the service). */
function actorOf(token) {
  const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
  return { id: payload.sub, username: payload.username };
}

/**
 * Transitions over HTTP with autocannon (in this process, one HTTP/1.1 keep-alive connection
 * per virtual client, no pipelining, 127.0.0.1), for `warmupS` + `durationS` seconds, or until
 * `amount` requests.
 *
 * The warm-up runs on the same connections and is cut out of the figures: opening many
 * connections at once on a saturated instance delays their first requests by up to seconds
 * (seen at 64), a ramp a separate warm-up run would hit again at the start of the measured one.
 * Counted: 2xx answers arriving in the measured window; latencies: those whose request was
 * also sent in it (autocannon's per-response timings, sub-millisecond; its own histogram keeps
 * whole milliseconds). Errors (non-2xx, socket errors, timeouts) are counted over the whole run.
 */
async function httpTransitions(api, pool, procedure, { connections, durationS, warmupS = 0, amount }) {
  const autocannon = require('autocannon');
  const tokens = await Promise.all(procedure.handlers.map((u) => api.login(u)));
  const free = pool.slice();
  // Dossiers whose request has been sent but not answered: when the run stops, the service still
  // commits some of them after the harness has moved on, so the caller leaves them out of the next phase.
  const inFlight = new Set();
  const latencies = [];
  const failures = {};
  let ok = 0;
  let okAll = 0;
  let dry = 0;
  const request = {
    method: 'POST',
    setupRequest(req, context) {
      let d = free.shift();
      if (!d) {
        // Only after many failures (failed dossiers are not returned): reuse one, which will conflict and count.
        dry++;
        d = pool[Math.floor(Math.random() * pool.length)];
      }
      context.d = d;
      inFlight.add(d.id);
      req.path = `/api/dossiers/${d.id}/events`;
      req.headers = { 'content-type': 'application/json', authorization: `Bearer ${tokens[d.step]}` };
      req.body = JSON.stringify(nextEvent(d.step, d.version));
      return req;
    },
    onResponse(status, body, context) {
      const d = context.d;
      inFlight.delete(d.id);
      if (status === 200) {
        d.version++;
        d.step = 1 - d.step;
        free.push(d);
        return;
      }
      let code = '';
      try {
        code = JSON.parse(body).error ?? '';
      } catch {
        // not JSON
      }
      const key = `${status} ${code}`.trim();
      if (!failures[key]) failures[key] = { count: 0, sample: String(body).slice(0, 300) };
      failures[key].count++;
    },
  };
  const options = { url: api.base, connections, pipelining: 1, timeout: 10, requests: [request] };
  if (amount) options.amount = amount;
  else options.duration = warmupS + durationS;
  const t0 = performance.now();
  const from = t0 + warmupS * 1000;
  const run = autocannon(options);
  run.on('response', (_client, status, _bytes, ms) => {
    const now = performance.now();
    if (status < 200 || status >= 300) return;
    okAll++;
    if (now < from) return;
    ok++;
    if (now - ms >= from) latencies.push(ms);
  });
  const result = await run;
  const seconds = (performance.now() - from) / 1000;
  const non2xx = result.non2xx;
  return {
    transitions: ok,
    seconds,
    perSecond: ok / seconds,
    /** Including the warm-up (what a profile of the whole run covers). */
    transitionsInRun: okAll,
    latencies,
    // autocannon's errors include timeouts; non2xx are answered requests that were not 2xx (409s among them).
    errors: result.errors + non2xx,
    errorDetail: { socketErrors: result.errors - result.timeouts, timeouts: result.timeouts, non2xx, byStatus: failures, poolRanDry: dry },
    inFlight: [...inFlight],
  };
}

/**
 * The same transaction shape sent straight through `pg`: read the row, compare-and-set
 * `version` (with the new snapshot and placement), insert the audit row; one connection per
 * concurrent client, each owning its own dossiers. The snapshot is parsed and re-serialised
 * (any implementation must), but nothing else of the service runs: no HTTP, auth,
 * validation, workflow decision, deadline clock, view or TypeORM.
 */
async function rawPgTransitions(db, pool, procedure, actors, { connections, durationS }) {
  const { Client } = require('pg');
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const c = new Client({ connectionString: db.pgUrl });
      await c.connect();
      return c;
    }),
  );
  const owned = clients.map((_, w) => pool.filter((_, i) => i % connections === w).map((d) => d.id));
  const latencies = [];
  const failures = [];
  const t0 = performance.now();
  const deadline = t0 + durationS * 1000;
  await Promise.all(
    clients.map(async (c, w) => {
      for (let k = 0; performance.now() < deadline; k++) {
        const id = owned[w][k % owned[w].length];
        const s = performance.now();
        try {
          await pgTransition(c, id, procedure, actors);
          latencies.push(performance.now() - s);
        } catch (error) {
          failures.push(String(error.message ?? error));
          await c.query('ROLLBACK').catch(() => undefined);
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(clients.map((c) => c.end()));
  return result(latencies, failures, seconds);
}

async function pgTransition(c, id, procedure, actors) {
  await c.query('BEGIN');
  const { rows } = await c.query('SELECT * FROM dossier WHERE id = $1', [id]);
  const row = rows[0];
  const t = flip(row, procedure, actors);
  const now = new Date();
  const u = await c.query(
    'UPDATE dossier SET snapshot = $1, version = $2, current_step_index = $3, current_department_code = $4, updated_at = $5 WHERE id = $6 AND version = $7',
    [t.snapshot, row.version + 1, t.to, t.department, now, id, row.version],
  );
  if (u.rowCount !== 1) throw new Error(`version conflict on ${id}`);
  await c.query(
    `INSERT INTO dossier_event (id, dossier_id, version, type, from_state, to_state, step_from, step_to, actor_id, actor_username, payload, details, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [randomUUID(), id, row.version + 1, t.type, row.state, row.state, t.from, t.to, t.actor.id, t.actor.username, t.payload, null, now],
  );
  await c.query('COMMIT');
}

/**
 * The raw reference on SQLite: better-sqlite3 on the same file, WAL + synchronous=NORMAL (the
 * service's pragmas), prepared statements, one transaction per transition. One connection
 * serialises everything (as the service's UnitOfWork queue does on SQLite), so `connections`
 * clients wait in a FIFO queue and each latency includes the wait for the others — what a
 * client of the service sees at that concurrency. Throughput does not depend on it.
 */
async function rawSqliteTransitions(db, pool, procedure, actors, { connections, durationS }) {
  const s = openSqlite(db);
  const select = s.prepare('SELECT * FROM dossier WHERE id = ?');
  const update = s.prepare('UPDATE dossier SET snapshot = ?, version = ?, current_step_index = ?, current_department_code = ?, updated_at = ? WHERE id = ? AND version = ?');
  const insert = s.prepare(
    `INSERT INTO dossier_event (id, dossier_id, version, type, from_state, to_state, step_from, step_to, actor_id, actor_username, payload, details, occurred_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const transition = s.transaction((id) => {
    const row = select.get(id);
    const t = flip(row, procedure, actors);
    const now = sqliteTime(new Date());
    const u = update.run(t.snapshot, row.version + 1, t.to, t.department, now, id, row.version);
    if (u.changes !== 1) throw new Error(`version conflict on ${id}`);
    insert.run(randomUUID(), id, row.version + 1, t.type, row.state, row.state, t.from, t.to, t.actor.id, t.actor.username, t.payload, null, now);
  });
  const owned = Array.from({ length: connections }, (_, w) => pool.filter((_, i) => i % connections === w).map((d) => d.id));
  let tail = Promise.resolve();
  const serialised = (fn) => {
    const p = tail.then(fn);
    tail = p.catch(() => undefined);
    return p;
  };
  const latencies = [];
  const failures = [];
  const t0 = performance.now();
  const deadline = t0 + durationS * 1000;
  await Promise.all(
    owned.map(async (ids) => {
      for (let k = 0; performance.now() < deadline; k++) {
        const id = ids[k % ids.length];
        const start = performance.now();
        try {
          // IMMEDIATE: take the write lock first. A deferred transaction that read and then writes
          // fails at once (SQLITE_BUSY, no wait) if the API child wrote meanwhile (its outbox poller does).
          await serialised(() => transition.immediate(id));
          latencies.push(performance.now() - start);
        } catch (error) {
          failures.push(String(error.message ?? error));
        }
        // No yield here: the next transition queues at once behind the other clients', which is
        // what keeps `connections` of them waiting (a yield would let each run alone in turn).
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  s.close();
  return result(latencies, failures, seconds);
}

/** The next state of a dossier moving between its two steps (what FORWARD / SEND_BACK write). */
function flip(row, procedure, actors) {
  const snapshot = JSON.parse(row.snapshot);
  const from = snapshot.context.stepIndex;
  const to = from === 0 ? 1 : 0;
  snapshot.context.stepIndex = to;
  const event = nextEvent(from, row.version);
  const { type, expectedVersion: _v, ...payload } = event;
  return { snapshot: JSON.stringify(snapshot), from, to, department: procedure.steps[to].departmentCode, type, payload: JSON.stringify(payload), actor: actors[from] };
}

function result(latencies, failures, seconds) {
  const byMessage = {};
  for (const f of failures) byMessage[f] = (byMessage[f] ?? 0) + 1;
  return { transitions: latencies.length, seconds, perSecond: latencies.length / seconds, latencies, errors: failures.length, errorDetail: byMessage };
}

/**
 * Re-reads version and step of the pooled dossiers from the database, after a phase: failed
 * requests and the raw references moved dossiers without the pool knowing. (Requests still in
 * flight when an HTTP run stopped may commit later; see `inFlight` in httpTransitions.)
 */
async function refreshPool(db, pool) {
  const ids = pool.map((d) => d.id);
  let rows;
  if (db.dialect === 'postgres') {
    const { Client } = require('pg');
    const c = new Client({ connectionString: db.pgUrl });
    await c.connect();
    rows = (await c.query('SELECT id, version, current_step_index, state FROM dossier WHERE id = ANY($1)', [ids])).rows;
    await c.end();
  } else {
    const s = openSqlite(db);
    const q = s.prepare('SELECT id, version, current_step_index, state FROM dossier WHERE id = ?');
    rows = ids.map((id) => q.get(id));
    s.close();
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const d of pool) {
    const r = byId.get(d.id);
    if (!r || r.state !== 'processing' || (r.current_step_index !== 0 && r.current_step_index !== 1)) {
      throw new Error(`pooled dossier ${d.id} left processing: ${JSON.stringify(r)}`);
    }
    d.version = Number(r.version);
    d.step = Number(r.current_step_index);
  }
}

module.exports = { httpTransitions, rawPgTransitions, rawSqliteTransitions, refreshPool, actorOf, nextEvent };
