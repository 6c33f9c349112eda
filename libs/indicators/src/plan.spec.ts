/** Plan targets (PAR self-assessment) on the Q1 2025 fixture; shortfalls worked out by hand. */
import { computeIndicators } from './compute';
import { Q1_FACTS, Q1_FEEDBACK } from './indicators.fixtures';
import { quarterPeriod } from './period';
import { PLAN_2025_TARGETS, planReport, planShortfall, type PlanTarget } from './plan';

const Q1 = quarterPeriod(2025, 1);
const report = computeIndicators(Q1_FACTS, Q1);

describe('planShortfall', () => {
  it('smallest k with (num + k) / den ≥ target', () => {
    expect(planShortfall(7, 11, 100, 'at_least')).toBe(4); // 11 − 7
    expect(planShortfall(7, 10, 90, 'at_least')).toBe(2); // (7 + 2) / 10 = 90%
    expect(planShortfall(9, 10, 90, 'at_least')).toBe(0); // exactly on the target
    expect(planShortfall(6, 11, 90, 'at_least')).toBe(4); // 6 + k ≥ 9.9 → k = 4
    expect(planShortfall(1, 3, 33.33, 'at_least')).toBe(0); // 33.333…% ≥ 33.33%
    expect(planShortfall(1, 3, 33.34, 'at_least')).toBe(1);
    expect(planShortfall(0, 1_000_000, 100, 'at_least')).toBe(1_000_000);
    expect(planShortfall(999_999, 1_000_000, 99.99, 'at_least')).toBe(0);
  });

  it('smallest k with (num − k) / den ≤ target', () => {
    expect(planShortfall(4, 11, 10, 'at_most')).toBe(3); // 4 − k ≤ 1.1 → k = 3
    expect(planShortfall(1, 10, 10, 'at_most')).toBe(0);
    expect(planShortfall(5, 5, 0, 'at_most')).toBe(5);
  });

  it('rejects an empty denominator or a target outside [0, 100]', () => {
    expect(() => planShortfall(0, 0, 90, 'at_least')).toThrow(RangeError);
    expect(() => planShortfall(1, 2, 101, 'at_least')).toThrow(RangeError);
    expect(() => planShortfall(3, 2, 50, 'at_least')).toThrow(RangeError);
  });
});

describe('planReport with the 2025 targets', () => {
  const lines = planReport(report, PLAN_2025_TARGETS, { fullProcessServices: 12, fullProcessServicesWithOnlineDossier: 9 });
  const line = (id: string) => lines.find((l) => l.id === id)!;

  it('seeds the 2025 plan; online dossiers and online payment have no default target', () => {
    expect(PLAN_2025_TARGETS.map((t) => [t.id, t.measure, t.target])).toEqual([
      ['digitised_at_receipt', 'digitised_at_receipt', 90],
      ['e_result', '4.1', 100],
      ['full_process_services_with_dossiers', 'full_process_services_with_dossiers', 80],
      ['satisfaction', '5.4', 90],
      ['on_time', '2.1', 100],
      ['feedback_handled', '5.2', 100],
      ['online_dossiers', 'channel_online', null],
      ['online_payment', '3.6', null],
    ]);
  });

  it('on time or early ≥ 100%: 7/11 → 4 more dossiers on time', () => {
    expect(line('on_time')).toMatchObject({ numerator: 7, denominator: 11, actual: 63.64, met: false, shortfall: 4, status: 'not_met' });
    expect(line('on_time').sentenceVi).toBe(
      'Tỷ lệ hồ sơ giải quyết đúng hạn, trước hạn: kết quả 63,64% (7/11 hồ sơ); chưa đạt chỉ tiêu ≥ 100%, ' +
        'nếu có thêm 4 hồ sơ giải quyết đúng hạn, trước hạn thì đã đạt chỉ tiêu.',
    );
  });

  it('digitised at receipt ≥ 90%: 7/10 → 2 more', () => {
    expect(line('digitised_at_receipt')).toMatchObject({ numerator: 7, denominator: 10, actual: 70, shortfall: 2 });
  });

  it('e-results 100%: 3/4 → 1 more', () => {
    expect(line('e_result')).toMatchObject({ numerator: 3, denominator: 4, actual: 75, shortfall: 1 });
  });

  it('satisfaction ≥ 90%: 100 − (4 + 2)/11 = 5/11 → 5 + k ≥ 9.9 → 5 more', () => {
    expect(line('satisfaction')).toMatchObject({ numerator: 5, denominator: 11, actual: 45.45, shortfall: 5 });
  });

  it('full-process services receiving dossiers ≥ 80%: 9/12 = 75% → 1 more service (catalogue input)', () => {
    expect(line('full_process_services_with_dossiers')).toMatchObject({ numerator: 9, denominator: 12, actual: 75, shortfall: 1 });
    expect(line('full_process_services_with_dossiers').sentenceVi).toContain('nếu có thêm 1 dịch vụ công trực tuyến toàn trình phát sinh hồ sơ');
  });

  it('feedback handled 100%: no feedback → no data, no division by zero', () => {
    expect(line('feedback_handled')).toMatchObject({ numerator: 0, denominator: 0, actual: null, met: null, shortfall: null, status: 'no_data' });
    expect(line('feedback_handled').sentenceVi).toContain('chưa đánh giá được');
  });

  it('targets without a value say "chưa đặt chỉ tiêu" and still report the actual', () => {
    // The plan counts the channel (A1, A6, A7 of the 10 received), not the Index's 3.3.
    expect(line('online_dossiers')).toMatchObject({ actual: 30, target: null, met: null, shortfall: null, status: 'no_target' });
    expect(line('online_dossiers').sentenceVi).toBe('Tỷ lệ hồ sơ trực tuyến: kết quả 30% (3/10 hồ sơ); chưa đặt chỉ tiêu.');
    expect(line('online_payment').sentenceVi).toContain('chưa đặt chỉ tiêu');
  });

  it('met targets', () => {
    const withFeedback = computeIndicators(Q1_FACTS, Q1, undefined, Q1_FEEDBACK);
    const lenient = planReport(withFeedback, [{ ...PLAN_2025_TARGETS[5], target: 70 }]);
    // 5.2 = 5/7 = 71.43% ≥ 70%.
    expect(lenient[0]).toMatchObject({ met: true, shortfall: 0, status: 'met' });
    expect(lenient[0].sentenceVi).toBe(
      'Tỷ lệ phản ánh, kiến nghị được xử lý theo quy định: kết quả 71,43% (5/7 phản ánh, kiến nghị); đạt chỉ tiêu ≥ 70%.',
    );
  });

  it('without catalogue input the full-process target has no data', () => {
    const noCatalogue = planReport(report);
    expect(noCatalogue.find((l) => l.id === 'full_process_services_with_dossiers')).toMatchObject({ status: 'no_data', actual: null });
  });

  it('an at-most target on the overdue rate: 4/11 overdue, ≤ 10% → 3 fewer overdue dossiers', () => {
    const target: PlanTarget = {
      id: 'overdue',
      nameVi: 'Tỷ lệ hồ sơ quá hạn',
      measure: 'overdue',
      direction: 'at_most',
      target: 10,
      numeratorUnitVi: 'hồ sơ quá hạn',
      denominatorUnitVi: 'hồ sơ',
      source: 'test',
      unverified: [],
    };
    const [l] = planReport(report, [target]);
    expect(l).toMatchObject({ numerator: 4, denominator: 11, actual: 36.36, met: false, shortfall: 3 });
    expect(l.sentenceVi).toBe('Tỷ lệ hồ sơ quá hạn: kết quả 36,36% (4/11 hồ sơ); chưa đạt chỉ tiêu ≤ 10%, nếu giảm 3 hồ sơ quá hạn thì đã đạt chỉ tiêu.');
  });

  it('rejects invalid catalogue input and targets', () => {
    expect(() => planReport(report, PLAN_2025_TARGETS, { fullProcessServices: 3, fullProcessServicesWithOnlineDossier: 4 })).toThrow(RangeError);
    expect(() => planReport(report, [{ ...PLAN_2025_TARGETS[0], target: 120 }])).toThrow(RangeError);
  });
});
