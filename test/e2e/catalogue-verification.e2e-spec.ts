import { NATIONAL_CODE_PATTERN, citizenFacingTexts, englishWordsIn, type CitizenFacingParts } from '@motcua/catalogue';
import { startTestApp, TestApp } from '../support/test-app';

interface ProcedureView extends CitizenFacingParts {
  code: string;
  nationalCode: string | null;
  verification: { verified: boolean; label: string | null; unverifiedFields: string[]; notes: string[] };
}

describe('Catalogue as served: 40+ procedures, unverified facts flagged, no slug as national code (issue 12)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.login(user)}` });

  it('lists at least 40 procedures, with "chưa xác minh" and the unverified fields on each unverified one', async () => {
    const res = await t.http().get('/api/procedures').set(await auth('admin')).expect(200);
    const list = res.body as ProcedureView[];
    expect(list.length).toBeGreaterThanOrEqual(40);

    // Postal licence: research entry not verified, no national code found, components written by us.
    const postal = list.find((p) => p.name === 'Cấp giấy phép bưu chính');
    expect(postal).toMatchObject({
      code: 'bc-cap-giay-phep',
      nationalCode: null,
      verification: { verified: false, label: 'chưa xác minh' },
    });
    expect(postal!.verification.unverifiedFields).toEqual(expect.arrayContaining(['name', 'processingTime', 'fee', 'components']));
    expect(postal!.verification.unverifiedFields).not.toContain('code');
    expect(postal!.verification.notes.length).toBeGreaterThan(0);

    // X-ray declaration: name, code, time, fee, result and dossier read in a source; only our step split is ours.
    const xray = await t.http().get('/api/procedures/2.002131').set(await auth('clerk')).expect(200);
    expect(xray.body.verification).toEqual({ verified: true, label: null, unverifiedFields: ['steps'], notes: expect.any(Array) });

    // A result name we wrote ourselves is flagged even on a verified entry.
    const rd = list.find((p) => p.code === '1.014393');
    expect(rd?.verification).toMatchObject({ verified: false, label: 'chưa xác minh', unverifiedFields: expect.arrayContaining(['resultName', 'components']) });
  });

  it('never serves a slug as the national code, and the served texts have no English stop-list word', async () => {
    const list = (await t.http().get('/api/procedures').set(await auth('clerk')).expect(200)).body as ProcedureView[];
    for (const p of list) {
      if (p.nationalCode !== null) expect([p.code, NATIONAL_CODE_PATTERN.test(p.nationalCode)]).toEqual([p.code, true]);
      else expect(NATIONAL_CODE_PATTERN.test(p.code)).toBe(false);
    }
    const leaks = list.flatMap((p) =>
      citizenFacingTexts(p)
        .map((x) => ({ code: p.code, path: x.path, words: englishWordsIn(x.text) }))
        .filter((x) => x.words.length > 0),
    );
    expect(leaks).toEqual([]);
  });

  it('refuses the catalogue without a login', async () => {
    await t.http().get('/api/procedures').expect(401);
  });
});
