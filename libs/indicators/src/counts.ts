/**
 * Counting: facts → numerators and denominators. This is what the SQL adapter produces
 * with aggregates; `countFacts` is the reference implementation over facts in memory.
 */
import type { IndicatorConfig } from './config';
import type { DossierFact, FeedbackFact } from './facts';
import type { Period } from './period';
import {
  DOSSIER_RATIO_KEYS,
  DOSSIER_RATIO_RULES,
  FEEDBACK_RATIO_KEYS,
  FEEDBACK_RATIO_RULES,
  RATIO_KEYS,
  inProcessingTimeSample,
  inSatisfactionDenominator,
  isDissatisfiedOrComplained,
  isOnTime,
  type RatioKey,
} from './predicates';

export interface RatioCount {
  numerator: number;
  denominator: number;
}

/** 2.2 sample of one procedure. */
export interface ProcedureTimeCount {
  procedureCode: string;
  /** Dossiers in the 2.2 sample (see `inProcessingTimeSample`). */
  completed: number;
  /** SUM(processingWorkingMinutes) over them. */
  totalWorkingMinutes: number;
}

export interface IndicatorCounts {
  period: Period;
  /** Numerator and denominator of every ratio (766 ratios and the plan measure `digitised_at_receipt`). */
  ratios: Record<RatioKey, RatioCount>;
  /** 2.2, per procedure (sorted by procedure code). */
  processingTime: {
    /**
     * The one procedure the report is about, or null. The adapter sets it when the query
     * is filtered on one procedure; `countFacts` sets it when every in-scope fact has the
     * same procedure code. 2.2 has a value only when it is set.
     */
    selectedProcedure: string | null;
    byProcedure: ProcedureTimeCount[];
  };
  /** Parts of 5.4, within its denominator. */
  satisfactionParts: {
    /** Not on time per 2.1 (= ratios['2.1'].denominator − ratios['2.1'].numerator). */
    overdue: number;
    /** `rating = 'dissatisfied' OR hasComplaint`. */
    dissatisfiedOrComplained: number;
  };
}

/** Whether the configuration counts this dossier at all (`importedDossiers`). */
export function inScope(fact: DossierFact, config: IndicatorConfig): boolean {
  return config.importedDossiers === 'include' || !fact.imported;
}

export function emptyCounts(period: Period): IndicatorCounts {
  const ratios = {} as Record<RatioKey, RatioCount>;
  for (const key of RATIO_KEYS) ratios[key] = { numerator: 0, denominator: 0 };
  return { period, ratios, processingTime: { selectedProcedure: null, byProcedure: [] }, satisfactionParts: { overdue: 0, dissatisfiedOrComplained: 0 } };
}

/** Reference counting over facts in memory. */
export function countFacts(facts: readonly DossierFact[], period: Period, config: IndicatorConfig, feedback: readonly FeedbackFact[] = []): IndicatorCounts {
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
    if (inSatisfactionDenominator(fact, period)) {
      if (!isOnTime(fact, period)) counts.satisfactionParts.overdue++;
      if (isDissatisfiedOrComplained(fact)) counts.satisfactionParts.dissatisfiedOrComplained++;
    }
    if (inProcessingTimeSample(fact, period)) {
      const entry = times.get(fact.procedureCode) ?? { procedureCode: fact.procedureCode, completed: 0, totalWorkingMinutes: 0 };
      entry.completed++;
      entry.totalWorkingMinutes += fact.processingWorkingMinutes!;
      times.set(fact.procedureCode, entry);
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
  counts.processingTime = {
    selectedProcedure: procedures.size === 1 ? [...procedures][0] : null,
    byProcedure: [...times.values()].sort((a, b) => compareCodes(a.procedureCode, b.procedureCode)),
  };
  return counts;
}

/** Plain code-point order (locale-independent, as SQL `ORDER BY ... COLLATE "C"`). */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Checks counts from any source (throws RangeError): non-negative integers, numerator ≤ denominator, consistent 5.4 parts. */
export function validateCounts(counts: IndicatorCounts): void {
  const problems: string[] = [];
  const isCount = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  for (const key of RATIO_KEYS) {
    const r = counts.ratios[key];
    if (!r || !isCount(r.numerator) || !isCount(r.denominator)) problems.push(`ratios[${key}] must hold non-negative integers`);
    else if (r.numerator > r.denominator) problems.push(`ratios[${key}]: numerator ${r.numerator} > denominator ${r.denominator}`);
  }
  for (const p of counts.processingTime.byProcedure) {
    if (!isCount(p.completed) || typeof p.totalWorkingMinutes !== 'number' || !Number.isFinite(p.totalWorkingMinutes) || p.totalWorkingMinutes < 0) {
      problems.push(`processingTime[${p.procedureCode}] must hold a count and a non-negative total`);
    }
  }
  const { overdue, dissatisfiedOrComplained } = counts.satisfactionParts;
  const onTime = counts.ratios['2.1'];
  const sat = counts.ratios['5.4'];
  if (problems.length === 0) {
    if (!isCount(overdue) || !isCount(dissatisfiedOrComplained)) problems.push('satisfactionParts must hold non-negative integers');
    else {
      if (sat.denominator !== onTime.denominator) problems.push(`5.4 denominator (${sat.denominator}) must equal the 2.1 denominator (${onTime.denominator})`);
      if (overdue !== onTime.denominator - onTime.numerator) problems.push(`satisfactionParts.overdue (${overdue}) must equal 2.1 denominator − numerator`);
      const unsatisfied = sat.denominator - sat.numerator;
      if (unsatisfied < Math.max(overdue, dissatisfiedOrComplained) || unsatisfied > overdue + dissatisfiedOrComplained) {
        problems.push(`5.4: ${unsatisfied} dossiers not satisfied is not the union of ${overdue} overdue and ${dissatisfiedOrComplained} dissatisfied/complained`);
      }
    }
  }
  if (problems.length > 0) throw new RangeError(`Invalid indicator counts: ${problems.join('; ')}`);
}
