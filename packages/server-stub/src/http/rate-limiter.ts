import type { Clock } from '../clock.ts';
import { systemClock } from '../clock.ts';

/** Options of {@link RateLimiter}. */
export interface RateLimiterOptions {
  /** Requests allowed per window; also the burst size. 0 turns the limit off. */
  limit: number;
  windowMs?: number;
  clock?: Clock;
  /** Most keys remembered; beyond it the least recently seen are forgotten. */
  maxKeys?: number;
}

/** What {@link RateLimiter.take} decided. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Token-bucket limit per key (a client IP). Kept in memory only: the limiter stores no address,
 * and a restart forgets them.
 *
 * @example
 * const limiter = new RateLimiter({ limit: 20 });
 * if (!limiter.take(ip).allowed) return tooManyRequests();
 */
export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #clock: Clock;
  readonly #maxKeys: number;
  readonly #buckets = new Map<string, { tokens: number; updatedAt: number }>();

  /** Creates a limiter. */
  constructor({
    limit,
    windowMs = 60_000,
    clock = systemClock,
    maxKeys = 100_000,
  }: RateLimiterOptions) {
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#clock = clock;
    this.#maxKeys = maxKeys;
  }

  /**
   * Whether `key` has a token left, without spending it: a lockout must refuse every request
   * from a locked-out client, not only the ones that fail.
   */
  check(key: string): RateDecision {
    if (this.#limit <= 0) return { allowed: true };
    const bucket = this.#buckets.get(key);
    if (bucket === undefined) return { allowed: true };
    return this.#decide(this.#refilled(bucket));
  }

  /** Spends one token for `key` if it has one. */
  take(key: string): RateDecision {
    if (this.#limit <= 0) return { allowed: true };
    const bucket = this.#refilled(
      this.#buckets.get(key) ?? { tokens: this.#limit, updatedAt: this.#clock.now() },
    );
    // Re-insert so Map order is least-recently-seen first.
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > this.#maxKeys) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest !== undefined) this.#buckets.delete(oldest);
    }
    const decision = this.#decide(bucket);
    if (decision.allowed) bucket.tokens -= 1;
    return decision;
  }

  #refilled(bucket: { tokens: number; updatedAt: number }) {
    const now = this.#clock.now();
    bucket.tokens = Math.min(
      this.#limit,
      bucket.tokens + (now - bucket.updatedAt) * (this.#limit / this.#windowMs),
    );
    bucket.updatedAt = now;
    return bucket;
  }

  #decide(bucket: { tokens: number }): RateDecision {
    if (bucket.tokens >= 1) return { allowed: true };
    const ratePerMs = this.#limit / this.#windowMs;
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000)),
    };
  }
}
