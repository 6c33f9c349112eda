import { pickWalkableProcedure, sendEvent } from '../support/dossier-helpers';
import { portalRecord, postPortalDossier } from '../support/portal-inbound';
import { ManualClock, startTestApp, TestApp } from '../support/test-app';

const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);

describe('Intake time of an online submission (issue #16, acceptance 4)', () => {
  const clock = new ManualClock(vn('2026-03-02 09:00'));
  let t: TestApp;
  let procedureCode: string;
  beforeAll(async () => {
    t = await startTestApp({ clock, env: { ONLINE_INTAKE_WORKING_HOURS: '8' } });
    procedureCode = (await pickWalkableProcedure(t)).code;
  });
  afterAll(() => t.close());

  const submitAt = async (local: string) => {
    clock.set(vn(local));
    const res = await postPortalDossier(t, portalRecord(procedureCode, {}));
    expect(res.status).toBe(201);
    return res.body.dossierId as string;
  };
  const decisionDetails = async (id: string) => {
    const token = await t.login('clerk');
    const history = (await t.http().get(`/api/dossiers/${id}/history`).set('authorization', `Bearer ${token}`).expect(200)).body;
    return history[history.length - 1].details;
  };

  it('a rejection after 8 working hours is flagged late; within them it is not', async () => {
    const late = await submitAt('2026-03-02 09:00');
    const inTime = await submitAt('2026-03-02 09:00');
    clock.set(vn('2026-03-03 09:01'));
    expect((await sendEvent(t, 'clerk', late, { type: 'REJECT', reason: 'Hồ sơ không đúng thủ tục', expectedVersion: 1 })).status).toBe(200);
    expect((await decisionDetails(late)).intake).toEqual({ decision: 'REJECT', submittedAt: vn('2026-03-02 09:00').toISOString(), dueAt: vn('2026-03-03 09:00').toISOString(), workingHours: 8, late: true });
    clock.set(vn('2026-03-03 08:59'));
    expect((await sendEvent(t, 'clerk', inTime, { type: 'REJECT', reason: 'Hồ sơ không đúng thủ tục', expectedVersion: 1 })).status).toBe(200);
    expect((await decisionDetails(inTime)).intake).toMatchObject({ decision: 'REJECT', late: false });
  });

  it('a submission on Friday afternoon is not late on Monday morning (rest days do not count)', async () => {
    const id = await submitAt('2026-03-06 16:00');
    clock.set(vn('2026-03-09 10:00'));
    const accepted = await sendEvent(t, 'clerk', id, { type: 'ACCEPT', expectedVersion: 1 });
    expect(accepted.status).toBe(200);
    expect((await decisionDetails(id)).intake).toMatchObject({ decision: 'ACCEPT', dueAt: vn('2026-03-09 16:00').toISOString(), late: false });
  });
});
