import { APPLICANT } from '../support/dossier-helpers';
import { ManualClock, startTestApp, TestApp } from '../support/test-app';

const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);
// 5 working days.
const PROCEDURE = 'dang-ky-thong-tin-kq-mua-bang-nsnn';

interface Day {
  date: string;
  name: string;
  kind: string;
}

/**
 * Issue #12 acceptance 6 (second half): an administrator loads the official notice of 2027; the
 * year is then official, and only open dossiers whose window crosses a changed day get new due
 * times, each with one history line; an identical schedule changes nothing; a bad file changes nothing.
 */
describe('Loading an official holiday notice', () => {
  const clock = new ManualClock(vn('2026-12-21 09:00'));
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = `Bearer ${await t.login('admin')}`;
  });
  afterAll(() => t.close());

  async function receiveAt(local: string) {
    clock.set(vn(local));
    const token = await t.login('clerk');
    const res = await t.http().post('/api/dossiers').set('authorization', `Bearer ${token}`).send({ procedureCode: PROCEDURE, channel: 'direct', applicant: APPLICANT });
    expect(res.status).toBe(201);
    return res.body as { id: string; dueAt: string; version: number; provisional: boolean };
  }
  const read = async (id: string) => (await t.http().get(`/api/dossiers/${id}`).set('authorization', admin).expect(200)).body;
  const history = async (id: string) => (await t.http().get(`/api/dossiers/${id}/history`).set('authorization', admin).expect(200)).body as Array<{ type: string; typeLabel: string; payload: Record<string, unknown>; actor: { username: string } }>;
  const load = (content: string, format = 'csv', year = 2027) =>
    t.http().post(`/api/admin/calendar/official/${year}`).set('authorization', admin).send({ format, content, reference: 'Thông báo thử nghiệm lịch nghỉ năm 2027' });

  /** The provisional 2027 schedule as a notice file, with `extra` days off. */
  async function notice(extra: Day[] = []): Promise<string> {
    const year = (await t.http().get('/api/calendar/holidays?year=2027').set('authorization', admin).expect(200)).body as { nonWorkingDays: Day[]; extraWorkingDays: Day[] };
    const lines = [...year.nonWorkingDays, ...extra].map((d) => `${d.date},${d.kind},${d.name}`);
    return ['# Lịch nghỉ năm 2027', 'date,kind,name', ...lines, ...year.extraWorkingDays.map((d) => `${d.date},make_up,${d.name}`)].join('\n');
  }

  it('recomputes only the dossiers whose window crosses the changed day, one history line each; the same schedule changes nothing', async () => {
    // Due Mon 28/12/2026: its window ends before Monday 04/01/2027.
    const early = await receiveAt('2026-12-21 09:00');
    // Due Tue 05/01/2027 09:00 under the computed 2027 calendar: crosses 04/01.
    const crossing = await receiveAt('2026-12-28 09:00');
    expect(crossing.dueAt).toBe(vn('2027-01-05 09:00').toISOString());
    expect(crossing.provisional).toBe(true);
    clock.set(vn('2026-12-28 10:00'));

    // A malformed file: 422 naming the line, nothing changed, the year still provisional.
    const bad = await load('date,kind,name\n2027-01-01,holiday,Tết Dương lịch\n2027-13-01,holiday,Sai');
    expect(bad.status).toBe(422);
    expect(bad.body.error).toBe('INVALID_SCHEDULE_FILE');
    expect(bad.body.details).toEqual({ line: 3 });
    expect(bad.body.message).toContain('line 3');
    expect((await t.http().get('/api/admin/calendar/official').set('authorization', admin).expect(200)).body).toEqual([]);
    expect((await read(crossing.id)).provisional).toBe(true);

    // Only administrators load notices.
    const clerk = `Bearer ${await t.login('clerk')}`;
    await t.http().post('/api/admin/calendar/official/2027').set('authorization', clerk).send({ format: 'csv', content: await notice(), reference: 'x' }).expect(403);

    // The computed schedule itself: the year becomes official, no dossier changes.
    const same = await load(await notice());
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ year: 2027, official: true, dossiersChanged: 0, changes: [] });
    expect((await t.http().get('/api/calendar/holidays?year=2027').set('authorization', admin).expect(200)).body.officialSchedule).toBe(true);
    const afterSame = await read(crossing.id);
    expect(afterSame.provisional).toBe(false);
    expect(afterSame.version).toBe(crossing.version);

    // One more day off, Monday 04/01/2027.
    const changed = await load(await notice([{ date: '2027-01-04', kind: 'holiday', name: 'Nghỉ theo thông báo' }]));
    expect(changed.status).toBe(200);
    expect(changed.body.dossiersChanged).toBe(1);
    expect(changed.body.changes[0]).toMatchObject({ dossierId: crossing.id });
    const moved = await read(crossing.id);
    expect(moved.dueAt).toBe(vn('2027-01-06 09:00').toISOString());
    expect(moved.version).toBe(crossing.version + 1);
    const lines = (await history(crossing.id)).filter((e) => e.type === 'RECOMPUTE_DUE');
    expect(lines).toHaveLength(1);
    expect(lines[0].typeLabel).toBe('Tính lại hạn theo lịch nghỉ chính thức');
    expect(lines[0].actor.username).toBe('admin');
    expect(lines[0].payload.changes).toEqual(
      expect.arrayContaining([{ field: 'dueAt', from: vn('2027-01-05 09:00').toISOString(), to: vn('2027-01-06 09:00').toISOString() }]),
    );
    expect((await read(early.id)).version).toBe(early.version);
    expect((await history(early.id)).some((e) => e.type === 'RECOMPUTE_DUE')).toBe(false);
    // A new dossier is computed on the loaded schedule.
    const due = await t.http().get('/api/calendar/due').query({ from: '2026-12-28T09:00:00+07:00', workingDays: 5 }).set('authorization', admin).expect(200);
    expect(due.body).toMatchObject({ dueAt: vn('2027-01-06 09:00').toISOString(), provisional: false });

    // Loading the same notice again changes nothing.
    const again = await load(await notice());
    expect(again.body.dossiersChanged).toBe(0);
    expect((await read(crossing.id)).version).toBe(crossing.version + 1);
    expect((await t.http().get('/api/admin/calendar/official').set('authorization', admin).expect(200)).body.map((l: { dossiersChanged: number }) => l.dossiersChanged)).toEqual([0, 1, 0]);
  });

  it('refuses a file of another year and a year outside the calendar', async () => {
    const other = await load('date,kind,name\n2028-01-01,holiday,Tết Dương lịch');
    expect(other.status).toBe(422);
    expect(other.body.details).toEqual({ line: 2 });
    expect((await load('date,kind,name\n1800-01-01,holiday,X', 'csv', 1800)).status).toBe(400);
    expect((await load('{"year": 2027,', 'json')).status).toBe(422);
  });
});
