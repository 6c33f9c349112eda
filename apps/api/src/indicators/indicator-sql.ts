/**
 * The indicator predicates of libs/indicators (predicates.ts), written as SQL over the
 * dossier table so a quarter report over a million dossiers is one aggregate scan.
 * Kept in one place and checked against the reference implementation by
 * test/integration/indicators-sql.int-spec.ts on both dialects.
 */

/** 2.1 (and 5.4) denominator: received by the period end, and ended in the period or still open at its end. */
export const IN_PERIOD_SCOPE = `d.received_at IS NOT NULL AND d.received_at < :to AND (d.processing_ended_at IS NULL OR d.processing_ended_at >= :from)`;

/**
 * 2.1 numerator, within the scope above. Ended before the period end: the stored outcome
 * (else: late with more than one supplementation request, else end ≤ due). Open at the
 * period end: late with more than one request, else the end is the pending request's
 * time (a single open pause) or the period end, compared with the due time.
 */
export const ON_TIME_FLAG = `(CASE
  WHEN d.processing_ended_at IS NOT NULL AND d.processing_ended_at < :to THEN
    (CASE
      WHEN d.outcome IS NOT NULL THEN (CASE WHEN d.outcome IN ('early', 'on_time') THEN 1 ELSE 0 END)
      WHEN d.supplement_requests > 1 THEN 0
      WHEN d.due_at IS NULL OR d.processing_ended_at <= d.due_at THEN 1
      ELSE 0 END)
  WHEN d.supplement_requests > 1 THEN 0
  WHEN d.due_at IS NULL THEN 1
  WHEN d.paused_at IS NOT NULL AND d.paused_at < :to THEN (CASE WHEN d.paused_at <= d.due_at THEN 1 ELSE 0 END)
  WHEN :to <= d.due_at THEN 1
  ELSE 0 END)`;
export const ON_TIME = `${ON_TIME_FLAG} = 1`;

/**
 * The same scope as IN_PERIOD_SCOPE, as three disjoint index-range parts (ended in the
 * period; ended after it but received before its end; still open), so PostgreSQL reads
 * them with index-only scans of ix_dossier_facts instead of scanning the whole table for
 * the OR. `filter` is extra conditions on `dossier` (procedure, department, …).
 */
export function scopeParts(filter: string): string {
  // 2.1's rule is evaluated once per row here, then counted by two aggregates (2.1 and 5.4).
  const columns = [...FACT_COLUMNS.map((c) => `d.${c}`), `${ON_TIME_FLAG} AS on_time`].join(', ');
  const part = (condition: string) => `SELECT ${columns} FROM dossier d WHERE ${condition}${filter}`;
  return [
    part('processing_ended_at >= :from AND processing_ended_at < :to AND received_at < :to'),
    part('processing_ended_at >= :to AND received_at < :to'),
    part('processing_ended_at IS NULL AND received_at IS NOT NULL AND received_at < :to'),
  ].join(' UNION ALL ');
}

/** The columns the aggregates read (all in the covering index on PostgreSQL). */
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

export const RECEIVED_IN_PERIOD = `d.received_at >= :from AND d.received_at < :to`;
export const ENDED_IN_PERIOD = `d.processing_ended_at IS NOT NULL AND d.processing_ended_at >= :from AND d.processing_ended_at < :to`;
// COALESCE: with a NULL rating the comparison would be NULL, and NOT NULL is not true.
export const DISSATISFIED_OR_COMPLAINED = `(COALESCE(d.rating, '') = 'dissatisfied' OR d.has_complaint = :yes)`;
export const PAID_ONLINE = `d.payment_method IN ('national_portal', 'provincial_portal', 'online_unspecified')`;
/** Result states: 4.1 only counts dossiers that got a result. */
export const RESULT_STATE = `d.state IN ('result_issued', 'returned')`;

/**
 * Column list of the one aggregate query over `scopeParts`: numerator and denominator of
 * every dossier ratio. PostgreSQL counts with FILTER (cheaper than SUM(CASE …)); SQLite
 * with SUM(CASE …). The conditions are the same text on both.
 */
export function countColumns(dialect: 'postgres' | 'sqlite'): Record<string, string> {
  const count = (condition: string) => (dialect === 'postgres' ? `COUNT(*) FILTER (WHERE ${condition})` : `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`);
  const ended22 = `${ENDED_IN_PERIOD} AND d.processing_working_minutes IS NOT NULL`;
  return {
  d_21: count('1 = 1'),
  n_21: count('d.on_time = 1'),
  d_recv: count(RECEIVED_IN_PERIOD),
  n_33: count(`${RECEIVED_IN_PERIOD} AND d.channel = 'online' AND (d.paper_result = :no OR d.e_result = :yes)`),
  d_36: count(`${RECEIVED_IN_PERIOD} AND d.fee_applies = :yes`),
  n_36: count(`${RECEIVED_IN_PERIOD} AND d.fee_applies = :yes AND ${PAID_ONLINE}`),
  d_41: count(`${ENDED_IN_PERIOD} AND d.paper_result = :yes AND ${RESULT_STATE}`),
  n_41: count(`${ENDED_IN_PERIOD} AND d.paper_result = :yes AND ${RESULT_STATE} AND d.e_result = :yes`),
  n_42: count(`${RECEIVED_IN_PERIOD} AND d.digitised = :yes AND (d.paper_result = :no OR d.e_result = :yes)`),
  n_43: count(`${RECEIVED_IN_PERIOD} AND d.reused_component = :yes`),
  n_dig: count(`${RECEIVED_IN_PERIOD} AND d.digitised = :yes`),
  n_54: count(`d.on_time = 1 AND NOT ${DISSATISFIED_OR_COMPLAINED}`),
  dissatisfied: count(DISSATISFIED_OR_COMPLAINED),
  // 2.2 sample: processing ended in the period, with its working time known.
  n_22: count(ended22),
  minutes_22: `SUM(CASE WHEN ${ended22} THEN d.processing_working_minutes ELSE 0 END)`,
  };
}
