import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * SQL for the hot path (a transition's read and writes) from the entity's metadata, with each
 * value converted as TypeORM converts it (`preparePersistentValue` / `prepareHydratedValue`:
 * transformers, JSON, dates and booleans per dialect), the text built once per entity and column
 * set. TypeORM's query builder rebuilds and rescans the text on every call, which took more of a
 * transition's time than the database did (bench/, PROFILE=1). Anything these do not cover
 * (relations, embedded columns, raw SQL values) returns null and the caller uses TypeORM.
 */
export interface Statement {
  sql: string;
  parameters: unknown[];
}

const texts = new WeakMap<EntityMetadata, Map<string, { sql: string; names: string[] }>>();

function cached(metadata: EntityMetadata, key: string, build: () => { sql: string; names: string[] }) {
  let byKey = texts.get(metadata);
  if (!byKey) texts.set(metadata, (byKey = new Map()));
  let text = byKey.get(key);
  if (!text) byKey.set(key, (text = build()));
  return text;
}

/** The plain columns `values` sets (undefined skipped, as TypeORM does), or null when one is not plain. */
function plainColumns(metadata: EntityMetadata, values: ObjectLiteral): ColumnMetadata[] | null {
  const columns: ColumnMetadata[] = [];
  for (const key of Object.keys(values)) {
    const value: unknown = values[key];
    if (value === undefined) continue;
    const column = metadata.findColumnWithPropertyName(key);
    if (!column || column.relationMetadata || column.embeddedMetadata || column.isVirtual || typeof value === 'function') return null;
    columns.push(column);
  }
  return columns;
}

function isPostgres(m: EntityManager): boolean {
  return m.connection.driver.options.type === 'postgres';
}

/** A value as the driver receives it: what TypeORM's `escapeQueryWithParameters` does per dialect. */
function persistent(m: EntityManager, column: ColumnMetadata, values: ObjectLiteral): unknown {
  const value: unknown = m.connection.driver.preparePersistentValue(column.getEntityValue(values), column);
  if (isPostgres(m)) return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  // Only a value of a column type TypeORM does not convert can still be a Date here.
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
  return value;
}

/** `:name` parameters of a WHERE text as the dialect's placeholders from `first`, with their names in order. */
function placeholders(m: EntityManager, where: string, first: number): { sql: string; names: string[] } {
  const names: string[] = [];
  const sql = where.replace(/(?<!:):([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    names.push(name);
    return isPostgres(m) ? `$${first + names.length - 1}` : '?';
  });
  return { sql, names };
}

/** An INSERT of one row of `entity` with the columns `values` sets (the others take their defaults). */
export function insertSql<T extends ObjectLiteral>(m: EntityManager, entity: EntityTarget<T>, values: Partial<T>): Statement | null {
  const metadata = m.connection.getMetadata(entity);
  const columns = plainColumns(metadata, values);
  if (!columns || columns.length === 0) return null;
  const driver = m.connection.driver;
  const { sql } = cached(metadata, `insert\u0001${columns.map((c) => c.propertyName).join(',')}`, () => ({
    sql: `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES (${columns
      .map((_, i) => (isPostgres(m) ? `$${i + 1}` : '?'))
      .join(', ')})`,
    names: [],
  }));
  return { sql, parameters: columns.map((c) => persistent(m, c, values)) };
}

/**
 * An UPDATE of the `entity` rows matching `where` (SQL on column names with `:named` parameters,
 * each a string or a number) to the columns `set` sets.
 */
export function updateSql<T extends ObjectLiteral>(m: EntityManager, entity: EntityTarget<T>, set: Partial<T>, where: string, parameters: ObjectLiteral): Statement | null {
  const metadata = m.connection.getMetadata(entity);
  const columns = plainColumns(metadata, set);
  if (!columns || columns.length === 0) return null;
  if (Object.values(parameters).some((v) => typeof v !== 'string' && typeof v !== 'number')) return null;
  const driver = m.connection.driver;
  const text = cached(metadata, `update\u0001${columns.map((c) => c.propertyName).join(',')}\u0001${where}`, () => {
    const condition = placeholders(m, where, columns.length + 1);
    const assignments = columns.map((c, i) => `${driver.escape(c.databaseName)} = ${isPostgres(m) ? `$${i + 1}` : '?'}`);
    return { sql: `UPDATE ${driver.escape(metadata.tableName)} SET ${assignments.join(', ')} WHERE ${condition.sql}`, names: condition.names };
  });
  if (text.names.some((name) => !(name in parameters))) return null;
  return { sql: text.sql, parameters: [...columns.map((c) => persistent(m, c, set)), ...text.names.map((name) => parameters[name])] };
}

/** The row of `entity` whose primary key (one column) is `id`, as `findOne` would give it. */
export async function findById<T extends ObjectLiteral>(m: EntityManager, entity: EntityTarget<T>, id: string): Promise<T | null> {
  const metadata = m.connection.getMetadata(entity);
  const [primary, ...more] = metadata.primaryColumns;
  if (!primary || more.length > 0) throw new Error(`findById needs one primary key column, and ${metadata.name} has ${metadata.primaryColumns.length}`);
  const columns = metadata.columns.filter((c) => !c.isVirtual && !c.relationMetadata && !c.embeddedMetadata);
  if (columns.length !== metadata.columns.length) return m.findOne(entity, { where: { [primary.propertyName]: id } as never });
  const driver = m.connection.driver;
  const { sql } = cached(metadata, 'select-by-id', () => ({
    sql: `SELECT ${columns.map((c) => driver.escape(c.databaseName)).join(', ')} FROM ${driver.escape(metadata.tableName)} WHERE ${driver.escape(primary.databaseName)} = ${isPostgres(m) ? '$1' : '?'}`,
    names: [],
  }));
  const rows: Array<Record<string, unknown>> = await m.query(sql, [id]);
  if (rows.length === 0) return null;
  const row = metadata.create() as T;
  for (const c of columns) c.setEntityValue(row, driver.prepareHydratedValue(rows[0][c.databaseName], c));
  return row;
}
