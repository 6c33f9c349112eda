/**
 * The facts the indicators are computed from. One {@link DossierFact} per dossier, one
 * {@link FeedbackFact} per feedback/petition (phản ánh, kiến nghị, PAKN).
 *
 * These types are the contract with the database adapter: the adapter reads one row per
 * dossier (or aggregates the same columns in SQL), so every field is a plain value that
 * maps to one column or one cheap expression.
 */

/** Receiving channel (DVCQG KenhThucHien: 1 or null = direct, 2 = online, 3 = public postal service; DOMAIN.md §1.4 ind. 3.3). */
export type FactChannel = 'direct' | 'online' | 'postal';
export const FACT_CHANNELS: readonly FactChannel[] = ['direct', 'online', 'postal'];

/**
 * The workflow state in which processing ended (mirrors the state names of libs/workflow):
 * `result_issued` / `returned` (a result exists), `refused`, `stopped`, `withdrawn`
 * (withdrawal after receipt), `rejected` (rejected at intake: such a dossier has
 * `receivedAt = null` and is never counted). `null` = processing has not ended.
 */
export type FactEndState = 'result_issued' | 'returned' | 'refused' | 'stopped' | 'withdrawn' | 'rejected';

/** End states that mean a result was issued (used by 4.1). */
export const RESULT_END_STATES: readonly FactEndState[] = ['result_issued', 'returned'];

/** Citizen's rating of the handling of a dossier. */
export type FactRating = 'very_satisfied' | 'satisfied' | 'dissatisfied';

/** Unit of a procedure's processing time (the catalogue's units; the record's DonViTinh). */
export type FactTimeUnit = 'working_days' | 'working_hours' | 'calendar_days';

/** One supplementation request made while processing (intake guidance is not one). */
export interface SupplementFact {
  requestedAt: Date;
  /** `null` while the applicant has not supplemented. */
  completedAt: Date | null;
}

/**
 * One dossier as its portal record states it (`readRecord` in read-record.ts): every field is
 * one field of the record, or a plain function of a few. The rules of predicates.ts read only
 * these, so a figure computed from our records and one computed from the records the portal
 * received can only differ where the records differ.
 */
export interface DossierFact {
  /** Dossier code (MaHoSo). */
  code: string;
  /** Procedure (TTHC) code of our catalogue. */
  procedureCode: string;
  /** Field (lĩnh vực) of the procedure. */
  field: string;
  /** Agency in charge (cơ quan). */
  agencyCode: string;
  /** Department of the first processing step. */
  departmentCode: string;
  channel: FactChannel;
  /** NgayTiepNhan. `null` = never received (e.g. rejected at intake): never counted by any indicator. */
  receivedAt: Date | null;
  /**
   * NgayHenTra: the legal appointment given at receipt. Neither an apology letter nor a
   * supplementation moves it: the rule of 2.1 subtracts the supplementation time instead
   * (DOMAIN.md §1.4, 2.1). `null` = the procedure sets no time limit.
   */
  appointmentAt: Date | null;
  /**
   * End of processing, derived from the record's state times by the method's priority
   * (result issued > returned > refused/stopped > withdrawn); a dossier ended while a
   * supplementation request was pending ends at the request (DOMAIN.md §1.4, 2.1).
   * `null` = still being processed.
   */
  processingEndedAt: Date | null;
  /** State in which processing ended; `null` while open. */
  endState: FactEndState | null;
  /** Supplementation requests while processing, in order. */
  supplements: readonly SupplementFact[];
  /** ThoiGianGiaiQuyet in hundredths of `processingTimeUnit` (an integer, so that sums are exact); `null` while open. */
  processingTimeCenti: number | null;
  processingTimeUnit: FactTimeUnit | null;
  /** The procedure returns a paper result. */
  paperResult: boolean;
  /** The record carries both a result code (MaKetQua) and a link to the result file (DuongDanTepTinKetQua). */
  eResult: boolean;
  /** Components were digitised: the record lists components and every required one has an electronic copy. */
  digitised: boolean;
  /** At least one component reuses already-digitised data (HoSoCoThanhPhanSoHoa). */
  reusedComponent: boolean;
  /** A component was taken from the applicant's data store on DVCQG, or the result was pushed to it (4.4). */
  fromCitizenStore: boolean;
  /** The procedure carries a fee or charge (CoPhiLePhi). */
  feeBearing: boolean;
  /** The record lists fees and every one of them is 0 (an exempt dossier leaves 3.6's denominator). */
  feesAllZero: boolean;
  /** Paid online: through the DVCQG payment platform (`national`, code 1) or the province's portal (`provincial`, code 2). */
  paidOnline: 'national' | 'provincial' | null;
  rating: FactRating | null;
  /** A feedback/complaint (PAKN) is linked to the dossier. */
  hasComplaint: boolean;
  /** Imported from a legacy system (see `IndicatorConfig.importedDossiers`). */
  imported: boolean;
  /** A record of this dossier reached the portal (indicator 1.4). Not a field of the record: the adapter knows it. */
  synced: boolean;
}

/**
 * One procedure of the agency's catalogue as the national TTHC database (CSDLQG) publishes it:
 * the input of 3.1, 3.2 and 3.5 (DOMAIN.md §1.4), which count procedures, not dossiers.
 */
export interface ProcedureFact {
  procedureCode: string;
  /** Its online public service (ND 42/2022): full-process or partial; null = none. */
  onlineLevel: 'toan_trinh' | 'mot_phan' | null;
  /** The procedure carries a fee or charge other than zero. */
  feeBearing: boolean;
  /** Its fee data reaches the portal: the amount is known, so the records carry DanhSachPhiLePhi with it. */
  feeSynced: boolean;
}

/** PAKN category (DOMAIN.md §1.4 ind. 5.1): about regulations/procedures, or about officials' conduct. */
export type FeedbackCategory = 'regulation' | 'conduct';

/** One feedback/petition (PAKN), from the feedback workflow's records; with no facts, 5.1–5.3 are N/A. */
export interface FeedbackFact {
  /** Null until the clerk classifies it (a feedback rejected or closed at intake may never be). */
  category: FeedbackCategory | null;
  receivedAt: Date;
  /** When handling ended (answered / closed); `null` while open. */
  handledAt: Date | null;
  /** Due time of the handling; `null` = none. */
  dueAt: Date | null;
  /** Stored when handling ended (on time or early); authoritative for handled feedback when not null. */
  onTime: boolean | null;
  citizenVerdict: 'satisfied' | 'dissatisfied' | 'recomplained' | null;
  /** Optional attribution, used only by `groupFacts` (feedback without the key belongs to no group). */
  agencyCode?: string | null;
  departmentCode?: string | null;
  procedureCode?: string | null;
  field?: string | null;
}
