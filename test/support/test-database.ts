import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { currentDialect } from '@motcua/persistence';

export interface TestDatabase {
  /** DATABASE_URL for the app under test. */
  url: string;
  dialect: 'sqlite' | 'postgres';
  drop(): Promise<void>;
}

/**
 * DATABASE_URL of the run's template database: migrated and seeded (catalogue, demo accounts) once by
 * the e2e tier's globalSetup (test/support/global-setup.js), then copied for each test file.
 */
export const TEMPLATE_ENV = 'MOTCUA_TEST_TEMPLATE_DATABASE_URL';

/**
 * A database of its own per test file so runs and parallel workers never collide: a new PostgreSQL
 * database (created and dropped through the server in DATABASE_URL) or a new SQLite file in a
 * temporary folder. Empty by default (migration tests, the `migrate` command); `fromTemplate` gives a
 * copy of the run's migrated and seeded template instead (`CREATE DATABASE … TEMPLATE`, or a file
 * copy), which is what the application would have after its first boot. Without a template (a run
 * without the e2e globalSetup) it is empty, and the application migrates and seeds it itself.
 */
export async function createTestDatabase(options: { fromTemplate?: boolean; prefix?: string; copyOf?: TestDatabase } = {}): Promise<TestDatabase> {
  // `copyOf`: a copy of another test database, e.g. a backup to restore (nothing may be connected to it).
  const template = options.copyOf?.url ?? (options.fromTemplate ? process.env[TEMPLATE_ENV] : undefined);
  const prefix = options.prefix ?? 'motcua_test';
  const base = process.env.DATABASE_URL;
  if (currentDialect === 'postgres' && base) {
    const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
    await onServer(base, (c) => c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${new URL(template).pathname.slice(1)}` : ''}`));
    const url = new URL(base);
    url.pathname = `/${name}`;
    return { url: url.toString(), dialect: 'postgres', drop: () => onServer(base, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
  }
  const dir = mkdtempSync(join(tmpdir(), `${prefix.replace(/_/g, '-')}-`));
  const file = join(dir, 'test.sqlite');
  if (template) {
    const source = template.slice('sqlite:'.length);
    copyFileSync(source, file);
    // A template closed cleanly has no write-ahead log left; copy it if one is there.
    if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${file}-wal`);
  }
  return { url: `sqlite:${file}`, dialect: 'sqlite', drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function onServer(url: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
