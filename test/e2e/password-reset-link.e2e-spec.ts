import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, ManualClock, startTestApp, TestApp } from '../support/test-app';

// Boots the application and argon2-hashes every password: slow on a loaded machine.
jest.setTimeout(60_000);

/** The application's log lines, as written. */
function logCapture() {
  const lines: string[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(line) } };
}

/**
 * Issue #15: the administrator's one-time password-reset link, the alternative to a printed
 * temporary password. Single use, expires (PASSWORD_RESET_LINK_TTL_MINUTES), the newest link
 * revokes the older, only the token's hash is stored, the token is never logged, all audited.
 */
describe('One-time password-reset links', () => {
  const clock = new ManualClock(new Date('2026-12-07T02:00:00Z'));
  const logs = logCapture();
  let t: TestApp;
  let admin: { authorization: string };
  beforeAll(async () => {
    t = await startTestApp({ clock, logs: logs.stream, env: { LOG_LEVEL: 'verbose', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', PUBLIC_RATE_LIMIT_PER_MINUTE: '1000', PASSWORD_RESET_LINK_TTL_MINUTES: '30' } });
    admin = { authorization: `Bearer ${await t.login('admin')}` };
  });
  afterAll(() => t.close());

  const account = async (username: string) => {
    const users = (await t.http().get('/api/admin/users').set(admin).expect(200)).body as Array<{ id: string; username: string; version: number }>;
    return users.find((u) => u.username === username)!;
  };
  const issue = async (username: string, reason = 'Quên mật khẩu') => {
    const user = await account(username);
    return t.http().post(`/api/admin/users/${user.id}/reset-link`).set(admin).send({ version: user.version, reason });
  };
  const tokenOf = (link: string) => /#\/dat-lai-mat-khau\/([A-Za-z0-9_-]+)$/.exec(link)![1];
  const inspect = (token: string) => t.http().post('/api/auth/password-reset/inspect').send({ token });
  const use = (token: string, newPassword: string) => t.http().post('/api/auth/password-reset').send({ token, newPassword });
  const login = (username: string, password: string) => t.http().post('/api/auth/login').send({ username, password });
  const tokens: string[] = [];

  it('only administrators issue links: 401 without a token, 403 for every other role', async () => {
    const someone = await account('specialist');
    expect((await t.http().post(`/api/admin/users/${someone.id}/reset-link`).send({ version: someone.version, reason: 'Thử' })).status).toBe(401);
    for (const role of ['clerk', 'specialist', 'leader', 'reporter']) {
      const res = await t.http().post(`/api/admin/users/${someone.id}/reset-link`).set('authorization', `Bearer ${await t.login(role)}`).send({ version: someone.version, reason: 'Thử' });
      expect([res.status, res.body.error]).toEqual([403, 'FORBIDDEN']);
    }
    expect(Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM password_reset_link'))[0].n)).toBe(0);
    // A stale version is a conflict, and no link is made.
    expect((await t.http().post(`/api/admin/users/${someone.id}/reset-link`).set(admin).send({ version: someone.version + 5, reason: 'Thử' })).status).toBe(409);
    expect((await t.http().post(`/api/admin/users/${someone.id}/reset-link`).set(admin).send({ version: someone.version })).status).toBe(400); // a reason is required
    expect(Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM password_reset_link'))[0].n)).toBe(0);
  });

  it('the link sets a password once, under the same policy as a change; then it fails; all audited', async () => {
    const issued = await issue('specialist');
    expect(issued.status).toBe(200);
    expect(issued.body.link).toMatch(/^https?:\/\/[^#]+\/#\/dat-lai-mat-khau\/[A-Za-z0-9_-]{43}$/);
    expect(issued.body.expiresAt).toBe('2026-12-07T02:30:00.000Z');
    const token = tokenOf(issued.body.link);
    tokens.push(token);
    // Only a hash is stored.
    const rows = await t.app.get(DataSource).query('SELECT token_hash FROM password_reset_link');
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token);

    expect((await inspect(token)).body).toEqual({ fullName: 'Trần Văn Đức', username: 'specialist', expiresAt: '2026-12-07T02:30:00.000Z' });
    const weak = await use(token, 'ngắn quá');
    expect([weak.status, weak.body.error]).toEqual([400, 'WEAK_PASSWORD']);
    expect((await inspect(token)).status).toBe(200); // a refused password does not spend the link

    const done = await use(token, 'mật-khẩu-mới-của-Đức');
    expect([done.status, done.body]).toEqual([200, { username: 'specialist' }]);
    expect((await login('specialist', 'mật-khẩu-mới-của-Đức')).status).toBe(200);
    expect((await login('specialist', DEMO_PASSWORD)).status).toBe(401);

    const again = await use(token, 'mật-khẩu-khác-nữa-2026');
    expect([again.status, again.body.error]).toEqual([410, 'RESET_LINK_USED']);
    expect((await inspect(token)).body.error).toBe('RESET_LINK_USED');
    expect((await login('specialist', 'mật-khẩu-khác-nữa-2026')).status).toBe(401);

    const changes = (await t.http().get(`/api/admin/users/${(await account('specialist')).id}/changes`).set(admin).expect(200)).body as Array<{ action: string; reason: string | null; actorUsername: string }>;
    expect(changes.map((c) => [c.action, c.actorUsername, c.reason])).toEqual(
      expect.arrayContaining([
        ['reset_link_issued', 'admin', 'Quên mật khẩu'],
        ['reset_link_used', 'specialist', null],
      ]),
    );
  });

  it('a new link revokes the old one; a printed temporary password and deactivation revoke too', async () => {
    const first = tokenOf((await issue('clerk')).body.link);
    const second = tokenOf((await issue('clerk', 'Gửi lại liên kết')).body.link);
    tokens.push(first, second);
    expect((await inspect(first)).body.error).toBe('RESET_LINK_REVOKED');
    expect((await use(first, 'mật-khẩu-mới-của-Nhung')).status).toBe(410);
    expect((await inspect(second)).status).toBe(200);

    const clerk = await account('clerk');
    await t.http().post(`/api/admin/users/${clerk.id}/reset-password`).set(admin).send({ version: clerk.version, reason: 'In mật khẩu tạm' }).expect(200);
    expect((await inspect(second)).body.error).toBe('RESET_LINK_REVOKED');

    const third = tokenOf((await issue('leader')).body.link);
    tokens.push(third);
    const leader = await account('leader');
    await t.http().post(`/api/admin/users/${leader.id}/deactivate`).set(admin).send({ version: leader.version, reason: 'Nghỉ hưu' }).expect(200);
    expect((await inspect(third)).status).toBe(404);
    expect((await use(third, 'mật-khẩu-mới-của-Huy-2026')).body.error).toBe('RESET_LINK_INVALID');
  });

  it('the link expires after the configured time; unknown and malformed tokens are refused', async () => {
    const token = tokenOf((await issue('reporter')).body.link);
    tokens.push(token);
    clock.set(new Date('2026-12-07T02:29:00Z'));
    expect((await inspect(token)).status).toBe(200);
    clock.set(new Date('2026-12-07T02:30:00Z'));
    expect((await inspect(token)).body.error).toBe('RESET_LINK_EXPIRED');
    const late = await use(token, 'mật-khẩu-mới-của-Trang');
    expect([late.status, late.body.error]).toEqual([410, 'RESET_LINK_EXPIRED']);
    expect((await login('reporter', DEMO_PASSWORD)).status).toBe(200); // the old password still works

    expect((await inspect('A'.repeat(43))).body.error).toBe('RESET_LINK_INVALID');
    expect((await inspect('not a token!')).status).toBe(400);
    expect((await t.http().post('/api/auth/password-reset').send({ token: 'A'.repeat(43) })).status).toBe(400);
  });

  it('no token (nor its hash) is ever in the logs', async () => {
    expect(tokens).toHaveLength(5);
    const all = logs.lines.join('');
    expect(all).toContain('/api/auth/password-reset'); // the requests were logged…
    for (const token of tokens) expect(all).not.toContain(token); // …without the token
    const hashes = (await t.app.get(DataSource).query('SELECT token_hash FROM password_reset_link')) as Array<{ token_hash: string }>;
    for (const { token_hash } of hashes) expect(all).not.toContain(token_hash);
  });
});
