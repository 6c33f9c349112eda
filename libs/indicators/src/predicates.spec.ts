/** The predicate rules one by one (the SQL adapter mirrors these). Period: March 2025 = [01/03, 01/04) local. */
import { at, fact, feedback } from './indicators.fixtures';
import { monthPeriod } from './period';
import {
  hasEResult,
  inEResultDenominator,
  inFeedbackDenominator,
  inFeedbackReceived,
  inOnTimeDenominator,
  inOnlinePaymentDenominator,
  inProcessingTimeSample,
  inReceivedDenominator,
  isDigitisedDossier,
  isFeedbackOnTime,
  isFeedbackSatisfied,
  isOnTime,
  isOnlineDossier,
  isPaidOnline,
  isSatisfied,
} from './predicates';

const MARCH = monthPeriod(2025, 3);

describe('2.1 denominator', () => {
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

describe('2.1 on time', () => {
  it('open dossier past due at the period end → late', () => {
    const f = fact('x', { receivedAt: at('2025-03-01 08:00'), dueAt: at('2025-03-25 17:00') });
    expect(isOnTime(f, MARCH)).toBe(false);
  });

  it('open dossier due exactly at the period end (24:00 on 31/03) → on time', () => {
    expect(isOnTime(fact('x', { receivedAt: at('2025-03-01 08:00'), dueAt: at('2025-04-01 00:00') }), MARCH)).toBe(true);
  });

  it('open dossier waiting on a single supplementation request: the request time is its end', () => {
    const waiting = fact('x', { receivedAt: at('2025-03-01 08:00'), dueAt: at('2025-03-25 17:00'), supplementRequests: 1 });
    // Requested 20/03 ≤ due 25/03 → on time although the period end (01/04) is past due.
    expect(isOnTime({ ...waiting, openPauseStartedAt: at('2025-03-20 10:00') }, MARCH)).toBe(true);
    // Requested 26/03 > due 25/03 → late.
    expect(isOnTime({ ...waiting, openPauseStartedAt: at('2025-03-26 10:00') }, MARCH)).toBe(false);
    // A request made after the period end does not count for this period: judged at 01/04 → late.
    expect(isOnTime({ ...waiting, openPauseStartedAt: at('2025-04-03 10:00') }, MARCH)).toBe(false);
  });

  it('more than one supplementation request → late, open or ended, whatever the dates', () => {
    const open = fact('x', { receivedAt: at('2025-03-01 08:00'), dueAt: at('2025-05-01 17:00'), supplementRequests: 2, openPauseStartedAt: at('2025-03-10 08:00') });
    expect(isOnTime(open, MARCH)).toBe(false);
    const ended = fact('y', { receivedAt: at('2025-03-01 08:00'), dueAt: at('2025-05-01 17:00'), supplementRequests: 3, processingEndedAt: at('2025-03-02 08:00') });
    expect(isOnTime(ended, MARCH)).toBe(false);
  });

  it('ended dossier: the stored outcome decides', () => {
    const base = fact('x', { receivedAt: at('2025-03-01 08:00'), dueAt: at('2025-03-10 17:00'), processingEndedAt: at('2025-03-05 08:00') });
    expect(isOnTime({ ...base, outcome: 'early' }, MARCH)).toBe(true);
    expect(isOnTime({ ...base, outcome: 'on_time' }, MARCH)).toBe(true);
    expect(isOnTime({ ...base, outcome: 'late' }, MARCH)).toBe(false);
    // Without a stored outcome: end ≤ due.
    expect(isOnTime(base, MARCH)).toBe(true);
    expect(isOnTime({ ...base, processingEndedAt: at('2025-03-10 17:01') }, MARCH)).toBe(false);
  });

  it('ended after the period end: judged as open at the period end (stored outcome ignored for this period)', () => {
    const f = fact('x', { receivedAt: at('2025-03-01 08:00'), dueAt: at('2025-04-10 17:00'), processingEndedAt: at('2025-04-20 08:00'), outcome: 'late' });
    expect(isOnTime(f, MARCH)).toBe(true);
    expect(isOnTime(f, monthPeriod(2025, 4))).toBe(false);
  });

  it('no due time (procedure without a time limit) → on time', () => {
    expect(isOnTime(fact('x', { receivedAt: at('2025-01-01 08:00'), dueAt: null }), MARCH)).toBe(true);
  });
});

describe('2.2 sample', () => {
  it('ended in the period with a processing time', () => {
    const ended = fact('x', { receivedAt: at('2025-03-01 08:00'), processingEndedAt: at('2025-03-05 08:00'), processingWorkingMinutes: 960 });
    expect(inProcessingTimeSample(ended, MARCH)).toBe(true);
    expect(inProcessingTimeSample({ ...ended, processingWorkingMinutes: null }, MARCH)).toBe(false);
    expect(inProcessingTimeSample({ ...ended, processingEndedAt: null }, MARCH)).toBe(false);
    expect(inProcessingTimeSample({ ...ended, processingEndedAt: at('2025-04-01 00:00') }, MARCH)).toBe(false);
  });
});

describe('3.3 online dossier', () => {
  const cases: Array<[string, Parameters<typeof fact>[1], boolean]> = [
    ['online, no paper result', { channel: 'online', paperResult: false }, true],
    ['online, paper result with e-result', { channel: 'online', paperResult: true, eResult: true }, true],
    ['online, paper result without e-result', { channel: 'online', paperResult: true, eResult: false }, false],
    ['direct, e-result', { channel: 'direct', paperResult: true, eResult: true }, false],
    ['postal', { channel: 'postal' }, false],
  ];
  it.each(cases)('%s', (_name, overrides, expected) => {
    expect(isOnlineDossier(fact('x', overrides))).toBe(expected);
  });

  it('denominator: received in the period', () => {
    expect(inReceivedDenominator(fact('x', { receivedAt: at('2025-03-01 00:00') }), MARCH)).toBe(true);
    expect(inReceivedDenominator(fact('x', { receivedAt: at('2025-02-28 23:59') }), MARCH)).toBe(false);
  });
});

describe('3.6 online payment', () => {
  it('fee-bearing dossiers received in the period; paid on either platform', () => {
    const f = fact('x', { receivedAt: at('2025-03-03 08:00'), feeApplies: true });
    expect(inOnlinePaymentDenominator(f, MARCH)).toBe(true);
    expect(inOnlinePaymentDenominator({ ...f, feeApplies: false }, MARCH)).toBe(false);
    expect(isPaidOnline(f)).toBe(false);
    expect(isPaidOnline({ ...f, paidOnline: 'national' })).toBe(true);
    expect(isPaidOnline({ ...f, paidOnline: 'provincial' })).toBe(true);
  });
});

describe('4.1 / 4.2', () => {
  it('4.1 counts paper-result dossiers that got a result in the period; refused/stopped/withdrawn have none', () => {
    const f = fact('x', { receivedAt: at('2025-03-01 08:00'), processingEndedAt: at('2025-03-05 08:00'), endState: 'result_issued', paperResult: true });
    expect(inEResultDenominator(f, MARCH)).toBe(true);
    expect(inEResultDenominator({ ...f, endState: 'returned' }, MARCH)).toBe(true);
    for (const endState of ['refused', 'stopped', 'withdrawn'] as const) expect(inEResultDenominator({ ...f, endState }, MARCH)).toBe(false);
    expect(inEResultDenominator({ ...f, paperResult: false }, MARCH)).toBe(false);
    expect(hasEResult({ ...f, eResult: true })).toBe(true);
  });

  it('4.2 digitised and, where a paper result is due, an e-result', () => {
    expect(isDigitisedDossier(fact('x', { digitised: true }))).toBe(true);
    expect(isDigitisedDossier(fact('x', { digitised: true, paperResult: true }))).toBe(false);
    expect(isDigitisedDossier(fact('x', { digitised: true, paperResult: true, eResult: true }))).toBe(true);
    expect(isDigitisedDossier(fact('x', { digitised: false }))).toBe(false);
  });
});

describe('5.4 satisfied', () => {
  const onTime = fact('x', { receivedAt: at('2025-03-01 08:00'), dueAt: at('2025-04-10 17:00') });
  it('on time and neither dissatisfied nor complained', () => {
    expect(isSatisfied(onTime, MARCH)).toBe(true);
    expect(isSatisfied({ ...onTime, rating: 'satisfied' }, MARCH)).toBe(true);
    expect(isSatisfied({ ...onTime, rating: 'dissatisfied' }, MARCH)).toBe(false);
    expect(isSatisfied({ ...onTime, hasComplaint: true }, MARCH)).toBe(false);
    expect(isSatisfied({ ...onTime, dueAt: at('2025-03-10 17:00') }, MARCH)).toBe(false);
  });
});

describe('feedback', () => {
  it('5.2/5.3 denominator mirrors 2.1', () => {
    expect(inFeedbackDenominator(feedback({ receivedAt: at('2025-02-01 08:00') }), MARCH)).toBe(true);
    expect(inFeedbackDenominator(feedback({ receivedAt: at('2025-02-01 08:00'), handledAt: at('2025-02-20 08:00') }), MARCH)).toBe(false);
    expect(inFeedbackDenominator(feedback({ receivedAt: at('2025-02-01 08:00'), handledAt: at('2025-03-20 08:00') }), MARCH)).toBe(true);
    expect(inFeedbackDenominator(feedback({ receivedAt: at('2025-04-01 00:00') }), MARCH)).toBe(false);
  });

  it('5.2 on time: stored flag, else handled ≤ due; open judged at the period end', () => {
    const handled = feedback({ receivedAt: at('2025-03-01 08:00'), handledAt: at('2025-03-10 08:00'), dueAt: at('2025-03-09 17:00') });
    expect(isFeedbackOnTime(handled, MARCH)).toBe(false);
    expect(isFeedbackOnTime({ ...handled, onTime: true }, MARCH)).toBe(true);
    expect(isFeedbackOnTime(feedback({ receivedAt: at('2025-03-01 08:00'), dueAt: at('2025-03-20 17:00') }), MARCH)).toBe(false);
    expect(isFeedbackOnTime(feedback({ receivedAt: at('2025-03-01 08:00'), dueAt: null }), MARCH)).toBe(true);
  });

  it('5.3 satisfied: on time and not dissatisfied or re-complained', () => {
    const ok = feedback({ receivedAt: at('2025-03-01 08:00'), handledAt: at('2025-03-05 08:00'), onTime: true });
    expect(isFeedbackSatisfied(ok, MARCH)).toBe(true);
    expect(isFeedbackSatisfied({ ...ok, citizenVerdict: 'satisfied' }, MARCH)).toBe(true);
    expect(isFeedbackSatisfied({ ...ok, citizenVerdict: 'dissatisfied' }, MARCH)).toBe(false);
    expect(isFeedbackSatisfied({ ...ok, citizenVerdict: 'recomplained' }, MARCH)).toBe(false);
    expect(isFeedbackSatisfied({ ...ok, onTime: false }, MARCH)).toBe(false);
  });

  it('5.1 counts feedback received in the period once classified', () => {
    const received = feedback({ receivedAt: at('2025-03-01 08:00') });
    expect(inFeedbackReceived(received, MARCH)).toBe(true);
    expect(inFeedbackReceived({ ...received, category: null }, MARCH)).toBe(false);
    expect(inFeedbackReceived(feedback({ receivedAt: at('2025-04-01 00:00') }), MARCH)).toBe(false);
  });
});
