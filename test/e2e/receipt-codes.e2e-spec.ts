import { pdfText } from '@motcua/documents/testing';
import { APPLICANT, pickWalkableProcedure, sendEvent } from '../support/dossier-helpers';
import { portalRecord, postPortalDossier } from '../support/portal-inbound';
import { ManualClock, startTestApp, TestApp } from '../support/test-app';

const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);
const SUBMISSION_REF = /^NOP-\d{6}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const sequenceOf = (code: string) => Number(code.split('-').at(-1));
const binary = (res: import('supertest').Test) =>
  res.buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });

/**
 * The dossier code is issued at receipt, numbered by the receipt date and the day's receipt
 * sequence (TT 01/2018 Art 19, DOMAIN.md §2.6; issue #12 acceptance 3, issue #16 acceptance 4).
 */
describe('Receipt codes: numbered at receipt, online submissions by their own reference until accepted', () => {
  const clock = new ManualClock(vn('2026-04-06 09:00'));
  let t: TestApp;
  let procedureCode: string;
  let agency: string;
  beforeAll(async () => {
    t = await startTestApp({ clock });
    procedureCode = (await pickWalkableProcedure(t)).code;
    // The agency's identifier, as the counter's receipt codes carry it.
    const token = await t.login('clerk');
    const probe = await t.http().post('/api/dossiers').set('authorization', `Bearer ${token}`).send({ procedureCode, channel: 'direct', applicant: APPLICANT });
    if (probe.status !== 201) throw new Error(JSON.stringify(probe.body));
    agency = (probe.body.code as string).replace(/-\d{6}-\d{4}$/, '');
  });
  afterAll(() => t.close());

  const submit = async () => {
    const record = portalRecord(procedureCode, {});
    const res = await postPortalDossier(t, record);
    expect(res.status).toBe(201);
    return { id: res.body.dossierId as string, reference: res.body.reference as string, record };
  };
  const view = async (id: string) => {
    const token = await t.login('clerk');
    return (await t.http().get(`/api/dossiers/${id}`).set('authorization', `Bearer ${token}`).expect(200)).body;
  };

  it('30 parallel receipts (counter dossiers and accepted online submissions) get 30 consecutive numbers of the day', async () => {
    clock.set(vn('2026-04-06 08:00'));
    const online = [];
    for (let i = 0; i < 10; i++) online.push(await submit());
    clock.set(vn('2026-04-07 09:00'));
    const token = await t.login('clerk');
    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        t.http().post('/api/dossiers').set('authorization', `Bearer ${token}`).send({ procedureCode, channel: 'direct', applicant: { ...APPLICANT, idNumber: `0020000000${String(i).padStart(2, '0')}` } }),
      ),
      ...online.map((s) => sendEvent(t, 'clerk', s.id, { type: 'ACCEPT', expectedVersion: 1 })),
    ]);
    expect(results.map((r) => r.status).filter((s) => s !== 200 && s !== 201)).toEqual([]);
    const codes = results.map((r) => r.body.code as string);
    for (const code of codes) expect(code).toMatch(new RegExp(`^${agency.replace(/\./g, '\\.')}-260407-\\d{4}$`));
    expect(codes.map(sequenceOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    // The accepted submissions were numbered on the day of acceptance, not of submission.
    for (const r of results.slice(20)) expect(r.body).toMatchObject({ state: 'received', receiptCode: r.body.code, submissionRef: expect.stringMatching(/^NOP-260406-/) });
  });

  it('an online submission rejected between accepted ones consumes no receipt number', async () => {
    clock.set(vn('2026-04-08 08:30'));
    const [first, rejected, last] = [await submit(), await submit(), await submit()];
    for (const s of [first, rejected, last]) expect(s.reference).toMatch(SUBMISSION_REF);
    expect(new Set([first.reference, rejected.reference, last.reference]).size).toBe(3);
    const before = await view(rejected.id);
    expect(before).toMatchObject({ state: 'submitted', code: rejected.reference, submissionRef: rejected.reference, receiptCode: null });

    clock.set(vn('2026-04-08 10:00'));
    const a = await sendEvent(t, 'clerk', first.id, { type: 'ACCEPT', expectedVersion: 1 });
    const r = await sendEvent(t, 'clerk', rejected.id, { type: 'REJECT', reason: 'Hồ sơ không thuộc thẩm quyền', expectedVersion: 1 });
    const c = await sendEvent(t, 'clerk', last.id, { type: 'ACCEPT', expectedVersion: 1 });
    expect([a.status, r.status, c.status]).toEqual([200, 200, 200]);
    expect(sequenceOf(a.body.code)).toBe(1);
    expect(c.body.code).toBe(`${agency}-260408-0002`);
    expect(r.body).toMatchObject({ state: 'rejected', code: rejected.reference, receiptCode: null });

    // The acceptance's audit event names both codes.
    const token = await t.login('clerk');
    const history = (await t.http().get(`/api/dossiers/${first.id}/history`).set('authorization', `Bearer ${token}`).expect(200)).body;
    expect(history[0].payload).toMatchObject({ submissionRef: first.reference });
    expect(history.at(-1)).toMatchObject({ type: 'ACCEPT', details: { code: { submissionRef: first.reference, receiptCode: a.body.code } } });
  });

  it('after acceptance the old reference still finds the dossier: portal replay, public lookup in any case, worklist search', async () => {
    clock.set(vn('2026-04-09 09:00'));
    const s = await submit();
    const secret = ((await view(s.id)).publicLookupUrl as string).split('/').at(-1)!;
    const accepted = await sendEvent(t, 'clerk', s.id, { type: 'ACCEPT', expectedVersion: 1 });
    expect(accepted.status).toBe(200);
    const receiptCode = accepted.body.code as string;
    expect(receiptCode).not.toBe(s.reference);

    // The portal sends the same MaHoSo again: one dossier, acknowledged with its receipt code now.
    const replay = await postPortalDossier(t, s.record);
    expect(replay.body).toMatchObject({ dossierId: s.id, reference: receiptCode, replayed: true });

    for (const typed of [s.reference, s.reference.toLowerCase(), receiptCode, receiptCode.toLowerCase()]) {
      const found = await t.http().get(`/api/public/dossiers/${encodeURIComponent(typed)}`).query({ secret });
      expect(found.status).toBe(200);
      expect(found.body).toMatchObject({ code: receiptCode, receiptCode, submissionRef: s.reference });
    }

    const token = await t.login('clerk');
    const list = await t.http().get('/api/dossiers').query({ text: s.reference.toLowerCase() }).set('authorization', `Bearer ${token}`).expect(200);
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([s.id]);

    // The receipt (Mẫu 01) carries the receipt code.
    const receipt = await binary(t.http().get(`/api/dossiers/${s.id}/documents/receipt`).set('authorization', `Bearer ${token}`)).expect(200);
    const text = (await pdfText(receipt.body as Buffer)).normalize('NFC');
    expect(text).toContain(receiptCode);
    expect(text).not.toContain(s.reference);
  });
});
