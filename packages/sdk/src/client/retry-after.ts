/** Longest wait a `Retry-After` header may impose, so a misconfigured server cannot stall a client for hours. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Reads a `Retry-After` header (delta seconds or an HTTP date) as milliseconds from `now`;
 * `undefined` when absent or unreadable, clamped to 0..{@link MAX_RETRY_AFTER_MS}.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(text)) {
    ms = Number(text) * 1000;
  } else if (/^[A-Za-z]{3}/.test(text)) {
    // Every HTTP-date form starts with a day name; Date.parse alone would read "-1" as a year.
    const date = Date.parse(text);
    if (Number.isNaN(date)) return undefined;
    ms = date - now;
  } else {
    return undefined;
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}
