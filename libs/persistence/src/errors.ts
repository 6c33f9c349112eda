/** True when a driver error is a unique-constraint violation, on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  const code = e?.driverError?.code ?? e?.code;
  // PostgreSQL: 23505 unique_violation. better-sqlite3: SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY.
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Socket and PostgreSQL error codes that mean "the database cannot be talked to right now":
 * Node socket failures (refused, reset, unreachable, timed out, name resolution), SQLSTATE class 08
 * (connection exception), 57P01–57P03 (administrator / crash shutdown, cannot connect now: a
 * stopping or starting server) and 53300 (too many connections).
 */
const CONNECTION_FAILURE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
  '57P01', // admin_shutdown (pg_ctl stop -m fast terminates sessions)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up or shutting down)
  '53300', // too_many_connections
]);

/**
 * Connection failures that node-postgres and pg-pool report without a code, by message. Seen when
 * PostgreSQL is stopped under load: a session killed mid-query ("Connection terminated
 * unexpectedly"), a pooled client reused after its socket failed, or no connection within the
 * pool's `connectionTimeoutMillis` ("timeout exceeded when trying to connect").
 */
const CONNECTION_FAILURE_MESSAGES = [
  /^Connection terminated\b/, // pg Client: "… unexpectedly", "… due to connection timeout", plain "Connection terminated"
  /^timeout exceeded when trying to connect$/, // pg-pool connectionTimeoutMillis
  /^Client has encountered a connection error and is not queryable$/, // pg Client after a socket error
  /^Client was closed and is not queryable$/, // pg Client after end()
];

/**
 * TypeORM's errors for a query runner released under a transaction: `QueryRunnerAlreadyReleasedError`
 * from the runner itself, `QueryRunnerProviderAlreadyReleasedError` from `manager.query()` on the
 * transaction's EntityManager (raw SQL such as the transition's compare-and-set statement).
 */
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/**
 * True when the database could not be reached or the connection broke (refused, reset, server
 * shutting down or starting, too many clients, connect timeout): the HTTP layer answers 503 and
 * the client may retry (transitions carry expectedVersion, creates an Idempotency-Key).
 *
 * Looks at the error, TypeORM's `driverError`, a `cause` and the members of an AggregateError (Node's
 * dual-stack connect). A released query runner counts too (`RELEASED_RUNNER_ERRORS`): TypeORM releases a query runner
 * when its pooled connection emits "error" (the server terminated it), so the rest of that
 * transaction — its COMMIT included — fails with this error instead of the driver's. Nothing of such
 * a transaction was committed. (Outside an outage it would mean a programming error; the filter logs
 * every 5xx, 503 included, so it would not go unnoticed.)
 */
export function isConnectionFailure(error: unknown): boolean {
  return failureIn(error, 0);
}

function failureIn(error: unknown, depth: number): boolean {
  if (error === null || typeof error !== 'object' || depth > 3) return false;
  const e = error as { code?: unknown; name?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && CONNECTION_FAILURE_CODES.has(e.code)) return true;
  if (typeof e.name === 'string' && RELEASED_RUNNER_ERRORS.has(e.name)) return true;
  if (typeof e.message === 'string' && CONNECTION_FAILURE_MESSAGES.some((m) => m.test(e.message as string))) return true;
  if (failureIn(e.driverError, depth + 1) || failureIn(e.cause, depth + 1)) return true;
  return Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every((x) => failureIn(x, depth + 1));
}

/**
 * PostgreSQL chose this transaction as the victim of a deadlock (40P01) or of a serialisation
 * conflict (40001): it was rolled back whole, and the same request sent again will normally pass.
 * (Concurrent writers of the indicator buckets lock rows in one order; a transaction that moves
 * them several times, such as a calendar reload over many dossiers, can still meet another in
 * the opposite order.)
 */
export function isTransientConflict(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return code === '40P01' || code === '40001';
}
