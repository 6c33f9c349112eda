import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from './support';

/**
 * The citizen's sign-in with an identity provider (issue #16): the pending logins of the OpenID
 * Connect code flow (one-time state, PKCE verifier, nonce), and whether an online submission came
 * through a sign-in (the portal record's TaiKhoanDuocXacThucVoiVNeID).
 */
export class AddIdentitySignIn1766361600000 implements MigrationInterface {
  name = 'AddIdentitySignIn1766361600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = col(queryRunner);
    // online_submission has no raw-SQL index: its TypeORM indices survive SQLite's table rebuild.
    await queryRunner.createTable(
      new Table({
        name: 'identity_login',
        columns: [{ ...c.varchar('state_hash', 64), isPrimary: true }, c.varchar('code_verifier', 128), c.varchar('nonce', 64), c.varchar('return_to', 200), c.timestamp('created_at'), c.timestamp('expires_at')],
        indices: [new TableIndex({ name: 'ix_identity_login_expires', columnNames: ['expires_at'] })],
      }),
    );
    await queryRunner.addColumn('online_submission', new TableColumn(c.flag('identity_verified', false)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('online_submission', 'identity_verified');
    await queryRunner.dropTable('identity_login');
  }
}
