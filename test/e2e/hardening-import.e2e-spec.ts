import { DataSource } from 'typeorm';
import { AgencyIdentity } from '../../apps/api/src/catalogue/agency-identity';
import { ManualClock, startTestApp, TestApp } from '../support/test-app';
import { createDossier } from '../support/dossier-helpers';
import { rawRequest } from '../support/raw-http';
import { importLine } from '../support/import-lines';

const P = '1.014393';
const line = (o: Record<string, unknown>) => importLine(P, o);

// Boots the whole application (migrations included) and argon2-hashes logins: slow on a loaded machine.
jest.setTimeout(60_000);

/** Issue #14: the historical import refuses what it cannot hold, streams with bounded memory, and never blocks live dossiers. */
describe('Historical import: dates, codes and memory', () => {
  let t: TestApp;
  let agency: string;
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
  beforeAll(async () => {
    t = await startTestApp({ clock });
    agency = t.app.get(AgencyIdentity).id;
  });
  afterAll(() => t.close());
  const as = async (user: string) => ({ authorization: `Bearer ${await t.login(user)}` });
  const importText = async (body: string) => t.http().post('/api/admin/dossiers/import').set(await as('admin')).set('content-type', 'application/x-ndjson').send(body);
  const count = async () => Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM dossier'))[0].n);

  it('D7: instants outside the calendar’s years, or that do not exist, are problems of their line (422), not a 500 or a roll-over', async () => {
    const before = await count();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ code: 'OLD-D7-1', receivedAt: '2199-12-31T10:00:00Z', dueAt: '2199-12-31T11:00:00Z', outcome: 'processing', finishedAt: null }, 'receivedAt'],
      [{ code: 'OLD-D7-2', receivedAt: '0001-01-01T00:00:00Z' }, 'receivedAt'],
      [{ code: 'OLD-D7-3', receivedAt: '2025-02-30T09:00:00+07:00' }, 'receivedAt'],
      [{ code: 'OLD-D7-4', dueAt: '2025-03-20T24:00:00+07:00' }, 'dueAt'],
      [{ code: 'OLD-D7-5', finishedAt: '2025-03-18T10:61:00+07:00' }, 'finishedAt'],
      [{ code: 'OLD-D7-6', supplements: [{ requestedAt: '2025-03-04T09:00:00+07:00', completedAt: '2025-02-29T09:00:00+07:00' }] }, 'supplements[0].completedAt'],
    ];
    const res = await importText(cases.map(([o]) => line(o)).join('\n'));
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('IMPORT_REJECTED');
    const problems = res.body.details.problems.map((p: { line: number; field: string }) => `${p.line}:${p.field}`);
    cases.forEach(([, field], i) => expect(problems).toContain(`${i + 1}:${field}`));
    expect(await count()).toBe(before);
  });

  it('D8: a code of the live pattern is refused; and a taken code never stops new dossiers', async () => {
    const today = '260302';
    const refused = await importText(line({ code: `${agency}-${today}-0001` }));
    expect(refused.status).toBe(422);
    expect(refused.body.details.problems).toContainEqual(expect.objectContaining({ line: 1, field: 'code' }));
    // A code taken by a row written before this rule existed (an older import): the generator skips it.
    const first = await createDossier(t, P, 'direct', { scan: false });
    expect(first.code).toBe(`${agency}-${today}-0001`);
    await t.app.get(DataSource).query(`UPDATE dossier SET code = '${agency}-${today}-0002', imported = ${t.database.dialect === 'postgres' ? 'true' : '1'} WHERE id = '${first.id}'`);
    const second = await createDossier(t, P, 'direct', { scan: false });
    const third = await createDossier(t, P, 'direct', { scan: false });
    expect([second.code, third.code]).toEqual([`${agency}-${today}-0003`, `${agency}-${today}-0004`]);
  });

  it('D9: a large file of bad lines is read with bounded memory and answered with a capped problem list', async () => {
    const bad = '{"code":1}\n'.repeat(400_000); // 4.4 MB, about 11 problems per line
    // The process's high-water mark of resident memory (kB): whatever the import held at its peak shows here.
    const peakBefore = process.resourceUsage().maxRSS;
    const res = await importText(bad);
    const growth = (process.resourceUsage().maxRSS - peakBefore) * 1024;
    expect(res.status).toBe(422);
    expect(res.body.details.problems).toHaveLength(1000);
    expect(res.body.details.total).toBeGreaterThan(3_000_000);
    expect(growth).toBeLessThan(150 * 1024 * 1024);
  }, 120_000);

  it('an import body over the limit is refused with 413 as soon as it is announced', async () => {
    const res = await rawRequest(
      t,
      {
        method: 'POST',
        path: '/api/admin/dossiers/import',
        headers: { authorization: (await as('admin')).authorization, 'content-type': 'application/x-ndjson', 'content-length': String(5 * 1024 * 1024 * 1024) },
        body: Buffer.from(line({ code: 'OLD-BIG-1' })),
      },
      5_000,
    );
    expect(res.status).toBe(413);
  });
});
