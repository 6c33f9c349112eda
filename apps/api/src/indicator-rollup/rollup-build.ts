/**
 * Building the indicator rollup from the records (the first start after migration 1766448000000,
 * or `node main.js indicator-rollup rebuild`), and checking the maintained buckets against such a
 * build (`… verify`). Both read every record's fact columns in key order, in batches, and add up
 * libs/indicators `rollupEntries` in memory; a build then writes the sums, a check compares them.
 */
import { DataSource, EntityManager, In, MoreThan } from 'typeorm';
import { isRollupRegular, rollupEntries } from '@motcua/indicators';
import { PortalDeliveryEntity } from '../portal-records/portal-delivery.entity';
import { PortalRecordEntity } from '../portal-records/portal-record.entity';
import { FACT_COLUMN_FIELDS, factColumnsOf } from '../portal-records/fact-columns';
import { bucketRows, isPostgres, rollupFact } from './rollup-store';
import { IndicatorRollupDayEntity, IndicatorRollupIrregularEntity, IndicatorRollupMonthEntity, IndicatorRollupStateEntity } from './rollup.entities';

const STATE = 'buckets';
const BATCH = 5_000;

/** What the buckets should hold, computed from the records. */
export interface RollupSnapshot {
  records: number;
  day: Map<string, number>;
  month: Map<string, number>;
  irregular: Set<string>;
}

/** Reads every record (in the caller's transaction) and adds up what each adds to the buckets. */
export async function computeRollup(m: EntityManager): Promise<RollupSnapshot> {
  const snapshot: RollupSnapshot = { records: 0, day: new Map(), month: new Map(), irregular: new Set() };
  let after = '';
  for (;;) {
    const rows = await m.find(PortalRecordEntity, {
      select: ['dossierId', 'code', ...FACT_COLUMN_FIELDS],
      where: after ? { dossierId: MoreThan(after) } : {},
      order: { dossierId: 'ASC' },
      take: BATCH,
    });
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.dossierId);
    const synced = new Set((await m.find(PortalDeliveryEntity, { select: ['dossierId'], where: { dossierId: In(ids) } })).map((d) => d.dossierId));
    const entries = [];
    for (const row of rows) {
      const fact = rollupFact({ code: row.code, columns: factColumnsOf(row), synced: synced.has(row.dossierId) });
      if (!isRollupRegular(fact)) snapshot.irregular.add(row.dossierId);
      else entries.push(...rollupEntries(fact));
    }
    const { day, month } = bucketRows(entries);
    for (const [target, rowsOf] of [
      [snapshot.day, day],
      [snapshot.month, month],
    ] as const) {
      for (const r of rowsOf) target.set(JSON.stringify(r.key), (target.get(JSON.stringify(r.key)) ?? 0) + r.value);
    }
    snapshot.records += rows.length;
    after = ids[ids.length - 1];
  }
  return snapshot;
}

/**
 * Replaces the buckets with a build from the records, in one transaction. On PostgreSQL the
 * records and deliveries are locked against writes meanwhile (SHARE): a change waits for the build
 * instead of moving buckets the build is rewriting.
 */
export async function rebuildRollup(ds: DataSource): Promise<{ records: number; dayRows: number; monthRows: number; irregular: number }> {
  return ds.transaction(async (m) => {
    if (isPostgres(m)) await m.query('LOCK TABLE portal_record, portal_delivery IN SHARE MODE');
    for (const entity of [IndicatorRollupDayEntity, IndicatorRollupMonthEntity, IndicatorRollupIrregularEntity, IndicatorRollupStateEntity]) await m.createQueryBuilder().delete().from(entity).execute();
    const snapshot = await computeRollup(m);
    const keyed = <K extends string>(map: Map<string, number>, names: readonly K[]) =>
      [...map.entries()].filter(([, v]) => v !== 0).map(([key, value]) => ({ ...Object.fromEntries((JSON.parse(key) as unknown[]).map((v, i) => [names[i], v])), value }));
    const dayRows = keyed(snapshot.day, ['series', 'day', 'receivedDay', 'procedureCode', 'imported', 'counter'] as const);
    const monthRows = keyed(snapshot.month, ['series', 'month', 'procedureCode', 'imported', 'counter'] as const);
    for (let i = 0; i < dayRows.length; i += 1000) await m.insert(IndicatorRollupDayEntity, dayRows.slice(i, i + 1000) as IndicatorRollupDayEntity[]);
    for (let i = 0; i < monthRows.length; i += 1000) await m.insert(IndicatorRollupMonthEntity, monthRows.slice(i, i + 1000) as IndicatorRollupMonthEntity[]);
    const irregular = [...snapshot.irregular];
    for (let i = 0; i < irregular.length; i += 1000) await m.insert(IndicatorRollupIrregularEntity, irregular.slice(i, i + 1000).map((dossierId) => ({ dossierId })));
    await m.insert(IndicatorRollupStateEntity, { name: STATE, builtAt: new Date(), records: snapshot.records });
    return { records: snapshot.records, dayRows: dayRows.length, monthRows: monthRows.length, irregular: irregular.length };
  });
}

/** Whether the buckets were built (until then the report reads the records). */
export async function rollupBuilt(m: EntityManager): Promise<boolean> {
  return (await m.count(IndicatorRollupStateEntity, { where: { name: STATE } })) > 0;
}

/** Builds the buckets when they never were (the first start after the migration). */
export async function ensureRollupBuilt(ds: DataSource): Promise<{ built: boolean; records: number }> {
  if (await rollupBuilt(ds.manager)) return { built: false, records: 0 };
  const { records } = await rebuildRollup(ds);
  return { built: true, records };
}

/** A bucket (or irregular dossier) where the stored rollup and a build from the records differ. */
export interface RollupDifference {
  table: 'day' | 'month' | 'irregular';
  key: string;
  stored: number;
  expected: number;
}

/** Compares the stored buckets with a build from the records, in one consistent snapshot; [] = equal. */
export async function verifyRollup(ds: DataSource): Promise<{ records: number; differences: RollupDifference[] }> {
  const run = async (m: EntityManager) => {
    const expected = await computeRollup(m);
    const differences: RollupDifference[] = [];
    const compare = (table: 'day' | 'month', stored: Map<string, number>, want: Map<string, number>) => {
      for (const key of new Set([...stored.keys(), ...want.keys()])) {
        const [s, e] = [stored.get(key) ?? 0, want.get(key) ?? 0];
        if (s !== e) differences.push({ table, key, stored: s, expected: e });
      }
    };
    const day = await m.find(IndicatorRollupDayEntity);
    const month = await m.find(IndicatorRollupMonthEntity);
    compare('day', new Map(day.map((r) => [JSON.stringify([r.series, r.day, r.receivedDay, r.procedureCode, r.imported, r.counter]), Number(r.value)])), expected.day);
    compare('month', new Map(month.map((r) => [JSON.stringify([r.series, r.month, r.procedureCode, r.imported, r.counter]), Number(r.value)])), expected.month);
    const irregular = new Set((await m.find(IndicatorRollupIrregularEntity)).map((r) => r.dossierId));
    for (const id of new Set([...irregular, ...expected.irregular])) {
      if (irregular.has(id) !== expected.irregular.has(id)) differences.push({ table: 'irregular', key: id, stored: Number(irregular.has(id)), expected: Number(expected.irregular.has(id)) });
    }
    return { records: expected.records, differences };
  };
  // One snapshot for the records and the buckets (PostgreSQL: repeatable read; SQLite: one transaction).
  return isPostgres(ds.manager) ? ds.transaction('REPEATABLE READ', run) : ds.transaction(run);
}
