import { DataSource } from 'typeorm';
import { APPLICANT, createDossier, pickWalkableProcedure } from '../support/dossier-helpers';
import { startTestApp, TestApp } from '../support/test-app';

// Boots the whole application (migrations included) and argon2-hashes logins: slow on a loaded machine.
jest.setTimeout(60_000);

/** Issue #14: malformed, extreme or odd input gets a 4xx with a machine-readable code, never a 500, and changes nothing. */
describe('Bad input is refused with a 4xx', () => {
  let t: TestApp;
  let procedureCode: string;

  beforeAll(async () => {
    t = await startTestApp();
    procedureCode = (await pickWalkableProcedure(t)).code;
  });
  afterAll(() => t.close());

  const as = async (user: string) => ({ authorization: `Bearer ${await t.login(user)}` });
  const count = async (table: string) => Number((await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const deep = (depth: number, leaf: unknown = 'x') => {
    let value: unknown = leaf;
    for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
    return value;
  };

  it('D1: JSON nested thousands deep is a 400 on every endpoint with a body, login included', async () => {
    const nested = JSON.stringify(deep(3000));
    const login = await t.http().post('/api/auth/login').set('content-type', 'application/json').send(`{"username":${nested},"password":"x"}`);
    expect(login.status).toBe(400);
    expect(login.body.error).toBe('JSON_TOO_DEEP');
    const create = await t.http().post('/api/dossiers').set(await as('clerk')).set('content-type', 'application/json').send(`{"procedureCode":"${procedureCode}","channel":"direct","applicant":${nested}}`);
    expect(create.status).toBe(400);
    const feedback = await t.http().post('/api/public/feedback').set('content-type', 'application/json').send(`{"title":"t","content":"c","author":${nested}}`);
    expect(feedback.status).toBe(400);
    // An ordinary nested body is still fine.
    await t.http().post('/api/dossiers').set(await as('clerk')).send({ procedureCode, channel: 'direct', applicant: APPLICANT }).expect(201);
  });

  it('D2: a missing, null, array or scalar applicant / author is a 400 naming the field', async () => {
    const before = await count('dossier');
    for (const applicant of [undefined, null, [], [APPLICANT], 'Nguyễn Văn A', 42]) {
      const res = await t.http().post('/api/dossiers').set(await as('clerk')).send({ procedureCode, channel: 'direct', applicant });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.body.details.fields)).toContain('applicant');
    }
    expect(await count('dossier')).toBe(before);
    for (const author of [undefined, null, [], 'x']) {
      const pub = await t.http().post('/api/public/feedback').send({ title: 'Tiêu đề', content: 'Nội dung', author });
      expect(pub.status).toBe(400);
      const counter = await t.http().post('/api/feedback').set(await as('clerk')).send({ title: 'Tiêu đề', content: 'Nội dung', author });
      expect(counter.status).toBe(400);
    }
    expect(await count('feedback')).toBe(0);
  });

  it('D3: a NUL byte or a control character anywhere in the input is a 400, logged in or not', async () => {
    const login = await t.http().post('/api/auth/login').send({ username: '\u0000', password: 'x' });
    expect(login.status).toBe(400);
    expect(login.body.error).toBe('INVALID_CHARACTERS');
    const pub = await t.http().post('/api/public/feedback').send({ title: 'a\u0000b', content: 'c', author: { fullName: 'Lò Văn Ưởng' } });
    expect(pub.status).toBe(400);
    const lookup = await t.http().get('/api/public/dossiers/%00?secret=x');
    expect(lookup.status).toBe(400);
    const secret = await t.http().get('/api/public/dossiers/ABC?secret=%00');
    expect(secret.status).toBe(400);
    await createDossier(t, procedureCode, 'direct', { scan: false });
    const search = await t.http().get('/api/dossiers?text=%00').set(await as('clerk'));
    expect(search.status).toBe(400);
    const bell = await t.http().post('/api/dossiers').set(await as('clerk')).send({ procedureCode, channel: 'direct', applicant: { ...APPLICANT, address: 'Tổ 5\u0007' } });
    expect(bell.status).toBe(400);
    // Line breaks and tabs stay allowed in free text.
    const multiline = await t.http().post('/api/public/feedback').send({ title: 'Góp ý', content: 'Dòng 1\nDòng 2\tcó tab', author: { fullName: 'Lò Văn Ưởng' } });
    expect(multiline.status).toBe(201);
  });

  it('D4: "my inbox" of a user without a department is empty, not a 500', async () => {
    const res = await t.http().get('/api/dossiers?mine=true').set(await as('admin'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [], total: 0 });
  });

  it('D10: a page number beyond any page is a 400', async () => {
    for (const page of ['99999999999999999999', '1e300', '2147483648']) {
      const res = await t.http().get(`/api/dossiers?page=${page}`).set(await as('clerk'));
      expect(res.status).toBe(400);
    }
    for (const path of ['/api/feedback?page=99999999999999999999']) {
      expect((await t.http().get(path).set(await as('clerk'))).status).toBe(400);
    }
  });

  it('D11: an amount beyond what the column holds is a 400 and records nothing', async () => {
    const { id } = await createDossier(t, '1.000173', 'direct', { scan: false }); // charges a fee (Lệ phí 200.000 đ)
    for (const amountVnd of [2 ** 31, 2 ** 53, 1e20]) {
      const res = await t.http().post(`/api/dossiers/${id}/payment`).set(await as('clerk')).send({ method: 'counter', amountVnd });
      expect(res.status).toBe(400);
    }
    expect(await count('dossier_payment')).toBe(0);
    await t.http().post(`/api/dossiers/${id}/payment`).set(await as('clerk')).send({ method: 'counter', amountVnd: 200_000 }).expect(201);
  });

  it('D21: names are NFC and trimmed; search ignores case, diacritics and the form they were typed in', async () => {
    const nfd = '  Nguyễn Thị Thu Hằng  '.normalize('NFD');
    const created = await t.http().post('/api/dossiers').set(await as('clerk')).send({ procedureCode, channel: 'direct', applicant: { ...APPLICANT, fullName: nfd, idNumber: '079123456789' } });
    expect(created.status).toBe(201);
    expect(created.body.applicant.fullName).toBe('Nguyễn Thị Thu Hằng'.normalize('NFC'));
    for (const text of ['Nguyễn Thị Thu Hằng'.normalize('NFC'), 'Nguyễn Thị Thu Hằng'.normalize('NFD'), 'nguyen thi thu hang', 'NGUYỄN THỊ', ' thu   hằng ']) {
      const res = await t.http().get(`/api/dossiers?text=${encodeURIComponent(text)}`).set(await as('clerk')).expect(200);
      expect(res.body.items.map((d: { id: string }) => d.id)).toContain(created.body.id);
    }
    const other = await t.http().get(`/api/dossiers?text=${encodeURIComponent('Nguyễn Thị Thu Hương')}`).set(await as('clerk')).expect(200);
    expect(other.body.items.map((d: { applicant: { fullName: string } }) => d.applicant.fullName)).not.toContain('Nguyễn Thị Thu Hằng');

    const before = await count('dossier');
    for (const fullName of ['   ', '\u200b\u200b', '\u202e\u202d', ' \u2066 \u2069 ', 'Nguyễn\u202eVăn']) {
      const res = await t.http().post('/api/dossiers').set(await as('clerk')).send({ procedureCode, channel: 'direct', applicant: { ...APPLICANT, fullName } });
      expect(res.status).toBe(400);
    }
    const author = await t.http().post('/api/public/feedback').send({ title: 'Góp ý', content: 'x', author: { fullName: '\u202e  ' } });
    expect(author.status).toBe(400);
    expect(await count('dossier')).toBe(before);
  });
});
