/**
 * Hand-computed fixtures for every indicator. Q1 2025 = [01/01/2025, 01/04/2025) local time;
 * the facts and why each one counts are in indicators.fixtures.ts.
 */
import { makeIndicatorConfig } from './config';
import { countFacts } from './counts';
import { computeIndicators, groupFacts, selectDossiers, selectFeedback } from './compute';
import { at, fact, Q1_FACTS, Q1_FEEDBACK, req } from './indicators.fixtures';
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
    // On time: A1 (10/01 ≤ 15/01), A2 (20/01 16:00 ≤ 17:00), A9 (08/01 ≤ 10/01), A6 (pending request 10/03 ≤ 20/03),
    //   A7 (01/04 ≤ 15/04), A11 (open at 01/04 ≤ 10/04), A14 (no appointment) = 7.
    // Late: A3 (01/03 > 20/02), A4 (2 requests), A5 (01/04 > 20/03), A8 (2 requests).
    // Rate 7/11 = 63.6363…% → 63.64; threshold 100 (default) → 63.6363 × 20 / 100 = 12.7272… → 12.73.
    expect(ratio(report, '2.1')).toMatchObject({ numerator: 7, denominator: 11, rate: 63.64, maxPoints: 20, score: 12.73, applicable: true });
    const late = selectDossiers(Q1_FACTS, Q1, '2.1');
    expect(codes(late.notInNumerator)).toEqual(['A3', 'A4', 'A5', 'A8']);
    expect(codes(late.numerator)).toEqual(['A1', 'A2', 'A6', 'A7', 'A9', 'A11', 'A14']);
  });

  it('2.2 average processing time: N/A with two procedures, values per procedure and unit', () => {
    // Sample: received in Q1 and completed with a result by the report's instant (here the period end):
    //   A1 5 days, A2 10 days (P1); A4 2.5 days (P2). Not: A3 (refused), A9 (received in Q4), A11 (completed after 01/04).
    // P1: (500 + 1000) / 2 / 100 = 7.5 working days. P2: 250 / 1 / 100 = 2.5.
    const t = report.indicators.find((i) => i.key === '2.2') as AverageTimeIndicatorResult;
    expect(t).toMatchObject({ applicable: false, selectedProcedure: null, average: null, score: null, maxPoints: null });
    expect(t.byProcedure).toEqual([
      { procedureCode: 'P1', unit: 'working_days', completed: 2, totalCenti: 1500, average: 7.5 },
      { procedureCode: 'P2', unit: 'working_days', completed: 1, totalCenti: 250, average: 2.5 },
    ]);
  });

  it('2.2 average processing time with one procedure selected', () => {
    const p1 = computeIndicators(
      Q1_FACTS.filter((f) => f.procedureCode === 'P1'),
      Q1,
    ).indicators.find((i) => i.key === '2.2') as AverageTimeIndicatorResult;
    expect(p1).toMatchObject({ applicable: true, selectedProcedure: 'P1', completed: 2, average: 7.5, unit: 'working_days' });
  });

  it('2.2 counts a dossier completed after the period once the report is computed later (asOf)', () => {
    // A11 (received 15/03, result 15/04, 18.75 days) joins P1's sample when Q1 is computed on 20/04.
    const later = computeIndicators(Q1_FACTS, { ...Q1, asOf: at('2025-04-20 00:00') }).indicators.find((i) => i.key === '2.2') as AverageTimeIndicatorResult;
    expect(later.byProcedure[0]).toEqual({ procedureCode: 'P1', unit: 'working_days', completed: 3, totalCenti: 3375, average: 11.25 });
  });

  it('3.3 online rate: online dossiers, a paper result issued must be electronic, times the sync rate', () => {
    // Denominator: received in Q1: A1 A2 A3 A4 A5 A6 A7 A8 A11 A14 = 10 (A9, A10 received in Q4; A12 never).
    // Online channel: A1 (paper result issued with e-result ✓), A6 (paper result due, none issued by 01/04 ✓), A7 (no paper ✓) → 3.
    // Sync rate 1.4 = 10/10. Rate 30%; threshold 50; 12 points shared by 3.1–3.3 → 30 × 4 / 50 = 2.4.
    expect(ratio(report, '3.3')).toMatchObject({ numerator: 3, denominator: 10, rate: 30, threshold: 50, maxPoints: 4, score: 2.4 });
    expect(ratio(report, '3.3').breakdown).toEqual({ kind: 'online', onlineShare: 30, syncRate: 100 });
  });

  it('3.3 falls with the sync rate: two of the ten records not delivered → 30% × 80% = 24%', () => {
    const facts = Q1_FACTS.map((f) => (f.code === 'A5' || f.code === 'A8' ? { ...f, synced: false } : f));
    const r = computeIndicators(facts, Q1);
    expect(ratio(r, '1.4')).toMatchObject({ numerator: 8, denominator: 10, rate: 80, scored: false });
    expect(ratio(r, '3.3')).toMatchObject({ numerator: 3, denominator: 10, rate: 24 });
  });

  it('3.6 online-payment rate', () => {
    // Denominator: received in Q1, fee-bearing, fee list not all 0: A1 A2 A5 A7 = 4. Paid online: A1 (national), A7 (provincial) = 2.
    // 2/4 = 50%; threshold 100 (default, unverified); 10 points shared with 3.5 → 50 × 5 / 100 = 2.5.
    expect(ratio(report, '3.6')).toMatchObject({ numerator: 2, denominator: 4, rate: 50, maxPoints: 5, score: 2.5 });
  });

  it('4.1 e-result rate: ended in Q1 with a result, paper result required', () => {
    // Denominator: A1, A2 (returned), A4, A9 = 4 (A3 refused: no result; A11 ended in Q2; A10 in Q4).
    // With result code and link: A1, A4, A9 = 3. 3/4 = 75%; group 4 has 4 scored indicators → 5.5 points each;
    // threshold 100 → 75 × 5.5 / 100 = 4.125 → 4.13.
    expect(ratio(report, '4.1')).toMatchObject({ numerator: 3, denominator: 4, rate: 75, maxPoints: 5.5, score: 4.13 });
  });

  it('4.2 digitised-dossier rate', () => {
    // Denominator 10 (received in Q1). Digitised and (no paper result issued by 01/04, or an e-result):
    //   A1 ✓, A2 ✗ (result returned without e-result), A3 ✓ (refused: no result), A4 ✓, A6 ✓ (no result yet), A7 ✓, A11 ✓
    //   (no paper result); A5 A8 A14 not digitised → 6. 60%; threshold 80 → 60 × 5.5 / 80 = 4.125 → 4.13.
    expect(ratio(report, '4.2')).toMatchObject({ numerator: 6, denominator: 10, rate: 60, threshold: 80, score: 4.13 });
  });

  it('4.3 reuse rate and 4.4 citizen store', () => {
    // Reused: A1, A3, A7 = 3 of 10 → 30%; threshold 80 → 30 × 5.5 / 80 = 2.0625 → 2.06.
    expect(ratio(report, '4.3')).toMatchObject({ numerator: 3, denominator: 10, rate: 30, score: 2.06 });
    // From the citizen's store: A7 = 1 of 10 → 10%; threshold 100 → 0.55.
    expect(ratio(report, '4.4')).toMatchObject({ numerator: 1, denominator: 10, rate: 10, score: 0.55 });
  });

  it('5.4 satisfaction: one subtraction of two rates', () => {
    // Denominator = 2.1 denominator = 11. Overdue: A3 A4 A5 A8 = 4 (36.36%). Rated dissatisfied or complained: A2, A3 = 2 (18.18%).
    // 100 − (36.3636 + 18.1818) = 45.4545… → 45.45 (A3, overdue and complained, is subtracted twice, as the method says).
    // Measured: A1, A2, A6 rated, A3 complained. Threshold 90, 18/3 = 6 points → 45.4545 × 6 / 90 = 3.0303 → 3.03.
    // A10's dissatisfied rating is in Q4 and does not count.
    const r = ratio(report, '5.4');
    expect(r).toMatchObject({ numerator: 5, denominator: 11, rate: 45.45, threshold: 90, maxPoints: 6, score: 3.03, applicable: true });
    expect(r.breakdown).toEqual({
      kind: 'satisfaction',
      overdue: 4,
      dissatisfiedOrComplained: 2,
      ratedOrComplained: 4,
      overdueRate: 36.36,
      dissatisfiedOrComplainedRate: 18.18,
    });
  });

  it('5.1–5.3 are N/A without feedback facts (no division by zero)', () => {
    for (const key of ['5.1', '5.2', '5.3']) {
      expect(ratio(report, key)).toMatchObject({ numerator: 0, denominator: 0, rate: null, applicable: false });
    }
    expect(ratio(report, '5.2').score).toBeNull();
    expect(ratio(report, '5.2').naReasonVi).toContain('phản ánh, kiến nghị');
  });

  it('groups and total: N/A indicators drop out of the score and of the maximum', () => {
    // Group 2: 2.1 = 12.7273 of 20 → 12.73.
    // Group 3: 3.1, 3.2, 3.5 N/A (no catalogue given); 3.3 2.4 of 4 + 3.6 2.5 of 5 = 4.9 of 9.
    // Group 4: 4.125 + 4.125 + 2.0625 + 0.55 = 10.8625 → 10.86 of 22.
    // Group 5: 5.2 and 5.3 N/A (no feedback) → 5.4 alone: 3.0303 of 6 (not scaled up to 18).
    // Total: 12.7273 + 4.9 + 10.8625 + 3.0303 = 31.5201 → 31.52 of 57 measured points (82 nominal) → 55.2984…% → 55.3.
    expect(group(report, 1)).toMatchObject({ implemented: false, score: null, maxPoints: 18, measuredMaxPoints: 0 });
    expect(group(report, 2)).toMatchObject({ score: 12.73, measuredMaxPoints: 20 });
    expect(group(report, 3)).toMatchObject({ score: 4.9, measuredMaxPoints: 9 });
    expect(group(report, 4)).toMatchObject({ score: 10.86, measuredMaxPoints: 22 });
    expect(group(report, 5)).toMatchObject({ score: 3.03, maxPoints: 18, measuredMaxPoints: 6 });
    expect(report.total).toMatchObject({ score: 31.52, maxPoints: 57, nominalMaxPoints: 82, percent: 55.3, bandVi: null });
    expect(report.total.naPolicyVi).toContain('không tính vào điểm tối đa');
  });

  it("naPolicy 'zero': N/A indicators score 0 and keep their maximum", () => {
    // Group 5 = 0 + 0 + 3.0303 = 3.03 of 18. Total = 31.5201 of 82 → 38.4391…% → 38.44.
    const zero = computeIndicators(Q1_FACTS, Q1, makeIndicatorConfig({ naPolicy: 'zero' }));
    expect(ratio(zero, '5.2')).toMatchObject({ rate: null, applicable: false, score: 0 });
    expect(group(zero, 5)).toMatchObject({ score: 3.03, measuredMaxPoints: 18 });
    expect(zero.total).toMatchObject({ score: 31.52, maxPoints: 82, percent: 38.44 });
  });

  it('auxiliary measures: digitised at receipt, overdue, channel shares', () => {
    // Digitised at receipt: A1 A2 A3 A4 A6 A7 A11 = 7 of 10 → 70%. Overdue: 11 − 7 = 4 of 11 → 36.36%.
    // Channels of the 10 received: online A1 A6 A7; postal A4; direct the other 6.
    const measure = (key: string) => report.measures.find((m) => m.key === key);
    expect(measure('digitised_at_receipt')).toMatchObject({ numerator: 7, denominator: 10, rate: 70 });
    expect(measure('overdue')).toMatchObject({ numerator: 4, denominator: 11, rate: 36.36 });
    expect(measure('channel_online')).toMatchObject({ numerator: 3, denominator: 10, rate: 30 });
    expect(measure('channel_direct')).toMatchObject({ numerator: 6, denominator: 10, rate: 60 });
    expect(measure('channel_postal')).toMatchObject({ numerator: 1, denominator: 10, rate: 10 });
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

  it('5.3 satisfaction in feedback handling: feedback first received in the period', () => {
    // Denominator: received in Q1: F1–F6 = 6 (F7 was received in Q4 2024). Not satisfied: F2 (late), F3 (dissatisfied),
    // F4 (re-complained), F5 (open past due at 01/04) → satisfied F1, F6 = 2. 2/6 = 33.33%; × 6 / 100 = 2.
    expect(ratio(report, '5.3')).toMatchObject({ numerator: 2, denominator: 6, rate: 33.33, score: 2 });
  });

  it('group 5 with all three indicators measured', () => {
    // 4.2857 + 2 + 3.0303 = 9.3160 → 9.32 of 18.
    expect(group(report, 5)).toMatchObject({ score: 9.32, measuredMaxPoints: 18 });
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
    expect(report.total).toMatchObject({ score: null, maxPoints: 0, nominalMaxPoints: 82, percent: null, bandVi: null });
    expect(findNonFinite(report)).toEqual([]);
  });

  it('empty period under the zero policy: all scored indicators 0, total 0 of 82', () => {
    const report = computeIndicators([], Q1, makeIndicatorConfig({ naPolicy: 'zero' }));
    expect(report.total).toMatchObject({ score: 0, maxPoints: 82, percent: 0 });
    expect(findNonFinite(report)).toEqual([]);
  });

  it('an ended dossier with two supplementation requests is late even if finished early', () => {
    const early = fact('X', {
      receivedAt: at('2025-02-01 08:00'),
      appointmentAt: at('2025-02-28 17:00'),
      processingEndedAt: at('2025-02-05 08:00'),
      endState: 'result_issued',
      supplements: [req('2025-02-02 08:00', '2025-02-02 10:00'), req('2025-02-03 08:00', '2025-02-03 10:00')],
    });
    expect(ratio(computeIndicators([early], Q1), '2.1')).toMatchObject({ numerator: 0, denominator: 1, rate: 0, score: 0 });
    // The same dossier with one request is on time (05/02 − 2 h ≤ 28/02).
    expect(ratio(computeIndicators([{ ...early, supplements: early.supplements.slice(0, 1) }], Q1), '2.1')).toMatchObject({ numerator: 1, denominator: 1, rate: 100, score: 20 });
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
    const times = groups.map((g) => (g.report.indicators.find((i) => i.key === '2.2') as AverageTimeIndicatorResult).average);
    expect(groups.map((g) => g.key)).toEqual(['P1', 'P2']);
    expect(times).toEqual([7.5, 2.5]);
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
