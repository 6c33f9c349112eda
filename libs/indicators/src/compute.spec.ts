/**
 * Hand-computed fixtures for every indicator. Q1 2025 = [01/01/2025, 01/04/2025) local time;
 * the facts and why each one counts are in indicators.fixtures.ts.
 */
import { makeIndicatorConfig } from './config';
import { countFacts } from './counts';
import { computeIndicators, groupFacts, selectDossiers, selectFeedback } from './compute';
import { at, fact, Q1_FACTS, Q1_FEEDBACK } from './indicators.fixtures';
import { quarterPeriod } from './period';
import type { AverageTimeIndicatorResult, IndicatorReport, RatioIndicatorResult } from './score';

const Q1 = quarterPeriod(2025, 1);
const ratio = (report: IndicatorReport, key: string) => report.indicators.find((i) => i.key === key) as RatioIndicatorResult;
const group = (report: IndicatorReport, no: number) => report.groups.find((g) => g.no === no)!;
const codes = (facts: { code: string }[]) => facts.map((f) => f.code);

describe('computeIndicators on the Q1 2025 fixture (no feedback)', () => {
  const report = computeIndicators(Q1_FACTS, Q1);

  it('2.1 on-time rate', () => {
    // Denominator: received by 01/04 and (ended in Q1 or open at 01/04):
    //   A1 A2 A3 A4 (ended in Q1), A9 (received Q4, ended Q1), A5 A6 A7 A8 A14 (open), A11 (ended after Q1) = 11.
    //   Not: A10 (ended in Q4 2024), A12 (never received).
    // On time: A1 (early), A2 (on_time), A9 (on_time), A6 (pending request 10/03 ≤ due 20/03),
    //   A7 (due 15/04 ≥ 01/04), A11 (due 10/04 ≥ 01/04), A14 (no due time) = 7.
    // Late: A3 (stored late), A4 (2 requests), A5 (01/04 > due 20/03), A8 (2 requests).
    // Rate 7/11 = 63.6363…% → 63.64; threshold 100 (default) → 63.6363 × 20 / 100 = 12.7272… → 12.73.
    expect(ratio(report, '2.1')).toMatchObject({ numerator: 7, denominator: 11, rate: 63.64, maxPoints: 20, score: 12.73, applicable: true });
    const late = selectDossiers(Q1_FACTS, Q1, '2.1');
    expect(codes(late.notInNumerator)).toEqual(['A3', 'A4', 'A5', 'A8']);
    expect(codes(late.numerator)).toEqual(['A1', 'A2', 'A6', 'A7', 'A9', 'A11', 'A14']);
  });

  it('2.2 average processing time: N/A with two procedures, values per procedure', () => {
    // Sample: ended in Q1 with a processing time: A1 2400, A2 4800, A9 3000 (P1); A3 7200, A4 1200 (P2).
    // P1: 10200 / 3 = 3400 min = 3400 / 480 = 7.0833 → 7.08 working days. P2: 8400 / 2 = 4200 min = 8.75 days.
    const t = report.indicators.find((i) => i.key === '2.2') as AverageTimeIndicatorResult;
    expect(t).toMatchObject({ applicable: false, selectedProcedure: null, averageWorkingDays: null, score: null, maxPoints: null });
    expect(t.byProcedure).toEqual([
      { procedureCode: 'P1', completed: 3, totalWorkingMinutes: 10200, averageWorkingMinutes: 3400, averageWorkingDays: 7.08 },
      { procedureCode: 'P2', completed: 2, totalWorkingMinutes: 8400, averageWorkingMinutes: 4200, averageWorkingDays: 8.75 },
    ]);
  });

  it('2.2 average processing time with one procedure selected', () => {
    // Only P2 facts: A3 7200 + A4 1200 = 8400 / 2 = 4200 min = 8.75 working days.
    const p2 = computeIndicators(
      Q1_FACTS.filter((f) => f.procedureCode === 'P2'),
      Q1,
    ).indicators.find((i) => i.key === '2.2') as AverageTimeIndicatorResult;
    expect(p2).toMatchObject({ applicable: true, selectedProcedure: 'P2', completed: 2, averageWorkingMinutes: 4200, averageWorkingDays: 8.75 });
  });

  it('3.3 online rate: an online dossier needing a paper result without e-result is not online', () => {
    // Denominator: received in Q1: A1 A2 A3 A4 A5 A6 A7 A8 A11 A14 = 10 (A9, A10 received in Q4; A12 never).
    // Online channel: A1 (paper + e-result ✓), A6 (paper, no e-result ✗), A7 (no paper ✓) → 2.
    // Rate 2/10 = 20%; threshold 50 → 20 × 12 / 50 = 4.8 (partial score below the threshold).
    expect(ratio(report, '3.3')).toMatchObject({ numerator: 2, denominator: 10, rate: 20, threshold: 50, maxPoints: 12, score: 4.8 });
  });

  it('3.6 online-payment rate', () => {
    // Denominator: received in Q1 with a fee: A1 A2 A5 A7 = 4. Paid online: A1 (national), A7 (provincial) = 2.
    // 2/4 = 50%; threshold 100 (default, unverified) → 50 × 10 / 100 = 5.
    expect(ratio(report, '3.6')).toMatchObject({ numerator: 2, denominator: 4, rate: 50, maxPoints: 10, score: 5 });
  });

  it('4.1 e-result rate: ended in Q1 with a result, paper result required', () => {
    // Denominator: A1, A2 (returned), A4, A9 = 4 (A3 refused: no result; A11 ended in Q2; A10 in Q4).
    // With an e-result: A1, A4, A9 = 3. 3/4 = 75%; points 22/3; threshold 100 → 75 × (22/3) / 100 = 5.5.
    expect(ratio(report, '4.1')).toMatchObject({ numerator: 3, denominator: 4, rate: 75, maxPoints: 7.33, score: 5.5 });
  });

  it('4.2 digitised-dossier rate', () => {
    // Denominator 10 (received in Q1). Digitised and (no paper result or e-result):
    //   A1 ✓, A2 ✗ (no e-result), A3 ✗ (no e-result), A4 ✓, A6 ✗ (no e-result), A7 ✓, A11 ✓; A5 A8 A14 not digitised → 4.
    // 4/10 = 40%; threshold 80 → 40 × (22/3) / 80 = 3.6667 → 3.67.
    expect(ratio(report, '4.2')).toMatchObject({ numerator: 4, denominator: 10, rate: 40, threshold: 80, score: 3.67 });
  });

  it('4.3 reuse rate', () => {
    // Reused: A1, A3, A7 = 3 of 10 → 30%; threshold 80 → 30 × (22/3) / 80 = 2.75.
    expect(ratio(report, '4.3')).toMatchObject({ numerator: 3, denominator: 10, rate: 30, score: 2.75 });
  });

  it('5.4 satisfaction: union of overdue and dissatisfied/complained, each dossier once', () => {
    // Denominator = 2.1 denominator = 11. Overdue: A3 A4 A5 A8 = 4. Dissatisfied or complaint: A2 (rating), A3 (complaint) = 2.
    // Both: A3 = 1. Not satisfied = 4 + 2 − 1 = 5 → satisfied 6/11 = 54.5454…% → 54.55
    //   (= 100 − (36.36 + 18.18 − 9.09)). A10's dissatisfied rating is in Q4 and does not count.
    // Threshold 90, 18/3 = 6 points → 54.5454 × 6 / 90 = 3.6363… → 3.64.
    const r = ratio(report, '5.4');
    expect(r).toMatchObject({ numerator: 6, denominator: 11, rate: 54.55, threshold: 90, maxPoints: 6, score: 3.64 });
    expect(r.breakdown).toEqual({
      kind: 'satisfaction',
      overdue: 4,
      dissatisfiedOrComplained: 2,
      both: 1,
      overdueRate: 36.36,
      dissatisfiedOrComplainedRate: 18.18,
      bothRate: 9.09,
    });
  });

  it('5.1–5.3 are N/A without feedback facts (no division by zero)', () => {
    for (const key of ['5.1', '5.2', '5.3']) {
      expect(ratio(report, key)).toMatchObject({ numerator: 0, denominator: 0, rate: null, applicable: false });
    }
    expect(ratio(report, '5.2').score).toBeNull();
    expect(ratio(report, '5.2').naReasonVi).toContain('phản ánh, kiến nghị');
  });

  it('groups and total (N/A indicators drop out of the group)', () => {
    // Group 2: only 2.1 is scored → 12.7272… → 12.73.
    // Group 3: 4.8 + 5 = 9.8.
    // Group 4: 5.5 + 3.6667 + 2.75 = 11.9167 → 11.92.
    // Group 5: 5.2 and 5.3 N/A → 18 × 3.6364 / 6 = 10.9091 → 10.91 (rescaled).
    // Total: 12.7273 + 9.8 + 11.9167 + 10.9091 = 45.3530 → 45.35 of 82 (group 1 not implemented) → 55.3086…% → 55.31.
    expect(group(report, 1)).toMatchObject({ implemented: false, score: null, maxPoints: 18 });
    expect(group(report, 2)).toMatchObject({ score: 12.73, rescaled: false });
    expect(group(report, 3)).toMatchObject({ score: 9.8, rescaled: false });
    expect(group(report, 4)).toMatchObject({ score: 11.92, rescaled: false });
    expect(group(report, 5)).toMatchObject({ score: 10.91, rescaled: true });
    expect(report.total).toEqual({ score: 45.35, maxPoints: 82, percent: 55.31, bandVi: null });
  });

  it("naPolicy 'zero': N/A indicators score 0 and keep their maximum", () => {
    // Group 5 = 0 + 0 + 3.6364 = 3.64. Total = 12.7273 + 9.8 + 11.9167 + 3.6364 = 38.0803 → 38.08 of 82 → 46.4394…% → 46.44.
    const zero = computeIndicators(Q1_FACTS, Q1, makeIndicatorConfig({ naPolicy: 'zero' }));
    expect(ratio(zero, '5.2')).toMatchObject({ rate: null, applicable: false, score: 0 });
    expect(group(zero, 5)).toMatchObject({ score: 3.64, rescaled: false });
    expect(zero.total).toMatchObject({ score: 38.08, maxPoints: 82, percent: 46.44 });
  });

  it('auxiliary measures: digitised at receipt and overdue', () => {
    // Digitised at receipt: A1 A2 A3 A4 A6 A7 A11 = 7 of 10 → 70%. Overdue: 11 − 7 = 4 of 11 → 36.36%.
    expect(report.measures.find((m) => m.key === 'digitised_at_receipt')).toMatchObject({ numerator: 7, denominator: 10, rate: 70 });
    expect(report.measures.find((m) => m.key === 'overdue')).toMatchObject({ numerator: 4, denominator: 11, rate: 36.36 });
  });

  it('every definition carries key, group, Vietnamese name and formula, source, threshold and unverified notes', () => {
    for (const i of report.indicators) {
      expect(i.nameVi.length).toBeGreaterThan(5);
      expect(i.formulaVi.length).toBeGreaterThan(20);
      expect(i.source).toMatch(/DOMAIN\.md §1\./);
      expect(Array.isArray(i.unverified)).toBe(true);
    }
    expect(ratio(report, '2.1').nameVi).toBe('Tỷ lệ hồ sơ giải quyết đúng hạn');
    // Thresholds without a source say so; those from the spec do not.
    expect(ratio(report, '2.1').unverified.join(' ')).toContain('Ngưỡng đạt điểm tối đa: nguồn không nêu (chưa xác minh)');
    expect(ratio(report, '4.2').unverified.join(' ')).not.toContain('Ngưỡng đạt điểm tối đa');
    expect(ratio(report, '3.6').unverified.join(' ')).toContain('12/10');
    expect(report.unverified.length).toBeGreaterThan(0);
  });
});

describe('computeIndicators with feedback facts (5.1–5.3)', () => {
  const report = computeIndicators(Q1_FACTS, Q1, undefined, Q1_FEEDBACK);

  it('5.1 by category', () => {
    // Received in Q1: F1–F6 = 6 (F7 received in Q4 2024, F8 in Q4). About regulations: F1 F3 F4 = 3 → 50%. Not scored.
    expect(ratio(report, '5.1')).toMatchObject({ numerator: 3, denominator: 6, rate: 50, scored: false, score: null });
    expect(ratio(report, '5.1').breakdown).toEqual({ kind: 'feedback_category', regulation: 3, conduct: 3 });
  });

  it('5.2 handled on time', () => {
    // Denominator: F1–F6 and F7 (handled in Q1) = 7. On time: F1 F3 F4 (stored), F6 (open, due 10/04), F7 (05/01 ≤ 06/01) = 5.
    // Late: F2 (stored), F5 (open at 01/04, due 28/03). 5/7 = 71.4285…% → 71.43; × 6 / 100 = 4.2857 → 4.29.
    expect(ratio(report, '5.2')).toMatchObject({ numerator: 5, denominator: 7, rate: 71.43, score: 4.29 });
    expect(selectFeedback(Q1_FEEDBACK, Q1, '5.2').notInNumerator.map((f) => f.receivedAt)).toEqual([at('2025-02-01 08:00'), at('2025-03-20 08:00')]);
  });

  it('5.3 satisfaction in feedback handling (union form)', () => {
    // Of the 7: late F2 F5; dissatisfied F3; re-complained F4 → 4 not satisfied; satisfied F1 F6 F7 = 3.
    // 3/7 = 42.8571…% → 42.86; × 6 / 100 = 2.5714 → 2.57.
    expect(ratio(report, '5.3')).toMatchObject({ numerator: 3, denominator: 7, rate: 42.86, score: 2.57 });
  });

  it('group 5 no longer rescaled', () => {
    // 4.2857 + 2.5714 + 3.6364 = 10.4935 → 10.49.
    expect(group(report, 5)).toMatchObject({ score: 10.49, rescaled: false });
  });
});

describe('edge cases', () => {
  it('empty period: every ratio N/A, no NaN or Infinity anywhere, total N/A', () => {
    const report = computeIndicators([], Q1);
    for (const i of report.indicators) {
      expect(i.applicable).toBe(false);
      if (i.kind === 'ratio') expect(i.rate).toBeNull();
    }
    expect(report.groups.every((g) => g.score === null)).toBe(true);
    expect(report.total).toEqual({ score: null, maxPoints: 0, percent: null, bandVi: null });
    expect(findNonFinite(report)).toEqual([]);
  });

  it('empty period under the zero policy: all scored indicators 0, total 0 of 82', () => {
    const report = computeIndicators([], Q1, makeIndicatorConfig({ naPolicy: 'zero' }));
    expect(report.total).toMatchObject({ score: 0, maxPoints: 82, percent: 0 });
    expect(findNonFinite(report)).toEqual([]);
  });

  it('an ended dossier with two supplementation requests is late even if finished early (no stored outcome)', () => {
    const early = fact('X', {
      receivedAt: at('2025-02-01 08:00'),
      dueAt: at('2025-02-28 17:00'),
      processingEndedAt: at('2025-02-05 08:00'),
      endState: 'result_issued',
      supplementRequests: 2,
    });
    expect(ratio(computeIndicators([early], Q1), '2.1')).toMatchObject({ numerator: 0, denominator: 1, rate: 0, score: 0 });
    // The same dossier with one request is on time (05/02 ≤ 28/02).
    expect(ratio(computeIndicators([{ ...early, supplementRequests: 1 }], Q1), '2.1')).toMatchObject({ numerator: 1, denominator: 1, rate: 100, score: 20 });
  });

  it('imported dossiers: counted by default, left out with importedDossiers = exclude', () => {
    const facts = [fact('N', { receivedAt: at('2025-02-01 08:00') }), fact('I', { imported: true, receivedAt: at('2025-02-01 08:00'), digitised: true })];
    // Included: 4.2 denominator 2, digitised at receipt 1/2. Excluded: 0/1.
    expect(countFacts(facts, Q1, makeIndicatorConfig()).ratios.digitised_at_receipt).toEqual({ numerator: 1, denominator: 2 });
    expect(countFacts(facts, Q1, makeIndicatorConfig({ importedDossiers: 'exclude' })).ratios.digitised_at_receipt).toEqual({ numerator: 0, denominator: 1 });
  });

  it('period boundaries: received at 00:00 local on 01/04 belongs to Q2, at 23:59 on 31/03 to Q1', () => {
    const inQ1 = fact('a', { receivedAt: at('2025-03-31 23:59') });
    const inQ2 = fact('b', { receivedAt: at('2025-04-01 00:00') });
    expect(countFacts([inQ1, inQ2], Q1, makeIndicatorConfig()).ratios['3.3'].denominator).toBe(1);
    expect(countFacts([inQ1, inQ2], quarterPeriod(2025, 2), makeIndicatorConfig()).ratios['3.3'].denominator).toBe(1);
  });
});

describe('groupFacts', () => {
  it('by channel: one report per channel with its own counts', () => {
    const groups = groupFacts(Q1_FACTS, 'channel', Q1);
    expect(groups.map((g) => g.key)).toEqual(['direct', 'online', 'postal']);
    // 2.1 per channel — direct: A2 ✓ A3 ✗ A5 ✗ A8 ✗ A9 ✓ A11 ✓ A14 ✓ → 4/7; online: A1 ✓ A6 ✓ A7 ✓ → 3/3 (A12 never received);
    // postal: A4 ✗ → 0/1. Sum 7/11 as in the whole report.
    const onTime = groups.map((g) => ratio(g.report, '2.1')).map((r) => [r.numerator, r.denominator]);
    expect(onTime).toEqual([
      [4, 7],
      [3, 3],
      [0, 1],
    ]);
  });

  it('by procedure: 2.2 has a value in every group', () => {
    const groups = groupFacts(Q1_FACTS, 'procedure', Q1);
    const times = groups.map((g) => (g.report.indicators.find((i) => i.key === '2.2') as AverageTimeIndicatorResult).averageWorkingDays);
    expect(groups.map((g) => g.key)).toEqual(['P1', 'P2']);
    expect(times).toEqual([7.08, 8.75]);
  });

  it('by department: feedback carrying the department joins its group; feedback without it joins none', () => {
    const groups = groupFacts(Q1_FACTS, 'department', Q1, undefined, Q1_FEEDBACK);
    // D1 has all dossiers and F1, F3 (received in Q1, regulation) → 5.1 = 2/2; D2 has only F2 (conduct) → 0/1.
    expect(groups.map((g) => g.key)).toEqual(['D1', 'D2']);
    expect(ratio(groups[0].report, '5.1')).toMatchObject({ numerator: 2, denominator: 2 });
    expect(ratio(groups[1].report, '5.1')).toMatchObject({ numerator: 0, denominator: 1 });
    expect(ratio(groups[1].report, '2.1')).toMatchObject({ denominator: 0, rate: null });
  });
});

function findNonFinite(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => findNonFinite(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => findNonFinite(v, `${path}.${k}`));
  return [];
}
