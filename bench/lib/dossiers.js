/**
 * Dossiers made through the API, the way the one-stop unit makes them: the clerk creates
 * a counter dossier, attaches the required components and completes digitisation, which
 * puts it into processing at step 1 (what test/support/dossier-helpers.ts does in the e2e tests).
 *
 * To keep seeding cheap, only the first dossier's components are uploaded (multipart scan,
 * stored and signed by the service); the others reuse those files from the applicant's data
 * store (POST …/components/:key/reuse), an ordinary route of the service.
 */
const { USER_BY_DEPARTMENT } = require('./api');

const APPLICANT = {
  fullName: 'Nguyễn Thị Thu Hương',
  idNumber: '012345678901',
  phone: '0912345678',
  email: 'huong.nguyen@example.vn',
  address: 'Tổ 5, phường Đông Phong, tỉnh Lai Châu',
};

/** A small well-formed PDF (the upload route sniffs the type); `marker` makes each one unique. */
function samplePdf(marker = String(Math.random())) {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${marker}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

/**
 * The seeded procedure the benchmarks use: two steps (a specialist department, then the
 * leader's approval), each handled by a demo account — so FORWARD / SEND_BACK alternate
 * between two people and a full life is five transitions. Among those, the fewest required
 * components (seeding cost), then the specialist account's own department (PQLKH).
 */
async function pickProcedure(api) {
  const clerk = await api.login('clerk');
  const r = await api.json('GET', '/api/procedures', clerk);
  if (r.status !== 200) throw new Error(`GET /api/procedures: ${r.status}`);
  const candidates = r.body
    .filter((p) => p.steps.length === 2 && p.steps.every((s) => USER_BY_DEPARTMENT[s.departmentCode]))
    .map((p) => ({ p, required: p.components.filter((c) => c.required).map((c) => c.key) }))
    .sort((a, b) => a.required.length - b.required.length || (b.p.steps[0].departmentCode === 'PQLKH') - (a.p.steps[0].departmentCode === 'PQLKH') || a.p.code.localeCompare(b.p.code));
  if (candidates.length === 0) throw new Error('The seeded catalogue has no two-step procedure the demo accounts can walk through');
  const { p, required } = candidates[0];
  return {
    code: p.code,
    steps: p.steps,
    requiredComponents: required,
    /** Demo account handling step i. */
    handlers: p.steps.map((s) => USER_BY_DEPARTMENT[s.departmentCode]),
  };
}

/** Runs `work(i)` for i in [0, count) with at most `concurrency` at once. */
async function parallel(count, concurrency, work) {
  let next = 0;
  const results = new Array(count);
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await work(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}

function expect(r, status, what) {
  if (r.status !== status) throw new Error(`${what}: expected ${status}, got ${r.status} ${JSON.stringify(r.body).slice(0, 400)}`);
  return r.body;
}

/**
 * `count` dossiers of `procedure` in processing at step 1 (index 0).
 * @returns {Promise<Array<{id: string, version: number, step: number}>>}
 */
async function seedProcessingDossiers(api, procedure, count, concurrency = 8) {
  const clerk = await api.login('clerk');
  const create = async () =>
    expect(await api.json('POST', '/api/dossiers', clerk, { procedureCode: procedure.code, channel: 'direct', applicant: APPLICANT }), 201, 'create dossier');
  const complete = async (d) =>
    expect(await api.json('POST', `/api/dossiers/${d.id}/events`, clerk, { type: 'COMPLETE_DIGITISATION', expectedVersion: d.version }), 200, 'COMPLETE_DIGITISATION');

  // The first dossier: real scans, which then sit in the applicant's data store.
  const first = await create();
  const sources = {};
  for (const key of procedure.requiredComponents) {
    const f = expect(
      await api.multipart(`/api/dossiers/${first.id}/components/${encodeURIComponent(key)}/files`, clerk, {}, { bytes: samplePdf(), type: 'application/pdf', name: 'ban-scan.pdf' }),
      201,
      `upload ${key}`,
    );
    sources[key] = f.id;
  }
  const done = [await complete(first)];
  const rest = await parallel(count - 1, concurrency, async () => {
    const d = await create();
    for (const key of procedure.requiredComponents) {
      expect(await api.json('POST', `/api/dossiers/${d.id}/components/${encodeURIComponent(key)}/reuse`, clerk, { fileId: sources[key] }), 201, `reuse ${key}`);
    }
    return complete(d);
  });
  return [...done, ...rest].map((d) => {
    if (d.state !== 'processing' || d.currentStep?.index !== 0) throw new Error(`seeded dossier ${d.id} is ${d.state} at ${JSON.stringify(d.currentStep)}`);
    return { id: d.id, version: d.version, step: 0 };
  });
}

module.exports = { APPLICANT, samplePdf, pickProcedure, seedProcessingDossiers, parallel, expect };
