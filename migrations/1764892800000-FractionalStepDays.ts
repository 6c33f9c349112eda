import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Step allocations may be fractions of a working day (the catalogue library allows them: half
 * a day for a leader's signature). The column was an integer: PostgreSQL refused 0.5 with an
 * error the API could only answer with a 500 (found by test/scale).
 */
export class FractionalStepDays1764892800000 implements MigrationInterface {
  name = 'FractionalStepDays1764892800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.changeColumn(
      'procedure_step',
      'working_days',
      new TableColumn({ name: 'working_days', type: 'double precision', isNullable: false }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.changeColumn('procedure_step', 'working_days', new TableColumn({ name: 'working_days', type: 'integer', isNullable: false }));
  }
}
