import { parseQrPayload } from '@motcua/documents';
import { decodeQr, pdfImages, pdfText } from '@motcua/documents/testing';
import { APPLICANT, createDossier, pickWalkableProcedure, sendEvent, USER_BY_DEPARTMENT } from '../support/dossier-helpers';
import { submitOnline } from '../support/portal-inbound';
import { attachSignedResult } from '../support/files';
import { startTestApp, TestApp } from '../support/test-app';

const binary = (res: import('supertest').Test) =>
  res.buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });

describe('Receipt, public lookup, rating and payment', () => {
  let t: TestApp;
  let procedure: Awaited<ReturnType<typeof pickWalkableProcedure>>;
  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_BASE_URL: 'https://dichvucong.example.vn', PUBLIC_RATE_LIMIT_PER_MINUTE: '1000' } });
    procedure = await pickWalkableProcedure(t, { minSteps: 2 });
  });
  afterAll(() => t.close());
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.login(user)}` });

  /** Walks a dossier to `result_issued`. */
  async function issued() {
    const d = await createDossier(t, procedure.code);
    let v = (await sendEvent(t, 'clerk', d.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: d.version })).body.version;
    for (let i = 0; i < procedure.steps.length; i++) {
      const actor = USER_BY_DEPARTMENT[procedure.steps[i].departmentCode];
      const last = i === procedure.steps.length - 1;
      if (last) expect((await attachSignedResult(t, actor, d.id)).status).toBe(201);
      const res = await sendEvent(t, actor, d.id, { type: last ? 'ISSUE_RESULT' : 'FORWARD', expectedVersion: v });
      expect(res.status).toBe(200);
      v = res.body.version;
    }
    return { ...d, version: v };
  }

  it('prints the receipt (Mẫu 01) in Vietnamese with a QR code holding the documented content', async () => {
    const d = await createDossier(t, procedure.code);
    const view = (await t.http().get(`/api/dossiers/${d.id}`).set(await auth('clerk')).expect(200)).body;
    expect(view.publicLookupUrl).toMatch(new RegExp(`^https://dichvucong\\.example\\.vn/#/tra-cuu/${d.code.replace(/\./g, '\\.')}/[A-Za-z0-9_-]+$`));
    const specialistView = (await t.http().get(`/api/dossiers/${d.id}`).set(await auth('leader')).expect(200)).body;
    expect(specialistView.publicLookupUrl).toBeUndefined();

    const res = await binary(t.http().get(`/api/dossiers/${d.id}/documents/receipt`).set(await auth('clerk'))).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    const text = (await pdfText(pdf)).normalize('NFC');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(APPLICANT.fullName);
    expect(text).toContain(d.code);
    const qr = pdfImages(pdf).map(decodeQr).find((x) => x !== null);
    expect(qr).toBeDefined();
    const fields = parseQrPayload(qr!);
    const nationalCode = (await t.http().get(`/api/procedures/${procedure.code}`).set(await auth('clerk')).expect(200)).body.nationalCode ?? '';
    expect(fields).toMatchObject({ dossierCode: d.code, procedureCode: nationalCode, lookupUrl: view.publicLookupUrl, applicantId: '********8901', paperName: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' });
    // One https link a phone opens: the public page's route in the fragment, the Art 26 fields in the query.
    expect(qr).toMatch(/^https:\/\/dichvucong\.example\.vn\/\?v=2&ma=[^\s#]+#\/tra-cuu\//);
    if (!nationalCode) {
      expect(text).not.toContain('Mã thủ tục hành chính');
      expect(text).not.toContain(procedure.code);
    }
    // The printed short "Mã tra cứu" opens the public page with the code typed in any case and spacing.
    expect(text.replace(/\s+/g, ' ')).toContain(`Mã tra cứu: ${view.lookupCode}`);
    const typedCode = ` ${d.code.toLowerCase().replace('-', ' - ')} `;
    const typedKey = view.lookupCode.toLowerCase().replace('-', ' ');
    const opened = await t.http().get(`/api/public/dossiers/${encodeURIComponent(typedCode)}`).query({ secret: typedKey }).expect(200);
    expect(opened.body.code).toBe(d.code);
    await t.http().get(`/api/public/dossiers/${encodeURIComponent(d.code)}`).query({ secret: 'ZZZZ-ZZZZ' }).expect(404);
    // The QR carries times to the second.
    expect(Math.floor(new Date(fields.appointmentAt!).getTime() / 1000)).toBe(Math.floor(new Date(view.appointmentAt).getTime() / 1000));

    // Reprints are the same stored paper.
    const again = await binary(t.http().get(`/api/dossiers/${d.id}/documents/receipt`).set(await auth('clerk'))).expect(200);
    expect(Buffer.compare(again.body as Buffer, pdf)).toBe(0);
  });

  it('prints the supplementation request and the refusal when they happen, not before', async () => {
    const d = await createDossier(t, procedure.code);
    await binary(t.http().get(`/api/dossiers/${d.id}/documents/refusal`).set(await auth('clerk'))).expect(409);
    let v = (await sendEvent(t, 'clerk', d.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: d.version })).body.version;
    const handler = USER_BY_DEPARTMENT[procedure.steps[0].departmentCode];
    v = (await sendEvent(t, handler, d.id, { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu bản thuyết minh đề tài', expectedVersion: v })).body.version;
    const request = await binary(t.http().get(`/api/dossiers/${d.id}/documents/supplement-request`).set(await auth('clerk'))).expect(200);
    const requestText = (await pdfText(request.body as Buffer)).normalize('NFC');
    expect(requestText).toContain('Thiếu bản thuyết minh đề tài');
    v = (await sendEvent(t, 'clerk', d.id, { type: 'SUPPLEMENT_RECEIVED', expectedVersion: v })).body.version;
    await sendEvent(t, handler, d.id, { type: 'REFUSE', reason: 'Không đủ điều kiện theo Nghị định 268/2025/NĐ-CP', expectedVersion: v });
    const refusal = await binary(t.http().get(`/api/dossiers/${d.id}/documents/refusal`).set(await auth('clerk'))).expect(200);
    expect((await pdfText(refusal.body as Buffer)).normalize('NFC')).toContain('Không đủ điều kiện theo Nghị định 268/2025/NĐ-CP');
  });

  it('shows the applicant the dossier with its secret only, the same 404 otherwise, and takes one rating after the result', async () => {
    const d = await issued();
    const view = (await t.http().get(`/api/dossiers/${d.id}`).set(await auth('clerk')).expect(200)).body;
    const secret = view.publicLookupUrl.split('/').pop();
    const ok = await t.http().get(`/api/public/dossiers/${encodeURIComponent(d.code)}`).query({ secret }).expect(200);
    expect(ok.body).toMatchObject({ code: d.code, state: 'result_issued', canRate: true, rating: null });
    // The result is validly signed by the agency (the certificate's organisation, no staff name).
    expect(ok.body.result).toMatchObject({ validlySigned: true, signedBy: 'Sở Khoa học và Công nghệ tỉnh Lai Châu', documentSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(ok.body)).not.toContain(APPLICANT.idNumber);
    expect(JSON.stringify(ok.body)).not.toContain(APPLICANT.fullName);
    expect(JSON.stringify(ok.body)).not.toContain('clerk');

    const wrongSecret = await t.http().get(`/api/public/dossiers/${encodeURIComponent(d.code)}`).query({ secret: 'x'.repeat(secret.length) });
    const unknownCode = await t.http().get(`/api/public/dossiers/KHONG-CO-0001`).query({ secret });
    expect(wrongSecret.status).toBe(404);
    expect(unknownCode.status).toBe(404);
    expect(wrongSecret.body).toEqual(unknownCode.body);

    await t.http().post(`/api/public/dossiers/${encodeURIComponent(d.code)}/rating`).send({ secret: 'wrong', level: 'satisfied' }).expect(404);
    const rated = await t.http().post(`/api/public/dossiers/${encodeURIComponent(d.code)}/rating`).send({ secret, level: 'dissatisfied', comment: 'Chờ lâu quá' });
    expect(rated.status).toBe(201);
    const twice = await t.http().post(`/api/public/dossiers/${encodeURIComponent(d.code)}/rating`).send({ secret, level: 'very_satisfied' });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toBe('ALREADY_RATED');
    const after = await t.http().get(`/api/public/dossiers/${encodeURIComponent(d.code)}`).query({ secret }).expect(200);
    expect(after.body).toMatchObject({ canRate: false, rating: { level: 'dissatisfied' } });

    // Not before the result.
    const early = await createDossier(t, procedure.code);
    const earlySecret = (await t.http().get(`/api/dossiers/${early.id}`).set(await auth('clerk'))).body.publicLookupUrl.split('/').pop();
    const tooEarly = await t.http().post(`/api/public/dossiers/${encodeURIComponent(early.code)}/rating`).send({ secret: earlySecret, level: 'satisfied' });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.error).toBe('NOT_YET_RATABLE');
  });

  it('records a fee payment once (indicator 3.6)', async () => {
    const paid = await t.http().get('/api/procedures').set(await auth('clerk')).expect(200);
    const withFee = paid.body.find((p: { fee: { amountVnd: number | null } }) => (p.fee.amountVnd ?? 0) > 0);
    const d = { body: await submitOnline(t, withFee.code) };
    expect(d.body.feeApplies).toBe(true);
    const res = await t.http().post(`/api/dossiers/${d.body.id}/payment`).set(await auth('clerk')).send({ method: 'national_portal', amountVnd: withFee.fee.amountVnd, reference: 'GD-2026-000123' });
    expect(res.status).toBe(201);
    await t.http().post(`/api/dossiers/${d.body.id}/payment`).set(await auth('clerk')).send({ method: 'counter' }).expect(409);
    await t.http().post(`/api/dossiers/${d.body.id}/payment`).set(await auth('specialist')).send({ method: 'counter' }).expect(403);
    const withoutFee = paid.body.find((p: { fee: { amountVnd: number | null; text: string | null } }) => p.fee.amountVnd === 0);
    const free = await t.http().post('/api/dossiers').set(await auth('clerk')).send({ procedureCode: withoutFee.code, channel: 'direct', applicant: APPLICANT }).expect(201);
    expect(free.body.feeApplies).toBe(false);
    const noFee = await t.http().post(`/api/dossiers/${free.body.id}/payment`).set(await auth('clerk')).send({ method: 'counter' });
    expect(noFee.status).toBe(422);
    expect(noFee.body.error).toBe('NO_FEE');
    const view = (await t.http().get(`/api/dossiers/${d.body.id}`).set(await auth('clerk'))).body;
    expect(view.paymentMethod).toBe('national_portal');
  });
});

describe('Public endpoints are rate-limited', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('answers 429 past the limit', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.http().get('/api/public/dossiers/KHONG-CO-0001').query({ secret: 'abc' })).status);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
  });
});
