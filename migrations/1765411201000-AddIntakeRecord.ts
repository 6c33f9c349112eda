import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `dossier.intake_record`: what the clerk recorded as received per component at intake (form,
 * number of copies or not submitted; number of sets; log-book reference), printed on Mẫu 01
 * (issue #12). Plain ALTER TABLE: TypeORM's addColumn would rebuild the SQLite table.
 */
export class AddIntakeRecord1765411201000 implements MigrationInterface {
  name = 'AddIntakeRecord1765411201000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE dossier ADD COLUMN intake_record text NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE dossier DROP COLUMN intake_record');
  }
}
