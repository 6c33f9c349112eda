import { DataSource } from 'typeorm';
import { ResultDownloadEntity } from '../../apps/api/src/files/result-download.entity';
import { readRecord, type PortalRecord } from '@motcua/indicators';
import { UnitOfWork } from '@motcua/persistence';
import { OutboxDispatcher } from '../../apps/api/src/outbox';
import { PortalRecordEntity } from '../../apps/api/src/portal-records/portal-record.entity';
import { PortalRecords } from '../../apps/api/src/portal-records/portal-records.service';
import { APPLICANT, sendEvent } from '../support/dossier-helpers';
import { attachSignedResult, digitiseRequired } from '../support/files';
import { HttpReceiver, startHttpReceiver } from '../support/http-receiver';
import { ManualClock, startTestApp, TestApp } from '../support/test-app';

/** Local (UTC+7) wall-clock time → instant. */
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);
// 5 working days, steps PQLKH specialist (3 days) → BGD leader (1 day); the result is a paper document.
const FIVE_DAY_PROCEDURE = 'dang-ky-thong-tin-kq-mua-bang-nsnn';

/**
 * The Index computes from what we sync (issue #11): a local HTTP receiver stands in for the
 * national portal (PORTAL_SYNC_URL); the records it receives are read back with the same rules,
 * and must give our figures.
 */
describe('Portal records: what the portal receives is what we count', () => {
  const clock = new ManualClock(vn('2026-03-02 08:00'));
  let t: TestApp;
  let portal: HttpReceiver;
  let dispatcher: OutboxDispatcher;
  let reporter: string;

  beforeAll(async () => {
    portal = await startHttpReceiver();
    t = await startTestApp({ clock, env: { PORTAL_SYNC_URL: portal.url, PUBLIC_BASE_URL: 'https://motcua.example.vn' } });
    dispatcher = t.app.get(OutboxDispatcher);
    reporter = `Bearer ${await t.login('reporter')}`;
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await portal.close();
  });

  async function receive(at: string) {
    clock.set(vn(at));
    const token = await t.login('clerk');
    const res = await t.http().post('/api/dossiers').set('authorization', `Bearer ${token}`).send({ procedureCode: FIVE_DAY_PROCEDURE, channel: 'direct', applicant: APPLICANT });
    expect(res.status).toBe(201);
    await digitiseRequired(t, res.body.id);
    return res.body as { id: string; code: string; version: number };
  }
  async function act(user: string, d: { id: string; version: number }, at: string, body: Record<string, unknown>) {
    clock.set(vn(at));
    if (body.type === 'ISSUE_RESULT') expect((await attachSignedResult(t, user, d.id)).status).toBe(201);
    const res = await sendEvent(t, user, d.id, { ...body, expectedVersion: d.version });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
    return res.body as { id: string; code: string; version: number };
  }
  /** The newest record the portal acknowledged for a dossier. */
  function latestReceived(code: string): PortalRecord {
    const records = portal.requests.map((r) => r.body as PortalRecord).filter((r) => r.MaHoSo === code);
    return records.sort((a, b) => b.PhienBan - a.PhienBan)[0];
  }

  it('an electronic result arrives with its code and a link that downloads the signed PDF', async () => {
    let d = await receive('2026-03-02 08:00');
    d = await act('clerk', d, '2026-03-02 08:30', { type: 'COMPLETE_DIGITISATION' });
    d = await act('specialist', d, '2026-03-03 09:00', { type: 'FORWARD' });
    d = await act('leader', d, '2026-03-04 10:00', { type: 'ISSUE_RESULT' });
    await dispatcher.drain();

    const record = latestReceived(d.code);
    expect(record).toMatchObject({ TrangThai: 'result_issued', MaKetQua: `KQ-${d.code}`, CoKetQuaBanGiay: 1, NgayXuLyXong: '2026-03-04T10:00:00.000+07:00' });
    expect(record.DuongDanTepTinKetQua).toMatch(/^https:\/\/motcua\.example\.vn\/api\/public\/results\/[A-Za-z0-9_-]{32}$/);
    expect(record.TaiLieuNop.length).toBeGreaterThan(0);
    expect(record.TaiLieuNop.every((c) => c.BatBuoc === 0 || c.DuocSoHoa === 1)).toBe(true);

    // The link works without login and serves the signed PDF; a made-up token is a 404.
    const path = new URL(record.DuongDanTepTinKetQua!).pathname;
    const pdf = await t.http().get(path).buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="ket-qua-${d.code}.pdf"`);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.body as Buffer).includes(Buffer.from('/ByteRange'))).toBe(true);
    await t.http().get('/api/public/results/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(404);
    await t.http().get('/api/public/results/not%20a%20token').expect(400);
    // Every download is audited (issue #16); refused ones download nothing and are not.
    const downloads = await t.app.get(DataSource).getRepository(ResultDownloadEntity).findBy({ dossierId: d.id });
    expect(downloads).toEqual([expect.objectContaining({ clientAddress: '127.0.0.1' })]);
    // The citizen's lookup offers the same link.
    const clerkView = await t.http().get(`/api/dossiers/${d.id}`).set('authorization', `Bearer ${await t.login('clerk')}`).expect(200);
    const secret = (clerkView.body.publicLookupUrl as string).split('/').pop();
    const lookup = await t.http().get(`/api/public/dossiers/${encodeURIComponent(d.code)}`).query({ secret }).expect(200);
    expect(lookup.body.resultLink).toBe(record.DuongDanTepTinKetQua);

    // The portal's 4.1 from what it received: the result counts as electronic.
    expect(readRecord(record, { agencyCode: 'x', synced: true })).toMatchObject({ eResult: true, endState: 'result_issued' });
    const march = { period: 'month', year: 2026, number: 3 };
    clock.set(vn('2026-04-02 08:00'));
    const report = await t.http().get('/api/indicators').query(march).set('authorization', reporter).expect(200);
    expect(report.body.indicators.find((i: { key: string }) => i.key === '4.1')).toMatchObject({ numerator: 1, denominator: 1, rate: 100 });
  });

  it('an apologised late dossier arrives with the legal appointment and is late in our report and in the portal’s figure', async () => {
    let d = await receive('2026-03-09 08:00'); // due Mon 16/03 08:00
    d = await act('clerk', d, '2026-03-09 08:30', { type: 'COMPLETE_DIGITISATION' });
    d = await act('specialist', d, '2026-03-12 10:00', { type: 'APOLOGISE', reason: 'Cần lấy ý kiến chuyên gia', newAppointment: '2026-03-20T10:00:00+07:00' });
    d = await act('specialist', d, '2026-03-17 08:00', { type: 'FORWARD' });
    d = await act('leader', d, '2026-03-18 08:00', { type: 'ISSUE_RESULT' });
    await dispatcher.drain();

    const record = latestReceived(d.code);
    expect(record).toMatchObject({ NgayHenTra: '2026-03-16T08:00:00.000+07:00', NgayHenTraMoi: '2026-03-20T10:00:00.000+07:00', NgayXuLyXong: '2026-03-18T08:00:00.000+07:00' });

    clock.set(vn('2026-04-02 08:00'));
    const query = { period: 'month', year: 2026, number: 3 };
    const late = await t.http().get('/api/indicators/dossiers').query({ ...query, indicator: '2.1' }).set('authorization', reporter).expect(200);
    expect(late.body.notInNumerator).toContain(d.code);
    const lateList = await t.http().get('/api/indicators/late').query(query).set('authorization', reporter).expect(200);
    expect(lateList.body.find((l: { code: string }) => l.code === d.code)).toMatchObject({ apologyAppointmentAt: vn('2026-03-20 10:00').toISOString() });

    // The reconciliation recomputes from the records the receiver acknowledged: the same late dossier, the same figures.
    const r = await t.http().get('/api/indicators/reconciliation').query(query).set('authorization', reporter).expect(200);
    const figure = (key: string) => r.body.figures.find((f: { key: string }) => f.key === key);
    expect(figure('2.1')).toMatchObject({ ours: 50, portal: 50, difference: 0 });
    expect(r.body.differences).toEqual([]);
    expect(r.body.sync).toMatchObject({ received: 2, delivered: 2, rate: 100 });
  });

  it('a record not yet delivered shows in the reconciliation, with the figures it changes', async () => {
    portal.respond(() => 503);
    let d = await receive('2026-03-23 08:00');
    d = await act('clerk', d, '2026-03-23 08:30', { type: 'COMPLETE_DIGITISATION' });
    await dispatcher.drain();
    clock.set(vn('2026-04-02 08:00'));
    const r = await t.http().get('/api/indicators/reconciliation').query({ period: 'month', year: 2026, number: 3 }).set('authorization', reporter).expect(200);
    expect(r.body.sync).toMatchObject({ received: 3, delivered: 2 });
    const difference = r.body.differences.find((x: { code: string }) => x.code === d.code);
    expect(difference).toMatchObject({ reason: 'not_delivered', delivery: 'pending', deliveredVersion: null });
    expect(difference.ratios.map((x: { key: string }) => x.key)).toEqual(expect.arrayContaining(['2.1', '4.2', 'channel_direct']));
    // Open on 01/04 past its appointment (30/03): late for us; the portal does not have it at all.
    expect(r.body.figures.find((f: { key: string }) => f.key === '2.1')).toMatchObject({ ours: 33.33, portal: 50 });
    portal.respond(() => 200);
  });

  it('a dossier stored before portal records existed gets its record at the next start (backfill), with the same content', async () => {
    const d = await receive('2026-03-24 08:00');
    const uow = t.app.get(UnitOfWork);
    const before = await uow.read((m) => m.findOneByOrFail(PortalRecordEntity, { dossierId: d.id }));
    await uow.run((m) => m.delete(PortalRecordEntity, { dossierId: d.id }));
    expect(await t.app.get(PortalRecords).backfill()).toBe(1);
    const after = await uow.read((m) => m.findOneByOrFail(PortalRecordEntity, { dossierId: d.id }));
    const content = (r: PortalRecordEntity) => ({ ...r.record, PhienBan: 0, ThoiDiemCapNhat: '' });
    expect(content(after)).toEqual(content(before));
    expect(await t.app.get(PortalRecords).backfill()).toBe(0);
  });

  it('a month still running: a dossier due after now is in progress, not late, and the answer is provisional; once past due it is late', async () => {
    const d = await receive('2026-05-04 08:00'); // due Mon 11/05 08:00
    clock.set(vn('2026-05-07 10:00'));
    const may = { period: 'month', year: 2026, number: 5 };
    const running = await t.http().get('/api/indicators').query(may).set('authorization', reporter).expect(200);
    expect(running.body.provisional).toBe(true);
    expect(running.body.period.asOf).toBe(vn('2026-05-07 10:00').toISOString());
    // In scope: this dossier (due 11/05, in progress) and the two from March still open past their appointments (carried over).
    expect(running.body.indicators.find((i: { key: string }) => i.key === '2.1')).toMatchObject({ numerator: 1, denominator: 3, rate: 33.33 });
    const onTime = await t.http().get('/api/indicators/dossiers').query({ ...may, indicator: '2.1' }).set('authorization', reporter).expect(200);
    expect(onTime.body.numerator).toEqual([d.code]);

    clock.set(vn('2026-05-12 09:00'));
    const later = await t.http().get('/api/indicators').query(may).set('authorization', reporter).expect(200);
    expect(later.body.provisional).toBe(true);
    expect(later.body.indicators.find((i: { key: string }) => i.key === '2.1')).toMatchObject({ numerator: 0, denominator: 3, rate: 0 });
    const late = await t.http().get('/api/indicators/dossiers').query({ ...may, indicator: '2.1' }).set('authorization', reporter).expect(200);
    expect(late.body.notInNumerator).toContain(d.code);

    // A period that has not started is refused with the reason; a statistical month is labelled with its days.
    await t.http().get('/api/indicators').query({ period: 'month', year: 2026, number: 6 }).set('authorization', reporter).expect(400);
    const statistical = await t.http().get('/api/indicators').query({ ...may, statistical: 'true' }).set('authorization', reporter).expect(200);
    expect(statistical.body.period.labelVi).toBe('Tháng 5/2026 (kỳ thống kê từ 15/04/2026 đến 14/05/2026)');
  });

  it('a transition that changes nothing the record reads skips the refresh, and the stored record is still what a full projection gives (issue #17)', async () => {
    const records = t.app.get(PortalRecords);
    const uow = t.app.get(UnitOfWork);
    // Received in July: after the months the tests above count.
    let d = await receive('2026-07-06 08:00');
    const stored = () => uow.read((m) => m.findOneByOrFail(PortalRecordEntity, { dossierId: d.id }));
    const refresh = jest.spyOn(records, 'refresh');
    const lifecycle: Array<{ user: string; at: string; event: Record<string, unknown>; refreshes: boolean }> = [
      { user: 'clerk', at: '2026-07-06 08:30', event: { type: 'COMPLETE_DIGITISATION' }, refreshes: true },
      { user: 'specialist', at: '2026-07-06 09:00', event: { type: 'FORWARD' }, refreshes: false },
      { user: 'leader', at: '2026-07-06 10:00', event: { type: 'SEND_BACK', reason: 'Cần rà soát lại hồ sơ' }, refreshes: false },
      { user: 'specialist', at: '2026-07-06 11:00', event: { type: 'REQUEST_SUPPLEMENT', reason: 'Bổ sung bản sao giấy tờ' }, refreshes: true },
      { user: 'clerk', at: '2026-07-07 08:00', event: { type: 'SUPPLEMENT_RECEIVED' }, refreshes: true },
      { user: 'specialist', at: '2026-07-07 09:00', event: { type: 'FORWARD' }, refreshes: false },
      { user: 'leader', at: '2026-07-07 10:00', event: { type: 'ISSUE_RESULT' }, refreshes: true },
    ];
    try {
      for (const step of lifecycle) {
        const versionBefore = (await stored()).recordVersion;
        refresh.mockClear();
        d = await act(step.user, d, step.at, step.event);
        expect({ event: step.event.type, refreshed: refresh.mock.calls.length > 0 }).toEqual({ event: step.event.type, refreshed: step.refreshes });
        const after = await stored();
        if (step.refreshes) expect(after.recordVersion).toBe(versionBefore + 1);
        else expect(after.recordVersion).toBe(versionBefore);
        // A full projection now finds nothing new: the skipped refresh would have changed nothing.
        refresh.mockClear();
        await uow.run((m) => records.refresh(m, d.id));
        expect((await stored()).recordVersion).toBe(after.recordVersion);
      }
      expect((await stored()).record).toMatchObject({ TrangThai: 'result_issued' });
    } finally {
      refresh.mockRestore();
    }
  });
});
