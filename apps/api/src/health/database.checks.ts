import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadinessRegistry } from './readiness.registry';

/**
 * Registers the database's readiness checks:
 * - `database`: the connection answers `SELECT 1` (the registry's timeout bounds a hung one);
 * - `migrations`: every migration this code ships is recorded as applied. With MIGRATIONS_RUN=off
 *   a new version must not take traffic before the one-shot `migrate` has run.
 */
@Injectable()
export class DatabaseChecks implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register('database', () => this.ping());
    this.readiness.register('migrations', () => this.migrations());
  }

  private async ping() {
    await this.dataSource.query('SELECT 1');
    return { ok: true, detail: this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite' };
  }

  private async migrations() {
    // Read the table directly: TypeORM's showMigrations() would create it when missing.
    const table = this.dataSource.options.migrationsTableName ?? 'migrations';
    const rows: Array<{ name: string }> = await this.dataSource.query(`SELECT name FROM "${table}"`);
    const applied = new Set(rows.map((r) => r.name));
    const pending = this.dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !applied.has(name));
    if (pending.length === 0) return { ok: true, detail: `${applied.size} applied` };
    return { ok: false, detail: `${pending.length} pending: ${pending.join(', ')}` };
  }
}
