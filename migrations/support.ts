import { QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Small column DSL so one migration serves both dialects (the n8n idea,
 * `migrations/dsl/column.ts`): logical types map to SQLite or PostgreSQL types.
 */
export function isPostgres(queryRunner: QueryRunner): boolean {
  return queryRunner.connection.driver.options.type === 'postgres';
}

export function col(queryRunner: QueryRunner) {
  const pg = isPostgres(queryRunner);
  return {
    id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true }),
    varchar: (name: string, length: number, nullable = false): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: nullable,
    }),
    text: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
    integer: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable }),
    boolean: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'boolean', isNullable: nullable }),
    /** A NOT NULL boolean with a default, written the way each dialect reads it back (SQLite stores 0/1). */
    flag: (name: string, value: boolean): TableColumnOptions => ({ name, type: 'boolean', isNullable: false, default: pg ? String(value) : value ? '1' : '0' }),
    timestamp: (name: string, nullable = false): TableColumnOptions => ({
      name,
      type: pg ? 'timestamptz' : 'datetime',
      isNullable: nullable,
    }),
  };
}
