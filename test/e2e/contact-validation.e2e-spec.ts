import { APPLICANT } from '../support/dossier-helpers';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/** Issue #15, forms that validate like the server: the same rules (libs/text contact-rules), input cleaned first. */
describe('Applicant identity and contact rules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const create = async (applicant: Record<string, unknown>) =>
    t.http().post('/api/dossiers').set('authorization', `Bearer ${await t.login('clerk')}`).send({ procedureCode: '1.014393', channel: 'direct', applicant: { ...APPLICANT, ...applicant } });
  const fields = (body: { details?: { fields?: Array<{ field: string }> } }) => (body.details?.fields ?? []).map((f) => f.field).sort();

  it('refuses the issue’s examples, naming each field, and stores nothing', async () => {
    const before = (await t.http().get('/api/dossiers?pageSize=1').set('authorization', `Bearer ${await t.login('clerk')}`)).body.total;
    const res = await create({ idNumber: 'ABCDEF', phone: '000000', email: 'a@b.c' });
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(['applicant.email', 'applicant.idNumber', 'applicant.phone']);
    expect((await t.http().get('/api/dossiers?pageSize=1').set('authorization', `Bearer ${await t.login('clerk')}`)).body.total).toBe(before);
  });

  it('cleans what people type: spaces in an ID, +84 and separators in a phone; an old CMND and a passport are accepted', async () => {
    const res = await create({ idNumber: ' 0123 4567 8901 ', phone: '+84 912.345.678', email: ' huong.nguyen@example.vn ' });
    expect(res.status).toBe(201);
    expect(res.body.applicant).toMatchObject({ idNumber: '012345678901', phone: '0912345678', email: 'huong.nguyen@example.vn' });
    expect((await create({ idNumber: '123456789', phone: '(0213) 387 6543' })).body.applicant).toMatchObject({ idNumber: '123456789', phone: '02133876543' });
    expect((await create({ idNumber: 'c1234567' })).body.applicant.idNumber).toBe('C1234567');
  });
});
