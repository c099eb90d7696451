/** When to try a failed webhook delivery again, and when to give up. */
export interface RetrySchedule {
  /** Delay after the first failure; doubles after each further one. */
  baseDelayMs: number;
  /** Longest delay between two attempts. */
  maxDelayMs: number;
  /** Stop trying this long after the delivery was queued. */
  giveUpAfterMs: number;
}

/** 30 s, 1 min, 2 min, ... capped at 1 h between attempts, for 24 h. */
export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = {
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  giveUpAfterMs: 24 * 3_600_000,
};

/**
 * Time of the next attempt after `attempts` failures, with ±20 % jitter so that deliveries queued
 * together do not all retry at once; `undefined` when the schedule is exhausted.
 */
export function nextAttemptAt(
  schedule: RetrySchedule,
  createdAt: number,
  now: number,
  attempts: number,
  random: () => number = Math.random,
): number | undefined {
  const exponential = schedule.baseDelayMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30);
  const delay = Math.min(schedule.maxDelayMs, exponential) * (0.8 + 0.4 * random());
  const at = Math.round(now + delay);
  return at - createdAt > schedule.giveUpAfterMs ? undefined : at;
}
