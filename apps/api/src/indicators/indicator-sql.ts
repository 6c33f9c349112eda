/**
 * The method's rules of libs/indicators (predicates.ts), written as SQL over the stored portal
 * records (`portal_record`, one row per dossier, its columns read from the record by
 * `readRecord`), so a quarter report over a million dossiers is one aggregate over a few index
 * range scans. Kept in one place and checked against the reference implementation over the same
 * records on both dialects by test/integration/indicator-scope.int-spec.ts (every edge of the
 * scope ranges) and test/integration/indicator-records.int-spec.ts (random dossier histories).
 */
import type { Period } from '@motcua/indicators';

export type Dialect = 'postgres' | 'sqlite';

/** 2.1 (and 5.4) denominator: received by the period end, and ended in the period or still open at its end. */
export const IN_PERIOD_SCOPE = `r.received_at IS NOT NULL AND r.received_at < :to AND (r.processing_ended_at IS NULL OR r.processing_ended_at >= :from)`;

/** A result (processing ended in `result_issued` or `returned`). */
const RESULT_STATE = `r.end_state IN ('result_issued', 'returned')`;

/** `judged − (s1_completed − s1_requested) <= appointment`: the end, minus the time the applicant spent supplementing. */
function endMinusSupplementWithinAppointment(dialect: Dialect, judged: string): string {
  if (dialect === 'postgres') {
    return `${judged} - (r.s1_completed_at - r.s1_requested_at) <= r.appointment_at`;
  }
  // SQLite keeps instants as text; julianday() reads them exactly to the millisecond (an integer inside), the
  // difference is rounded back to whole milliseconds so that equality at the boundary holds.
  return `ROUND((julianday(${judged}) - julianday(r.s1_completed_at) + julianday(r.s1_requested_at) - julianday(r.appointment_at)) * 86400000) <= 0`;
}

/**
 * 2.1 on time (predicates.ts `isOnTime`), for the instant judged: `r.processing_ended_at` for a
 * dossier that ended in the period, `:to` for one open at the period end.
 */
export function onTimeCondition(dialect: Dialect, judged: string): string {
  const requestedBefore = 'r.s1_requested_at IS NOT NULL AND r.s1_requested_at < :to';
  return `(NOT (r.s2_requested_at IS NOT NULL AND r.s2_requested_at < :to) AND (r.appointment_at IS NULL OR CASE
      WHEN ${requestedBefore} AND (r.s1_completed_at IS NULL OR r.s1_completed_at >= ${judged}) THEN r.s1_requested_at <= r.appointment_at
      WHEN ${requestedBefore} THEN ${endMinusSupplementWithinAppointment(dialect, judged)}
      ELSE ${judged} <= r.appointment_at END))`;
}

/** `:to` as an instant PostgreSQL can subtract an interval from. */
function periodEnd(dialect: Dialect): string {
  return dialect === 'postgres' ? 'CAST(:to AS timestamptz)' : ':to';
}

/**
 * The fact columns the aggregates read (all in the covering indexes on PostgreSQL; migration
 * 1765152000000 lists them again, so a change here needs both indexes rebuilt).
 */
export const FACT_COLUMNS = [
  'received_at',
  'processing_ended_at',
  'end_state',
  's1_requested_at',
  's1_completed_at',
  's2_requested_at',
  'appointment_at',
  'channel',
  'paper_result',
  'e_result',
  'fee_bearing',
  'fees_all_zero',
  'paid_online',
  'digitised',
  'reused_component',
  'from_citizen_store',
  'rating',
  'has_complaint',
  'procedure_code',
  'processing_time_centi',
  'processing_time_unit',
  'imported',
];

/**
 * A dossier that ended more than this many days after the period end and still is in the scope
 * was open for longer than this. Such long runs are rare, and only they are in the partial index
 * ix_portal_record_long_running (same threshold and predicate): the scope never has to read every
 * dossier that ended after the period.
 */
export const LONG_RUNNING_DAYS = 60;
const LONG_RUNNING: Record<Dialect, string> = {
  postgres: `r.processing_ended_at - r.received_at > interval '${LONG_RUNNING_DAYS} days'`,
  sqlite: `julianday(r.processing_ended_at) - julianday(r.received_at) > ${LONG_RUNNING_DAYS}`,
};

/** How each scope part's dossiers stand at the period end: it decides the instant judged and which counters apply. */
type Standing = 'ended' | 'open';

/**
 * IN_PERIOD_SCOPE as four disjoint index ranges (each needs `received_at < :to`, which also
 * excludes never-received dossiers):
 * - ended in the period: ix_portal_record_facts on [from, to);
 * - ended after the period, within LONG_RUNNING_DAYS of its end: [to, horizon);
 * - ended later than that: received before `to` means a run longer than LONG_RUNNING_DAYS, so
 *   the partial index holds them all (the query repeats its predicate, which is implied);
 * - still open: processing_ended_at IS NULL.
 */
function scopeRanges(dialect: Dialect): Array<{ standing: Standing; where: string }> {
  return [
    { standing: 'ended', where: 'r.processing_ended_at >= :from AND r.processing_ended_at < :to AND r.received_at < :to' },
    { standing: 'open', where: 'r.processing_ended_at >= :to AND r.processing_ended_at < :horizon AND r.received_at < :to' },
    { standing: 'open', where: `r.processing_ended_at >= :horizon AND r.received_at < :to AND ${LONG_RUNNING[dialect]}` },
    { standing: 'open', where: 'r.processing_ended_at IS NULL AND r.received_at IS NOT NULL AND r.received_at < :to' },
  ];
}

/** Parameters of the scope ranges besides `from` and `to`: the long-run horizon and the report's instant (2.2). */
export function scopeParameters(period: Period): { horizon: Date; asOf: Date } {
  return { horizon: new Date(period.to.getTime() + LONG_RUNNING_DAYS * 86_400_000), asOf: period.asOf ?? period.to };
}

/** The fact columns the counters read as they are. */
const COUNTED_COLUMNS = ['received_at', 'channel', 'paper_result', 'e_result', 'fee_bearing', 'fees_all_zero', 'paid_online', 'digitised', 'reused_component', 'from_citizen_store'];

/**
 * The scope's rows, as one UNION ALL of its ranges, for one aggregate over all of them (on
 * PostgreSQL one parallel append of index-only scans). Each range states what it knows about its
 * rows, and the facts several counters test are derived once per row, so the aggregate above only
 * tests flags: `on_time` (the 2.1 rule at the instant the range's standing judges), `has_result`
 * (a result by the period end: 4.1, and the paper-result condition of 3.3 and 4.2), `dissatisfied`
 * and `rated` (5.4). The aggregate has no GROUP BY: 2.2, the one figure per procedure, is its own
 * query (`processingTimeQuery`; grouping the union made PostgreSQL sort the whole scope, to disk,
 * as it cannot estimate the groups of a union). `filter` is extra conditions on the records
 * (procedure, department, …).
 */
export function scopeParts(dialect: Dialect, filter: string): string {
  const columns = COUNTED_COLUMNS.map((c) => `r.${c}`).join(', ');
  return scopeRanges(dialect)
    .map(({ standing, where }) => {
      const [onTime, hasResult] = standing === 'ended' ? [onTimeCondition(dialect, 'r.processing_ended_at'), RESULT_STATE] : [onTimeCondition(dialect, periodEnd(dialect)), 'FALSE'];
      const derived = [
        `${onTime} AS on_time`,
        `${hasResult} AS has_result`,
        // COALESCE: with a NULL rating the comparison would be NULL, and NOT NULL is not true.
        `(COALESCE(r.rating, '') = 'dissatisfied' OR r.has_complaint = :yes) AS dissatisfied`,
        `(r.rating IS NOT NULL OR r.has_complaint = :yes) AS rated`,
      ].join(', ');
      return `SELECT ${derived}, ${columns} FROM portal_record r WHERE ${where}${filter}`;
    })
    .join(' UNION ALL ');
}

/**
 * Column list of the one aggregate query over `scopeParts`: numerator and denominator of every
 * dossier ratio. Within the scope every dossier was received before `to`, so "received in the
 * period" is `received_at >= :from`. PostgreSQL counts with FILTER (cheaper than SUM(CASE …));
 * SQLite with SUM(CASE …). The conditions are the same text on both.
 */
export function countColumns(dialect: Dialect): Record<string, string> {
  const count = (condition: string) => (dialect === 'postgres' ? `COUNT(*) FILTER (WHERE ${condition})` : `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`);
  const received = 'r.received_at >= :from';
  // 3.3 and 4.2: a paper result issued by the period end must be electronic.
  const resultCondition = 'NOT (r.paper_result = :yes AND r.has_result AND r.e_result = :no)';
  const payable = `r.fee_bearing = :yes AND r.fees_all_zero = :no AND ${received}`;
  return {
    d_21: 'COUNT(*)',
    n_21: count('r.on_time'),
    d_recv: count(received),
    n_33: count(`r.channel = 'online' AND ${resultCondition} AND ${received}`),
    n_online: count(`r.channel = 'online' AND ${received}`),
    n_direct: count(`r.channel = 'direct' AND ${received}`),
    n_postal: count(`r.channel = 'postal' AND ${received}`),
    d_36: count(payable),
    n_36: count(`r.paid_online IS NOT NULL AND ${payable}`),
    d_41: count('r.has_result AND r.paper_result = :yes'),
    n_41: count('r.e_result = :yes AND r.has_result AND r.paper_result = :yes'),
    n_42: count(`r.digitised = :yes AND ${resultCondition} AND ${received}`),
    n_43: count(`r.reused_component = :yes AND ${received}`),
    n_44: count(`r.from_citizen_store = :yes AND ${received}`),
    n_dig: count(`r.digitised = :yes AND ${received}`),
    n_dissatisfied: count('r.dissatisfied'),
    n_rated: count('r.rated'),
  };
}

/**
 * 2.2 per procedure and unit (predicates.ts `inProcessingTimeSample`): received in the period,
 * completed with a result by the report's instant. An index range on received_at (covering on
 * PostgreSQL, ix_portal_record_received), hashed into a few dozen groups. `filter` as for `scopeParts`.
 */
export function processingTimeQuery(filter: string): string {
  return `SELECT r.procedure_code AS procedure_code, r.processing_time_unit AS time_unit, COUNT(*) AS completed, SUM(r.processing_time_centi) AS centi
    FROM portal_record r
    WHERE r.received_at >= :from AND r.received_at < :to AND r.processing_ended_at < :asOf AND ${RESULT_STATE}
      AND r.processing_time_centi IS NOT NULL AND r.processing_time_unit IS NOT NULL${filter}
    GROUP BY r.procedure_code, r.processing_time_unit
    ORDER BY r.procedure_code, r.processing_time_unit`;
}
