import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { insertSql, isUniqueViolation, updateSql } from '@motcua/persistence';

/**
 * One write a transition makes besides its compare-and-set, as SQL from the entity's metadata (so
 * column names, transformers and JSON are TypeORM's, as with `m.insert`/`m.update`; the text built
 * once per column set by libs/persistence statements.ts, or by TypeORM's query builder where that
 * does not apply) but not yet sent: on PostgreSQL the writes of a transition go to the server as
 * one statement (issue #17).
 */
export interface WriteStatement {
  table: string;
  kind: 'insert' | 'update';
  sql: string;
  parameters: unknown[];
}

/** An INSERT of one row of `entity`, not sent. */
export function insertStatement<T extends ObjectLiteral>(m: EntityManager, entity: EntityTarget<T>, values: Partial<T>): WriteStatement {
  const table = m.connection.getMetadata(entity).tableName;
  const fast = insertSql(m, entity, values);
  if (fast) return { table, kind: 'insert', ...fast };
  const qb = m.createQueryBuilder().insert().into(entity).values(values as never).updateEntity(false);
  const [sql, parameters] = qb.getQueryAndParameters();
  return { table, kind: 'insert', sql, parameters };
}

/** An UPDATE of `entity` rows matching `where` (SQL on column names, `:named` parameters), not sent. */
export function updateStatement<T extends ObjectLiteral>(m: EntityManager, entity: EntityTarget<T>, set: Partial<T>, where: string, parameters: ObjectLiteral): WriteStatement {
  const table = m.connection.getMetadata(entity).tableName;
  const fast = updateSql(m, entity, set, where, parameters);
  if (fast) return { table, kind: 'update', ...fast };
  const qb = m.createQueryBuilder().update(entity).set(set as never).where(where, parameters).updateEntity(false);
  const [sql, values] = qb.getQueryAndParameters();
  return { table, kind: 'update', sql, parameters: values };
}

/** Sends the writes one after another, in order (SQLite, and what one statement cannot say). */
export async function runWrites(m: EntityManager, writes: readonly WriteStatement[]): Promise<void> {
  for (const w of writes) await m.query(w.sql, w.parameters);
}

/**
 * Whether the writes mean the same as one data-modifying WITH statement: there every part sees
 * the rows as they were before the statement, so a table may be updated at most once, before any
 * insert into it (closing the open step, then opening the next, as the clock reports them), and
 * the compare-and-set's own table is not written again.
 */
export function fitsOneStatement(casTable: string, writes: readonly WriteStatement[]): boolean {
  const inserted = new Set<string>();
  const updated = new Set<string>();
  for (const w of writes) {
    if (w.table === casTable) return false;
    if (w.kind === 'update') {
      if (updated.has(w.table) || inserted.has(w.table)) return false;
      updated.add(w.table);
    } else inserted.add(w.table);
  }
  return true;
}

/**
 * PostgreSQL: the compare-and-set UPDATE and the writes that follow it as one statement (one
 * round trip instead of one per write): `WITH cas AS (UPDATE … RETURNING 1), w0 AS (…), … SELECT
 * COUNT(*) FROM cas`. Returns the rows the compare-and-set changed (0 = another request changed
 * the record first; the caller throws and the transaction rolls back the writes with it). A
 * unique violation of a write (the audit row of a version another request just wrote) means the
 * same, and is returned as 0.
 */
export async function casWithWrites(m: EntityManager, cas: WriteStatement, writes: readonly WriteStatement[]): Promise<number> {
  const parameters: unknown[] = [];
  // Each part numbers its parameters from $1: shift them past the parts before it.
  const renumber = (s: WriteStatement) => {
    const offset = parameters.length;
    parameters.push(...s.parameters);
    return s.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  };
  const parts = [`cas AS (${renumber(cas)} RETURNING 1)`, ...writes.map((w, i) => `w${i} AS (${renumber(w)})`)];
  try {
    const rows: Array<{ affected: number | string }> = await m.query(`WITH ${parts.join(', ')} SELECT COUNT(*) AS affected FROM cas`, parameters);
    return Number(rows[0]?.affected ?? 0);
  } catch (error) {
    if (isUniqueViolation(error)) return 0;
    throw error;
  }
}
