import { APPLICANT, createDossier, pickWalkableProcedure, sendEvent, USER_BY_DEPARTMENT } from '../support/dossier-helpers';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

describe('Denials: every refusal is a clear 4xx in one JSON shape', () => {
  let t: TestApp;
  let procedureCode: string;
  let firstStepDepartment: string;
  beforeAll(async () => {
    t = await startTestApp();
    const p = await pickWalkableProcedure(t, { minSteps: 2 });
    procedureCode = p.code;
    firstStepDepartment = p.steps[0].departmentCode;
  });
  afterAll(() => t.close());

  const bearer = async (user: string) => `Bearer ${await t.login(user)}`;
  const expectErrorShape = (body: Record<string, unknown>, status: number, error: string) => {
    expect(body).toMatchObject({ statusCode: status, error });
    expect(typeof body.message).toBe('string');
  };

  describe('authentication', () => {
    it('401 without a token', async () => {
      const res = await t.http().get('/api/dossiers');
      expect(res.status).toBe(401);
      expectErrorShape(res.body, 401, 'UNAUTHORIZED');
    });

    it('401 with a forged token', async () => {
      const res = await t.http().get('/api/dossiers').set('authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.invalid');
      expect(res.status).toBe(401);
    });

    it('one message for an unknown user and a wrong password', async () => {
      const unknown = await t.http().post('/api/auth/login').send({ username: 'nobody', password: DEMO_PASSWORD });
      const wrong = await t.http().post('/api/auth/login').send({ username: 'clerk', password: 'wrong-password' });
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(unknown.body).toEqual(wrong.body);
    });

    it('400 for a malformed login body, before any credential check', async () => {
      const res = await t.http().post('/api/auth/login').send({ username: 'clerk', password: DEMO_PASSWORD, admin: true });
      expect(res.status).toBe(400);
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
    });

    it('health and the OpenAPI document are public', async () => {
      await t.http().get('/api/health').expect(200);
      const doc = await t.http().get('/api/docs-json').expect(200);
      expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/dossiers', '/api/dossiers/{id}/events', '/api/auth/login']));
    });
  });

  describe('authorisation', () => {
    it('403 when a role may not call the route (specialist creating a dossier)', async () => {
      const res = await t.http().post('/api/dossiers').set('authorization', await bearer('specialist')).send({ procedureCode, channel: 'direct', applicant: APPLICANT });
      expect(res.status).toBe(403);
      expectErrorShape(res.body, 403, 'FORBIDDEN');
    });

    it('403 when the event is allowed in this state but not for this user', async () => {
      const d = await createDossier(t, procedureCode);
      const res = await sendEvent(t, 'leader', d.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: d.version });
      expect(res.status).toBe(403);
      expectErrorShape(res.body, 403, 'FORBIDDEN');
    });

    it("404 for a specialist looking at or acting on another department's dossier", async () => {
      const other = Object.entries(USER_BY_DEPARTMENT).find(([dept, user]) => dept !== firstStepDepartment && user.startsWith('specialist'));
      const d = await createDossier(t, procedureCode);
      // Find a specialist whose department takes no part in this procedure at all.
      const procedure = (await t.http().get(`/api/procedures/${procedureCode}`).set('authorization', await bearer('clerk'))).body;
      const outsider = ['specialist', 'specialist2'].find((u) => !procedure.steps.some((s: { departmentCode: string }) => USER_BY_DEPARTMENT[s.departmentCode] === u));
      if (outsider) {
        await t.http().get(`/api/dossiers/${d.id}`).set('authorization', await bearer(outsider)).expect(404);
        const res = await sendEvent(t, outsider, d.id, { type: 'FORWARD', expectedVersion: d.version });
        expect(res.status).toBe(404);
        const list = await t.http().get('/api/dossiers').set('authorization', await bearer(outsider)).expect(200);
        expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(d.id);
      } else {
        // Both specialists take part: acting out of turn is refused instead.
        expect(other).toBeDefined();
        await sendEvent(t, 'clerk', d.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: d.version });
        const wrongDept = firstStepDepartment === 'PQLKH' ? 'specialist2' : 'specialist';
        const res = await sendEvent(t, wrongDept, d.id, { type: 'FORWARD', expectedVersion: d.version + 1 });
        expect(res.status).toBe(403);
      }
    });

    it('a specialist sees dossiers of procedures their department takes part in', async () => {
      const d = await createDossier(t, procedureCode);
      const user = USER_BY_DEPARTMENT[firstStepDepartment];
      await t.http().get(`/api/dossiers/${d.id}`).set('authorization', await bearer(user)).expect(200);
      const list = await t.http().get('/api/dossiers?pageSize=100').set('authorization', await bearer(user)).expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).toContain(d.id);
    });
  });

  describe('the inbox', () => {
    it('mine = the dossiers at my department, most urgent first; assignee cannot widen what a specialist sees', async () => {
      const user = USER_BY_DEPARTMENT[firstStepDepartment];
      const waiting = await createDossier(t, procedureCode); // received: not yet at any step
      const atStep: string[] = [];
      for (let i = 0; i < 3; i++) {
        const d = await createDossier(t, procedureCode);
        await sendEvent(t, 'clerk', d.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: d.version });
        atStep.push(d.id);
      }
      const mine = (await t.http().get('/api/dossiers?mine=true&pageSize=100').set('authorization', await bearer(user)).expect(200)).body;
      const ids = mine.items.map((i: { id: string }) => i.id);
      expect(ids).toEqual(expect.arrayContaining(atStep));
      expect(ids).not.toContain(waiting.id);
      expect(mine.items.every((i: { currentStep: { departmentCode: string } | null }) => i.currentStep?.departmentCode === firstStepDepartment)).toBe(true);
      const dues = mine.items.map((i: { dueAt: string | null }) => i.dueAt);
      const withDue = dues.filter((x: string | null): x is string => x !== null);
      expect(dues.slice(0, withDue.length)).toEqual(withDue); // no appointment: last
      expect([...withDue].sort()).toEqual(withDue);
      expect(mine.total).toBe(mine.items.length);
      // The same page through assignee = my own department.
      const assigned = (await t.http().get(`/api/dossiers?assignee=${firstStepDepartment}&pageSize=100`).set('authorization', await bearer(user)).expect(200)).body;
      expect(assigned.items.map((i: { id: string }) => i.id)).toEqual(ids);
      // A specialist asking for another department's dossiers gets only those of procedures their department takes part in.
      const outsider = ['specialist', 'specialist2'].find((u) => u !== user)!;
      const other = (await t.http().get(`/api/dossiers?assignee=${firstStepDepartment}&pageSize=100`).set('authorization', await bearer(outsider)).expect(200)).body;
      const procedure = (await t.http().get(`/api/procedures/${procedureCode}`).set('authorization', await bearer('clerk'))).body;
      const takesPart = procedure.steps.some((s: { departmentCode: string }) => USER_BY_DEPARTMENT[s.departmentCode] === outsider);
      if (!takesPart) expect(other.items.filter((i: { id: string }) => atStep.includes(i.id))).toEqual([]);
    });
  });

  describe('workflow refusals', () => {
    it('409 INVALID_TRANSITION with the events allowed now', async () => {
      const d = await createDossier(t, procedureCode);
      const res = await sendEvent(t, 'clerk', d.id, { type: 'RETURN_RESULT', method: 'counter', expectedVersion: d.version });
      expect(res.status).toBe(409);
      expectErrorShape(res.body, 409, 'INVALID_TRANSITION');
      expect(res.body.allowedEvents).toEqual(expect.arrayContaining(['COMPLETE_DIGITISATION', 'WITHDRAW']));
      expect(res.body.allowedEvents).not.toContain('RETURN_RESULT');
    });

    it('409 VERSION_CONFLICT for a stale expectedVersion, and nothing changes', async () => {
      const d = await createDossier(t, procedureCode);
      const ok = await sendEvent(t, 'clerk', d.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: d.version });
      expect(ok.status).toBe(200);
      const stale = await sendEvent(t, 'clerk', d.id, { type: 'WITHDRAW', reason: 'Công dân xin rút', expectedVersion: d.version });
      expect(stale.status).toBe(409);
      expectErrorShape(stale.body, 409, 'VERSION_CONFLICT');
      const now = await t.http().get(`/api/dossiers/${d.id}`).set('authorization', await bearer('clerk')).expect(200);
      expect(now.body).toMatchObject({ state: 'processing', version: d.version + 1 });
    });

    it('400 when a required reason is missing or a field does not belong to the event', async () => {
      const d = await createDossier(t, procedureCode, 'online');
      const noReason = await sendEvent(t, 'clerk', d.id, { type: 'REJECT', expectedVersion: d.version });
      expect(noReason.status).toBe(400);
      const blank = await sendEvent(t, 'clerk', d.id, { type: 'REJECT', reason: '   ', expectedVersion: d.version });
      expect(blank.status).toBe(400);
      const extra = await sendEvent(t, 'clerk', d.id, { type: 'ACCEPT', method: 'post', expectedVersion: d.version });
      expect(extra.status).toBe(400);
      const missingVersion = await sendEvent(t, 'clerk', d.id, { type: 'ACCEPT' });
      expect(missingVersion.status).toBe(400);
      const history = await t.http().get(`/api/dossiers/${d.id}/history`).set('authorization', await bearer('clerk')).expect(200);
      expect(history.body).toHaveLength(1);
    });
  });

  describe('bad input', () => {
    it('422 UNKNOWN_PROCEDURE', async () => {
      const res = await t.http().post('/api/dossiers').set('authorization', await bearer('clerk')).send({ procedureCode: '9.999999', channel: 'direct', applicant: APPLICANT });
      expect(res.status).toBe(422);
      expectErrorShape(res.body, 422, 'UNKNOWN_PROCEDURE');
    });

    it('400 for malformed JSON', async () => {
      const res = await t.http().post('/api/dossiers').set('authorization', await bearer('clerk')).set('content-type', 'application/json').send('{"procedureCode": ');
      expect(res.status).toBe(400);
      expect(res.body.statusCode).toBe(400);
      expect(typeof res.body.error).toBe('string');
    });

    it('400 for unknown fields and wrong types, listing every problem', async () => {
      const res = await t
        .http()
        .post('/api/dossiers')
        .set('authorization', await bearer('clerk'))
        .send({ procedureCode: 42, channel: 'fax', applicant: { ...APPLICANT, idNumber: '!' }, priority: 'high' });
      expect(res.status).toBe(400);
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      const problems = (res.body.details.problems as string[]).join('\n');
      expect(problems).toMatch(/priority/);
      expect(problems).toMatch(/channel/);
      expect(problems).toMatch(/procedureCode/);
      expect(problems).toMatch(/idNumber/);
      expect(res.body.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'applicant.idNumber', constraints: ['isIdNumber'] }), expect.objectContaining({ field: 'channel' })]));
    });

    it('413 for an oversized body', async () => {
      const res = await t
        .http()
        .post('/api/dossiers')
        .set('authorization', await bearer('clerk'))
        .send({ procedureCode, channel: 'direct', applicant: { ...APPLICANT, address: 'x'.repeat(2_000_000) } });
      expect(res.status).toBe(413);
      expect(res.body.statusCode).toBe(413);
    });

    it('400 for a malformed dossier id, 404 for an unknown one', async () => {
      const auth = await bearer('clerk');
      await t.http().get('/api/dossiers/not-a-uuid').set('authorization', auth).expect(400);
      await t.http().get('/api/dossiers/3b241101-e2bb-4255-8caf-4136c566a962').set('authorization', auth).expect(404);
    });

    it('400 for bad list filters', async () => {
      const res = await t.http().get('/api/dossiers?state=lost&pageSize=1000').set('authorization', await bearer('clerk'));
      expect(res.status).toBe(400);
    });
  });
});
