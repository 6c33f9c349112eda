import { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from './support';

/**
 * The search folding of @motcua/text as it stood when this migration shipped, copied so that the
 * migration never changes when the library does: no marks, đ as d, lower case, single spaces.
 */
function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim()
    .replace(/\s+/gu, ' ');
}

/** Rows read and written per round trip while filling the new column. */
const BATCH = 1000;

/**
 * `dossier.applicant_name_search`: the applicant's name as search compares it (no case, no
 * diacritics, either Unicode form), written with the name, so that "nguyen thi" finds "Nguyễn Thị"
 * on SQLite and PostgreSQL alike (issue #14, D21). Existing rows are filled here.
 */
export class AddApplicantNameSearch1765324800000 implements MigrationInterface {
  name = 'AddApplicantNameSearch1765324800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Plain ALTER TABLE on both dialects: TypeORM's addColumn rebuilds an SQLite table, which would
    // drop the indexes created in raw SQL (ix_dossier_facts, ix_dossier_long_running).
    await queryRunner.query(`ALTER TABLE dossier ADD COLUMN applicant_name_search varchar(255) NOT NULL DEFAULT ''`);
    const pg = isPostgres(queryRunner);
    for (let after = ''; ; ) {
      const rows: Array<{ id: string; applicant_name: string }> = await queryRunner.query(
        `SELECT id, applicant_name FROM dossier WHERE id > ${pg ? '$1' : '?'} ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      const folded = rows.map((r) => [r.id, foldForSearch(r.applicant_name).slice(0, 255)]);
      if (pg) {
        const values = folded.map((_, i) => `($${2 * i + 1}::varchar, $${2 * i + 2}::varchar)`).join(', ');
        await queryRunner.query(`UPDATE dossier AS d SET applicant_name_search = v.s FROM (VALUES ${values}) AS v(id, s) WHERE d.id = v.id`, folded.flat());
      } else {
        for (const [id, s] of folded) await queryRunner.query('UPDATE dossier SET applicant_name_search = ? WHERE id = ?', [s, id]);
      }
      after = rows[rows.length - 1].id;
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE dossier DROP COLUMN applicant_name_search');
  }
}
