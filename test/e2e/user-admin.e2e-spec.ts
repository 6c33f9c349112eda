import { createDossier, pickWalkableProcedure, sendEvent } from '../support/dossier-helpers';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

// Boots the application and argon2-hashes every password: slow on a loaded machine.
jest.setTimeout(60_000);

/** Issue #15: staff accounts administered from the screens, every change audited. */
describe('User administration', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Many logins from one address: above the default per-minute limit.
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
  });
  afterAll(() => t.close());

  const bearer = async (user: string) => `Bearer ${await t.login(user)}`;
  const asAdmin = async () => ({ authorization: await bearer('admin') });
  const loginWith = (username: string, password: string) => t.http().post('/api/auth/login').send({ username, password });
  const listUsers = async () => (await t.http().get('/api/admin/users').set(await asAdmin()).expect(200)).body as Array<Record<string, unknown>>;
  const newSpecialist = async (username: string, departmentCode = 'PQLKH') =>
    t.http().post('/api/admin/users').set(await asAdmin()).send({ username, fullName: 'Lò Văn Tủa', title: 'Chuyên viên', roles: ['specialist'], departmentCode });

  it('only administrators: 401 without a token, 403 for every other role, on every route', async () => {
    expect((await t.http().get('/api/admin/users')).status).toBe(401);
    const someone = (await listUsers())[0].id as string;
    for (const role of ['clerk', 'specialist', 'leader', 'reporter']) {
      const auth = { authorization: await bearer(role) };
      const answers = [
        await t.http().get('/api/admin/users').set(auth),
        await t.http().post('/api/admin/users').set(auth).send({ username: 'x.y.z', fullName: 'Nguyễn Văn A', roles: ['clerk'] }),
        await t.http().patch(`/api/admin/users/${someone}`).set(auth).send({ version: 1, fullName: 'Nguyễn Văn B' }),
        await t.http().post(`/api/admin/users/${someone}/deactivate`).set(auth).send({ version: 1, reason: 'Thử' }),
        await t.http().post(`/api/admin/users/${someone}/reset-password`).set(auth).send({ version: 1, reason: 'Thử' }),
        await t.http().get(`/api/admin/users/${someone}/changes`).set(auth),
      ];
      for (const res of answers) expect([res.status, res.body.error]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await listUsers()).find((u) => u.username === 'x.y.z')).toBeUndefined();
  });

  it('a new account gets a temporary password once; it must be replaced before any work, then the user works', async () => {
    // Created in the office (VP), then moved to the department of the dossier's first step.
    const created = await newSpecialist('cv.tua', 'VP');
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ username: 'cv.tua', fullName: 'Lò Văn Tủa', title: 'Chuyên viên', roles: ['specialist'], departmentCode: 'VP', active: true, mustChangePassword: true, version: 1 });
    expect(created.body.user.passwordHash).toBeUndefined();
    expect(JSON.stringify(await listUsers())).not.toContain('argon2');
    const temporary = created.body.temporaryPassword as string;
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const procedure = await pickWalkableProcedure(t, { minSteps: 2 });
    const first = procedure.steps[0];
    const moved = await t.http().patch(`/api/admin/users/${created.body.user.id}`).set(await asAdmin()).send({ version: 1, departmentCode: first.departmentCode, reason: 'Phân công theo bước đầu của thủ tục' });
    expect(moved.status).toBe(200);

    const firstLogin = await loginWith('cv.tua', temporary).expect(200);
    expect(firstLogin.body.user.mustChangePassword).toBe(true);
    const pending = { authorization: `Bearer ${firstLogin.body.accessToken}` };
    const blocked = await t.http().get('/api/dossiers').set(pending);
    expect([blocked.status, blocked.body.error]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
    expect((await t.http().get('/api/auth/me').set(pending)).status).toBe(200);

    const wrong = await t.http().post('/api/auth/password').set(pending).send({ currentPassword: 'not-it-at-all', newPassword: 'mật-khẩu-mới-đủ-dài' });
    expect([wrong.status, wrong.body.error, wrong.body.details.field]).toEqual([400, 'WRONG_PASSWORD', 'currentPassword']);
    const weak = await t.http().post('/api/auth/password').set(pending).send({ currentPassword: temporary, newPassword: 'ngắn' });
    expect([weak.status, weak.body.error, weak.body.details.field]).toEqual([400, 'WEAK_PASSWORD', 'newPassword']);
    const changed = await t.http().post('/api/auth/password').set(pending).send({ currentPassword: temporary, newPassword: 'mật-khẩu-mới-đủ-dài' }).expect(200);
    expect(changed.body.user.mustChangePassword).toBeUndefined();
    expect((await loginWith('cv.tua', temporary)).status).toBe(401);
    const again = await loginWith('cv.tua', 'mật-khẩu-mới-đủ-dài').expect(200);

    // Works a dossier of their department like the seeded specialist of PQLKH.
    const dossier = await createDossier(t, procedure.code, 'direct');
    const digitised = await sendEvent(t, 'clerk', dossier.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: dossier.version });
    const work = await t.http().post(`/api/dossiers/${dossier.id}/events`).set('authorization', `Bearer ${again.body.accessToken}`).send({ type: 'FORWARD', note: 'Đã thẩm định', expectedVersion: digitised.body.version });
    expect(work.status).toBe(200);
    const history = (await t.http().get(`/api/dossiers/${dossier.id}/history`).set('authorization', await bearer('clerk')).expect(200)).body;
    expect(history.at(-1)).toMatchObject({ type: 'FORWARD', actor: { id: created.body.user.id, username: 'cv.tua' } });

    const changes = (await t.http().get(`/api/admin/users/${created.body.user.id}/changes`).set(await asAdmin()).expect(200)).body;
    expect(changes.map((c: { action: string }) => c.action)).toEqual(['password_changed', 'updated', 'created']);
    expect(changes[2]).toMatchObject({ actorUsername: 'admin', actorFullName: 'Vũ Đình Khôi', changes: { roles: [null, ['specialist']], departmentCode: [null, 'VP'] } });
  });

  it('refusals say which field is wrong and write nothing', async () => {
    const before = await listUsers();
    const taken = await newSpecialist('clerk');
    expect([taken.status, taken.body.error, taken.body.details.field]).toEqual([409, 'USERNAME_TAKEN', 'username']);
    const unknown = await newSpecialist('cv.moi', 'KHONGCO');
    expect([unknown.status, unknown.body.error, unknown.body.details.field]).toEqual([422, 'UNKNOWN_DEPARTMENT', 'departmentCode']);
    const noDepartment = await t.http().post('/api/admin/users').set(await asAdmin()).send({ username: 'cv.moi', fullName: 'Lò Văn Tủa', roles: ['specialist'] });
    expect([noDepartment.status, noDepartment.body.error]).toEqual([422, 'DEPARTMENT_REQUIRED']);
    const bad = await t.http().post('/api/admin/users').set(await asAdmin()).send({ username: 'Có Dấu', fullName: 'x 123 !!!', roles: ['boss'] });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['roles', 'username']);
    expect(await listUsers()).toEqual(before);
  });

  it('moves a user to another department with a reason; a stale version is refused; the history says who, when and why', async () => {
    const user = (await newSpecialist('cv.chuyen')).body.user;
    const moved = await t.http().patch(`/api/admin/users/${user.id}`).set(await asAdmin()).send({ version: 1, departmentCode: 'PQLCN', title: 'Phó Trưởng phòng', reason: 'Điều chuyển công tác' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ departmentCode: 'PQLCN', title: 'Phó Trưởng phòng', version: 2 });
    const stale = await t.http().patch(`/api/admin/users/${user.id}`).set(await asAdmin()).send({ version: 1, fullName: 'Lò Văn Khác' });
    expect([stale.status, stale.body.error]).toEqual([409, 'VERSION_CONFLICT']);
    expect((await listUsers()).find((u) => u.id === user.id)).toMatchObject({ fullName: 'Lò Văn Tủa', version: 2 });
    const [last] = (await t.http().get(`/api/admin/users/${user.id}/changes`).set(await asAdmin()).expect(200)).body;
    expect(last).toMatchObject({ action: 'updated', reason: 'Điều chuyển công tác', actorUsername: 'admin', changes: { departmentCode: ['PQLKH', 'PQLCN'], title: ['Chuyên viên', 'Phó Trưởng phòng'] } });
    expect(Date.parse(last.occurredAt)).not.toBeNaN();
  });

  it('a deactivated user cannot log in until reactivated; a reset password replaces the old one at once', async () => {
    const created = (await newSpecialist('cv.nghi')).body;
    const id = created.user.id as string;
    await loginWith('cv.nghi', created.temporaryPassword).expect(200);
    const off = await t.http().post(`/api/admin/users/${id}/deactivate`).set(await asAdmin()).send({ version: 1, reason: 'Nghỉ hưu' }).expect(200);
    expect(off.body).toMatchObject({ active: false, version: 2 });
    expect((await loginWith('cv.nghi', created.temporaryPassword)).status).toBe(401);
    await t.http().post(`/api/admin/users/${id}/reactivate`).set(await asAdmin()).send({ version: 2, reason: 'Tiếp tục hợp đồng' }).expect(200);
    const reset = await t.http().post(`/api/admin/users/${id}/reset-password`).set(await asAdmin()).send({ version: 3, reason: 'Quên mật khẩu' }).expect(200);
    expect(reset.body.temporaryPassword).not.toBe(created.temporaryPassword);
    expect((await loginWith('cv.nghi', created.temporaryPassword)).status).toBe(401);
    expect((await loginWith('cv.nghi', reset.body.temporaryPassword)).body.user.mustChangePassword).toBe(true);
    const actions = (await t.http().get(`/api/admin/users/${id}/changes`).set(await asAdmin()).expect(200)).body.map((c: { action: string; reason: string }) => `${c.action}: ${c.reason}`);
    expect(actions).toEqual(['password_reset: Quên mật khẩu', 'reactivated: Tiếp tục hợp đồng', 'deactivated: Nghỉ hưu', 'created: null']);
  });

  it('an administrator cannot lock themselves out', async () => {
    const me = (await listUsers()).find((u) => u.username === 'admin')!;
    const off = await t.http().post(`/api/admin/users/${me.id}/deactivate`).set(await asAdmin()).send({ version: me.version, reason: 'Thử' });
    expect([off.status, off.body.error]).toEqual([422, 'SELF_LOCKOUT']);
    const demote = await t.http().patch(`/api/admin/users/${me.id}`).set(await asAdmin()).send({ version: me.version, roles: ['reporter'] });
    expect([demote.status, demote.body.error, demote.body.details.field]).toEqual([422, 'SELF_LOCKOUT', 'roles']);
    expect((await loginWith('admin', DEMO_PASSWORD)).status).toBe(200);
  });
});
