/**
 * Per-day rollups of the dossier facts (issue #17, "reports that do not grow with history"): what
 * each dossier adds to day buckets, and the dossier counts of a period read back from those
 * buckets — exactly `countFacts` (the reference), proven by rollup.property.spec.ts. This module
 * is the arithmetic only; storing the buckets (one table, maintained in the transaction that
 * writes the fact columns) is the adapter's job.
 *
 * Why it is exact: every rule of predicates.ts, for a period `[from, to)` whose bounds are local
 * midnights, is a count over one of
 * - `received` (by the local day of `receivedAt`): received in the period — a range of days; and
 *   "received before `to`" — a prefix of days;
 * - `ended` (by the local day of `processingEndedAt`): ended in the period (range), ended before
 *   `from` (prefix);
 * - `on_time_until` (by the local day of the instant `onTimeUntil` below): 2.1 for a dossier open
 *   at `to` is "received < to ≤ onTimeUntil", a difference of two prefixes;
 * - `crossing` (by the day X whose midnight the dossier was open across, and its received day):
 *   the only two-sided conditions of the method — "received in the period and a result by `to`"
 *   (3.3, 4.2) and "received in the period and ended before the report instant" (2.2) — are
 *   "received in the period" minus the dossiers received in it and still open at that midnight.
 *   Only dossiers with a result have crossing buckets, one per midnight they were open across.
 *
 * A dossier whose facts break the order these identities rely on (ended before it was received;
 * a supplementation requested after the end, completed before its request, or out of order) is
 * "irregular": the adapter keeps it out of the buckets and counts it from its facts with
 * `countFacts` (`isRollupRegular`). A dossier never received counts nowhere.
 *
 * A running period (`to` = now, not a midnight) is not served by the buckets: the adapter counts it
 * from the facts as before.
 */
import { vietnamInstant } from '@motcua/calendar/vietnam-time';
import type { IndicatorConfig } from './config';
import { compareTimeCounts, countFacts, emptyCounts, inScope, type IndicatorCounts, type ProcedureTimeCount } from './counts';
import { RESULT_END_STATES, type DossierFact, type FactTimeUnit } from './facts';
import { localDay, reportInstant, type Period } from './period';
import { DOSSIER_RATIO_KEYS, isOnTime } from './predicates';
import { windowSums, type RollupSum, type RollupWindow } from './rollup-windows';

const DAY_MS = 86_400_000;
const ms = (d: Date) => d.getTime();

export type RollupSeries = 'received' | 'ended' | 'on_time_until' | 'crossing';

/** Counter names: fixed ones, and `timed:<unit>` / `centi:<unit>` per processing-time unit (2.2). */
export type RollupCounters = Record<string, number>;

/** What one dossier adds to one bucket. `receivedDay` only for `crossing`. Days are local (`YYYY-MM-DD`). */
export interface RollupEntry {
  series: RollupSeries;
  day: string;
  receivedDay: string | null;
  procedureCode: string;
  /** Imported from a previous system: kept apart so the `importedDossiers` setting can include or exclude them. */
  imported: boolean;
  counters: RollupCounters;
}

/** A received dossier whose facts the bucket identities hold for (see the module comment). */
export function isRollupRegular(fact: DossierFact): boolean {
  if (fact.receivedAt === null) return true;
  const end = fact.processingEndedAt;
  if (end !== null && ms(end) < ms(fact.receivedAt)) return false;
  let previous = -Infinity;
  for (const s of fact.supplements) {
    if (ms(s.requestedAt) < previous) return false;
    if (s.completedAt !== null && ms(s.completedAt) < ms(s.requestedAt)) return false;
    if (end !== null && ms(s.requestedAt) > ms(end)) return false;
    previous = ms(s.requestedAt);
  }
  return true;
}

/**
 * Whether an irregular dossier can count in a period: received before its end and not ended
 * before its start (the scope of 2.1 and 5.4), or received in it, or ended in it. A store reads
 * only these (as SQL on the dates it keeps of them), not every irregular dossier of its history.
 */
export function irregularMayCount(fact: DossierFact, period: Period): boolean {
  if (fact.receivedAt === null) return false;
  const [received, end, from, to] = [ms(fact.receivedAt), fact.processingEndedAt && ms(fact.processingEndedAt), ms(period.from), ms(period.to)];
  return (received < to && (received >= from || end === null || end >= from)) || (end !== null && end >= from && end < to);
}

/**
 * The last instant `to` at which the dossier, open at `to`, is on time by 2.1 (predicates.ts
 * `judgedEnd`), or null when it is on time whenever it is open: on time at `to` ⇔ `to ≤ onTimeUntil`.
 * Once late, a dossier stays late, so one instant says it. With requests r1 ≤ r2 (the first two):
 * late from after r2 whatever the dates; with an appointment A, late from after A when A < r1 (or
 * no request), else from after A + (c1 − r1), the time the applicant spent supplementing (never,
 * while the request is pending). Regular facts only.
 */
export function onTimeUntil(fact: DossierFact): number | null {
  const [first, second] = fact.supplements;
  let until = second ? ms(second.requestedAt) : Infinity;
  if (fact.appointmentAt !== null) {
    const appointment = ms(fact.appointmentAt);
    const byAppointment =
      !first || appointment < ms(first.requestedAt) ? appointment : first.completedAt === null ? Infinity : appointment + (ms(first.completedAt) - ms(first.requestedAt));
    until = Math.min(until, byAppointment);
  }
  return until === Infinity ? null : until;
}

const hasResult = (fact: DossierFact) => fact.processingEndedAt !== null && fact.endState !== null && RESULT_END_STATES.includes(fact.endState);
const timed = (fact: DossierFact) => hasResult(fact) && fact.processingTimeCenti !== null && fact.processingTimeUnit !== null;
const one = (condition: boolean) => (condition ? 1 : 0);

/** Drops zero counters (a bucket row stores sums; absent = 0). */
function nonZero(counters: RollupCounters): RollupCounters {
  const kept: RollupCounters = {};
  for (const name in counters) if (counters[name] !== 0) kept[name] = counters[name];
  return kept;
}

/** What a regular, received dossier adds to the buckets (none for one never received). */
export function rollupEntries(fact: DossierFact): RollupEntry[] {
  if (fact.receivedAt === null) return [];
  if (!isRollupRegular(fact)) throw new RangeError(`Dossier ${fact.code}: irregular facts are counted from the facts, not rolled up`);
  const received = fact.receivedAt;
  const end = fact.processingEndedAt;
  const procedureCode = fact.procedureCode;
  const imported = fact.imported;
  const dissatisfied = fact.rating === 'dissatisfied' || fact.hasComplaint;
  const rated = fact.rating !== null || fact.hasComplaint;
  const until = onTimeUntil(fact);
  // Open at `to` and on time: received < to ≤ min(end, onTimeUntil); counted when that interval is not empty.
  const openOnTimeEnd = Math.min(end === null ? Infinity : ms(end), until ?? Infinity);
  const payable = fact.feeBearing && !fact.feesAllZero;
  const paperNotElectronic = hasResult(fact) && fact.paperResult && !fact.eResult;
  const unit = fact.processingTimeUnit as FactTimeUnit;
  const timeCounters = (): RollupCounters => (timed(fact) ? { [`timed:${unit}`]: 1, [`centi:${unit}`]: fact.processingTimeCenti! } : {});
  const entries: RollupEntry[] = [];
  const add = (series: RollupSeries, day: string, counters: RollupCounters, receivedDay: string | null = null) => {
    const kept = nonZero(counters);
    if (Object.keys(kept).length > 0) entries.push({ series, day, receivedDay, procedureCode, imported, counters: kept });
  };
  add('received', localDay(received), {
    in_scope: 1,
    dissatisfied: one(dissatisfied),
    rated: one(rated),
    open_on_time: one(openOnTimeEnd > ms(received)),
    synced: one(fact.synced),
    online: one(fact.channel === 'online'),
    direct: one(fact.channel === 'direct'),
    postal: one(fact.channel === 'postal'),
    payable: one(payable),
    paid_online: one(payable && fact.paidOnline !== null),
    digitised: one(fact.digitised),
    reused: one(fact.reusedComponent),
    citizen_store: one(fact.fromCitizenStore),
    online_paper_not_e: one(paperNotElectronic && fact.channel === 'online'),
    digitised_paper_not_e: one(paperNotElectronic && fact.digitised),
    ...timeCounters(),
  });
  if (end !== null) {
    add('ended', localDay(end), {
      out_of_scope: 1,
      dissatisfied: one(dissatisfied),
      rated: one(rated),
      // Judged at its end: every request was made by then (regular), so any `to` after the end gives the same answer.
      on_time: one(isOnTime(fact, { kind: 'custom', from: new Date(0), to: new Date(ms(end) + 1), label: '', labelVi: '' })),
      paper_result: one(hasResult(fact) && fact.paperResult),
      paper_result_e: one(hasResult(fact) && fact.paperResult && fact.eResult),
    });
  }
  if (openOnTimeEnd > ms(received) && openOnTimeEnd !== Infinity) add('on_time_until', localDay(new Date(openOnTimeEnd)), { count: 1 });
  if (end !== null && hasResult(fact)) {
    // One bucket per midnight in (received, end]: the days after the received day up to the end's day.
    const counters = { online_paper_not_e: one(paperNotElectronic && fact.channel === 'online'), digitised_paper_not_e: one(paperNotElectronic && fact.digitised), ...timeCounters() };
    const receivedDay = localDay(received);
    for (let day = nextDay(receivedDay); day <= localDay(end); day = nextDay(day)) add('crossing', day, counters, receivedDay);
  }
  return entries;
}

/** Sums entries per bucket (series, day, received day, procedure): what the table holds. */
export function mergeRollup(entries: Iterable<RollupEntry>): RollupEntry[] {
  const buckets = new Map<string, RollupEntry>();
  for (const e of entries) {
    const key = `${e.series}|${e.day}|${e.receivedDay ?? ''}|${e.procedureCode}|${e.imported}`;
    const bucket = buckets.get(key) ?? { ...e, counters: {} };
    for (const [name, value] of Object.entries(e.counters)) bucket.counters[name] = (bucket.counters[name] ?? 0) + value;
    buckets.set(key, bucket);
  }
  return [...buckets.values()];
}

/** Local midnight of a day (`YYYY-MM-DD`). */
export function midnightOf(day: string): Date {
  return vietnamInstant(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));
}

function nextDay(day: string): string {
  return localDay(new Date(ms(midnightOf(day)) + DAY_MS));
}

/** Whether the buckets can serve the period: both bounds local midnights, the report instant at or after `to`. */
export function rollupServes(period: Period): boolean {
  const isMidnight = (d: Date) => ms(midnightOf(localDay(d))) === ms(d);
  return isMidnight(period.from) && isMidnight(period.to) && ms(reportInstant(period)) >= ms(period.to);
}

/**
 * The dossier counts of `period` (its ratios of DOSSIER_RATIO_KEYS and 2.2) from the buckets of the
 * regular dossiers in scope: `countsFromSums` over the buckets' `windowSums` (the reference of what
 * a store's SQL returns).
 */
export function countsFromRollup(
  buckets: readonly RollupEntry[],
  period: Period,
  config: IndicatorConfig,
  irregular: readonly DossierFact[] = [],
  endedSinceAsOfDay: readonly DossierFact[] = [],
): IndicatorCounts {
  return countsFromSums(windowSums(buckets, period), period, config, irregular, endedSinceAsOfDay);
}

function assertServes(period: Period): void {
  if (!rollupServes(period)) throw new RangeError(`Period ${period.label}: the rollup serves periods bounded by local midnights, judged at or after their end`);
}

/**
 * The dossier counts of `period` from its window sums (rollup-windows.ts) of the regular dossiers
 * in scope, plus `irregular` (counted from their facts), plus `endedSinceAsOfDay`: the regular
 * dossiers received in the period that ended from the local midnight before the report instant up
 * to it (2.2 when that instant is not a midnight, e.g. now: a small index range; empty otherwise).
 * Feedback and catalogue ratios are not the buckets' (left empty here, as in `emptyCounts`).
 */
export function countsFromSums(
  sums: readonly RollupSum[],
  period: Period,
  config: IndicatorConfig,
  irregular: readonly DossierFact[] = [],
  endedSinceAsOfDay: readonly DossierFact[] = [],
): IndicatorCounts {
  assertServes(period);
  const asOf = reportInstant(period);
  const total = new Map<string, number>();
  const key = (window: RollupWindow, series: RollupSeries, counter: string) => `${window}|${series}|${counter}`;
  for (const s of sums) total.set(key(s.window, s.series, s.counter), (total.get(key(s.window, s.series, s.counter)) ?? 0) + s.value);
  const sum = (window: RollupWindow, series: RollupSeries, counter: string) => total.get(key(window, series, counter)) ?? 0;
  const received = (counter: string) => sum('within', 'received', counter);
  const scope = (counter: string, ended = counter) => sum('before_to', 'received', counter) - sum('before_from', 'ended', ended);

  const counts = emptyCounts(period);
  const r = counts.ratios;
  const recv = received('in_scope');
  const inScope21 = scope('in_scope', 'out_of_scope');
  r['1.4'] = { numerator: received('synced'), denominator: recv };
  r['2.1'] = {
    numerator: sum('within', 'ended', 'on_time') + sum('before_to', 'received', 'open_on_time') - sum('before_to', 'on_time_until', 'count'),
    denominator: inScope21,
  };
  // A paper result by `to` that is not electronic: received in the period, a result, and not still open at `to`.
  const notElectronicBy = (counter: string) => received(counter) - sum('cross_to', 'crossing', counter);
  r['3.3'] = { numerator: received('online') - notElectronicBy('online_paper_not_e'), denominator: recv };
  r['3.6'] = { numerator: received('paid_online'), denominator: received('payable') };
  r['4.1'] = { numerator: sum('within', 'ended', 'paper_result_e'), denominator: sum('within', 'ended', 'paper_result') };
  r['4.2'] = { numerator: received('digitised') - notElectronicBy('digitised_paper_not_e'), denominator: recv };
  r['4.3'] = { numerator: received('reused'), denominator: recv };
  r['4.4'] = { numerator: received('citizen_store'), denominator: recv };
  r.digitised_at_receipt = { numerator: received('digitised'), denominator: recv };
  r.channel_online = { numerator: received('online'), denominator: recv };
  r.channel_direct = { numerator: received('direct'), denominator: recv };
  r.channel_postal = { numerator: received('postal'), denominator: recv };
  r.dissatisfied_or_complained = { numerator: scope('dissatisfied'), denominator: inScope21 };
  r.rated_or_complained = { numerator: scope('rated'), denominator: inScope21 };

  // 2.2: received in the period with a result, minus those still open at the midnight before the
  // report instant (crossing it), plus those of them that ended between that midnight and the instant.
  const times = new Map<string, ProcedureTimeCount>();
  const addTime = (procedureCode: string, unit: FactTimeUnit, completed: number, centi: number) => {
    const id = `${procedureCode}\u0000${unit}`;
    const entry = times.get(id) ?? { procedureCode, unit, completed: 0, totalCenti: 0 };
    entry.completed += completed;
    entry.totalCenti += centi;
    times.set(id, entry);
  };
  for (const s of sums) {
    const sign = s.window === 'within' && s.series === 'received' ? 1 : s.window === 'cross_as_of' && s.series === 'crossing' ? -1 : 0;
    if (sign === 0) continue;
    if (s.counter.startsWith('timed:')) addTime(s.procedureCode, s.counter.slice(6) as FactTimeUnit, sign * s.value, 0);
    if (s.counter.startsWith('centi:')) addTime(s.procedureCode, s.counter.slice(6) as FactTimeUnit, 0, sign * s.value);
  }
  const asOfMidnight = midnightOf(localDay(asOf));
  for (const f of endedSinceAsOfDay) {
    const end = f.processingEndedAt;
    const inSample = f.receivedAt !== null && ms(f.receivedAt) >= ms(period.from) && ms(f.receivedAt) < ms(period.to) && end !== null;
    if (inSample && timed(f) && ms(end) >= ms(asOfMidnight) && ms(end) < ms(asOf)) addTime(f.procedureCode, f.processingTimeUnit!, 1, f.processingTimeCenti!);
  }

  // Irregular dossiers: counted from their facts, added.
  const direct = countFacts(irregular, period, config);
  for (const key of DOSSIER_RATIO_KEYS) {
    r[key] = { numerator: r[key].numerator + direct.ratios[key].numerator, denominator: r[key].denominator + direct.ratios[key].denominator };
  }
  for (const t of direct.processingTime.byProcedure) addTime(t.procedureCode, t.unit, t.completed, t.totalCenti);
  counts.processingTime = { selectedProcedure: null, byProcedure: [...times.values()].filter((t) => t.completed !== 0).sort(compareTimeCounts) };
  return counts;
}

/** Procedures that received an online dossier in the period (3.2), from the sums and the irregular dossiers. */
export function onlineProcedures(sums: readonly RollupSum[], period: Period, irregular: readonly DossierFact[]): Set<string> {
  const out = new Set(sums.filter((s) => s.window === 'within' && s.series === 'received' && s.counter === 'online' && s.value > 0).map((s) => s.procedureCode));
  for (const f of irregular) {
    if (f.channel === 'online' && f.receivedAt !== null && ms(f.receivedAt) >= ms(period.from) && ms(f.receivedAt) < ms(period.to)) out.add(f.procedureCode);
  }
  return out;
}

/**
 * What a change of one dossier's facts does to the buckets: subtracts what the old facts added and
 * adds what the new ones add (irregular or absent facts add nothing), merged, zeros dropped.
 */
export function rollupChange(before: DossierFact | null, after: DossierFact | null): RollupEntry[] {
  const entriesOf = (f: DossierFact | null) => (f !== null && isRollupRegular(f) ? rollupEntries(f) : []);
  const negate = (e: RollupEntry): RollupEntry => ({ ...e, counters: Object.fromEntries(Object.entries(e.counters).map(([k, v]) => [k, -v])) });
  return mergeRollup([...entriesOf(before).map(negate), ...entriesOf(after)])
    .map((e) => ({ ...e, counters: nonZero(e.counters) }))
    .filter((e) => Object.keys(e.counters).length > 0);
}

/** The regular dossiers' buckets and the irregular dossiers of a fact set, for the configuration (imported ones per `importedDossiers`). */
export function splitForRollup(facts: readonly DossierFact[], config: IndicatorConfig): { buckets: RollupEntry[]; irregular: DossierFact[] } {
  const irregular: DossierFact[] = [];
  const entries: RollupEntry[] = [];
  for (const f of facts) {
    if (!inScope(f, config)) continue;
    if (isRollupRegular(f)) entries.push(...rollupEntries(f));
    else irregular.push(f);
  }
  return { buckets: mergeRollup(entries), irregular };
}
