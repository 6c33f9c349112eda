import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './support';

/**
 * Rollups of the indicator facts (issue #17, "reports that do not grow with history"): what every
 * dossier adds to day and month buckets by procedure (libs/indicators rollup.ts), maintained in the
 * transaction that writes its portal record, so a closed period's report reads a few hundred
 * bucket rows instead of every dossier of the period.
 *
 * - `indicator_rollup_day`: one row per series, local day, received day (crossing buckets only;
 *   '' otherwise), procedure, imported or not, and counter; `value` a sum (bigint: the 2.2
 *   centi-day sums outgrow 32 bits).
 * - `indicator_rollup_month`: the same without crossing buckets, by local month.
 * - `indicator_rollup_irregular`: dossiers whose facts the bucket identities do not hold for, with
 *   their facts (JSON) and the columns that select them (the two dates that say which periods they
 *   may count in, procedure, imported): the report counts them from there, never reading the
 *   record table for them.
 * - `indicator_rollup_state`: one row once the buckets were built from the records (the first
 *   start after this migration builds them; until then the report reads the records).
 */
export class AddIndicatorRollups1766448000000 implements MigrationInterface {
  name = 'AddIndicatorRollups1766448000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = col(queryRunner);
    const key = (column: ReturnType<typeof c.varchar>) => ({ ...column, isPrimary: true });
    const value = { name: 'value', type: 'bigint', isNullable: false };
    await queryRunner.createTable(
      new Table({
        name: 'indicator_rollup_day',
        columns: [
          key(c.varchar('series', 16)),
          key(c.varchar('day', 10)),
          key(c.varchar('received_day', 10)),
          key(c.varchar('procedure_code', 64)),
          key(c.boolean('imported')),
          key(c.varchar('counter', 32)),
          value,
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'indicator_rollup_month',
        columns: [key(c.varchar('series', 16)), key(c.varchar('month', 7)), key(c.varchar('procedure_code', 64)), key(c.boolean('imported')), key(c.varchar('counter', 32)), value],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'indicator_rollup_irregular',
        columns: [c.id('dossier_id'), c.timestamp('received_at', true), c.timestamp('processing_ended_at', true), c.varchar('procedure_code', 64), c.boolean('imported'), c.text('facts')],
        indices: [new TableIndex({ name: 'ix_indicator_rollup_irregular_received', columnNames: ['received_at'] })],
      }),
    );
    await queryRunner.createTable(new Table({ name: 'indicator_rollup_state', columns: [key(c.varchar('name', 32)), c.timestamp('built_at'), c.integer('records')] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['indicator_rollup_state', 'indicator_rollup_irregular', 'indicator_rollup_month', 'indicator_rollup_day']) await queryRunner.dropTable(table);
  }
}
