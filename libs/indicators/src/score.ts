/**
 * Scoring: numerators and denominators (however obtained) → rates, scores, group and
 * total scores. Pure arithmetic; no facts are needed.
 *
 * Rules (DOMAIN.md §1.4 "Common rules"):
 * - rate = numerator ÷ denominator × 100; N/A when the denominator is 0 (no division);
 * - score = max points at or above the threshold, rate × max ÷ threshold below it;
 * - comparisons and sums use exact (unrounded) values; every number shown is rounded to
 *   2 decimals at the end, so a displayed part may differ from a displayed sum by 0.01;
 * - an indicator that measured nothing earns no points: see `NaPolicy` in config.ts.
 * Two indicators are not plain ratios: 3.3 multiplies the online share by the sync rate 1.4,
 * and 5.4 is 100% − (overdue rate + rate of dossiers rated "not satisfied" or complained about).
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
import type { FactTimeUnit } from './facts';
import { round2 } from './numbers';
import type { Period } from './period';
import type { RatioKey } from './predicates';

export interface SatisfactionBreakdown {
  kind: 'satisfaction';
  /** Dossiers not on time (2.1). */
  overdue: number;
  /** Rated "not satisfied" or complained about. */
  dissatisfiedOrComplained: number;
  /** Dossiers rated or complained about at all: 0 = satisfaction was not measured. */
  ratedOrComplained: number;
  overdueRate: number | null;
  dissatisfiedOrComplainedRate: number | null;
}

export interface OnlineBreakdown {
  kind: 'online';
  /** Online share before the sync rate (numerator ÷ denominator), percent. */
  onlineShare: number | null;
  /** Indicator 1.4, percent. */
  syncRate: number | null;
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
  /** False = N/A: nothing was measured, the indicator earns no points (see `naReasonVi`). */
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
  /** Percent, 2 decimals; null when the denominator is 0. (5.4 keeps its rate when satisfaction was not measured; it is then not applicable.) */
  rate: number | null;
  breakdown: SatisfactionBreakdown | OnlineBreakdown | FeedbackCategoryBreakdown | null;
}

export interface ProcedureTimeResult extends ProcedureTimeCount {
  /** Average in the procedure's unit, 2 decimals. */
  average: number | null;
}

export interface AverageTimeIndicatorResult extends ResultBase {
  kind: 'average_time';
  selectedProcedure: string | null;
  /** Sample size for the selected procedure (0 when none is selected). */
  completed: number;
  /** Average processing time of the selected procedure, in `unit`, 2 decimals. */
  average: number | null;
  unit: FactTimeUnit | null;
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
  /** The group's points in the Index. */
  maxPoints: number;
  /** The points of the indicators that measured something (under `zero`: all of them); 2 decimals. */
  measuredMaxPoints: number;
  /** False for group 1: none of its scored indicators can be computed from dossier facts. */
  implemented: boolean;
  indicatorKeys: IndicatorKey[];
  /** Sum of the applicable indicators' scores, 2 decimals; null when not implemented or nothing was measured. */
  score: number | null;
  notImplementedVi: string[];
}

export interface TotalResult {
  /** Sum of the group scores (2 decimals); null when no group has a score. */
  score: number | null;
  /** Points that were measured: the sum of the groups' `measuredMaxPoints`. */
  maxPoints: number;
  /** Points of the implemented groups (82 while group 1 is missing), whatever was measured. */
  nominalMaxPoints: number;
  /** score ÷ maxPoints × 100 (2 decimals). Not comparable with DVCQG's /100 total while group 1 is missing. */
  percent: number | null;
  /** Band of `percent` (exact value) per `config.bands`; null when none is configured or none matches. */
  bandVi: string | null;
  /** How N/A indicators were treated, in Vietnamese. */
  naPolicyVi: string;
}

export interface IndicatorReport {
  period: Period;
  /** The period has not ended: the figures are as of `period.to` and will change. */
  provisional: boolean;
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
const NA_CATALOGUE = 'Không có thủ tục hành chính thuộc mẫu số (mẫu số bằng 0), hoặc danh mục không được đưa vào báo cáo theo bộ lọc này.';
const CATALOGUE_KEYS: readonly IndicatorKey[] = ['3.1', '3.2', '3.5'];
const NA_SATISFACTION_UNMEASURED =
  'Trong kỳ không có hồ sơ nào được đánh giá hoặc bị phản ánh, kiến nghị: mức độ hài lòng chưa được đo, chỉ số không được tính điểm.';
const NA_POLICY_VI: Record<IndicatorConfig['naPolicy'], string> = {
  exclude: 'Chỉ số không đo được (N/A) không được điểm và không tính vào điểm tối đa; tổng điểm so với số điểm đã đo được.',
  zero: 'Chỉ số không đo được (N/A) được 0 điểm và vẫn tính vào điểm tối đa.',
};

const rateOf = (r: RatioCount): number | null => (r.denominator === 0 ? null : (r.numerator / r.denominator) * 100);

/** Exact score of a rate (percent) against a threshold, for `max` points. */
export function partialScore(ratePercent: number, threshold: number, max: number): number {
  return ratePercent >= threshold ? max : (ratePercent * max) / threshold;
}

/** The exact value of a ratio indicator, and whether it measured anything. */
interface RatioValue {
  numerator: number;
  denominator: number;
  rate: number | null;
  applicable: boolean;
  naReasonVi: string | null;
  breakdown: RatioIndicatorResult['breakdown'];
}

function ratioValue(key: IndicatorKey, counts: IndicatorCounts): RatioValue {
  const r = counts.ratios;
  const naReason = (den: number) => (den > 0 ? null : key.startsWith('5.') && key !== '5.4' ? NA_FEEDBACK : CATALOGUE_KEYS.includes(key) ? NA_CATALOGUE : NA_DOSSIERS);
  if (key === '3.3') {
    const share = rateOf(r['3.3']);
    const sync = rateOf(r['1.4']);
    const rate = share === null || sync === null ? null : (share * sync) / 100;
    return { ...r['3.3'], rate, applicable: rate !== null, naReasonVi: naReason(r['3.3'].denominator), breakdown: { kind: 'online', onlineShare: round(share), syncRate: round(sync) } };
  }
  if (key === '5.4') {
    const den = r['2.1'].denominator;
    const overdue = den - r['2.1'].numerator;
    const dc = r.dissatisfied_or_complained.numerator;
    const measured = r.rated_or_complained.numerator;
    // One subtraction of two rates (DOMAIN.md §1.5); a dossier both overdue and complained about is subtracted twice.
    const rate = den === 0 ? null : Math.max(0, 100 - (overdue / den) * 100 - (dc / den) * 100);
    const pct = (n: number) => (den === 0 ? null : round2((n / den) * 100));
    return {
      numerator: Math.max(0, den - overdue - dc),
      denominator: den,
      rate,
      applicable: rate !== null && measured > 0,
      naReasonVi: den === 0 ? NA_DOSSIERS : measured === 0 ? NA_SATISFACTION_UNMEASURED : null,
      breakdown: { kind: 'satisfaction', overdue, dissatisfiedOrComplained: dc, ratedOrComplained: measured, overdueRate: pct(overdue), dissatisfiedOrComplainedRate: pct(dc) },
    };
  }
  const ratio = r[key as RatioKey];
  const rate = rateOf(ratio);
  const breakdown: RatioValue['breakdown'] = key === '5.1' ? { kind: 'feedback_category', regulation: ratio.numerator, conduct: ratio.denominator - ratio.numerator } : null;
  return { ...ratio, rate, applicable: rate !== null, naReasonVi: naReason(ratio.denominator), breakdown };
}

function round(x: number | null): number | null {
  return x === null ? null : round2(x);
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
  /** Exact score of each scored indicator that measured something. */
  const exactScores = new Map<ScoredKey, number>();

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
    if (def.kind === 'average_time') return averageTimeResult(base, counts);

    const value = ratioValue(def.key, counts);
    let score: number | null = null;
    let maxPoints: number | null = null;
    if (def.scored) {
      const key = def.key as ScoredKey;
      maxPoints = points[key];
      if (value.applicable) {
        score = partialScore(value.rate!, config.thresholds[key], maxPoints);
        exactScores.set(key, score);
      } else if (config.naPolicy === 'zero') {
        score = 0;
      }
    }
    return {
      ...base,
      kind: 'ratio',
      numerator: value.numerator,
      denominator: value.denominator,
      rate: round(value.rate),
      applicable: value.applicable,
      naReasonVi: value.naReasonVi,
      maxPoints: maxPoints === null ? null : round2(maxPoints),
      score: score === null ? null : round2(score),
      breakdown: value.breakdown,
    };
  });

  const pools = poolsOf(config);
  const groupExact = new Map<GroupNo, { score: number | null; measuredMax: number }>();
  const groups: GroupResult[] = GROUP_DEFINITIONS.map((g) => {
    const keys = g.pools.flatMap((p) => pools[p].keys);
    const measured = config.naPolicy === 'zero' ? keys : keys.filter((k) => exactScores.has(k));
    const measuredMax = measured.reduce((sum, k) => sum + points[k], 0);
    const score = measured.length === 0 ? null : measured.reduce((sum, k) => sum + (exactScores.get(k) ?? 0), 0);
    groupExact.set(g.no, { score, measuredMax });
    return {
      no: g.no,
      nameVi: g.nameVi,
      source: g.source,
      maxPoints: config.groupMaxPoints[g.no],
      measuredMaxPoints: round2(measuredMax),
      implemented: keys.length > 0,
      indicatorKeys: INDICATOR_DEFINITIONS.filter((d) => d.group === g.no).map((d) => d.key),
      score: score === null ? null : round2(score),
      notImplementedVi: [...g.notImplementedVi],
    };
  });

  const scoredGroups = groups.filter((g) => groupExact.get(g.no)!.score !== null);
  const totalExact = scoredGroups.reduce((sum, g) => sum + groupExact.get(g.no)!.score!, 0);
  const totalMax = scoredGroups.reduce((sum, g) => sum + groupExact.get(g.no)!.measuredMax, 0);
  const percentExact = scoredGroups.length > 0 && totalMax > 0 ? (totalExact / totalMax) * 100 : null;
  const band =
    percentExact === null ? null : [...config.bands].sort((a, b) => b.minPercent - a.minPercent).find((b) => percentExact >= b.minPercent) ?? null;

  const measures: MeasureResult[] = MEASURE_DEFINITIONS.map((m) => {
    const r: RatioCount =
      m.key === 'overdue'
        ? { numerator: counts.ratios['2.1'].denominator - counts.ratios['2.1'].numerator, denominator: counts.ratios['2.1'].denominator }
        : counts.ratios[m.key];
    const rate = rateOf(r);
    return { key: m.key, nameVi: m.nameVi, formulaVi: m.formulaVi, source: m.source, ...r, rate: round(rate), applicable: rate !== null };
  });

  return {
    period: counts.period,
    provisional: counts.period.provisional === true,
    indicators,
    measures,
    groups,
    total: {
      score: scoredGroups.length > 0 ? round2(totalExact) : null,
      maxPoints: round2(totalMax),
      nominalMaxPoints: round2(groups.filter((g) => g.implemented).reduce((sum, g) => sum + g.maxPoints, 0)),
      percent: percentExact === null ? null : round2(percentExact),
      bandVi: band?.labelVi ?? null,
      naPolicyVi: NA_POLICY_VI[config.naPolicy],
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
    `Nhóm 1 (${config.groupMaxPoints[1]} điểm) và chỉ số 4.5 chưa tính điểm được từ dữ liệu hồ sơ: tổng điểm chỉ gồm các nhóm đã tính, không so sánh trực tiếp với tổng 100 điểm trên Cổng DVCQG.`,
    config.bands.length === 0
      ? 'Xếp loại (ngưỡng các mức) chưa xác minh và chưa được cấu hình.'
      : 'Xếp loại theo ngưỡng trong cấu hình; ngưỡng chính thức chưa xác minh (DOMAIN.md §1.2).',
    'Công thức theo đặc tả kỹ thuật của Cổng DVCQG (nguồn [C], DOMAIN.md §1.4–1.5), chưa đối chiếu với phụ lục QĐ 766/QĐ-TTg; số liệu tính từ chính các bản ghi hồ sơ gửi đồng bộ lên Cổng.',
  ];
}

function averageTimeResult(base: Omit<ResultBase, 'applicable' | 'naReasonVi' | 'maxPoints' | 'score'>, counts: IndicatorCounts): AverageTimeIndicatorResult {
  const byProcedure: ProcedureTimeResult[] = counts.processingTime.byProcedure.map((p) => ({
    ...p,
    average: p.completed === 0 ? null : round2(p.totalCenti / p.completed / 100),
  }));
  const selected = counts.processingTime.selectedProcedure;
  const entries = selected === null ? [] : byProcedure.filter((p) => p.procedureCode === selected && p.completed > 0);
  const entry = entries.length === 1 ? entries[0] : undefined;
  return {
    ...base,
    kind: 'average_time',
    selectedProcedure: selected,
    completed: entries.reduce((sum, p) => sum + p.completed, 0),
    average: entry?.average ?? null,
    unit: entry?.unit ?? null,
    byProcedure,
    applicable: entry !== undefined,
    naReasonVi:
      entry !== undefined
        ? null
        : selected === null
          ? 'Chỉ tính khi chọn một thủ tục hành chính; xem giá trị của từng thủ tục trong bảng chi tiết theo thủ tục.'
          : entries.length > 1
            ? 'Thủ tục đổi đơn vị thời hạn trong kỳ: xem giá trị theo từng đơn vị trong bảng chi tiết.'
            : 'Không có hồ sơ tiếp nhận trong kỳ của thủ tục đã xử lý xong.',
    maxPoints: null,
    score: null,
  };
}
