import { afterFailure, retryDelayMs } from './backoff';

const POLICY = { baseMs: 10_000, maxMs: 3_600_000, maxAttempts: 5 };

describe('retry backoff', () => {
  it('doubles per attempt, between half and all of base × 2^(n−1)', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, POLICY, () => 1))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, POLICY, () => 0))).toEqual([5_000, 10_000, 20_000, 40_000]);
  });

  it('never exceeds the maximum, however many attempts (no overflow)', () => {
    for (const n of [10, 20, 100, 10_000]) {
      expect(retryDelayMs(n, POLICY, () => 1)).toBe(3_600_000);
      expect(retryDelayMs(n, POLICY, () => 0)).toBe(1_800_000);
    }
  });

  it('spreads a burst: delays of messages that failed together differ', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(3, POLICY)));
    expect(delays.size).toBeGreaterThan(10);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(20_000);
  });

  it('retries until the last attempt, then the message is dead; a permanent failure is dead at once', () => {
    expect(afterFailure(1, false, POLICY, () => 0)).toEqual({ status: 'pending', delayMs: 5_000 });
    expect(afterFailure(4, false, POLICY).status).toBe('pending');
    expect(afterFailure(5, false, POLICY)).toEqual({ status: 'dead' });
    expect(afterFailure(1, true, POLICY)).toEqual({ status: 'dead' });
  });
});
