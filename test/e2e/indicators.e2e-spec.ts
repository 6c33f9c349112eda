import { DataSource } from 'typeorm';
import { verifyRollup } from '../../apps/api/src/indicator-rollup/rollup-build';
import ExcelJS from 'exceljs';
import { computeIndicators, customPeriod } from '@motcua/indicators';
import { IndicatorsService } from '../../apps/api/src/indicators/indicators.service';
import { startTestApp, TestApp } from '../support/test-app';

const P = '1.014393'; // a procedure with a paper result
const line = (o: Record<string, unknown>) =>
  JSON.stringify({ procedureCode: P, supplements: [], digitised: false, eResult: false, paidOnline: null, rating: null, channel: 'direct', ...o });

/**
 * Hand-computed fixture for Q1 2026 (see the tally in each test). Times are +07:00.
 * A8 ended before the quarter and A9 was received after it: neither counts.
 */
const FIXTURE = [
  line({
    code: 'IMP-A1',
    channel: 'online',
    receivedAt: '2026-01-05T09:00:00+07:00',
    dueAt: '2026-02-20T17:00:00+07:00',
    finishedAt: '2026-01-20T10:00:00+07:00',
    outcome: 'returned',
    digitised: true,
    eResult: true,
    resultCode: 'KQ-A1',
    resultLink: 'https://dvc.laichau.gov.vn/ket-qua/KQ-A1',
    paidOnline: 'national',
    rating: 'very_satisfied',
  }),
  line({ code: 'IMP-A2', channel: 'online', receivedAt: '2026-01-06T09:00:00+07:00', dueAt: '2026-01-16T17:00:00+07:00', finishedAt: '2026-01-26T10:00:00+07:00', outcome: 'returned', digitised: true, paidOnline: false, rating: 'dissatisfied' }),
  line({
    code: 'IMP-A3',
    receivedAt: '2026-02-02T09:00:00+07:00',
    dueAt: '2026-02-27T17:00:00+07:00',
    finishedAt: '2026-02-25T10:00:00+07:00',
    outcome: 'refused',
    supplements: [
      { requestedAt: '2026-02-03T09:00:00+07:00', completedAt: '2026-02-04T09:00:00+07:00' },
      { requestedAt: '2026-02-05T09:00:00+07:00', completedAt: '2026-02-06T09:00:00+07:00' },
    ],
  }),
  line({ code: 'IMP-A4', channel: 'postal', receivedAt: '2026-03-02T09:00:00+07:00', dueAt: '2026-04-15T17:00:00+07:00', outcome: 'processing', digitised: true }),
  line({ code: 'IMP-A5', receivedAt: '2026-03-10T09:00:00+07:00', dueAt: '2026-03-20T17:00:00+07:00', outcome: 'processing' }),
  line({ code: 'IMP-A6', receivedAt: '2026-03-16T09:00:00+07:00', dueAt: '2026-03-27T17:00:00+07:00', outcome: 'processing', digitised: true, supplements: [{ requestedAt: '2026-03-18T09:00:00+07:00', completedAt: null }] }),
  line({
    code: 'IMP-A7',
    receivedAt: '2025-12-15T09:00:00+07:00',
    dueAt: '2026-01-10T17:00:00+07:00',
    finishedAt: '2026-01-08T10:00:00+07:00',
    outcome: 'returned',
    digitised: true,
    eResult: true,
    resultCode: 'KQ-A7',
    resultLink: 'https://dvc.laichau.gov.vn/ket-qua/KQ-A7',
    rating: 'satisfied',
  }),
  line({ code: 'IMP-A8', receivedAt: '2025-11-03T09:00:00+07:00', dueAt: '2025-11-20T17:00:00+07:00', finishedAt: '2025-11-18T10:00:00+07:00', outcome: 'returned' }),
  line({ code: 'IMP-A9', receivedAt: '2026-04-02T09:00:00+07:00', dueAt: '2026-04-20T17:00:00+07:00', outcome: 'processing' }),
  line({ code: 'IMP-A10', channel: 'online', receivedAt: '2026-01-12T09:00:00+07:00', dueAt: '2026-01-22T17:00:00+07:00', finishedAt: '2026-01-21T16:00:00+07:00', outcome: 'withdrawn', digitised: true }),
].join('\n');

describe('Indicators from imported dossiers', () => {
  let t: TestApp;
  let admin: string;
  let reporter: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = `Bearer ${await t.login('admin')}`;
    reporter = `Bearer ${await t.login('reporter')}`;
    const res = await t.http().post('/api/admin/dossiers/import').set('authorization', admin).set('content-type', 'application/x-ndjson').send(FIXTURE);
    expect(res.body).toEqual({ imported: 10, closed: 0 });
  });
  afterAll(() => t.close());

  const q1 = { from: '2026-01-01', to: '2026-03-31' };
  const byKey = (body: { indicators: Array<{ key: string }> }) => Object.fromEntries(body.indicators.map((i) => [i.key, i])) as unknown as Record<string, { numerator: number; denominator: number; rate: number | null }>;

  it("returns the fixture's hand-computed figures, from the records the portal would receive", async () => {
    const res = await t.http().get('/api/indicators').query(q1).set('authorization', reporter).expect(200);
    const k = byKey(res.body);
    expect(res.body.provisional).toBe(false);
    // 2.1: in scope A1–A7, A10 (8); on time A1, A4 (open, appointment after the quarter), A6 (single pending supplementation,
    // requested before the appointment), A7, A10 = 5. Late: A2 (ended after its appointment), A3 (two requests), A5 (open past due).
    expect(k['2.1']).toMatchObject({ numerator: 5, denominator: 8, rate: 62.5 });
    // Received in Q1: A1–A6, A10 (7). Online by the method: A1 (paper result with result code and link), A10 (withdrawn, no result);
    // not A2 (result returned without a link). No record reached the portal (no PORTAL_SYNC_URL): 1.4 = 0/7, so 3.3 = 2/7 × 0%.
    expect(k['1.4']).toMatchObject({ numerator: 0, denominator: 7, rate: 0 });
    expect(k['3.3']).toMatchObject({ numerator: 2, denominator: 7, rate: 0 });
    expect(res.body.indicators.find((i: { key: string }) => i.key === '3.3').breakdown).toEqual({ kind: 'online', onlineShare: 28.57, syncRate: 0 });
    // The procedure charges no fee (the catalogue says "Không"): 3.6 has no denominator, whatever the lines said of payment.
    expect(k['3.6']).toMatchObject({ numerator: 0, denominator: 0, rate: null });
    // Results issued in Q1 with a paper result: A1, A2, A7 (A3 refused, A10 withdrawn); with a result link: A1, A7.
    expect(k['4.1']).toMatchObject({ numerator: 2, denominator: 3, rate: 66.67 });
    // Digitised, and electronic where a paper result was issued: A1, A4, A6 (open), A10 (withdrawn); not A2.
    expect(k['4.2']).toMatchObject({ numerator: 4, denominator: 7, rate: 57.14 });
    expect(k['4.3']).toMatchObject({ numerator: 0, denominator: 7, rate: 0 });
    // 5.4 = 100 − (3/8 overdue + 1/8 dissatisfied: A2) = 50%.
    expect(k['5.4']).toMatchObject({ numerator: 4, denominator: 8, rate: 50 });
    const measure = (key: string) => res.body.measures.find((m: { key: string }) => m.key === key);
    expect(measure('digitised_at_receipt')).toMatchObject({ numerator: 5, denominator: 7 });
    expect([measure('channel_online').numerator, measure('channel_direct').numerator, measure('channel_postal').numerator]).toEqual([3, 3, 1]);
    expect(k['5.2'].rate).toBeNull(); // no feedback yet: N/A, no division by zero

    // 3.1 and 3.5 count the catalogue (its current versions), 3.2 its online services that received an online dossier.
    const catalogue = (await t.http().get('/api/procedures').set('authorization', admin).expect(200)).body as Array<{ code: string; onlineLevel: string | null; fee: { amountVnd: number | null; text: string | null } }>;
    const online = catalogue.filter((p) => p.onlineLevel === 'toan_trinh' || p.onlineLevel === 'mot_phan');
    expect(k['3.1']).toMatchObject({ numerator: online.length, denominator: catalogue.length });
    expect(k['3.2']).toMatchObject({ numerator: online.some((p) => p.code === P) ? 1 : 0, denominator: online.length });
    expect(k['3.5'].denominator).toBeGreaterThan(0);
    expect(k['3.5'].numerator).toBe(catalogue.filter((p) => p.fee.amountVnd !== null && p.fee.amountVnd > 0).length);
  });

  it('agrees with the reference implementation over the same facts', async () => {
    const service = t.app.get(IndicatorsService);
    const period = customPeriod(q1.from, q1.to);
    const sql = await service.report(period);
    const reference = computeIndicators(await service.factsFor(period), period, service.config, [], await service.catalogueFacts());
    expect(sql.counts.ratios).toEqual(reference.counts.ratios);
    expect(sql.counts.processingTime.byProcedure).toEqual(reference.counts.processingTime.byProcedure);
    expect(sql.counts.processingTime.byProcedure[0].completed).toBeGreaterThan(0);
    expect(sql.total).toEqual(reference.total);
  });

  it('exports an Excel workbook with Vietnamese headings and the same numbers, and CSV', async () => {
    const res = await t
      .http()
      .get('/api/indicators/export')
      .query({ ...q1, format: 'xlsx' })
      .set('authorization', reporter)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const group2 = wb.getWorksheet('Nhóm 2')!;
    expect(group2.getRow(1).values).toEqual(expect.arrayContaining(['Mã chỉ số', 'Tên chỉ số', 'Tử số', 'Mẫu số', 'Tỷ lệ (%) / giá trị']));
    const row21 = group2.getRows(2, group2.rowCount - 1)!.find((r) => r.getCell(1).value === '2.1')!;
    expect([row21.getCell(3).value, row21.getCell(4).value, row21.getCell(5).value]).toEqual([5, 8, 62.5]);
    const late = wb.getWorksheet('Hồ sơ trễ hạn')!;
    const lateCodes = late.getRows(2, late.rowCount - 1)!.map((r) => r.getCell(1).value).filter((v) => typeof v === 'string' && v.startsWith('IMP-')).sort();
    expect(lateCodes).toEqual(['IMP-A2', 'IMP-A3', 'IMP-A5']);
    const reconciliation = wb.getWorksheet('Đối chiếu Cổng DVCQG')!;
    expect(reconciliation.getRow(1).values).toEqual(expect.arrayContaining(['Số liệu của hệ thống', 'Cổng tính từ bản ghi đã nhận']));

    const csv = await t.http().get('/api/indicators/export').query({ ...q1, format: 'csv' }).set('authorization', reporter).expect(200);
    expect(csv.text.startsWith('\uFEFFMã chỉ số,Tên chỉ số')).toBe(true);
    expect(csv.text).toMatch(/\n2\.1,[^\n]*,5,8,62\.5,/);
  });

  it('files Biểu 06/VPCP/KSTT with the form’s layout, its totals equal to the API’s counts', async () => {
    const res = await t
      .http()
      .get('/api/indicators/bieu-06')
      .query(q1)
      .set('authorization', reporter)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="bieu-06_2026-01-01..2026-03-31.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const sheet = wb.getWorksheet('Biểu 06')!;
    expect(sheet.getCell('A1').value).toBe('Biểu số 06/VPCP/KSTT');
    expect(String(sheet.getCell('C1').value)).toMatch(/^TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI SỞ KHOA HỌC VÀ CÔNG NGHỆ/);
    expect(sheet.getCell('A3').value).toBe('Kỳ báo cáo: Từ 01/01/2026 đến 31/03/2026 (từ ngày 01/01/2026 đến ngày 31/03/2026)');
    expect(sheet.getCell('C5').value).toBe('Số hồ sơ nhận giải quyết');
    expect(sheet.getCell('F6').value).toBe('Số kỳ trước chuyển qua');
    expect(sheet.getCell('M7').value).toBe('Quá hạn');
    expect(sheet.getRow(8).values).toEqual([undefined, ...Array.from({ length: 13 }, (_, i) => `(${i + 1})`)]);
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    // Total row: 8 in scope (A7 carried over from December); new online A1, A2, A10; resolved A1, A7 (early), A10 (early),
    // A2, A3 (late); in progress A4, A6 (within the limit), A5 (overdue).
    expect(row(9)).toEqual(['', 'Tổng cộng', 8, 3, 4, 1, 5, 3, 0, 2, 3, 2, 1]);
    expect(row(10)).toEqual(['I', 'Hoạt động khoa học và công nghệ', 8, 3, 4, 1, 5, 3, 0, 2, 3, 2, 1]);
    expect(row(11).slice(0, 3)).toEqual(['1', 'Công nhận trung tâm nghiên cứu và phát triển (Sở Khoa học và Công nghệ)', 8]);
    // The API's counts for the same period.
    const api = byKey((await t.http().get('/api/indicators').query(q1).set('authorization', reporter).expect(200)).body);
    const [total, , , , , early, onTime, , , inProgressOnTime] = row(9).slice(2) as number[];
    expect(total).toBe(api['2.1'].denominator);
    expect(early + onTime + inProgressOnTime).toBe(api['2.1'].numerator);
    expect(String(sheet.getCell('B' + (sheet.rowCount - 1)).value)).toBe('NGƯỜI LẬP BIỂU');
  });

  it('lists the dossiers behind a number, and the plan shortfall', async () => {
    const res = await t.http().get('/api/indicators/dossiers').query({ ...q1, indicator: '2.1' }).set('authorization', reporter).expect(200);
    expect([...res.body.denominator].sort()).toEqual(['IMP-A1', 'IMP-A10', 'IMP-A2', 'IMP-A3', 'IMP-A4', 'IMP-A5', 'IMP-A6', 'IMP-A7'].sort());
    const plan = await t.http().get('/api/indicators/plan').query(q1).set('authorization', reporter).expect(200);
    const onTime = plan.body.lines.find((l: { measure: string }) => l.measure === '2.1');
    expect(onTime).toMatchObject({ actual: 62.5, target: 100, met: false });
    expect(onTime.shortfall).toBe(3);
  });

  it('draws the trend in one request: per month, the rates of that month’s own report', async () => {
    const res = await t.http().get('/api/indicators/trend').query({ year: 2026, month: 3, months: 4 }).set('authorization', reporter).expect(200);
    const points: Array<{ label: string; started: boolean; provisional: boolean; rates: Record<string, number | null> }> = res.body.months;
    expect(points.map((p) => p.label)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03']);
    for (const [i, number] of [12, 1, 2, 3].entries()) {
      const year = number === 12 ? 2025 : 2026;
      const month = await t.http().get('/api/indicators').query({ period: 'month', year, number }).set('authorization', reporter).expect(200);
      const own = byKey(month.body);
      expect(points[i]).toMatchObject({ started: true, provisional: false });
      for (const key of ['2.1', '3.3', '4.1', '4.2', '5.4']) expect([key, points[i].rates[key]]).toEqual([key, own[key].rate]);
    }
    // January: A1 (20/01 ≤ 20/02), A7 (08/01 ≤ 10/01), A10 (withdrawn 21/01 ≤ 22/01) on time, A2 (26/01 > 16/01) late → 75%.
    expect(points[1].rates['2.1']).toBe(75);
    expect('2.2' in points[1].rates).toBe(false);
    // A filter narrows every month the same way.
    const online = await t.http().get('/api/indicators/trend').query({ year: 2026, month: 1, months: 1, channel: 'postal' }).set('authorization', reporter).expect(200);
    expect(online.body.months[0].rates['2.1']).toBeNull();
  });

  it('gives months not yet begun no figures, and refuses bad spans and other roles', async () => {
    const future = await t.http().get('/api/indicators/trend').query({ year: 2199, month: 12, months: 2 }).set('authorization', reporter).expect(200);
    expect(future.body.months).toEqual([
      { label: '2199-11', labelVi: 'Tháng 11/2199', started: false, provisional: false, rates: {} },
      { label: '2199-12', labelVi: 'Tháng 12/2199', started: false, provisional: false, rates: {} },
    ]);
    for (const query of [{ year: 2026, month: 3, months: 25 }, { year: 2026, month: 13 }, { year: 2026, month: 3, months: 0 }, { year: 2026 }]) {
      const res = await t.http().get('/api/indicators/trend').query(query).set('authorization', reporter).expect(400);
      expect(res.body.error).toBe('VALIDATION_FAILED');
    }
    await t.http().get('/api/indicators/trend').query({ year: 2026, month: 3 }).set('authorization', `Bearer ${await t.login('clerk')}`).expect(403);
    await t.http().get('/api/indicators/trend').query({ year: 2026, month: 3 }).expect(401);
  });

  it('refuses a bad import whole, reporting problems by line, and keeps imported dossiers read-only', async () => {
    const bad = [line({ code: 'IMP-B1', receivedAt: '2026-01-05T09:00:00+07:00', dueAt: '2026-01-20T17:00:00+07:00', outcome: 'processing' }), '{"code": "B2"', line({ code: 'IMP-A1', receivedAt: 'yesterday', dueAt: '2026-01-20T17:00:00+07:00', outcome: 'done' })].join('\n');
    const res = await t.http().post('/api/admin/dossiers/import').set('authorization', admin).set('content-type', 'application/x-ndjson').send(bad).expect(422);
    expect(res.body.error).toBe('IMPORT_REJECTED');
    const lines = res.body.details.problems.map((p: { line: number; field: string | null }) => `${p.line}:${p.field}`);
    expect(lines).toEqual(expect.arrayContaining(['2:null', '3:receivedAt', '3:outcome']));
    const clerk = `Bearer ${await t.login('clerk')}`;
    const list = await t.http().get('/api/dossiers?text=IMP-B1').set('authorization', clerk).expect(200);
    expect(list.body.total).toBe(0);
    await t.http().post('/api/admin/dossiers/import').set('authorization', clerk).set('content-type', 'application/x-ndjson').send(FIXTURE).expect(403);

    const a5 = (await t.http().get('/api/dossiers?text=IMP-A5').set('authorization', clerk).expect(200)).body.items.find((d: { code: string }) => d.code === 'IMP-A5');
    const ev = await t.http().post(`/api/dossiers/${a5.id}/events`).set('authorization', clerk).send({ type: 'WITHDRAW', reason: 'x', expectedVersion: a5.version });
    expect(ev.status).toBe(409);
    expect(ev.body.error).toBe('IMPORTED_READ_ONLY');
  });

  it('closes an imported dossier still in processing with a later line, so it is not late forever', async () => {
    const q2 = { from: '2026-04-01', to: '2026-06-30' };
    const behind = async () => (await t.http().get('/api/indicators/dossiers').query({ ...q2, indicator: '2.1' }).set('authorization', reporter).expect(200)).body;
    const before = await behind();
    expect(before.denominator).toContain('IMP-A9');
    expect(before.notInNumerator).toContain('IMP-A9'); // open and past its appointment of 20/04

    const follow = line({ code: 'IMP-A9', receivedAt: '2026-04-02T09:00:00+07:00', dueAt: '2026-04-20T17:00:00+07:00', finishedAt: '2026-04-17T10:00:00+07:00', outcome: 'returned' });
    const res = await t.http().post('/api/admin/dossiers/import').set('authorization', admin).set('content-type', 'application/x-ndjson').send(follow).expect(200);
    expect(res.body).toEqual({ imported: 0, closed: 1 });

    const after = await behind();
    expect(after.numerator).toContain('IMP-A9');
    expect(after.notInNumerator).not.toContain('IMP-A9');
    const clerk = `Bearer ${await t.login('clerk')}`;
    const a9 = (await t.http().get('/api/dossiers?text=IMP-A9').set('authorization', clerk).expect(200)).body.items.find((d: { code: string }) => d.code === 'IMP-A9');
    expect(a9).toMatchObject({ state: 'returned', version: 2 });

    // Closed now: a further line for the same code is a duplicate, and nothing changes.
    const again = await t.http().post('/api/admin/dossiers/import').set('authorization', admin).set('content-type', 'application/x-ndjson').send(follow).expect(422);
    expect(again.body.details.problems).toEqual([expect.objectContaining({ line: 1, field: 'code' })]);
  });

  it('keeps the indicator buckets equal to a build from the records through every change and delivery above (issue #17)', async () => {
    const { records, differences } = await verifyRollup(t.app.get(DataSource));
    expect(records).toBeGreaterThan(0);
    expect(differences).toEqual([]);
  });

  it('refuses other roles and bad periods', async () => {
    const clerk = `Bearer ${await t.login('clerk')}`;
    await t.http().get('/api/indicators').query(q1).set('authorization', clerk).expect(403);
    await t.http().get('/api/indicators').query({ from: '2026-03-31', to: '2026-01-01' }).set('authorization', reporter).expect(400);
    await t.http().get('/api/indicators').query({ from: '2026-13-01', to: '2026-12-31' }).set('authorization', reporter).expect(400);
    const empty = await t.http().get('/api/indicators').query({ from: '2020-01-01', to: '2020-03-31' }) /* before any dossier: every rate N/A */.set('authorization', reporter).expect(200);
    expect(byKey(empty.body)['2.1'].rate).toBeNull();
  });
});
