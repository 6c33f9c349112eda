import { EntityManager } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';

export interface ClaimRequest {
  now: Date;
  leaseUntil: Date;
  workerId: string;
  limit: number;
}

// Due: pending and due, or delivering with its lease run out (next_attempt_at = locked_until).
// Ordered: no earlier version of the same aggregate still waits on the same channel, so a DVCQG
// record of version 3 never overtakes version 2 (a dead message no longer holds the others back).
const DUE = `o.status IN ('pending', 'delivering') AND o.next_attempt_at <= {now}
  AND NOT EXISTS (
    SELECT 1 FROM outbox_message e
    WHERE e.aggregate_id = o.aggregate_id AND e.aggregate_type = o.aggregate_type AND e.channel = o.channel
      AND e.aggregate_version < o.aggregate_version AND e.status IN ('pending', 'delivering'))`;

/**
 * PostgreSQL: several dispatchers claim at once. FOR UPDATE SKIP LOCKED makes each skip rows
 * another is claiming; when a row it waited on was claimed meanwhile, PostgreSQL re-checks the
 * WHERE clause on the new row version, whose next_attempt_at is now the lease end, so it drops out.
 */
const POSTGRES_CLAIM = `
WITH due AS (
  SELECT o.id FROM outbox_message o
  WHERE ${DUE.replace('{now}', '$1')}
  ORDER BY o.next_attempt_at, o.created_at
  LIMIT $2
  FOR UPDATE OF o SKIP LOCKED
)
UPDATE outbox_message m
SET status = 'delivering', attempts = m.attempts + 1, locked_by = $3, locked_until = $4, next_attempt_at = $4
FROM due WHERE m.id = due.id
RETURNING m.id`;

/** SQLite has one writer at a time: the UPDATE … RETURNING is atomic by itself. */
const SQLITE_CLAIM = `
UPDATE outbox_message
SET status = 'delivering', attempts = attempts + 1, locked_by = ?, locked_until = ?, next_attempt_at = ?
WHERE id IN (
  SELECT o.id FROM outbox_message o
  WHERE ${DUE.replace('{now}', '?')}
  ORDER BY o.next_attempt_at, o.created_at
  LIMIT ?)
RETURNING id`;

/** Claims up to `limit` due messages for `workerId` until `leaseUntil`; returns their ids. Run inside a transaction. */
export async function claimDue(m: EntityManager, r: ClaimRequest): Promise<string[]> {
  const runner = m.queryRunner;
  if (!runner) throw new Error('claimDue must run inside a transaction');
  const postgres = m.connection.driver.options.type === 'postgres';
  // better-sqlite3 cannot bind Date objects: use TypeORM's own datetime text format, which compares as text.
  const ts = (d: Date) => (postgres ? d : DateUtils.mixedDateToUtcDatetimeString(d));
  const result = postgres
    ? await runner.query(POSTGRES_CLAIM, [r.now, r.limit, r.workerId, r.leaseUntil], true)
    : await runner.query(SQLITE_CLAIM, [r.workerId, ts(r.leaseUntil), ts(r.leaseUntil), ts(r.now), r.limit], true);
  return (result.records as Array<{ id: string }>).map((row) => row.id);
}
