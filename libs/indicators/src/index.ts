/**
 * @motcua/indicators — Decision 766/QĐ-TTg service-index indicators and PAR plan targets (pure).
 *
 * - facts: `DossierFact`, `FeedbackFact`;
 * - predicates: per indicator, who is in the denominator and the numerator (reference semantics the SQL mirrors);
 * - `countFacts` → `IndicatorCounts` → `scoreIndicators` → `IndicatorReport`; `computeIndicators` = both;
 * - `selectDossiers` / `selectFeedback` (the items behind a number), `groupFacts` (per-group reports);
 * - `planReport` (plan targets, shortfall in dossiers); periods in UTC+7.
 */
export * from './facts';
export * from './period';
export * from './predicates';
export * from './definitions';
export * from './config';
export * from './counts';
export * from './score';
export * from './compute';
export * from './plan';
export { round2, formatPercentVi } from './numbers';
