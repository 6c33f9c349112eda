import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRIAL_NOTICE } from '@motcua/documents';
import { pdfText } from '@motcua/documents/testing';
import { dossierAtLastStep, pickWalkableProcedure } from '../support/dossier-helpers';
import { attachSignedResult } from '../support/files';
import { killChildren, runMain } from '../support/main-process';
import { startTestApp, TestApp } from '../support/test-app';

/** Bound that only turns a hang into a failure (a real process, two boots, on a loaded machine). */
const TIMEOUT_MS = 300_000;
const PASSWORD = 'mật-khẩu-p12-thử-nghiệm';

/**
 * Signing out of the box (issue #18, acceptance 2): the agency's certificate from
 * `main.js create-trial-pki`, without and then with its trust anchor configured, as docs/deploy.md says.
 */
describe('The agency certificate: readiness names a missing trust anchor; the trial certificate signs', () => {
  const out = mkdtempSync(join(tmpdir(), 'motcua-trial-pki-'));
  let p12: string;
  let trustDir: string;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    const created = runMain(['create-trial-pki', '--out', out], { SIGNING_P12_PASSWORD: PASSWORD });
    expect(await created.exited).toEqual({ code: 0, signal: null });
    const lines = created.output();
    p12 = /SIGNING_P12_PATH=(\S+)/.exec(lines)![1];
    trustDir = /TRUSTED_CA_DIR=(\S+)/.exec(lines)![1];
    expect(lines).not.toContain(PASSWORD);
  }, TIMEOUT_MS);
  afterAll(async () => {
    killChildren();
    for (const t of apps) await t.close();
    rmSync(out, { recursive: true, force: true });
  });
  const boot = async (env: Record<string, string>) => {
    const t = await startTestApp({ env: { SIGNING_P12_PATH: p12, SIGNING_P12_PASSWORD: PASSWORD, ...env } });
    apps.push(t);
    return t;
  };

  it('running it again does not overwrite the certificate', async () => {
    const again = runMain(['create-trial-pki', '--out', out], { SIGNING_P12_PASSWORD: PASSWORD });
    expect((await again.exited).code).toBe(2);
    expect(again.output()).toContain('exists; not overwritten');
  }, TIMEOUT_MS);

  it('without its trust anchor: readiness 503 naming the agency certificate and TRUSTED_CA_DIR', async () => {
    const t = await boot({});
    const res = await t.http().get('/api/health/ready');
    expect(res.status).toBe(503);
    expect(res.body.details.failed).toEqual(['agency_certificate']);
    expect(res.body.details.checks.agency_certificate.detail).toMatch(/THỬ NGHIỆM.*UNTRUSTED_CHAIN.*TRUSTED_CA_DIR is not set/);
  }, TIMEOUT_MS);

  it('with TRUSTED_CA_DIR as the command printed: ready, and mode=sign gives a valid signature on a paper marked as trial on every page', async () => {
    const t = await boot({ TRUSTED_CA_DIR: trustDir });
    const ready = await t.http().get('/api/health/ready').expect(200);
    expect(ready.body.checks.agency_certificate.detail).toContain('TRIAL certificate');
    const d = await dossierAtLastStep(t, await pickWalkableProcedure(t));
    const res = await attachSignedResult(t, d.leader, d.id, undefined, 'sign');
    expect(res.status).toBe(201);
    expect(res.body.signature).toMatchObject({ valid: true });
    const token = await t.login('clerk');
    const pdf = (await t.http().get(`/api/files/${res.body.id}`).set('authorization', `Bearer ${token}`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200)).body as Buffer;
    expect((await pdfText(pdf)).normalize('NFC').replace(/\s+/g, ' ')).toContain(TRIAL_NOTICE);
  }, TIMEOUT_MS);
});
