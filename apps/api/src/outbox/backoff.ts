/** Retry policy of the dispatcher (OUTBOX_BACKOFF_BASE_SECONDS, OUTBOX_BACKOFF_MAX_SECONDS, OUTBOX_MAX_ATTEMPTS). */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

/**
 * Delay before the next attempt after `attempt` failed (1-based): base × 2^(attempt−1), capped,
 * then "equal jitter" — between half and all of it — so a burst of messages that failed together
 * (receiver down) does not come back together, yet none is retried sooner than half the backoff.
 */
export function retryDelayMs(attempt: number, policy: Pick<RetryPolicy, 'baseMs' | 'maxMs'>, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(Math.max(attempt, 1) - 1, 40));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

export type FailureOutcome = { status: 'pending'; delayMs: number } | { status: 'dead' };

/** After a failed attempt: retry later, or give up (the last attempt, or a failure retrying cannot fix). */
export function afterFailure(attempt: number, permanent: boolean, policy: RetryPolicy, random: () => number = Math.random): FailureOutcome {
  if (permanent || attempt >= policy.maxAttempts) return { status: 'dead' };
  return { status: 'pending', delayMs: retryDelayMs(attempt, policy, random) };
}
