import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './support';

/** Citizen online submission (issue #16): a draft with the applicant's data and one file per component, until confirmed into a dossier. */
export class AddOnlineSubmissions1765929600000 implements MigrationInterface {
  name = 'AddOnlineSubmissions1765929600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = col(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'online_submission',
        columns: [
          c.id(),
          c.varchar('token_hash', 64),
          c.varchar('procedure_code', 64),
          c.varchar('procedure_version_id', 36),
          c.varchar('applicant_name', 255),
          c.varchar('applicant_id_number', 32),
          c.varchar('applicant_phone', 32, true),
          c.varchar('applicant_email', 255, true),
          c.varchar('applicant_address', 500, true),
          c.varchar('dossier_id', 36, true),
          c.timestamp('created_at'),
          c.timestamp('expires_at'),
          c.timestamp('confirmed_at', true),
        ],
        indices: [
          new TableIndex({ name: 'ux_online_submission_dossier', columnNames: ['dossier_id'], isUnique: true }),
          new TableIndex({ name: 'ix_online_submission_expires', columnNames: ['expires_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'online_submission_file',
        columns: [
          c.id(),
          c.varchar('submission_id', 36),
          c.varchar('component_key', 64),
          c.varchar('storage_key', 512),
          c.varchar('file_name', 255),
          c.varchar('content_type', 100),
          c.integer('size'),
          c.varchar('sha256', 64),
          c.timestamp('uploaded_at'),
        ],
        indices: [new TableIndex({ name: 'ux_online_submission_file_component', columnNames: ['submission_id', 'component_key'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('online_submission_file');
    await queryRunner.dropTable('online_submission');
  }
}
