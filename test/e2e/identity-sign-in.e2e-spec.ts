import { DataSource } from 'typeorm';
import { DossierEntity } from '../../apps/api/src/dossiers/dossier.entity';
import { PortalRecordEntity } from '../../apps/api/src/portal-records/portal-record.entity';
import { APPLICANT } from '../support/dossier-helpers';
import { samplePdf } from '../support/files';
import { startTestIdentityProvider, TestIdentityProvider } from '../support/identity-provider';
import { startTestApp, TestApp } from '../support/test-app';

interface OnlineProcedure {
  code: string;
  components: Array<{ key: string; required: boolean }>;
}

/** The citizen's sign-in with an OpenID Connect identity provider (issue #16, "Identity"), against a real provider on loopback. */
describe('Citizen sign-in with the identity provider (OpenID Connect, issue #16)', () => {
  let t: TestApp;
  let idp: TestIdentityProvider;
  let procedure: OnlineProcedure;
  beforeAll(async () => {
    idp = await startTestIdentityProvider();
    t = await startTestApp({
      env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '1000', IDENTITY_ISSUER_URL: idp.issuer, IDENTITY_CLIENT_ID: idp.clientId, IDENTITY_CLIENT_SECRET: idp.clientSecret },
    });
    const online = (await t.http().get('/api/public/procedures').expect(200)).body as OnlineProcedure[];
    procedure = online.find((p) => p.components.some((c) => c.required))!;
  });
  afterAll(async () => {
    await t.close();
    await idp.close();
  });

  const count = async (table: string) => Number((await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const applicant = { ...APPLICANT, fullName: 'Lò Thị Mai', idNumber: '001 099 012 345' };

  /** start → the provider's authorize (it signs in at once) → the callback URL it sends the browser to. */
  async function throughProvider(): Promise<{ callback: string; state: string }> {
    const started = await t.http().get('/api/public/identity/start').query({ returnTo: '/nop-truc-tuyen' });
    expect(started.status).toBe(302);
    const authorize = new URL(started.headers.location as string);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const atProvider = await fetch(authorize, { redirect: 'manual' });
    expect(atProvider.status).toBe(302);
    const back = new URL(atProvider.headers.get('location')!);
    expect(back.pathname).toBe('/api/public/identity/callback');
    return { callback: `${back.pathname}${back.search}`, state: back.searchParams.get('state')! };
  }

  async function signIn(): Promise<string> {
    const { callback } = await throughProvider();
    const done = await t.http().get(callback);
    expect(done.status).toBe(302);
    const location = done.headers.location as string;
    expect(location.startsWith(`${t.config.publicBaseUrl}/#/nop-truc-tuyen/dinh-danh/`)).toBe(true);
    return location.split('/dinh-danh/')[1];
  }

  /** start (with or without a token) → the required files → confirm; answers the dossier's portal record. */
  async function submit(identityToken?: string): Promise<PortalRecordEntity['record']> {
    const started = await t.http().post('/api/public/submissions').send({ procedureCode: procedure.code, applicant, ...(identityToken ? { identityToken } : {}) });
    expect(started.status).toBe(201);
    const { id, token } = started.body as { id: string; token: string };
    for (const c of procedure.components.filter((x) => x.required)) {
      await t.http().post(`/api/public/submissions/${id}/files`).field('token', token).field('componentKey', c.key).attach('file', samplePdf(), 'ban-khai.pdf').expect(201);
    }
    const confirmed = await t.http().post(`/api/public/submissions/${id}/confirm`).send({ token }).expect(201);
    const db = t.app.get(DataSource);
    const dossier = await db.getRepository(DossierEntity).findOneByOrFail({ code: confirmed.body.reference });
    return (await db.getRepository(PortalRecordEntity).findOneByOrFail({ dossierId: dossier.id })).record;
  }

  it('says the sign-in is on', async () => {
    expect((await t.http().get('/api/public/identity').expect(200)).body).toEqual({ enabled: true });
  });

  it('start → provider → callback → a submission with the token → confirm: the portal record says TaiKhoanDuocXacThucVoiVNeID 1 (without it: 0)', async () => {
    const citizenToken = await signIn();
    expect(idp.refusals).toEqual([]);
    expect(await count('identity_login')).toBe(0);
    expect(await submit(citizenToken)).toMatchObject({ KenhThucHien: 2, TaiKhoanDuocXacThucVoiVNeID: 1 });
    expect(await submit()).toMatchObject({ KenhThucHien: 2, TaiKhoanDuocXacThucVoiVNeID: 0 });
  });

  it('a state works once; an unknown state is refused (400, nothing stored)', async () => {
    const { callback, state } = await throughProvider();
    expect((await t.http().get(callback)).status).toBe(302);
    const again = await t.http().get(callback);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('IDENTITY_STATE_INVALID');
    const unknown = await t.http().get('/api/public/identity/callback').query({ code: 'x', state: `${state}x` });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('IDENTITY_STATE_INVALID');
    const missing = await t.http().get('/api/public/identity/callback').query({ code: 'x' });
    expect(missing.status).toBe(400);
  });

  it.each([
    ['a tampered signature', { foreignKey: true }],
    ['a wrong nonce', { claims: { nonce: 'not-this-sign-in' } }],
    ['another audience', { claims: { aud: 'another-client' } }],
    ['another issuer', { claims: { iss: 'https://elsewhere.example' } }],
    ['an expired id_token', { claims: { exp: Math.floor(Date.now() / 1000) - 600 } }],
  ])('an id_token with %s → 401, no citizen token, the state used up', async (_what, twist) => {
    const { callback } = await throughProvider();
    idp.twistNext(twist);
    const res = await t.http().get(callback);
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('IDENTITY_TOKEN_INVALID');
    expect(res.headers.location).toBeUndefined();
    expect(await count('identity_login')).toBe(0);
  });

  it('a returnTo that is not a web path is refused (400) and nothing is stored', async () => {
    for (const returnTo of ['https://evil.example/x', '//evil.example', '/nop-truc-tuyen?x=1']) {
      const res = await t.http().get('/api/public/identity/start').query({ returnTo });
      expect(res.status).toBe(400);
    }
    expect(await count('identity_login')).toBe(0);
  });

  it('a submission with an invalid token → 401, with another ID number than the signed-in citizen\'s → 422; nothing stored', async () => {
    const before = await count('online_submission');
    const forged = await t.http().post('/api/public/submissions').send({ procedureCode: procedure.code, applicant, identityToken: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad' });
    expect(forged.status).toBe(401);
    expect(forged.body.error).toBe('IDENTITY_TOKEN_INVALID');
    // A staff token is no citizen token (another key and audience).
    const staff = await t.login('clerk');
    expect((await t.http().post('/api/public/submissions').send({ procedureCode: procedure.code, applicant, identityToken: staff })).status).toBe(401);
    const citizenToken = await signIn();
    const other = await t.http().post('/api/public/submissions').send({ procedureCode: procedure.code, applicant: { ...applicant, idNumber: '012345678901' }, identityToken: citizenToken });
    expect(other.status).toBe(422);
    expect(other.body.error).toBe('IDENTITY_MISMATCH');
    // Nor is a citizen token a staff one.
    expect((await t.http().get('/api/dossiers').set('authorization', `Bearer ${citizenToken}`)).status).toBe(401);
    expect(await count('online_submission')).toBe(before);
  });
});

describe('Citizen sign-in without an identity provider configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '1000' } });
  });
  afterAll(() => t.close());

  it('is off: {enabled:false}, start and callback 404, a token is refused', async () => {
    expect((await t.http().get('/api/public/identity').expect(200)).body).toEqual({ enabled: false });
    expect((await t.http().get('/api/public/identity/start').query({ returnTo: '/nop-truc-tuyen' })).status).toBe(404);
    expect((await t.http().get('/api/public/identity/callback').query({ code: 'c', state: 's' })).status).toBe(404);
    const forged = await t.http().post('/api/public/submissions').send({ procedureCode: 'x', applicant: APPLICANT, identityToken: 'not-a-token' });
    expect(forged.status).toBe(401);
  });
});
