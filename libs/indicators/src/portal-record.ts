/**
 * The dossier record a provincial system synchronises to the National Public Service Portal
 * (DVCQG), and the only input of the dossier indicators.
 *
 * The portal computes the Decision 766 figures from the records each system *sends*
 * ("Hệ thống điều phối — dữ liệu đồng bộ hồ sơ", DOMAIN.md §1.5): a field we leave empty is a
 * zero in the Index. So this module defines the record once, with every field §1.5 lists, and
 * the indicators read nothing else: `projectRecord` builds it from what the system stores,
 * `readRecord` turns a record (ours, or one the portal received) into the facts the rules of
 * `predicates.ts` take. Our report and the portal's figure can then only differ by records not
 * yet delivered, and `reconcile` (reconcile.ts) shows which.
 *
 * Field names are DVCQG's where DOMAIN.md §1.4–1.5 gives them. The wire format (date format,
 * state codes, the names of the fields §1.5 does not name) is UNVERIFIED: those fields carry
 * names of our own, listed in {@link OWN_FIELDS}, and dates are ISO 8601 with the +07:00 offset.
 */
import { toVietnamIso } from '@motcua/calendar/vietnam-time';

/** Receiving channel code, KenhThucHien (DOMAIN.md §2.3): 1 direct, 2 online, 3 public postal service. */
export type ChannelCode = 1 | 2 | 3;

/** DuocThanhToanTrucTuyen: 0 not paid online, 1 through the DVCQG payment platform, 2 through the province's own portal. */
export type OnlinePaymentCode = 0 | 1 | 2;

/** Unit of ThoiGianGiaiQuyet (DonViTinh; the portal keeps the procedure's own unit, DOMAIN.md §2.8). */
export type TimeUnitCode = 'ngay_lam_viec' | 'gio_lam_viec' | 'ngay';

/** The applicant's rating of the handling of the dossier: 1 very satisfied, 2 satisfied, 3 not satisfied. */
export type RatingCode = 1 | 2 | 3;

/** One submitted dossier component (TaiLieuNop). */
export interface PortalComponent {
  /** Component key in the procedure's list. */
  MaThanhPhan: string;
  TenThanhPhan: string;
  /** 1 = required by the procedure. */
  BatBuoc: 0 | 1;
  /** 1 = an electronic copy is attached (scanned at the counter, or uploaded online). */
  DuocSoHoa: 0 | 1;
  /** 1 = the copy reuses already-digitised data (indicator 4.3). */
  DuocTaiSuDung: 0 | 1;
  /** 1 = taken from the applicant's data store on DVCQG (indicator 4.4). */
  DuocLayTuKhoDMQG: 0 | 1;
}

/** One fee or charge of the dossier (DanhSachPhiLePhi). */
export interface PortalFee {
  TenPhiLePhi: string;
  /** Amount in đồng (0 = exempt). */
  Gia: number;
}

/** One supplementation request while processing (not intake guidance), in order. */
export interface PortalSupplement {
  NgayYeuCau: string;
  /** Null while the applicant has not supplemented. */
  NgayHoanThanh: string | null;
}

export interface PortalRecord {
  MaHoSo: string;
  /** National TTHC code (mã TTHC on CSDLQG); null when the catalogue has none. */
  MaTTHC: string | null;
  /** Our catalogue's procedure code. */
  MaThuTucNoiBo: string;
  /** Field (lĩnh vực) of the procedure. */
  LinhVuc: string;
  /** Department of the first processing step. */
  MaDonViXuLy: string;
  /** Version of this record: a receiver drops a record older than one it already has. */
  PhienBan: number;
  /** Our workflow state and its Vietnamese label (DVCQG's state codes are UNVERIFIED). */
  TrangThai: string;
  TenTrangThai: string;
  KenhThucHien: ChannelCode;
  NgayNopHoSo: string | null;
  NgayTiepNhan: string | null;
  /** The legal appointment given at receipt. An apology never moves it (DOMAIN.md §1.5, last point). */
  NgayHenTra: string | null;
  /** The appointment an apology letter proposes (ND 61/2018 Art 12), in a field of its own. */
  NgayHenTraMoi: string | null;
  /** State times the end of processing derives from (DOMAIN.md §1.4, 2.1): result issued, returned, refused, stopped, withdrawn. */
  NgayXuLyXong: string | null;
  NgayTraKetQua: string | null;
  NgayTuChoi: string | null;
  NgayDungXuLy: string | null;
  NgayRutHoSo: string | null;
  /** End of processing as the rules derive it (see {@link endOfProcessing}); sent for receivers that do not derive it. */
  NgayKetThucXuLy: string | null;
  DanhSachYeuCauBoSung: PortalSupplement[];
  /** Result code and link to the signed result file; both present = an electronic result (4.1, 4.2, 3.3). */
  MaKetQua: string | null;
  DuongDanTepTinKetQua: string | null;
  /** 1 = the procedure returns a paper result (from the catalogue; DOMAIN.md §1.4 3.3, 4.1). */
  CoKetQuaBanGiay: 0 | 1;
  /** 1 = the procedure carries a fee or charge (from the catalogue; indicator 3.6). */
  CoPhiLePhi: 0 | 1;
  DanhSachPhiLePhi: PortalFee[];
  DuocThanhToanTrucTuyen: OnlinePaymentCode;
  TaiLieuNop: PortalComponent[];
  /** 1 = at least one component reuses digitised data (indicator 4.3). */
  HoSoCoThanhPhanSoHoa: 0 | 1;
  /** 1 = the electronic result was pushed to the applicant's data store (indicator 4.4). */
  DaDayKetQuaVaoKho: 0 | 1;
  TaiKhoanDuocXacThucVoiVNeID: 0 | 1;
  /** Processing time, supplementation excluded, in DonViTinh, 2 decimals; null until processing ends. */
  ThoiGianGiaiQuyet: number | null;
  DonViTinh: TimeUnitCode | null;
  MucDoHaiLong: RatingCode | null;
  /** 1 = a feedback or petition (PAKN) was filed about the dossier (indicator 5.4). */
  CoPhanAnhKienNghi: 0 | 1;
  /** 1 = imported from the previous system. */
  NhapTuHeThongCu: 0 | 1;
  ThoiDiemCapNhat: string;
}

/** Fields whose names are ours, not DVCQG's (the portal's names are UNVERIFIED, DOMAIN.md §1.5). */
export const OWN_FIELDS: readonly (keyof PortalRecord)[] = [
  'MaThuTucNoiBo',
  'LinhVuc',
  'MaDonViXuLy',
  'PhienBan',
  'TrangThai',
  'TenTrangThai',
  'NgayNopHoSo',
  'NgayHenTraMoi',
  'NgayXuLyXong',
  'NgayTraKetQua',
  'NgayTuChoi',
  'NgayDungXuLy',
  'NgayRutHoSo',
  'DanhSachYeuCauBoSung',
  'CoKetQuaBanGiay',
  'CoPhiLePhi',
  'DaDayKetQuaVaoKho',
  'MucDoHaiLong',
  'CoPhanAnhKienNghi',
  'NhapTuHeThongCu',
];

const WIRE_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+07:00$/;

/** `2026-02-26T09:00:00.000+07:00`: Viet Nam keeps UTC+7 all year; milliseconds are kept so that a record reads back exactly. */
export function toWireInstant(instant: Date): string {
  return toVietnamIso(instant);
}

export function toWireInstantOrNull(instant: Date | null): string | null {
  return instant === null ? null : toWireInstant(instant);
}

/** Reads an instant of a record (throws RangeError on anything else: a record is data from outside). */
export function fromWireInstant(text: string): Date {
  const parsed = WIRE_INSTANT.test(text) ? Date.parse(text) : Number.NaN;
  // A day or hour out of range (30 February, 24:00) must not roll over into another instant.
  if (Number.isNaN(parsed) || toWireInstant(new Date(parsed)).slice(0, 19) !== text.slice(0, 19)) {
    throw new RangeError(`Not a record instant (YYYY-MM-DDTHH:mm:ss[.sss]+07:00): ${text}`);
  }
  return new Date(parsed);
}

export function fromWireInstantOrNull(text: string | null | undefined): Date | null {
  return text === null || text === undefined ? null : fromWireInstant(text);
}
