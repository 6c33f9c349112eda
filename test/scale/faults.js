#!/usr/bin/env node
/**
 * Issue #6, acceptance 2: the built service under three faults. `npm run test:faults` (after `npm run build`).
 *
 * 1. PostgreSQL restarted under load. A throwaway cluster (initdb into a temp folder, pg_ctl on a
 *    free port, trust auth; as root the postgres system user runs it) serves one API instance with
 *    its in-process outbox dispatcher. Clients walk dossiers; `pg_ctl stop -m fast`; while the
 *    database is down every request must be answered 503 SERVICE_UNAVAILABLE within a few
 *    seconds (no 500, no hang); `pg_ctl start`; the same API process must serve again by itself;
 *    afterwards versions, audit rows and step rows agree (nothing half-applied) and the outbox
 *    drains (at least once: a delivery whose outcome could not be recorded is made again).
 * 2. The outbox worker SIGKILLed mid-delivery (the receiver holds each first attempt): a second
 *    worker delivers those messages only after their lease (OUTBOX_LEASE_SECONDS=5) ran out, each
 *    is accepted once, and a later version of the same dossier is not delivered before them.
 * 3. MinIO (s3rver) down: uploads answer 503 STORAGE_UNAVAILABLE while reads, transitions and
 *    creates keep answering 200/201; once s3rver is back on the same port and data, uploads work
 *    again and earlier files read back intact — without restarting the API.
 *
 * Checks are printed as a table; exit 1 on any failure. SCALE_KEEP=1 keeps folders, logs and databases.
 */
'use strict';
const H = require('./lib/harness');

H.requireDist();

const { createClient, outcomeKey } = require('./lib/client');
const { throwawayCluster, throwawayDatabase, withClient } = require('./lib/postgres');
const { DEMO_PASSWORD, startProcess, waitForLog, waitHealthy } = require('./lib/processes');
const { startHttpReceiver } = require('./lib/receivers');
const { startS3 } = require('./lib/s3');
const W = require('./lib/workload');

const { check, log, sleep } = H;

/** While the database is down, an answer must come within this bound (the pool's connect timeout is 3 s). */
const FAIL_FAST_MS = 5_000;

H.runScript('faults (issue #6, acceptance 2)', async () => {
  await postgresRestart();
  await workerKilled();
  await storageDown();
});

// ------------------------------------------------------------------------------------------------
async function postgresRestart() {
  const S = 'PG restart';
  log('== fault 1: PostgreSQL stopped (fast) and started again under load');
  const cluster = await throwawayCluster();
  await withClient(cluster.url, (c) => c.query('CREATE DATABASE motcua'));
  const dbUrl = cluster.url.replace(/\/postgres$/, '/motcua');
  const receiver = await startHttpReceiver();
  const api = await startProcess({
    kind: 'api',
    name: 'api-pg',
    env: {
      DATABASE_URL: dbUrl,
      PORTAL_SYNC_URL: receiver.portalUrl,
      WEBHOOK_URL: receiver.webhookUrl,
      // The in-process dispatcher must recover by itself too; a claim whose outcome could not be recorded is due again soon.
      OUTBOX_DISPATCHER: 'on',
      OUTBOX_POLL_INTERVAL_MS: '200',
      OUTBOX_LEASE_SECONDS: '10',
      OUTBOX_DELIVERY_TIMEOUT_SECONDS: '2',
      OUTBOX_BATCH_SIZE: '4',
      OUTBOX_CONCURRENCY: '4',
      OUTBOX_BACKOFF_BASE_SECONDS: '1',
      OUTBOX_BACKOFF_MAX_SECONDS: '2',
      SWEEP_INTERVAL_SECONDS: '2',
    },
  });
  await waitHealthy(api);
  const c = createClient(api.base, { name: 'api', timeoutMs: 20_000 });
  const tokens = await W.loginAll(c, DEMO_PASSWORD);
  const procedure = await W.pickSeededProcedure(c, tokens.clerk);
  const dossiers = await W.seedProcessing(c, tokens, procedure, 24);
  log(`${dossiers.length} dossiers of ${procedure.code} in processing; load starts`);

  const t = { stopAt: null, stoppedAt: null, startAt: null, startedAt: null };
  let running = true;
  const failures = [];
  const CLIENTS = 8;
  const worker = async (i) => {
    const mine = dossiers.filter((_, k) => k % CLIENTS === i);
    const stale = new Set(); // dossiers whose version the client is unsure of (after a 409 or an unknown outcome)
    for (let n = 0; running; n++) {
      const d = mine[n % mine.length];
      // One attempt to re-read a dossier whose version is uncertain; while the database is down it fails, and the
      // transition below goes out anyway with the last known version (503 while down; 200 or 409 once it is back).
      if (stale.has(d.id) && (await W.resync(c, tokens.clerk, d))) stale.delete(d.id);
      let r;
      if (n % 2 === 0) {
        const ev = W.nextEvent(d);
        r = await c.json('POST', `/api/dossiers/${d.id}/events`, tokens[ev.user], ev.body, { label: 'transition' });
        const outcome = W.recordTransition(d, r, ev);
        // A 409 is expected only when an earlier request on this dossier had an unknown outcome.
        if (outcome === 'rejected' && d.unknown === 0) failures.push(`${ev.body.type}: ${outcomeKey(r)}`);
        if (outcome !== 'ok') stale.add(d.id);
      } else {
        r = await c.json('GET', `/api/dossiers/${d.id}`, tokens.clerk, undefined, { label: 'read' });
      }
      // Let the dispatcher and the sweep have a turn on 2 cores; do not spin on 503s.
      if (n % 10 === 9 || r.status === 503) await sleep(r.status === 503 ? 50 : 20);
    }
  };
  const health = [];
  const prober = async () => {
    while (running) {
      health.push(await c.json('GET', '/api/health', null, undefined, { label: 'liveness' }));
      health.push(await c.json('GET', '/api/health/ready', null, undefined, { label: 'readiness' }));
      await sleep(250);
    }
  };
  const load = Promise.all([...Array.from({ length: CLIENTS }, (_, i) => worker(i)), prober()]);

  await sleep(3_000);
  t.stopAt = Date.now();
  await cluster.stop('fast');
  t.stoppedAt = Date.now();
  log(`PostgreSQL stopped (pg_ctl stop -m fast took ${t.stoppedAt - t.stopAt} ms); load continues against the API`);
  await sleep(8_000);
  t.startAt = Date.now();
  await cluster.start();
  t.startedAt = Date.now();
  log(`PostgreSQL started again (${t.startedAt - t.startAt} ms); load continues`);
  // Recovery: the first answer 2xx of a transition sent after the start.
  let recoveredAt = null;
  await H.waitFor('a transition to succeed after the restart', () => {
    const ok = c.outcomes.find((r) => r.label === 'transition' && r.startedAt >= t.startedAt && r.status === 200);
    recoveredAt = ok?.endedAt ?? null;
    return ok;
  }, { timeoutMs: 30_000 }).catch(() => undefined);
  await sleep(6_000);
  running = false;
  await load;
  log(`load stopped: ${c.outcomes.length} requests`);

  const all = c.outcomes.filter((r) => r.startedAt >= t.stopAt - 3_000);
  const phase = (r) => (r.startedAt < t.stopAt ? '1 before stop' : r.startedAt < t.stoppedAt ? '2 during stop' : r.startedAt < t.startAt ? '3 down' : r.startedAt < t.startedAt ? '4 during start' : '5 after start');
  const rows = [];
  const groups = {};
  for (const r of all) (groups[`${phase(r)}|${r.label}|${outcomeKey(r)}`] ??= []).push(r.ms);
  for (const [k, ms] of Object.entries(groups).sort()) {
    const [p, label, outcome] = k.split('|');
    rows.push([p, label, outcome, ms.length, Math.max(...ms)]);
  }
  H.printTable('requests around the restart, by phase and outcome', ['phase', 'request', 'outcome', 'count', 'max ms'], rows);

  // Liveness never touches the database: it answers 200 throughout (checked below), not 503.
  const down = c.outcomes.filter((r) => r.startedAt >= t.stoppedAt && r.startedAt < t.startAt && r.label !== 'liveness');
  const downSettled = down.filter((r) => r.endedAt < t.startAt);
  check(S, 'requests sent while PostgreSQL was down', down.length, '> 20', down.length > 20);
  check(S, '… answered 503 SERVICE_UNAVAILABLE (those answered before the restart began)', downSettled.filter((r) => outcomeKey(r) === '503 SERVICE_UNAVAILABLE').length, downSettled.length);
  const slowest = Math.max(0, ...down.map((r) => r.ms));
  check(S, `… slowest answer (fail fast: bound ${FAIL_FAST_MS} ms)`, slowest, `≤ ${FAIL_FAST_MS}`, slowest <= FAIL_FAST_MS);
  check(S, '500 answers during the whole run', c.outcomes.filter((r) => r.status === 500).length, 0);
  check(S, 'transport errors (reset, timeout, refused) during the whole run', c.outcomes.filter((r) => r.error).length, 0);
  const healthDown = (label) => health.filter((r) => r.label === label && r.startedAt >= t.stoppedAt && r.endedAt < t.startAt);
  const readyDown = healthDown('readiness');
  const liveDown = healthDown('liveness');
  check(S, 'GET /api/health/ready while down → 503', readyDown.filter((r) => r.status === 503).length, readyDown.length, readyDown.length > 0 && readyDown.every((r) => r.status === 503));
  check(S, 'GET /api/health (liveness) while down → 200: no restart for a database outage', liveDown.filter((r) => r.status === 200).length, liveDown.length, liveDown.length > 0 && liveDown.every((r) => r.status === 200));
  check(S, 'recovered without restarting the API: first 200 transition after the start (ms after pg_ctl start returned)', recoveredAt ? recoveredAt - t.startedAt : 'never', '≤ 30000', recoveredAt !== null && recoveredAt - t.startedAt <= 30_000);
  const late = c.outcomes.filter((r) => recoveredAt && r.startedAt > recoveredAt + 1_000);
  check(S, 'requests sent from 1 s after recovery on that were not 2xx', late.filter((r) => r.error || r.status >= 300).length, 0);
  check(S, '… of which were sent', late.length, '> 20', late.length > 20);
  check(S, 'API process still the same (pid alive, no restart)', api.exit === null ? 'running' : JSON.stringify(api.exit), 'running');
  check(S, 'unexpected 4xx on transitions (no concurrent writer)', failures.length, 0);
  if (failures.length) console.log(failures.slice(0, 10).join('\n'));

  await W.checkTransitions(S, dbUrl, dossiers);
  const unknown = dossiers.reduce((a, d) => a + d.unknown, 0);
  const applied = await withClient(dbUrl, async (db) => (await db.query('SELECT sum(version - 1)::int AS n FROM dossier WHERE id = ANY($1)', [dossiers.map((d) => d.id)])).rows[0].n);
  const accepted = dossiers.reduce((a, d) => a + d.accepted.length, 0);
  H.printTable('transitions', ['accepted (200)', 'unknown outcome (5xx)', 'applied (versions in the database)'], [[accepted, unknown, applied]]);

  // The in-process dispatcher picks up again; messages whose settle failed are redelivered after the lease (10 s).
  await H.waitFor('the outbox to drain after the restart', async () => {
    const counts = await W.outboxStatusCounts(dbUrl);
    return counts.pending + counts.delivering === 0;
  }, { timeoutMs: 60_000, intervalMs: 500 });
  await W.checkOutbox(S, dbUrl, receiver, null, { exactlyOnce: false });
  check(S, 'API logged an unhandled error / crashed', /Unhandled|uncaught/i.test(api.log()) ? 'yes' : 'no', 'no');
  c.close();
  await api.stop();
}

// ------------------------------------------------------------------------------------------------
async function workerKilled() {
  const S = 'worker SIGKILL';
  log('== fault 2: outbox worker killed (SIGKILL) in the middle of deliveries');
  const db = await throwawayDatabase('faults');
  const receiver = await startHttpReceiver();
  // Until worker-1 is killed the receiver never answers: worker-1 is in the middle of every delivery it starts.
  const held = [];
  let holding = true;
  receiver.respond(() => (holding ? new Promise((resolve) => held.push(resolve)) : 200));
  const env = {
    DATABASE_URL: db.url,
    PORTAL_SYNC_URL: receiver.portalUrl,
    WEBHOOK_URL: receiver.webhookUrl,
    OUTBOX_DISPATCHER: 'off',
    SWEEP_INTERVAL_SECONDS: '0',
    // Lease 5 s; the config requires it to exceed delivery timeout × ⌈batch / concurrency⌉ = 4 × 1.
    OUTBOX_LEASE_SECONDS: '5',
    OUTBOX_DELIVERY_TIMEOUT_SECONDS: '4',
    OUTBOX_BATCH_SIZE: '4',
    OUTBOX_CONCURRENCY: '4',
    OUTBOX_POLL_INTERVAL_MS: '100',
  };
  const api = await startProcess({ kind: 'api', name: 'api-w', env });
  await waitHealthy(api);
  const c = createClient(api.base, { name: 'api' });
  const tokens = await W.loginAll(c, DEMO_PASSWORD);
  const procedure = await W.pickSeededProcedure(c, tokens.clerk);
  const d = W.trackDossier(W.expectStatus(await c.json('POST', '/api/dossiers', tokens.clerk, { procedureCode: procedure.code, channel: 'direct', applicant: W.APPLICANT }), 201, 'create'), procedure);

  const worker1 = await startProcess({ kind: 'worker', name: 'worker-1', env });
  await waitForLog(worker1, /motcua worker is running/);
  await H.waitFor('worker-1 to be in the middle of both HTTP deliveries of version 1', () => receiver.requests.filter((q) => q.nth === 1).length >= 2, { timeoutMs: 20_000, intervalMs: 20 });
  const claims = await withClient(db.url, async (q) =>
    (await q.query(`SELECT idempotency_key, status, locked_by, locked_until, attempts FROM outbox_message WHERE channel IN ('portal-sync', 'webhook') AND status = 'delivering'`)).rows,
  );
  worker1.signal('SIGKILL');
  const exit1 = await worker1.exited;
  const killedAt = Date.now();
  holding = false;
  log(`worker-1 killed (${JSON.stringify(exit1)}) holding ${claims.length} claims until ${claims.map((r) => r.locked_until.toISOString()).join(', ')}`);
  check(S, 'HTTP deliveries in flight when worker-1 was killed', receiver.requests.filter((q) => q.answered === null).length, '≥ 2', receiver.requests.filter((q) => q.answered === null).length >= 2);
  check(S, 'worker-1 ended by SIGKILL', exit1.signal, 'SIGKILL');

  // Meanwhile the dossier moves on: version 2 must not overtake version 1 on any channel.
  for (const key of procedure.requiredComponents) {
    W.expectStatus(await c.upload(`/api/dossiers/${d.id}/components/${encodeURIComponent(key)}/files`, tokens.clerk, { bytes: W.samplePdf(), type: 'application/pdf', name: 'ban-scan.pdf' }), 201, 'upload');
  }
  const ev = W.nextEvent(d);
  W.recordTransition(d, await c.json('POST', `/api/dossiers/${d.id}/events`, tokens[ev.user], ev.body), ev);

  const worker2 = await startProcess({ kind: 'worker', name: 'worker-2', env });
  await waitForLog(worker2, /motcua worker is running/);
  log('worker-2 is running');
  await H.waitFor('the outbox to drain', async () => {
    const counts = await W.outboxStatusCounts(db.url);
    return counts.pending + counts.delivering === 0 && counts.delivered > 0;
  }, { timeoutMs: 60_000, intervalMs: 250 });

  const byKey = (key) => receiver.requests.filter((q) => q.idempotencyKey === key);
  const redelivered = claims.map((claim) => ({ claim, second: byKey(claim.idempotency_key).find((q) => q.nth === 2) }));
  const afterLease = redelivered.filter(({ claim, second }) => second && second.at >= claim.locked_until.getTime() - 50);
  H.printTable(
    'claims of the killed worker',
    ['message', 'lease until', 'redelivered at', 'after lease by (ms)'],
    redelivered.map(({ claim, second }) => [claim.idempotency_key, claim.locked_until.toISOString().slice(11, 23), second ? new Date(second.at).toISOString().slice(11, 23) : 'never', second ? second.at - claim.locked_until.getTime() : null]),
  );
  check(S, 'messages claimed by worker-1 redelivered by worker-2', redelivered.filter((x) => x.second).length, claims.length);
  check(S, '… none before its lease ran out', afterLease.length, claims.length);
  check(S, '… within 15 s after the kill', redelivered.filter((x) => x.second && x.second.at - killedAt <= 15_000).length, claims.length);
  const rows = await withClient(db.url, async (q) => (await q.query('SELECT idempotency_key, status, attempts, aggregate_version, channel FROM outbox_message')).rows);
  const claimedRows = rows.filter((r) => claims.some((cl) => cl.idempotency_key === r.idempotency_key));
  check(S, 'their attempts count the crash (2 each)', claimedRows.filter((r) => r.attempts === 2).length, claims.length);
  await W.checkOutbox(S, db.url, receiver, null, { exactlyOnce: false });
  const deliveredHttp = rows.filter((r) => r.status === 'delivered' && (r.channel === 'portal-sync' || r.channel === 'webhook')).length;
  check(S, 'receiver: requests = delivered HTTP messages + the attempts cut off by the kill', receiver.requests.length, deliveredHttp + claims.length);
  check(S, 'receiver: messages accepted more than once', [...receiver.acceptedByKey().values()].filter((n) => n !== 1).length, 0);
  // Order per channel: the accepted delivery of version 1 came before any request for version 2.
  let ordered = 0;
  let pairs = 0;
  // Portal records are keyed by the record's own version (PortalRecords), webhooks by the dossier's.
  const keyOf = (channel, version) => (channel === 'portal' ? `${d.id}:record:${version}:` : `${d.id}:${version}:`);
  for (const channel of ['portal', 'webhook']) {
    const v1 = receiver.requests.find((q) => q.path === `/${channel}` && q.answered === 200 && q.idempotencyKey.startsWith(keyOf(channel, 1)));
    const v2 = receiver.requests.find((q) => q.path === `/${channel}` && q.idempotencyKey.startsWith(keyOf(channel, 2)));
    if (v1 && v2) {
      pairs++;
      if (v2.at >= v1.at) ordered++;
    }
  }
  check(S, 'channels where version 2 was delivered only after version 1 (order kept across the crash)', ordered, 2, pairs === 2 && ordered === 2);
  for (const resolve of held) resolve(200); // the killed worker's connections are gone; nothing is counted
  c.close();
  await worker2.stop();
  await api.stop();
}

// ------------------------------------------------------------------------------------------------
async function storageDown() {
  const S = 'MinIO down';
  log('== fault 3: MinIO (s3rver) down and back');
  const db = await throwawayDatabase('faults');
  const s3 = await startS3();
  const api = await startProcess({ kind: 'api', name: 'api-s3', env: { DATABASE_URL: db.url, ...s3.env(), SWEEP_INTERVAL_SECONDS: '0', OUTBOX_DISPATCHER: 'off' } });
  await waitHealthy(api);
  const c = createClient(api.base, { name: 'api', timeoutMs: 30_000 });
  const tokens = await W.loginAll(c, DEMO_PASSWORD);
  const procedure = await W.pickSeededProcedure(c, tokens.clerk);
  const [key] = procedure.requiredComponents;
  const create = async () => W.trackDossier(W.expectStatus(await c.json('POST', '/api/dossiers', tokens.clerk, { procedureCode: procedure.code, channel: 'direct', applicant: W.APPLICANT }), 201, 'create'), procedure);
  const upload = (d, bytes) => c.upload(`/api/dossiers/${d.id}/components/${encodeURIComponent(key)}/files`, tokens.clerk, { bytes, type: 'application/pdf', name: 'ban-scan.pdf' });
  const download = async (fileId) => {
    const r = await fetch(`${api.base}/api/files/${fileId}`, { headers: { authorization: `Bearer ${tokens.clerk}` }, signal: AbortSignal.timeout(30_000) });
    const bytes = Buffer.from(await r.arrayBuffer());
    let error = null;
    try {
      error = JSON.parse(bytes.toString('utf8')).error ?? null;
    } catch {
      // a file, not an error body
    }
    return { status: r.status, sha: W.sha256(bytes), error };
  };

  // Before: a dossier with every required scan stored.
  const d1 = await create();
  const pdf1 = W.samplePdf();
  const f1 = W.expectStatus(await upload(d1, pdf1), 201, 'upload before the outage');
  for (const other of procedure.requiredComponents.slice(1)) {
    W.expectStatus(await c.upload(`/api/dossiers/${d1.id}/components/${encodeURIComponent(other)}/files`, tokens.clerk, { bytes: W.samplePdf(), type: 'application/pdf', name: 'x.pdf' }), 201, 'upload');
  }

  await s3.stop();
  log('s3rver stopped');
  const d2 = await create();
  const down = [];
  for (let k = 0; k < 3; k++) down.push(await upload(d2, W.samplePdf()));
  H.printTable('uploads while s3rver is down', ['#', 'outcome', 'ms', 'message'], down.map((r, k) => [k + 1, outcomeKey(r), r.ms, r.body?.message ?? r.error?.code]));
  check(S, 'uploads while down answered 503 STORAGE_UNAVAILABLE', down.filter((r) => outcomeKey(r) === '503 STORAGE_UNAVAILABLE').length, down.length);
  check(S, '… within 10 s each', Math.max(...down.map((r) => r.ms)), '≤ 10000', down.every((r) => r.ms <= 10_000));
  const dl = await download(f1.id);
  check(S, 'download of a stored file while down → 503 STORAGE_UNAVAILABLE (not 500)', `${dl.status} ${dl.error}`, '503 STORAGE_UNAVAILABLE');
  const read = await c.json('GET', `/api/dossiers/${d1.id}`, tokens.clerk);
  check(S, 'GET dossier while down', read.status, 200);
  check(S, 'GET dossier files (metadata) while down', (await c.json('GET', `/api/dossiers/${d1.id}/files`, tokens.clerk)).status, 200);
  const ev = W.nextEvent(d1);
  const tr = await c.json('POST', `/api/dossiers/${d1.id}/events`, tokens[ev.user], ev.body);
  W.recordTransition(d1, tr, ev);
  check(S, `transition ${ev.body.type} while down`, tr.status, 200);
  const ev2 = W.nextEvent(d1);
  const tr2 = await c.json('POST', `/api/dossiers/${d1.id}/events`, tokens[ev2.user], ev2.body);
  W.recordTransition(d1, tr2, ev2);
  check(S, `transition ${ev2.body.type} while down`, tr2.status, 200);
  const d3 = await c.json('POST', '/api/dossiers', tokens.clerk, { procedureCode: procedure.code, channel: 'direct', applicant: W.APPLICANT });
  check(S, 'create dossier while down', d3.status, 201);
  const ready = await c.json('GET', '/api/health/ready');
  check(S, 'GET /api/health/ready while down → 503 naming storage', `${ready.status} ${(ready.body?.details?.failed ?? []).join(',')}`, '503 storage', ready.status === 503 && (ready.body?.details?.failed ?? []).includes('storage'));
  check(S, 'GET /api/health (liveness) while down', (await c.json('GET', '/api/health')).status, 200);

  await s3.start();
  log(`s3rver started again on :${s3.port}`);
  let after = null;
  const pdf2 = W.samplePdf();
  await H.waitFor('an upload to succeed', async () => {
    after = await upload(d2, pdf2);
    return after.status === 201;
  }, { timeoutMs: 20_000, intervalMs: 500 }).catch(() => undefined);
  check(S, 'upload after s3rver is back (same API process)', after ? outcomeKey(after) : 'none', '201');
  const again = await download(f1.id);
  check(S, 'file stored before the outage reads back intact', again.status === 200 && again.sha === W.sha256(pdf1) ? 'same bytes' : `${again.status}`, 'same bytes');
  if (after?.status === 201) {
    const fresh = await download(after.body.id);
    check(S, 'file uploaded after the outage reads back intact', fresh.status === 200 && fresh.sha === W.sha256(pdf2) ? 'same bytes' : `${fresh.status}`, 'same bytes');
  }
  check(S, 'GET /api/health/ready after s3rver is back', (await c.json('GET', '/api/health/ready')).status, 200);
  check(S, '500 answers during the fault', c.outcomes.filter((r) => r.status === 500).length, 0);
  await W.checkTransitions(S, db.url, [d1]);
  c.close();
  await api.stop();
}
