/**
 * Scoring configuration. Every value the sources do not confirm is here, with a
 * documented default, so that Lai Châu's own decision can replace it without code
 * changes. `DEFAULT_INDICATOR_CONFIG` lists the defaults; `makeIndicatorConfig` merges
 * overrides and validates.
 */
import { deepFreeze } from './freeze';
import { INDICATOR_DEFINITIONS, SCORED_KEYS, type GroupNo, type PointPool, type ScoredKey } from './definitions';

/**
 * What an indicator that measured nothing (N/A: empty denominator, or 5.4 with no rating and
 * no complaint) does to its group and the total. A group earns no points it did not measure:
 * - `exclude` (default): it drops out of both the score and the maximum; the group's score is
 *   the sum of its measured indicators' scores out of their points (`measuredMaxPoints`), and
 *   the total's percent is computed over the points measured. A group with nothing measured
 *   has no score and drops out of the total.
 * - `zero`: it scores 0 and keeps its maximum (the DVCQG spec allows "show 0 or N/A").
 */
export type NaPolicy = 'exclude' | 'zero';

/** A rating band: `percent >= minPercent` earns `labelVi` (highest matching band wins). */
export interface RatingBand {
  minPercent: number;
  labelVi: string;
}

export interface IndicatorConfig {
  /** Maximum points per group. Default 18/20/22/22/18 (DOMAIN.md §1.2, [C]/[S]). */
  groupMaxPoints: Readonly<Record<GroupNo, number>>;
  /**
   * Split of group 3 between "Dịch vụ công trực tuyến" (3.1–3.3) and "Thanh toán trực tuyến"
   * (3.5–3.6). Default 12/10 from one public scraper; another shows 10 for the online-service
   * part. UNVERIFIED (DOMAIN.md §1.2). Must add up to `groupMaxPoints[3]`.
   */
  group3Split: Readonly<{ onlineService: number; onlinePayment: number }>;
  /**
   * Points of individual indicators. UNVERIFIED (DOMAIN.md §1.2: the Decision's appendix
   * was not readable). Default `{}`: each pool's points are split equally among its
   * implemented scored indicators. An indicator set here takes that many points; the
   * others of its pool share the remainder equally.
   */
  indicatorPoints: Readonly<Partial<Record<ScoredKey, number>>>;
  /**
   * Full-points thresholds in percent (below: rate × max ÷ threshold). Defaults from
   * DOMAIN.md §1.4 where given (3.3 = 50, 4.2 = 80, 4.3 = 80, 5.4 = 90); UNVERIFIED
   * elsewhere, default 100 (2.1, 3.6, 4.1, 5.2, 5.3), which makes the score proportional to the rate.
   */
  thresholds: Readonly<Record<ScoredKey, number>>;
  naPolicy: NaPolicy;
  /** Imported (legacy) dossiers: counted (`include`, default) or left out (`exclude`) by every indicator. */
  importedDossiers: 'include' | 'exclude';
  /** Rating bands of the total percent. UNVERIFIED (DOMAIN.md §1.2); default none (`[]`). */
  bands: readonly RatingBand[];
}

export type IndicatorConfigOverrides = {
  groupMaxPoints?: Partial<Record<GroupNo, number>>;
  group3Split?: Partial<{ onlineService: number; onlinePayment: number }>;
  indicatorPoints?: Partial<Record<ScoredKey, number>>;
  thresholds?: Partial<Record<ScoredKey, number>>;
  naPolicy?: NaPolicy;
  importedDossiers?: 'include' | 'exclude';
  bands?: readonly RatingBand[];
};

export class IndicatorConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid indicator configuration: ${problems.join('; ')}`);
    this.name = 'IndicatorConfigError';
  }
}

function defaultThresholds(): Record<ScoredKey, number> {
  const out = {} as Record<ScoredKey, number>;
  for (const key of SCORED_KEYS) out[key] = INDICATOR_DEFINITIONS.find((d) => d.key === key)!.threshold!;
  return out;
}

export const DEFAULT_INDICATOR_CONFIG: IndicatorConfig = deepFreeze({
  groupMaxPoints: { 1: 18, 2: 20, 3: 22, 4: 22, 5: 18 },
  group3Split: { onlineService: 12, onlinePayment: 10 },
  indicatorPoints: {},
  thresholds: defaultThresholds(),
  naPolicy: 'exclude',
  importedDossiers: 'include',
  bands: [],
});

/** Merges overrides over the defaults and validates the result (throws {@link IndicatorConfigError}). */
export function makeIndicatorConfig(overrides: IndicatorConfigOverrides = {}, base: IndicatorConfig = DEFAULT_INDICATOR_CONFIG): IndicatorConfig {
  const config: IndicatorConfig = {
    groupMaxPoints: { ...base.groupMaxPoints, ...overrides.groupMaxPoints },
    group3Split: { ...base.group3Split, ...overrides.group3Split },
    indicatorPoints: { ...base.indicatorPoints, ...overrides.indicatorPoints },
    thresholds: { ...base.thresholds, ...overrides.thresholds },
    naPolicy: overrides.naPolicy ?? base.naPolicy,
    importedDossiers: overrides.importedDossiers ?? base.importedDossiers,
    bands: [...(overrides.bands ?? base.bands)].map((b) => ({ ...b })),
  };
  validateIndicatorConfig(config);
  return deepFreeze(config);
}

const EPS = 1e-9;

/** Pool → [points available, scored indicators sharing it]. */
export function poolsOf(config: IndicatorConfig): Record<PointPool, { points: number; keys: ScoredKey[] }> {
  const keysOf = (pool: PointPool) => INDICATOR_DEFINITIONS.filter((d) => d.scored && d.pool === pool).map((d) => d.key as ScoredKey);
  return {
    group2: { points: config.groupMaxPoints[2], keys: keysOf('group2') },
    'group3.online_service': { points: config.group3Split.onlineService, keys: keysOf('group3.online_service') },
    'group3.online_payment': { points: config.group3Split.onlinePayment, keys: keysOf('group3.online_payment') },
    group4: { points: config.groupMaxPoints[4], keys: keysOf('group4') },
    group5: { points: config.groupMaxPoints[5], keys: keysOf('group5') },
  };
}

/** Maximum points of every scored indicator (not rounded), per the rules of `indicatorPoints`. */
export function resolveIndicatorPoints(config: IndicatorConfig): Record<ScoredKey, number> {
  const out = {} as Record<ScoredKey, number>;
  for (const { points, keys } of Object.values(poolsOf(config))) {
    const set = keys.filter((k) => config.indicatorPoints[k] !== undefined);
    const rest = keys.filter((k) => config.indicatorPoints[k] === undefined);
    const used = set.reduce((sum, k) => sum + config.indicatorPoints[k]!, 0);
    for (const k of set) out[k] = config.indicatorPoints[k]!;
    for (const k of rest) out[k] = Math.max(0, points - used) / rest.length;
  }
  return out;
}

export function validateIndicatorConfig(config: IndicatorConfig): void {
  const problems: string[] = [];
  const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  for (const g of [1, 2, 3, 4, 5] as GroupNo[]) {
    const v = config.groupMaxPoints[g];
    if (!finite(v) || v < 0) problems.push(`groupMaxPoints[${g}] must be a number >= 0`);
  }
  const { onlineService, onlinePayment } = config.group3Split;
  if (!finite(onlineService) || onlineService < 0 || !finite(onlinePayment) || onlinePayment < 0) {
    problems.push('group3Split values must be numbers >= 0');
  } else if (Math.abs(onlineService + onlinePayment - config.groupMaxPoints[3]) > EPS) {
    problems.push(`group3Split (${onlineService} + ${onlinePayment}) must add up to groupMaxPoints[3] (${config.groupMaxPoints[3]})`);
  }
  for (const [key, value] of Object.entries(config.indicatorPoints)) {
    if (!(SCORED_KEYS as readonly string[]).includes(key)) problems.push(`indicatorPoints: unknown or unscored indicator ${key}`);
    else if (!finite(value) || value < 0) problems.push(`indicatorPoints[${key}] must be a number >= 0`);
  }
  for (const key of SCORED_KEYS) {
    const t = config.thresholds[key];
    if (!finite(t) || t <= 0 || t > 100) problems.push(`thresholds[${key}] must be in (0, 100]`);
  }
  for (const key of Object.keys(config.thresholds)) {
    if (!(SCORED_KEYS as readonly string[]).includes(key)) problems.push(`thresholds: unknown or unscored indicator ${key}`);
  }
  if (problems.length === 0) {
    for (const [pool, { points, keys }] of Object.entries(poolsOf(config))) {
      const set = keys.filter((k) => config.indicatorPoints[k] !== undefined);
      const used = set.reduce((sum, k) => sum + config.indicatorPoints[k]!, 0);
      if (used > points + EPS) problems.push(`indicatorPoints of ${pool} (${used}) exceed its ${points} points`);
      else if (set.length === keys.length && Math.abs(used - points) > EPS) {
        problems.push(`indicatorPoints of ${pool} (${used}) must add up to its ${points} points`);
      }
    }
  }
  if (config.naPolicy !== 'exclude' && config.naPolicy !== 'zero') problems.push(`naPolicy must be 'exclude' or 'zero'`);
  if (config.importedDossiers !== 'include' && config.importedDossiers !== 'exclude') {
    problems.push(`importedDossiers must be 'include' or 'exclude'`);
  }
  for (const band of config.bands) {
    if (!finite(band.minPercent) || band.minPercent < 0 || band.minPercent > 100 || typeof band.labelVi !== 'string' || !band.labelVi) {
      problems.push(`bands: each band needs minPercent in [0, 100] and a labelVi`);
      break;
    }
  }
  if (problems.length > 0) throw new IndicatorConfigError(problems);
}
