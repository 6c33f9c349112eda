import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@motcua/persistence';
import { loadAppConfig } from '@config/app-config';
import { MIGRATIONS } from '../../migrations';
import { UniqueDigitisationCodes1765238400000 } from '../../migrations/1765238400000-UniqueDigitisationCodes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The migration that makes digitisation codes unique (issue #14, D15) on a database where parallel
 * uploads already issued a code twice: the first holder keeps it, the later file gets the next free
 * number of its dossier, and the per-dossier counter continues after it.
 */
describe('UniqueDigitisationCodes on codes already issued twice', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(UniqueDigitisationCodes1765238400000));

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadAppConfig({ DATABASE_URL: db.url, DATA_DIR: tmpdir() });
    ds = new DataSource(buildDataSourceOptions(config.database, { entities: [], migrations: before }));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
  }, 60_000);
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('renumbers the later holders and starts each counter after the highest number', async () => {
    const p = (i: number) => (db.dialect === 'postgres' ? `$${i}` : '?');
    const insert = async (dossier: string, code: string | null, minute: number) => {
      const values = [randomUUID(), dossier, '012345678901', code ? 'component' : 'receipt', `k/${randomUUID()}`, 'x.pdf', 'application/pdf', 1, 'ab', 'u', new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(), code];
      await ds.query(
        `INSERT INTO dossier_file (id, dossier_id, applicant_id_number, purpose, storage_key, file_name, content_type, size, sha256, uploaded_by, uploaded_at, digitisation_code)
         VALUES (${values.map((_, i) => p(i + 1)).join(', ')})`,
        values,
      );
    };
    const a = randomUUID();
    const b = randomUUID();
    await insert(a, 'A-SH01', 1);
    await insert(a, 'A-SH02', 2);
    await insert(a, 'A-SH02', 3);
    await insert(a, 'A-SH03', 4);
    await insert(a, null, 5);
    await insert(b, 'B-SH01', 1);
    await insert(b, 'B-SH01', 2);

    const all = new DataSource({ ...ds.options, migrations: MIGRATIONS } as never);
    await all.initialize();
    try {
      await all.runMigrations({ transaction: 'each' });
      const rows: Array<{ dossier_id: string; digitisation_code: string | null; uploaded_at: unknown }> = await all.query(
        'SELECT dossier_id, digitisation_code, uploaded_at FROM dossier_file WHERE digitisation_code IS NOT NULL ORDER BY uploaded_at, digitisation_code',
      );
      const codesOf = (d: string) => rows.filter((r) => r.dossier_id === d).map((r) => r.digitisation_code);
      expect(codesOf(a)).toEqual(['A-SH01', 'A-SH02', 'A-SH05', 'A-SH03']);
      expect(codesOf(b)).toEqual(['B-SH01', 'B-SH03']);
      const counters: Array<{ dossier_id: string; last_value: number | string }> = await all.query('SELECT dossier_id, last_value FROM digitisation_code_sequence');
      expect(Object.fromEntries(counters.map((c) => [c.dossier_id, Number(c.last_value)]))).toEqual({ [a]: 5, [b]: 3 });
      await expect(insert(a, 'A-SH05', 9)).rejects.toThrow();
    } finally {
      await all.destroy();
    }
  });
});
