/**
 * The dossier work of the scale and fault scripts, over HTTP as the one-stop unit does it
 * (test/support/dossier-helpers.ts, bench/lib/dossiers.js), with every answer recorded per
 * dossier; and the database checks that hold whatever happened to the processes meanwhile.
 */
'use strict';
const { createHash, randomBytes } = require('node:crypto');
const { outcomeKey } = require('./client');
const { check } = require('./harness');
const { withClient: withClientPg } = require('./postgres');

const APPLICANT = {
  fullName: 'Nguyễn Thị Thu Hương',
  idNumber: '012345678901',
  phone: '0912345678',
  email: 'huong.nguyen@example.vn',
  address: 'Tổ 5, phường Đông Phong, tỉnh Lai Châu',
};

/** Which demo account handles a step in each department (apps/api/src/users/demo-accounts.ts). */
const USER_BY_DEPARTMENT = { PQLKH: 'specialist', PQLCN: 'specialist2', BGD: 'leader' };
const SEND_BACK_REASON = 'Cần thẩm định lại số liệu';

/** A small well-formed PDF (the upload route sniffs the type); `marker` makes each one's bytes unique. */
function samplePdf(marker = randomBytes(8).toString('hex')) {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${marker}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

const sha256 = (b) => createHash('sha256').update(b).digest('hex');

function expectStatus(r, status, what) {
  if (r.status !== status) throw new Error(`${what}: expected ${status}, got ${outcomeKey(r)} ${JSON.stringify(r.body ?? r.error).slice(0, 400)}`);
  return r.body;
}

/** Bearer tokens of the demo accounts, each logged in once (the login route is rate-limited). */
async function loginAll(client, password, users = ['admin', 'clerk', 'specialist', 'specialist2', 'leader']) {
  const tokens = {};
  for (const username of users) {
    tokens[username] = expectStatus(await client.json('POST', '/api/auth/login', null, { username, password }), 200, `login ${username}`).accessToken;
  }
  return tokens;
}

/**
 * A procedure with a processing time of 16 working hours (two one-day steps), made through the
 * catalogue administration. With DUE_SOON_WORKING_HOURS=24 on the instances each of its dossiers
 * is "due soon" from receipt on, whatever the time of day the test runs, so the deadline sweeps
 * of both instances have a notification to write for every dossier in processing.
 * (Shorter steps are not possible: fractional `workingDays` pass validation but the column is an
 * integer, so PostgreSQL refuses them with a 500 — reported.)
 */
async function createShortProcedure(client, adminToken, code = '1.999777') {
  const body = {
    code,
    name: 'Thủ tục thử tải (thời hạn 16 giờ làm việc)',
    field: 'Thử nghiệm',
    processingTime: { amount: 16, unit: 'working_hours' },
    fee: { amountVnd: 0, text: 'Không' },
    paperResult: false,
    resultName: 'Văn bản trả lời',
    components: [{ key: 'don-de-nghi', name: 'Đơn đề nghị', required: true }],
    steps: [
      { key: 'tham-dinh', name: 'Thẩm định hồ sơ', departmentCode: 'PQLKH', role: 'specialist', workingDays: 1 },
      { key: 'phe-duyet', name: 'Phê duyệt', departmentCode: 'BGD', role: 'leader', workingDays: 1 },
    ],
  };
  expectStatus(await client.json('POST', '/api/admin/procedures', adminToken, body), 201, 'create the short procedure');
  return procedureInfo(client, adminToken, code);
}

/** The seeded two-step procedure with the fewest required components whose steps the demo accounts handle. */
async function pickSeededProcedure(client, token) {
  const all = expectStatus(await client.json('GET', '/api/procedures', token), 200, 'GET /api/procedures');
  const candidates = all
    .filter((p) => p.steps.length === 2 && p.steps.every((s) => USER_BY_DEPARTMENT[s.departmentCode]))
    .sort((a, b) => a.components.filter((c) => c.required).length - b.components.filter((c) => c.required).length || a.code.localeCompare(b.code));
  if (candidates.length === 0) throw new Error('The seeded catalogue has no two-step procedure the demo accounts can walk through');
  return procedureInfo(client, token, candidates[0].code);
}

async function procedureInfo(client, token, code) {
  const p = expectStatus(await client.json('GET', `/api/procedures/${encodeURIComponent(code)}`, token), 200, `GET procedure ${code}`);
  return {
    code: p.code,
    steps: p.steps,
    requiredComponents: p.components.filter((c) => c.required).map((c) => c.key),
    handlers: p.steps.map((s) => USER_BY_DEPARTMENT[s.departmentCode]),
  };
}

/**
 * What the client knows of one dossier, and every answer it got for it: `accepted` are the 200
 * transitions (version and event type from the answer); `unknown` counts requests whose outcome
 * the client cannot know (connection broken after sending, 5xx, timeout).
 */
function trackDossier(body, procedure) {
  return { id: body.id, code: body.code, procedure, version: body.version, step: body.currentStep?.index ?? null, state: body.state, accepted: [], rejected: {}, unknown: 0, uploads: [] };
}

/** The next repeatable event: FORWARD from step 1 by its handler, SEND_BACK from step 2 by its handler. */
function nextEvent(d) {
  if (d.state !== 'processing') return { user: 'clerk', body: { type: 'COMPLETE_DIGITISATION', expectedVersion: d.version } };
  return d.step === 0
    ? { user: d.procedure.handlers[0], body: { type: 'FORWARD', expectedVersion: d.version } }
    : { user: d.procedure.handlers[1], body: { type: 'SEND_BACK', expectedVersion: d.version, reason: SEND_BACK_REASON } };
}

/** Fastify's own answer on a kept-alive connection once the server is closing: the request never reached a route. */
function isClosing503(r) {
  return r.status === 503 && r.body?.error === 'Service Unavailable';
}

/** Requests that certainly were not processed (nothing to account for): connection refused, or refused by a closing server. */
function notSent(r) {
  return r.error?.kind === 'refused' || isClosing503(r);
}

/** Records the answer to a transition request in the dossier's tally. Returns 'ok' | 'rejected' | 'unknown' | 'not-sent'. */
function recordTransition(d, r, event) {
  if (r.status === 200) {
    d.accepted.push({ version: r.body.version, type: event.body.type, instance: r.instance });
    d.version = r.body.version;
    d.step = r.body.currentStep?.index ?? null;
    d.state = r.body.state;
    return 'ok';
  }
  if (notSent(r)) return 'not-sent';
  if (r.status !== null && r.status >= 400 && r.status < 500) {
    const k = outcomeKey(r);
    d.rejected[k] = (d.rejected[k] ?? 0) + 1;
    return 'rejected';
  }
  d.unknown++;
  return 'unknown';
}

/** Re-reads the dossier (after a 409 or an unknown outcome) so the next request carries the right version. */
async function resync(client, token, d) {
  const r = await client.json('GET', `/api/dossiers/${d.id}`, token, undefined, { label: 'resync' });
  if (r.status !== 200) return false;
  d.version = r.body.version;
  d.step = r.body.currentStep?.index ?? null;
  d.state = r.body.state;
  return true;
}

/**
 * `count` dossiers of `procedure` in processing at step 1, made through `client`: the first one's
 * components are uploaded (stored by the service), the others reuse those files. Returns tracked dossiers.
 */
async function seedProcessing(client, tokens, procedure, count) {
  const sources = {};
  const out = [];
  for (let k = 0; k < count; k++) {
    const d = trackDossier(expectStatus(await client.json('POST', '/api/dossiers', tokens.clerk, { procedureCode: procedure.code, channel: 'direct', applicant: APPLICANT }), 201, 'create dossier'), procedure);
    for (const key of procedure.requiredComponents) {
      const path = `/api/dossiers/${d.id}/components/${encodeURIComponent(key)}`;
      if (!sources[key]) sources[key] = expectStatus(await client.upload(`${path}/files`, tokens.clerk, { bytes: samplePdf(), type: 'application/pdf', name: 'ban-scan.pdf' }), 201, `upload ${key}`).id;
      else expectStatus(await client.json('POST', `${path}/reuse`, tokens.clerk, { fileId: sources[key] }), 201, `reuse ${key}`);
    }
    const ev = nextEvent(d);
    if (recordTransition(d, await client.json('POST', `/api/dossiers/${d.id}/events`, tokens[ev.user], ev.body), ev) !== 'ok') throw new Error(`COMPLETE_DIGITISATION of ${d.id} failed`);
    out.push(d);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Database checks

/**
 * No lost, doubled or half-applied transition:
 * - each dossier's audit rows are exactly versions 1..version (one per version, none missing);
 * - every 200 answer has exactly one audit row, of the same event type, at the version it returned;
 * - version = 1 + accepted transitions (for dossiers where some request's outcome is unknown:
 *   between accepted and accepted + unknown);
 * - a dossier in processing has exactly one open step row (the clock records moved with the transition);
 * - dossier codes are unique.
 */
async function checkTransitions(section, pgUrl, dossiers) {
  return withClientPg(pgUrl, async (c) => {
    const ids = dossiers.map((d) => d.id);
    const rows = (
      await c.query(
        `SELECT d.id, d.version, d.state, count(e.id)::int AS events, count(DISTINCT e.version)::int AS distinct_versions,
                coalesce(min(e.version), 0)::int AS min_v, coalesce(max(e.version), 0)::int AS max_v
         FROM dossier d LEFT JOIN dossier_event e ON e.dossier_id = d.id
         WHERE d.id = ANY($1) GROUP BY d.id, d.version, d.state`,
        [ids],
      )
    ).rows;
    const byId = new Map(rows.map((r) => [r.id, r]));
    const events = (await c.query('SELECT dossier_id, version, type FROM dossier_event WHERE dossier_id = ANY($1)', [ids])).rows;
    const audit = new Map();
    for (const e of events) {
      const k = `${e.dossier_id}:${e.version}`;
      audit.set(k, [...(audit.get(k) ?? []), e.type]);
    }
    const openSteps = new Map(
      (await c.query('SELECT dossier_id, count(*)::int AS n FROM dossier_step WHERE left_at IS NULL AND dossier_id = ANY($1) GROUP BY dossier_id', [ids])).rows.map((r) => [r.dossier_id, r.n]),
    );

    let accepted = 0;
    let withAuditRow = 0;
    let auditMismatch = 0;
    let versionsExact = 0;
    let versionsInRange = 0;
    let versionsWrong = 0;
    let gapless = 0;
    let unknownDossiers = 0;
    let processing = 0;
    let oneOpenStep = 0;
    const problems = [];
    for (const d of dossiers) {
      const row = byId.get(d.id);
      if (!row) {
        problems.push(`${d.id} missing`);
        continue;
      }
      if (row.events === row.version && row.distinct_versions === row.version && row.min_v === 1 && row.max_v === row.version) gapless++;
      else problems.push(`${d.id}: version ${row.version}, ${row.events} audit rows (${row.min_v}..${row.max_v})`);
      for (const a of d.accepted) {
        accepted++;
        const types = audit.get(`${d.id}:${a.version}`) ?? [];
        if (types.length === 1 && types[0] === a.type) withAuditRow++;
        else {
          auditMismatch++;
          problems.push(`${d.id} v${a.version} ${a.type}: audit rows ${JSON.stringify(types)}`);
        }
      }
      const transitions = row.version - 1;
      if (d.unknown > 0) unknownDossiers++;
      if (transitions === d.accepted.length) versionsExact++;
      else if (d.unknown > 0 && transitions >= d.accepted.length && transitions <= d.accepted.length + d.unknown) versionsInRange++;
      else {
        versionsWrong++;
        problems.push(`${d.id}: version ${row.version} but ${d.accepted.length} accepted transitions (+${d.unknown} unknown)`);
      }
      if (row.state === 'processing') {
        processing++;
        if (openSteps.get(d.id) === 1) oneOpenStep++;
        else problems.push(`${d.id}: ${openSteps.get(d.id) ?? 0} open step rows`);
      }
    }
    const codes = (await c.query('SELECT count(*)::int AS n, count(DISTINCT code)::int AS distinct_codes FROM dossier')).rows[0];
    check(section, 'dossiers tracked by the clients, found in the database', byId.size, dossiers.length);
    check(section, 'dossiers whose audit rows are exactly versions 1..version', gapless, dossiers.length);
    check(section, '200 transition answers with exactly one audit row (same version, same type)', withAuditRow, accepted);
    const unknownRequests = dossiers.reduce((a, d) => a + d.unknown, 0);
    if (unknownRequests === 0) check(section, 'dossiers with version = 1 + accepted transitions', versionsExact, dossiers.length);
    else {
      check(section, 'dossiers with version = 1 + accepted transitions (+ those of its unknown-outcome requests that took effect)', versionsExact + versionsInRange, dossiers.length);
      const tookEffect = dossiers.reduce((a, d) => a + Math.max(0, (byId.get(d.id)?.version ?? 1) - 1 - d.accepted.length), 0);
      check(section, `requests of unknown outcome (5xx, reset, timeout) on ${unknownDossiers} dossiers that took effect (reported)`, tookEffect, `≤ ${unknownRequests}`, tookEffect <= unknownRequests);
    }
    check(section, 'dossiers in processing with exactly one open step row', oneOpenStep, processing);
    check(section, 'dossier codes unique (count = count distinct)', codes.distinct_codes, codes.n);
    if (problems.length > 0) console.log(`transition problems (first 20):\n  ${problems.slice(0, 20).join('\n  ')}`);
    return { accepted, auditMismatch, versionsWrong, codes };
  });
}

/** Outbox messages by status (from the database). */
async function outboxStatusCounts(pgUrl) {
  return withClientPg(pgUrl, async (c) => {
    const counts = { pending: 0, delivering: 0, delivered: 0, dead: 0, discarded: 0 };
    for (const r of (await c.query('SELECT status, count(*)::int AS n FROM outbox_message GROUP BY status')).rows) counts[r.status] = r.n;
    return counts;
  });
}

/**
 * Each outbox message delivered once: nothing pending, claimed or dead; every delivered HTTP
 * message (portal sync, webhook) was accepted by the receiver exactly once and the receiver got
 * no request that is not a delivered message; the same for e-mails (by Message-ID) when an SMTP
 * listener is given.
 */
async function checkOutbox(section, pgUrl, receiver, smtp, { exactlyOnce = true } = {}) {
  const { rows } = await withClientPg(pgUrl, (c) => c.query('SELECT idempotency_key, channel, topic, status, attempts FROM outbox_message'));
  const counts = { pending: 0, delivering: 0, delivered: 0, dead: 0, discarded: 0 };
  for (const r of rows) counts[r.status]++;
  check(section, 'outbox messages left pending / delivering / dead / discarded', `${counts.pending} / ${counts.delivering} / ${counts.dead} / ${counts.discarded}`, '0 / 0 / 0 / 0');
  const delivered = rows.filter((r) => r.status === 'delivered');
  const byChannel = (ch) => delivered.filter((r) => r.channel === ch);
  const accepted = receiver.acceptedByKey();
  const http = [...byChannel('portal-sync'), ...byChannel('webhook')];
  const keys = new Set(rows.map((r) => r.idempotency_key));
  const stray = receiver.requests.filter((q) => !keys.has(q.idempotencyKey)).length;
  const label = `portal-sync + webhook messages delivered (${byChannel('portal-sync').length} + ${byChannel('webhook').length})`;
  if (exactlyOnce) {
    check(section, `${label} accepted exactly once by the receiver`, http.filter((r) => accepted.get(r.idempotency_key) === 1).length, http.length);
    check(section, 'receiver: requests received = delivered HTTP messages (no redelivery)', receiver.requests.length, http.length);
  } else {
    // At least once: a delivery whose outcome could not be recorded (database gone) is made again; the receiver deduplicates by key.
    check(section, `${label} accepted at least once by the receiver`, http.filter((r) => (accepted.get(r.idempotency_key) ?? 0) >= 1).length, http.length);
    const extra = receiver.requests.length - http.length;
    check(section, 'receiver: requests received beyond one per delivered message (redeliveries, deduplicated by Idempotency-Key)', extra, '≥ 0 (reported)', extra >= 0);
  }
  check(section, 'receiver: requests whose Idempotency-Key is no outbox message', stray, 0);
  if (smtp) {
    const mails = byChannel('email');
    const mailOnce = mails.filter((r) => smtp.byMessageId.get(smtp.messageIdOf(r.idempotency_key)) === 1).length;
    const received = [...smtp.byMessageId.values()].reduce((a, b) => a + b, 0);
    check(section, `e-mail messages delivered (${mails.length}) received once by SMTP (by Message-ID)`, mailOnce, mails.length);
    check(section, 'SMTP: e-mails received = delivered e-mail messages', received, mails.length);
  }
  return { counts, delivered: delivered.length, byChannel: Object.fromEntries(['email', 'sms', 'portal-sync', 'webhook'].map((ch) => [ch, byChannel(ch).length])) };
}

module.exports = {
  APPLICANT,
  USER_BY_DEPARTMENT,
  samplePdf,
  sha256,
  expectStatus,
  loginAll,
  createShortProcedure,
  pickSeededProcedure,
  trackDossier,
  seedProcessing,
  nextEvent,
  recordTransition,
  resync,
  notSent,
  isClosing503,
  checkTransitions,
  outboxStatusCounts,
  checkOutbox,
};
