import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An online submission's own reference (issue #12): the receipt code is issued only when the clerk
 * accepts it (TT 01/2018 Art 19 numbers receipts by the receipt date), so until then it is known by
 * this reference, which it keeps afterwards. Existing dossiers keep their codes and have none.
 * Plain ALTER TABLE: TypeORM's addColumn rebuilds an SQLite table and would drop raw-SQL indexes.
 */
export class AddSubmissionRef1765756800000 implements MigrationInterface {
  name = 'AddSubmissionRef1765756800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE dossier ADD COLUMN submission_ref varchar(48) NULL');
    await queryRunner.query('CREATE UNIQUE INDEX uq_dossier_submission_ref ON dossier (submission_ref)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX uq_dossier_submission_ref');
    await queryRunner.query('ALTER TABLE dossier DROP COLUMN submission_ref');
  }
}
