import { APPLICANT } from '../support/dossier-helpers';
import { ManualClock, startTestApp, TestApp } from '../support/test-app';

const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);
// 5 working days.
const PROCEDURE = 'dang-ky-thong-tin-kq-mua-bang-nsnn';

/** Issue #12 acceptance 6 (first half): a due date in a year without an official holiday notice is marked provisional. */
describe('Provisional due dates', () => {
  const clock = new ManualClock(vn('2026-03-02 09:00'));
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  async function receiveAt(local: string) {
    clock.set(vn(local));
    const token = await t.login('clerk');
    const res = await t.http().post('/api/dossiers').set('authorization', `Bearer ${token}`).send({ procedureCode: PROCEDURE, channel: 'direct', applicant: APPLICANT });
    expect(res.status).toBe(201);
    return res.body as { id: string; dueAt: string; provisional: boolean };
  }

  it('is false while the due date is in an official year (2026), true once it falls in 2027', async () => {
    const auth = `Bearer ${await t.login('clerk')}`;
    // 2027 has no official file in config/holidays (the test relies on it).
    expect((await t.http().get('/api/calendar/holidays?year=2027').set('authorization', auth).expect(200)).body.officialSchedule).toBe(false);
    const due = (from: string) => t.http().get('/api/calendar/due').query({ from, workingDays: 5 }).set('authorization', auth).expect(200);
    expect((await due('2026-12-01T09:00:00+07:00')).body.provisional).toBe(false);
    expect((await due('2026-12-29T09:00:00+07:00')).body.provisional).toBe(true);

    const march = await receiveAt('2026-03-02 09:00');
    expect(march.provisional).toBe(false);
    const lastWeek = await receiveAt('2026-12-28 09:00');
    expect(new Date(lastWeek.dueAt).getUTCFullYear()).toBe(2027);
    expect(lastWeek.provisional).toBe(true);
    // The same flag on every read.
    const read = await t.http().get(`/api/dossiers/${lastWeek.id}`).set('authorization', `Bearer ${await t.login('clerk')}`).expect(200);
    expect(read.body.provisional).toBe(true);
    const list = await t.http().get('/api/dossiers?pageSize=100').set('authorization', `Bearer ${await t.login('clerk')}`).expect(200);
    expect(list.body.items.find((d: { id: string }) => d.id === march.id).provisional).toBe(false);
  });
});
