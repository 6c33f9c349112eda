import { chmodSync, existsSync } from 'node:fs';
import { DataSourceOptions } from 'typeorm';
import type { Database } from 'better-sqlite3';

export type DatabaseTarget = { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };

export interface DataSourceParts {
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

/**
 * One switch between the embedded default (SQLite file via better-sqlite3) and
 * PostgreSQL. Migrations are the only schema authority: `synchronize` is off on both.
 */
export function buildDataSourceOptions(target: DatabaseTarget, parts: DataSourceParts): DataSourceOptions {
  const common = {
    entities: parts.entities,
    migrations: parts.migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each' as const,
    // Expected failures (unique violations on idempotent retries) are handled by callers;
    // unexpected ones reach the HTTP error filter, which logs them.
    logging: false,
  };
  if (target.type === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: target.url,
      // Fail fast while the database is down instead of queueing requests forever.
      extra: { max: 20, connectionTimeoutMillis: 3000, idleTimeoutMillis: 30000 },
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: target.path,
    enableWAL: true,
    prepareDatabase: (db: Database) => {
      restrictToOwner(target.path);
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
}

/**
 * The database holds personal data: readable and writable by the service account only. SQLite
 * creates the -wal and -shm files with the main file's permissions, so fixing the main file (and
 * any existing companions, from an older version) covers them.
 */
function restrictToOwner(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}
