import { DeadlineSweep } from '../../apps/api/src/deadlines/deadline-sweep.service';
import { DeadlineNotificationEntity } from '../../apps/api/src/deadlines/deadline-notification.entity';
import { DataSource } from 'typeorm';
import { APPLICANT, sendEvent, USER_BY_DEPARTMENT } from '../support/dossier-helpers';
import { attachSignedResult, digitiseRequired } from '../support/files';
import { ManualClock, startTestApp, startTestAppOn, TestApp } from '../support/test-app';

/** Local (UTC+7) wall-clock time → instant. */
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);
// "Đăng ký thông tin kết quả nghiên cứu … mua bằng ngân sách nhà nước": 5 working days,
// steps PQLKH specialist (3 days) → BGD leader (1 day).
const FIVE_DAY_PROCEDURE = 'dang-ky-thong-tin-kq-mua-bang-nsnn';

describe('Deadline clock on dossiers', () => {
  const clock = new ManualClock(vn('2026-02-12 09:00'));
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  async function receive(at: string) {
    clock.set(vn(at));
    const token = await t.login('clerk');
    const res = await t.http().post('/api/dossiers').set('authorization', `Bearer ${token}`).send({ procedureCode: FIVE_DAY_PROCEDURE, channel: 'direct', applicant: APPLICANT });
    expect(res.status).toBe(201);
    await digitiseRequired(t, res.body.id);
    return res.body;
  }
  async function act(user: string, d: { id: string; version: number }, at: string, body: Record<string, unknown>) {
    clock.set(vn(at));
    if (body.type === 'ISSUE_RESULT') expect((await attachSignedResult(t, user, d.id)).status).toBe(201);
    const res = await sendEvent(t, user, d.id, { ...body, expectedVersion: d.version });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
    return res.body;
  }

  it('the procedure under test is the 5-working-day one', async () => {
    const token = await t.login('clerk');
    const p = await t.http().get(`/api/procedures/${FIVE_DAY_PROCEDURE}`).set('authorization', `Bearer ${token}`).expect(200);
    expect(p.body.processingTime).toEqual({ amount: 5, unit: 'working_days' });
    expect(p.body.steps.map((s: { departmentCode: string }) => s.departmentCode)).toEqual(['PQLKH', 'BGD']);
  });

  it.each([
    ['Thu 12/02/2026 09:00, Tết 14–22/02 skipped', '2026-02-12 09:00', '2026-02-26 09:00'],
    ['16:59, one working minute before closing', '2026-03-02 16:59', '2026-03-09 16:59'],
    ['17:01, after closing: counting starts next morning', '2026-03-02 17:01', '2026-03-09 17:00'],
    ['a Saturday', '2026-03-07 10:00', '2026-03-13 17:00'],
    ['a public holiday (30/4)', '2026-04-30 09:00', '2026-05-08 17:00'],
    ['the make-up Saturday 10/01/2026 counts as working', '2026-01-10 09:00', '2026-01-16 09:00'],
  ])('received %s', async (_label, at, due) => {
    const d = await receive(at);
    expect(d.dueAt).toBe(vn(due).toISOString());
    expect(d.appointmentAt).toBe(d.dueAt);
    expect(d.deadlineStatus).toBe('on_track');
  });

  it('two supplementation pauses shift the due time by the paused working time, are counted, and make the outcome late', async () => {
    let d = await receive('2026-03-02 08:00'); // Monday; due Mon 09/03 08:00
    const originalDue = d.dueAt;
    expect(originalDue).toBe(vn('2026-03-09 08:00').toISOString());
    d = await act('clerk', d, '2026-03-02 08:30', { type: 'COMPLETE_DIGITISATION' });
    expect(d.stepDueAt).toBe(vn('2026-03-05 08:30').toISOString());
    d = await act('specialist', d, '2026-03-02 10:00', { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu bản sao hợp đồng' });
    expect(d).toMatchObject({ state: 'awaiting_supplement', pausedAt: vn('2026-03-02 10:00').toISOString(), deadlineStatus: null });
    d = await act('clerk', d, '2026-03-03 10:30', { type: 'SUPPLEMENT_RECEIVED' }); // 8 h 30 paused
    expect(d.dueAt).toBe(vn('2026-03-10 08:30').toISOString()); // +8.5 working hours
    d = await act('specialist', d, '2026-03-04 16:00', { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu thuyết minh' });
    d = await act('clerk', d, '2026-03-05 09:00', { type: 'SUPPLEMENT_RECEIVED' }); // 1 h + 1 h 30 = 2 h 30
    expect(d.dueAt).toBe(vn('2026-03-10 11:00').toISOString());
    expect(d.pausedWorkingMinutes).toBe(8 * 60 + 30 + 150);
    expect(d.supplementRequests).toBe(2);
    d = await act('specialist', d, '2026-03-05 10:00', { type: 'FORWARD' });
    d = await act('leader', d, '2026-03-05 11:00', { type: 'ISSUE_RESULT' });
    expect(d).toMatchObject({ state: 'result_issued', outcome: 'late', processingEndedAt: vn('2026-03-05 11:00').toISOString() });

    const token = await t.login('clerk');
    const history = (await t.http().get(`/api/dossiers/${d.id}/history`).set('authorization', `Bearer ${token}`).expect(200)).body;
    expect(history.filter((h: { details: { pausedWorkingMinutes?: number } | null }) => h.details?.pausedWorkingMinutes).map((h: { details: { pausedWorkingMinutes: number } }) => h.details.pausedWorkingMinutes)).toEqual([510, 150]);
    expect(history.at(-1).details).toMatchObject({ outcome: 'late' });
  });

  it('records early and on-time outcomes, and which step (and department) made a dossier late', async () => {
    // Early: everything done on the first day.
    let d = await receive('2026-03-02 08:00');
    d = await act('clerk', d, '2026-03-02 08:10', { type: 'COMPLETE_DIGITISATION' });
    d = await act('specialist', d, '2026-03-02 09:00', { type: 'FORWARD' });
    d = await act('leader', d, '2026-03-02 10:00', { type: 'ISSUE_RESULT' });
    expect(d.outcome).toBe('early');

    // On time but the specialist's step overran its 3 days; the leader caught up on the due day.
    d = await receive('2026-03-02 08:00');
    d = await act('clerk', d, '2026-03-02 08:00', { type: 'COMPLETE_DIGITISATION' });
    d = await act('specialist', d, '2026-03-06 08:00', { type: 'FORWARD' });
    d = await act('leader', d, '2026-03-09 07:45', { type: 'ISSUE_RESULT' });
    expect(d.outcome).toBe('on_time');
    const token = await t.login('clerk');
    const history = (await t.http().get(`/api/dossiers/${d.id}/history`).set('authorization', `Bearer ${token}`).expect(200)).body;
    const forward = history.find((h: { type: string }) => h.type === 'FORWARD');
    expect(forward.details.closedSteps).toEqual([expect.objectContaining({ index: 0, departmentCode: 'PQLKH', late: true })]);
    const issue = history.find((h: { type: string }) => h.type === 'ISSUE_RESULT');
    expect(issue.details).toMatchObject({ outcome: 'on_time', closedSteps: [expect.objectContaining({ departmentCode: 'BGD', late: false })] });

    // Late: the result comes after the due time; the outcome survives the return.
    d = await receive('2026-03-02 08:00');
    d = await act('clerk', d, '2026-03-02 08:00', { type: 'COMPLETE_DIGITISATION' });
    d = await act('specialist', d, '2026-03-04 08:00', { type: 'FORWARD' });
    d = await act('leader', d, '2026-03-10 08:00', { type: 'ISSUE_RESULT' });
    d = await act('clerk', d, '2026-03-10 09:00', { type: 'RETURN_RESULT', method: 'counter' });
    expect(d).toMatchObject({ state: 'returned', outcome: 'late' });
    const late = await t.http().get('/api/dossiers?outcome=late&pageSize=100').set('authorization', `Bearer ${token}`).expect(200);
    expect(late.body.items.map((i: { id: string }) => i.id)).toContain(d.id);
  });

  it('an apology before the due time changes the appointment, not the outcome', async () => {
    let d = await receive('2026-03-02 08:00');
    d = await act('clerk', d, '2026-03-02 08:00', { type: 'COMPLETE_DIGITISATION' });
    d = await act('specialist', d, '2026-03-06 10:00', {
      type: 'APOLOGISE',
      reason: 'Cần lấy ý kiến chuyên gia',
      newAppointment: '2026-03-13T10:00:00+07:00',
    });
    expect(d.appointmentAt).toBe(vn('2026-03-13 10:00').toISOString());
    expect(d.dueAt).toBe(vn('2026-03-09 08:00').toISOString());
    d = await act('specialist', d, '2026-03-11 08:00', { type: 'FORWARD' });
    d = await act('leader', d, '2026-03-12 08:00', { type: 'ISSUE_RESULT' });
    expect(d.outcome).toBe('late');
  });

  it('an overdue dossier still gets its apology letter, recorded late and counted in the late report (issue #12 acceptance 4)', async () => {
    // Received Mon 02/03 08:00, due Mon 09/03 08:00 (5 working days).
    let e = await receive('2026-03-02 08:00');
    e = await act('clerk', e, '2026-03-02 08:00', { type: 'COMPLETE_DIGITISATION' });
    let f = await receive('2026-03-02 08:00');
    f = await act('clerk', f, '2026-03-02 08:00', { type: 'COMPLETE_DIGITISATION' });
    // On time for the default lead of one working day: Wed 04/03, well before the due time.
    let g = await receive('2026-03-02 08:00');
    g = await act('clerk', g, '2026-03-02 08:00', { type: 'COMPLETE_DIGITISATION' });
    g = await act('specialist', g, '2026-03-04 09:00', { type: 'APOLOGISE', reason: 'Cần lấy ý kiến chuyên gia', newAppointment: '2026-03-20T10:00:00+07:00' });

    // A day after the due time: the letter is still accepted (the applicant is owed it), marked late.
    e = await act('specialist', e, '2026-03-10 09:00', { type: 'APOLOGISE', reason: 'Chờ kết quả thẩm định', newAppointment: '2026-03-20T10:00:00+07:00' });
    expect(e).toMatchObject({ appointmentAt: vn('2026-03-20 10:00').toISOString(), dueAt: vn('2026-03-09 08:00').toISOString() });
    const token = await t.login('clerk');
    const history = await t.http().get(`/api/dossiers/${e.id}/history`).set('authorization', `Bearer ${token}`).expect(200);
    expect(history.body.at(-1)).toMatchObject({ type: 'APOLOGISE', details: { apologyLate: true } });
    // A new appointment already past is still refused.
    const past = await sendEvent(t, 'specialist', f.id, { type: 'APOLOGISE', reason: 'x', newAppointment: '2026-03-09T10:00:00+07:00', expectedVersion: f.version });
    expect(past.status).toBe(422);
    expect(past.body).toMatchObject({ error: 'DEADLINE_RULE', details: { rule: 'APOLOGY_DATE_INVALID' } });

    for (const [user, d] of [['leader', e], ['leader', f], ['leader', g]] as const) {
      let x = await act('specialist', d, '2026-03-11 08:00', { type: 'FORWARD' });
      x = await act(user, x, '2026-03-11 09:00', { type: 'ISSUE_RESULT' });
      expect(x.outcome).toBe('late');
    }
    const reporter = `Bearer ${await t.login('reporter')}`;
    const late = await t.http().get('/api/indicators/late').query({ period: 'month', year: 2026, number: 3 }).set('authorization', reporter).expect(200);
    const row = (code: string) => late.body.find((l: { code: string }) => l.code === code);
    expect(row(e.code)).toMatchObject({ apologyAppointmentAt: vn('2026-03-20 10:00').toISOString(), apology: { at: vn('2026-03-10 09:00').toISOString(), late: true } });
    expect(row(g.code)).toMatchObject({ apology: { at: vn('2026-03-04 09:00').toISOString(), late: false } });
    expect(row(f.code)).toMatchObject({ apologyAppointmentAt: null, apology: null });
  });
});

describe('Deadline sweep on two instances at once', () => {
  const clock = new ManualClock(vn('2026-03-02 08:00'));
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp({ clock });
    b = await startTestAppOn(a, { clock }); // a second instance on the same database
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('marks due-soon and overdue dossiers and writes each notification once', async () => {
    const token = await a.login('clerk');
    const create = async () => {
      const d = (await a.http().post('/api/dossiers').set('authorization', `Bearer ${token}`).send({ procedureCode: FIVE_DAY_PROCEDURE, channel: 'direct', applicant: APPLICANT }).expect(201)).body;
      await digitiseRequired(a, d.id);
      return d;
    };
    const overdue = [await create(), await create()]; // due Mon 09/03 08:00
    clock.set(vn('2026-03-05 08:00'));
    const dueSoon = [await create(), await create(), await create()]; // due Thu 12/03 08:00
    clock.set(vn('2026-03-09 10:00'));
    const onTrack = await create();

    const sweepA = a.app.get(DeadlineSweep);
    const sweepB = b.app.get(DeadlineSweep);
    const now = vn('2026-03-11 09:00'); // 1 working day - 1 h before 12/03 08:00
    // Two processes on one SQLite file would take turns on its write lock; two instances in
    // *this* process cannot (better-sqlite3 waits for a lock synchronously, blocking the other),
    // so on SQLite they sweep one after the other. PostgreSQL gets the real concurrent run.
    for (let round = 0; round < 3; round++) {
      if (a.database.dialect === 'postgres') await Promise.all([sweepA.sweep(now), sweepB.sweep(now)]);
      else await sweepA.sweep(now).then(() => sweepB.sweep(now));
    }

    const rows = await a.app.get(DataSource).getRepository(DeadlineNotificationEntity).find();
    const count = (id: string, kind: string) => rows.filter((r) => r.dossierId === id && r.kind === kind).length;
    for (const d of overdue) {
      expect(count(d.id, 'overdue')).toBe(1);
      expect(count(d.id, 'due_soon')).toBe(1);
    }
    for (const d of dueSoon) {
      expect(count(d.id, 'due_soon')).toBe(1);
      expect(count(d.id, 'overdue')).toBe(0);
    }
    expect(count(onTrack.id, 'due_soon') + count(onTrack.id, 'overdue')).toBe(0);
    expect(rows).toHaveLength(overdue.length * 2 + dueSoon.length);

    const list = async (flag: string) =>
      (await a.http().get(`/api/dossiers?deadlineStatus=${flag}&pageSize=100`).set('authorization', `Bearer ${token}`).expect(200)).body.items.map((i: { id: string }) => i.id).sort();
    expect(await list('overdue')).toEqual(overdue.map((d) => d.id).sort());
    expect(await list('due_soon')).toEqual(dueSoon.map((d) => d.id).sort());
  });

  it('a handler acting on a flagged dossier is not refused because of the sweep', async () => {
    const token = await a.login('clerk');
    const list = await a.http().get('/api/dossiers?deadlineStatus=overdue').set('authorization', `Bearer ${token}`).expect(200);
    const d = list.body.items[0];
    clock.set(vn('2026-03-11 09:30'));
    const res = await sendEvent(a, 'clerk', d.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: d.version });
    expect(res.status).toBe(200);
    expect(USER_BY_DEPARTMENT.PQLKH).toBe('specialist');
  });
});
