/**
 * The indicator predicates of libs/indicators (predicates.ts), written as SQL over the
 * dossier table so a quarter report over a million dossiers is one aggregate over a few
 * index range scans. Kept in one place and checked against the reference
 * implementation on both dialects by test/e2e/indicators.e2e-spec.ts and, on every edge of
 * the scope ranges, by test/integration/indicator-scope.int-spec.ts.
 */
import type { Period } from '@motcua/indicators';

export type Dialect = 'postgres' | 'sqlite';

/** 2.1 (and 5.4) denominator: received by the period end, and ended in the period or still open at its end. */
export const IN_PERIOD_SCOPE = `d.received_at IS NOT NULL AND d.received_at < :to AND (d.processing_ended_at IS NULL OR d.processing_ended_at >= :from)`;

/**
 * 2.1 numerator for a dossier whose processing ended before the period end, as a
 * condition: the stored outcome, else late with more than one supplementation request,
 * else end ≤ due.
 */
const ON_TIME_IF_ENDED = `(CASE
      WHEN d.outcome IS NOT NULL THEN d.outcome IN ('early', 'on_time')
      WHEN d.supplement_requests > 1 THEN FALSE
      ELSE d.due_at IS NULL OR d.processing_ended_at <= d.due_at END)`;

/**
 * 2.1 numerator for a dossier open at the period end, as a condition: late with more than
 * one request, else the end is the pending request's time (a single open pause) or the
 * period end, compared with the due time.
 */
const ON_TIME_IF_OPEN = `(CASE
      WHEN d.supplement_requests > 1 THEN FALSE
      WHEN d.due_at IS NULL THEN TRUE
      WHEN d.paused_at IS NOT NULL AND d.paused_at < :to THEN d.paused_at <= d.due_at
      ELSE :to <= d.due_at END)`;

/** 2.1 numerator, within the scope above, for any dossier: 1 when on time, else 0. */
export const ON_TIME_FLAG = `(CASE
  WHEN d.processing_ended_at IS NOT NULL AND d.processing_ended_at < :to THEN
    (CASE WHEN ${ON_TIME_IF_ENDED} THEN 1 ELSE 0 END)
  ELSE (CASE WHEN ${ON_TIME_IF_OPEN} THEN 1 ELSE 0 END) END)`;
export const ON_TIME = `${ON_TIME_FLAG} = 1`;

/**
 * The columns the aggregates read (all in the covering indexes on PostgreSQL; the migration
 * of ix_dossier_long_running lists them again, so a change here needs both indexes rebuilt).
 */
export const FACT_COLUMNS = [
  'received_at',
  'processing_ended_at',
  'outcome',
  'supplement_requests',
  'due_at',
  'paused_at',
  'channel',
  'paper_result',
  'e_result',
  'fee_applies',
  'payment_method',
  'digitised',
  'reused_component',
  'rating',
  'has_complaint',
  'state',
  'procedure_code',
  'processing_working_minutes',
];

// COALESCE: with a NULL rating the comparison would be NULL, and NOT NULL is not true.
export const DISSATISFIED_OR_COMPLAINED = `(COALESCE(d.rating, '') = 'dissatisfied' OR d.has_complaint = :yes)`;
export const PAID_ONLINE = `d.payment_method IN ('national_portal', 'provincial_portal', 'online_unspecified')`;
/** Result states: 4.1 only counts dossiers that got a result. */
export const RESULT_STATE = `d.state IN ('result_issued', 'returned')`;

/**
 * A dossier that ended more than this many days after the period end and still is in the
 * scope was open for longer than this. Such long runs are rare, and only they are in the
 * partial index ix_dossier_long_running (migration 1764720000000, same threshold and
 * predicate): the scope never has to read every dossier that ended after the period.
 */
export const LONG_RUNNING_DAYS = 60;
const LONG_RUNNING: Record<Dialect, string> = {
  postgres: `d.processing_ended_at - d.received_at > interval '${LONG_RUNNING_DAYS} days'`,
  sqlite: `julianday(d.processing_ended_at) - julianday(d.received_at) > ${LONG_RUNNING_DAYS}`,
};

/** How each scope part's dossiers stand at the period end: it decides the 2.1 rule and which counters apply. */
type Standing = 'ended' | 'open';

/**
 * IN_PERIOD_SCOPE as four disjoint index ranges (each needs `received_at < :to`, which also
 * excludes never-received dossiers):
 * - ended in the period: ix_dossier_facts on [from, to);
 * - ended after the period, within LONG_RUNNING_DAYS of its end: ix_dossier_facts on
 *   [to, horizon), bounded instead of running to the newest dossier;
 * - ended later than that: received before `to` means a run longer than LONG_RUNNING_DAYS,
 *   so the partial index ix_dossier_long_running holds them all (the query repeats its
 *   predicate, which is implied, so both dialects may use it);
 * - still open: ix_dossier_facts on processing_ended_at IS NULL.
 */
function scopeRanges(dialect: Dialect): Array<{ standing: Standing; where: string }> {
  return [
    { standing: 'ended', where: 'd.processing_ended_at >= :from AND d.processing_ended_at < :to AND d.received_at < :to' },
    { standing: 'open', where: 'd.processing_ended_at >= :to AND d.processing_ended_at < :horizon AND d.received_at < :to' },
    { standing: 'open', where: `d.processing_ended_at >= :horizon AND d.received_at < :to AND ${LONG_RUNNING[dialect]}` },
    { standing: 'open', where: 'd.processing_ended_at IS NULL AND d.received_at IS NOT NULL AND d.received_at < :to' },
  ];
}

/** Parameters of the scope ranges besides `from` and `to`. */
export function scopeParameters(period: Period): { horizon: Date } {
  return { horizon: new Date(period.to.getTime() + LONG_RUNNING_DAYS * 86_400_000) };
}

/** The fact columns the counters read as they are. */
const COUNTED_COLUMNS = ['received_at', 'channel', 'paper_result', 'e_result', 'fee_applies', 'payment_method', 'digitised', 'reused_component', 'processing_working_minutes'];

/**
 * The scope's rows, as one UNION ALL of its ranges, for one aggregate over all of them (on
 * PostgreSQL one parallel append of index-only scans). Each range states what it knows
 * about its rows, and the facts several counters test are derived once per row (text
 * comparisons were a good part of the report's time), so the aggregate above only tests
 * flags: `ended` (processing ended in the period), `on_time` (the 2.1 rule of the range's
 * standing), `has_result` (ended in the period with a result: 4.1), `dissatisfied` (5.4).
 * Only 2.2 needs figures per procedure, and only dossiers that ended in the period count
 * for it, so the other ranges leave procedure_code NULL (one group instead of one per
 * procedure). `filter` is extra conditions on `dossier` (procedure, department, …).
 */
export function scopeParts(dialect: Dialect, filter: string): string {
  const columns = COUNTED_COLUMNS.map((c) => `d.${c}`).join(', ');
  return scopeRanges(dialect)
    .map(({ standing, where }) => {
      const [ended, onTime, hasResult, procedure] =
        standing === 'ended' ? ['TRUE', ON_TIME_IF_ENDED, RESULT_STATE, 'd.procedure_code'] : ['FALSE', ON_TIME_IF_OPEN, 'FALSE', 'NULL'];
      const derived = `${ended} AS ended, ${onTime} AS on_time, ${hasResult} AS has_result, ${DISSATISFIED_OR_COMPLAINED} AS dissatisfied`;
      return `SELECT ${derived}, ${procedure} AS procedure_code, ${columns} FROM dossier d WHERE ${where}${filter}`;
    })
    .join(' UNION ALL ');
}

/**
 * Column list of the one aggregate query over `scopeParts`: numerator and denominator of
 * every dossier ratio. Within the scope every dossier was received before `to`, so
 * "received in the period" is `received_at >= :from`. Most in-scope dossiers were received
 * in the period, so that test comes last, where it rarely decides alone. PostgreSQL counts
 * with FILTER (cheaper than SUM(CASE …)); SQLite with SUM(CASE …). The conditions are the
 * same text on both.
 */
export function countColumns(dialect: Dialect): Record<string, string> {
  const count = (condition: string) => (dialect === 'postgres' ? `COUNT(*) FILTER (WHERE ${condition})` : `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`);
  const received = 'd.received_at >= :from';
  const ended22 = 'd.ended AND d.processing_working_minutes IS NOT NULL';
  return {
    d_21: 'COUNT(*)',
    n_21: count('d.on_time'),
    d_recv: count(received),
    n_33: count(`d.channel = 'online' AND (d.paper_result = :no OR d.e_result = :yes) AND ${received}`),
    d_36: count(`d.fee_applies = :yes AND ${received}`),
    n_36: count(`d.fee_applies = :yes AND ${PAID_ONLINE} AND ${received}`),
    d_41: count('d.has_result AND d.paper_result = :yes'),
    n_41: count('d.e_result = :yes AND d.has_result AND d.paper_result = :yes'),
    n_42: count(`d.digitised = :yes AND (d.paper_result = :no OR d.e_result = :yes) AND ${received}`),
    n_43: count(`d.reused_component = :yes AND ${received}`),
    n_dig: count(`d.digitised = :yes AND ${received}`),
    n_54: count('d.on_time AND NOT d.dissatisfied'),
    dissatisfied: count('d.dissatisfied'),
    // 2.2 sample: processing ended in the period, with its working time known.
    n_22: count(ended22),
    minutes_22: `SUM(CASE WHEN ${ended22} THEN d.processing_working_minutes ELSE 0 END)`,
  };
}
