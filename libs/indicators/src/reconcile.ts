/**
 * Reconciliation: our figures beside the figures the portal computes from the records it
 * actually received, and the dossiers that make the difference (DOMAIN.md §1.5: the Index is
 * computed from the synced records). Both sides go through the same rules; the portal side
 * reads the last record delivered for each dossier, ours the current record.
 */
import type { IndicatorConfig } from './config';
import { countFacts, inScope } from './counts';
import type { IndicatorKey } from './definitions';
import type { DossierFact, FeedbackFact, ProcedureFact } from './facts';
import { round2 } from './numbers';
import type { Period } from './period';
import { DOSSIER_RATIO_KEYS, DOSSIER_RATIO_RULES, type DossierRatioKey } from './predicates';
import { scoreIndicators, type IndicatorReport } from './score';

/** One dossier's current record (ours) or last delivered record (the portal's), as facts. */
export interface VersionedFact {
  fact: DossierFact;
  /** PhienBan of the record. */
  version: number;
}

/** Where the newest record of a dossier stands in the outbox. */
export type DeliveryState = 'pending' | 'dead' | 'discarded' | 'not_queued';

export interface ReconcileInput {
  ours: readonly VersionedFact[];
  /** The last record the portal acknowledged for each dossier (at most one per code). */
  delivered: readonly VersionedFact[];
  /** Outbox state of the newest record of dossiers whose newest record was not delivered. */
  deliveryState: ReadonlyMap<string, DeliveryState>;
  feedback: readonly FeedbackFact[];
  /** The catalogue (3.1, 3.2, 3.5); 3.2 counts online dossiers, so each side counts its own. */
  catalogue?: readonly ProcedureFact[];
}

/** Where a dossier stands in one ratio. */
export type Membership = 'numerator' | 'denominator' | 'out';

export interface DossierDifference {
  code: string;
  /** `not_delivered`: the portal has no record of it; `outdated`: it has an older version. */
  reason: 'not_delivered' | 'outdated';
  ourVersion: number | null;
  deliveredVersion: number | null;
  delivery: DeliveryState | null;
  /** The ratios in which the two records place the dossier differently. */
  ratios: Array<{ key: DossierRatioKey; ours: Membership; portal: Membership }>;
}

export interface FigureComparison {
  key: IndicatorKey;
  nameVi: string;
  ours: number | null;
  portal: number | null;
  /** portal − ours, 2 decimals; null when either is N/A. */
  difference: number | null;
}

export interface Reconciliation {
  period: Period;
  ours: IndicatorReport;
  portal: IndicatorReport;
  figures: FigureComparison[];
  /** Dossiers counted differently by the two sides, by code. */
  differences: DossierDifference[];
  /** Dossiers received in the period / of them with a delivered record (1.4). */
  sync: { received: number; delivered: number; rate: number | null };
}

function membership(fact: DossierFact | undefined, key: DossierRatioKey, period: Period, config: IndicatorConfig): Membership {
  if (!fact || !inScope(fact, config)) return 'out';
  const rule = DOSSIER_RATIO_RULES[key];
  if (!rule.denominator(fact, period)) return 'out';
  return rule.numerator(fact, period) ? 'numerator' : 'denominator';
}

export function reconcile(input: ReconcileInput, period: Period, config: IndicatorConfig): Reconciliation {
  const ourFacts = input.ours.map((v) => v.fact);
  const portalFacts = input.delivered.map((v) => ({ ...v.fact, synced: true }));
  const ourCounts = countFacts(ourFacts, period, config, input.feedback, input.catalogue);
  const portalCounts = countFacts(portalFacts, period, config, input.feedback, input.catalogue);
  // The portal's 1.4 divides by the number of dossiers to be counted, which it takes from the
  // reporting system: ours. Its sync rate is therefore ours; its 3.3 multiplies by it.
  portalCounts.ratios['1.4'] = { ...ourCounts.ratios['1.4'] };
  const ours = scoreIndicators(ourCounts, config);
  const portal = scoreIndicators(portalCounts, config);

  const figures: FigureComparison[] = ours.indicators.map((o, i) => {
    const p = portal.indicators[i];
    const value = (r: typeof o) => (r.kind === 'ratio' ? r.rate : r.average);
    const [a, b] = [value(o), value(p)];
    return { key: o.key, nameVi: o.nameVi, ours: a, portal: b, difference: a === null || b === null ? null : round2(b - a) };
  });

  const delivered = new Map(input.delivered.map((v) => [v.fact.code, v]));
  const differences: DossierDifference[] = [];
  for (const our of input.ours) {
    const theirs = delivered.get(our.fact.code);
    if (theirs && theirs.version >= our.version) continue;
    const ratios = DOSSIER_RATIO_KEYS.filter((k) => k !== '1.4')
      .map((key) => ({ key, ours: membership(our.fact, key, period, config), portal: membership(theirs?.fact, key, period, config) }))
      .filter((r) => r.ours !== r.portal);
    if (ratios.length === 0) continue;
    differences.push({
      code: our.fact.code,
      reason: theirs ? 'outdated' : 'not_delivered',
      ourVersion: our.version,
      deliveredVersion: theirs?.version ?? null,
      delivery: input.deliveryState.get(our.fact.code) ?? null,
      ratios,
    });
  }
  differences.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const sync = ourCounts.ratios['1.4'];
  return {
    period,
    ours,
    portal,
    figures,
    differences,
    sync: { received: sync.denominator, delivered: sync.numerator, rate: sync.denominator === 0 ? null : round2((sync.numerator / sync.denominator) * 100) },
  };
}
