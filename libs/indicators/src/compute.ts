/**
 * Reference implementation over facts in memory: the whole report, the dossiers behind a
 * number, and per-group reports. For small data, drill-down lists, and as the oracle the
 * SQL adapter is tested against.
 */
import { DEFAULT_INDICATOR_CONFIG, type IndicatorConfig } from './config';
import { compareCodes, countFacts, inScope } from './counts';
import type { DossierFact, FeedbackFact, ProcedureFact } from './facts';
import type { Period } from './period';
import { DOSSIER_RATIO_RULES, FEEDBACK_RATIO_RULES, type DossierRatioKey, type FeedbackRatioKey } from './predicates';
import { scoreIndicators, type IndicatorReport } from './score';

/** The report for `period`: exactly `scoreIndicators(countFacts(facts, period, config, feedback), config)`. */
export function computeIndicators(
  facts: readonly DossierFact[],
  period: Period,
  config: IndicatorConfig = DEFAULT_INDICATOR_CONFIG,
  feedback: readonly FeedbackFact[] = [],
  catalogue: readonly ProcedureFact[] = [],
): IndicatorReport {
  return scoreIndicators(countFacts(facts, period, config, feedback, catalogue), config);
}

export interface Selection<F> {
  /** Facts in the denominator. */
  denominator: F[];
  /** Facts in the numerator (a subset of the denominator). */
  numerator: F[];
  /** Denominator minus numerator (e.g. the late dossiers of 2.1). */
  notInNumerator: F[];
}

/** The dossiers behind a ratio (for "show me the dossiers" lists and evidence exports). */
export function selectDossiers(
  facts: readonly DossierFact[],
  period: Period,
  key: DossierRatioKey,
  config: IndicatorConfig = DEFAULT_INDICATOR_CONFIG,
): Selection<DossierFact> {
  const rule = DOSSIER_RATIO_RULES[key];
  if (!rule) throw new RangeError(`Not a dossier ratio: ${key}`);
  const out: Selection<DossierFact> = { denominator: [], numerator: [], notInNumerator: [] };
  for (const fact of facts) {
    if (!inScope(fact, config) || !rule.denominator(fact, period)) continue;
    out.denominator.push(fact);
    (rule.numerator(fact, period) ? out.numerator : out.notInNumerator).push(fact);
  }
  return out;
}

/** The feedback behind a feedback ratio (5.1–5.3). */
export function selectFeedback(feedback: readonly FeedbackFact[], period: Period, key: FeedbackRatioKey): Selection<FeedbackFact> {
  const rule = FEEDBACK_RATIO_RULES[key];
  if (!rule) throw new RangeError(`Not a feedback ratio: ${key}`);
  const out: Selection<FeedbackFact> = { denominator: [], numerator: [], notInNumerator: [] };
  for (const fb of feedback) {
    if (!rule.denominator(fb, period)) continue;
    out.denominator.push(fb);
    (rule.numerator(fb, period) ? out.numerator : out.notInNumerator).push(fb);
  }
  return out;
}

export type GroupBy = 'agency' | 'department' | 'procedure' | 'field' | 'channel';

export interface GroupedReport {
  by: GroupBy;
  /** Agency, department, procedure or field code, or the channel. */
  key: string;
  report: IndicatorReport;
}

const DOSSIER_KEY: Record<GroupBy, (f: DossierFact) => string> = {
  agency: (f) => f.agencyCode,
  department: (f) => f.departmentCode,
  procedure: (f) => f.procedureCode,
  field: (f) => f.field,
  channel: (f) => f.channel,
};

const FEEDBACK_KEY: Record<GroupBy, (f: FeedbackFact) => string | null | undefined> = {
  agency: (f) => f.agencyCode,
  department: (f) => f.departmentCode,
  procedure: (f) => f.procedureCode,
  field: (f) => f.field,
  channel: () => null,
};

/**
 * One report per group, sorted by key (code-point order). Groups are the distinct keys
 * of the in-scope dossier facts, plus keys carried by feedback facts (feedback without the
 * key belongs to no group; feedback is never grouped by channel). Each report is
 * `computeIndicators` over the group's facts, so with `by: 'procedure'` indicator 2.2
 * has a value in every group.
 */
export function groupFacts(
  facts: readonly DossierFact[],
  by: GroupBy,
  period: Period,
  config: IndicatorConfig = DEFAULT_INDICATOR_CONFIG,
  feedback: readonly FeedbackFact[] = [],
): GroupedReport[] {
  const keyOf = DOSSIER_KEY[by];
  if (!keyOf) throw new RangeError(`Unknown grouping: ${by}`);
  const dossiers = new Map<string, DossierFact[]>();
  const feedbackByKey = new Map<string, FeedbackFact[]>();
  for (const fact of facts) {
    if (!inScope(fact, config)) continue;
    const key = keyOf(fact);
    const list = dossiers.get(key) ?? [];
    list.push(fact);
    dossiers.set(key, list);
  }
  for (const fb of feedback) {
    const key = FEEDBACK_KEY[by](fb);
    if (key === null || key === undefined) continue;
    const list = feedbackByKey.get(key) ?? [];
    list.push(fb);
    feedbackByKey.set(key, list);
  }
  const keys = [...new Set([...dossiers.keys(), ...feedbackByKey.keys()])].sort(compareCodes);
  return keys.map((key) => ({
    by,
    key,
    report: computeIndicators(dossiers.get(key) ?? [], period, config, feedbackByKey.get(key) ?? []),
  }));
}
