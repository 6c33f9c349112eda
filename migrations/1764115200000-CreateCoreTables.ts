import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './support';

/** Catalogue, users, dossiers and their audit trail. */
export class CreateCoreTables1764115200000 implements MigrationInterface {
  name = 'CreateCoreTables1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = col(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'department',
        columns: [
          { ...c.varchar('code', 32), isPrimary: true },
          c.varchar('name', 255),
          c.timestamp('created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'procedure',
        columns: [
          { ...c.varchar('code', 64), isPrimary: true },
          c.integer('current_version'),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'procedure_version',
        columns: [
          c.id(),
          c.varchar('procedure_code', 64),
          c.integer('version'),
          c.text('name'),
          c.varchar('field', 255),
          c.integer('processing_amount', true),
          c.varchar('processing_unit', 20, true),
          c.integer('fee_amount_vnd', true),
          c.text('fee_text', true),
          c.varchar('online_level', 20, true),
          c.boolean('paper_result'),
          c.text('result_name', true),
          c.text('components'),
          c.text('definition'),
          c.varchar('created_by', 36, true),
          c.timestamp('created_at'),
        ],
        indices: [new TableIndex({ name: 'uq_procedure_version', columnNames: ['procedure_code', 'version'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'procedure_step',
        columns: [
          c.id(),
          c.varchar('procedure_version_id', 36),
          c.integer('position'),
          c.varchar('step_key', 64),
          c.varchar('name', 255),
          c.varchar('department_code', 32),
          c.varchar('role', 20),
          c.integer('working_days'),
        ],
        indices: [
          new TableIndex({ name: 'uq_procedure_step_position', columnNames: ['procedure_version_id', 'position'], isUnique: true }),
          new TableIndex({ name: 'ix_procedure_step_department', columnNames: ['department_code', 'procedure_version_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'app_user',
        columns: [
          c.id(),
          { ...c.varchar('username', 64), isUnique: true },
          c.varchar('full_name', 255),
          c.varchar('password_hash', 255),
          c.text('roles'),
          c.varchar('department_code', 32, true),
          c.boolean('active'),
          c.timestamp('created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'dossier',
        columns: [
          c.id(),
          { ...c.varchar('code', 48), isUnique: true },
          c.varchar('procedure_version_id', 36),
          c.varchar('procedure_code', 64),
          c.varchar('channel', 16),
          c.varchar('state', 32),
          c.text('snapshot'),
          c.integer('machine_version'),
          c.integer('version'),
          c.integer('current_step_index', true),
          c.varchar('current_department_code', 32, true),
          c.varchar('applicant_name', 255),
          c.varchar('applicant_id_number', 32),
          c.varchar('applicant_phone', 32, true),
          c.varchar('applicant_email', 255, true),
          c.varchar('applicant_address', 500, true),
          c.timestamp('submitted_at'),
          c.timestamp('received_at', true),
          c.timestamp('due_at', true),
          c.timestamp('finished_at', true),
          c.varchar('created_by', 36),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_dossier_state_due', columnNames: ['state', 'due_at'] }),
          new TableIndex({ name: 'ix_dossier_department_due', columnNames: ['current_department_code', 'due_at'] }),
          new TableIndex({ name: 'ix_dossier_applicant', columnNames: ['applicant_id_number'] }),
          new TableIndex({ name: 'ix_dossier_procedure', columnNames: ['procedure_code', 'received_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'dossier_event',
        columns: [
          c.id(),
          c.varchar('dossier_id', 36),
          c.integer('version'),
          c.varchar('type', 32),
          c.varchar('from_state', 32, true),
          c.varchar('to_state', 32),
          c.integer('step_from', true),
          c.integer('step_to', true),
          c.varchar('actor_id', 36),
          c.varchar('actor_username', 64),
          c.text('payload'),
          c.timestamp('occurred_at'),
        ],
        indices: [new TableIndex({ name: 'uq_dossier_event_version', columnNames: ['dossier_id', 'version'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'dossier_code_sequence',
        columns: [
          { ...c.varchar('agency_id', 32), isPrimary: true },
          { ...c.varchar('day', 6), isPrimary: true },
          c.integer('last_value'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_key',
        columns: [
          { ...c.varchar('user_id', 36), isPrimary: true },
          { ...c.varchar('key', 128), isPrimary: true },
          c.varchar('request_hash', 64),
          c.varchar('dossier_id', 36),
          c.timestamp('created_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_key',
      'dossier_code_sequence',
      'dossier_event',
      'dossier',
      'app_user',
      'procedure_step',
      'procedure_version',
      'procedure',
      'department',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
