/**
 * What the system stores about a dossier → its portal record. Pure: the adapter gathers the
 * dossier row, its files, fee, payment and procedure facts into a {@link RecordSource}.
 */
import type { FactChannel, FactEndState, FactRating, FactTimeUnit, SupplementFact } from './facts';
import { round2 } from './numbers';
import {
  toWireInstant,
  toWireInstantOrNull,
  type ChannelCode,
  type OnlinePaymentCode,
  type PortalComponent,
  type PortalRecord,
  type RatingCode,
} from './portal-record';
import { pendingAt, TIME_UNIT_CODES } from './read-record';

/** Working minutes in a working day (the 40-hour, Monday-to-Friday week of QĐ 188/1999/QĐ-TTg; as libs/catalogue). */
export const WORKING_MINUTES_PER_DAY = 480;

export interface SourceComponent {
  key: string;
  name: string;
  required: boolean;
  /** An electronic copy is attached. */
  digitised: boolean;
  /** The copy reuses already-digitised data. */
  reused: boolean;
  /** Taken from the applicant's data store on DVCQG. */
  fromCitizenStore: boolean;
}

export interface RecordSource {
  code: string;
  procedureCode: string;
  nationalProcedureCode: string | null;
  field: string;
  departmentCode: string;
  /** Version of the record (incremented each time its content changes). */
  version: number;
  state: string;
  stateLabelVi: string;
  channel: FactChannel;
  submittedAt: Date | null;
  receivedAt: Date | null;
  /** The appointment given at receipt (the legal one). */
  appointmentAt: Date | null;
  /** The appointment proposed by an apology letter, if any. */
  apologyAppointmentAt: Date | null;
  /** Instant processing ended and the state it ended in (the actual time of the state, not adjusted for a pending request). */
  ended: { at: Date; state: FactEndState } | null;
  /** When the result was returned (after `result_issued`). */
  returnedAt: Date | null;
  supplements: readonly SupplementFact[];
  /** Code and public link of the electronic result, when one was issued. */
  result: { code: string; link: string } | null;
  resultPushedToStore: boolean;
  paperResult: boolean;
  feeBearing: boolean;
  /** Fees of the dossier with known amounts (đồng). */
  fees: ReadonlyArray<{ name: string; amountVnd: number }>;
  paidOnline: 'national' | 'provincial' | null;
  components: readonly SourceComponent[];
  vneid: boolean;
  /** The procedure's unit, and the working minutes of processing (supplementation excluded) once it ended. */
  timeUnit: FactTimeUnit | null;
  processingWorkingMinutes: number | null;
  rating: FactRating | null;
  hasComplaint: boolean;
  imported: boolean;
  updatedAt: Date;
}

const CHANNEL_CODE: Record<FactChannel, ChannelCode> = { direct: 1, online: 2, postal: 3 };
const RATING_CODE: Record<FactRating, RatingCode> = { very_satisfied: 1, satisfied: 2, dissatisfied: 3 };
const PAYMENT_CODE: Record<'national' | 'provincial', OnlinePaymentCode> = { national: 1, provincial: 2 };
const DAY_MS = 86_400_000;

const bit = (b: boolean): 0 | 1 => (b ? 1 : 0);

export function projectRecord(s: RecordSource): PortalRecord {
  const stateTime = (...states: FactEndState[]) => (s.ended && states.includes(s.ended.state) ? toWireInstant(s.ended.at) : null);
  const components: PortalComponent[] = s.components.map((c) => ({
    MaThanhPhan: c.key,
    TenThanhPhan: c.name,
    BatBuoc: bit(c.required),
    DuocSoHoa: bit(c.digitised),
    DuocTaiSuDung: bit(c.reused),
    DuocLayTuKhoDMQG: bit(c.fromCitizenStore),
  }));
  const end = endOf(s);
  const time = end === null ? null : processingTime(s, end);
  return {
    MaHoSo: s.code,
    MaTTHC: s.nationalProcedureCode,
    MaThuTucNoiBo: s.procedureCode,
    LinhVuc: s.field,
    MaDonViXuLy: s.departmentCode,
    PhienBan: s.version,
    TrangThai: s.state,
    TenTrangThai: s.stateLabelVi,
    KenhThucHien: CHANNEL_CODE[s.channel],
    NgayNopHoSo: toWireInstantOrNull(s.submittedAt),
    NgayTiepNhan: toWireInstantOrNull(s.receivedAt),
    NgayHenTra: toWireInstantOrNull(s.appointmentAt),
    NgayHenTraMoi: toWireInstantOrNull(s.apologyAppointmentAt),
    NgayXuLyXong: stateTime('result_issued', 'returned'),
    NgayTraKetQua: s.ended && (s.ended.state === 'returned' || s.ended.state === 'result_issued') ? toWireInstantOrNull(s.returnedAt) : null,
    NgayTuChoi: stateTime('refused', 'rejected'),
    NgayDungXuLy: stateTime('stopped'),
    NgayRutHoSo: stateTime('withdrawn'),
    NgayKetThucXuLy: toWireInstantOrNull(end),
    DanhSachYeuCauBoSung: s.supplements.map((p) => ({ NgayYeuCau: toWireInstant(p.requestedAt), NgayHoanThanh: toWireInstantOrNull(p.completedAt) })),
    MaKetQua: s.result?.code ?? null,
    DuongDanTepTinKetQua: s.result?.link ?? null,
    CoKetQuaBanGiay: bit(s.paperResult),
    CoPhiLePhi: bit(s.feeBearing),
    DanhSachPhiLePhi: s.fees.map((f) => ({ TenPhiLePhi: f.name, Gia: f.amountVnd })),
    DuocThanhToanTrucTuyen: s.paidOnline === null ? 0 : PAYMENT_CODE[s.paidOnline],
    TaiLieuNop: components,
    HoSoCoThanhPhanSoHoa: bit(s.components.some((c) => c.reused)),
    DaDayKetQuaVaoKho: bit(s.resultPushedToStore),
    TaiKhoanDuocXacThucVoiVNeID: bit(s.vneid),
    ThoiGianGiaiQuyet: time,
    DonViTinh: time === null || s.timeUnit === null ? null : TIME_UNIT_CODES[s.timeUnit],
    MucDoHaiLong: s.rating === null ? null : RATING_CODE[s.rating],
    CoPhanAnhKienNghi: bit(s.hasComplaint),
    NhapTuHeThongCu: bit(s.imported),
    ThoiDiemCapNhat: toWireInstant(s.updatedAt),
  };
}

/** The end of processing as `readRecord` derives it: a request pending when processing ended ends it at the request. */
function endOf(s: RecordSource): Date | null {
  if (!s.ended || s.receivedAt === null) return s.ended?.at ?? null;
  return pendingAt(s.supplements, s.ended.at)?.requestedAt ?? s.ended.at;
}

/**
 * ThoiGianGiaiQuyet in the procedure's unit, 2 decimals: working units from the working
 * minutes of processing (supplementation excluded, counted on the working calendar by
 * libs/deadlines); calendar days from the elapsed time minus the completed supplementations.
 */
function processingTime(s: RecordSource, end: Date): number | null {
  if (s.receivedAt === null || s.timeUnit === null) return null;
  if (s.timeUnit === 'calendar_days') {
    const paused = s.supplements
      .filter((p) => p.completedAt !== null && p.completedAt.getTime() <= end.getTime())
      .reduce((sum, p) => sum + (p.completedAt!.getTime() - p.requestedAt.getTime()), 0);
    return round2(Math.max(0, end.getTime() - s.receivedAt.getTime() - paused) / DAY_MS);
  }
  if (s.processingWorkingMinutes === null) return null;
  return round2(s.processingWorkingMinutes / (s.timeUnit === 'working_days' ? WORKING_MINUTES_PER_DAY : 60));
}
