import { APPLICANT, pickWalkableProcedure, sendEvent } from '../support/dossier-helpers';
import { digitiseRequired } from '../support/files';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const TABS = ['open', 'due_soon', 'overdue', 'awaiting_return', 'closed'] as const;

/** Issue #15, acceptance 2 and 3: the worklist's tabs and their counts; diacritic-insensitive search. */
describe('Worklist tabs and search', () => {
  let t: TestApp;
  let procedureCode: string;
  let firstDepartment: string;
  beforeAll(async () => {
    t = await startTestApp();
    const procedure = await pickWalkableProcedure(t, { minSteps: 2 });
    procedureCode = procedure.code;
    firstDepartment = procedure.steps[0].departmentCode;
  });
  afterAll(() => t.close());

  const create = async (fullName: string) => {
    const res = await t.http().post('/api/dossiers').set('authorization', `Bearer ${await t.login('clerk')}`).send({ procedureCode, channel: 'direct', applicant: { ...APPLICANT, fullName } });
    expect(res.status).toBe(201);
    return res.body as { id: string; code: string; version: number };
  };
  const get = async (user: string, path: string) => (await t.http().get(path).set('authorization', `Bearer ${await t.login(user)}`).expect(200)).body;
  const listed = (user: string, query: string) => get(user, `/api/dossiers?pageSize=100&${query}`);

  it('each tab count equals the list total for the same filters, for every role and filter', async () => {
    const processing = await create('Lò Văn Minh');
    await digitiseRequired(t, processing.id);
    expect((await sendEvent(t, 'clerk', processing.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: processing.version })).status).toBe(200);
    const withdrawn = await create('Lò Văn Minh');
    expect((await sendEvent(t, 'clerk', withdrawn.id, { type: 'WITHDRAW', reason: 'Công dân xin rút hồ sơ', expectedVersion: withdrawn.version })).status).toBe(200);
    await create('Nguyễn Thị Lan');

    const specialist = { PQLKH: 'specialist', PQLCN: 'specialist2', BGD: 'leader' }[firstDepartment] ?? 'specialist';
    const cases: Array<[string, string]> = [
      ['clerk', ''],
      ['clerk', 'text=lo%20van%20minh'],
      ['clerk', `procedureCode=${encodeURIComponent(procedureCode)}`],
      [specialist, 'mine=true'],
      ['leader', ''],
      ['reporter', 'text=minh'],
    ];
    for (const [user, filters] of cases) {
      const counts = await get(user, `/api/dossiers/tab-counts?${filters}`);
      for (const tab of TABS) {
        const page = await listed(user, `tab=${tab}&${filters}`);
        expect({ user, filters, tab, count: counts[tab] }).toEqual({ user, filters, tab, count: page.total });
      }
    }

    // Open work by default tab, closed ones apart; the withdrawn dossier is not open work.
    const open = await listed('clerk', 'tab=open&text=lo%20van%20minh');
    expect(open.items.map((d: { id: string }) => d.id)).toEqual([processing.id]);
    // The current step's own due time, and the working time left before it (whole minutes).
    expect(open.items[0].stepDueAt).not.toBeNull();
    expect(Number.isInteger(open.items[0].stepWorkingMinutesLeft)).toBe(true);
    expect(open.items[0].stepWorkingMinutesLeft).toBeGreaterThan(0);
    const closed = await listed('clerk', 'tab=closed&text=lo%20van%20minh');
    expect(closed.items.map((d: { id: string }) => d.id)).toEqual([withdrawn.id]);
    expect(closed.items[0].stepWorkingMinutesLeft).toBeNull();
    expect((await get('clerk', '/api/dossiers/tab-counts?text=lo%20van%20minh')).open).toBe(1);
    const mine = await get(specialist, '/api/dossiers/tab-counts?mine=true');
    expect(mine.open).toBeGreaterThanOrEqual(1);
  });

  it('"lo van minh" finds "Lò Văn Minh" whatever the case, marks or Unicode form', async () => {
    const dossier = await create('Lò Văn Minh');
    for (const term of ['lo van minh', 'LO VAN MINH', 'lò văn', 'Lò Văn Minh'.normalize('NFD'), 'van minh']) {
      const page = await listed('clerk', `text=${encodeURIComponent(term)}`);
      expect({ term, found: page.items.some((d: { id: string }) => d.id === dossier.id) }).toEqual({ term, found: true });
    }
    expect((await listed('clerk', 'text=lo%20van%20minx')).items.some((d: { id: string }) => d.id === dossier.id)).toBe(false);
  });

  it('refuses an unknown tab with a 400 that names the field', async () => {
    const res = await t.http().get('/api/dossiers/tab-counts?tab=everything').set('authorization', `Bearer ${await t.login('clerk')}`);
    expect(res.status).toBe(400);
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['tab']);
    expect((await t.http().get('/api/dossiers/tab-counts')).status).toBe(401);
  });
});
