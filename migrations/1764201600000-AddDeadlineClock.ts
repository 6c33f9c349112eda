import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from './support';

/** The deadline clock: appointment, pauses, step due times, outcome, sweep notifications. */
export class AddDeadlineClock1764201600000 implements MigrationInterface {
  name = 'AddDeadlineClock1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = col(queryRunner);
    await queryRunner.addColumns('dossier', [
      new TableColumn(c.timestamp('appointment_at', true)),
      new TableColumn(c.timestamp('paused_at', true)),
      new TableColumn({ ...c.integer('paused_minutes'), default: 0 }),
      new TableColumn({ ...c.integer('supplement_requests'), default: 0 }),
      new TableColumn(c.timestamp('step_entered_at', true)),
      new TableColumn(c.timestamp('step_due_at', true)),
      new TableColumn(c.timestamp('processing_ended_at', true)),
      new TableColumn(c.varchar('outcome', 10, true)),
      new TableColumn(c.varchar('deadline_status', 10, true)),
    ]);
    await queryRunner.createIndex('dossier', new TableIndex({ name: 'ix_dossier_deadline_status', columnNames: ['deadline_status', 'due_at'] }));
    await queryRunner.addColumn('dossier_event', new TableColumn(c.text('details', true)));
    await queryRunner.createTable(
      new Table({
        name: 'dossier_pause',
        columns: [c.id(), c.varchar('dossier_id', 36), c.timestamp('started_at'), c.timestamp('ended_at', true), c.integer('working_minutes', true), c.text('reason')],
        indices: [new TableIndex({ name: 'ix_dossier_pause_dossier', columnNames: ['dossier_id', 'started_at'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'dossier_step',
        columns: [
          c.id(),
          c.varchar('dossier_id', 36),
          c.integer('step_index'),
          c.varchar('step_key', 64),
          c.varchar('step_name', 255),
          c.varchar('department_code', 32),
          c.timestamp('entered_at'),
          c.timestamp('due_at'),
          c.timestamp('left_at', true),
          c.boolean('late', true),
        ],
        indices: [
          new TableIndex({ name: 'ix_dossier_step_dossier', columnNames: ['dossier_id', 'entered_at'] }),
          new TableIndex({ name: 'ix_dossier_step_department', columnNames: ['department_code', 'late'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'deadline_notification',
        columns: [c.id(), c.varchar('dossier_id', 36), c.varchar('kind', 16), c.timestamp('due_at'), c.timestamp('created_at')],
        indices: [new TableIndex({ name: 'uq_deadline_notification', columnNames: ['dossier_id', 'kind'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('deadline_notification');
    await queryRunner.dropTable('dossier_step');
    await queryRunner.dropTable('dossier_pause');
    await queryRunner.dropColumn('dossier_event', 'details');
    await queryRunner.dropIndex('dossier', 'ix_dossier_deadline_status');
    for (const name of [
      'deadline_status',
      'outcome',
      'processing_ended_at',
      'step_due_at',
      'step_entered_at',
      'supplement_requests',
      'paused_minutes',
      'paused_at',
      'appointment_at',
    ]) {
      await queryRunner.dropColumn('dossier', name);
    }
  }
}
