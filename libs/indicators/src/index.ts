/**
 * @motcua/indicators — Decision 766/QĐ-TTg service-index indicators and PAR plan targets (pure).
 *
 * - the portal record (`PortalRecord`, `projectRecord`, `readRecord`): the only source of dossier facts;
 * - facts: `DossierFact`, `FeedbackFact`;
 * - predicates: per indicator, who is in the denominator and the numerator (reference semantics the SQL mirrors);
 * - `countFacts` → `IndicatorCounts` → `scoreIndicators` → `IndicatorReport`; `computeIndicators` = both;
 * - `selectDossiers` / `selectFeedback` (the items behind a number), `groupFacts` (per-group reports);
 * - `planReport` (plan targets, shortfall in dossiers); `reconcile` (ours vs the records the portal received);
 * - periods in UTC+7, judged as of now while running (`judgePeriod`), statistical cut-off (`statisticalPeriod`);
 * - per-day rollups of the facts (`rollupEntries`, `countsFromRollup`): a closed period's dossier counts from day buckets.
 */
export * from './facts';
export * from './portal-record';
export * from './read-record';
export * from './project-record';
export * from './reconcile';
export * from './statistics-form';
export * from './period';
export * from './predicates';
export * from './definitions';
export * from './config';
export * from './counts';
export * from './score';
export * from './compute';
export * from './plan';
export * from './trend';
export * from './rollup';
export * from './rollup-windows';
export { round2, formatPercentVi } from './numbers';
