import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './support';

/** One-time password-reset links issued by administrators; only the token's hash is stored (issue #15). */
export class AddPasswordResetLinks1766102400000 implements MigrationInterface {
  name = 'AddPasswordResetLinks1766102400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = col(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'password_reset_link',
        columns: [
          c.id(),
          c.varchar('user_id', 36),
          c.varchar('token_hash', 64),
          c.varchar('created_by', 36),
          c.timestamp('created_at'),
          c.timestamp('expires_at'),
          c.timestamp('used_at', true),
          c.timestamp('revoked_at', true),
        ],
        indices: [
          new TableIndex({ name: 'ix_password_reset_link_user', columnNames: ['user_id', 'created_at'] }),
          new TableIndex({ name: 'ux_password_reset_link_token', columnNames: ['token_hash'], isUnique: true }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('password_reset_link');
  }
}
