#!/usr/bin/env node
/**
 * Issue #6, acceptance 1: two API instances and one outbox worker on one PostgreSQL and one
 * S3 (MinIO protocol) store, under concurrent load, with a graceful shutdown of one instance and
 * of the worker in the middle of it. `npm run test:scale` (after `npm run build`).
 *
 * Setup: a throwaway database on the machine's PostgreSQL (SCALE_PG_URL / DATABASE_URL /
 * postgres://postgres@127.0.0.1:5432/test), s3rver on 127.0.0.1, a local HTTP receiver for
 * PORTAL_SYNC_URL and WEBHOOK_URL and an SMTP listener for SMTP_URL. `main.js migrate` runs once;
 * instance A then boots and seeds the catalogue and demo accounts, then instance B (both with
 * MIGRATIONS_RUN=off, OUTBOX_DISPATCHER=off and a deadline sweep every few seconds), then the worker.
 *
 * Load: SCALE_CLIENTS (32) clients, each routing its requests alternately to A and B, create
 * dossiers (a third plain, a third with an Idempotency-Key retried on the other instance, a third
 * with the same keyed request sent to both at once), scan (every fourth through a real upload to
 * S3 through an instance, the others reuse a stored scan) and walk them (FORWARD / SEND_BACK),
 * and now and then send the same transition with the same expectedVersion to both instances at
 * once. Part-way, B gets SIGTERM (clients move to A once B stops taking requests, as a load
 * balancer would), later the worker gets SIGTERM and a second worker takes over.
 *
 * Checks, printed as a table (exit 1 on any failure): transitions vs audit rows and versions,
 * unique dossier codes, no duplicate dossier from retried keyed creates, exactly one winner per
 * conflicting pair, every outbox message delivered once (receiver and SMTP counts per key),
 * deadline notifications once per (dossier, kind) with one webhook each, B's in-flight requests
 * answered and its exit 0, A serving after B left, the worker leaving no live claim behind.
 *
 * Knobs: SCALE_CLIENTS, SCALE_DOSSIERS_PER_CLIENT (3), SCALE_TRANSITIONS_PER_CLIENT (24),
 * SCALE_KEEP=1 (keep databases, folders and logs to look at).
 */
'use strict';
const H = require('./lib/harness');

H.requireDist();

const { createClient, outcomeKey, tally } = require('./lib/client');
const { withClient, throwawayDatabase } = require('./lib/postgres');
const { DEMO_PASSWORD, migrate, startProcess, waitForLog, waitHealthy } = require('./lib/processes');
const { startHttpReceiver, startSmtpListener, delayed } = require('./lib/receivers');
const { startS3 } = require('./lib/s3');
const W = require('./lib/workload');

const { check, log } = H;
const envInt = (name, fallback) => (process.env[name] ? Number.parseInt(process.env[name], 10) : fallback);
const CLIENTS = envInt('SCALE_CLIENTS', 32);
const DOSSIERS_PER_CLIENT = envInt('SCALE_DOSSIERS_PER_CLIENT', 3);
const TRANSITIONS_PER_CLIENT = envInt('SCALE_TRANSITIONS_PER_CLIENT', 24);
const OVERDUE_DOSSIERS = 6;
const SWEEP_SECONDS = 3;
/**
 * Until worker-1 is stopped each delivery takes this long at the receiver: less than the load
 * produces (4 in flight at a time), so a backlog builds and worker-1 has deliveries in flight
 * when it gets SIGTERM. Worker-2 then gets quick answers and drains the backlog.
 */
const RECEIVER_DELAY_MS = 150;
const { isClosing503, notSent } = W;

H.runScript('multi-instance (issue #6, acceptance 1)', async () => {
  // ------------------------------------------------------------------ setup
  const db = await throwawayDatabase('scale');
  const s3 = await startS3();
  const receiver = await startHttpReceiver();
  receiver.respond(delayed(RECEIVER_DELAY_MS));
  const smtp = await startSmtpListener();
  const env = {
    DATABASE_URL: db.url,
    ...s3.env(),
    PORTAL_SYNC_URL: receiver.portalUrl,
    WEBHOOK_URL: receiver.webhookUrl,
    SMTP_URL: smtp.url,
    MIGRATIONS_RUN: 'off',
    OUTBOX_DISPATCHER: 'off',
    OUTBOX_POLL_INTERVAL_MS: '200',
    SWEEP_INTERVAL_SECONDS: String(SWEEP_SECONDS),
    // Every dossier of the 16-working-hour test procedure is then due soon from receipt on.
    DUE_SOON_WORKING_HOURS: '24',
    SHUTDOWN_TIMEOUT_SECONDS: '30',
  };
  log(`database ${db.name}, s3rver :${s3.port}, receiver ${receiver.portalUrl}, smtp ${smtp.url}`);
  await migrate(env);
  // One instance first: the startup seed (catalogue, demo accounts) takes no lock, see the report.
  const A = await startProcess({ kind: 'api', name: 'api-a', env });
  await waitHealthy(A);
  const B = await startProcess({ kind: 'api', name: 'api-b', env });
  await waitHealthy(B);
  const worker1 = await startProcess({ kind: 'worker', name: 'worker-1', env });
  await waitForLog(worker1, /motcua worker is running/);
  log(`api-a :${A.port} (pid ${A.pid}), api-b :${B.port} (pid ${B.pid}), worker-1 pid ${worker1.pid}`);

  const ca = createClient(A.base, { name: 'A' });
  const cb = createClient(B.base, { name: 'B' });
  const tokens = await W.loginAll(ca, DEMO_PASSWORD);
  const procedure = await W.createShortProcedure(ca, tokens.admin);
  log(`procedure ${procedure.code}: steps ${procedure.steps.map((s) => s.departmentCode).join(' → ')}, required ${procedure.requiredComponents.join(', ')}`);

  const all = []; // every tracked dossier
  const uploads = []; // {fileId, sha, instance}
  const [componentKey] = procedure.requiredComponents;

  // The scan every "reuse" points at, uploaded through B (stored in S3, read back later through A).
  const first = W.expectStatus(await cb.json('POST', '/api/dossiers', tokens.clerk, { procedureCode: procedure.code, channel: 'direct', applicant: W.APPLICANT }), 201, 'create the first dossier');
  const firstPdf = W.samplePdf();
  const source = W.expectStatus(await cb.upload(`/api/dossiers/${first.id}/components/${componentKey}/files`, tokens.clerk, { bytes: firstPdf, type: 'application/pdf', name: 'ban-scan.pdf' }), 201, 'upload the first scan');
  uploads.push({ fileId: source.id, sha: W.sha256(firstPdf), instance: 'B' });
  const firstTracked = W.trackDossier(first, procedure);
  all.push(firstTracked);
  const digitised = W.nextEvent(firstTracked);
  if (W.recordTransition(firstTracked, await ca.json('POST', `/api/dossiers/${first.id}/events`, tokens.clerk, digitised.body), digitised) !== 'ok') throw new Error('COMPLETE_DIGITISATION of the first dossier failed');

  // Dossiers whose due time the test moves into the past (a real clock would need hours), so the sweeps mark them overdue.
  const overdue = [];
  for (let k = 0; k < OVERDUE_DOSSIERS; k++) {
    const d = W.trackDossier(W.expectStatus(await ca.json('POST', '/api/dossiers', tokens.clerk, { procedureCode: procedure.code, channel: 'direct', applicant: W.APPLICANT }), 201, 'create'), procedure);
    W.expectStatus(await ca.json('POST', `/api/dossiers/${d.id}/components/${componentKey}/reuse`, tokens.clerk, { fileId: source.id }), 201, 'reuse');
    const ev = W.nextEvent(d);
    if (W.recordTransition(d, await ca.json('POST', `/api/dossiers/${d.id}/events`, tokens.clerk, ev.body), ev) !== 'ok') throw new Error('COMPLETE_DIGITISATION failed');
    overdue.push(d);
    all.push(d);
  }
  await withClient(db.url, (c) => c.query(`UPDATE dossier SET due_at = now() - interval '1 hour' WHERE id = ANY($1)`, [overdue.map((d) => d.id)]));

  // ------------------------------------------------------------------ load
  const stats = {
    ops: 0,
    bDown: false,
    createIntents: 0,
    createdIds: new Set(),
    unknownCreates: 0,
    keyed: { sequential: 0, sequentialSame: 0, sequentialOneCreated: 0, twins: 0, twinsSame: 0, twinsOneCreated: 0 },
    pairs: { sent: 0, decided: 0, oneWinner: 0, details: {} },
    unexpected409: [],
    failures: [],
  };
  const expectedOps = CLIENTS * (DOSSIERS_PER_CLIENT * 3 + TRANSITIONS_PER_CLIENT);
  const events = { bSignalAt: null, bExit: null, bInFlight: [], workerSignalAt: null };
  const triggers = [];

  /** The instance for a client's n-th request: alternate, A only once B has been seen going away. */
  const route = (i, n) => (stats.bDown || (i + n) % 2 === 0 ? ca : cb);
  /** A request to B that B did not take (refused, closing, connection closed as it went out): B is leaving. */
  const leaving = (r) => r.instance === 'B' && (r.error?.kind === 'refused' || r.error?.kind === 'reset-idle-socket' || isClosing503(r));
  const tick = () => {
    stats.ops++;
    if (!events.bSignalAt && stats.ops >= 0.35 * expectedOps) triggers.push(stopInstanceB());
    if (!events.workerSignalAt && stats.ops >= 0.6 * expectedOps) triggers.push(replaceWorker());
  };

  /** Sends with `send(client)`; a request B certainly did not process goes to A instead. */
  async function sendRouted(i, n, send) {
    tick();
    const r = await send(route(i, n));
    if (leaving(r)) stats.bDown = true;
    return notSent(r) ? send(ca) : r;
  }

  async function transition(i, n, d) {
    const ev = W.nextEvent(d);
    const r = await sendRouted(i, n, (c) => c.json('POST', `/api/dossiers/${d.id}/events`, tokens[ev.user], ev.body));
    const outcome = W.recordTransition(d, r, ev);
    if (outcome === 'rejected') stats.unexpected409.push(`${d.id} ${ev.body.type}@${ev.body.expectedVersion}: ${outcomeKey(r)}`);
    if (outcome !== 'ok') {
      if (outcome === 'unknown') stats.failures.push(`${r.instance} ${ev.body.type}: ${outcomeKey(r)} ${JSON.stringify(r.body ?? r.error).slice(0, 200)}`);
      await W.resync(ca, tokens.clerk, d);
    }
  }

  /** The same transition, same expectedVersion, to both instances at once: exactly one may win. */
  async function conflictingPair(d) {
    const ev = W.nextEvent(d);
    stats.ops += 2;
    const path = `/api/dossiers/${d.id}/events`;
    const [r1, r2] = await Promise.all([ca.json('POST', path, tokens[ev.user], ev.body), (stats.bDown ? ca : cb).json('POST', path, tokens[ev.user], ev.body)]);
    if (leaving(r2)) stats.bDown = true;
    stats.pairs.sent++;
    const answered = [r1, r2].filter((r) => r.status !== null && r.status < 500);
    const key = [r1, r2].map(outcomeKey).sort().join(' + ');
    stats.pairs.details[key] = (stats.pairs.details[key] ?? 0) + 1;
    // Answers in version order: the winner's 200 moves the dossier on; the loser's 409 is the expected one.
    for (const r of [r1, r2].sort((a, b) => (a.status === 200 ? -1 : 1) - (b.status === 200 ? -1 : 1))) {
      if (r.status === 409) d.rejected.pair409 = (d.rejected.pair409 ?? 0) + 1;
      else W.recordTransition(d, r, ev);
    }
    if (answered.length === 2) {
      stats.pairs.decided++;
      if (answered.filter((r) => r.status === 200).length === 1 && answered.filter((r) => r.status === 409).length === 1) stats.pairs.oneWinner++;
    }
    await W.resync(ca, tokens.clerk, d);
  }

  async function create(i, n, mode) {
    stats.createIntents++;
    const body = { procedureCode: procedure.code, channel: 'direct', applicant: W.APPLICANT };
    const key = `scale-${i}-${n}-${Math.random().toString(36).slice(2)}`;
    const post = (c, withKey) => c.json('POST', '/api/dossiers', tokens.clerk, body, withKey ? { headers: { 'idempotency-key': key } } : {});
    const created = (r) => r.status === 201 || r.status === 200;
    let result = null;
    if (mode === 'plain') {
      const r = await sendRouted(i, n, (c) => post(c, false));
      if (r.status === 201) result = r.body;
      else {
        stats.unknownCreates++;
        stats.failures.push(`create: ${outcomeKey(r)}`);
      }
    } else {
      let r1;
      let r2;
      if (mode === 'sequential') {
        // The first attempt, then the retry of a client unsure of the outcome, on the other instance.
        r1 = await sendRouted(i, n, (c) => post(c, true));
        tick();
        r2 = await post(r1.instance === 'A' && !stats.bDown ? cb : ca, true);
      } else {
        // Twins: the same keyed request to both instances at once (a client that gave up waiting and retried elsewhere).
        stats.ops += 2;
        [r1, r2] = await Promise.all([post(ca, true), post(stats.bDown ? ca : cb, true)]);
      }
      if (leaving(r1) || leaving(r2)) stats.bDown = true;
      // What the Idempotency-Key is for: a request without an answer (refused, reset, 5xx) is sent again, here
      // through A, so each intent ends with two answers — which must name the same dossier.
      const retry = async (r) => {
        for (let k = 0; k < 2 && (r.error || r.status >= 500); k++) r = await post(ca, true);
        return r;
      };
      r1 = await retry(r1);
      r2 = await retry(r2);
      const ok = [r1, r2].filter(created);
      const group = mode === 'sequential' ? 'sequential' : 'twins';
      stats.keyed[group]++;
      if (ok.length === 2 && ok[0].body.id === ok[1].body.id) {
        stats.keyed[`${group}Same`]++;
        // One 201 and one replay; should a request without an answer have been processed after all, both may be replays.
        const replayed = ok.filter((r) => r.status === 200 && r.headers['idempotent-replayed'] === 'true').length;
        if (ok.filter((r) => r.status === 201).length <= 1 && ok.filter((r) => r.status === 201).length + replayed === 2) stats.keyed[`${group}OneCreated`]++;
      } else stats.failures.push(`keyed ${group}: ${outcomeKey(r1)} + ${outcomeKey(r2)}`);
      result = ok[0]?.body ?? null;
      if (!result) stats.unknownCreates++;
    }
    if (!result) return null;
    stats.createdIds.add(result.id);
    return W.trackDossier(result, procedure);
  }

  async function digitise(i, n, d, upload) {
    let r;
    if (upload) {
      const pdf = W.samplePdf();
      r = await sendRouted(i, n, (c) => c.upload(`/api/dossiers/${d.id}/components/${componentKey}/files`, tokens.clerk, { bytes: pdf, type: 'application/pdf', name: 'ban-scan.pdf' }));
      if (r.status === 201) uploads.push({ fileId: r.body.id, sha: W.sha256(pdf), instance: r.instance });
    } else {
      r = await sendRouted(i, n, (c) => c.json('POST', `/api/dossiers/${d.id}/components/${componentKey}/reuse`, tokens.clerk, { fileId: source.id }));
    }
    if (r.status !== 201) {
      stats.failures.push(`${upload ? 'upload' : 'reuse'}: ${outcomeKey(r)} ${JSON.stringify(r.body ?? r.error).slice(0, 200)}`);
      // Try once more on A (a scan is needed to go on; a second file does no harm).
      r = await ca.json('POST', `/api/dossiers/${d.id}/components/${componentKey}/reuse`, tokens.clerk, { fileId: source.id });
      if (r.status !== 201) return false;
    }
    await transition(i, n + 1, d);
    return d.state === 'processing';
  }

  async function stopInstanceB() {
    // Snapshot B's requests in flight at the signal; they must all be answered.
    events.bInFlight = [...cb.inFlight].map((r) => Object.assign(r, { sentAtSignal: r.sent }));
    events.bSignalAt = Date.now();
    log(`SIGTERM → api-b with ${events.bInFlight.length} requests in flight (${stats.ops} of ~${expectedOps} requests sent)`);
    B.signal('SIGTERM');
    events.bExit = await Promise.race([B.exited, H.sleep(60_000).then(() => null)]);
    log(`api-b exited ${JSON.stringify(events.bExit)} after ${events.bExit ? events.bExit.at - events.bSignalAt : '>60000'} ms`);
  }

  async function replaceWorker() {
    events.workerSignalAt = Date.now();
    const workerId = /Outbox dispatcher (\S+): polls/.exec(worker1.log())?.[1];
    // Signal while deliveries are in flight (the receiver holds each for a while; bounded wait).
    await H.waitFor('a delivery in flight', () => receiver.requests.some((q) => q.answered === null), { timeoutMs: 10_000, intervalMs: 20 }).catch(() => undefined);
    const inFlight = receiver.requests.filter((q) => q.answered === null);
    log(`SIGTERM → worker-1 (${workerId}) with ${inFlight.length} deliveries in flight at the receiver`);
    worker1.signal('SIGTERM');
    const exit = await Promise.race([worker1.exited, H.sleep(60_000).then(() => null)]);
    const after = await withClient(db.url, (c) =>
      c.query(
        `SELECT count(*) FILTER (WHERE status = 'delivering')::int AS delivering,
                count(*) FILTER (WHERE status = 'delivering' AND locked_until > now())::int AS live,
                count(*) FILTER (WHERE locked_by = $1)::int AS held
         FROM outbox_message`,
        [workerId ?? '?'],
      ),
    );
    const { delivering, live, held } = after.rows[0];
    events.worker = { workerId, exit, inFlight: inFlight.length, inFlightAnswered: inFlight.filter((q) => q.answered === 200).length, delivering, live, held, log: worker1.log() };
    log(`worker-1 exited ${JSON.stringify(exit)}; messages still claimed: ${delivering} (live leases ${live}, held by worker-1 ${held})`);
    receiver.respond(delayed(5));
    const worker2 = await startProcess({ kind: 'worker', name: 'worker-2', env });
    await waitForLog(worker2, /motcua worker is running/);
    events.worker2 = worker2;
    log('worker-2 is running');
  }

  async function client(i) {
    const mine = [];
    let n = 0;
    for (let k = 0; k < DOSSIERS_PER_CLIENT; k++) {
      const mode = ['plain', 'sequential', 'twins'][(i + k) % 3];
      const d = await create(i, n++, mode);
      if (!d) continue;
      all.push(d);
      if (await digitise(i, n, d, (i * DOSSIERS_PER_CLIENT + k) % 4 === 0)) mine.push(d);
      n += 2;
    }
    if (mine.length === 0) return;
    for (let t = 0; t < TRANSITIONS_PER_CLIENT; t++) {
      const d = mine[t % mine.length];
      if (t % 6 === 5) await conflictingPair(d);
      else await transition(i, n, d);
      n++;
    }
  }

  log(`load: ${CLIENTS} clients × (${DOSSIERS_PER_CLIENT} dossiers, ${TRANSITIONS_PER_CLIENT} transitions); ~${expectedOps} requests`);
  const loadStart = Date.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
  // The triggers fire at fixed progress; should the load end first (it should not), fire them now.
  if (!events.bSignalAt) triggers.push(stopInstanceB());
  if (!events.workerSignalAt) triggers.push(replaceWorker());
  await Promise.all(triggers);
  const loadEnd = Date.now();
  log(`load finished in ${Math.round((loadEnd - loadStart) / 1000)} s: ${ca.outcomes.length} requests answered by A, ${cb.outcomes.length} by B`);

  // ------------------------------------------------------------------ drain
  // Let the sweep of A run at least twice after the load (B is gone), then wait for the outbox to empty.
  await H.sleep(2 * SWEEP_SECONDS * 1000 + 500);
  const drainStart = Date.now();
  let quiet = 0;
  let counts = null;
  await H.waitFor(
    'the outbox to drain',
    async () => {
      const r = await ca.json('GET', '/api/admin/outbox?pageSize=1', tokens.admin);
      if (r.status !== 200) return false;
      counts = r.body.counts;
      quiet = counts.pending + counts.delivering === 0 ? quiet + 1 : 0;
      return quiet >= 3;
    },
    { timeoutMs: 180_000, intervalMs: 1_000 },
  );
  log(`outbox drained ${Math.round((Date.now() - drainStart) / 1000)} s after the sweeps: ${JSON.stringify(counts)}`);

  // ------------------------------------------------------------------ checks
  // Requests by instance and outcome.
  const outcomeRows = [];
  for (const c of [ca, cb]) for (const [k, v] of Object.entries(tally(c.outcomes)).sort()) outcomeRows.push([c.name, k, v]);
  H.printTable('requests by instance and outcome', ['instance', 'outcome', 'count'], outcomeRows);
  H.printTable('conflicting pairs (same transition, same expectedVersion, both instances at once)', ['outcomes', 'pairs'], Object.entries(stats.pairs.details));
  if (stats.failures.length) console.log(`requests with an unexpected outcome (first 20):\n  ${stats.failures.slice(0, 20).join('\n  ')}`);

  const S1 = 'transitions';
  await W.checkTransitions(S1, db.url, all);
  check(S1, 'unexpected 409 on a client’s own dossier (no concurrent writer)', stats.unexpected409.length, 0);
  if (stats.unexpected409.length) console.log(stats.unexpected409.slice(0, 10).join('\n'));
  check(S1, 'conflicting pairs answered on both sides with one 200 and one 409', stats.pairs.oneWinner, stats.pairs.decided);
  check(S1, 'conflicting pairs answered on both sides (of sent)', stats.pairs.decided, `≥ ${Math.ceil(stats.pairs.sent * 0.8)} of ${stats.pairs.sent}`, stats.pairs.decided >= stats.pairs.sent * 0.8);

  const S2 = 'creates';
  const dbDossiers = await withClient(db.url, async (c) => (await c.query('SELECT count(*)::int AS n FROM dossier')).rows[0].n);
  const known = stats.createdIds.size + 1 + OVERDUE_DOSSIERS;
  check(S2, 'dossiers in the database = distinct dossiers the clients were given', dbDossiers, stats.unknownCreates ? `${known}..${known + stats.unknownCreates}` : known, dbDossiers >= known && dbDossiers <= known + stats.unknownCreates);
  check(S2, 'create intents that got a dossier', stats.createdIds.size, stats.createIntents - stats.unknownCreates);
  check(S2, 'keyed create retried on the other instance → the same dossier', stats.keyed.sequentialSame, stats.keyed.sequential);
  check(S2, '… at most one 201, the other answer 200 with Idempotent-Replayed', stats.keyed.sequentialOneCreated, stats.keyed.sequentialSame);
  check(S2, 'keyed create sent to both instances at once → the same dossier', stats.keyed.twinsSame, stats.keyed.twins);
  check(S2, '… at most one 201, the other answer 200 with Idempotent-Replayed', stats.keyed.twinsOneCreated, stats.keyed.twinsSame);

  const S3 = 'files (S3)';
  let sameBytes = 0;
  for (const u of uploads) {
    const raw = await fetch(`${A.base}/api/files/${u.fileId}`, { headers: { authorization: `Bearer ${tokens.clerk}` } });
    if (raw.ok && W.sha256(Buffer.from(await raw.arrayBuffer())) === u.sha) sameBytes++;
  }
  const puts = s3.requests.filter((q) => q.startsWith('PUT ') && q.split('/').length > 2).length;
  check(S3, `scans uploaded through the instances (${uploads.filter((u) => u.instance === 'A').length} via A, ${uploads.filter((u) => u.instance === 'B').length} via B), read back through A byte for byte`, sameBytes, uploads.length);
  check(S3, 'uploads during the load', uploads.length, '≥ 4', uploads.length >= 4);
  check(S3, 's3rver received object PUTs (file + signature per upload)', puts, `≥ ${uploads.length}`, puts >= uploads.length);

  const S4 = 'outbox';
  const outbox = await W.checkOutbox(S4, db.url, receiver, smtp);
  H.printTable('outbox messages delivered by channel', ['channel', 'delivered'], Object.entries(outbox.byChannel));
  const w = events.worker;
  check(S4, 'worker-1 had deliveries in flight at its SIGTERM', w.inFlight, '> 0', w.inFlight > 0);
  check(S4, '… and finished them (receiver answered 200)', w.inFlightAnswered, w.inFlight);
  check(S4, 'worker-1 exit after SIGTERM', w.exit ? (w.exit.signal ?? `code ${w.exit.code}`) : 'still running', 'code 0', Boolean(w.exit) && w.exit.code === 0);
  check(S4, 'messages left claimed (delivering) with a live lease after worker-1 exited', w.live, 0);
  check(S4, 'messages still held by worker-1 after it exited', w.held, 0);

  const S5 = 'deadline sweep';
  const dl = await withClient(db.url, async (c) => {
    const n = (await c.query('SELECT count(*)::int AS n, count(DISTINCT (dossier_id, kind))::int AS d FROM deadline_notification')).rows[0];
    const byKind = Object.fromEntries((await c.query('SELECT kind, count(*)::int AS n FROM deadline_notification GROUP BY kind')).rows.map((r) => [r.kind, r.n]));
    const messages = (await c.query(`SELECT count(*)::int AS n FROM outbox_message WHERE topic LIKE 'deadline.%'`)).rows[0].n;
    const matched = (
      await c.query(
        `SELECT count(*)::int AS n FROM deadline_notification d
         WHERE (SELECT count(*) FROM outbox_message o WHERE o.idempotency_key = d.dossier_id || ':deadline.' || d.kind || ':webhook') = 1`,
      )
    ).rows[0].n;
    const dueSoonMissing = (
      await c.query(
        `SELECT count(*)::int AS n FROM dossier x WHERE x.procedure_code = $1 AND x.state = 'processing' AND x.paused_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM deadline_notification d WHERE d.dossier_id = x.id AND d.kind = 'due_soon')`,
        [procedure.code],
      )
    ).rows[0].n;
    const overdueRows = (await c.query(`SELECT count(*)::int AS n FROM deadline_notification WHERE kind = 'overdue' AND dossier_id = ANY($1)`, [overdue.map((d) => d.id)])).rows[0].n;
    const overdueFlag = (await c.query(`SELECT count(*)::int AS n FROM dossier WHERE deadline_status = 'overdue' AND id = ANY($1)`, [overdue.map((d) => d.id)])).rows[0].n;
    return { n, byKind, messages, matched, dueSoonMissing, overdueRows, overdueFlag };
  });
  const sweepSums = [A, B].map((p) => [...p.log().matchAll(/Sweep: \d+ examined, \d+ changed, (\d+) notifications/g)].reduce((a, m) => a + Number(m[1]), 0));
  H.printTable('deadline notifications written, by the instance whose sweep wrote them (from the logs)', ['instance', 'notifications'], [['A', sweepSums[0]], ['B', sweepSums[1]]]);
  check(S5, `deadline_notification rows (due_soon ${dl.byKind.due_soon ?? 0}, overdue ${dl.byKind.overdue ?? 0}) unique per (dossier, kind)`, dl.n.d, dl.n.n);
  check(S5, 'rows written = sum of what each instance’s sweep reported writing', sweepSums[0] + sweepSums[1], dl.n.n);
  check(S5, 'webhook messages for deadlines = notification rows', dl.messages, dl.n.n);
  check(S5, 'notification rows with exactly one webhook message (same key)', dl.matched, dl.n.n);
  check(S5, 'dossiers of the 16-hour procedure in processing without a due_soon notification', dl.dueSoonMissing, 0);
  check(S5, 'backdated dossiers flagged overdue, with one overdue notification each', `${dl.overdueFlag} / ${dl.overdueRows}`, `${OVERDUE_DOSSIERS} / ${OVERDUE_DOSSIERS}`);

  const S6 = 'graceful shutdown';
  const inFlight = events.bInFlight;
  const inFlightSent = inFlight.filter((r) => r.sentAtSignal);
  const inFlightTally = tally(inFlight);
  H.printTable('api-b: requests in flight at its SIGTERM, by outcome', ['outcome', 'count'], Object.entries(inFlightTally));
  const afterSignal = cb.outcomes.filter((r) => r.startedAt > events.bSignalAt);
  H.printTable('api-b: requests sent after its SIGTERM, by outcome', ['outcome', 'count'], Object.entries(tally(afterSignal)));
  check(S6, 'api-b had requests in flight at SIGTERM', inFlight.length, '> 0', inFlight.length > 0);
  check(S6, `requests fully sent to api-b before its SIGTERM (${inFlightSent.length} of ${inFlight.length} in flight) that got an HTTP answer (no reset)`, inFlightSent.filter((r) => r.status !== null && !r.error).length, inFlightSent.length);
  check(S6, '… answered by the service itself (not 5xx)', inFlightSent.filter((r) => r.status !== null && r.status < 500).length, inFlightSent.length);
  // A request written onto a kept-alive connection just as api-b closed it while idle is the usual keep-alive race
  // (counted as reset-idle-socket in the tables above, outcome treated as unknown); a reset of a connection
  // that was serving a request, or no answer at all, would be the service's fault.
  check(S6, 'requests to api-b reset mid-request or unanswered (not counting the idle keep-alive race)', cb.outcomes.filter((r) => r.error?.kind === 'reset' || r.error?.kind === 'timeout').length, 0);
  check(S6, 'api-b exit after SIGTERM', events.bExit ? `code ${events.bExit.code}${events.bExit.signal ? ` ${events.bExit.signal}` : ''}` : 'still running', 'code 0');
  const bExitAt = events.bExit?.at ?? Infinity;
  const aAfter = ca.outcomes.filter((r) => r.startedAt > bExitAt);
  check(S6, 'requests answered 2xx by api-a after api-b exited', aAfter.filter((r) => r.status >= 200 && r.status < 300).length, '> 0', aAfter.filter((r) => r.status >= 200 && r.status < 300).length > 0);
  check(S6, 'api-a: transport errors or 5xx during the whole run', ca.outcomes.filter((r) => r.error || r.status >= 500).length, 0);
  check(S6, 'api-a still healthy at the end', (await ca.json('GET', '/api/health')).status, 200);

  ca.close();
  cb.close();
});
