/**
 * A portal record → the facts the indicator rules take. The only way facts are made: our
 * report reads our own records through it, the reconciliation reads the records the portal
 * received through it, so both apply one definition to what the portal sees.
 */
import type { DossierFact, FactChannel, FactEndState, FactRating, FactTimeUnit, SupplementFact } from './facts';
import { fromWireInstant, fromWireInstantOrNull, type PortalRecord, type TimeUnitCode } from './portal-record';

export interface ReadContext {
  /** The agency the record belongs to (records carry no agency code; one system serves one agency). */
  agencyCode: string;
  /** A record of the dossier reached the portal (indicator 1.4). */
  synced: boolean;
}

const CHANNELS: Record<number, FactChannel> = { 1: 'direct', 2: 'online', 3: 'postal' };
const RATINGS: Record<number, FactRating> = { 1: 'very_satisfied', 2: 'satisfied', 3: 'dissatisfied' };
export const TIME_UNIT_CODES: Readonly<Record<FactTimeUnit, TimeUnitCode>> = Object.freeze({
  working_days: 'ngay_lam_viec',
  working_hours: 'gio_lam_viec',
  calendar_days: 'ngay',
});
const TIME_UNITS = Object.fromEntries(Object.entries(TIME_UNIT_CODES).map(([unit, code]) => [code, unit])) as Record<TimeUnitCode, FactTimeUnit>;

/** The state times of a record, the end state each means, in the method's priority (DOMAIN.md §1.4, 2.1). */
const END_PRIORITY: ReadonlyArray<{ field: 'NgayXuLyXong' | 'NgayTraKetQua' | 'NgayTuChoi' | 'NgayDungXuLy' | 'NgayRutHoSo'; state: FactEndState }> = [
  { field: 'NgayXuLyXong', state: 'result_issued' },
  { field: 'NgayTraKetQua', state: 'returned' },
  { field: 'NgayTuChoi', state: 'refused' },
  { field: 'NgayDungXuLy', state: 'stopped' },
  { field: 'NgayRutHoSo', state: 'withdrawn' },
];

export interface EndOfProcessing {
  at: Date;
  state: FactEndState;
}

/**
 * End of processing by the method: the first state time in the order "Đã xử lý xong" >
 * "Đã trả kết quả" > "Dừng xử lý/Từ chối" (a withdrawal after receipt also ends it); a dossier
 * that ended while a supplementation request was pending ends at the request. A record with a
 * result issued and then returned ended when the result was issued, in state `returned`.
 * Never received + refused = rejected at intake.
 */
export function endOfProcessing(record: PortalRecord, supplements: readonly SupplementFact[]): EndOfProcessing | null {
  const first = END_PRIORITY.find((p) => record[p.field] !== null);
  if (!first) return null;
  const at = fromWireInstant(record[first.field]!);
  const state: FactEndState =
    first.state === 'result_issued' && record.NgayTraKetQua !== null ? 'returned' : first.state === 'refused' && record.NgayTiepNhan === null ? 'rejected' : first.state;
  const pending = pendingAt(supplements, at);
  return { at: pending ? pending.requestedAt : at, state };
}

/** The request still awaited at `instant` (made at or before it, not completed by it), if any. */
export function pendingAt(supplements: readonly SupplementFact[], instant: Date): SupplementFact | null {
  const t = instant.getTime();
  for (let i = supplements.length - 1; i >= 0; i--) {
    const s = supplements[i];
    if (s.requestedAt.getTime() <= t && (s.completedAt === null || s.completedAt.getTime() > t)) return s;
  }
  return null;
}

export function readSupplements(record: PortalRecord): SupplementFact[] {
  if (!Array.isArray(record.DanhSachYeuCauBoSung)) throw new RangeError('DanhSachYeuCauBoSung must be a list');
  return record.DanhSachYeuCauBoSung.map((s) => ({ requestedAt: fromWireInstant(s.NgayYeuCau), completedAt: fromWireInstantOrNull(s.NgayHoanThanh) }));
}

/** The facts of one record. Throws RangeError on a malformed record (a record may come from outside). */
export function readRecord(record: PortalRecord, context: ReadContext): DossierFact {
  const channel = record.KenhThucHien === null || record.KenhThucHien === undefined ? 'direct' : CHANNELS[record.KenhThucHien];
  if (!channel) throw new RangeError(`KenhThucHien must be 1, 2 or 3: ${String(record.KenhThucHien)}`);
  const supplements = readSupplements(record);
  const end = endOfProcessing(record, supplements);
  const components = Array.isArray(record.TaiLieuNop) ? record.TaiLieuNop : [];
  const fees = Array.isArray(record.DanhSachPhiLePhi) ? record.DanhSachPhiLePhi : [];
  const unit = record.DonViTinh === null ? null : TIME_UNITS[record.DonViTinh];
  if (unit === undefined) throw new RangeError(`DonViTinh is not a known unit: ${String(record.DonViTinh)}`);
  const time = record.ThoiGianGiaiQuyet;
  if (time !== null && (typeof time !== 'number' || !Number.isFinite(time) || time < 0)) throw new RangeError('ThoiGianGiaiQuyet must be a non-negative number');
  return {
    code: record.MaHoSo,
    procedureCode: record.MaThuTucNoiBo,
    field: record.LinhVuc,
    agencyCode: context.agencyCode,
    departmentCode: record.MaDonViXuLy,
    channel,
    receivedAt: fromWireInstantOrNull(record.NgayTiepNhan),
    appointmentAt: fromWireInstantOrNull(record.NgayHenTra),
    processingEndedAt: end?.at ?? null,
    endState: end?.state ?? null,
    supplements,
    processingTimeCenti: time === null ? null : Math.round(time * 100),
    processingTimeUnit: time === null ? null : unit,
    paperResult: record.CoKetQuaBanGiay === 1,
    eResult: nonEmpty(record.MaKetQua) && nonEmpty(record.DuongDanTepTinKetQua),
    digitised: components.some((c) => c.DuocSoHoa === 1) && components.every((c) => c.BatBuoc !== 1 || c.DuocSoHoa === 1),
    reusedComponent: record.HoSoCoThanhPhanSoHoa === 1,
    fromCitizenStore: components.some((c) => c.DuocLayTuKhoDMQG === 1) || record.DaDayKetQuaVaoKho === 1,
    feeBearing: record.CoPhiLePhi === 1,
    feesAllZero: fees.length > 0 && fees.every((f) => f.Gia === 0),
    paidOnline: record.DuocThanhToanTrucTuyen === 1 ? 'national' : record.DuocThanhToanTrucTuyen === 2 ? 'provincial' : null,
    rating: record.MucDoHaiLong === null ? null : (RATINGS[record.MucDoHaiLong] ?? null),
    hasComplaint: record.CoPhanAnhKienNghi === 1,
    imported: record.NhapTuHeThongCu === 1,
    synced: context.synced,
  };
}

function nonEmpty(text: string | null): boolean {
  return typeof text === 'string' && text.trim() !== '';
}
