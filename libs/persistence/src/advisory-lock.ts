import type { DataSource } from 'typeorm';

/**
 * Runs `work` while holding a PostgreSQL session advisory lock on its own connection, so that
 * processes doing the same one-off work at once (migrations, startup seeding) take turns; the
 * later one then finds the work done. SQLite needs none: one process writes at a time.
 */
export async function withAdvisoryLock<T>(dataSource: DataSource, key: number, work: () => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'postgres') return work();
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [key]);
    try {
      return await work();
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
    }
  } finally {
    await lock.release();
  }
}
