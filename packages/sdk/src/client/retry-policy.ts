import { ApiError } from '../errors/api-error.ts';
import { ConnectionError } from '../errors/connection-error.ts';
import { TimeoutError } from '../errors/timeout-error.ts';

/** Retries after the first attempt unless the caller sets `maxRetries`. */
export const DEFAULT_MAX_RETRIES = 4;
/** Upper bound of the first retry's wait, in milliseconds; it doubles for every further retry. */
export const BASE_RETRY_DELAY_MS = 500;
/** Upper bound of any backoff wait, in milliseconds. */
export const MAX_RETRY_DELAY_MS = 8_000;

/**
 * Whether a failed attempt may be repeated with the same idempotency key: HTTP 408, 409, 429 and
 * 5xx (a status or an {@link ApiError}), and network failures ({@link ConnectionError},
 * {@link TimeoutError}). Everything else (400, 404, 413, 422 ...) fails the same way every time.
 */
export function isRetryable(failure: unknown): boolean {
  if (typeof failure === 'number') {
    return failure === 408 || failure === 409 || failure === 429 || failure >= 500;
  }
  if (failure instanceof ApiError) return isRetryable(failure.status);
  return failure instanceof ConnectionError || failure instanceof TimeoutError;
}

/**
 * Wait before retry number `retry` (0 for the first retry), with "full jitter": a random time
 * between 0 and min(8 s, 0.5 s × 2^retry), so clients that failed together do not return together.
 */
export function backoffDelay(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, BASE_RETRY_DELAY_MS * 2 ** Math.max(0, retry));
  return Math.floor(ceiling * Math.min(Math.max(random(), 0), 1));
}
