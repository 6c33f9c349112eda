import { ColumnOptions } from 'typeorm';

/**
 * The SQL dialect, decided once per process from DATABASE_URL.
 *
 * Why this reads the environment at import time: TypeORM column types are fixed by
 * decorators when entity classes load, before any Nest provider exists, and SQLite
 * has no `timestamptz` while PostgreSQL has no `datetime` (n8n's `abstract-entity.ts`
 * makes the same choice). `loadAppConfig` parses the same variable, so they agree.
 */
export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(databaseUrl: string | undefined): Dialect {
  return databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl.trim()) ? 'postgres' : 'sqlite';
}

export const currentDialect: Dialect = dialectOf(process.env.DATABASE_URL);

/** Column type for instants: stored in UTC on both dialects. */
export function timestampType(dialect: Dialect = currentDialect): ColumnOptions['type'] {
  return dialect === 'postgres' ? 'timestamptz' : 'datetime';
}
