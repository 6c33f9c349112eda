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
