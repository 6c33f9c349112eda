/**
 * Counting: facts → numerators and denominators. This is what the SQL adapter produces
 * with aggregates; `countFacts` is the reference implementation over facts in memory.
 */
import type { IndicatorConfig } from './config';
import type { DossierFact, FactTimeUnit, FeedbackFact, ProcedureFact } from './facts';
import type { Period } from './period';
import {
  CATALOGUE_RATIO_KEYS,
  CATALOGUE_RATIO_RULES,
  DOSSIER_RATIO_KEYS,
  DOSSIER_RATIO_RULES,
  FEEDBACK_RATIO_KEYS,
  FEEDBACK_RATIO_RULES,
  RATIO_KEYS,
  inProcessingTimeSample,
  onlineProceduresOf,
  type RatioKey,
} from './predicates';

export interface RatioCount {
  numerator: number;
  denominator: number;
}

/** 2.2 sample of one procedure, in one unit (a procedure keeps its unit unless its catalogue entry changes it). */
export interface ProcedureTimeCount {
  procedureCode: string;
  unit: FactTimeUnit;
  /** Dossiers in the 2.2 sample (see `inProcessingTimeSample`). */
  completed: number;
  /** SUM(processingTimeCenti): hundredths of `unit`, an integer so that sums are exact on every side. */
  totalCenti: number;
}

export interface IndicatorCounts {
  period: Period;
  /** Numerator and denominator of every ratio (see `RATIO_KEYS`). */
  ratios: Record<RatioKey, RatioCount>;
  /** 2.2, per procedure and unit (sorted by procedure code, then unit). */
  processingTime: {
    /**
     * The one procedure the report is about, or null. The adapter sets it when the query
     * is filtered on one procedure; `countFacts` sets it when every in-scope fact has the
     * same procedure code. 2.2 has a value only when it is set ("shown only when one TTHC is selected").
     */
    selectedProcedure: string | null;
    byProcedure: ProcedureTimeCount[];
  };
}

/** Whether the configuration counts this dossier at all (`importedDossiers`). */
export function inScope(fact: DossierFact, config: IndicatorConfig): boolean {
  return config.importedDossiers === 'include' || !fact.imported;
}

export function emptyCounts(period: Period): IndicatorCounts {
  const ratios = {} as Record<RatioKey, RatioCount>;
  for (const key of RATIO_KEYS) ratios[key] = { numerator: 0, denominator: 0 };
  return { period, ratios, processingTime: { selectedProcedure: null, byProcedure: [] } };
}

/** Reference counting over facts in memory. Without catalogue facts, 3.1, 3.2 and 3.5 are N/A. */
export function countFacts(
  facts: readonly DossierFact[],
  period: Period,
  config: IndicatorConfig,
  feedback: readonly FeedbackFact[] = [],
  catalogue: readonly ProcedureFact[] = [],
): IndicatorCounts {
  const counts = emptyCounts(period);
  const times = new Map<string, ProcedureTimeCount>();
  const procedures = new Set<string>();
  for (const fact of facts) {
    if (!inScope(fact, config)) continue;
    procedures.add(fact.procedureCode);
    for (const key of DOSSIER_RATIO_KEYS) {
      const rule = DOSSIER_RATIO_RULES[key];
      if (!rule.denominator(fact, period)) continue;
      counts.ratios[key].denominator++;
      if (rule.numerator(fact, period)) counts.ratios[key].numerator++;
    }
    if (inProcessingTimeSample(fact, period)) {
      const id = `${fact.procedureCode}\u0000${fact.processingTimeUnit}`;
      const entry = times.get(id) ?? { procedureCode: fact.procedureCode, unit: fact.processingTimeUnit!, completed: 0, totalCenti: 0 };
      entry.completed++;
      entry.totalCenti += fact.processingTimeCenti!;
      times.set(id, entry);
    }
  }
  for (const fb of feedback) {
    for (const key of FEEDBACK_RATIO_KEYS) {
      const rule = FEEDBACK_RATIO_RULES[key];
      if (!rule.denominator(fb, period)) continue;
      counts.ratios[key].denominator++;
      if (rule.numerator(fb, period)) counts.ratios[key].numerator++;
    }
  }
  const context = { onlineProcedures: onlineProceduresOf(facts.filter((f) => inScope(f, config)), period) };
  for (const p of catalogue) {
    for (const key of CATALOGUE_RATIO_KEYS) {
      const rule = CATALOGUE_RATIO_RULES[key];
      if (!rule.denominator(p)) continue;
      counts.ratios[key].denominator++;
      if (rule.numerator(p, context)) counts.ratios[key].numerator++;
    }
  }
  counts.processingTime = {
    selectedProcedure: procedures.size === 1 ? [...procedures][0] : null,
    byProcedure: [...times.values()].sort(compareTimeCounts),
  };
  return counts;
}

/** Order of `processingTime.byProcedure`: procedure code, then unit (code-point order, as SQL `COLLATE "C"`). */
export function compareTimeCounts(a: ProcedureTimeCount, b: ProcedureTimeCount): number {
  return compareCodes(a.procedureCode, b.procedureCode) || compareCodes(a.unit, b.unit);
}

/** Plain code-point order (locale-independent, as SQL `ORDER BY ... COLLATE "C"`). */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Ratios that share the denominator "received in the period". Not 1.4: the portal divides by
 * the number of dossiers to be counted, which the reconciliation takes from our side.
 */
const RECEIVED_KEYS: readonly RatioKey[] = ['3.3', '4.2', '4.3', '4.4', 'channel_online', 'channel_direct', 'channel_postal', 'digitised_at_receipt'];

/** Checks counts from any source (throws RangeError): non-negative integers, numerator ≤ denominator, shared denominators equal. */
export function validateCounts(counts: IndicatorCounts): void {
  const problems: string[] = [];
  const isCount = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  for (const key of RATIO_KEYS) {
    const r = counts.ratios[key];
    if (!r || !isCount(r.numerator) || !isCount(r.denominator)) problems.push(`ratios[${key}] must hold non-negative integers`);
    else if (r.numerator > r.denominator) problems.push(`ratios[${key}]: numerator ${r.numerator} > denominator ${r.denominator}`);
  }
  for (const p of counts.processingTime.byProcedure) {
    if (!isCount(p.completed) || !isCount(p.totalCenti)) problems.push(`processingTime[${p.procedureCode}] must hold a count and a non-negative integer total`);
  }
  if (problems.length === 0) {
    const r = counts.ratios;
    const shared = (keys: readonly RatioKey[], what: string) => {
      if (new Set(keys.map((k) => r[k].denominator)).size > 1) problems.push(`${keys.join(', ')} must share the denominator (${what})`);
    };
    shared(RECEIVED_KEYS, 'received in the period');
    shared(['2.1', 'dissatisfied_or_complained', 'rated_or_complained'], 'the 2.1 scope');
    const channels = r.channel_online.numerator + r.channel_direct.numerator + r.channel_postal.numerator;
    if (channels !== r.channel_online.denominator) problems.push(`channel shares add up to ${channels}, not ${r.channel_online.denominator}`);
    if (r['3.3'].numerator > r.channel_online.numerator) problems.push('3.3 counts more online dossiers than were received online');
    if (r['3.6'].denominator > r['3.3'].denominator) problems.push('3.6 counts more dossiers than were received');
    if (r['3.2'].denominator !== r['3.1'].numerator) problems.push('3.2 must count the online services 3.1 counts');
  }
  if (problems.length > 0) throw new RangeError(`Invalid indicator counts: ${problems.join('; ')}`);
}
