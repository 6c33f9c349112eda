import { tmpdir } from 'node:os';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@motcua/persistence';
import { loadAppConfig } from '@config/app-config';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from '../../apps/api/src/database/entities';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('Migrations are the only schema authority', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadAppConfig({ DATABASE_URL: db.url, DATA_DIR: tmpdir() });
    ds = new DataSource(buildDataSourceOptions(config.database, { entities: ENTITIES, migrations: MIGRATIONS }));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it(`migrates an empty database (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'})`, async () => {
    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((M) => new M().name));
  });

  // The report's covering indexes live on portal_record since 1765152000000 (the dossier's were dropped there);
  // TypeORM would rebuild an SQLite table to alter it and lose these partial indexes written in raw SQL.
  it('keeps the indexes created in raw SQL (a later migration must not rebuild their table)', async () => {
    const names = ['ix_portal_record_facts', 'ix_portal_record_long_running'];
    const rows: Array<{ name: string }> = db.dialect === 'postgres'
      ? await ds.query(`SELECT indexname AS name FROM pg_indexes WHERE indexname = ANY($1)`, [names])
      : await ds.query(`SELECT name FROM sqlite_master WHERE type = 'index' AND name IN (?, ?)`, names);
    expect(rows.map((r) => r.name).sort()).toEqual(names);
  });

  it('leaves no difference between the entities and the migrated schema', async () => {
    const diff = await ds.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('reverts every migration and applies them again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    const tables = await ds.createQueryRunner().getTables(['dossier', 'app_user']);
    expect(tables).toEqual([]);
    await ds.runMigrations({ transaction: 'each' });
    const diff = await ds.driver.createSchemaBuilder().log();
    expect(diff.upQueries).toEqual([]);
  });
});
