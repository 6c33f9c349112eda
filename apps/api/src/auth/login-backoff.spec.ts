import { BackoffPolicy, LoginBackoff } from './login-backoff';

const policy: BackoffPolicy = { freeAttempts: 3, firstWaitMs: 10_000, maxWaitMs: 60_000, forgetAfterMs: 3_600_000, maxTracked: 3 };
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 5, 2, 0, 0) + seconds * 1000);

describe('LoginBackoff', () => {
  it('lets the free attempts through, then doubles the wait up to the maximum', () => {
    const b = new LoginBackoff(policy);
    b.recordFailure('clerk', at(0));
    b.recordFailure('clerk', at(1));
    expect(b.retryAfterSeconds('clerk', at(2))).toBe(0);
    b.recordFailure('clerk', at(2));
    expect(b.retryAfterSeconds('clerk', at(2))).toBe(10);
    expect(b.retryAfterSeconds('clerk', at(12))).toBe(0);
    b.recordFailure('clerk', at(12));
    expect(b.retryAfterSeconds('clerk', at(12))).toBe(20);
    for (let i = 0; i < 10; i++) b.recordFailure('clerk', at(40 + i));
    expect(b.retryAfterSeconds('clerk', at(49))).toBe(60);
  });

  it('is per account, whatever the case or form of the name, and a success clears it', () => {
    const b = new LoginBackoff(policy);
    for (let i = 0; i < 3; i++) b.recordFailure(' Clerk', at(i));
    expect(b.retryAfterSeconds('clerk', at(3))).toBeGreaterThan(0);
    expect(b.retryAfterSeconds('leader', at(3))).toBe(0);
    b.recordSuccess('CLERK');
    expect(b.retryAfterSeconds('clerk', at(3))).toBe(0);
  });

  it('forgets an account after a quiet hour, and tracks a bounded number of names', () => {
    const b = new LoginBackoff(policy);
    for (let i = 0; i < 3; i++) b.recordFailure('clerk', at(i));
    expect(b.retryAfterSeconds('clerk', at(3_700))).toBe(0);
    for (let i = 0; i < 3; i++) b.recordFailure('admin', at(4_000 + i));
    for (const name of ['a', 'b', 'c']) b.recordFailure(name, at(4_010));
    expect(b.retryAfterSeconds('admin', at(4_011))).toBe(0); // pushed out by three newer names
  });
});
