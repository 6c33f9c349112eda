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

/** Stored outcome of a dossier whose processing ended (libs/deadlines `outcomeOf`). */
export type FactOutcome = 'early' | 'on_time' | 'late';

/** Citizen's rating of the handling of a dossier. */
export type FactRating = 'very_satisfied' | 'satisfied' | 'dissatisfied';

/** One dossier's facts, as of the moment the facts were read. */
export interface DossierFact {
  /** Dossier code (mã hồ sơ). */
  code: string;
  /** Procedure (TTHC) code. */
  procedureCode: string;
  /** Field (lĩnh vực) of the procedure. */
  field: string;
  /** Agency in charge (cơ quan). */
  agencyCode: string;
  /** Department of the first processing step. */
  departmentCode: string;
  channel: FactChannel;
  /** Time of receipt (tiếp nhận). `null` = never received (e.g. rejected at intake): never counted by any indicator. */
  receivedAt: Date | null;
  /**
   * Legal due time (NgayHenTra): receipt + time limit, shifted by the working time of every
   * *closed* supplementation pause (libs/deadlines `ClockState.dueAt`; it is what the stored
   * `outcome` was decided against). A pause still open has not shifted it yet.
   * `null` = the procedure sets no time limit.
   */
  dueAt: Date | null;
  /**
   * When processing ended: result issued, refused, stopped, or withdrawn after receipt.
   * A dossier ended while waiting for a supplement ends at the request time (DVCQG rule,
   * as libs/deadlines stores it). `null` = still being processed.
   */
  processingEndedAt: Date | null;
  /** State in which processing ended; `null` while open. */
  endState: FactEndState | null;
  /** Start of the supplementation request currently awaited (clock paused); `null` when none is pending. */
  openPauseStartedAt: Date | null;
  /** Number of supplementation requests made while processing (not intake guidance). */
  supplementRequests: number;
  /** Outcome stored when processing ended; authoritative for ended dossiers. */
  outcome: FactOutcome | null;
  /** Working minutes of processing (supplementation pauses excluded), for ended dossiers; used by 2.2. */
  processingWorkingMinutes: number | null;
  /** The procedure returns a paper result. */
  paperResult: boolean;
  /** An electronic result file was issued (MaKetQua + link to the file). */
  eResult: boolean;
  /** Dossier component files were attached at intake (digitised at direct/postal intake, or uploaded online). */
  digitised: boolean;
  /** At least one component was reused from the applicant's data store (already-digitised data). */
  reusedComponent: boolean;
  /** The procedure carries a non-zero fee or charge for this dossier. */
  feeApplies: boolean;
  /** Paid online: through the DVCQG payment platform (`national`, DuocThanhToanTrucTuyen = 1) or the province's portal (`provincial`, = 2). */
  paidOnline: 'national' | 'provincial' | null;
  rating: FactRating | null;
  /** A feedback/complaint (PAKN) is linked to the dossier. */
  hasComplaint: boolean;
  /** Imported from a legacy system (see `IndicatorConfig.importedDossiers`). */
  imported: boolean;
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
