/**
 * The method's rules (DOMAIN.md §1.4–1.5): which dossier (or feedback) is in the denominator
 * and which is in the numerator of each indicator, for a period `[from, to)` judged at `to`
 * (see `period.ts`: `to` is the period's end, or "now" for a period still running).
 *
 * These predicates are the single source of truth. They read only facts of the portal record
 * (`readRecord`), so they compute what the portal computes from the records it received. The SQL
 * adapter mirrors them over the stored records' columns; integration tests compare the two.
 * Each rule is written so that it translates to a plain SQL condition on one row: comparisons
 * of timestamps with `from`/`to`, null tests, booleans, and one timestamp difference.
 *
 * Conventions used in every rule below:
 * - "received by the period end" = `receivedAt IS NOT NULL AND receivedAt < to`;
 * - "received in the period"     = `receivedAt IS NOT NULL AND from <= receivedAt AND receivedAt < to`;
 * - "ended by the period end"    = `processingEndedAt IS NOT NULL AND processingEndedAt < to`;
 * - "ended in the period"        = ended by the period end `AND processingEndedAt >= from`;
 * - "open at the period end"     = `processingEndedAt IS NULL OR processingEndedAt >= to`
 *   (a dossier that ended after the period is judged as it stood at the period end).
 *
 * A numerator predicate is only meaningful for a fact in the matching denominator; the
 * counted numerator is always `denominator AND numerator` (see {@link DOSSIER_RATIO_RULES}).
 */
import { RESULT_END_STATES, type DossierFact, type FactChannel, type FeedbackFact, type ProcedureFact } from './facts';
import { deepFreeze } from './freeze';
import { localDay, reportInstant, type Period } from './period';

const ms = (d: Date) => d.getTime();

// ---------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------

/** Received at all, and before the period end: `receivedAt IS NOT NULL AND receivedAt < to`. */
export function isReceivedBy(fact: DossierFact, period: Period): boolean {
  return fact.receivedAt !== null && ms(fact.receivedAt) < ms(period.to);
}

/** Received within the period: `receivedAt IS NOT NULL AND from <= receivedAt AND receivedAt < to`. */
export function isReceivedIn(fact: DossierFact, period: Period): boolean {
  return fact.receivedAt !== null && ms(fact.receivedAt) >= ms(period.from) && ms(fact.receivedAt) < ms(period.to);
}

/** Processing ended before the period end: `processingEndedAt IS NOT NULL AND processingEndedAt < to`. */
export function isEndedBy(fact: DossierFact, period: Period): boolean {
  return fact.processingEndedAt !== null && ms(fact.processingEndedAt) < ms(period.to);
}

/** Processing ended within the period: `processingEndedAt IS NOT NULL AND from <= processingEndedAt AND processingEndedAt < to`. */
export function isEndedIn(fact: DossierFact, period: Period): boolean {
  return isEndedBy(fact, period) && ms(fact.processingEndedAt!) >= ms(period.from);
}

/** Still being processed at the period end: `processingEndedAt IS NULL OR processingEndedAt >= to`. */
export function isOpenAtEnd(fact: DossierFact, period: Period): boolean {
  return fact.processingEndedAt === null || ms(fact.processingEndedAt) >= ms(period.to);
}

/** A result was issued by the period end: ended by then in `result_issued` or `returned`. */
export function hasResultBy(fact: DossierFact, period: Period): boolean {
  return isEndedBy(fact, period) && fact.endState !== null && RESULT_END_STATES.includes(fact.endState);
}

/**
 * The paper-result condition of 3.3 and 4.2: when the procedure returns a paper result and a
 * result was issued by the period end, it must be electronic (MaKetQua + link). A dossier still
 * in processing at the period end, or ended without a result, has no result to be electronic and
 * meets it (the complaint: counting it "not online" understated closed periods).
 */
export function meetsResultCondition(fact: DossierFact, period: Period): boolean {
  return !(fact.paperResult && hasResultBy(fact, period) && !fact.eResult);
}

// ---------------------------------------------------------------------------------------
// 1.4 Sync rate (DOMAIN.md §1.4 ind. 1.4)
// ---------------------------------------------------------------------------------------

/** 1.4 numerator: a record of the dossier reached the portal. Denominator: received in the period. */
export function isSynced(fact: DossierFact): boolean {
  return fact.synced;
}

// ---------------------------------------------------------------------------------------
// 2.1 On-time rate (DOMAIN.md §1.4 ind. 2.1) — also a part of 5.4
// ---------------------------------------------------------------------------------------

/**
 * 2.1 denominator, "dossiers received and processed in the period": received by the period
 * end and either ended in the period or still open at its end (carried over from earlier
 * periods included). SQL: `received_at IS NOT NULL AND received_at < :to AND
 * (processing_ended_at IS NULL OR processing_ended_at >= :from)`.
 */
export function inOnTimeDenominator(fact: DossierFact, period: Period): boolean {
  return isReceivedBy(fact, period) && (isEndedIn(fact, period) || isOpenAtEnd(fact, period));
}

/**
 * 2.1 numerator, "finished or still in process on time (or early)", by the method:
 *
 * 1. The instant judged, J: the end of processing if it ended by the period end, else the
 *    period end `to` ("a dossier not yet finished uses the period end date").
 * 2. More than one supplementation request made before `to` → late, whatever the dates.
 * 3. One request, still pending at J (not completed, or completed at or after J) → the
 *    effective end is the request time ("waiting on a single supplementation request: the
 *    request date counts as its end").
 * 4. One request completed before J → the effective end is J minus the time the applicant
 *    spent supplementing (completion − request).
 * 5. No request → the effective end is J.
 * 6. On time ⇔ no appointment (the procedure sets no time limit) or effective end ≤ NgayHenTra,
 *    the legal appointment given at receipt. An apology's new appointment never counts.
 *
 * SQL (J = processing_ended_at in the "ended" scope part, :to in the others):
 * `NOT (s2_requested_at < :to) AND (appointment_at IS NULL OR CASE WHEN s1_requested_at < :to AND
 * (s1_completed_at IS NULL OR s1_completed_at >= J) THEN s1_requested_at <= appointment_at WHEN
 * s1_requested_at < :to THEN J - (s1_completed_at - s1_requested_at) <= appointment_at ELSE
 * J <= appointment_at END)`.
 *
 * Without an appointment the dossier is on time; the method's fallback (elapsed time ≤ the legal
 * maximum) needs a limit the record does not carry when the procedure sets none.
 */
export function isOnTime(fact: DossierFact, period: Period): boolean {
  const judged = judgedEnd(fact, period);
  return judged !== 'late' && (fact.appointmentAt === null || judged <= ms(fact.appointmentAt));
}

/**
 * The effective end steps 1–5 of {@link isOnTime} compare with the appointment (milliseconds), or
 * `'late'` when more than one supplementation request makes the dossier late whatever the dates.
 */
export function judgedEnd(fact: DossierFact, period: Period): number | 'late' {
  const to = ms(period.to);
  const judged = isEndedBy(fact, period) ? ms(fact.processingEndedAt!) : to;
  const requests = fact.supplements.filter((s) => ms(s.requestedAt) < to);
  if (requests.length > 1) return 'late';
  if (requests.length === 0) return judged;
  const [{ requestedAt, completedAt }] = requests;
  return completedAt === null || ms(completedAt) >= judged ? ms(requestedAt) : judged - (ms(completedAt) - ms(requestedAt));
}

/**
 * Early, on time or late, for the statistics form (Biểu 06): late ⇔ not {@link isOnTime}; early ⇔
 * on time and the effective end falls on a local day (UTC+7) before the appointment's day.
 */
export function timeliness(fact: DossierFact, period: Period): 'early' | 'on_time' | 'late' {
  if (!isOnTime(fact, period)) return 'late';
  const end = judgedEnd(fact, period);
  if (fact.appointmentAt === null || end === 'late') return 'on_time';
  return localDay(new Date(end)) < localDay(fact.appointmentAt) ? 'early' : 'on_time';
}

/** Not on time, within the 2.1 denominator: the overdue dossiers of 5.4. */
export function isOverdue(fact: DossierFact, period: Period): boolean {
  return !isOnTime(fact, period);
}

// ---------------------------------------------------------------------------------------
// 2.2 Average processing time (DOMAIN.md §1.4 ind. 2.2, §1.5)
// ---------------------------------------------------------------------------------------

/**
 * 2.2 sample: dossiers received in the period (`from <= receivedAt < to`) whose processing was
 * completed with a result ("Đã xử lý xong" / "Đã trả kết quả") by the time the report is computed
 * (`asOf`: "the end may fall in a later period", DOMAIN.md §1.5), with a processing time in the
 * procedure's own unit. Value = SUM(processingTimeCenti) ÷ COUNT(*) ÷ 100 per procedure and unit.
 */
export function inProcessingTimeSample(fact: DossierFact, period: Period): boolean {
  return (
    isReceivedIn(fact, period) &&
    fact.processingEndedAt !== null &&
    ms(fact.processingEndedAt) < ms(reportInstant(period)) &&
    fact.endState !== null &&
    RESULT_END_STATES.includes(fact.endState) &&
    fact.processingTimeCenti !== null &&
    fact.processingTimeUnit !== null
  );
}

// ---------------------------------------------------------------------------------------
// Dossiers received in the period: 1.4, 3.3, 3.6, 4.2–4.4, channel shares, digitised at receipt
// ---------------------------------------------------------------------------------------

/** Denominator of the "received" ratios: received in the period (`from <= receivedAt < to`). */
export function inReceivedDenominator(fact: DossierFact, period: Period): boolean {
  return isReceivedIn(fact, period);
}

/**
 * 3.3 numerator (the method's online dossier): KenhThucHien = 2 and {@link meetsResultCondition}.
 * The rate also multiplies by the sync rate 1.4 (score.ts).
 */
export function isOnlineDossier(fact: DossierFact, period: Period): boolean {
  return fact.channel === 'online' && meetsResultCondition(fact, period);
}

/** Plain channel share numerators (the plan's targets): received through `channel`, whatever the result. */
export function isChannel(channel: FactChannel): (fact: DossierFact) => boolean {
  return (fact) => fact.channel === channel;
}

/**
 * 3.6 denominator (DOMAIN.md §1.5): processing started (received) in the period, the procedure
 * carries a fee, and the synced fee list is not all 0 (`fee_bearing AND NOT fees_all_zero`).
 */
export function inOnlinePaymentDenominator(fact: DossierFact, period: Period): boolean {
  return isReceivedIn(fact, period) && fact.feeBearing && !fact.feesAllZero;
}

/** 3.6 numerator: DuocThanhToanTrucTuyen 1 or 2. */
export function isPaidOnline(fact: DossierFact): boolean {
  return fact.paidOnline !== null;
}

/**
 * 4.1 denominator: processing ended in the period with a result (`result_issued`, `returned`),
 * for a procedure that returns a paper result. Refused, stopped and withdrawn dossiers have no result.
 */
export function inEResultDenominator(fact: DossierFact, period: Period): boolean {
  return fact.receivedAt !== null && isEndedIn(fact, period) && fact.paperResult && hasResultBy(fact, period);
}

/** 4.1 numerator: the record carries the result code and the link to the result file. */
export function hasEResult(fact: DossierFact): boolean {
  return fact.eResult;
}

/** 4.2 numerator: components digitised, and {@link meetsResultCondition}. */
export function isDigitisedDossier(fact: DossierFact, period: Period): boolean {
  return fact.digitised && meetsResultCondition(fact, period);
}

/** 4.3 numerator: at least one component reuses digitised data (HoSoCoThanhPhanSoHoa = 1). */
export function isReusingData(fact: DossierFact): boolean {
  return fact.reusedComponent;
}

/** 4.4 numerator: a component taken from the applicant's data store, or the result pushed to it. */
export function isLinkedToCitizenStore(fact: DossierFact): boolean {
  return fact.fromCitizenStore;
}

/** Plan measure "components digitised at receipt" numerator: `digitised`. */
export function isDigitisedAtReceipt(fact: DossierFact): boolean {
  return fact.digitised;
}

// ---------------------------------------------------------------------------------------
// 5.4 Satisfaction in handling dossiers (DOMAIN.md §1.4 ind. 5.4, §1.5)
// ---------------------------------------------------------------------------------------

/** Denominator of both parts of 5.4: the 2.1 denominator, so that "overdue" means exactly "not on time" in 2.1. */
export function inSatisfactionDenominator(fact: DossierFact, period: Period): boolean {
  return inOnTimeDenominator(fact, period);
}

/** 5.4's second rate: rated "not satisfied" or complained about (`rating = 'dissatisfied' OR hasComplaint`). */
export function isDissatisfiedOrComplained(fact: DossierFact): boolean {
  return fact.rating === 'dissatisfied' || fact.hasComplaint;
}

/** Satisfaction was measured on the dossier: rated, or complained about (5.4 is N/A when no dossier was). */
export function isRatedOrComplained(fact: DossierFact): boolean {
  return fact.rating !== null || fact.hasComplaint;
}

// ---------------------------------------------------------------------------------------
// The catalogue: 3.1, 3.2, 3.5 (DOMAIN.md §1.4)
// ---------------------------------------------------------------------------------------

/** What the catalogue ratios need of the period's dossiers: the procedures that received an online dossier in it. */
export interface CatalogueContext {
  onlineProcedures: ReadonlySet<string>;
}

/** 3.1 numerator: the procedure has an online public service, full-process or partial (the higher level counts). Denominator: every procedure. */
export function hasOnlineService(p: ProcedureFact): boolean {
  return p.onlineLevel !== null;
}

/** 3.2 numerator: an online service that received at least one online dossier in the period. Denominator: the online services. */
export function hasOnlineDossier(p: ProcedureFact, context: CatalogueContext): boolean {
  return context.onlineProcedures.has(p.procedureCode);
}

/** 3.5 numerator: the fee data reaches the portal. Denominator: procedures with a fee other than zero. */
export function hasSyncedFee(p: ProcedureFact): boolean {
  return p.feeSynced;
}

/** Procedures that received an online dossier in the period (`channel = online`, received in the period). */
export function onlineProceduresOf(facts: readonly DossierFact[], period: Period): Set<string> {
  return new Set(facts.filter((f) => f.channel === 'online' && isReceivedIn(f, period)).map((f) => f.procedureCode));
}

// ---------------------------------------------------------------------------------------
// Feedback (PAKN): 5.1, 5.2, 5.3
// ---------------------------------------------------------------------------------------

/** Feedback received in the period (`from <= receivedAt < to`). */
function isFeedbackReceivedIn(fb: FeedbackFact, period: Period): boolean {
  return ms(fb.receivedAt) >= ms(period.from) && ms(fb.receivedAt) < ms(period.to);
}

/** 5.1 denominator: feedback received in the period and classified. */
export function inFeedbackReceived(fb: FeedbackFact, period: Period): boolean {
  // An unclassified feedback has no category to count on either side of the split.
  return fb.category !== null && isFeedbackReceivedIn(fb, period);
}

/** 5.1 numerator: `category = 'regulation'` (the rest are about officials' conduct). */
export function isRegulationFeedback(fb: FeedbackFact): boolean {
  return fb.category === 'regulation';
}

/**
 * 5.2 denominator, as 2.1: received by the period end (`receivedAt < to`) and either handled in
 * the period or still open at its end. SQL: `received_at < :to AND (handled_at IS NULL OR handled_at >= :from)`.
 */
export function inFeedbackDenominator(fb: FeedbackFact, period: Period): boolean {
  if (ms(fb.receivedAt) >= ms(period.to)) return false;
  return fb.handledAt === null || ms(fb.handledAt) >= ms(period.from);
}

/**
 * 5.2 numerator. Handled by the period end: the stored `onTime` when not null, otherwise
 * `dueAt IS NULL OR handledAt <= dueAt`. Still open: judged at the period end, or today for
 * the current period (DOMAIN.md §1.5): `dueAt IS NULL OR to <= dueAt`.
 */
export function isFeedbackOnTime(fb: FeedbackFact, period: Period): boolean {
  if (fb.handledAt !== null && ms(fb.handledAt) < ms(period.to)) {
    if (fb.onTime !== null) return fb.onTime;
    return fb.dueAt === null || ms(fb.handledAt) <= ms(fb.dueAt);
  }
  return fb.dueAt === null || ms(period.to) <= ms(fb.dueAt);
}

/** 5.3 denominator (DOMAIN.md §1.5): feedback first received in the period, each counted once. */
export function inFeedbackSatisfactionDenominator(fb: FeedbackFact, period: Period): boolean {
  return isFeedbackReceivedIn(fb, period);
}

/**
 * 5.3 numerator: not marked dissatisfied ("dislike > like" on DVCQG), not followed by a new
 * PAKN about the answer, and not handled late as of the period end.
 */
export function isFeedbackSatisfied(fb: FeedbackFact, period: Period): boolean {
  return isFeedbackOnTime(fb, period) && fb.citizenVerdict !== 'dissatisfied' && fb.citizenVerdict !== 'recomplained';
}

// ---------------------------------------------------------------------------------------
// Rule tables
// ---------------------------------------------------------------------------------------

/**
 * Ratios over dossiers: 766 indicators, the two parts of 5.4, the plain channel shares and the
 * plan measure `digitised_at_receipt`. 5.4 itself is not a ratio of counts: it is
 * 100% − (overdue rate + rate of `dissatisfied_or_complained`), computed in score.ts.
 */
export type DossierRatioKey =
  | '1.4'
  | '2.1'
  | '3.3'
  | '3.6'
  | '4.1'
  | '4.2'
  | '4.3'
  | '4.4'
  | 'dissatisfied_or_complained'
  | 'rated_or_complained'
  | 'channel_online'
  | 'channel_direct'
  | 'channel_postal'
  | 'digitised_at_receipt';
/** Ratio indicators over feedback. */
export type FeedbackRatioKey = '5.1' | '5.2' | '5.3';
/** Ratio indicators over the catalogue's procedures. */
export type CatalogueRatioKey = '3.1' | '3.2' | '3.5';
export type RatioKey = DossierRatioKey | FeedbackRatioKey | CatalogueRatioKey;

export const DOSSIER_RATIO_KEYS: readonly DossierRatioKey[] = [
  '1.4',
  '2.1',
  '3.3',
  '3.6',
  '4.1',
  '4.2',
  '4.3',
  '4.4',
  'dissatisfied_or_complained',
  'rated_or_complained',
  'channel_online',
  'channel_direct',
  'channel_postal',
  'digitised_at_receipt',
];
export const FEEDBACK_RATIO_KEYS: readonly FeedbackRatioKey[] = ['5.1', '5.2', '5.3'];
export const CATALOGUE_RATIO_KEYS: readonly CatalogueRatioKey[] = ['3.1', '3.2', '3.5'];
export const RATIO_KEYS: readonly RatioKey[] = [...DOSSIER_RATIO_KEYS, ...FEEDBACK_RATIO_KEYS, ...CATALOGUE_RATIO_KEYS];

export interface RatioRule<F> {
  /** Is the fact in the denominator for the period? */
  denominator(fact: F, period: Period): boolean;
  /** Is a fact *of the denominator* in the numerator? (Counted numerator = denominator AND numerator.) */
  numerator(fact: F, period: Period): boolean;
}

/** Denominator and numerator predicates of each dossier ratio. */
export const DOSSIER_RATIO_RULES: Readonly<Record<DossierRatioKey, RatioRule<DossierFact>>> = deepFreeze({
  '1.4': { denominator: inReceivedDenominator, numerator: isSynced },
  '2.1': { denominator: inOnTimeDenominator, numerator: isOnTime },
  '3.3': { denominator: inReceivedDenominator, numerator: isOnlineDossier },
  '3.6': { denominator: inOnlinePaymentDenominator, numerator: isPaidOnline },
  '4.1': { denominator: inEResultDenominator, numerator: hasEResult },
  '4.2': { denominator: inReceivedDenominator, numerator: isDigitisedDossier },
  '4.3': { denominator: inReceivedDenominator, numerator: isReusingData },
  '4.4': { denominator: inReceivedDenominator, numerator: isLinkedToCitizenStore },
  dissatisfied_or_complained: { denominator: inSatisfactionDenominator, numerator: isDissatisfiedOrComplained },
  rated_or_complained: { denominator: inSatisfactionDenominator, numerator: isRatedOrComplained },
  channel_online: { denominator: inReceivedDenominator, numerator: isChannel('online') },
  channel_direct: { denominator: inReceivedDenominator, numerator: isChannel('direct') },
  channel_postal: { denominator: inReceivedDenominator, numerator: isChannel('postal') },
  digitised_at_receipt: { denominator: inReceivedDenominator, numerator: isDigitisedAtReceipt },
});

/** Denominator and numerator predicates of each feedback ratio. */
export const FEEDBACK_RATIO_RULES: Readonly<Record<FeedbackRatioKey, RatioRule<FeedbackFact>>> = deepFreeze({
  '5.1': { denominator: inFeedbackReceived, numerator: isRegulationFeedback },
  '5.2': { denominator: inFeedbackDenominator, numerator: isFeedbackOnTime },
  '5.3': { denominator: inFeedbackSatisfactionDenominator, numerator: isFeedbackSatisfied },
});

/** Denominator and numerator predicates of each catalogue ratio. */
export const CATALOGUE_RATIO_RULES: Readonly<Record<CatalogueRatioKey, { denominator(p: ProcedureFact): boolean; numerator(p: ProcedureFact, context: CatalogueContext): boolean }>> = deepFreeze({
  '3.1': { denominator: () => true, numerator: hasOnlineService },
  '3.2': { denominator: hasOnlineService, numerator: hasOnlineDossier },
  '3.5': { denominator: (p: ProcedureFact) => p.feeBearing, numerator: hasSyncedFee },
});
