import { startTestApp, TestApp } from '../support/test-app';

describe('Calendar API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.login(user)}` });

  it('lists the non-working and make-up days of a year with Vietnamese names', async () => {
    const res = await t.http().get('/api/calendar/holidays?year=2026').set(await auth('clerk')).expect(200);
    expect(res.body.officialSchedule).toBe(true);
    const dates = res.body.nonWorkingDays.map((d: { date: string }) => d.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-01-01', '2026-02-16', '2026-02-20', '2026-04-27', '2026-08-31', '2026-09-02']));
    expect(res.body.nonWorkingDays.find((d: { date: string }) => d.date === '2026-02-17').name).toMatch(/Tết Nguyên Đán/);
    expect(res.body.extraWorkingDays.map((d: { date: string }) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
    const y2030 = await t.http().get('/api/calendar/holidays?year=2030').set(await auth('clerk')).expect(200);
    expect(y2030.body.officialSchedule).toBe(false);
    expect(y2030.body.nonWorkingDays.length).toBeGreaterThanOrEqual(11);
  });

  it('computes a due time', async () => {
    const res = await t.http().get('/api/calendar/due').query({ from: '2026-02-12T09:00:00+07:00', workingDays: 5 }).set(await auth('specialist')).expect(200);
    expect(res.body.dueAt).toBe('2026-02-26T02:00:00.000Z');
    const hours = await t.http().get('/api/calendar/due').query({ from: '2026-03-02T16:00:00+07:00', workingHours: 2 }).set(await auth('specialist')).expect(200);
    expect(hours.body).toMatchObject({ dueAt: '2026-03-03T01:30:00.000Z' }); // 1 h Monday + 1 h Tuesday from 07:30
    // 31/03 + 1 month → 30/04 (no 31st), a holiday; 1/5 too, then the weekend: Monday 4/5 at closing time.
    const months = await t.http().get('/api/calendar/due').query({ from: '2026-03-31T10:00:00+07:00', calendarMonths: 1 }).set(await auth('specialist')).expect(200);
    expect(months.body).toMatchObject({ unit: 'calendar_months', amount: 1, dueAt: '2026-05-04T10:00:00.000Z' });
  });

  it('refuses bad queries with 400 and anonymous callers with 401', async () => {
    await t.http().get('/api/calendar/holidays?year=2026').expect(401);
    await t.http().get('/api/calendar/holidays?year=abc').set(await auth('clerk')).expect(400);
    await t.http().get('/api/calendar/due').query({ from: 'yesterday', workingDays: 5 }).set(await auth('clerk')).expect(400);
    await t.http().get('/api/calendar/due').query({ from: '2026-02-12T09:00:00+07:00', workingDays: 5, workingHours: 3 }).set(await auth('clerk')).expect(400);
    await t.http().get('/api/calendar/due').query({ from: '2026-02-12T09:00:00+07:00' }).set(await auth('clerk')).expect(400);
    await t.http().get('/api/calendar/due').query({ from: '2026-02-12T09:00:00+07:00', calendarDays: 5, calendarMonths: 1 }).set(await auth('clerk')).expect(400);
    await t.http().get('/api/calendar/due').query({ from: '2026-02-12T09:00:00+07:00', calendarMonths: 121 }).set(await auth('clerk')).expect(400);
  });

  it('lets an admin add and remove an official day, audited, and deadlines follow', async () => {
    const due = async () =>
      (await t.http().get('/api/calendar/due').query({ from: '2026-11-23T09:00:00+07:00', workingDays: 2 }).set(await auth('clerk')).expect(200)).body.dueAt;
    expect(await due()).toBe('2026-11-25T02:00:00.000Z');

    await t.http().put('/api/admin/calendar/overrides/2026-11-24').set(await auth('clerk')).send({ kind: 'day_off', name: 'Ngày Văn hóa Việt Nam' }).expect(403);
    await t.http().put('/api/admin/calendar/overrides/2026-11-24').set(await auth('admin')).send({ kind: 'day_off', name: 'Ngày Văn hóa Việt Nam' }).expect(200);
    expect(await due()).toBe('2026-11-26T02:00:00.000Z');
    const year = await t.http().get('/api/calendar/holidays?year=2026').set(await auth('clerk')).expect(200);
    expect(year.body.nonWorkingDays).toContainEqual(expect.objectContaining({ date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam' }));

    await t.http().delete('/api/admin/calendar/overrides/2026-11-24').set(await auth('admin')).expect(204);
    await t.http().delete('/api/admin/calendar/overrides/2026-11-24').set(await auth('admin')).expect(404);
    expect(await due()).toBe('2026-11-25T02:00:00.000Z');

    const changes = await t.http().get('/api/admin/calendar/changes').set(await auth('admin')).expect(200);
    const rows = changes.body.map((c: { action: string; date: string; actorUsername: string }) => [c.action, c.date, c.actorUsername]);
    expect(rows.sort()).toEqual([
      ['remove', '2026-11-24', 'admin'],
      ['set', '2026-11-24', 'admin'],
    ]);
  });

  it('validates override input', async () => {
    await t.http().put('/api/admin/calendar/overrides/2026-02-30').set(await auth('admin')).send({ kind: 'day_off', name: 'x' }).expect(400);
    await t.http().put('/api/admin/calendar/overrides/2026-12-05').set(await auth('admin')).send({ kind: 'holiday', name: 'x' }).expect(400);
    await t.http().put('/api/admin/calendar/overrides/2026-12-05').set(await auth('admin')).send({ kind: 'working_day', name: '' }).expect(400);
  });
});
