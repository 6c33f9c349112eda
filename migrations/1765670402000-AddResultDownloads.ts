import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './support';

/** The audit of electronic-result downloads through the public link (issue #16). */
export class AddResultDownloads1765670402000 implements MigrationInterface {
  name = 'AddResultDownloads1765670402000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = col(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'result_download',
        columns: [c.id(), c.varchar('dossier_id', 36), c.varchar('file_id', 36), c.varchar('client_address', 64), c.timestamp('downloaded_at')],
        indices: [new TableIndex({ name: 'ix_result_download_dossier', columnNames: ['dossier_id', 'downloaded_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('result_download');
  }
}
