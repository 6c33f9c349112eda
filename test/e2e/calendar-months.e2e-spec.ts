import { APPLICANT } from '../support/dossier-helpers';
import { ManualClock, startTestApp, TestApp } from '../support/test-app';

const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);

/** "1 tháng" is a calendar month (Civil Code 2015 Art 147–148; issue #12), not 28 days. */
describe('A procedure whose time limit is in months', () => {
  const clock = new ManualClock(vn('2026-03-31 10:00'));
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  it('is served with the calendar-month unit and a dossier received on 31/03 is due on the working day after 30/04–1/5', async () => {
    const token = await t.login('clerk');
    const procedure = (await t.http().get('/api/procedures/1.003542').set('authorization', `Bearer ${token}`).expect(200)).body;
    expect(procedure.processingTime).toEqual({ amount: 1, unit: 'calendar_months' });
    const created = await t.http().post('/api/dossiers').set('authorization', `Bearer ${token}`).send({ procedureCode: '1.003542', channel: 'direct', applicant: APPLICANT }).expect(201);
    // 30/04 is the last day of April (no 31st); 30/4 and 1/5 are holidays, then the weekend. 28 days would give 28/04.
    expect(created.body).toMatchObject({ receivedAt: vn('2026-03-31 10:00').toISOString(), dueAt: vn('2026-05-04 17:00').toISOString() });
  });
});
