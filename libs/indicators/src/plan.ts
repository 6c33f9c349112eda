/**
 * PAR self-assessment: the yearly plan targets (chỉ tiêu kế hoạch CCHC) compared with a
 * report, with the shortfall expressed in dossiers ("3 more dossiers on time would have
 * met the target").
 *
 * The targets of the 2025 plan were given by the project (Sở KH&CN Lai Châu's 2025 plan);
 * the plan document itself is not cited in PAR-INDEX.md, so its number, date and exact
 * wording are UNVERIFIED. PAR-INDEX.md §2.3 records other provinces' 2025 targets (e.g.
 * Lâm Đồng: full-online dossiers ≥ 70%, online payment ≥ 60%) as band anchors of
 * unverified origin; they are *not* used as defaults here.
 */
import { deepFreeze } from './freeze';
import { round2, formatPercentVi } from './numbers';
import type { IndicatorReport, MeasureResult, RatioIndicatorResult } from './score';

/** What a target is measured on: a ratio indicator, an auxiliary measure, or catalogue input. */
export type PlanMeasureKey =
  | '2.1'
  | '3.3'
  | '3.6'
  | '4.1'
  | '4.2'
  | '4.3'
  | '5.2'
  | '5.3'
  | '5.4'
  | 'digitised_at_receipt'
  | 'overdue'
  | 'channel_online'
  | 'full_process_services_with_dossiers';

export type PlanDirection = 'at_least' | 'at_most';

export interface PlanTarget {
  id: string;
  nameVi: string;
  measure: PlanMeasureKey;
  /** `at_least`: actual ≥ target; `at_most`: actual ≤ target. */
  direction: PlanDirection;
  /** Percent (0–100, at most 2 decimals are used); null = no target set ("chưa đặt chỉ tiêu"). */
  target: number | null;
  /** Noun of the numerator, Vietnamese, for the shortfall sentence (e.g. "hồ sơ giải quyết đúng hạn, trước hạn"). */
  numeratorUnitVi: string;
  /** Noun of the denominator, Vietnamese (e.g. "hồ sơ"). */
  denominatorUnitVi: string;
  source: string;
  unverified: readonly string[];
}

const PLAN_SOURCE = 'Kế hoạch CCHC năm 2025 (chỉ tiêu do dự án cung cấp); PAR-INDEX.md §1.5, §3.1';
const PLAN_UNVERIFIED = 'Số, ngày và nội dung văn bản kế hoạch 2025 chưa được trích dẫn trong tài liệu nghiên cứu: chưa xác minh.';

/** Targets of the 2025 plan. Online-dossier and online-payment targets have no default (null). */
export const PLAN_2025_TARGETS: readonly PlanTarget[] = deepFreeze([
  {
    id: 'digitised_at_receipt',
    nameVi: 'Tỷ lệ hồ sơ được số hóa thành phần hồ sơ khi tiếp nhận',
    measure: 'digitised_at_receipt',
    direction: 'at_least',
    target: 90,
    numeratorUnitVi: 'hồ sơ được số hóa khi tiếp nhận',
    denominatorUnitVi: 'hồ sơ',
    source: PLAN_SOURCE,
    unverified: [PLAN_UNVERIFIED],
  },
  {
    id: 'e_result',
    nameVi: 'Tỷ lệ hồ sơ được cấp kết quả giải quyết điện tử',
    measure: '4.1',
    direction: 'at_least',
    target: 100,
    numeratorUnitVi: 'hồ sơ được cấp kết quả điện tử',
    denominatorUnitVi: 'hồ sơ',
    source: PLAN_SOURCE,
    unverified: [PLAN_UNVERIFIED],
  },
  {
    id: 'full_process_services_with_dossiers',
    nameVi: 'Tỷ lệ dịch vụ công trực tuyến toàn trình phát sinh hồ sơ trực tuyến',
    measure: 'full_process_services_with_dossiers',
    direction: 'at_least',
    target: 80,
    numeratorUnitVi: 'dịch vụ công trực tuyến toàn trình phát sinh hồ sơ',
    denominatorUnitVi: 'dịch vụ công trực tuyến toàn trình',
    source: `${PLAN_SOURCE}; DOMAIN.md §1.4 chỉ số 3.2, §4 (ND 42/2022: DVCTT toàn trình)`,
    unverified: [PLAN_UNVERIFIED, 'Cần số liệu danh mục: số DVCTT toàn trình và số dịch vụ đã có ít nhất một hồ sơ trực tuyến (nhập vào).'],
  },
  {
    id: 'satisfaction',
    nameVi: 'Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính',
    measure: '5.4',
    direction: 'at_least',
    target: 90,
    numeratorUnitVi: 'hồ sơ không quá hạn, không bị đánh giá không hài lòng hoặc phản ánh',
    denominatorUnitVi: 'hồ sơ',
    source: `${PLAN_SOURCE}; DOMAIN.md §1.3`,
    unverified: [PLAN_UNVERIFIED, 'Đo bằng chỉ số 5.4 (766); kế hoạch có thể dùng kết quả khảo sát SIPAS: chưa xác minh.'],
  },
  {
    id: 'on_time',
    nameVi: 'Tỷ lệ hồ sơ giải quyết đúng hạn, trước hạn',
    measure: '2.1',
    direction: 'at_least',
    target: 100,
    numeratorUnitVi: 'hồ sơ giải quyết đúng hạn, trước hạn',
    denominatorUnitVi: 'hồ sơ',
    source: `${PLAN_SOURCE}; DOMAIN.md §1.4 chỉ số 2.1`,
    unverified: [PLAN_UNVERIFIED],
  },
  {
    id: 'feedback_handled',
    nameVi: 'Tỷ lệ phản ánh, kiến nghị được xử lý theo quy định',
    measure: '5.2',
    direction: 'at_least',
    target: 100,
    numeratorUnitVi: 'phản ánh, kiến nghị xử lý đúng hạn',
    denominatorUnitVi: 'phản ánh, kiến nghị',
    source: `${PLAN_SOURCE}; DOMAIN.md §1.3, §1.4 chỉ số 5.2`,
    unverified: [PLAN_UNVERIFIED, '"Xử lý theo quy định" được đo bằng tỷ lệ xử lý đúng hạn (chỉ số 5.2): chưa xác minh.'],
  },
  {
    id: 'online_dossiers',
    nameVi: 'Tỷ lệ hồ sơ trực tuyến',
    measure: 'channel_online',
    direction: 'at_least',
    target: null,
    numeratorUnitVi: 'hồ sơ nộp trực tuyến',
    denominatorUnitVi: 'hồ sơ',
    source: `${PLAN_SOURCE}; tỷ lệ theo kênh nộp (chỉ số 3.3 của QĐ 766 tính thêm điều kiện kết quả điện tử và tỷ lệ đồng bộ)`,
    unverified: [PLAN_UNVERIFIED, 'Chưa có chỉ tiêu: cần đặt theo kế hoạch của tỉnh.'],
  },
  {
    id: 'online_payment',
    nameVi: 'Tỷ lệ hồ sơ thanh toán trực tuyến',
    measure: '3.6',
    direction: 'at_least',
    target: null,
    numeratorUnitVi: 'hồ sơ thanh toán trực tuyến',
    denominatorUnitVi: 'hồ sơ có phí, lệ phí',
    source: `${PLAN_SOURCE}; DOMAIN.md §1.4 chỉ số 3.6`,
    unverified: [PLAN_UNVERIFIED, 'Chưa có chỉ tiêu: cần đặt theo kế hoạch của tỉnh.'],
  },
] as PlanTarget[]);

/** Catalogue figures that dossier facts cannot give. */
export interface PlanCatalogueInput {
  /** Full-process (toàn trình) online services of the unit. */
  fullProcessServices: number;
  /** Of those, the services that received at least one online dossier in the period. */
  fullProcessServicesWithOnlineDossier: number;
}

export type PlanStatus = 'met' | 'not_met' | 'no_data' | 'no_target';

export interface PlanLine {
  id: string;
  nameVi: string;
  measure: PlanMeasureKey;
  direction: PlanDirection;
  target: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Actual percent (2 decimals); null without data. */
  actual: number | null;
  /** null when there is no target or no data. */
  met: boolean | null;
  /**
   * Smallest number k of items (dossiers, feedback, services) that would have met the target:
   * `at_least`: (numerator + k) ÷ denominator ≥ target; `at_most`: (numerator − k) ÷ denominator ≤ target.
   * 0 when met; null without target or data.
   */
  shortfall: number | null;
  status: PlanStatus;
  sentenceVi: string;
  source: string;
  unverified: string[];
}

/**
 * Smallest k ≥ 0 with (num + k)/den ≥ target% (`at_least`) or (num − k)/den ≤ target% (`at_most`),
 * in exact integer arithmetic (the target is taken to 2 decimals). Throws when den is 0.
 */
export function planShortfall(numerator: number, denominator: number, target: number, direction: PlanDirection): number {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator <= 0 || numerator > denominator) {
    throw new RangeError(`Invalid ratio ${numerator}/${denominator}`);
  }
  checkTarget(target);
  const t = Math.round(target * 100); // hundredths of a percent: the condition is num·10000 ⋛ t·den
  const gap = direction === 'at_least' ? t * denominator - numerator * 10_000 : numerator * 10_000 - t * denominator;
  return Math.max(0, Math.ceil(gap / 10_000));
}

function checkTarget(target: number): void {
  if (typeof target !== 'number' || !Number.isFinite(target) || target < 0 || target > 100) {
    throw new RangeError(`A target must be a percentage in [0, 100]: ${target}`);
  }
}

/** Compares a report with plan targets (default: the 2025 plan). */
export function planReport(
  report: IndicatorReport,
  targets: readonly PlanTarget[] = PLAN_2025_TARGETS,
  catalogue: PlanCatalogueInput | null = null,
): PlanLine[] {
  if (catalogue !== null) {
    const { fullProcessServices: n, fullProcessServicesWithOnlineDossier: k } = catalogue;
    if (!Number.isInteger(n) || !Number.isInteger(k) || n < 0 || k < 0 || k > n) {
      throw new RangeError(`Invalid catalogue input: ${k} of ${n} full-process services`);
    }
  }
  return targets.map((t) => {
    if (t.target !== null) checkTarget(t.target);
    const ratio = ratioFor(report, t.measure, catalogue);
    const base = { id: t.id, nameVi: t.nameVi, measure: t.measure, direction: t.direction, target: t.target, source: t.source, unverified: [...t.unverified] };
    const sign = t.direction === 'at_least' ? '≥' : '≤';
    const targetText = t.target === null ? '' : `chỉ tiêu ${sign} ${formatPercentVi(t.target)}`;

    if (ratio === null || ratio.denominator === 0) {
      const why =
        ratio === null
          ? 'chưa có số liệu danh mục dịch vụ công trực tuyến toàn trình'
          : `không có ${t.denominatorUnitVi} thuộc mẫu số trong kỳ`;
      return {
        ...base,
        numerator: ratio?.numerator ?? null,
        denominator: ratio?.denominator ?? null,
        actual: null,
        met: null,
        shortfall: null,
        status: t.target === null ? 'no_target' : 'no_data',
        sentenceVi: t.target === null ? `${t.nameVi}: chưa đặt chỉ tiêu; ${why}.` : `${t.nameVi}: ${why}, chưa đánh giá được (${targetText}).`,
      };
    }
    const actual = round2((ratio.numerator / ratio.denominator) * 100);
    const actualText = `${formatPercentVi((ratio.numerator / ratio.denominator) * 100)} (${ratio.numerator}/${ratio.denominator} ${t.denominatorUnitVi})`;
    if (t.target === null) {
      return {
        ...base,
        ...ratio,
        actual,
        met: null,
        shortfall: null,
        status: 'no_target',
        sentenceVi: `${t.nameVi}: kết quả ${actualText}; chưa đặt chỉ tiêu.`,
      };
    }
    const k = planShortfall(ratio.numerator, ratio.denominator, t.target, t.direction);
    const sentenceVi =
      k === 0
        ? `${t.nameVi}: kết quả ${actualText}; đạt ${targetText}.`
        : t.direction === 'at_least'
          ? `${t.nameVi}: kết quả ${actualText}; chưa đạt ${targetText}, nếu có thêm ${k} ${t.numeratorUnitVi} thì đã đạt chỉ tiêu.`
          : `${t.nameVi}: kết quả ${actualText}; chưa đạt ${targetText}, nếu giảm ${k} ${t.numeratorUnitVi} thì đã đạt chỉ tiêu.`;
    return { ...base, ...ratio, actual, met: k === 0, shortfall: k, status: k === 0 ? 'met' : 'not_met', sentenceVi };
  });
}

function ratioFor(
  report: IndicatorReport,
  measure: PlanMeasureKey,
  catalogue: PlanCatalogueInput | null,
): { numerator: number; denominator: number } | null {
  if (measure === 'full_process_services_with_dossiers') {
    return catalogue === null ? null : { numerator: catalogue.fullProcessServicesWithOnlineDossier, denominator: catalogue.fullProcessServices };
  }
  const fromMeasure = report.measures.find((m: MeasureResult) => m.key === measure);
  if (fromMeasure) return { numerator: fromMeasure.numerator, denominator: fromMeasure.denominator };
  const indicator = report.indicators.find((i): i is RatioIndicatorResult => i.kind === 'ratio' && i.key === measure);
  if (!indicator) throw new RangeError(`Unknown plan measure: ${measure}`);
  return { numerator: indicator.numerator, denominator: indicator.denominator };
}
