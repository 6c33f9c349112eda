import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `app_user.title`: the official's title (chức danh, e.g. "Chuyên viên", "Phó Giám đốc"), printed
 * with the full name under the signature of the papers (issue #12). Nullable: accounts created
 * before it have none until an administrator sets it.
 */
export class AddStaffTitles1765411200000 implements MigrationInterface {
  name = 'AddStaffTitles1765411200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE app_user ADD COLUMN title varchar(255) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE app_user DROP COLUMN title');
  }
}
