import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col, isPostgres } from './support';

/**
 * Digitisation codes come from a per-dossier counter, and are unique. They were `count + 1` read
 * inside the storing transaction, so parallel uploads on PostgreSQL shared numbers (issue #14,
 * D15). Codes already issued twice keep their first holder; the later files get the next free
 * numbers of their dossier. The counter starts where each dossier's files left it.
 */
export class UniqueDigitisationCodes1765238400000 implements MigrationInterface {
  name = 'UniqueDigitisationCodes1765238400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = col(queryRunner);
    await queryRunner.createTable(
      new Table({ name: 'digitisation_code_sequence', columns: [{ ...c.varchar('dossier_id', 36), isPrimary: true }, c.integer('last_value')] }),
    );
    const p = (i: number) => (isPostgres(queryRunner) ? `$${i}` : '?');
    // Codes were `count + 1` and files are never deleted, so a dossier's count is its highest number so far.
    await queryRunner.query(
      `INSERT INTO digitisation_code_sequence (dossier_id, last_value)
       SELECT dossier_id, COUNT(*) FROM dossier_file WHERE digitisation_code IS NOT NULL GROUP BY dossier_id`,
    );
    const duplicates: Array<{ id: string; dossier_id: string; digitisation_code: string }> = await queryRunner.query(
      `SELECT id, dossier_id, digitisation_code FROM dossier_file WHERE digitisation_code IN
         (SELECT digitisation_code FROM dossier_file WHERE digitisation_code IS NOT NULL GROUP BY digitisation_code HAVING COUNT(*) > 1)
       ORDER BY dossier_id, digitisation_code, uploaded_at, id`,
    );
    const firstHolders = new Set<string>();
    for (const file of duplicates) {
      if (!firstHolders.has(file.digitisation_code)) {
        firstHolders.add(file.digitisation_code);
        continue;
      }
      const taken = new Set(
        (await queryRunner.query(`SELECT digitisation_code FROM dossier_file WHERE dossier_id = ${p(1)}`, [file.dossier_id])).map((r: { digitisation_code: string }) => r.digitisation_code),
      );
      const [{ last_value }] = await queryRunner.query(`SELECT last_value FROM digitisation_code_sequence WHERE dossier_id = ${p(1)}`, [file.dossier_id]);
      const prefix = file.digitisation_code.replace(/-SH\d+$/, '');
      let n = Number(last_value);
      let code: string;
      do code = `${prefix}-SH${String(++n).padStart(2, '0')}`;
      while (taken.has(code));
      await queryRunner.query(`UPDATE dossier_file SET digitisation_code = ${p(1)} WHERE id = ${p(2)}`, [code, file.id]);
      await queryRunner.query(`UPDATE digitisation_code_sequence SET last_value = ${p(1)} WHERE dossier_id = ${p(2)}`, [n, file.dossier_id]);
    }
    await queryRunner.createIndex('dossier_file', new TableIndex({ name: 'ux_dossier_file_digitisation_code', columnNames: ['digitisation_code'], isUnique: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('dossier_file', 'ux_dossier_file_digitisation_code');
    await queryRunner.dropTable('digitisation_code_sequence');
  }
}
