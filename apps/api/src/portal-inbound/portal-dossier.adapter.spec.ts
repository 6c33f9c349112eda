import { fromPortalRecord, PortalFieldError } from './portal-dossier.adapter';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const record = (over: Record<string, unknown> = {}) => ({
  MaHoSo: 'G22.99-260302-0001',
  MaTTHC: '1.014393',
  NgayNopHoSo: '20260302090000',
  ChuHoSo: 'Lò Thị Mai',
  SoGiayToChuHoSo: '012345678901',
  Email: 'mai.lo@example.vn',
  TaiKhoanDuocXacThucVoiVNeID: 1,
  TaiLieuNop: [{ MaThanhPhanHoSo: 'don', TenTepDinhKem: 'don.pdf', NoiDungTep: PDF.toString('base64') }],
  ...over,
});

function fieldOf(body: unknown): string {
  try {
    fromPortalRecord(body);
  } catch (error) {
    if (error instanceof PortalFieldError) return error.field;
    throw error;
  }
  throw new Error('accepted');
}

describe('portal dossier adapter (DVCQG field names → ours)', () => {
  it('maps a portal record', () => {
    const s = fromPortalRecord(record());
    expect(s).toMatchObject({ portalDossierId: 'G22.99-260302-0001', procedureCode: '1.014393', vneidVerified: true, applicant: { fullName: 'Lò Thị Mai', idNumber: '012345678901', email: 'mai.lo@example.vn' } });
    expect(s.portalSubmittedAt.toISOString()).toBe('2026-03-02T02:00:00.000Z');
    expect(s.files).toHaveLength(1);
    expect(s.files[0]).toMatchObject({ componentKey: 'don', fileName: 'don.pdf', field: 'TaiLieuNop[0].NoiDungTep' });
    expect(s.files[0].content.equals(PDF)).toBe(true);
  });

  it('names the field that is wrong, in the portal terms', () => {
    const { SoGiayToChuHoSo: _omit, ...noId } = record();
    expect(fieldOf(noId)).toBe('SoGiayToChuHoSo');
    expect(fieldOf(record({ NgayNopHoSo: '2026-03-02' }))).toBe('NgayNopHoSo');
    expect(fieldOf(record({ NgayNopHoSo: '20260230090000' }))).toBe('NgayNopHoSo');
    expect(fieldOf(record({ TaiLieuNop: [{ MaThanhPhanHoSo: 'don', NoiDungTep: 'AAAA' }] }))).toBe('TaiLieuNop[0].TenTepDinhKem');
    expect(fieldOf(record({ TaiLieuNop: [{ MaThanhPhanHoSo: 'don', TenTepDinhKem: 'x.pdf', NoiDungTep: 'not base64!' }] }))).toBe('TaiLieuNop[0].NoiDungTep');
    expect(fieldOf(record({ TaiKhoanDuocXacThucVoiVNeID: 2 }))).toBe('TaiKhoanDuocXacThucVoiVNeID');
    expect(fieldOf(record({ ChuHoSo: '\u200b' }))).toBe('ChuHoSo');
    expect(fieldOf('nope')).toBe('(record)');
  });
});
