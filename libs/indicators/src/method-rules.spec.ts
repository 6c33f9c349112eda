/**
 * The method's rules (DOMAIN.md §1.4–1.5), one hand-computed case each, named after the rule it
 * checks. Most cases go the whole way the portal's figure goes: what we store → the portal record
 * → JSON → the facts read back → the rule. Period: March 2025 = [01/03, 01/04) local time.
 */
import { makeIndicatorConfig } from './config';
import { computeIndicators, selectDossiers } from './compute';
import { countFacts } from './counts';
import { at, fact, feedback, req, source, viaRecord } from './indicators.fixtures';
import { judgePeriod, monthPeriod } from './period';
import {
  inEResultDenominator,
  inFeedbackDenominator,
  inFeedbackReceived,
  inOnTimeDenominator,
  inOnlinePaymentDenominator,
  inProcessingTimeSample,
  isDigitisedDossier,
  isFeedbackOnTime,
  isFeedbackSatisfied,
  isOnTime,
  isOnlineDossier,
  isPaidOnline,
} from './predicates';
import type { AverageTimeIndicatorResult, IndicatorReport, RatioIndicatorResult } from './score';

const MARCH = monthPeriod(2025, 3);
const config = makeIndicatorConfig();
const ratio = (report: IndicatorReport, key: string) => report.indicators.find((i) => i.key === key) as RatioIndicatorResult;

describe('2.1 denominator: received by the period end, ended in the period or open at its end', () => {
  const cases: Array<[string, Parameters<typeof fact>[1], boolean]> = [
    ['received in the period, open', { receivedAt: at('2025-03-05 08:00') }, true],
    ['received earlier, still open (carried over)', { receivedAt: at('2025-01-05 08:00') }, true],
    ['received earlier, ended in the period', { receivedAt: at('2025-01-05 08:00'), processingEndedAt: at('2025-03-01 00:00') }, true],
    ['received earlier, ended before the period', { receivedAt: at('2025-01-05 08:00'), processingEndedAt: at('2025-02-28 23:59') }, false],
    ['received in the period, ended after it (open at the end)', { receivedAt: at('2025-03-05 08:00'), processingEndedAt: at('2025-04-02 08:00') }, true],
    ['ended exactly at the period end (= 01/04 00:00): open at the end', { receivedAt: at('2025-03-05 08:00'), processingEndedAt: at('2025-04-01 00:00') }, true],
    ['received after the period', { receivedAt: at('2025-04-01 00:00') }, false],
    ['never received', { receivedAt: null }, false],
  ];
  it.each(cases)('%s', (_name, overrides, expected) => {
    expect(inOnTimeDenominator(fact('x', overrides), MARCH)).toBe(expected);
  });
});

describe('rule 2.1: end of processing ≤ the legal appointment', () => {
  it('2.1 ended: the state time is compared with NgayHenTra', () => {
    const ended = source({ ended: { at: at('2025-03-20 17:00'), state: 'result_issued' } });
    expect(isOnTime(viaRecord(ended), MARCH)).toBe(true);
    expect(isOnTime(viaRecord({ ...ended, ended: { at: at('2025-03-20 17:01'), state: 'result_issued' } }), MARCH)).toBe(false);
  });

  it('2.1 single pending supplementation: its request time is the end (open at the period end)', () => {
    // Appointment 20/03 17:00. Requested 18/03, not supplemented by 01/04 → end = 18/03 → on time.
    expect(isOnTime(viaRecord(source({ supplements: [req('2025-03-18 10:00')] })), MARCH)).toBe(true);
    // Requested 21/03 → end = 21/03 > 20/03 → late.
    expect(isOnTime(viaRecord(source({ supplements: [req('2025-03-21 10:00')] })), MARCH)).toBe(false);
    // Supplemented only after the period end: still pending at 01/04 → the request time counts.
    expect(isOnTime(viaRecord(source({ supplements: [req('2025-03-18 10:00', '2025-04-03 08:00')] })), MARCH)).toBe(true);
    // Requested after the period end: not a request of this period; judged at 01/04 > 20/03 → late.
    expect(isOnTime(viaRecord(source({ supplements: [req('2025-04-03 10:00')] })), MARCH)).toBe(false);
  });

  it('2.1 single pending supplementation: a dossier stopped while waiting ended at the request', () => {
    const stopped = source({ supplements: [req('2025-03-18 10:00')], ended: { at: at('2025-03-28 09:00'), state: 'stopped' } });
    const f = viaRecord(stopped);
    expect(f.processingEndedAt).toEqual(at('2025-03-18 10:00'));
    expect(f.endState).toBe('stopped');
    expect(isOnTime(f, MARCH)).toBe(true);
  });

  it('2.1 more than one supplementation request is late, open or ended, whatever the dates', () => {
    const two = [req('2025-03-02 08:00', '2025-03-03 08:00'), req('2025-03-04 08:00', '2025-03-05 08:00')];
    expect(isOnTime(viaRecord(source({ appointmentAt: at('2025-05-01 17:00'), supplements: two })), MARCH)).toBe(false);
    expect(isOnTime(viaRecord(source({ appointmentAt: at('2025-05-01 17:00'), supplements: two, ended: { at: at('2025-03-06 08:00'), state: 'result_issued' } })), MARCH)).toBe(false);
    // The second request only after the period end: one request in March → judged on the dates.
    const later = [req('2025-03-02 08:00', '2025-03-03 08:00'), req('2025-04-04 08:00')];
    expect(isOnTime(viaRecord(source({ appointmentAt: at('2025-05-01 17:00'), supplements: later })), MARCH)).toBe(true);
  });

  it('2.1 the time the applicant spent supplementing is subtracted (completion − request)', () => {
    // Appointment 20/03 17:00; supplementation 10/03 08:00 → 15/03 08:00 (5 days); result 24/03 17:00.
    // 24/03 17:00 − 5 days = 19/03 17:00 ≤ 20/03 17:00 → on time. Result 25/03 17:01 → 20/03 17:01 → late.
    const base = source({ supplements: [req('2025-03-10 08:00', '2025-03-15 08:00')] });
    expect(isOnTime(viaRecord({ ...base, ended: { at: at('2025-03-24 17:00'), state: 'result_issued' } }), MARCH)).toBe(true);
    expect(isOnTime(viaRecord({ ...base, ended: { at: at('2025-03-25 17:01'), state: 'result_issued' } }), MARCH)).toBe(false);
    // Open at the period end: 01/04 00:00 − 5 days = 27/03 > 20/03 → late; with an appointment on 27/03 00:00 → on time.
    expect(isOnTime(viaRecord(base), MARCH)).toBe(false);
    expect(isOnTime(viaRecord({ ...base, appointmentAt: at('2025-03-27 00:00') }), MARCH)).toBe(true);
  });

  it("2.1 an apology's new appointment travels in its own field and never makes a late dossier on time", () => {
    const apologised = source({ apologyAppointmentAt: at('2025-03-31 17:00'), ended: { at: at('2025-03-28 10:00'), state: 'result_issued' } });
    const record = JSON.parse(JSON.stringify(viaRecord(apologised)));
    expect(record.appointmentAt).toBe(at('2025-03-20 17:00').toISOString());
    expect(isOnTime(viaRecord(apologised), MARCH)).toBe(false);
  });

  it('2.1 no appointment (the procedure sets no time limit) → on time', () => {
    expect(isOnTime(viaRecord(source({ appointmentAt: null, receivedAt: at('2025-01-01 08:00') })), MARCH)).toBe(true);
  });

  it('2.1 a period still running is judged as of now: not yet due = in progress; past due without an end = late', () => {
    // December 2026 seen on 07/12 10:00: one dossier due 08/12, one due 21/12, one due 05/12 still open.
    const now = at('2026-12-07 10:00');
    const december = judgePeriod(monthPeriod(2026, 12), now);
    expect(december).toMatchObject({ provisional: true, to: new Date(now.getTime() + 1), asOf: now, endsAt: monthPeriod(2026, 12).to });
    const open = (code: string, due: string) => fact(code, { receivedAt: at('2026-12-01 08:00'), appointmentAt: at(due) });
    const facts = [open('due-08', '2026-12-08 17:00'), open('due-21', '2026-12-21 17:00'), open('overdue', '2026-12-05 17:00')];
    const report = computeIndicators(facts, december, config);
    expect(report.provisional).toBe(true);
    expect(ratio(report, '2.1')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(selectDossiers(facts, december, '2.1', config).notInNumerator.map((f) => f.code)).toEqual(['overdue']);
    // The same month judged after its end: all three are late.
    const ended = judgePeriod(monthPeriod(2026, 12), at('2027-01-05 08:00'));
    expect(ended.provisional).toBe(false);
    expect(ratio(computeIndicators(facts, ended, config), '2.1')).toMatchObject({ numerator: 0, denominator: 3 });
  });
});

describe('rule 2.2: completed dossiers received in the period, in the procedure’s own unit', () => {
  it('2.2 only dossiers with a result ("Đã xử lý xong" / "Đã trả kết quả") received in the period', () => {
    const completed = viaRecord(source({ ended: { at: at('2025-03-05 08:00'), state: 'result_issued' }, processingWorkingMinutes: 1440 }));
    expect(completed.processingTimeCenti).toBe(300); // 1440 working minutes = 3 working days
    expect(inProcessingTimeSample(completed, MARCH)).toBe(true);
    const refused = viaRecord(source({ ended: { at: at('2025-03-05 08:00'), state: 'refused' }, processingWorkingMinutes: 1440 }));
    expect(inProcessingTimeSample(refused, MARCH)).toBe(false);
    const receivedBefore = viaRecord(source({ receivedAt: at('2025-02-27 08:00'), ended: { at: at('2025-03-05 08:00'), state: 'returned' }, processingWorkingMinutes: 1440 }));
    expect(inProcessingTimeSample(receivedBefore, MARCH)).toBe(false);
  });

  it('2.2 in calendar days for a procedure counted in days: elapsed time minus supplementation', () => {
    // Received 01/03 08:00, result 11/03 20:00 (10.5 days), supplementation 03/03 08:00 → 04/03 08:00 (1 day) → 9.5 days.
    const f = viaRecord(
      source({ timeUnit: 'calendar_days', supplements: [req('2025-03-03 08:00', '2025-03-04 08:00')], ended: { at: at('2025-03-11 20:00'), state: 'result_issued' } }),
    );
    expect([f.processingTimeCenti, f.processingTimeUnit]).toEqual([950, 'calendar_days']);
  });

  it('2.2 in working hours for a procedure counted in hours', () => {
    const f = viaRecord(source({ timeUnit: 'working_hours', ended: { at: at('2025-03-02 08:00'), state: 'result_issued' }, processingWorkingMinutes: 390 }));
    expect([f.processingTimeCenti, f.processingTimeUnit]).toEqual([650, 'working_hours']);
    const report = computeIndicators([f], MARCH, config);
    expect(report.indicators.find((i) => i.key === '2.2') as AverageTimeIndicatorResult).toMatchObject({ average: 6.5, unit: 'working_hours', applicable: true });
  });
});

describe('rule 3.3: the method’s online dossier, and beside it the plain channel shares', () => {
  const online = source({ channel: 'online', paperResult: true });
  it('3.3 an online dossier still in processing is online', () => {
    expect(isOnlineDossier(viaRecord(online), MARCH)).toBe(true);
  });

  it('3.3 an online dossier whose paper result was issued without an electronic one is not online', () => {
    const issued = { ...online, ended: { at: at('2025-03-10 08:00'), state: 'returned' as const } };
    expect(isOnlineDossier(viaRecord(issued), MARCH)).toBe(false);
    expect(isOnlineDossier(viaRecord({ ...issued, result: { code: 'KQ-1', link: 'https://dvc.example/kq/KQ-1' } }), MARCH)).toBe(true);
    // A result issued only after the period end does not change March.
    expect(isOnlineDossier(viaRecord({ ...issued, ended: { at: at('2025-04-02 08:00'), state: 'returned' } }), MARCH)).toBe(true);
  });

  it('3.3 rate × sync rate, and the plain channel shares', () => {
    // Received in March: 2 online (one unsynced), 1 direct, 1 postal. Online share 2/4 = 50%; 1.4 = 3/4 = 75% → 3.3 = 37.5%.
    const facts = [
      viaRecord(online),
      viaRecord({ ...online, code: 'b' }, false),
      viaRecord(source({ code: 'c' })),
      viaRecord(source({ code: 'd', channel: 'postal' })),
    ];
    const report = computeIndicators(facts, MARCH, config);
    expect(ratio(report, '3.3')).toMatchObject({ numerator: 2, denominator: 4, rate: 37.5 });
    expect(report.measures.filter((m) => m.key.startsWith('channel_')).map((m) => [m.key, m.rate])).toEqual([
      ['channel_online', 50],
      ['channel_direct', 25],
      ['channel_postal', 25],
    ]);
  });
});

describe('rule 3.6: online-paid over fee-bearing dossiers minus those whose fees are all 0, on receipt', () => {
  const feeBearing = source({ feeBearing: true, fees: [{ name: 'Lệ phí', amountVnd: 200_000 }] });
  it('3.6 paid through the national platform (1) or the province (2)', () => {
    expect(isPaidOnline(viaRecord({ ...feeBearing, paidOnline: 'national' }))).toBe(true);
    expect(isPaidOnline(viaRecord({ ...feeBearing, paidOnline: 'provincial' }))).toBe(true);
    expect(isPaidOnline(viaRecord(feeBearing))).toBe(false);
  });

  it('3.6 a dossier whose synced fees are all 0 leaves the denominator; one without a fee list stays', () => {
    expect(inOnlinePaymentDenominator(viaRecord(feeBearing), MARCH)).toBe(true);
    expect(inOnlinePaymentDenominator(viaRecord({ ...feeBearing, fees: [{ name: 'Lệ phí', amountVnd: 0 }] }), MARCH)).toBe(false);
    expect(inOnlinePaymentDenominator(viaRecord({ ...feeBearing, fees: [] }), MARCH)).toBe(true);
    expect(inOnlinePaymentDenominator(viaRecord({ ...feeBearing, feeBearing: false }), MARCH)).toBe(false);
  });

  it('3.6 counts on the processing start (receipt) in the period', () => {
    expect(inOnlinePaymentDenominator(viaRecord({ ...feeBearing, receivedAt: at('2025-02-28 23:59') }), MARCH)).toBe(false);
  });
});

describe('rules 3.1, 3.2 and 3.5: from the catalogue and the records', () => {
  const catalogue = [
    { procedureCode: 'P1', onlineLevel: 'toan_trinh' as const, feeBearing: true, feeSynced: true },
    { procedureCode: 'P2', onlineLevel: 'mot_phan' as const, feeBearing: true, feeSynced: false },
    { procedureCode: 'P3', onlineLevel: null, feeBearing: false, feeSynced: false },
    { procedureCode: 'P4', onlineLevel: 'toan_trinh' as const, feeBearing: false, feeSynced: false },
  ];
  it('3.1 procedures with an online service (full or partial) over all; 3.2 online services with an online dossier in the period; 3.5 fee data synced over fee-bearing', () => {
    // P1 received an online dossier in March; P2 only a direct one; P4 an online one in February (another period).
    const facts = [
      fact('a', { procedureCode: 'P1', channel: 'online', receivedAt: at('2025-03-03 08:00') }),
      fact('b', { procedureCode: 'P2', channel: 'direct', receivedAt: at('2025-03-03 08:00') }),
      fact('c', { procedureCode: 'P4', channel: 'online', receivedAt: at('2025-02-27 08:00') }),
    ];
    const r = countFacts(facts, MARCH, config, [], catalogue).ratios;
    expect(r['3.1']).toEqual({ numerator: 3, denominator: 4 });
    expect(r['3.2']).toEqual({ numerator: 1, denominator: 3 });
    expect(r['3.5']).toEqual({ numerator: 1, denominator: 2 });
    // Without the catalogue (e.g. a report on one channel) they are N/A, not 0.
    expect(ratio(computeIndicators(facts, MARCH, config), '3.1')).toMatchObject({ rate: null, applicable: false });
  });
});

describe('rules 4.1 and 4.2: an electronic result needs the result code and the attached link', () => {
  const issued = source({ paperResult: true, ended: { at: at('2025-03-10 08:00'), state: 'result_issued' } });
  it('4.1 counts only a record with both the result code and the link', () => {
    expect(inEResultDenominator(viaRecord(issued), MARCH)).toBe(true);
    expect(viaRecord({ ...issued, result: { code: 'KQ-1', link: 'https://dvc.example/kq/KQ-1' } }).eResult).toBe(true);
    expect(viaRecord({ ...issued, result: { code: 'KQ-1', link: '' } }).eResult).toBe(false);
    expect(viaRecord(issued).eResult).toBe(false);
  });

  it('4.1 refused, stopped and withdrawn dossiers have no result', () => {
    for (const state of ['refused', 'stopped', 'withdrawn'] as const) expect(inEResultDenominator(viaRecord({ ...issued, ended: { at: at('2025-03-10 08:00'), state } }), MARCH)).toBe(false);
  });

  it('4.2 digitised and, once a paper result is issued, an electronic result', () => {
    expect(isDigitisedDossier(viaRecord(issued), MARCH)).toBe(false);
    expect(isDigitisedDossier(viaRecord({ ...issued, result: { code: 'KQ-1', link: 'https://dvc.example/kq/KQ-1' } }), MARCH)).toBe(true);
    expect(isDigitisedDossier(viaRecord({ ...issued, ended: null }), MARCH)).toBe(true);
  });
});

describe('rules 4.3 and 4.4: per-component flags', () => {
  const component = { key: 'don', name: 'Đơn', required: true, digitised: true, reused: false, fromCitizenStore: false };
  it('4.2 digitised = every required component has an electronic copy', () => {
    const optional = { ...component, key: 'ban-ve', required: false, digitised: false };
    expect(viaRecord(source({ components: [component, optional] })).digitised).toBe(true);
    expect(viaRecord(source({ components: [{ ...component, digitised: false }, { ...optional, digitised: true }] })).digitised).toBe(false);
    expect(viaRecord(source({ components: [] })).digitised).toBe(false);
  });

  it('4.3 a reused component; 4.4 a component from the citizen’s store or the result pushed to it', () => {
    const reused = viaRecord(source({ components: [{ ...component, reused: true }] }));
    expect([reused.reusedComponent, reused.fromCitizenStore]).toEqual([true, false]);
    expect(viaRecord(source({ components: [{ ...component, fromCitizenStore: true }] })).fromCitizenStore).toBe(true);
    expect(viaRecord(source({ resultPushedToStore: true })).fromCitizenStore).toBe(true);
  });
});

describe('rule 5.3: feedback first received in the period', () => {
  it('5.3 counts feedback received in the period, not feedback carried over', () => {
    const carried = feedback({ receivedAt: at('2025-02-20 08:00'), handledAt: at('2025-03-05 08:00'), onTime: true });
    const fresh = feedback({ receivedAt: at('2025-03-02 08:00'), handledAt: at('2025-03-05 08:00'), onTime: true, citizenVerdict: 'dissatisfied' });
    const counts = countFacts([], MARCH, config, [carried, fresh]);
    expect(counts.ratios['5.3']).toEqual({ numerator: 0, denominator: 1 });
    expect(counts.ratios['5.2']).toEqual({ numerator: 2, denominator: 2 });
  });

  it('5.3 not satisfied = dissatisfied, re-complained, or handled late as of the period end', () => {
    const ok = feedback({ receivedAt: at('2025-03-01 08:00'), handledAt: at('2025-03-05 08:00'), onTime: true });
    expect(isFeedbackSatisfied(ok, MARCH)).toBe(true);
    expect(isFeedbackSatisfied({ ...ok, citizenVerdict: 'recomplained' }, MARCH)).toBe(false);
    expect(isFeedbackSatisfied({ ...ok, onTime: false }, MARCH)).toBe(false);
    expect(isFeedbackSatisfied(feedback({ receivedAt: at('2025-03-01 08:00'), dueAt: at('2025-03-20 17:00') }), MARCH)).toBe(false);
  });

  it('5.2 open feedback is judged at the period end, or now for the current period', () => {
    const open = feedback({ receivedAt: at('2025-03-01 08:00'), dueAt: at('2025-03-20 17:00') });
    expect(isFeedbackOnTime(open, MARCH)).toBe(false);
    expect(isFeedbackOnTime(open, judgePeriod(MARCH, at('2025-03-15 08:00')))).toBe(true);
    expect(inFeedbackDenominator(feedback({ receivedAt: at('2025-02-01 08:00'), handledAt: at('2025-02-20 08:00') }), MARCH)).toBe(false);
    expect(inFeedbackReceived({ ...open, category: null }, MARCH)).toBe(false);
  });
});

describe('rule 5.4: one subtraction of two rates; no points for what was not measured', () => {
  const open = (code: string, overrides: Parameters<typeof fact>[1] = {}) => fact(code, { receivedAt: at('2025-03-02 08:00'), appointmentAt: at('2025-04-20 17:00'), ...overrides });

  it('5.4 = 100% − (overdue rate + dissatisfied-or-complained rate), a dossier in both subtracted twice', () => {
    // 4 dossiers: one overdue and complained about, one rated dissatisfied, two fine.
    // 100 − (1/4 + 2/4) × 100 = 25%; the union form would give 50%.
    const facts = [open('a', { appointmentAt: at('2025-03-10 17:00'), hasComplaint: true }), open('b', { rating: 'dissatisfied' }), open('c', { rating: 'satisfied' }), open('d')];
    const r = ratio(computeIndicators(facts, MARCH, config), '5.4');
    expect(r).toMatchObject({ rate: 25, numerator: 1, denominator: 4, applicable: true });
  });

  it('5.4 never goes below 0%', () => {
    const facts = [open('a', { appointmentAt: at('2025-03-10 17:00'), rating: 'dissatisfied' })];
    expect(ratio(computeIndicators(facts, MARCH, config), '5.4')).toMatchObject({ rate: 0, numerator: 0 });
  });

  it('5.4 with no rating and no PAKN in the period earns no points (N/A), though the rate is shown', () => {
    const report = computeIndicators([open('a'), open('b')], MARCH, config);
    expect(ratio(report, '5.4')).toMatchObject({ rate: 100, applicable: false, score: null });
    expect(ratio(report, '5.4').naReasonVi).toContain('chưa được đo');
    // Group 5 has nothing measured: no score, nothing added to the total's maximum.
    expect(report.groups.find((g) => g.no === 5)).toMatchObject({ score: null, measuredMaxPoints: 0 });
    expect(report.total.maxPoints).toBe(report.groups.reduce((sum, g) => sum + g.measuredMaxPoints, 0));
  });
});
