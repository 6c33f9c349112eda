import { DataSource } from 'typeorm';
import { verifyRollup } from '../../apps/api/src/indicator-rollup/rollup-build';
import { UnitOfWork, currentDialect } from '@motcua/persistence';
import { AgencyIdentity } from '../../apps/api/src/catalogue/agency-identity';
import { DossierEntity } from '../../apps/api/src/dossiers/dossier.entity';
import { vnDateTime } from '../../apps/api/src/notifications/templates/format';
import { DossierChange, dossierOutboxMessages, loadProcedureFacts, OutboxDispatcher, OutboxLagProbe, OutboxWriter } from '../../apps/api/src/outbox';
import { OutboxMessageEntity } from '../../apps/api/src/outbox/outbox-message.entity';
import { PortalRecordEntity } from '../../apps/api/src/portal-records/portal-record.entity';
import { PortalRecords } from '../../apps/api/src/portal-records/portal-records.service';
import { APPLICANT, createDossier, pickWalkableProcedure, sendEvent, USER_BY_DEPARTMENT } from '../support/dossier-helpers';
import { HttpReceiver, startHttpReceiver } from '../support/http-receiver';
import { SmtpListener, startSmtpListener } from '../support/smtp-listener';
import { ManualClock, startTestApp, startTestAppOn, TestApp } from '../support/test-app';

/** Local (UTC+7) wall-clock time → instant. */
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);
const PUBLIC_BASE_URL = 'https://motcua.example.vn';

/**
 * The outbox end to end: the real application on a real database, e-mail over SMTP to a real
 * SMTP server, DVCQG records over HTTP to a local receiver. The dispatcher is driven one cycle
 * at a time and time moves by a manual clock, so retries need no sleeping.
 */
describe(`Outbox: notifications and portal records after commit (${currentDialect})`, () => {
  const clock = new ManualClock(vn('2026-03-02 09:00'));
  let t: TestApp;
  let smtp: SmtpListener;
  let portal: HttpReceiver;
  let procedure: { code: string; name: string };
  let dispatcher: OutboxDispatcher;
  let writer: OutboxWriter;
  let uow: UnitOfWork;
  let records: PortalRecords;

  beforeAll(async () => {
    smtp = await startSmtpListener({ refuse: (rcpt) => rcpt.startsWith('khong-ton-tai@') });
    portal = await startHttpReceiver();
    t = await startTestApp({
      clock,
      env: {
        OUTBOX_DISPATCHER: 'off',
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Bộ phận Một cửa Sở KH&CN Lai Châu <motcua@sokhcn.laichau.gov.vn>',
        PORTAL_SYNC_URL: portal.url,
        PUBLIC_BASE_URL,
        OUTBOX_MAX_ATTEMPTS: '3',
        OUTBOX_BACKOFF_BASE_SECONDS: '10',
        OUTBOX_BACKOFF_MAX_SECONDS: '60',
        OUTBOX_DELIVERY_TIMEOUT_SECONDS: '5',
      },
    });
    dispatcher = t.app.get(OutboxDispatcher);
    writer = t.app.get(OutboxWriter);
    uow = t.app.get(UnitOfWork);
    records = t.app.get(PortalRecords);
    const code = (await pickWalkableProcedure(t)).code;
    const token = await t.login('clerk');
    procedure = { code, name: (await t.http().get(`/api/procedures/${code}`).set('authorization', `Bearer ${token}`).expect(200)).body.name };
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    await portal.close();
  });
  beforeEach(() => portal.respond(() => 200));

  /** What DossierCommands does in the transaction of a change (the wiring of issue #6). */
  function recordChange(dossierId: string, change: DossierChange): Promise<void> {
    return uow.run(async (m) => {
      const row = await m.findOneByOrFail(DossierEntity, { id: dossierId });
      const facts = { ...row, ...(await loadProcedureFacts(m, row.procedureVersionId)), agencyName: t.app.get(AgencyIdentity).name };
      await writer.enqueue(m, dossierOutboxMessages(facts, change, writer.dossierSettings));
    });
  }
  const received: DossierChange = { to: 'received', effects: [{ type: 'dossier.received' }] };
  const message = (idempotencyKey: string) => uow.read((m) => m.findOneByOrFail(OutboxMessageEntity, { idempotencyKey }));
  /** The portal record's messages are keyed by the record's own version (PortalRecords). */
  const recordKey = (dossierId: string, version: number) => `${dossierId}:record:${version}:portal-sync`;
  const recordVersion = async (dossierId: string) => (await uow.read((m) => m.findOneByOrFail(PortalRecordEntity, { dossierId }))).recordVersion;
  const later = (seconds: number) => clock.set(new Date(clock.now().getTime() + seconds * 1000));
  const admin = async () => `Bearer ${await t.login('admin')}`;

  it('the receipt reaches the applicant by e-mail (Vietnamese, local time, lookup link) and the DVCQG record the portal, after commit', async () => {
    clock.set(vn('2026-03-02 09:00'));
    // Creating the dossier over HTTP writes the messages in its own transaction (DossierCommands).
    const d = (await createDossier(t, procedure.code)) as unknown as { id: string; code: string; appointmentAt: string | null; publicLookupUrl: string };
    expect(smtp.messages.filter((m) => m.subject.includes(d.code))).toEqual([]);

    await dispatcher.drain();

    const [mail] = smtp.messages.filter((m) => m.subject.includes(d.code));
    expect(mail.envelopeTo).toEqual([APPLICANT.email]);
    expect(mail.subject).toBe(`Đã tiếp nhận hồ sơ ${d.code}`);
    expect(mail.text).toContain(`Kính gửi Ông/Bà ${APPLICANT.fullName},`);
    expect(mail.text).toContain(`Mã hồ sơ: ${d.code}`);
    expect(mail.text).toContain(`Thủ tục: ${procedure.name}`);
    expect(mail.text).toContain('Thời điểm tiếp nhận: 09 giờ 00, Thứ Hai, ngày 02/03/2026');
    expect(mail.text).toContain(`Ngày hẹn trả kết quả: ${d.appointmentAt ? vnDateTime(d.appointmentAt) : 'Không ấn định'}`);
    expect(d.publicLookupUrl.startsWith(`${PUBLIC_BASE_URL}/#/tra-cuu/`)).toBe(true);
    expect(mail.text).toContain(`Tra cứu tình trạng hồ sơ: ${d.publicLookupUrl}`);
    expect(mail.html).toContain(`href="${d.publicLookupUrl}"`);
    expect(mail.html).toContain(`<strong>${procedure.name}</strong>`);
    expect(mail.headers['message-id']).toMatch(/^<[0-9a-f]{32}@sokhcn\.laichau\.gov\.vn>$/);

    const [record] = portal.requests.filter((r) => r.idempotencyKey === recordKey(d.id, 1));
    expect(record.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(record.body).toMatchObject({ MaHoSo: d.code, PhienBan: 1, TrangThai: 'received', KenhThucHien: 1, NgayTiepNhan: '2026-03-02T09:00:00.000+07:00' });

    for (const channel of ['email', 'sms', 'portal-sync']) {
      const key = channel === 'portal-sync' ? recordKey(d.id, 1) : `${d.id}:1:${channel}:dossier.received`;
      expect(await message(key)).toMatchObject({ status: 'delivered', attempts: 1, lockedBy: null, deliveredAt: vn('2026-03-02 09:00') });
    }
  });

  it('a transition over HTTP notifies the applicant of a supplementation request, with the reason', async () => {
    clock.set(vn('2026-03-03 09:00'));
    const d = await createDossier(t, procedure.code);
    const steps = (await t.http().get(`/api/procedures/${procedure.code}`).set('authorization', `Bearer ${await t.login('clerk')}`).expect(200)).body.steps;
    let v = (await sendEvent(t, 'clerk', d.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: d.version })).body.version;
    const res = await sendEvent(t, USER_BY_DEPARTMENT[steps[0].departmentCode], d.id, { type: 'REQUEST_SUPPLEMENT', reason: 'Bổ sung bản sao giấy phép', expectedVersion: v });
    expect(res.status).toBe(200);
    v = res.body.version;
    await dispatcher.drain();
    const mails = smtp.messages.filter((m) => m.subject.includes(d.code));
    const request = mails.find((m) => m.text.includes('Bổ sung bản sao giấy phép'));
    expect(request).toBeDefined();
    expect(await message(recordKey(d.id, await recordVersion(d.id)))).toMatchObject({ status: 'delivered' });
    expect(v).toBeGreaterThan(d.version);
  });

  it('recording the same change again writes nothing new (idempotency keys)', async () => {
    const d = await createDossier(t, procedure.code, 'direct', { scan: false });
    await recordChange(d.id, received);
    await recordChange(d.id, received);
    const rows = await uow.read((m) => m.find(OutboxMessageEntity, { where: { aggregateId: d.id } }));
    expect(rows.map((r) => r.channel).sort()).toEqual(['email', 'portal-sync', 'sms']);
    await dispatcher.drain();
  });

  it('a change that rolls back sends nothing', async () => {
    const d = await createDossier(t, procedure.code, 'direct', { scan: false });
    await expect(
      uow.run(async (m) => {
        const row = await m.findOneByOrFail(DossierEntity, { id: d.id });
        const facts = { ...row, version: 99, ...(await loadProcedureFacts(m, row.procedureVersionId)), agencyName: 'Sở' };
        await writer.enqueue(m, dossierOutboxMessages(facts, received, writer.dossierSettings));
        await m.update(DossierEntity, { id: d.id }, { rating: 'satisfied' });
        expect((await records.refresh(m, d.id)).recordVersion).toBe(2);
        throw new Error('the transition failed after writing its messages');
      }),
    ).rejects.toThrow('the transition failed');
    await dispatcher.drain();
    expect(portal.requests.filter((r) => r.idempotencyKey === recordKey(d.id, 2))).toEqual([]);
    expect(await recordVersion(d.id)).toBe(1);
    expect(await uow.read((m) => m.countBy(OutboxMessageEntity, { aggregateId: d.id, aggregateVersion: 99 }))).toBe(0);
  });

  // On SQLite the unit-of-work queue makes this structural: the dispatcher's claim waits for the open transaction.
  (currentDialect === 'postgres' ? it : it.skip)('a message is invisible to dispatchers until its transaction commits', async () => {
    const d = await createDossier(t, procedure.code, 'direct', { scan: false });
    await dispatcher.drain(); // what the creation itself wrote
    await uow.run(async (m) => {
      const row = await m.findOneByOrFail(DossierEntity, { id: d.id });
      const facts = { ...row, version: row.version + 1, procedureName: 'x', agencyName: 'Sở' };
      await writer.enqueue(m, dossierOutboxMessages(facts, received, writer.dossierSettings));
      await m.update(DossierEntity, { id: d.id }, { rating: 'satisfied' });
      await records.refresh(m, d.id);
      expect((await dispatcher.runOnce()).claimed).toBe(0);
    });
    expect(await dispatcher.drain()).toMatchObject({ delivered: 3 });
  });

  it('a receiver failing twice, then answering: retried with backoff, delivered with attempts = 3', async () => {
    const d = await createDossier(t, procedure.code, 'direct', { scan: false });
    const key = recordKey(d.id, 1);
    portal.respond((r, nth) => (r.idempotencyKey === key && nth <= 2 ? 503 : 200));
    await recordChange(d.id, received);
    const start = clock.now().getTime();

    await dispatcher.drain();
    let row = await message(key);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toMatch(/HTTP 503/);
    // base 10 s: the first retry comes between 5 and 10 s later.
    expect(row.nextAttemptAt.getTime() - start).toBeGreaterThanOrEqual(5_000);
    expect(row.nextAttemptAt.getTime() - start).toBeLessThanOrEqual(10_000);
    expect((await dispatcher.runOnce()).claimed).toBe(0); // not due yet

    later(10);
    await dispatcher.drain();
    row = await message(key);
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row.nextAttemptAt.getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(10_000); // 10–20 s

    later(20);
    await dispatcher.drain();
    expect(await message(key)).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });
    expect(portal.requests.filter((r) => r.idempotencyKey === key)).toHaveLength(3);
    expect(portal.acceptedByKey().get(key)).toBe(1);
  });

  it('a receiver that always fails: dead after the last attempt, listed for admins; retry brings it back', async () => {
    const d = await createDossier(t, procedure.code, 'direct', { scan: false });
    const key = recordKey(d.id, 1);
    portal.respond((r) => (r.idempotencyKey === key ? 500 : 200));
    await recordChange(d.id, received);
    for (let i = 0; i < 3; i++) {
      await dispatcher.drain();
      later(60);
    }
    const dead = await message(key);
    expect(dead).toMatchObject({ status: 'dead', attempts: 3 });

    const auth = await admin();
    const list = await t.http().get('/api/admin/outbox?status=dead&topic=dossier.record').set('authorization', auth).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(dead.id);
    expect(list.body.counts.dead).toBeGreaterThanOrEqual(1);
    expect(list.body.items[0]).not.toHaveProperty('payload');
    const detail = await t.http().get(`/api/admin/outbox/${dead.id}`).set('authorization', auth).expect(200);
    expect(detail.body).toMatchObject({ status: 'dead', attempts: 3, idempotencyKey: key, nextAttemptAt: null, payload: { record: { MaHoSo: d.code } }, actions: [] });
    expect(detail.body.lastError).toMatch(/HTTP 500/);

    // The reason is checked like any text a person types, and kept with the decision.
    expect((await t.http().post(`/api/admin/outbox/${dead.id}/retry`).set('authorization', auth).send({ reason: 'x\u202Ey' }).expect(400)).body.error).toBe('VALIDATION_FAILED');
    const retried = await t.http().post(`/api/admin/outbox/${dead.id}/retry`).set('authorization', auth).send({ reason: 'Cổng đã khắc phục sự cố' }).expect(200);
    expect(retried.body).toMatchObject({
      status: 'pending',
      attempts: 0,
      actions: [{ action: 'retry', fromStatus: 'dead', previousAttempts: 3, actorUsername: 'admin', actorFullName: 'Vũ Đình Khôi', reason: 'Cổng đã khắc phục sự cố', previousError: detail.body.lastError }],
    });
    portal.respond(() => 200);
    await dispatcher.drain();
    expect(await message(key)).toMatchObject({ status: 'delivered', attempts: 1 });

    const again = await t.http().post(`/api/admin/outbox/${dead.id}/retry`).set('authorization', auth).expect(409);
    expect(again.body).toMatchObject({ error: 'OUTBOX_STATE_CONFLICT', details: { status: 'delivered', allowedFrom: ['dead'] } });
    expect((await t.http().post(`/api/admin/outbox/${dead.id}/discard`).set('authorization', auth).expect(409)).body.error).toBe('OUTBOX_STATE_CONFLICT');
  });

  it('an administrator can discard a waiting message; it is kept but never sent', async () => {
    const d = await createDossier(t, procedure.code, 'direct', { scan: false });
    const key = recordKey(d.id, 1);
    await recordChange(d.id, received);
    const { id } = await message(key);
    const res = await t.http().post(`/api/admin/outbox/${id}/discard`).set('authorization', await admin()).expect(200);
    expect(res.body).toMatchObject({ status: 'discarded', actions: [{ action: 'discard', fromStatus: 'pending', actorUsername: 'admin', reason: null }] });
    await dispatcher.drain();
    expect(portal.requests.filter((r) => r.idempotencyKey === key)).toEqual([]);
  });

  it('a recipient the mail server refuses (550) is dead at once: retrying cannot help', async () => {
    const token = await t.login('clerk');
    const created = await t
      .http()
      .post('/api/dossiers')
      .set('authorization', `Bearer ${token}`)
      .send({ procedureCode: procedure.code, channel: 'direct', applicant: { ...APPLICANT, email: 'khong-ton-tai@example.vn' } })
      .expect(201);
    await recordChange(created.body.id, received);
    await dispatcher.drain();
    const row = await message(`${created.body.id}:1:email:dossier.received`);
    expect(row).toMatchObject({ status: 'dead', attempts: 1 });
    expect(row.lastError).toMatch(/550/);
    expect(smtp.messages.filter((m) => m.envelopeTo.includes('khong-ton-tai@example.vn'))).toEqual([]);
  });

  it("one dossier's records reach the portal in version order, even when an earlier one needs a retry", async () => {
    const d = await createDossier(t, procedure.code);
    await recordChange(d.id, received);
    const step = await sendEvent(t, 'clerk', d.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: d.version });
    expect(step.status).toBe(200);
    await recordChange(d.id, { from: 'received', to: 'processing', effects: [] });
    portal.respond((r, nth) => (r.idempotencyKey === recordKey(d.id, 1) && nth === 1 ? 503 : 200));
    // Version 1 at creation, one per scanned component, one for the transition.
    const last = await recordVersion(d.id);
    expect(last).toBeGreaterThan(2);

    await dispatcher.drain(); // version 1 fails; the later ones must wait for it
    expect(await message(recordKey(d.id, 2))).toMatchObject({ status: 'pending', attempts: 0 });
    later(10);
    await dispatcher.drain();
    const versions = portal.requests.filter((r) => (r.body as { MaHoSo: string }).MaHoSo === d.code).map((r) => (r.body as { PhienBan: number }).PhienBan);
    expect(versions).toEqual([1, ...Array.from({ length: last }, (_, i) => i + 1)]);
  });

  it('the lag probe reports how long due work has waited for a dispatcher', async () => {
    const probe = t.app.get(OutboxLagProbe);
    await dispatcher.drain();
    expect((await probe.measure()).lagSeconds).toBe(0);
    const d = await createDossier(t, procedure.code, 'direct', { scan: false });
    await recordChange(d.id, received);
    later(45);
    expect(await probe.measure()).toMatchObject({ lagSeconds: 45, pending: 3, oldestUndeliveredAgeSeconds: 45 });
    await dispatcher.drain();
    expect(await probe.measure()).toMatchObject({ lagSeconds: 0, pending: 0, oldestUndeliveredAgeSeconds: null });
  });

  it('readiness fails on dispatcher_lag once due work has waited two leases for a dispatcher, and recovers when it is delivered', async () => {
    await dispatcher.drain();
    clock.set(vn('2026-03-10 09:00'));
    await createDossier(t, procedure.code);
    expect((await t.http().get('/api/health/ready')).status).toBe(200);
    later(2 * 300 + 1); // OUTBOX_LEASE_SECONDS defaults to 300
    const stuck = await t.http().get('/api/health/ready').expect(503);
    expect(stuck.body.details.failed).toEqual(['dispatcher_lag']);
    expect(stuck.body.details.checks.dispatcher_lag.detail).toMatch(/^due work waited 601 s \(limit 600 s\)/);
    await dispatcher.drain();
    expect((await t.http().get('/api/health/ready')).status).toBe(200);
  });

  it('keeps the indicator buckets equal to a build from the records through every change and delivery above (issue #17)', async () => {
    const { records, differences } = await verifyRollup(t.app.get(DataSource));
    expect(records).toBeGreaterThan(0);
    expect(differences).toEqual([]);
  });

  it('admin endpoints: 401 without a token, 403 for other roles, machine-readable 400 and 404', async () => {
    const some = await uow.read((m) => m.findOneOrFail(OutboxMessageEntity, { where: {}, order: { createdAt: 'ASC' } }));
    for (const [method, path] of [
      ['get', '/api/admin/outbox'],
      ['get', `/api/admin/outbox/${some.id}`],
      ['post', `/api/admin/outbox/${some.id}/retry`],
      ['post', `/api/admin/outbox/${some.id}/discard`],
    ] as const) {
      expect((await t.http()[method](path).expect(401)).body.error).toBe('UNAUTHORIZED');
      for (const user of ['clerk', 'specialist', 'leader', 'reporter']) {
        const res = await t.http()[method](path).set('authorization', `Bearer ${await t.login(user)}`);
        expect({ user, path, status: res.status, error: res.body.error }).toEqual({ user, path, status: 403, error: 'FORBIDDEN' });
      }
    }
    const auth = await admin();
    expect((await t.http().get('/api/admin/outbox/not-a-uuid').set('authorization', auth).expect(400)).body.error).toBe('BAD_REQUEST');
    expect((await t.http().get('/api/admin/outbox?status=lost').set('authorization', auth).expect(400)).body.error).toBe('VALIDATION_FAILED');
    expect((await t.http().get('/api/admin/outbox/3f2504e0-4f89-41d3-9a0c-0305e82c3301').set('authorization', auth).expect(404)).body.error).toBe('NOT_FOUND');
    const page = await t.http().get('/api/admin/outbox?pageSize=2&page=1').set('authorization', auth).expect(200);
    expect(page.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
    expect(Object.keys(page.body.counts).sort()).toEqual(['dead', 'delivered', 'delivering', 'discarded', 'held', 'pending']);
  });

  it('with OUTBOX_DISPATCHER on (the default outside tests) the dispatcher runs in the process: a second instance without SMTP_URL delivers by itself (e-mail to the log)', async () => {
    const d = await createDossier(t, procedure.code, 'direct', { scan: false });
    await recordChange(d.id, received);
    const mailsBefore = smtp.messages.length;
    const second = await startTestAppOn(t, { clock, env: { PORTAL_SYNC_URL: portal.url, OUTBOX_POLL_INTERVAL_MS: '50', OUTBOX_DISPATCHER: 'on' } });
    try {
      await waitFor(async () => (await message(recordKey(d.id, 1))).status === 'delivered' && (await message(`${d.id}:1:email:dossier.received`)).status === 'delivered');
    } finally {
      await second.close();
    }
    expect(smtp.messages).toHaveLength(mailsBefore);
    expect(portal.acceptedByKey().get(recordKey(d.id, 1))).toBe(1);
  });
});

/** Polls a condition (no fixed sleep): the background dispatcher works on its own schedule. */
async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
