import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { OutboxDispatcher } from '../../apps/api/src/outbox/outbox-dispatcher.service';
import { APPLICANT, createDossier, pickWalkableProcedure } from '../support/dossier-helpers';
import { samplePdf, uploadComponent } from '../support/files';
import { DEMO_PASSWORD, ManualClock, startTestApp, TestApp } from '../support/test-app';

// Boots the whole application (migrations included) and argon2-hashes logins: slow on a loaded machine.
jest.setTimeout(60_000);

/** Issue #14: no way in by forged client addresses or guessing, security headers everywhere, nothing secret left lying around. */
describe('Security: client addresses, login back-off, headers, secrets and file modes', () => {
  let webRoot: string;
  beforeAll(() => {
    webRoot = mkdtempSync(join(tmpdir(), 'motcua-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app-1a2b3c.js"></script></head><body></body></html>');
    writeFileSync(join(webRoot, 'assets', 'app-1a2b3c.js'), 'console.log(1)');
  });
  afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

  describe('with the default configuration (no proxy trusted)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ webRoot, env: { OUTBOX_DISPATCHER: 'on', OUTBOX_POLL_INTERVAL_MS: '3600000' } });
      // Before the rate-limit test below uses up this address's logins.
      await t.login('clerk');
    });
    afterAll(() => t.close());

    it('D17: a new X-Forwarded-For per request does not reset the rate limits', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await t.http().post('/api/auth/login').set('x-forwarded-for', `203.0.113.${i}`).send({ username: `nobody${i}`, password: 'wrong' });
        statuses.push(res.status);
      }
      expect(statuses).toContain(429);
      const lookups: number[] = [];
      for (let i = 0; i < 32; i++) {
        lookups.push((await t.http().get('/api/public/dossiers/X-1?secret=abc').set('x-forwarded-for', `198.51.100.${i}`)).status);
      }
      expect(lookups).toContain(429);
    }, 30_000);

    it('D18: security headers on the web app, an API answer and a file download', async () => {
      const procedure = await pickWalkableProcedure(t);
      const full = (await t.http().get(`/api/procedures/${procedure.code}`).set('authorization', `Bearer ${await t.login('clerk')}`).expect(200)).body;
      const dossier = await createDossier(t, procedure.code, 'direct', { scan: false });
      const file = await uploadComponent(t, 'clerk', dossier.id, full.components[0].key, samplePdf());
      const answers = {
        web: await t.http().get('/').expect(200),
        api: await t.http().get('/api/health'),
        download: await t.http().get(`/api/files/${file.body.id}`).set('authorization', `Bearer ${await t.login('clerk')}`).expect(200),
      };
      for (const [what, res] of Object.entries(answers)) {
        const h = res.headers;
        expect([what, h['content-security-policy']]).toEqual([what, expect.stringContaining(what === 'download' ? "default-src 'none'" : "default-src 'self'")]);
        expect([what, h['content-security-policy']]).toEqual([what, expect.stringContaining("frame-ancestors 'self'")]);
        expect([what, h['content-security-policy']]).toEqual([what, expect.stringContaining("object-src 'none'")]);
        expect([what, h['x-content-type-options']]).toEqual([what, 'nosniff']);
        expect([what, h['referrer-policy']]).toEqual([what, 'no-referrer']);
        expect([what, h['x-frame-options']]).toEqual([what, 'SAMEORIGIN']);
        expect([what, h['strict-transport-security']]).toEqual([what, expect.stringMatching(/^max-age=\d+/)]);
      }
      // A downloaded file is a document of its own: nothing in it may run.
      expect(answers.download.headers['content-security-policy']).toMatch(/sandbox/);
    }, 30_000);

    it('D22: the SMS log line does not carry the lookup secret', async () => {
      const lines: string[] = [];
      const spy = jest.spyOn(Logger.prototype, 'log').mockImplementation((message: unknown) => void lines.push(String(message)));
      try {
        const procedure = await pickWalkableProcedure(t);
        const dossier = await createDossier(t, procedure.code, 'direct', { scan: false });
        const secret = /\/tra-cuu\/[^/]+\/([A-Za-z0-9_-]+)/.exec((await t.http().get(`/api/dossiers/${dossier.id}`).set('authorization', `Bearer ${await t.login('clerk')}`)).body.publicLookupUrl)![1];
        await t.app.get(OutboxDispatcher).drain();
        const sms = lines.filter((l) => l.includes('SMS'));
        expect(sms.length).toBeGreaterThan(0);
        expect(sms.join('\n')).not.toContain(secret);
        expect(sms.join('\n')).not.toMatch(/tra-cuu\/[^/\s]+\/[A-Za-z0-9_-]{8,}/);
        expect(sms.join('\n')).not.toContain(APPLICANT.phone);
      } finally {
        spy.mockRestore();
      }
    });

    it('D22: the database, the secrets and stored files are readable by the service account only', async () => {
      const mode = (path: string) => statSync(path).mode & 0o777;
      expect(mode(t.config.dataDir)).toBe(0o700);
      if (t.database.dialect === 'sqlite') expect(mode(t.database.url.replace(/^sqlite:/, ''))).toBe(0o600);
      const procedure = await pickWalkableProcedure(t);
      const full = (await t.http().get(`/api/procedures/${procedure.code}`).set('authorization', `Bearer ${await t.login('clerk')}`).expect(200)).body;
      const dossier = await createDossier(t, procedure.code, 'direct', { scan: false });
      const up = await uploadComponent(t, 'clerk', dossier.id, full.components[0].key, samplePdf());
      const stored = join(t.config.dataDir, 'files', 'dossiers', dossier.id);
      expect(mode(stored) & 0o077).toBe(0);
      expect(mode(join(stored, `${up.body.id}.pdf~obj`))).toBe(0o600);
    });

    it('D22: the cache-control set for the web app and for files reaches the response', async () => {
      expect((await t.http().get('/').expect(200)).headers['cache-control']).toBe('no-cache');
      expect((await t.http().get('/assets/app-1a2b3c.js').expect(200)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const procedure = await pickWalkableProcedure(t);
      const full = (await t.http().get(`/api/procedures/${procedure.code}`).set('authorization', `Bearer ${await t.login('clerk')}`).expect(200)).body;
      const dossier = await createDossier(t, procedure.code, 'direct', { scan: false });
      const up = await uploadComponent(t, 'clerk', dossier.id, full.components[0].key, samplePdf());
      const download = await t.http().get(`/api/files/${up.body.id}`).set('authorization', `Bearer ${await t.login('clerk')}`).expect(200);
      expect(download.headers['cache-control']).toBe('private, no-store');
    });
  });

  describe('behind a configured proxy', () => {
    let t: TestApp;
    const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
    beforeAll(async () => {
      t = await startTestApp({ clock, env: { TRUST_PROXY: '127.0.0.1', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
    });
    afterAll(() => t.close());
    const login = (username: string, password: string, from: string) => t.http().post('/api/auth/login').set('x-forwarded-for', from).send({ username, password });

    it('D17: failed logins back an account off whatever address they come from; other accounts are not affected', async () => {
      for (let i = 0; i < 5; i++) expect((await login('clerk', `wrong-${i}`, `203.0.113.${i}`)).status).toBe(401);
      const blocked = await login('clerk', DEMO_PASSWORD, '198.51.100.7');
      expect(blocked.status).toBe(429);
      expect(blocked.body.error).toBe('LOGIN_BACKOFF');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await login('leader', DEMO_PASSWORD, '203.0.113.1')).status).toBe(200);
      clock.set(new Date(clock.now().getTime() + Number(blocked.headers['retry-after']) * 1000));
      expect((await login('clerk', DEMO_PASSWORD, '198.51.100.7')).status).toBe(200);
      // A success clears the count.
      expect((await login('clerk', 'wrong-again', '198.51.100.7')).status).toBe(401);
      expect((await login('clerk', DEMO_PASSWORD, '198.51.100.7')).status).toBe(200);
    }, 30_000);

    it('the configured proxy’s X-Forwarded-For tells clients apart, so one client does not use up another’s limit', async () => {
      const res = await t.http().get('/api/health').set('x-forwarded-for', '192.0.2.55');
      expect(res.status).toBe(200);
      const lookups: number[] = [];
      for (let i = 0; i < 40; i++) lookups.push((await t.http().get('/api/public/dossiers/X-1?secret=abc').set('x-forwarded-for', `198.51.100.${i}`)).status);
      expect(lookups.every((s) => s === 404)).toBe(true);
    });
  });
});
