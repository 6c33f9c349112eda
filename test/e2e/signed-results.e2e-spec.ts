import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signPdf } from '@motcua/signatures';
import { identityOf, issue, startTestPki, type TestCertificate, type TestPkiWorld } from '@motcua/signatures/testing';
import { dossierAtLastStep, pickWalkableProcedure, type ProcedureSummary } from '../support/dossier-helpers';
import { attachSignedResult, resultPdf } from '../support/files';
import { ManualClock, startTestApp, type TestApp } from '../support/test-app';

/**
 * Signed results end to end, against a local PKI whose OCSP responder, CRLs and TSA are real
 * servers on loopback. TRUSTED_CA_DIR holds a DER root, a PEM bundle and a broken file.
 */
const DAY = 86400_000;
// Every upload does real signing and verification (RSA, OCSP over loopback): give each test
// room on a loaded 2-core machine instead of Jest's 5 s.
jest.setTimeout(30_000);
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);

describe('signed results (issue 13)', () => {
  let w: TestPkiWorld;
  let t: TestApp;
  let clock: ManualClock;
  let trustDir: string;
  let procedure: ProcedureSummary;
  let bundleSigner: TestCertificate;

  beforeAll(async () => {
    w = await startTestPki(NOW);
    trustDir = mkdtempSync(join(tmpdir(), 'motcua-trust-'));
    // The test root as DER (how the Vietnam National Root CA is published)…
    writeFileSync(join(trustDir, 'test-root.der'), w.root.der);
    // …a PEM bundle of two other roots (the second one signs `bundleSigner`)…
    const bundleRootA = await issue({ name: 'Bundle Root A', ca: true, notBefore: new Date(NOW.getTime() - DAY), notAfter: new Date(NOW.getTime() + 900 * DAY) });
    const bundleRootB = await issue({ name: 'Bundle Root B', ca: true, notBefore: new Date(NOW.getTime() - DAY), notAfter: new Date(NOW.getTime() + 900 * DAY) });
    bundleSigner = await issue({ name: 'Lê Thị Bó', issuer: bundleRootB, notBefore: new Date(NOW.getTime() - DAY), notAfter: new Date(NOW.getTime() + 900 * DAY) });
    writeFileSync(join(trustDir, 'bundle.pem'), bundleRootA.pem + bundleRootB.pem);
    // …and a file that is no certificate at all.
    writeFileSync(join(trustDir, 'broken.crt'), 'this is not a certificate\n');
    clock = new ManualClock(NOW);
    t = await startTestApp({ clock, env: { TRUSTED_CA_DIR: trustDir, SIGNATURE_REVOCATION: 'prefer', REVOCATION_TIMEOUT_MS: '2000', SIGNING_TSA_URL: `${w.baseUrl}/tsa` } });
    procedure = await pickWalkableProcedure(t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await w?.close();
    rmSync(trustDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    w.outage.down = false;
    clock.set(NOW);
  });

  /** A dossier at its last step, and the leader who may attach its result. */
  const atLastStep = () => dossierAtLastStep(t, procedure);
  const signedBy = async (who: TestCertificate, pdf?: Buffer) => signPdf(pdf ?? (await resultPdf('Quyet dinh')), identityOf(who), { reason: 'Ký duyệt', signingTime: NOW });
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.login(user)}` });

  it('readiness names the broken trust file as degraded, without taking the instance out of rotation; the DER and PEM-bundle anchors are loaded', async () => {
    const res = await t.http().get('/api/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.degraded).toEqual(['trust_anchors']);
    expect(res.body.checks.trust_anchors).toMatchObject({ status: 'degraded', detail: expect.stringContaining('broken.crt') });
  });

  it('uploads work with a DER anchor: a leader signature is verified, with revocation checked online', async () => {
    const d = await atLastStep();
    const res = await attachSignedResult(t, d.leader, d.id, await signedBy(w.leader), 'signed');
    expect(res.status).toBe(201);
    expect(res.body.signature).toMatchObject({ valid: true, signerName: 'Nguyễn Văn Lãnh Đạo', trustedTimeSource: 'upload', receivedAt: NOW.toISOString() });
    expect(res.body.signature.signatures).toHaveLength(1);
    expect(res.body.signature.signatures[0].revocation[0]).toMatchObject({ status: 'good', source: 'online' });
    expect(res.body.signature.evidence.ocsps.length).toBeGreaterThan(0);
  });

  it('uploads work with an anchor from a PEM bundle', async () => {
    const d = await atLastStep();
    const res = await attachSignedResult(t, d.leader, d.id, await signedBy(bundleSigner), 'signed');
    expect(res.status).toBe(201);
    expect(res.body.signature).toMatchObject({ valid: true, signerName: 'Lê Thị Bó' });
  });

  it('the service signs (mode=sign) with a timestamp from the configured TSA (PAdES-B-T)', async () => {
    const d = await atLastStep();
    const res = await attachSignedResult(t, d.leader, d.id, undefined, 'sign');
    expect(res.status).toBe(201);
    expect(res.body.signature).toMatchObject({ valid: true, trustedTimeSource: 'signature_timestamp' });
    expect(w.requests).toContain('POST /tsa');
  });

  it('a result stored today verifies the same after the clock passes the leader certificate expiry', async () => {
    const shortLived = await w.issueSigner('Hoàng Văn Sắp Hết Hạn', { notBefore: new Date(NOW.getTime() - DAY), notAfter: new Date(NOW.getTime() + 5 * DAY) });
    const d = await atLastStep();
    const signed = await signedBy(shortLived);
    const stored = await attachSignedResult(t, d.leader, d.id, signed, 'signed');
    expect(stored.status).toBe(201);

    clock.set(new Date(NOW.getTime() + 30 * DAY));
    w.outage.down = true; // the responders are gone too: the recorded evidence answers
    const again = await t.http().get(`/api/files/${stored.body.id}/verification`).set(await auth('clerk')).expect(200);
    expect(again.body).toMatchObject({
      valid: true,
      signerName: 'Hoàng Văn Sắp Hết Hạn',
      trustedTime: stored.body.signature.trustedTime,
      receivedAt: NOW.toISOString(),
      verifiedAt: new Date(NOW.getTime() + 30 * DAY).toISOString(),
    });
    expect(again.body.signatures[0].revocation[0]).toMatchObject({ status: 'good', source: 'embedded' });

    // The same file uploaded now, after the expiry, is refused.
    const late = await atLastStep();
    const refused = await attachSignedResult(t, late.leader, late.id, signed, 'signed');
    expect(refused.status).toBe(422);
    expect(refused.body.details.reasons).toContain('CERT_NOT_VALID_AT_SIGNING_TIME');
  });

  it('refuses a file whose first signature is broken, naming which signature and why', async () => {
    const first = await signedBy(w.specialist);
    const tampered = Buffer.from(first);
    const at = tampered.indexOf('/MediaBox');
    tampered.write('/MEDIABOX', at, 'latin1');
    const d = await atLastStep();
    const res = await attachSignedResult(t, d.leader, d.id, await signedBy(w.leader, tampered), 'signed');
    expect(res.status).toBe(422);
    expect(res.body.details.signatures.map((s: { valid: boolean }) => s.valid)).toEqual([false, true]);
    expect(res.body.details.signatures[0].reasons).toContain('DIGEST_MISMATCH');
  });

  it('never answers 500 for a file of the real-world corpus, uploaded signed or to be signed', async () => {
    const dir = join(__dirname, '../../libs/signatures/corpus/real-world');
    const files = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    const statuses: Record<string, number[]> = {};
    const d = await atLastStep(); // a stored result does not close the dossier to further uploads
    for (const file of files) {
      const pdf = readFileSync(join(dir, file));
      const signed = await attachSignedResult(t, d.leader, d.id, pdf, 'signed');
      const sign = await attachSignedResult(t, d.leader, d.id, pdf, 'sign');
      statuses[file] = [signed.status, sign.status];
    }
    for (const [file, [signed, sign]] of Object.entries(statuses)) {
      expect([file, signed]).toEqual([file, 422]); // foreign signers are not trusted here
      expect([file, [201, 422].includes(sign)]).toEqual([file, true]);
    }
  }, 120_000);

  it('refuses a revoked leader certificate', async () => {
    const revoked = await w.issueSigner('Đinh Văn Bị Thu Hồi');
    w.registry.revoke(revoked, new Date(NOW.getTime() - DAY));
    const d = await atLastStep();
    const res = await attachSignedResult(t, d.leader, d.id, await signedBy(revoked), 'signed');
    expect(res.status).toBe(422);
    expect(res.body.details.reasons).toContain('REVOKED');
  });
});
