import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CalendarDayOverrideEntity } from '../../apps/api/src/calendar/calendar-override.entity';
import { createDossier, sendEvent } from '../support/dossier-helpers';
import { startTestApp, TestApp } from '../support/test-app';

// Boots the whole application (migrations included) and argon2-hashes logins: slow on a loaded machine.
jest.setTimeout(60_000);

/** Issue #14: dates outside what the working calendar supports never reach it, and no admin input can stop the service. */
describe('Calendar range and admin writes that survive a restart', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  const as = async (user: string) => ({ authorization: `Bearer ${await t.login(user)}` });
  const overrides = async () => (await t.http().get('/api/admin/calendar/overrides').set(await as('admin')).expect(200)).body as Array<{ date: string }>;

  it('D5: an override outside the calendar’s years is refused before anything is stored; later changes and a restart still work', async () => {
    for (const date of ['2199-12-31', '0000-01-01', '9999-12-31', '2198-06-01', '1800-01-01']) {
      const res = await t.http().put(`/api/admin/calendar/overrides/${date}`).set(await as('admin')).send({ kind: 'day_off', name: 'x' });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('DATE_OUT_OF_RANGE');
    }
    expect(await overrides()).toEqual([]);
    await t.http().put('/api/admin/calendar/overrides/2026-12-24').set(await as('admin')).send({ kind: 'day_off', name: 'Nghỉ bù' }).expect(200);
    t = await t.restart();
    expect((await overrides()).map((o) => o.date)).toEqual(['2026-12-24']);
  });

  it('D5: a stored override the calendar cannot use (written before this check existed) is logged and skipped at boot, not fatal', async () => {
    const admin = (await t.app.get(DataSource).query(`SELECT id FROM app_user WHERE username = 'admin'`))[0].id;
    await t.app.get(DataSource).getRepository(CalendarDayOverrideEntity).insert({ date: '2199-12-31', kind: 'day_off', name: 'x', createdBy: admin, createdAt: new Date() });
    t = await t.restart();
    await t.http().get('/api/calendar/holidays?year=2026').set(await as('clerk')).expect(200);
    await t.http().put('/api/admin/calendar/overrides/2026-12-23').set(await as('admin')).send({ kind: 'day_off', name: 'Nghỉ bù' }).expect(200);
    await t.http().delete('/api/admin/calendar/overrides/2199-12-31').set(await as('admin')).expect(204);
  });

  it('D6: years and instants the calendar cannot handle are a 400 at every entry point', async () => {
    for (const year of [1800, 2198, 2199]) {
      const res = await t.http().get(`/api/calendar/holidays?year=${year}`).set(await as('clerk'));
      expect(res.status).toBe(400);
    }
    await t.http().get('/api/calendar/holidays?year=1801').set(await as('clerk')).expect(200);
    await t.http().get('/api/calendar/holidays?year=2197').set(await as('clerk')).expect(200);
    for (const from of ['2026-W01', '20260101T000000Z', '2026-02-30T09:00:00+07:00', '2026-01-01T24:00:00+07:00', '9999-01-01T00:00:00Z', '0001-01-01T00:00:00Z']) {
      const res = await t.http().get('/api/calendar/due').query({ from, workingDays: 1 }).set(await as('clerk'));
      expect(res.status).toBe(400);
    }
    // Inside the range, but counting runs past its end.
    const beyond = await t.http().get('/api/calendar/due').query({ from: '2197-06-01T09:00:00+07:00', workingDays: 3650 }).set(await as('clerk'));
    expect(beyond.status).toBe(422);
    expect(beyond.body.error).toBe('DATE_OUT_OF_RANGE');

    const dossier = await createDossier(t, '1.000173', 'direct', { scan: false }); // charges a fee
    for (const paidAt of ['2026-W01', '20260101T000000Z', '2026-02-30T09:00:00+07:00']) {
      const res = await t.http().post(`/api/dossiers/${dossier.id}/payment`).set(await as('clerk')).send({ method: 'counter', paidAt });
      expect(res.status).toBe(400);
    }
    const apology = await sendEvent(t, 'clerk', dossier.id, { type: 'APOLOGISE', expectedVersion: dossier.version, reason: 'x', newAppointment: '2026-W10' });
    expect(apology.status).toBe(400);
  });

  it('D12: fifty concurrent writes of one override date all succeed, leaving one row and fifty audit entries', async () => {
    const date = '2026-10-09';
    const answers = await Promise.all(
      Array.from({ length: 50 }, async (_, i) =>
        t.http().put(`/api/admin/calendar/overrides/${date}`).set(await as('admin')).send({ kind: 'day_off', name: `Nghỉ ${i}` }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    expect((await overrides()).filter((o) => o.date === date)).toHaveLength(1);
    const changes = (await t.http().get('/api/admin/calendar/changes').set(await as('admin')).expect(200)).body as Array<{ date: string }>;
    expect(changes.filter((c) => c.date === date)).toHaveLength(50);
  });

  it('every calendar and catalogue admin write, at the edges of what is accepted, then a restart', async () => {
    const admin = await as('admin');
    for (const [date, kind] of [['1801-01-01', 'working_day'], ['2197-12-31', 'day_off'], ['2026-06-06', 'working_day'], ['2026-06-08', 'day_off']] as const) {
      await t.http().put(`/api/admin/calendar/overrides/${date}`).set(admin).send({ kind, name: `  Điều chỉnh ${date}  ` }).expect(200);
    }
    await t.http().delete('/api/admin/calendar/overrides/2026-06-08').set(admin).expect(204);

    const base = (await t.http().get('/api/procedures/1.014393').set(admin).expect(200)).body;
    const definition = (code?: string) => ({
      ...(code ? { code } : {}),
      name: 'Thủ tục thử nghiệm '.repeat(20),
      field: 'L'.repeat(255),
      processingTime: { amount: 3650, unit: 'working_days' },
      fee: { amountVnd: 2_147_483_647, text: 'Lệ phí tối đa' },
      paperResult: true,
      resultName: 'Quyết định',
      components: base.components,
      steps: [
        { key: 'b'.repeat(64), name: 'B'.repeat(255), departmentCode: 'PQLKH', role: 'specialist', workingDays: 2000.5 },
        { key: 'phe-duyet', name: 'Phê duyệt', departmentCode: 'BGD', role: 'leader', workingDays: 0.5 },
      ],
    });
    const code = `3.${randomUUID().replace(/\D/g, '').slice(0, 6).padEnd(6, '0')}`;
    const created = await t.http().post('/api/admin/procedures').set(admin).send(definition(code));
    expect(created.status).toBe(201);
    const edited = await t.http().put(`/api/admin/procedures/${code}`).set(admin).send({ ...definition(), processingTime: { amount: 29200, unit: 'working_hours' } });
    expect(edited.status).toBe(200);
    await t.http().put('/api/admin/procedures/1.014393').set(admin).send({ ...definition(), processingTime: { amount: 3650, unit: 'calendar_days' } }).expect(200);

    t = await t.restart();
    for (const year of [1801, 2197, 2026]) await t.http().get(`/api/calendar/holidays?year=${year}`).set(await as('clerk')).expect(200);
    const dossier = await createDossier(t, code, 'direct', { scan: false });
    expect(dossier.code).toBeTruthy();
    const history = (await t.http().get(`/api/admin/procedures/${code}/versions`).set(await as('admin')).expect(200)).body;
    expect(history).toHaveLength(2);
  });
});
