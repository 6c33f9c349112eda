import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DataSource } from 'typeorm';

/** What is stored, per table (and the file store), reduced to a checksum that any change to any row changes. */
export type Fingerprint = Record<string, string>;

/**
 * Fingerprints of the whole stored state, cheap enough to take after every request: per table the
 * row count and the sum of a hash of every row, computed by the database (order-independent, one
 * round trip); and the file store's list of files with their sizes.
 *
 * The rows are hashed again only when something may have written since the last time: SQLite's
 * `total_changes()` of the service's one connection, PostgreSQL's next transaction id (every write
 * needs one). Both also move for writes that were rolled back; then the hashes tell.
 */
export class StoreFingerprint {
  private readonly sql: string;
  private readonly writeMark: string;
  private last: { mark: unknown; rows: Fingerprint } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly filesRoot: string | null,
  ) {
    const tables = [...new Set(dataSource.entityMetadatas.map((m) => m.tableName))].sort();
    if (dataSource.options.type === 'postgres') {
      this.writeMark = 'SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS mark';
      this.sql = tables.map((t) => `SELECT '${t}' AS t, COUNT(*)::text AS n, COALESCE(SUM(hashtext(x::text)::bigint), 0)::text AS h FROM "${t}" x`).join(' UNION ALL ');
    } else {
      this.writeMark = 'SELECT total_changes() AS mark';
      const db = (dataSource.driver as unknown as { databaseConnection: { function(name: string, options: object, fn: (...args: unknown[]) => number): void } }).databaseConnection;
      db.function('fuzz_row_hash', { varargs: true, deterministic: true }, (...values: unknown[]) => fnv1a(JSON.stringify(values, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? String(v) : v))));
      this.sql = tables
        .map((t) => {
          const columns = dataSource.entityMetadatas.find((m) => m.tableName === t)!.columns.map((c) => `"${c.databaseName}"`);
          return `SELECT '${t}' AS t, COUNT(*) AS n, TOTAL(fuzz_row_hash(${columns.join(', ')})) AS h FROM "${t}"`;
        })
        .join(' UNION ALL ');
    }
  }

  async take(): Promise<Fingerprint> {
    const [{ mark }] = await this.dataSource.query(this.writeMark);
    if (this.last === null || this.last.mark !== mark) {
      const rows: Array<{ t: string; n: unknown; h: unknown }> = await this.dataSource.query(this.sql);
      this.last = { mark, rows: Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`])) };
    }
    const tables = this.last.rows;
    return this.filesRoot ? { ...tables, '<files>': filesChecksum(this.filesRoot) } : { ...tables };
  }
}

/** Names of the parts that differ. */
export function changedParts(before: Fingerprint, after: Fingerprint): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]);
}

function filesChecksum(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) walk(path);
      else hash.update(`${relative(root, path)}:${stat.size}\n`);
    }
  };
  walk(root);
  return hash.digest('hex');
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
