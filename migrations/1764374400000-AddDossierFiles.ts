import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from './support';

/** Stored files (digitised components, results, generated forms) and the dossier's file facts. */
export class AddDossierFiles1764374400000 implements MigrationInterface {
  name = 'AddDossierFiles1764374400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = col(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'dossier_file',
        columns: [
          c.id(),
          c.varchar('dossier_id', 36),
          c.varchar('applicant_id_number', 32),
          c.varchar('purpose', 24),
          c.varchar('component_key', 64, true),
          c.varchar('storage_key', 512),
          c.varchar('file_name', 255),
          c.varchar('content_type', 100),
          c.integer('size'),
          c.varchar('sha256', 64),
          c.varchar('uploaded_by', 36),
          c.timestamp('uploaded_at'),
          c.varchar('digitisation_code', 64, true),
          c.text('metadata', true),
          c.text('signature', true),
          c.varchar('signature_key', 512, true),
          c.varchar('reused_from', 36, true),
        ],
        indices: [
          new TableIndex({ name: 'ix_dossier_file_dossier', columnNames: ['dossier_id', 'purpose'] }),
          new TableIndex({ name: 'ix_dossier_file_applicant', columnNames: ['applicant_id_number', 'purpose'] }),
        ],
      }),
    );
    await queryRunner.addColumns('dossier', [
      new TableColumn(c.flag('digitised', false)),
      new TableColumn(c.flag('reused_component', false)),
      new TableColumn(c.flag('e_result', false)),
      new TableColumn(c.varchar('lookup_secret', 64, true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['lookup_secret', 'e_result', 'reused_component', 'digitised']) await queryRunner.dropColumn('dossier', name);
    await queryRunner.dropTable('dossier_file');
  }
}
