import { Brackets, EntityManager } from 'typeorm';
import { countFacts, FEEDBACK_RATIO_KEYS, FeedbackFact, IndicatorConfig, IndicatorCounts, Period } from '@motcua/indicators';
import { FeedbackEntity } from '../feedback/feedback.entity';

/** The filter fields feedback can answer: it belongs to a department, not to a procedure, field or channel. */
export interface FeedbackFilter {
  departmentCode?: string;
  procedureCode?: string;
  field?: string;
  channel?: string;
}

/**
 * The feedback (PAKN) facts a period's 5.1–5.3 can involve: received in the period (5.1), or
 * received before its end and not handled before its start (5.2, 5.3). Feedback is a small
 * table next to dossiers (a few thousand a year), so the rules run in memory over the facts,
 * through the library's own predicates: one source of truth for the formulas.
 *
 * A filter on procedure, field or channel selects no feedback (5.1–5.3 are then N/A): a
 * feedback has no procedure, even when linked to a dossier.
 */
export async function loadFeedbackFacts(m: EntityManager, period: Period, filter: FeedbackFilter): Promise<FeedbackFact[]> {
  if (filter.procedureCode !== undefined || filter.field !== undefined || filter.channel !== undefined) return [];
  const qb = m
    .createQueryBuilder(FeedbackEntity, 'f')
    .where('f.received_at < :to', { to: period.to })
    .andWhere(new Brackets((w) => w.where('f.received_at >= :from', { from: period.from }).orWhere('f.handled_at IS NULL').orWhere('f.handled_at >= :from', { from: period.from })));
  if (filter.departmentCode !== undefined) qb.andWhere('f.department_code = :department', { department: filter.departmentCode });
  const rows = await qb.getMany();
  return rows.map((r) => ({
    category: r.category,
    receivedAt: r.receivedAt,
    handledAt: r.handledAt,
    dueAt: r.dueAt,
    onTime: r.onTime,
    citizenVerdict: r.verdict,
    departmentCode: r.departmentCode,
  }));
}

/** Fills the feedback ratios (5.1–5.3) of `counts` from the facts. */
export function withFeedbackCounts(counts: IndicatorCounts, facts: readonly FeedbackFact[], config: IndicatorConfig): IndicatorCounts {
  const fromFeedback = countFacts([], counts.period, config, facts);
  const ratios = { ...counts.ratios };
  for (const key of FEEDBACK_RATIO_KEYS) ratios[key] = fromFeedback.ratios[key];
  return { ...counts, ratios };
}
