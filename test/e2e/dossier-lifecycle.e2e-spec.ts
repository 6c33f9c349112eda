import { createDossier, pickWalkableProcedure, sendEvent, USER_BY_DEPARTMENT } from '../support/dossier-helpers';
import { attachSignedResult } from '../support/files';
import { startTestApp, TestApp } from '../support/test-app';

describe('A dossier from receipt to returned result', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('walks every processing step, each event sent by the right role, and records the history', async () => {
    const procedure = await pickWalkableProcedure(t, { minSteps: 2 });
    const created = await createDossier(t, procedure.code, 'direct');
    expect(created.state).toBe('received');
    expect(created.code).toMatch(/^[A-Za-z0-9.]+-\d{6}-\d{4}$/);
    expect(created.allowedEvents).toEqual(expect.arrayContaining(['COMPLETE_DIGITISATION', 'WITHDRAW']));
    if (procedure.processingTime) expect(Date.parse(created.dueAt!)).toBeGreaterThan(Date.now() - 60_000);

    let version = created.version;
    const step = async (username: string, body: Record<string, unknown>, expectedState: string) => {
      const res = await sendEvent(t, username, created.id, { ...body, expectedVersion: version });
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 200, body: { state: expectedState } });
      expect(res.body.version).toBe(version + 1);
      version = res.body.version;
      return res.body;
    };

    let dossier = await step('clerk', { type: 'COMPLETE_DIGITISATION' }, 'processing');
    for (let i = 0; i < procedure.steps.length; i++) {
      const current = procedure.steps[i];
      expect(dossier.currentStep).toMatchObject({ index: i, key: current.key, departmentCode: current.departmentCode });
      const actor = USER_BY_DEPARTMENT[current.departmentCode];
      const last = i === procedure.steps.length - 1;
      if (last) {
        const early = await sendEvent(t, actor, created.id, { type: 'ISSUE_RESULT', expectedVersion: version });
        expect(early.status).toBe(422); // no result document yet
        expect(early.body.error).toBe('RESULT_MISSING');
        const result = await attachSignedResult(t, actor, created.id);
        expect(result.status).toBe(201);
        expect(result.body.signature).toMatchObject({ kind: 'pdf', valid: true, reasons: [] });
      }
      dossier = await step(actor, last ? { type: 'ISSUE_RESULT', note: 'Đã ký kết quả' } : { type: 'FORWARD', note: `Chuyển bước ${i + 2}` }, last ? 'result_issued' : 'processing');
    }
    dossier = await step('clerk', { type: 'RETURN_RESULT', method: 'counter' }, 'returned');
    expect(dossier.allowedEvents).toEqual([]);
    expect(dossier.finishedAt).not.toBeNull();

    const clerk = await t.login('clerk');
    const history = await t.http().get(`/api/dossiers/${created.id}/history`).set('authorization', `Bearer ${clerk}`).expect(200);
    const types = history.body.map((h: { type: string }) => h.type);
    expect(types).toEqual([
      'CREATE',
      'COMPLETE_DIGITISATION',
      ...procedure.steps.slice(0, -1).map(() => 'FORWARD'),
      'ISSUE_RESULT',
      'RETURN_RESULT',
    ]);
    expect(history.body.map((h: { version: number }) => h.version)).toEqual(types.map((_: string, i: number) => i + 1));
    const actors = history.body.map((h: { actor: { username: string } }) => h.actor.username);
    expect(actors).toEqual(['clerk', 'clerk', ...procedure.steps.map((s) => USER_BY_DEPARTMENT[s.departmentCode]), 'clerk']);
    expect(history.body.at(-1)).toMatchObject({ from: 'result_issued', to: 'returned', payload: { method: 'counter' } });
    expect(history.body[2]).toMatchObject({ stepFrom: 0, stepTo: procedure.steps.length > 2 ? 1 : 1 });
  });

  it('takes an online dossier through intake: supplement during intake, accept, then a paused supplement while processing', async () => {
    const procedure = await pickWalkableProcedure(t);
    const created = await createDossier(t, procedure.code, 'online');
    expect(created).toMatchObject({ state: 'submitted', dueAt: null });
    let v = created.version;
    const send = async (user: string, body: Record<string, unknown>) => {
      const res = await sendEvent(t, user, created.id, { ...body, expectedVersion: v });
      expect(res.status).toBe(200);
      v = res.body.version;
      return res.body;
    };
    await send('clerk', { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu bản sao Giấy chứng nhận đăng ký doanh nghiệp' });
    let d = await send('clerk', { type: 'SUPPLEMENT_RECEIVED' });
    expect(d.state).toBe('submitted');
    d = await send('clerk', { type: 'ACCEPT' });
    expect(d.state).toBe('received');
    expect(d.receivedAt).not.toBeNull();
    if (procedure.processingTime) expect(d.dueAt).not.toBeNull();
    await send('clerk', { type: 'COMPLETE_DIGITISATION' });
    const handler = USER_BY_DEPARTMENT[procedure.steps[0].departmentCode];
    d = await send(handler, { type: 'REQUEST_SUPPLEMENT', reason: 'Bổ sung thuyết minh kỹ thuật' });
    expect(d).toMatchObject({ state: 'awaiting_supplement', supplementRequests: 1 });
    d = await send('clerk', { type: 'SUPPLEMENT_RECEIVED', note: 'Đã nhận bản bổ sung' });
    expect(d).toMatchObject({ state: 'processing', currentStep: { index: 0 } });
    d = await send(handler, { type: 'REFUSE', reason: 'Không đủ điều kiện theo quy định' });
    expect(d.state).toBe('refused');
    expect(d.allowedEvents).toEqual([]);
  });
});
