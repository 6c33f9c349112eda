import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadAppConfig } from '@config/app-config';

/** The outbox settings in config/app-config.ts: defaults, and refusals that name the variable. */
describe('outbox configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const load = (env: Record<string, string> = {}) => loadAppConfig({ DATA_DIR: dir, ...env });
  const problems = (env: Record<string, string>) => {
    try {
      load(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  it('defaults: dispatcher on, e-mail logged only, portal sync and webhook off', () => {
    const c = load();
    expect(c.outbox).toEqual({
      dispatcher: true,
      pollIntervalMs: 1000,
      batchSize: 20,
      concurrency: 4,
      leaseSeconds: 300,
      maxAttempts: 10,
      backoffBaseSeconds: 10,
      backoffMaxSeconds: 3600,
      deliveryTimeoutSeconds: 15,
    });
    expect(c.delivery).toEqual({ smtpUrl: null, mailFrom: 'Bộ phận Một cửa <no-reply@motcua.invalid>', portalSyncUrl: null, webhookUrl: null });
  });

  it('reads the targets and the switch', () => {
    const c = load({
      OUTBOX_DISPATCHER: 'off',
      SMTP_URL: 'smtp://mail.example.vn:587',
      MAIL_FROM: 'Một cửa Sở KH&CN <motcua@example.vn>',
      PORTAL_SYNC_URL: 'https://dvc.example.vn/sync',
      WEBHOOK_URL: 'http://127.0.0.1:9000/hook',
    });
    expect(c.outbox.dispatcher).toBe(false);
    expect(c.delivery).toEqual({
      smtpUrl: 'smtp://mail.example.vn:587',
      mailFrom: 'Một cửa Sở KH&CN <motcua@example.vn>',
      portalSyncUrl: 'https://dvc.example.vn/sync',
      webhookUrl: 'http://127.0.0.1:9000/hook',
    });
  });

  it('refuses bad values, naming each', () => {
    expect(problems({ OUTBOX_DISPATCHER: 'maybe', SMTP_URL: 'http://x', PORTAL_SYNC_URL: 'not a url', MAIL_FROM: 'nobody', OUTBOX_MAX_ATTEMPTS: '0' })).toEqual([
      'OUTBOX_DISPATCHER must be on or off (got "maybe")',
      'OUTBOX_MAX_ATTEMPTS must be an integer between 1 and 100 (got "0")',
      'SMTP_URL must be a smtp:// or smtps:// URL',
      'MAIL_FROM must be an address, optionally with a name: Name <address@domain>',
      'PORTAL_SYNC_URL must be a http:// or https:// URL',
    ]);
  });

  it('a lease shorter than a batch of timed-out deliveries is refused: two workers would deliver the same message', () => {
    expect(problems({ OUTBOX_LEASE_SECONDS: '60', OUTBOX_DELIVERY_TIMEOUT_SECONDS: '15', OUTBOX_BATCH_SIZE: '20', OUTBOX_CONCURRENCY: '4' })).toEqual([
      'OUTBOX_LEASE_SECONDS (60) must exceed OUTBOX_DELIVERY_TIMEOUT_SECONDS × ⌈OUTBOX_BATCH_SIZE / OUTBOX_CONCURRENCY⌉ (75)',
    ]);
    expect(problems({ OUTBOX_BACKOFF_BASE_SECONDS: '100', OUTBOX_BACKOFF_MAX_SECONDS: '10' })).toEqual(['OUTBOX_BACKOFF_MAX_SECONDS must not be less than OUTBOX_BACKOFF_BASE_SECONDS']);
  });

  it('production needs MAIL_FROM when mail is sent', () => {
    const prod = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), SIGNING_P12_PATH: '/x.p12', SIGNING_P12_PASSWORD: 'p', PUBLIC_BASE_URL: 'https://motcua.example.vn' };
    expect(problems({ ...prod, SMTP_URL: 'smtps://mail.example.vn' })).toEqual(['MAIL_FROM is required with SMTP_URL when NODE_ENV=production']);
    expect(problems(prod)).toEqual([]);
  });
});
