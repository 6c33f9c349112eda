/**
 * Building the indicator rollup from the records (the first start after migration 1766448000000,
 * or `node main.js indicator-rollup rebuild`), and checking the maintained buckets against such a
 * build (`… verify`). Both read every record's fact columns in key order, in batches, and add up
 * libs/indicators `rollupEntries` in memory; a build then writes the sums, a check compares them.
 */
import { DataSource, EntityManager } from 'typeorm';
import { isRollupRegular, rollupEntries, type RollupEntry } from '@motcua/indicators';
import { bulkInsert } from '@motcua/persistence';
import { PortalRecordEntity } from '../portal-records/portal-record.entity';
import { FACT_COLUMN_FIELDS, type FactColumns } from '../portal-records/fact-columns';
import { irregularRow, irregularSubject, isPostgres, rollupFact, syncedIds } from './rollup-store';
import { IndicatorRollupDayEntity, IndicatorRollupIrregularEntity, IndicatorRollupMonthEntity, IndicatorRollupStateEntity } from './rollup.entities';

const STATE = 'buckets';
const BATCH = 5_000;

/** Counters by bucket key (the key parts joined by SEP, the counter apart): one map lookup per entry, not per counter. */
type Buckets = Map<string, Record<string, number>>;

/** What the buckets should hold, computed from the records. */
export interface RollupSnapshot {
  records: number;
  day: Buckets;
  month: Buckets;
  /** Irregular dossiers by id, as their rows. */
  irregular: Map<string, IndicatorRollupIrregularEntity>;
}

/** Key parts joined by a character no code, day or counter holds: cheaper than JSON for the millions of additions of a build. */
const SEP = '\u0001';

function addTo(buckets: Buckets, key: string, counters: Record<string, number>): void {
  let bucket = buckets.get(key);
  if (bucket === undefined) buckets.set(key, (bucket = {}));
  for (const counter in counters) bucket[counter] = (bucket[counter] ?? 0) + counters[counter];
}

function addEntry(snapshot: RollupSnapshot, e: RollupEntry): void {
  const flag = e.imported ? '1' : '0';
  addTo(snapshot.day, e.series + SEP + e.day + SEP + (e.receivedDay ?? '') + SEP + e.procedureCode + SEP + flag, e.counters);
  if (e.series !== 'crossing') addTo(snapshot.month, e.series + SEP + e.day.slice(0, 7) + SEP + e.procedureCode + SEP + flag, e.counters);
}

/** Buckets as rows: the key's parts (the flag as a boolean), the counter and its value; zeros dropped. */
function bucketRowsOf(buckets: Buckets): Array<{ parts: Array<string | boolean>; counter: string; value: number }> {
  const rows = [];
  for (const [key, counters] of buckets) {
    const parts: Array<string | boolean> = key.split(SEP);
    parts[parts.length - 1] = parts[parts.length - 1] === '1';
    for (const counter in counters) if (counters[counter] !== 0) rows.push({ parts, counter, value: counters[counter] });
  }
  return rows;
}

/**
 * The record columns a build reads, read raw and converted per column as TypeORM stores them
 * (dates, booleans per dialect): entity hydration costs more than the build itself at millions of rows.
 */
async function recordBatch(m: EntityManager, after: string): Promise<Array<Pick<PortalRecordEntity, 'dossierId' | 'code'> & FactColumns>> {
  const metadata = m.connection.getMetadata(PortalRecordEntity);
  const driver = m.connection.driver;
  const columns = ['dossierId', 'code', ...FACT_COLUMN_FIELDS].map((p) => metadata.findColumnWithPropertyName(p)!);
  const sql = `SELECT ${columns.map((c) => driver.escape(c.databaseName)).join(', ')} FROM portal_record WHERE dossier_id > ${isPostgres(m) ? '$1' : '?'} ORDER BY dossier_id LIMIT ${BATCH}`;
  const raw: Array<Record<string, unknown>> = await m.query(sql, [after]);
  return raw.map((r) => Object.fromEntries(columns.map((c) => [c.propertyName, driver.prepareHydratedValue(r[c.databaseName], c)]))) as never;
}

/** Reads every record (in the caller's transaction) and adds up what each adds to the buckets. */
export async function computeRollup(m: EntityManager): Promise<RollupSnapshot> {
  const snapshot: RollupSnapshot = { records: 0, day: new Map(), month: new Map(), irregular: new Map() };
  let after = '';
  for (;;) {
    const rows = await recordBatch(m, after);
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.dossierId);
    const synced = await syncedIds(m, ids);
    for (const row of rows) {
      const { dossierId, code, ...columns } = row;
      const subject = { code, columns, synced: synced.has(dossierId) };
      const fact = rollupFact(subject);
      if (!isRollupRegular(fact)) snapshot.irregular.set(dossierId, irregularRow(dossierId, subject));
      else for (const e of rollupEntries(fact)) addEntry(snapshot, e);
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
    const keyed = (buckets: Buckets, names: readonly string[]) =>
      bucketRowsOf(buckets).map(({ parts, counter, value }) => ({ ...Object.fromEntries(parts.map((v, i) => [names[i], v])), counter, value }));
    const dayRows = keyed(snapshot.day, ['series', 'day', 'receivedDay', 'procedureCode', 'imported']);
    const monthRows = keyed(snapshot.month, ['series', 'month', 'procedureCode', 'imported']);
    await bulkInsert(m, IndicatorRollupDayEntity, dayRows as IndicatorRollupDayEntity[]);
    await bulkInsert(m, IndicatorRollupMonthEntity, monthRows as IndicatorRollupMonthEntity[]);
    const irregular = [...snapshot.irregular.values()];
    await bulkInsert(m, IndicatorRollupIrregularEntity, irregular);
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
    const compare = (table: 'day' | 'month', stored: Map<string, number>, want: Buckets) => {
      const wanted = new Map(bucketRowsOf(want).map((r) => [JSON.stringify([...r.parts, r.counter]), r.value]));
      for (const key of new Set([...stored.keys(), ...wanted.keys()])) {
        const [s, e] = [stored.get(key) ?? 0, wanted.get(key) ?? 0];
        if (s !== e) differences.push({ table, key, stored: s, expected: e });
      }
    };
    const day = await m.find(IndicatorRollupDayEntity);
    const month = await m.find(IndicatorRollupMonthEntity);
    compare('day', new Map(day.map((r) => [JSON.stringify([r.series, r.day, r.receivedDay, r.procedureCode, r.imported, r.counter]), Number(r.value)])), expected.day);
    compare('month', new Map(month.map((r) => [JSON.stringify([r.series, r.month, r.procedureCode, r.imported, r.counter]), Number(r.value)])), expected.month);
    const stored = new Map((await m.find(IndicatorRollupIrregularEntity)).map((r) => [r.dossierId, r]));
    // The selecting columns and the facts, the latter compared as the report reads them back.
    const content = (r: IndicatorRollupIrregularEntity | undefined) =>
      r ? JSON.stringify([r.receivedAt, r.processingEndedAt, r.procedureCode, r.imported, irregularSubject(r)]) : null;
    for (const id of new Set([...stored.keys(), ...expected.irregular.keys()])) {
      const [s, e] = [stored.get(id), expected.irregular.get(id)];
      if (content(s) !== content(e)) differences.push({ table: 'irregular', key: id, stored: Number(s !== undefined), expected: Number(e !== undefined) });
    }
    return { records: expected.records, differences };
  };
  // One snapshot for the records and the buckets (PostgreSQL: repeatable read; SQLite: one transaction).
  return isPostgres(ds.manager) ? ds.transaction('REPEATABLE READ', run) : ds.transaction(run);
}
