import { DOSSIER_STATE_LABELS_VI, type Channel, type DossierState } from '@motcua/workflow';

/** The dossier facts a DVCQG sync record is made of (a DossierEntity row has them all). */
export interface PortalSyncFacts {
  code: string;
  procedureCode: string;
  /** National TTHC code (mã TTHC on CSDLQG) from the procedure definition; null when the catalogue lacks it. */
  nationalProcedureCode: string | null;
  version: number;
  state: DossierState;
  channel: Channel;
  receivedAt: Date | null;
  appointmentAt: Date | null;
  processingEndedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
  digitised: boolean;
  reusedComponent: boolean;
  eResult: boolean;
  paymentMethod: 'counter' | 'national_portal' | 'provincial_portal' | 'online_unspecified' | null;
}

/**
 * One sync record for the National Public Service Portal (DVCQG), with the fields DOMAIN.md §6.4
 * lists (indicator 1.4 counts synced dossiers; 3.3, 3.6, 4.1–4.5 read these flags). Field names
 * follow DVCQG's; the wire format of its dates and status codes is UNVERIFIED, so dates are ISO 8601
 * with the +07:00 offset and our own state travels next to its Vietnamese label. `PhienBan` (the
 * dossier version) lets a receiver drop a record older than one it already has.
 */
export interface PortalSyncRecord {
  MaHoSo: string;
  MaTTHC: string | null;
  /** Our catalogue's code of the procedure (not a DVCQG field). */
  MaThuTucNoiBo: string;
  PhienBan: number;
  TrangThai: DossierState;
  TenTrangThai: string;
  /** 1 direct, 2 online, 3 public postal service (DOMAIN.md §2.3). */
  KenhThucHien: 1 | 2 | 3;
  NgayTiepNhan: string | null;
  /** The appointment shown to the applicant (moved by an apology letter). */
  NgayHenTra: string | null;
  NgayKetThucXuLy: string | null;
  NgayKetThuc: string | null;
  /** The result's code and link: not produced yet (results have no public link), so null. */
  MaKetQua: string | null;
  DuongDanTepTinKetQua: string | null;
  /** 0 not paid online, 1 through the DVCQG payment platform, 2 through the provincial portal (DOMAIN.md §4). */
  DuocThanhToanTrucTuyen: 0 | 1 | 2;
  DuocSoHoa: 0 | 1;
  DuocLayTuKhoDMQG: 0 | 1;
  /** We do not authenticate applicants with VNeID, so never 1 (indicator 4.5). */
  TaiKhoanDuocXacThucVoiVNeID: 0 | 1;
  ThoiDiemCapNhat: string;
}

const CHANNEL_CODE: Record<Channel, 1 | 2 | 3> = { direct: 1, online: 2, postal: 3 };

export function portalSyncRecord(f: PortalSyncFacts): PortalSyncRecord {
  return {
    MaHoSo: f.code,
    MaTTHC: f.nationalProcedureCode,
    MaThuTucNoiBo: f.procedureCode,
    PhienBan: f.version,
    TrangThai: f.state,
    TenTrangThai: DOSSIER_STATE_LABELS_VI[f.state],
    KenhThucHien: CHANNEL_CODE[f.channel],
    NgayTiepNhan: vnIso(f.receivedAt),
    NgayHenTra: vnIso(f.appointmentAt),
    NgayKetThucXuLy: vnIso(f.processingEndedAt),
    NgayKetThuc: vnIso(f.finishedAt),
    MaKetQua: null,
    DuongDanTepTinKetQua: null,
    // Imported "paid online, portal unknown" counts as the provincial portal, as in the indicators.
    DuocThanhToanTrucTuyen: f.paymentMethod === 'national_portal' ? 1 : f.paymentMethod === 'provincial_portal' || f.paymentMethod === 'online_unspecified' ? 2 : 0,
    DuocSoHoa: f.digitised ? 1 : 0,
    DuocLayTuKhoDMQG: f.reusedComponent ? 1 : 0,
    TaiKhoanDuocXacThucVoiVNeID: 0,
    ThoiDiemCapNhat: vnIso(f.updatedAt)!,
  };
}

/** `2026-02-26T09:00:00+07:00`: Viet Nam keeps UTC+7 all year. */
export function vnIso(instant: Date | null): string | null {
  if (!instant) return null;
  const shifted = new Date(instant.getTime() + 7 * 3600_000).toISOString();
  return `${shifted.slice(0, 19)}+07:00`;
}
