import { Actor, decide, Decision, DossierEvent, PersistedDossier, ProcessingStep, startDossier } from '@motcua/workflow';
import { deadlineOutboxMessages, DossierOutboxFacts, dossierOutboxMessages, DossierOutboxSettings } from './dossier-outbox-messages';
import type { NotificationPayload, WebhookPayload } from './outbox.types';

const STEPS: ProcessingStep[] = [
  { key: 'tham-dinh', name: 'Thẩm định hồ sơ', departmentCode: 'PQLKH', role: 'specialist', workingDays: 3 },
  { key: 'phe-duyet', name: 'Phê duyệt', departmentCode: 'BGD', role: 'leader', workingDays: 1 },
];
const CLERK: Actor = { userId: 'clerk', roles: ['clerk'], departmentCode: 'BPMC' };
const SPECIALIST: Actor = { userId: 'sp', roles: ['specialist'], departmentCode: 'PQLKH' };
const LEADER: Actor = { userId: 'ld', roles: ['leader'], departmentCode: 'BGD' };

const ALL_ON: DossierOutboxSettings = { publicBaseUrl: 'https://motcua.example.vn', portalSync: true, webhook: true };
const RECEIVED_AT = new Date('2026-02-12T02:00:00Z');
const DUE_AT = new Date('2026-02-26T02:00:00Z');

/** The dossier row after a change, as DossierCommands has it. */
function facts(version: number, state: Decision['to'], over: Partial<DossierOutboxFacts> = {}): DossierOutboxFacts {
  return {
    id: '7d6f1c52-1111-4a8e-9a5e-3f2f0a1b2c3d',
    code: '000.00.12.H30-260212-0001',
    procedureCode: 'dang-ky-thong-tin-kq',
    procedureName: 'Đăng ký thông tin kết quả nghiên cứu',
    agencyName: 'Sở Khoa học và Công nghệ tỉnh Lai Châu',
    version,
    state,
    applicantName: 'Nguyễn Thị Thu Hương',
    applicantEmail: 'huong@example.vn',
    applicantPhone: '0912345678',
    receivedAt: RECEIVED_AT,
    dueAt: DUE_AT,
    appointmentAt: DUE_AT,
    processingEndedAt: null,
    updatedAt: new Date('2026-02-13T03:00:00Z'),
    lookupSecret: 'abc',
    ...over,
  };
}

function step(persisted: PersistedDossier, event: DossierEvent, actor: Actor): Decision {
  const d = decide(persisted, event, actor);
  if (!d.ok) throw new Error(d.message);
  return d;
}

const summary = (ms: ReturnType<typeof dossierOutboxMessages>) => ms.map((m) => `${m.channel} ${m.topic}`);

describe('dossierOutboxMessages: a transition becomes messages', () => {
  const created = startDossier({ channel: 'direct', steps: STEPS });
  const digitised = step(created.snapshot, { type: 'COMPLETE_DIGITISATION' }, CLERK);

  it('receipt at the counter: e-mail and SMS to the applicant, one webhook call (the portal record leaves through PortalRecords)', () => {
    const ms = dossierOutboxMessages(facts(1, created.to), created, ALL_ON);
    expect(summary(ms)).toEqual(['email dossier.received', 'sms dossier.received', 'webhook dossier.changed']);
    const id = '7d6f1c52-1111-4a8e-9a5e-3f2f0a1b2c3d';
    expect(ms.map((m) => m.idempotencyKey)).toEqual([`${id}:1:email:dossier.received`, `${id}:1:sms:dossier.received`, `${id}:1:webhook`]);
    for (const m of ms) expect(m).toMatchObject({ aggregateType: 'dossier', aggregateId: id, aggregateVersion: 1 });
    expect(ms[0].payload).toEqual({
      to: 'huong@example.vn',
      template: 'receipt',
      data: {
        agencyName: 'Sở Khoa học và Công nghệ tỉnh Lai Châu',
        applicantName: 'Nguyễn Thị Thu Hương',
        dossierCode: '000.00.12.H30-260212-0001',
        procedureName: 'Đăng ký thông tin kết quả nghiên cứu',
        lookupUrl: 'https://motcua.example.vn/#/tra-cuu/000.00.12.H30-260212-0001/abc',
        receivedAt: RECEIVED_AT.toISOString(),
        appointmentAt: DUE_AT.toISOString(),
      },
    });
    expect((ms[1].payload as NotificationPayload).to).toBe('0912345678');
  });

  it('the same change gives the same keys (a replay writes nothing new), another version other keys', () => {
    const a = dossierOutboxMessages(facts(1, created.to), created, ALL_ON).map((m) => m.idempotencyKey);
    const b = dossierOutboxMessages(facts(1, created.to), created, ALL_ON).map((m) => m.idempotencyKey);
    const c = dossierOutboxMessages(facts(2, digitised.to), digitised, ALL_ON).map((m) => m.idempotencyKey);
    expect(a).toEqual(b);
    expect(new Set([...a, ...c]).size).toBe(a.length + c.length);
  });

  it('no e-mail without an address, no SMS without a phone, no record or call when those targets are off', () => {
    const ms = dossierOutboxMessages(facts(1, created.to, { applicantEmail: null, applicantPhone: null }), created, { ...ALL_ON, portalSync: false, webhook: false });
    expect(ms).toEqual([]);
  });

  it('a change the applicant need not hear of (forwarding between steps) is still synced', () => {
    const forwarded = step(digitised.snapshot, { type: 'FORWARD' }, SPECIALIST);
    expect(summary(dossierOutboxMessages(facts(3, forwarded.to), forwarded, ALL_ON))).toEqual(['webhook dossier.changed']);
  });

  it('online submission: nothing for the applicant until the clerk accepts it, then the receipt', () => {
    const online = startDossier({ channel: 'online', steps: STEPS });
    expect(online.to).toBe('submitted');
    expect(summary(dossierOutboxMessages(facts(1, online.to, { receivedAt: null }), online, ALL_ON))).toEqual(['webhook dossier.changed']);
    const accepted = step(online.snapshot, { type: 'ACCEPT' }, CLERK);
    expect(summary(dossierOutboxMessages(facts(2, accepted.to), accepted, ALL_ON))).toContain('email dossier.received');
  });

  it('supplementation request carries the reason, and whether it came before receipt', () => {
    const requested = step(digitised.snapshot, { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu bản sao hợp đồng' }, SPECIALIST);
    const [mail] = dossierOutboxMessages(facts(3, requested.to), requested, ALL_ON);
    expect(mail).toMatchObject({ channel: 'email', topic: 'supplement.requested' });
    expect((mail.payload as NotificationPayload).data).toMatchObject({ reason: 'Thiếu bản sao hợp đồng', duringIntake: false, requestedAt: '2026-02-13T03:00:00.000Z' });
  });

  it('apology: the new appointment from the event, the previous one is the legal due time', () => {
    const apologised = step(digitised.snapshot, { type: 'APOLOGISE', reason: 'Chờ ý kiến liên ngành', newAppointment: '2026-03-05T17:00:00+07:00' }, SPECIALIST);
    const [mail] = dossierOutboxMessages(facts(3, apologised.to, { appointmentAt: new Date('2026-03-05T10:00:00Z') }), apologised, ALL_ON);
    expect(mail.payload).toMatchObject({
      template: 'apology',
      data: { reason: 'Chờ ý kiến liên ngành', previousAppointmentAt: DUE_AT.toISOString(), newAppointmentAt: '2026-03-05T10:00:00.000Z' },
    });
  });

  it('result issued: the applicant hears the result is ready', () => {
    const atLeader = step(digitised.snapshot, { type: 'FORWARD' }, SPECIALIST);
    const issued = step(atLeader.snapshot, { type: 'ISSUE_RESULT' }, LEADER);
    const ended = new Date('2026-02-20T04:00:00Z');
    const ms = dossierOutboxMessages(facts(4, issued.to, { processingEndedAt: ended }), issued, ALL_ON);
    expect(summary(ms)).toEqual(['email result.issued', 'sms result.issued', 'webhook dossier.changed']);
    expect((ms[0].payload as NotificationPayload).data).toMatchObject({ issuedAt: ended.toISOString() });
    expect((ms[2].payload as WebhookPayload).event).toEqual({
      type: 'dossier.changed',
      dossierId: '7d6f1c52-1111-4a8e-9a5e-3f2f0a1b2c3d',
      code: '000.00.12.H30-260212-0001',
      procedureCode: 'dang-ky-thong-tin-kq',
      version: 4,
      from: 'processing',
      state: 'result_issued',
      effects: ['result.issued'],
      occurredAt: '2026-02-13T03:00:00.000Z',
    });
  });
});

describe('deadlineOutboxMessages', () => {
  const row = { id: 'd1', code: 'X-260212-0001', version: 7, procedureCode: 'p', state: 'processing' as const, dueAt: DUE_AT, appointmentAt: DUE_AT, currentDepartmentCode: 'PQLKH' };

  it('one webhook call per dossier and threshold, keyed like the sweep’s notification record', () => {
    const [m] = deadlineOutboxMessages(row, 'overdue', { webhook: true });
    expect(m).toMatchObject({ topic: 'deadline.overdue', channel: 'webhook', idempotencyKey: 'd1:deadline.overdue:webhook', aggregateVersion: 7 });
    expect((m.payload as WebhookPayload).event).toMatchObject({ type: 'deadline.overdue', departmentCode: 'PQLKH', dueAt: DUE_AT.toISOString() });
    expect(deadlineOutboxMessages({ ...row, version: 8 }, 'overdue', { webhook: true })[0].idempotencyKey).toBe(m.idempotencyKey);
  });

  it('nothing without a webhook', () => {
    expect(deadlineOutboxMessages(row, 'due_soon', { webhook: false })).toEqual([]);
  });
});
