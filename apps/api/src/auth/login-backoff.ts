/** How failed logins slow an account down. */
export interface BackoffPolicy {
  /** Failed attempts allowed before the first wait. */
  freeAttempts: number;
  /** The first wait; each further failure doubles it. */
  firstWaitMs: number;
  maxWaitMs: number;
  /** An account with no failure for this long starts afresh. */
  forgetAfterMs: number;
  /** Accounts tracked at once (attackers choose the user names): the oldest entry makes room. */
  maxTracked: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  freeAttempts: 5,
  firstWaitMs: 30_000,
  maxWaitMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  maxTracked: 10_000,
};

interface Failures {
  count: number;
  lastAt: number;
  lockedUntil: number;
}

/**
 * Per-account back-off of failed logins, on top of the per-address rate limit: a password guesser
 * that spreads over many addresses still gets 5 tries, then waits 30 s, 1 min, 2 min… up to 15 min
 * between tries on that account. Kept per user name as typed (case-folded), whether or not the
 * account exists, so the answer says nothing about which names exist. In memory and per instance,
 * like the rate limits; a success clears the account's count.
 */
export class LoginBackoff {
  private readonly accounts = new Map<string, Failures>();

  constructor(private readonly policy: BackoffPolicy = DEFAULT_BACKOFF) {}

  /** Seconds the account must still wait before a login may be tried (0 = try now). */
  retryAfterSeconds(username: string, now: Date): number {
    const entry = this.current(username, now.getTime());
    return entry ? Math.max(0, Math.ceil((entry.lockedUntil - now.getTime()) / 1000)) : 0;
  }

  recordFailure(username: string, now: Date): void {
    const at = now.getTime();
    const key = keyOf(username);
    const entry = this.current(username, at) ?? { count: 0, lastAt: at, lockedUntil: 0 };
    entry.count += 1;
    entry.lastAt = at;
    const over = entry.count - this.policy.freeAttempts;
    if (over >= 0) entry.lockedUntil = at + Math.min(this.policy.maxWaitMs, this.policy.firstWaitMs * 2 ** Math.min(over, 30));
    // Re-inserted last: Map keeps insertion order, so the first entry is the least recently failed.
    this.accounts.delete(key);
    this.accounts.set(key, entry);
    if (this.accounts.size > this.policy.maxTracked) this.accounts.delete(this.accounts.keys().next().value as string);
  }

  recordSuccess(username: string): void {
    this.accounts.delete(keyOf(username));
  }

  private current(username: string, at: number): Failures | undefined {
    const key = keyOf(username);
    const entry = this.accounts.get(key);
    if (entry && at - entry.lastAt > this.policy.forgetAfterMs && at >= entry.lockedUntil) {
      this.accounts.delete(key);
      return undefined;
    }
    return entry;
  }
}

function keyOf(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}
