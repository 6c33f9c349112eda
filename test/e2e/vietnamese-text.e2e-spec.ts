import { pickWalkableProcedure, sendEvent } from '../support/dossier-helpers';
import { portalRecord, postPortalDossier } from '../support/portal-inbound';
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
    // An online submission, as the national portal forwards it (the counter cannot type "online").
    const received = await postPortalDossier(t, portalRecord(procedure.code, {}, { ChuHoSo: fullName, DiaChiChuHoSo: 'Bản Nà Khoang, xã Sìn Hồ' }));
    expect(received.status).toBe(201);
    const created = { body: { id: received.body.dossierId as string } };
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
