/**
 * Reference semantics of every indicator: which dossier (or feedback) is in the denominator
 * and which is in the numerator, for a period `[from, to)` (see `period.ts`).
 *
 * These predicates are the single source of truth. The SQL adapter mirrors them with
 * `COUNT(*) FILTER (WHERE …)`; an integration test compares the two on the same data.
 * Each rule is therefore written so that it translates to a plain SQL condition on one
 * row: comparisons of timestamps with `from`/`to`, null tests, booleans, one small integer.
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
import { RESULT_END_STATES, type DossierFact, type FeedbackFact } from './facts';
import { deepFreeze } from './freeze';
import type { Period } from './period';

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

// ---------------------------------------------------------------------------------------
// 2.1 On-time rate (DOMAIN.md §1.4 ind. 2.1) — also the base of 5.4
// ---------------------------------------------------------------------------------------

/**
 * 2.1 denominator, "dossiers received and processed in the period": the dossier was
 * received by the period end (`receivedAt IS NOT NULL AND receivedAt < to`) and either its
 * processing ended in the period (`from <= processingEndedAt < to`) or it was still open
 * at the period end (`processingEndedAt IS NULL OR processingEndedAt >= to`). Dossiers
 * received in earlier periods and still open are included (carried over); dossiers
 * that ended before `from` are not; dossiers never received (`receivedAt IS NULL`) never are.
 * Equivalent SQL: `received_at IS NOT NULL AND received_at < :to AND (processing_ended_at IS NULL
 * OR processing_ended_at >= :from)`.
 */
export function inOnTimeDenominator(fact: DossierFact, period: Period): boolean {
  return isReceivedBy(fact, period) && (isEndedIn(fact, period) || isOpenAtEnd(fact, period));
}

/**
 * 2.1 numerator, "finished or still in process on time (or early)". For a dossier in the
 * 2.1 denominator:
 *
 * A. Processing ended by the period end (`processingEndedAt IS NOT NULL AND processingEndedAt < to`):
 *    1. if `outcome` is stored: on time ⇔ `outcome IN ('early', 'on_time')`;
 *    2. otherwise (legacy rows without an outcome): late if `supplementRequests > 1`;
 *       else on time ⇔ `dueAt IS NULL OR processingEndedAt <= dueAt`.
 *
 * B. Still open at the period end:
 *    1. late if `supplementRequests > 1` (more than one supplementation request is late,
 *       whatever the dates);
 *    2. the "end" is the time of the pending supplementation request when one is pending
 *       and started before the period end (`openPauseStartedAt IS NOT NULL AND
 *       openPauseStartedAt < to`), otherwise the period end `to`;
 *    3. on time ⇔ `dueAt IS NULL OR end <= dueAt`.
 *
 * Without a due time the dossier is on time. DVCQG instead compares
 * (end − start − supplementation time) with the procedure's legal maximum; that needs the
 * legal limit per dossier, which the facts do not carry (see the definition's
 * `unverified`). Limitation of B: pause facts are current, not historical; a dossier whose
 * pause was pending at `to` but has since been answered is judged as running at `to`.
 */
export function isOnTime(fact: DossierFact, period: Period): boolean {
  if (isEndedBy(fact, period)) {
    if (fact.outcome !== null) return fact.outcome !== 'late';
    if (fact.supplementRequests > 1) return false;
    return fact.dueAt === null || ms(fact.processingEndedAt!) <= ms(fact.dueAt);
  }
  if (fact.supplementRequests > 1) return false;
  const end =
    fact.openPauseStartedAt !== null && ms(fact.openPauseStartedAt) < ms(period.to) ? ms(fact.openPauseStartedAt) : ms(period.to);
  return fact.dueAt === null || end <= ms(fact.dueAt);
}

// ---------------------------------------------------------------------------------------
// 2.2 Average processing time (DOMAIN.md §1.4 ind. 2.2)
// ---------------------------------------------------------------------------------------

/**
 * 2.2: dossiers whose processing ended in the period (`from <= processingEndedAt < to`,
 * any end state) and that carry a processing time (`processingWorkingMinutes IS NOT NULL`).
 * Value = SUM(processingWorkingMinutes) ÷ COUNT(*), per procedure.
 */
export function inProcessingTimeSample(fact: DossierFact, period: Period): boolean {
  return fact.receivedAt !== null && isEndedIn(fact, period) && fact.processingWorkingMinutes !== null;
}

// ---------------------------------------------------------------------------------------
// Dossiers received in the period: 3.3, 3.6, 4.2, 4.3, digitised at receipt
// ---------------------------------------------------------------------------------------

/** 3.3 / 4.2 / 4.3 / "digitised at receipt" denominator: received in the period (`from <= receivedAt < to`). */
export function inReceivedDenominator(fact: DossierFact, period: Period): boolean {
  return isReceivedIn(fact, period);
}

/**
 * 3.3 numerator: `channel = 'online' AND (NOT paperResult OR eResult)` — submitted online,
 * and, when the procedure returns a paper result, an electronic result was issued.
 */
export function isOnlineDossier(fact: DossierFact): boolean {
  return fact.channel === 'online' && (!fact.paperResult || fact.eResult);
}

/** 3.6 denominator: received in the period (`from <= receivedAt < to`) `AND feeApplies`. */
export function inOnlinePaymentDenominator(fact: DossierFact, period: Period): boolean {
  return isReceivedIn(fact, period) && fact.feeApplies;
}

/** 3.6 numerator: `paidOnline IS NOT NULL` (national platform or provincial portal). */
export function isPaidOnline(fact: DossierFact): boolean {
  return fact.paidOnline !== null;
}

/**
 * 4.1 denominator: processing ended in the period (`from <= processingEndedAt < to`) with
 * a result (`endState IN ('result_issued', 'returned')`) `AND paperResult`. Refused,
 * stopped and withdrawn dossiers have no result and are left out.
 */
export function inEResultDenominator(fact: DossierFact, period: Period): boolean {
  return (
    fact.receivedAt !== null &&
    isEndedIn(fact, period) &&
    fact.paperResult &&
    fact.endState !== null &&
    RESULT_END_STATES.includes(fact.endState)
  );
}

/** 4.1 numerator: `eResult`. */
export function hasEResult(fact: DossierFact): boolean {
  return fact.eResult;
}

/** 4.2 numerator: `digitised AND (NOT paperResult OR eResult)`. */
export function isDigitisedDossier(fact: DossierFact): boolean {
  return fact.digitised && (!fact.paperResult || fact.eResult);
}

/** 4.3 numerator: `reusedComponent`. */
export function isReusingData(fact: DossierFact): boolean {
  return fact.reusedComponent;
}

/** Plan measure "components digitised at receipt" numerator: `digitised`. */
export function isDigitisedAtReceipt(fact: DossierFact): boolean {
  return fact.digitised;
}

// ---------------------------------------------------------------------------------------
// 5.4 Satisfaction in handling dossiers (DOMAIN.md §1.3, §1.4 ind. 5.4)
// ---------------------------------------------------------------------------------------

/** 5.4 denominator: the 2.1 denominator ({@link inOnTimeDenominator}), so that "overdue" means exactly "not on time" in 2.1. */
export function inSatisfactionDenominator(fact: DossierFact, period: Period): boolean {
  return inOnTimeDenominator(fact, period);
}

/** 5.4 "rated not satisfied or complained about": `rating = 'dissatisfied' OR hasComplaint`. */
export function isDissatisfiedOrComplained(fact: DossierFact): boolean {
  return fact.rating === 'dissatisfied' || fact.hasComplaint;
}

/**
 * 5.4 numerator (union form, each dossier subtracted once): on time per {@link isOnTime}
 * `AND NOT (rating = 'dissatisfied' OR hasComplaint)`.
 */
export function isSatisfied(fact: DossierFact, period: Period): boolean {
  return isOnTime(fact, period) && !isDissatisfiedOrComplained(fact);
}

// ---------------------------------------------------------------------------------------
// Feedback (PAKN): 5.1, 5.2, 5.3
// ---------------------------------------------------------------------------------------

/** 5.1 denominator: feedback received in the period (`from <= receivedAt < to`) and classified. */
export function inFeedbackReceived(fb: FeedbackFact, period: Period): boolean {
  // An unclassified feedback has no category to count on either side of the split.
  return fb.category !== null && ms(fb.receivedAt) >= ms(period.from) && ms(fb.receivedAt) < ms(period.to);
}

/** 5.1 numerator: `category = 'regulation'` (the rest are about officials' conduct). */
export function isRegulationFeedback(fb: FeedbackFact): boolean {
  return fb.category === 'regulation';
}

/**
 * 5.2 / 5.3 denominator, mirroring 2.1: received by the period end (`receivedAt < to`) and
 * either handled in the period (`from <= handledAt < to`) or still open at the period end
 * (`handledAt IS NULL OR handledAt >= to`). Equivalent SQL: `received_at < :to AND (handled_at IS NULL
 * OR handled_at >= :from)`.
 */
export function inFeedbackDenominator(fb: FeedbackFact, period: Period): boolean {
  if (ms(fb.receivedAt) >= ms(period.to)) return false;
  return fb.handledAt === null || ms(fb.handledAt) >= ms(period.from);
}

/**
 * 5.2 numerator. Handled by the period end (`handledAt IS NOT NULL AND handledAt < to`):
 * the stored `onTime` when not null, otherwise `dueAt IS NULL OR handledAt <= dueAt`.
 * Still open at the period end: `dueAt IS NULL OR to <= dueAt`.
 */
export function isFeedbackOnTime(fb: FeedbackFact, period: Period): boolean {
  if (fb.handledAt !== null && ms(fb.handledAt) < ms(period.to)) {
    if (fb.onTime !== null) return fb.onTime;
    return fb.dueAt === null || ms(fb.handledAt) <= ms(fb.dueAt);
  }
  return fb.dueAt === null || ms(period.to) <= ms(fb.dueAt);
}

/**
 * 5.3 numerator (union form): on time per {@link isFeedbackOnTime}
 * `AND (citizenVerdict IS NULL OR citizenVerdict = 'satisfied')`, i.e. not marked
 * dissatisfied, not re-complained about, not late.
 */
export function isFeedbackSatisfied(fb: FeedbackFact, period: Period): boolean {
  return isFeedbackOnTime(fb, period) && fb.citizenVerdict !== 'dissatisfied' && fb.citizenVerdict !== 'recomplained';
}

// ---------------------------------------------------------------------------------------
// Rule tables
// ---------------------------------------------------------------------------------------

/** Ratio indicators over dossiers (766 keys plus the plan measure `digitised_at_receipt`). */
export type DossierRatioKey = '2.1' | '3.3' | '3.6' | '4.1' | '4.2' | '4.3' | '5.4' | 'digitised_at_receipt';
/** Ratio indicators over feedback. */
export type FeedbackRatioKey = '5.1' | '5.2' | '5.3';
export type RatioKey = DossierRatioKey | FeedbackRatioKey;

export const DOSSIER_RATIO_KEYS: readonly DossierRatioKey[] = ['2.1', '3.3', '3.6', '4.1', '4.2', '4.3', '5.4', 'digitised_at_receipt'];
export const FEEDBACK_RATIO_KEYS: readonly FeedbackRatioKey[] = ['5.1', '5.2', '5.3'];
export const RATIO_KEYS: readonly RatioKey[] = [...DOSSIER_RATIO_KEYS, ...FEEDBACK_RATIO_KEYS];

export interface RatioRule<F> {
  /** Is the fact in the denominator for the period? */
  denominator(fact: F, period: Period): boolean;
  /** Is a fact *of the denominator* in the numerator? (Counted numerator = denominator AND numerator.) */
  numerator(fact: F, period: Period): boolean;
}

/** Denominator and numerator predicates of each dossier ratio. */
export const DOSSIER_RATIO_RULES: Readonly<Record<DossierRatioKey, RatioRule<DossierFact>>> = deepFreeze({
  '2.1': { denominator: inOnTimeDenominator, numerator: isOnTime },
  '3.3': { denominator: inReceivedDenominator, numerator: isOnlineDossier },
  '3.6': { denominator: inOnlinePaymentDenominator, numerator: isPaidOnline },
  '4.1': { denominator: inEResultDenominator, numerator: hasEResult },
  '4.2': { denominator: inReceivedDenominator, numerator: isDigitisedDossier },
  '4.3': { denominator: inReceivedDenominator, numerator: isReusingData },
  '5.4': { denominator: inSatisfactionDenominator, numerator: isSatisfied },
  digitised_at_receipt: { denominator: inReceivedDenominator, numerator: isDigitisedAtReceipt },
});

/** Denominator and numerator predicates of each feedback ratio. */
export const FEEDBACK_RATIO_RULES: Readonly<Record<FeedbackRatioKey, RatioRule<FeedbackFact>>> = deepFreeze({
  '5.1': { denominator: inFeedbackReceived, numerator: isRegulationFeedback },
  '5.2': { denominator: inFeedbackDenominator, numerator: isFeedbackOnTime },
  '5.3': { denominator: inFeedbackDenominator, numerator: isFeedbackSatisfied },
});
