import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Parameters per statement: below PostgreSQL's 65,535 and SQLite's 32,766, and small enough for a short SQL text. */
const MAX_PARAMETERS = 2000;

/**
 * Inserts many rows of an entity with plain multi-row INSERT statements, each value converted as
 * TypeORM would store it (dates, JSON, booleans per dialect). For bulk writes such as an import:
 * TypeORM's query builder checks each parameter against all earlier ones (quadratic in the rows of
 * one statement) and allocates per row far more than the row itself, which a long transaction then
 * carries to the old generation of the heap.
 */
export async function bulkInsert<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: readonly T[]): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
  const columns = metadata.columns.filter((c) => !c.isVirtual);
  const driver = manager.connection.driver;
  const postgres = driver.options.type === 'postgres';
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const head = `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const parameters: unknown[] = [];
    const tuples = chunk.map((row) => {
      const marks = columns.map((column) => {
        parameters.push(driver.preparePersistentValue(column.getEntityValue(row), column));
        return postgres ? `$${parameters.length}` : '?';
      });
      return `(${marks.join(', ')})`;
    });
    await manager.query(head + tuples.join(', '), parameters);
  }
}
