/**
 * Scoring: numerators and denominators (however obtained) → rates, scores, group and
 * total scores. Pure arithmetic; no facts are needed.
 *
 * Rules (DOMAIN.md §1.4 "Common rules"):
 * - rate = numerator ÷ denominator × 100; N/A when the denominator is 0 (no division);
 * - score = max points at or above the threshold, rate × max ÷ threshold below it;
 * - comparisons and sums use exact (unrounded) values; every number shown is rounded to
 *   2 decimals at the end, so a displayed part may differ from a displayed sum by 0.01;
 * - N/A indicators: see `NaPolicy` in config.ts.
 */
import { poolsOf, resolveIndicatorPoints, validateIndicatorConfig, type IndicatorConfig, DEFAULT_INDICATOR_CONFIG } from './config';
import { validateCounts, type IndicatorCounts, type ProcedureTimeCount, type RatioCount } from './counts';
import {
  GROUP_DEFINITIONS,
  INDICATOR_DEFINITIONS,
  MEASURE_DEFINITIONS,
  type GroupNo,
  type IndicatorDefinition,
  type IndicatorKey,
  type MeasureKey,
  type ScoredKey,
} from './definitions';
import { round2 } from './numbers';
import type { Period } from './period';
import type { RatioKey } from './predicates';

export interface SatisfactionBreakdown {
  kind: 'satisfaction';
  /** Dossiers not on time (2.1). */
  overdue: number;
  /** Rated "dissatisfied" or complained about. */
  dissatisfiedOrComplained: number;
  /** In both sets (subtracted once). */
  both: number;
  overdueRate: number | null;
  dissatisfiedOrComplainedRate: number | null;
  bothRate: number | null;
}

export interface FeedbackCategoryBreakdown {
  kind: 'feedback_category';
  regulation: number;
  conduct: number;
}

interface ResultBase {
  key: IndicatorKey;
  group: GroupNo;
  nameVi: string;
  formulaVi: string;
  source: string;
  scored: boolean;
  /** Effective full-points threshold (%), null when not scored. */
  threshold: number | null;
  /** What is unverified about this number (definition + configuration), Vietnamese. */
  unverified: string[];
  notesVi: string[];
  /** False = N/A (nothing to count). */
  applicable: boolean;
  naReasonVi: string | null;
  /** Maximum points (2 decimals), null when not scored. */
  maxPoints: number | null;
  /** Points (2 decimals); null when not scored, or N/A under the `exclude` policy (0 under `zero`). */
  score: number | null;
}

export interface RatioIndicatorResult extends ResultBase {
  kind: 'ratio';
  numerator: number;
  denominator: number;
  /** Percent, 2 decimals; null = N/A. */
  rate: number | null;
  breakdown: SatisfactionBreakdown | FeedbackCategoryBreakdown | null;
}

export interface ProcedureTimeResult extends ProcedureTimeCount {
  averageWorkingMinutes: number | null;
  averageWorkingDays: number | null;
}

export interface AverageTimeIndicatorResult extends ResultBase {
  kind: 'average_time';
  selectedProcedure: string | null;
  /** Sample size for the selected procedure (0 when none is selected). */
  completed: number;
  averageWorkingMinutes: number | null;
  /** Average in working days (minutes ÷ `workingMinutesPerDay`), 2 decimals. */
  averageWorkingDays: number | null;
  byProcedure: ProcedureTimeResult[];
}

export type IndicatorResult = RatioIndicatorResult | AverageTimeIndicatorResult;

export interface MeasureResult {
  key: MeasureKey;
  nameVi: string;
  formulaVi: string;
  source: string;
  numerator: number;
  denominator: number;
  rate: number | null;
  applicable: boolean;
}

export interface GroupResult {
  no: GroupNo;
  nameVi: string;
  source: string;
  maxPoints: number;
  /** False for group 1: none of its indicators can be computed from dossier facts. */
  implemented: boolean;
  indicatorKeys: IndicatorKey[];
  /** 2 decimals; null when not implemented, or (policy `exclude`) every scored indicator is N/A. */
  score: number | null;
  /** True when N/A indicators dropped out and the rest were scaled to the group's maximum. */
  rescaled: boolean;
  notImplementedVi: string[];
}

export interface TotalResult {
  /** Sum of the group scores that have a score (2 decimals); null when none has. */
  score: number | null;
  /** Sum of the maxima of those groups (82 with group 1 missing and all others scored). */
  maxPoints: number;
  /** score ÷ maxPoints × 100 (2 decimals). Not comparable with DVCQG's /100 total while group 1 is missing. */
  percent: number | null;
  /** Band of `percent` (exact value) per `config.bands`; null when none is configured or none matches. */
  bandVi: string | null;
}

export interface IndicatorReport {
  period: Period;
  indicators: IndicatorResult[];
  measures: MeasureResult[];
  groups: GroupResult[];
  total: TotalResult;
  naPolicy: IndicatorConfig['naPolicy'];
  /** Report-level unverified items (Vietnamese). */
  unverified: string[];
  counts: IndicatorCounts;
}

const NA_DOSSIERS = 'Không có hồ sơ thuộc mẫu số trong kỳ (mẫu số bằng 0).';
const NA_FEEDBACK = 'Không có phản ánh, kiến nghị thuộc mẫu số trong kỳ (mẫu số bằng 0).';

function rateOf(r: RatioCount): number | null {
  return r.denominator === 0 ? null : (r.numerator / r.denominator) * 100;
}

/** Exact score of a rate (percent) against a threshold, for `max` points. */
export function partialScore(ratePercent: number, threshold: number, max: number): number {
  return ratePercent >= threshold ? max : (ratePercent * max) / threshold;
}

function unverifiedFor(def: IndicatorDefinition, config: IndicatorConfig, points: Record<ScoredKey, number>): string[] {
  const out = [...def.unverified];
  if (!def.scored) return out;
  const key = def.key as ScoredKey;
  if (def.thresholdSource === null) {
    out.push(`Ngưỡng đạt điểm tối đa: nguồn không nêu (chưa xác minh); đang dùng ${config.thresholds[key]}% theo cấu hình (mặc định ${def.threshold}%).`);
  }
  out.push(
    `Điểm tối đa của chỉ số trong nhóm: chưa xác minh (phụ lục QĐ 766 chưa đọc được); đang dùng ${round2(points[key])} điểm theo cấu hình ` +
      '(mặc định: chia đều điểm của nhóm cho các chỉ số đã triển khai).',
  );
  if (def.group === 3) {
    out.push(
      `Chia điểm nhóm 3 giữa "Dịch vụ công trực tuyến" và "Thanh toán trực tuyến": chưa xác minh (12/10 hay 10/12); đang dùng ` +
        `${config.group3Split.onlineService}/${config.group3Split.onlinePayment}.`,
    );
  }
  return out;
}

/** Turns counts into the report. Validates the counts and the configuration first (throws on inconsistency). */
export function scoreIndicators(counts: IndicatorCounts, config: IndicatorConfig = DEFAULT_INDICATOR_CONFIG): IndicatorReport {
  validateIndicatorConfig(config);
  validateCounts(counts);
  const points = resolveIndicatorPoints(config);
  const exactScores = new Map<ScoredKey, number | null>();

  const indicators: IndicatorResult[] = INDICATOR_DEFINITIONS.map((def): IndicatorResult => {
    const base = {
      key: def.key,
      group: def.group,
      nameVi: def.nameVi,
      formulaVi: def.formulaVi,
      source: def.source,
      scored: def.scored,
      threshold: def.scored ? config.thresholds[def.key as ScoredKey] : null,
      unverified: unverifiedFor(def, config, points),
      notesVi: [...def.notesVi],
    };
    if (def.kind === 'average_time') return averageTimeResult(base, counts, config);

    const ratio = counts.ratios[def.key as RatioKey];
    const rate = rateOf(ratio);
    let score: number | null = null;
    let maxPoints: number | null = null;
    if (def.scored) {
      const key = def.key as ScoredKey;
      maxPoints = points[key];
      score = rate === null ? (config.naPolicy === 'zero' ? 0 : null) : partialScore(rate, config.thresholds[key], maxPoints);
      exactScores.set(key, rate === null ? null : score);
    }
    return {
      ...base,
      kind: 'ratio',
      numerator: ratio.numerator,
      denominator: ratio.denominator,
      rate: rate === null ? null : round2(rate),
      applicable: rate !== null,
      naReasonVi: rate !== null ? null : def.key.startsWith('5.') && def.key !== '5.4' ? NA_FEEDBACK : NA_DOSSIERS,
      maxPoints: maxPoints === null ? null : round2(maxPoints),
      score: score === null ? null : round2(score),
      breakdown: breakdownOf(def.key, counts),
    };
  });

  const pools = poolsOf(config);
  const groupExact = new Map<GroupNo, number | null>();
  const groups: GroupResult[] = GROUP_DEFINITIONS.map((g) => {
    const keys = g.pools.flatMap((p) => pools[p].keys);
    const maxPoints = config.groupMaxPoints[g.no];
    let score: number | null = null;
    let rescaled = false;
    if (keys.length > 0) {
      const applicable = keys.filter((k) => exactScores.get(k) !== null);
      if (config.naPolicy === 'zero') {
        score = applicable.reduce((sum, k) => sum + exactScores.get(k)!, 0);
      } else {
        const sumMax = applicable.reduce((sum, k) => sum + points[k], 0);
        if (applicable.length > 0 && sumMax > 0) {
          score = (maxPoints * applicable.reduce((sum, k) => sum + exactScores.get(k)!, 0)) / sumMax;
          rescaled = applicable.length < keys.length;
        }
      }
    }
    groupExact.set(g.no, score);
    return {
      no: g.no,
      nameVi: g.nameVi,
      source: g.source,
      maxPoints,
      implemented: keys.length > 0,
      indicatorKeys: INDICATOR_DEFINITIONS.filter((d) => d.group === g.no).map((d) => d.key),
      score: score === null ? null : round2(score),
      rescaled,
      notImplementedVi: [...g.notImplementedVi],
    };
  });

  const scoredGroups = groups.filter((g) => groupExact.get(g.no) !== null);
  const totalExact = scoredGroups.reduce((sum, g) => sum + groupExact.get(g.no)!, 0);
  const totalMax = scoredGroups.reduce((sum, g) => sum + g.maxPoints, 0);
  const percentExact = scoredGroups.length > 0 && totalMax > 0 ? (totalExact / totalMax) * 100 : null;
  const band =
    percentExact === null ? null : [...config.bands].sort((a, b) => b.minPercent - a.minPercent).find((b) => percentExact >= b.minPercent) ?? null;

  const measures: MeasureResult[] = MEASURE_DEFINITIONS.map((m) => {
    const r: RatioCount =
      m.key === 'overdue'
        ? { numerator: counts.ratios['2.1'].denominator - counts.ratios['2.1'].numerator, denominator: counts.ratios['2.1'].denominator }
        : counts.ratios[m.key];
    const rate = rateOf(r);
    return { key: m.key, nameVi: m.nameVi, formulaVi: m.formulaVi, source: m.source, ...r, rate: rate === null ? null : round2(rate), applicable: rate !== null };
  });

  return {
    period: counts.period,
    indicators,
    measures,
    groups,
    total: {
      score: scoredGroups.length > 0 ? round2(totalExact) : null,
      maxPoints: round2(totalMax),
      percent: percentExact === null ? null : round2(percentExact),
      bandVi: band?.labelVi ?? null,
    },
    naPolicy: config.naPolicy,
    unverified: reportUnverified(config),
    counts,
  };
}

function reportUnverified(config: IndicatorConfig): string[] {
  return [
    `Điểm của từng chỉ số trong nhóm và cách chia ${config.groupMaxPoints[3]} điểm nhóm 3 (đang dùng ${config.group3Split.onlineService}/` +
      `${config.group3Split.onlinePayment}) chưa xác minh: giá trị lấy từ cấu hình (DOMAIN.md §1.2).`,
    `Nhóm 1 (${config.groupMaxPoints[1]} điểm) và các chỉ số 3.1, 3.2, 3.5, 4.4, 4.5 chưa tính được từ dữ liệu hồ sơ: tổng điểm chỉ gồm các nhóm đã tính, không so sánh trực tiếp với tổng 100 điểm trên Cổng DVCQG.`,
    config.bands.length === 0
      ? 'Xếp loại (ngưỡng các mức) chưa xác minh và chưa được cấu hình.'
      : 'Xếp loại theo ngưỡng trong cấu hình; ngưỡng chính thức chưa xác minh (DOMAIN.md §1.2).',
    'Công thức theo đặc tả kỹ thuật của Cổng DVCQG (nguồn [C], DOMAIN.md §1.4), chưa đối chiếu với phụ lục QĐ 766/QĐ-TTg.',
  ];
}

function breakdownOf(key: IndicatorKey, counts: IndicatorCounts): RatioIndicatorResult['breakdown'] {
  if (key === '5.1') {
    const r = counts.ratios['5.1'];
    return { kind: 'feedback_category', regulation: r.numerator, conduct: r.denominator - r.numerator };
  }
  if (key === '5.4') {
    const r = counts.ratios['5.4'];
    const { overdue, dissatisfiedOrComplained } = counts.satisfactionParts;
    const both = overdue + dissatisfiedOrComplained - (r.denominator - r.numerator);
    const pct = (n: number) => (r.denominator === 0 ? null : round2((n / r.denominator) * 100));
    return {
      kind: 'satisfaction',
      overdue,
      dissatisfiedOrComplained,
      both,
      overdueRate: pct(overdue),
      dissatisfiedOrComplainedRate: pct(dissatisfiedOrComplained),
      bothRate: pct(both),
    };
  }
  return null;
}

function averageTimeResult(
  base: Omit<ResultBase, 'applicable' | 'naReasonVi' | 'maxPoints' | 'score'>,
  counts: IndicatorCounts,
  config: IndicatorConfig,
): AverageTimeIndicatorResult {
  const perDay = config.workingMinutesPerDay;
  const byProcedure: ProcedureTimeResult[] = counts.processingTime.byProcedure.map((p) => ({
    ...p,
    averageWorkingMinutes: p.completed === 0 ? null : round2(p.totalWorkingMinutes / p.completed),
    averageWorkingDays: p.completed === 0 ? null : round2(p.totalWorkingMinutes / p.completed / perDay),
  }));
  const selected = counts.processingTime.selectedProcedure;
  const entry = selected === null ? undefined : byProcedure.find((p) => p.procedureCode === selected);
  const applicable = entry !== undefined && entry.completed > 0;
  return {
    ...base,
    kind: 'average_time',
    selectedProcedure: selected,
    completed: entry?.completed ?? 0,
    averageWorkingMinutes: applicable ? entry.averageWorkingMinutes : null,
    averageWorkingDays: applicable ? entry.averageWorkingDays : null,
    byProcedure,
    applicable,
    naReasonVi: applicable
      ? null
      : selected === null
        ? 'Chỉ tính khi chọn một thủ tục hành chính; xem giá trị của từng thủ tục trong bảng chi tiết theo thủ tục.'
        : 'Không có hồ sơ của thủ tục kết thúc xử lý trong kỳ.',
    maxPoints: null,
    score: null,
  };
}
