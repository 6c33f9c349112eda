import { DataSource } from 'typeorm';
import { CalendarHolder } from '../../apps/api/src/deadlines/calendar-holder';
import { createDossier, pickWalkableProcedure } from '../support/dossier-helpers';
import { ManualClock, startTestApp, TestApp } from '../support/test-app';

/** Local (UTC+7) wall-clock time → instant. */
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);

const CITIZEN = { fullName: 'Trần Thị Bình', phone: '0912345678', email: 'binh.tran@example.vn' };
const PERIOD = { from: '2026-12-01', to: '2027-01-31' };

/**
 * Feedback and petitions (PAKN) end to end: the citizen's page, the staff's handling through
 * the same event contract as dossiers, the deadline phases on the working calendar, and the
 * indicators 5.1–5.4 that fall out of the records.
 */
describe('Feedback (PAKN) workflow', () => {
  const clock = new ManualClock(vn('2026-12-01 09:00')); // a Tuesday
  let t: TestApp;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp({ clock, env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '1000' } });
    for (const user of ['clerk', 'specialist', 'specialist2', 'leader', 'reporter', 'admin']) tokens[user] = `Bearer ${await t.login(user)}`;
  }, 60_000); // six argon2 logins
  afterAll(() => t.close());

  const submit = (body: Record<string, unknown>) => t.http().post('/api/public/feedback').send(body);
  const staff = (user: string, id: string, body: Record<string, unknown>) =>
    t.http().post(`/api/feedback/${id}/events`).set('authorization', tokens[user]).send(body);
  const citizen = (code: string, body: Record<string, unknown>) => t.http().post(`/api/public/feedback/${code}/events`).send(body);
  const lookup = (code: string, secret: string) => t.http().get(`/api/public/feedback/${code}`).query({ secret });
  const feedbackCount = () => t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM feedback').then((r: Array<{ n: number | string }>) => Number(r[0].n));
  const indicators = async () => {
    const res = await t.http().get('/api/indicators').query(PERIOD).set('authorization', tokens.reporter).expect(200);
    return Object.fromEntries(res.body.indicators.map((i: { key: string }) => [i.key, i])) as Record<string, { numerator: number; denominator: number; rate: number | null }>;
  };

  /** Sends a feedback from the public page and has the clerk classify it for PQLKH. */
  async function classified(title: string, category: 'regulation' | 'conduct' = 'regulation') {
    const sent = await submit({ title, content: 'Nội dung phản ánh chi tiết.', author: CITIZEN }).expect(201);
    const list = await t.http().get('/api/feedback').query({ state: 'received' }).set('authorization', tokens.clerk).expect(200);
    const item = list.body.items.find((i: { code: string }) => i.code === sent.body.code);
    const res = await staff('clerk', item.id, { type: 'CLASSIFY', category, departmentCode: 'PQLKH', expectedVersion: item.version }).expect(200);
    return { id: item.id as string, code: sent.body.code as string, secret: sent.body.secret as string, version: res.body.version as number };
  }

  async function answered<F extends { id: string; version: number }>(f: F, at: string) {
    const started = await staff('specialist', f.id, { type: 'START_HANDLING', expectedVersion: f.version }).expect(200);
    clock.set(vn(at));
    const res = await staff('specialist', f.id, { type: 'ANSWER', answer: 'Sở đã rà soát và trả lời như sau.', expectedVersion: started.body.version }).expect(200);
    return { ...f, version: res.body.version as number, view: res.body };
  }

  it('a citizen sends feedback, staff handle it late, the citizen is dissatisfied: 5.2 and 5.3 show it', async () => {
    clock.set(vn('2026-12-01 09:00'));
    expect((await indicators())['5.2'].rate).toBeNull(); // nothing yet: N/A, not a division by zero

    const sent = await submit({ title: 'Niêm yết sai thời hạn giải quyết', content: 'Thời hạn niêm yết khác với thực tế.', author: CITIZEN }).expect(201);
    expect(sent.body.code).toMatch(/^PAKN-.+-261201-\d{4}$/);
    expect(sent.body.secret).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const page = await lookup(sent.body.code, sent.body.secret).expect(200);
    expect(page.body).toMatchObject({ state: 'received', stateLabel: 'Đã tiếp nhận', canRate: false, answer: null });

    const [item] = (await t.http().get('/api/feedback').set('authorization', tokens.clerk).expect(200)).body.items;
    expect(item).toMatchObject({ code: sent.body.code, state: 'received', version: 1, allowedEvents: ['CLASSIFY', 'REJECT', 'REQUEST_SUPPLEMENT', 'CLOSE'] });
    expect(item.lookupSecret).toBe(sent.body.secret);
    // Handling is due 15 working days after receipt (DOMAIN.md §1.4 indicator 5.2).
    expect(item.phases.map((p: { phase: string }) => p.phase)).toEqual(['reject', 'supplement', 'handle']);
    // Working time left on the calendar: 15 working days of 8 hours, received at 09:00 on a working day.
    expect(item.phases.find((p: { phase: string }) => p.phase === 'handle').workingMinutesLeft).toBe(15 * 8 * 60);

    // Specialists see nothing until the feedback is assigned to their department.
    expect((await t.http().get('/api/feedback').set('authorization', tokens.specialist).expect(200)).body.total).toBe(0);
    await t.http().get(`/api/feedback/${item.id}`).set('authorization', tokens.specialist).expect(404);

    const unknown = await staff('clerk', item.id, { type: 'CLASSIFY', category: 'regulation', departmentCode: 'NOPE', expectedVersion: 1 }).expect(400);
    expect(unknown.body.error).toBe('UNKNOWN_DEPARTMENT');
    clock.set(vn('2026-12-01 10:00'));
    const classifiedRes = await staff('clerk', item.id, { type: 'CLASSIFY', category: 'regulation', departmentCode: 'PQLKH', expectedVersion: 1 }).expect(200);
    expect(classifiedRes.body).toMatchObject({ state: 'classified', departmentCode: 'PQLKH', categoryLabel: 'Về quy định, thủ tục hành chính' });

    await t.http().get(`/api/feedback/${item.id}`).set('authorization', tokens.specialist2).expect(404);
    const stale = await staff('specialist', item.id, { type: 'START_HANDLING', expectedVersion: 1 }).expect(409);
    expect(stale.body.error).toBe('VERSION_CONFLICT');
    const handling = await staff('specialist', item.id, { type: 'START_HANDLING', expectedVersion: 2 }).expect(200);
    const forbidden = await staff('leader', item.id, { type: 'ANSWER', answer: 'x', expectedVersion: 3 }).expect(403);
    expect(forbidden.body.error).toBe('FORBIDDEN');

    // Answered four weeks later: past the 15 working days.
    const due = new Date(handling.body.dueAt);
    clock.set(vn('2027-01-05 09:00'));
    expect(clock.now().getTime()).toBeGreaterThan(due.getTime());
    const answer = await staff('specialist', item.id, { type: 'ANSWER', answer: 'Sở đã điều chỉnh nội dung niêm yết.', expectedVersion: 3 }).expect(200);
    expect(answer.body).toMatchObject({ state: 'answered', onTime: false, handledAt: vn('2027-01-05 09:00').toISOString() });
    expect(answer.body.phases.find((p: { phase: string }) => p.phase === 'handle')).toMatchObject({ completed: true, late: true });

    const published = await staff('leader', item.id, { type: 'PUBLISH', expectedVersion: 4 }).expect(200);
    expect(published.body.state).toBe('published');

    // Staff cannot rate on the citizen's behalf (indicator 5.3 would mean nothing).
    expect((await staff('clerk', item.id, { type: 'RATE', verdict: 'satisfied', expectedVersion: 5 }).expect(403)).body.error).toBe('FORBIDDEN');
    // The citizen reads the answer and rates it, once.
    const before = await lookup(sent.body.code, sent.body.secret).expect(200);
    expect(before.body).toMatchObject({ state: 'published', answer: 'Sở đã điều chỉnh nội dung niêm yết.', canRate: true });
    const rated = await citizen(sent.body.code, { secret: sent.body.secret, type: 'RATE', verdict: 'dissatisfied' }).expect(200);
    expect(rated.body).toMatchObject({ verdict: 'dissatisfied', verdictLabel: 'Không hài lòng', canRate: false });
    const again = await citizen(sent.body.code, { secret: sent.body.secret, type: 'RATE', verdict: 'satisfied' }).expect(409);
    expect(again.body.error).toBe('INVALID_TRANSITION');

    let k = await indicators();
    expect(k['5.1']).toMatchObject({ numerator: 1, denominator: 1 });
    expect(k['5.2']).toMatchObject({ numerator: 0, denominator: 1, rate: 0 });
    expect(k['5.3']).toMatchObject({ numerator: 0, denominator: 1, rate: 0 });

    // A second one answered on time and not rated counts on both; a third, on time but
    // rated dissatisfied, counts for 5.2 and against 5.3; a fourth about conduct shows in 5.1.
    clock.set(vn('2027-01-06 09:00'));
    await answered(await classified('Hướng dẫn chưa rõ'), '2027-01-07 09:00');
    clock.set(vn('2027-01-06 09:00'));
    const third = await answered(await classified('Biểu mẫu khó điền'), '2027-01-08 09:00');
    await citizen(third.code, { secret: third.secret, type: 'RATE', verdict: 'recomplained' }).expect(200);
    clock.set(vn('2027-01-25 09:00'));
    await classified('Thái độ cán bộ tiếp nhận', 'conduct');

    k = await indicators();
    expect(k['5.1']).toMatchObject({ numerator: 3, denominator: 4 });
    // The fourth is open and not yet due at the period end: on time so far.
    expect(k['5.2']).toMatchObject({ numerator: 3, denominator: 4, rate: 75 });
    expect(k['5.3']).toMatchObject({ numerator: 2, denominator: 4, rate: 50 });
    // The department filter reaches feedback; a procedure filter leaves it out (N/A).
    const other = await t.http().get('/api/indicators').query({ ...PERIOD, departmentCode: 'PQLCN' }).set('authorization', tokens.reporter).expect(200);
    expect(other.body.indicators.find((i: { key: string }) => i.key === '5.2')).toMatchObject({ denominator: 0, rate: null });

    // Every change is in the history, the citizen's too.
    const history = (await t.http().get(`/api/feedback/${item.id}/history`).set('authorization', tokens.leader).expect(200)).body;
    expect(history.map((h: { type: string }) => h.type)).toEqual(['CREATE', 'CLASSIFY', 'START_HANDLING', 'ANSWER', 'PUBLISH', 'RATE']);
    expect(history[0].actor).toMatchObject({ username: 'citizen', fullName: 'Trần Thị Bình' });
    // Staff are named by their full names (the demo accounts), never by their logins.
    expect(history[1].actor).toMatchObject({ username: 'clerk', fullName: 'Nguyễn Thị Hồng Nhung', title: 'Chuyên viên' });
    expect(history[2].actor.fullName).toBe('Trần Văn Đức');
    expect(history[5]).toMatchObject({ actor: { username: 'citizen', id: `citizen:${sent.body.code}` }, payload: { verdict: 'dissatisfied' } });
    expect(history[3].details.phasesEnded).toEqual(expect.arrayContaining([expect.objectContaining({ phase: 'handle', completed: true, late: true })]));
  });

  it('the citizen’s supplement time does not count against the handling deadline', async () => {
    clock.set(vn('2027-02-01 09:00')); // Monday
    const sent = await submit({ title: 'Thiếu thông tin', content: 'Nội dung', author: CITIZEN }).expect(201);
    const item = (await t.http().get('/api/feedback').query({ state: 'received' }).set('authorization', tokens.clerk).expect(200)).body.items.find(
      (i: { code: string }) => i.code === sent.body.code,
    );
    const dueBefore = new Date(item.dueAt).getTime();
    const asked = await staff('clerk', item.id, { type: 'REQUEST_SUPPLEMENT', reason: 'Đề nghị cung cấp số hồ sơ liên quan', expectedVersion: 1 }).expect(200);
    expect(asked.body.state).toBe('awaiting_supplement');
    expect((await lookup(sent.body.code, sent.body.secret).expect(200)).body.awaitingSupplement).toBe(true);

    clock.set(vn('2027-02-03 09:00')); // two working days later
    const back = await citizen(sent.body.code, { secret: sent.body.secret, type: 'SUPPLEMENT_RECEIVED', note: 'Số hồ sơ 000.00.00.H30-270101-0001' }).expect(200);
    expect(back.body).toMatchObject({ state: 'received', awaitingSupplement: false });
    const view = (await t.http().get(`/api/feedback/${item.id}`).set('authorization', tokens.clerk).expect(200)).body;
    // Paused Monday 09:00 → Wednesday 09:00: the handling is due two working days later than before.
    const calendar = t.app.get(CalendarHolder).current;
    expect(view.dueAt).toBe(calendar.addWorkingMinutes(new Date(dueBefore), 2 * 8 * 60).toISOString());
    expect(view.phases.find((p: { phase: string }) => p.phase === 'supplement')).toMatchObject({ completed: true, late: false });
  });

  it('a feedback about a dossier needs the dossier’s secret and counts against the dossier’s satisfaction (5.4)', async () => {
    clock.set(vn('2027-01-12 09:00'));
    const procedure = await pickWalkableProcedure(t);
    const dossier = await createDossier(t, procedure.code);
    // The secret the applicant has: the end of the receipt's lookup link.
    const view = (await t.http().get(`/api/dossiers/${dossier.id}`).set('authorization', tokens.clerk).expect(200)).body;
    const secret = (view.publicLookupUrl as string).split('/').pop()!;
    const before = await feedbackCount();
    const k0 = await indicators();

    // A wrong secret and an unknown code get the same 404, and nothing is stored.
    const wrong = await submit({ title: 'Chậm', content: 'Hồ sơ chậm', author: CITIZEN, dossierCode: dossier.code, dossierSecret: 'not-the-secret' }).expect(404);
    const missing = await submit({ title: 'Chậm', content: 'Hồ sơ chậm', author: CITIZEN, dossierCode: 'NO-SUCH-CODE', dossierSecret: 'x' }).expect(404);
    expect(wrong.body).toEqual(missing.body);
    await submit({ title: 'Chậm', content: 'Hồ sơ chậm', author: CITIZEN, dossierCode: dossier.code }).expect(404);
    expect(await feedbackCount()).toBe(before);

    const linked = await submit({ title: 'Hồ sơ chậm', content: 'Hồ sơ của tôi chậm', author: CITIZEN, dossierCode: dossier.code, dossierSecret: secret }).expect(201);
    const item = (await t.http().get('/api/feedback').set('authorization', tokens.clerk).query({ pageSize: 100 }).expect(200)).body.items.find(
      (i: { code: string }) => i.code === linked.body.code,
    );
    expect(item).toMatchObject({ source: 'dossier', dossierCode: dossier.code });
    const k1 = await indicators();
    expect(k1['5.4'].denominator).toBe(k0['5.4'].denominator);
    expect(k1['5.4'].numerator).toBe(k0['5.4'].numerator - 1);
  });

  it('refuses bad input with a 4xx and stores nothing; closes staff routes to the wrong people', async () => {
    const before = await feedbackCount();
    await submit({ content: 'Không có tiêu đề', author: CITIZEN }).expect(400);
    await submit({ title: 'x', content: 'y', author: { fullName: '' } }).expect(400);
    await submit({ title: 'x', content: 'y', author: CITIZEN, secretField: 1 }).expect(400);
    expect(await feedbackCount()).toBe(before);

    const f = await classified('Kiểm tra quyền');
    const extra = await staff('specialist', f.id, { type: 'START_HANDLING', reason: 'không dùng', expectedVersion: f.version }).expect(400);
    expect(extra.body.error).toBe('BAD_REQUEST');
    await staff('specialist', f.id, { type: 'NOT_AN_EVENT', expectedVersion: f.version }).expect(400);
    const missingAnswer = await staff('specialist', f.id, { type: 'START_HANDLING', expectedVersion: f.version }).expect(200);
    await staff('specialist', f.id, { type: 'ANSWER', expectedVersion: missingAnswer.body.version }).expect(400);
    // Citizens may only rate or supply; a wrong secret is the lookup's 404.
    await citizen(f.code, { secret: f.secret, type: 'ANSWER', answer: 'x' }).expect(400);
    await citizen(f.code, { secret: 'wrong', type: 'RATE', verdict: 'satisfied' }).expect(404);
    await lookup(f.code, 'wrong').expect(404);

    await t.http().get('/api/feedback').expect(401);
    await t.http().post('/api/feedback').set('authorization', tokens.specialist).send({ title: 'x', content: 'y', author: CITIZEN }).expect(403);
    await staff('reporter', f.id, { type: 'CLOSE', reason: 'x', expectedVersion: 1 }).expect(403);
    await t.http().post(`/api/feedback/${f.id}/events`).send({ type: 'CLOSE', reason: 'x', expectedVersion: 1 }).expect(401);
  });

  it('a clerk records feedback at the counter; concurrent handlers get one 200 and one 409', async () => {
    const res = await t.http().post('/api/feedback').set('authorization', tokens.clerk).send({ title: 'Tại quầy', content: 'Góp ý tại quầy', author: CITIZEN }).expect(201);
    expect(res.body).toMatchObject({ source: 'counter', state: 'received', version: 1 });
    expect(res.body.lookupSecret).toBeDefined();
    const [a, b] = await Promise.all([
      staff('clerk', res.body.id, { type: 'CLASSIFY', category: 'conduct', departmentCode: 'PQLKH', expectedVersion: 1 }),
      staff('clerk', res.body.id, { type: 'REJECT', reason: 'Trùng nội dung', expectedVersion: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const history = (await t.http().get(`/api/feedback/${res.body.id}/history`).set('authorization', tokens.clerk).expect(200)).body;
    expect(history).toHaveLength(2);
  });
});
