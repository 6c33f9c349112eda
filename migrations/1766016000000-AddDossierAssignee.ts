import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `dossier.assignee_id`: the one person working the dossier at its current step (issue #15,
 * claim / assign within the step's department). Null when nobody claimed it; cleared whenever the
 * dossier leaves the step. Indexed for the worklist's "của tôi" / "chưa giao" filters.
 */
export class AddDossierAssignee1766016000000 implements MigrationInterface {
  name = 'AddDossierAssignee1766016000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds an SQLite table and would drop raw-SQL indexes.
    await queryRunner.query('ALTER TABLE dossier ADD COLUMN assignee_id varchar(36) NULL');
    await queryRunner.query('CREATE INDEX ix_dossier_assignee ON dossier (assignee_id, due_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_dossier_assignee');
    await queryRunner.query('ALTER TABLE dossier DROP COLUMN assignee_id');
  }
}
