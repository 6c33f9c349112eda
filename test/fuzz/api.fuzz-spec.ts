import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { createDossier, pickWalkableProcedure, sendEvent } from '../support/dossier-helpers';
import { responseValidator } from '../support/response-schemas';
import { startTestApp, TestApp } from '../support/test-app';
import { Draft, draftsFor } from './drafts';
import { Operation, operationsOf } from './openapi';
import { HungRequestError, Pools, realise, RESET, send, WireAnswer } from './requests';
import { changedParts, StoreFingerprint } from './store-fingerprint';

/**
 * Issue #14: the service's own OpenAPI document drives generated valid, boundary and malformed
 * requests to every operation, as an anonymous caller and as every demo role. It fails on any
 * 5xx, any request left without an answer, any refusal (4xx) that changed stored data (database
 * rows or stored files) or that came without a machine-readable error code. Seeded and bounded:
 * FUZZ_SEED (default 14), FUZZ_REQUESTS (default 6000), FUZZ_TIMEOUT_MS per request (default 15 s);
 * FUZZ_TRACE to watch some operations. Every JSON success must match the schema the document gives it
 * (issue #17: the document describes what the handlers really answer).
 * A failing run prints the seed and, per failure, the request's index and what was sent.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 14);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 6000);
const TIMEOUT_MS = Number(process.env.FUZZ_TIMEOUT_MS ?? 15_000);
/** FUZZ_TRACE=<regex>: print every request to the matching operations (`GET /api/calendar/holidays`) with its answer. */
const TRACE = process.env.FUZZ_TRACE ? new RegExp(process.env.FUZZ_TRACE) : null;
const MAX_UPLOAD_BYTES = 64 * 1024;
const ROLES = ['admin', 'clerk', 'specialist', 'specialist2', 'leader', 'reporter'];

interface Failure {
  index: number;
  what: string;
  request: string;
  answer: string;
}

describe(`OpenAPI fuzz (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'}, seed ${SEED})`, () => {
  let t: TestApp;
  let operations: Operation[];
  let validateAnswer: ReturnType<typeof responseValidator>;
  const pools = new Pools();
  const tokens: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({
      // Rate limits would answer 429 before the handlers see the input; they have tests of their own.
      // With a payment secret, notifications reach the signature check instead of answering "not configured" (503).
      env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100000', PUBLIC_RATE_LIMIT_PER_MINUTE: '100000', MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES), PAYMENT_NOTIFY_SECRET: 'fuzz-payment-secret-0123456789abcdef' },
    });
    for (const role of ROLES) tokens.push(await t.login(role));
    const doc = await t.http().get('/api/docs-json').expect(200);
    operations = operationsOf(doc.body);
    validateAnswer = responseValidator(doc.body);
    await seed(t, pools, tokens);
  }, 300_000);

  afterAll(() => t?.close());

  it(`answers ${REQUESTS} generated requests with no 5xx, no hang, and no change by a refusal`, async () => {
    const drafts = fc.sample(draftsFor(operations, ROLES.length), { seed: SEED, numRuns: REQUESTS });
    const port = (t.app.getHttpServer().address() as { port: number }).port;
    const store = new StoreFingerprint(t.app.get(DataSource), t.config.storage.kind === 'disk' ? t.config.storage.root : null);
    const failures: Failure[] = [];
    /** Successful answers that differ from their documented schema, once per difference. */
    const undocumented = new Set<string>();
    const statuses = new Map<number, number>();
    const accepted = new Map<string, number>();
    let before = await store.take();
    const started = Date.now();

    for (const [index, draft] of drafts.entries()) {
      const op = operations[draft.op];
      const token = draft.caller === 0 ? null : tokens[draft.caller - 1];
      const wire = realise(draft, op, pools, token, MAX_UPLOAD_BYTES);
      const describeRequest = () => `${describeCaller(draft)} ${wire.method} ${clip(wire.path, 200)} ${draft.mode}${draft.declareHuge ? ' (declared 1 GB)' : ''} ${summarise(wire.body, wire.headers['content-type'])}`;
      let answer: WireAnswer;
      try {
        answer = await send(port, wire, TIMEOUT_MS, draft.declareHuge);
      } catch (error) {
        failures.push({ index, what: error instanceof HungRequestError ? 'hung' : `no answer: ${String(error)}`, request: describeRequest(), answer: '' });
        before = await store.take();
        continue;
      }
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (TRACE && TRACE.test(`${op.method} ${op.path}`)) process.stdout.write(`[fuzz] #${index} ${answer.status} ${describeRequest()} → ${clip(answer.body.toString('utf8'), 200)}\n`);
      const after = await store.take();
      const text = answer.body.toString('utf8');
      if (answer.status >= 500) {
        failures.push({ index, what: `${answer.status}`, request: describeRequest(), answer: clip(text, 300) });
      } else if (answer.status === RESET || answer.status >= 400) {
        const changed = changedParts(before, after);
        if (changed.length > 0) failures.push({ index, what: `refused (${answer.status}) but changed ${changed.join(', ')}`, request: describeRequest(), answer: clip(text, 300) });
        if (answer.status !== RESET && !hasErrorCode(text, answer.status)) failures.push({ index, what: `${answer.status} without a machine-readable error`, request: describeRequest(), answer: clip(text, 300) });
      } else {
        const key = `${op.method} ${op.path}`;
        accepted.set(key, (accepted.get(key) ?? 0) + 1);
        if (String(answer.headers['content-type'] ?? '').startsWith('application/json')) {
          pools.harvest(op.path, safeJson(text));
          for (const problem of validateAnswer(op.method.toLowerCase(), op.path, answer.status, safeJson(text))) undocumented.add(problem);
        }
      }
      before = after;
      if (failures.length >= 50) break;
    }

    const seconds = (Date.now() - started) / 1000;
    const sent = Math.min(drafts.length, failures.length >= 50 ? failures[failures.length - 1].index + 1 : drafts.length);
    const neverAccepted = operations.map((o) => `${o.method} ${o.path}`).filter((k) => !accepted.has(k));
    process.stdout.write(
      [
        `[fuzz] ${process.env.DATABASE_URL ? 'postgres' : 'sqlite'} seed ${SEED}: ${sent} requests over ${operations.length} operations in ${seconds.toFixed(1)} s (${(sent / seconds).toFixed(0)}/s)`,
        `[fuzz] statuses ${[...statuses.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s === RESET ? 'reset' : s}×${n}`).join(' ')}`,
        `[fuzz] operations never answered 2xx: ${neverAccepted.length ? neverAccepted.join(', ') : 'none'}`,
        '',
      ].join('\n'),
    );

    // The service still works, and still boots on what the accepted requests stored.
    t = await t.restart();
    await t.http().get('/api/health').expect(200);

    expect([...undocumented]).toEqual([]);
    expect(failures.map((f) => `#${f.index} ${f.what}: ${f.request}${f.answer ? ` → ${f.answer}` : ''}`)).toEqual([]);
  });
});

/** Records for valid requests to act on: dossiers in a few states, a feedback, the catalogue. */
async function seed(t: TestApp, pools: Pools, tokens: string[]): Promise<void> {
  const procedure = await pickWalkableProcedure(t);
  const dossiers = [await createDossier(t, procedure.code), await createDossier(t, procedure.code, 'online', { scan: false }), await createDossier(t, '1.000173', 'direct', { scan: false })];
  await sendEvent(t, 'clerk', dossiers[0].id, { type: 'COMPLETE_DIGITISATION', expectedVersion: dossiers[0].version });
  await t.http().post('/api/public/feedback').send({ title: 'Góp ý về thời hạn', content: 'Nội dung góp ý', author: { fullName: 'Trần Thị Bình' } }).expect(201);
  await t.http().put('/api/admin/calendar/overrides/2026-12-24').set('authorization', `Bearer ${tokens[0]}`).send({ kind: 'day_off', name: 'Nghỉ bù' }).expect(200);
  // The seeded dossiers' procedure first: its component keys are the first of their pool.
  const reads = [`/api/procedures/${procedure.code}`, '/api/dossiers', '/api/procedures', '/api/departments', '/api/feedback', '/api/admin/calendar/overrides', '/api/admin/outbox'];
  for (const path of reads) {
    for (const token of tokens) {
      const res = await t.http().get(path).set('authorization', `Bearer ${token}`);
      if (res.status === 200) pools.harvest(path.replace(procedure.code, '{code}'), res.body);
    }
  }
  for (const d of dossiers) {
    const files = await t.http().get(`/api/dossiers/${d.id}/files`).set('authorization', `Bearer ${tokens[1]}`).expect(200);
    pools.harvest('/api/dossiers/{id}/files', files.body);
    pools.harvest('/api/dossiers/{id}', (await t.http().get(`/api/dossiers/${d.id}`).set('authorization', `Bearer ${tokens[1]}`).expect(200)).body);
  }
}

function hasErrorCode(text: string, status: number): boolean {
  const body = safeJson(text) as { statusCode?: unknown; error?: unknown } | null;
  return body !== null && body.statusCode === status && typeof body.error === 'string' && /^[A-Z_]+$/.test(body.error);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;
}

function describeCaller(draft: Draft): string {
  return draft.caller === 0 ? (draft.forgedToken ? 'anonymous(forged token)' : 'anonymous') : ROLES[draft.caller - 1];
}

function summarise(body: Buffer | null, contentType: string | undefined): string {
  if (!body) return '';
  const head = body.subarray(0, 160).toString('utf8').replace(/[\u0000-\u001f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `[${contentType ?? '?'}, ${body.length} B] ${head}${body.length > 160 ? '…' : ''}`;
}
