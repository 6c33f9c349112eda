/**
 * The indicator rollup's tables (migration 1766448000000): writing the buckets a change of one
 * dossier's facts moves, and reading the window sums of a closed period. The arithmetic is
 * libs/indicators (rollup.ts, rollup-windows.ts); this file is SQL only.
 *
 * The facts come from the record's fact columns, the same ones the indicator SQL reads, so the
 * buckets, a rebuild and the report over the records can never read different facts.
 */
import { In, type EntityManager } from 'typeorm';
import {
  CROSSING_WINDOWS,
  DAY_RANGE_WINDOWS,
  dayRangeParts,
  isRollupRegular,
  mergeSums,
  rollupChange,
  rollupDays,
  type DossierFact,
  type Period,
  type RollupEntry,
  type RollupSeries,
  type RollupSum,
  type RollupWindow,
} from '@motcua/indicators';
import { factColumnsOf, type FactColumns } from '../portal-records/fact-columns';
import { PortalDeliveryEntity } from '../portal-records/portal-delivery.entity';
import { PortalRecordEntity } from '../portal-records/portal-record.entity';
import { IndicatorRollupIrregularEntity } from './rollup.entities';

/** A record's facts as the buckets read them: its fact columns, whether the portal holds it. */
export interface RollupSubject {
  code: string;
  columns: FactColumns;
  synced: boolean;
}

/**
 * The fact of a record's columns. The columns keep the first two supplementation requests, all the
 * rules read (a second one makes the dossier late whatever the dates); the second one's completion
 * is not kept and not read.
 */
export function rollupFact(subject: RollupSubject): DossierFact {
  return { ...subject.columns, ...factBesidesColumns(subject) };
}

/** What a fact holds beside its record's columns. */
function factBesidesColumns({ code, columns: c, synced }: RollupSubject): Omit<DossierFact, keyof FactColumns> & Pick<DossierFact, 'channel'> {
  const supplements = [];
  if (c.s1RequestedAt) supplements.push({ requestedAt: c.s1RequestedAt, completedAt: c.s1CompletedAt });
  if (c.s1RequestedAt && c.s2RequestedAt) supplements.push({ requestedAt: c.s2RequestedAt, completedAt: null });
  return { code, agencyCode: '', channel: c.channel as DossierFact['channel'], supplements, synced };
}

/**
 * Applies the change of one dossier's facts, in the caller's transaction: the bucket deltas, and
 * its place among the irregular dossiers.
 */
export async function applyRollupChange(m: EntityManager, dossierId: string, before: RollupSubject | null, after: RollupSubject | null): Promise<void> {
  const [b, a] = [before && rollupFact(before), after && rollupFact(after)];
  await addToBuckets(m, rollupChange(b, a));
  const [wasIrregular, isIrregular] = [b !== null && !isRollupRegular(b), a !== null && !isRollupRegular(a)];
  if (wasIrregular) await m.delete(IndicatorRollupIrregularEntity, { dossierId });
  if (isIrregular) await m.insert(IndicatorRollupIrregularEntity, irregularRow(dossierId, after!));
}

/** The row of an irregular dossier: its facts, and the columns that select it (`irregularMayCount`, filters). */
export function irregularRow(dossierId: string, subject: RollupSubject): IndicatorRollupIrregularEntity {
  const c = subject.columns;
  return { dossierId, receivedAt: c.receivedAt, processingEndedAt: c.processingEndedAt, procedureCode: c.procedureCode, imported: c.imported, facts: JSON.stringify(subject) };
}

const DATE_COLUMNS = ['receivedAt', 'appointmentAt', 'processingEndedAt', 's1RequestedAt', 's1CompletedAt', 's2RequestedAt'] as const;

/** The facts an irregular row keeps, read back (JSON has no dates). */
export function irregularSubject(row: Pick<IndicatorRollupIrregularEntity, 'facts'>): RollupSubject {
  const subject = JSON.parse(row.facts) as RollupSubject;
  const columns = subject.columns as unknown as Record<string, unknown>;
  for (const name of DATE_COLUMNS) columns[name] = columns[name] === null ? null : new Date(columns[name] as string);
  return subject;
}

/**
 * The fact an irregular row keeps: `rollupFact(irregularSubject(row))`, built in the object just
 * parsed rather than copied from it. A report reads thousands of them at 10M dossiers, and the copy
 * was a third of its time.
 */
export function irregularFact(row: Pick<IndicatorRollupIrregularEntity, 'facts'>): DossierFact {
  const subject = irregularSubject(row);
  return Object.assign(subject.columns, factBesidesColumns(subject)) as DossierFact;
}

/** Whether the portal holds a record of the dossier (1.4). */
export async function isSynced(m: EntityManager, dossierId: string): Promise<boolean> {
  return (await syncedIds(m, [dossierId])).size > 0;
}

/** Which of the dossiers the portal holds a record of (1.4), in chunks the drivers' parameter limits allow. */
export async function syncedIds(m: EntityManager, dossierIds: readonly string[]): Promise<Set<string>> {
  const synced = new Set<string>();
  for (let i = 0; i < dossierIds.length; i += 1000) {
    const chunk = dossierIds.slice(i, i + 1000);
    for (const d of await m.find(PortalDeliveryEntity, { select: ['dossierId'], where: { dossierId: In(chunk) } })) synced.add(d.dossierId);
  }
  return synced;
}

const DAY_KEY = ['series', 'day', 'received_day', 'procedure_code', 'imported', 'counter'];
const MONTH_KEY = ['series', 'month', 'procedure_code', 'imported', 'counter'];
type BucketRow = { key: unknown[]; value: number };

/** Bucket rows (day, and month for all but crossing) of entries, keys sorted: concurrent writers lock rows in one order. */
function bucketRows(entries: Iterable<RollupEntry>): { day: BucketRow[]; month: BucketRow[] } {
  const day = new Map<string, BucketRow>();
  const month = new Map<string, BucketRow>();
  const add = (rows: Map<string, BucketRow>, key: unknown[], value: number) => {
    const id = JSON.stringify(key);
    const row = rows.get(id) ?? { key, value: 0 };
    row.value += value;
    rows.set(id, row);
  };
  for (const e of entries) {
    for (const [counter, value] of Object.entries(e.counters)) {
      add(day, [e.series, e.day, e.receivedDay ?? '', e.procedureCode, e.imported, counter], value);
      if (e.series !== 'crossing') add(month, [e.series, e.day.slice(0, 7), e.procedureCode, e.imported, counter], value);
    }
  }
  const sorted = (rows: Map<string, BucketRow>) => [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  return { day: sorted(day), month: sorted(month) };
}

/** Adds entries to the buckets (upserts: a bucket row is created on its first count). */
export async function addToBuckets(m: EntityManager, entries: readonly RollupEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const { day, month } = bucketRows(entries);
  await upsert(m, 'indicator_rollup_day', DAY_KEY, day);
  await upsert(m, 'indicator_rollup_month', MONTH_KEY, month);
}

const CHUNK = 400;

async function upsert(m: EntityManager, table: string, key: string[], rows: readonly BucketRow[]): Promise<void> {
  const pg = isPostgres(m);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const params: unknown[] = [];
    const tuples = chunk.map((r) => {
      const values = [...r.key.map((v) => (typeof v === 'boolean' && !pg ? Number(v) : v)), r.value];
      const marks = values.map((v) => {
        params.push(v);
        return pg ? `$${params.length}` : '?';
      });
      return `(${marks.join(', ')})`;
    });
    await m.query(
      `INSERT INTO ${table} (${[...key, 'value'].join(', ')}) VALUES ${tuples.join(', ')}
       ON CONFLICT (${key.join(', ')}) DO UPDATE SET value = ${table}.value + excluded.value`,
      params,
    );
  }
}

/** Conditions on the buckets besides the windows: one procedure, imported dossiers left out. */
export interface BucketFilter {
  procedureCode?: string;
  excludeImported: boolean;
}

/**
 * The window sums of a closed period from the tables: each day-range window read as whole months
 * from the month table and the loose days from the day table, the crossing windows as one day
 * each; one UNION ALL, grouped by series, counter and procedure.
 */
export async function readWindowSums(m: EntityManager, period: Period, filter: BucketFilter): Promise<RollupSum[]> {
  const pg = isPostgres(m);
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(typeof v === 'boolean' && !pg ? Number(v) : v);
    return pg ? `$${params.length}` : '?';
  };
  const extra = () => `${filter.procedureCode !== undefined ? ` AND procedure_code = ${p(filter.procedureCode)}` : ''}${filter.excludeImported ? ` AND imported = ${p(false)}` : ''}`;
  const select = (window: RollupWindow, table: string, where: string) =>
    `SELECT '${window}' AS w, series, counter, procedure_code, SUM(value) AS value FROM ${table} WHERE ${where}${extra()} GROUP BY series, counter, procedure_code`;
  const inSeries = (series: readonly RollupSeries[]) => `series IN (${series.map((s) => p(s)).join(', ')})`;
  const days = rollupDays(period);
  const parts: string[] = [];
  for (const w of DAY_RANGE_WINDOWS) {
    const { from, to } = w.range(days);
    const { months, days: loose } = dayRangeParts(from, to);
    if (months) parts.push(select(w.window, 'indicator_rollup_month', `${inSeries(w.series)}${months.from !== null ? ` AND month >= ${p(months.from)}` : ''} AND month < ${p(months.to)}`));
    for (const d of loose) parts.push(select(w.window, 'indicator_rollup_day', `${inSeries(w.series)} AND day >= ${p(d.from)} AND day < ${p(d.to)}`));
  }
  for (const w of CROSSING_WINDOWS) {
    parts.push(select(w.window, 'indicator_rollup_day', `series = ${p('crossing')} AND day = ${p(w.day(days))} AND received_day >= ${p(days.fromDay)} AND received_day < ${p(days.toDay)}`));
  }
  const rows: Array<{ w: RollupWindow; series: RollupSeries; counter: string; procedure_code: string; value: string | number }> = await m.query(parts.join(' UNION ALL '), params);
  return mergeSums(rows.map((r) => ({ window: r.w, series: r.series, counter: r.counter, procedureCode: r.procedure_code, value: Number(r.value) })));
}

/**
 * The irregular dossiers that may count in a period (`irregularMayCount`, as SQL on the dates their
 * rows keep), from the facts kept with them: the record table is not read.
 */
export async function readIrregularFacts(m: EntityManager, period: Period, filter: BucketFilter): Promise<DossierFact[]> {
  const qb = m
    .createQueryBuilder(IndicatorRollupIrregularEntity, 'i')
    .select('i.facts', 'facts')
    .where(
      '((i.received_at < :to AND (i.received_at >= :from OR i.processing_ended_at IS NULL OR i.processing_ended_at >= :from)) OR (i.received_at IS NOT NULL AND i.processing_ended_at >= :from AND i.processing_ended_at < :to))',
      { from: period.from, to: period.to },
    );
  if (filter.procedureCode !== undefined) qb.andWhere('i.procedure_code = :procedure', { procedure: filter.procedureCode });
  if (filter.excludeImported) qb.andWhere('i.imported = :no', { no: isPostgres(m) ? false : 0 });
  // Only the kept facts, raw: hydrating the rows as entities took most of the report at 10M dossiers.
  const rows: Array<{ facts: string }> = await qb.getRawMany();
  return rows.map(irregularFact);
}

export function isPostgres(m: EntityManager): boolean {
  return m.connection.driver.options.type === 'postgres';
}

/** A record's code and fact columns, before or after a change. */
export interface RecordFacts {
  code: string;
  columns: FactColumns;
}

/**
 * After a record was written (PortalRecords.refresh, under its row lock): moves the buckets from
 * what the old facts added to what the new ones add. Nothing to do when no fact column changed.
 */
export async function rollupRecordChange(m: EntityManager, dossierId: string, before: RecordFacts | null, after: RecordFacts): Promise<void> {
  if (before !== null && JSON.stringify(before.columns) === JSON.stringify(after.columns)) return;
  const synced = await isSynced(m, dossierId);
  await applyRollupChange(m, dossierId, before && { ...before, synced }, { ...after, synced });
}

/**
 * The portal acknowledged the dossier's first record (1.4 counts it from now on), before the
 * delivery row is written: locks the record row as a refresh does, so the two take turns.
 */
export async function rollupFirstDelivery(m: EntityManager, dossierId: string): Promise<void> {
  const row = await m.findOne(PortalRecordEntity, { where: { dossierId }, lock: isPostgres(m) ? { mode: 'pessimistic_write' } : undefined });
  if (!row) return;
  const facts = { code: row.code, columns: factColumnsOf(row) };
  await applyRollupChange(m, dossierId, { ...facts, synced: false }, { ...facts, synced: true });
}
