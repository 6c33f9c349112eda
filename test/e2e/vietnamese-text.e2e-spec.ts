import { pickWalkableProcedure, sendEvent } from '../support/dossier-helpers';
import { startTestApp, TestApp } from '../support/test-app';

describe('Vietnamese text round-trips, in one Unicode form', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  // Precomposed (NFC) and decomposed (NFD) forms both come back as the same text, in NFC (issue #14,
  // D21): what is stored is one form, so that a name typed either way is found by either.
  // Everything typed in NFC comes back byte for byte.
  const nfcName = 'Hoàng Thị Ngọc Ánh Nguyễn Đức Thắng Lò Văn Ưởng';
  const nfdName = 'Phạm Thị Hường'.normalize('NFD');
  const reason = 'Hồ sơ thiếu “Bản thuyết minh” — đề nghị bổ sung trước ngày 15/12; ký tự đặc biệt: ₫ ½ 😀';

  it.each([
    ['NFC', nfcName],
    ['NFD', nfdName],
  ])('applicant name in %s form', async (_form, fullName) => {
    const procedure = await pickWalkableProcedure(t);
    const token = await t.login('clerk');
    const created = await t
      .http()
      .post('/api/dossiers')
      .set('authorization', `Bearer ${token}`)
      .send({ procedureCode: procedure.code, channel: 'online', applicant: { fullName, idNumber: '012345678901', address: 'Bản Nà Khoang, xã Sìn Hồ' } })
      .expect(201);
    const fetched = await t.http().get(`/api/dossiers/${created.body.id}`).set('authorization', `Bearer ${token}`).expect(200);
    expect(Buffer.from(fetched.body.applicant.fullName, 'utf8').equals(Buffer.from(fullName.normalize('NFC'), 'utf8'))).toBe(true);
    expect(fetched.body.applicant.address).toBe('Bản Nà Khoang, xã Sìn Hồ');

    const rejected = await sendEvent(t, 'clerk', created.body.id, { type: 'REJECT', reason, expectedVersion: 1 });
    expect(rejected.status).toBe(200);
    const history = await t.http().get(`/api/dossiers/${created.body.id}/history`).set('authorization', `Bearer ${token}`).expect(200);
    expect(Buffer.from(history.body[1].payload.reason, 'utf8').equals(Buffer.from(reason, 'utf8'))).toBe(true);
    expect(history.body[1].toLabel).toBe('Không tiếp nhận');
  });
});
