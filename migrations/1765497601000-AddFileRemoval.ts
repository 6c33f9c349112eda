import { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from './support';

/**
 * A wrong scan or an unissued result can be removed (issue #15): the row stays, with purpose
 * `removed`, what it was before, who removed it, when and why; the stored object is kept.
 */
export class AddFileRemoval1765497601000 implements MigrationInterface {
  name = 'AddFileRemoval1765497601000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = isPostgres(queryRunner) ? 'timestamptz' : 'datetime';
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds an SQLite table and would drop raw-SQL indexes.
    await queryRunner.query('ALTER TABLE dossier_file ADD COLUMN removed_from varchar(24) NULL');
    await queryRunner.query(`ALTER TABLE dossier_file ADD COLUMN removed_at ${timestamp} NULL`);
    await queryRunner.query('ALTER TABLE dossier_file ADD COLUMN removed_by varchar(36) NULL');
    await queryRunner.query('ALTER TABLE dossier_file ADD COLUMN removed_reason varchar(500) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['removed_reason', 'removed_by', 'removed_at', 'removed_from']) await queryRunner.query(`ALTER TABLE dossier_file DROP COLUMN ${column}`);
  }
}
