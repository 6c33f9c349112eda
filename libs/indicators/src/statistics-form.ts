/**
 * The periodic statistics form "Tình hình, kết quả giải quyết thủ tục hành chính" (Biểu 06/VPCP/KSTT
 * of TT 01/2020/TT-VPCP), per field and procedure, from the same facts and rules as the
 * indicators. Columns as a provincial system prints "Biểu số II.06a/VPCP/KSTT" ([C] public code,
 * read 2026-12-07; not checked against the Circular's text — UNVERIFIED):
 * (3) received in total = (4) + (5) + (6); (4) new online; (5) new at the counter or by post;
 * (6) carried over from earlier periods; (7) resolved = (8) + (9) + (10), early / on time / late;
 * (11) in progress at the period end = (12) + (13), within the time limit / overdue.
 *
 * (3) is the 2.1 denominator, (8) + (9) + (12) its numerator: the form and the Index never disagree.
 */
import type { IndicatorConfig } from './config';
import { compareCodes, inScope } from './counts';
import type { DossierFact } from './facts';
import type { Period } from './period';
import { inOnTimeDenominator, isEndedIn, isReceivedIn, timeliness } from './predicates';

export interface FormCounts {
  total: number;
  newOnline: number;
  newOther: number;
  carriedOver: number;
  resolved: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  inProgress: number;
  inProgressOnTime: number;
  inProgressLate: number;
}

export interface FormField {
  field: string;
  counts: FormCounts;
  procedures: Array<{ procedureCode: string; counts: FormCounts }>;
}

export interface StatisticsForm {
  period: Period;
  total: FormCounts;
  fields: FormField[];
}

export function emptyFormCounts(): FormCounts {
  return { total: 0, newOnline: 0, newOther: 0, carriedOver: 0, resolved: 0, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0, inProgress: 0, inProgressOnTime: 0, inProgressLate: 0 };
}

function add(counts: FormCounts, fact: DossierFact, period: Period): void {
  counts.total++;
  if (!isReceivedIn(fact, period)) counts.carriedOver++;
  else if (fact.channel === 'online') counts.newOnline++;
  else counts.newOther++;
  const t = timeliness(fact, period);
  if (isEndedIn(fact, period)) {
    counts.resolved++;
    if (t === 'early') counts.resolvedEarly++;
    else if (t === 'on_time') counts.resolvedOnTime++;
    else counts.resolvedLate++;
  } else {
    counts.inProgress++;
    if (t === 'late') counts.inProgressLate++;
    else counts.inProgressOnTime++;
  }
}

/** The form's rows: every dossier of the 2.1 scope, by field, then procedure (code-point order). */
export function statisticsForm(facts: readonly DossierFact[], period: Period, config: IndicatorConfig): StatisticsForm {
  const total = emptyFormCounts();
  const fields = new Map<string, FormField>();
  for (const fact of facts) {
    if (!inScope(fact, config) || !inOnTimeDenominator(fact, period)) continue;
    const field = fields.get(fact.field) ?? { field: fact.field, counts: emptyFormCounts(), procedures: [] };
    fields.set(fact.field, field);
    let procedure = field.procedures.find((p) => p.procedureCode === fact.procedureCode);
    if (!procedure) {
      procedure = { procedureCode: fact.procedureCode, counts: emptyFormCounts() };
      field.procedures.push(procedure);
    }
    for (const counts of [total, field.counts, procedure.counts]) add(counts, fact, period);
  }
  const sorted = [...fields.values()].sort((a, b) => compareCodes(a.field, b.field));
  for (const f of sorted) f.procedures.sort((a, b) => compareCodes(a.procedureCode, b.procedureCode));
  return { period, total, fields: sorted };
}
