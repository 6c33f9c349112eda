import { samplePdf } from './files';
import { APPLICANT } from './dossier-helpers';
import type { TestApp } from './test-app';

const clients = new WeakMap<TestApp, { id: string; clientSecret: string }>();

/** A machine account of role portal_client, created once per app by the admin through the API. */
export async function portalClient(t: TestApp): Promise<{ id: string; clientSecret: string }> {
  const known = clients.get(t);
  if (known) return known;
  const admin = await t.login('admin');
  const res = await t.http().post('/api/admin/machine-clients').set('authorization', `Bearer ${admin}`).send({ name: 'Cổng Dịch vụ công quốc gia', role: 'portal_client' });
  if (res.status !== 201) throw new Error(`machine client: ${res.status} ${JSON.stringify(res.body)}`);
  clients.set(t, res.body);
  return res.body;
}

export function basicAuth(client: { id: string; clientSecret: string }): string {
  return `Basic ${Buffer.from(`${client.id}:${client.clientSecret}`).toString('base64')}`;
}

let serial = 0;

/** A portal record (DVCQG field names) for a procedure; `files` maps component keys to contents. */
export function portalRecord(procedureCode: string, files: Record<string, Buffer>, over: Record<string, unknown> = {}) {
  serial++;
  return {
    MaHoSo: `G22.99-${process.pid}-${Date.now()}-${serial}`,
    MaTTHC: procedureCode,
    NgayNopHoSo: '20260302090000',
    ChuHoSo: APPLICANT.fullName,
    SoGiayToChuHoSo: APPLICANT.idNumber,
    SoDienThoai: APPLICANT.phone,
    Email: APPLICANT.email,
    DiaChiChuHoSo: APPLICANT.address,
    TaiKhoanDuocXacThucVoiVNeID: 1,
    TaiLieuNop: Object.entries(files).map(([key, content]) => ({ MaThanhPhanHoSo: key, TenTepDinhKem: `${key}.pdf`, NoiDungTep: content.toString('base64') })),
    ...over,
  };
}

/** Sends a record as the portal does. */
export async function postPortalDossier(t: TestApp, record: unknown) {
  return t.http().post('/api/portal/dossiers').set('authorization', basicAuth(await portalClient(t))).send(record as object);
}

/**
 * An online dossier, through the real online path: the national portal forwards it with a file
 * for every required component (none when `withFiles` is false). Returns the dossier as the clerk sees it.
 */
export async function submitOnline(t: TestApp, procedureCode: string, options: { withFiles?: boolean } = {}) {
  const clerk = await t.login('clerk');
  const procedure = (await t.http().get(`/api/procedures/${procedureCode}`).set('authorization', `Bearer ${clerk}`).expect(200)).body as { components: Array<{ key: string; required: boolean }> };
  const files = options.withFiles === false ? {} : Object.fromEntries(procedure.components.filter((c) => c.required).map((c) => [c.key, samplePdf()]));
  const res = await postPortalDossier(t, portalRecord(procedureCode, files));
  if (res.status !== 201) throw new Error(`portal submission failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (await t.http().get(`/api/dossiers/${res.body.dossierId}`).set('authorization', `Bearer ${clerk}`).expect(200)).body;
}
