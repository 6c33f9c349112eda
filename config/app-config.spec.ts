import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadAppConfig } from './app-config';

describe('TRUST_PROXY: which proxies may name the client (X-Forwarded-For)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'motcua-config-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const load = (TRUST_PROXY?: string) => loadAppConfig({ DATA_DIR: dir, ...(TRUST_PROXY === undefined ? {} : { TRUST_PROXY }) });

  it('trusts no proxy by default', () => {
    expect(load().trustProxy).toBe(false);
    expect(load('').trustProxy).toBe(false);
    expect(load('false').trustProxy).toBe(false);
  });

  it('takes a number of hops or a list of addresses and CIDR ranges', () => {
    expect(load('1').trustProxy).toBe(1);
    expect(load('10.0.0.2, 172.18.0.0/16,::1,fd00::/8').trustProxy).toEqual(['10.0.0.2', '172.18.0.0/16', '::1', 'fd00::/8']);
  });

  it.each(['true', '0', '11', 'caddy', '10.0.0.0/33', '10.0.0.1/8/2', ','])('refuses %j', (value) => {
    expect(() => load(value)).toThrow(ConfigError);
    expect(() => load(value)).toThrow(/TRUST_PROXY/);
  });
});

describe('DATA_DIR', () => {
  it('is created readable by the service account only', () => {
    const parent = mkdtempSync(join(tmpdir(), 'motcua-config-'));
    try {
      const config = loadAppConfig({ DATA_DIR: join(parent, 'data') });
      expect(statSync(config.dataDir).mode & 0o777).toBe(0o700);
      expect(statSync(join(config.dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('papers', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'motcua-config-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults the receiving centre, the parent body and the head title, each configurable', () => {
    expect(loadAppConfig({ DATA_DIR: dir }).papers).toEqual({
      receivingCentreName: 'Trung tâm Phục vụ hành chính công tỉnh Lai Châu',
      parentAgency: 'UBND tỉnh Lai Châu',
      agencyHeadTitle: 'Giám đốc',
      signerUsername: null,
    });
    const custom = loadAppConfig({ DATA_DIR: dir, RECEIVING_CENTRE_NAME: 'Trung tâm X', PAPER_PARENT_AGENCY: '', AGENCY_HEAD_TITLE: 'Chánh Văn phòng', PAPER_SIGNER_USERNAME: 'pgd01' }).papers;
    expect(custom).toEqual({ receivingCentreName: 'Trung tâm X', parentAgency: null, agencyHeadTitle: 'Chánh Văn phòng', signerUsername: 'pgd01' });
  });

  it('wants an https PUBLIC_BASE_URL in production: it is the QR link on every paper', () => {
    const production = { DATA_DIR: dir, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), SIGNING_P12_PATH: '/p.p12', SIGNING_P12_PASSWORD: 'p' };
    expect(() => loadAppConfig({ ...production, PUBLIC_BASE_URL: 'http://dichvucong.example.vn' })).toThrow(/PUBLIC_BASE_URL must be an https/);
    expect(() => loadAppConfig({ ...production, PUBLIC_BASE_URL: 'https://dichvucong.example.vn' })).not.toThrow(/PUBLIC_BASE_URL/);
  });
});

describe('online channel settings (issue #16)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'motcua-config-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const load = (env: Record<string, string>) => loadAppConfig({ DATA_DIR: dir, ...env });

  it('gives online submissions 8 working hours unless configured', () => {
    expect(load({}).online.intakeWorkingHours).toBe(8);
    expect(load({ ONLINE_INTAKE_WORKING_HOURS: '16' }).online.intakeWorkingHours).toBe(16);
    expect(() => load({ ONLINE_INTAKE_WORKING_HOURS: '0' })).toThrow(/ONLINE_INTAKE_WORKING_HOURS/);
  });

  it('runs the payment platform stand-in in development only, with a secret made for the process', () => {
    const dev = load({ NODE_ENV: 'development' }).online;
    expect(dev.paymentPlatformDouble).toBe(true);
    expect(dev.paymentNotifySecret).toMatch(/^[0-9a-f]{64}$/);
    expect(load({ NODE_ENV: 'test' }).online).toMatchObject({ paymentPlatformDouble: false, paymentNotifySecret: null });
    expect(() => load({ NODE_ENV: 'production', PAYMENT_PLATFORM_DOUBLE: 'on' })).toThrow(/PAYMENT_PLATFORM_DOUBLE/);
  });

  it('refuses a short payment secret', () => {
    expect(() => load({ NODE_ENV: 'test', PAYMENT_NOTIFY_SECRET: 'short' })).toThrow(/PAYMENT_NOTIFY_SECRET/);
  });
});

describe('INSTANCE_NAME and the shutdown drain', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'motcua-config-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names the instance by host name and port unless told; refuses what cannot be a header', () => {
    expect(loadAppConfig({ DATA_DIR: dir, PORT: '3001' }).instanceName).toBe(`${hostname().slice(0, 50)}:3001`);
    expect(loadAppConfig({ DATA_DIR: dir, INSTANCE_NAME: 'api1' }).instanceName).toBe('api1');
    expect(() => loadAppConfig({ DATA_DIR: dir, INSTANCE_NAME: 'máy 1' })).toThrow(/INSTANCE_NAME/);
  });

  it('drains 5 s after SIGTERM by default in production (behind a proxy polling readiness), 0 s elsewhere', () => {
    const production = { DATA_DIR: dir, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), PUBLIC_BASE_URL: 'https://motcua.example.vn', SIGNING_P12_PATH: '/x.p12', SIGNING_P12_PASSWORD: 'p' };
    expect(loadAppConfig(production).lifecycle.shutdownDrainSeconds).toBe(5);
    expect(loadAppConfig({ ...production, SHUTDOWN_DRAIN_SECONDS: '0' }).lifecycle.shutdownDrainSeconds).toBe(0);
    expect(loadAppConfig({ DATA_DIR: dir }).lifecycle.shutdownDrainSeconds).toBe(0);
  });
});
