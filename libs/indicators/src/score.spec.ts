/** scoreIndicators on counts given directly (as the SQL adapter will), and the configuration. */
import { DEFAULT_INDICATOR_CONFIG, IndicatorConfigError, makeIndicatorConfig, resolveIndicatorPoints } from './config';
import { emptyCounts, validateCounts, type IndicatorCounts } from './counts';
import { formatPercentVi, round2 } from './numbers';
import { quarterPeriod } from './period';
import { partialScore, scoreIndicators, type IndicatorReport, type RatioIndicatorResult } from './score';

const Q1 = quarterPeriod(2025, 1);
/** Ratios whose denominator is "received in the period". */
const RECEIVED = ['3.3', '4.2', '4.3', '4.4', 'channel_online', 'channel_direct', 'channel_postal', 'digitised_at_receipt'] as const;
const ratio = (report: IndicatorReport, key: string) => report.indicators.find((i) => i.key === key) as RatioIndicatorResult;

/** Empty Q1 counts with a patch applied. */
function counts(patch: (c: IndicatorCounts) => void): IndicatorCounts {
  const c = emptyCounts(Q1);
  patch(c);
  return c;
}

describe('partial score', () => {
  it('rate × max ÷ threshold below the threshold, full points at or above it', () => {
    expect(partialScore(40, 80, 22 / 3)).toBeCloseTo(3.6667, 4); // 40 × 7.333 / 80
    expect(partialScore(80, 80, 10)).toBe(10);
    expect(partialScore(95, 80, 10)).toBe(10);
    expect(partialScore(0, 50, 12)).toBe(0);
  });

  it('4.2 at 79 of 100 dossiers (threshold 80): 79 × 5.5 / 80 = 5.43125 → 5.43; at 80: 5.5', () => {
    const received = (n: number) => (c: IndicatorCounts) => {
      for (const key of RECEIVED) c.ratios[key] = { numerator: 0, denominator: 100 };
      c.ratios.channel_direct = { numerator: 100, denominator: 100 };
      c.ratios['4.2'] = { numerator: n, denominator: 100 };
    };
    expect(ratio(scoreIndicators(counts(received(79))), '4.2')).toMatchObject({ rate: 79, score: 5.43, maxPoints: 5.5 });
    expect(ratio(scoreIndicators(counts(received(80))), '4.2')).toMatchObject({ rate: 80, score: 5.5 });
  });

  it('5.4 at 90% or more earns all 6 points; group 5 counts only what it measured', () => {
    const r = scoreIndicators(
      counts((c) => {
        c.ratios['2.1'] = { numerator: 20, denominator: 20 };
        c.ratios.dissatisfied_or_complained = { numerator: 2, denominator: 20 };
        c.ratios.rated_or_complained = { numerator: 5, denominator: 20 };
      }),
    );
    // 100 − (0 + 10) = 90% ≥ 90 → 6 points; 5.2, 5.3 N/A → group 5 = 6 of 6 measured points (not scaled to 18).
    expect(ratio(r, '5.4')).toMatchObject({ rate: 90, score: 6 });
    expect(r.groups[4]).toMatchObject({ score: 6, measuredMaxPoints: 6, maxPoints: 18 });
  });
});

describe('N/A handling', () => {
  const only41 = counts((c) => (c.ratios['4.1'] = { numerator: 1, denominator: 2 }));

  it("'exclude': N/A indicators drop out of the score and of the maximum", () => {
    // 4.1 = 50% × 5.5 / 100 = 2.75; 4.2–4.4 N/A → group 4 = 2.75 of 5.5 measured points.
    const r = scoreIndicators(only41);
    expect(ratio(r, '4.1').score).toBe(2.75);
    expect(ratio(r, '4.2')).toMatchObject({ applicable: false, rate: null, score: null });
    expect(r.groups[3]).toMatchObject({ score: 2.75, measuredMaxPoints: 5.5 });
    // Only group 4 has a score: total 2.75 of 5.5 = 50%.
    expect(r.total).toMatchObject({ score: 2.75, maxPoints: 5.5, nominalMaxPoints: 82, percent: 50 });
  });

  it("'zero': N/A indicators score 0; groups with nothing score 0", () => {
    const r = scoreIndicators(only41, makeIndicatorConfig({ naPolicy: 'zero' }));
    // Group 4 = 2.75 + 0 + 0 + 0; groups 2, 3, 5 = 0; total 2.75 of 82 = 3.3536% → 3.35.
    expect(r.groups[3]).toMatchObject({ score: 2.75, measuredMaxPoints: 22 });
    expect(r.groups[1].score).toBe(0);
    expect(r.total).toMatchObject({ score: 2.75, maxPoints: 82, percent: 3.35 });
  });
});

describe('configuration', () => {
  it('defaults: groups 18/20/22/22/18, group 3 split 12/10, equal split inside pools', () => {
    expect(DEFAULT_INDICATOR_CONFIG.groupMaxPoints).toEqual({ 1: 18, 2: 20, 3: 22, 4: 22, 5: 18 });
    const points = resolveIndicatorPoints(DEFAULT_INDICATOR_CONFIG);
    expect(points['2.1']).toBe(20);
    expect([points['3.1'], points['3.2'], points['3.3'], points['3.5'], points['3.6']]).toEqual([4, 4, 4, 5, 5]);
    expect([points['4.1'], points['4.2'], points['4.3'], points['4.4']]).toEqual([5.5, 5.5, 5.5, 5.5]);
    expect([points['5.2'], points['5.3'], points['5.4']]).toEqual([6, 6, 6]);
    expect(DEFAULT_INDICATOR_CONFIG.thresholds).toEqual({ '2.1': 100, '3.1': 80, '3.2': 100, '3.3': 50, '3.5': 80, '3.6': 100, '4.1': 100, '4.2': 80, '4.3': 80, '4.4': 100, '5.2': 100, '5.3': 100, '5.4': 90 });
    expect(Object.isFrozen(DEFAULT_INDICATOR_CONFIG.thresholds)).toBe(true);
  });

  it('indicator points: set ones take their points, the others share the rest', () => {
    const config = makeIndicatorConfig({ indicatorPoints: { '4.2': 10 }, group3Split: { onlineService: 10, onlinePayment: 12 } });
    const points = resolveIndicatorPoints(config);
    expect([points['4.1'], points['4.2'], points['4.3'], points['4.4']]).toEqual([4, 10, 4, 4]);
    expect([points['3.1'], points['3.3'], points['3.5'], points['3.6']]).toEqual([10 / 3, 10 / 3, 6, 6]);
  });

  it('rejects inconsistent configuration, listing every problem', () => {
    const attempt = () =>
      makeIndicatorConfig({
        group3Split: { onlineService: 12, onlinePayment: 12 },
        thresholds: { '3.3': 0 },
        indicatorPoints: { '4.1': 20, '4.2': 5 },
      });
    expect(attempt).toThrow(IndicatorConfigError);
    try {
      attempt();
    } catch (e) {
      expect((e as IndicatorConfigError).problems).toEqual([
        'group3Split (12 + 12) must add up to groupMaxPoints[3] (22)',
        'thresholds[3.3] must be in (0, 100]',
      ]);
    }
    expect(() => makeIndicatorConfig({ indicatorPoints: { '4.1': 20, '4.2': 5 } })).toThrow(/exceed its 22 points/);
    expect(() => makeIndicatorConfig({ indicatorPoints: { '5.2': 1, '5.3': 1, '5.4': 1 } })).toThrow(/must add up to its 18 points/);
    expect(() => makeIndicatorConfig({ indicatorPoints: { '2.2': 1 } as never })).toThrow(/unknown or unscored indicator 2.2/);
  });

  it('bands are applied to the total percent when configured', () => {
    const config = makeIndicatorConfig({
      bands: [
        { minPercent: 0, labelVi: 'Trung bình' },
        { minPercent: 50, labelVi: 'Khá' },
        { minPercent: 80, labelVi: 'Tốt' },
      ],
    });
    const r = scoreIndicators(counts((c) => (c.ratios['4.1'] = { numerator: 1, denominator: 2 })), config);
    expect(r.total).toMatchObject({ percent: 50, bandVi: 'Khá' });
  });
});

describe('validateCounts', () => {
  it('accepts empty counts', () => {
    expect(() => validateCounts(emptyCounts(Q1))).not.toThrow();
  });

  it('rejects a numerator above its denominator, negative or fractional counts', () => {
    expect(() => validateCounts(counts((c) => (c.ratios['3.3'] = { numerator: 3, denominator: 2 })))).toThrow(/numerator 3 > denominator 2/);
    expect(() => validateCounts(counts((c) => (c.ratios['3.3'] = { numerator: -1, denominator: 2 })))).toThrow(RangeError);
    expect(() => validateCounts(counts((c) => (c.ratios['3.3'] = { numerator: 0.5, denominator: 2 })))).toThrow(RangeError);
  });

  it('rejects ratios that should share a denominator but do not', () => {
    const bad = counts((c) => {
      c.ratios['2.1'] = { numerator: 8, denominator: 10 };
      c.ratios.dissatisfied_or_complained = { numerator: 1, denominator: 9 };
    });
    expect(() => scoreIndicators(bad)).toThrow(/must share the denominator \(the 2.1 scope\)/);
    const channels = counts((c) => {
      for (const key of RECEIVED) c.ratios[key] = { numerator: 0, denominator: 3 };
      c.ratios.channel_online = { numerator: 1, denominator: 3 };
    });
    expect(() => validateCounts(channels)).toThrow(/channel shares add up to 1, not 3/);
  });
});

describe('numbers', () => {
  it('round2 rounds half away from zero on the decimal value', () => {
    expect([round2(1.005), round2(80.125), round2(2 / 3), round2(-1.005), round2(1e-9), round2(0)]).toEqual([1.01, 80.13, 0.67, -1.01, 0, 0]);
  });

  it('formatPercentVi uses a decimal comma and drops trailing zeros', () => {
    expect([formatPercentVi(97.5), formatPercentVi(100), formatPercentVi(63.6363), formatPercentVi(0)]).toEqual(['97,5%', '100%', '63,64%', '0%']);
  });
});
