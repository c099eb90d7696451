/**
 * Lower bounds, in seconds, of the time-on-step histogram. Coarse on purpose: a median needs no
 * more, and a histogram (unlike a stored median) can be summed over any range of days.
 */
export const DURATION_BUCKETS = [
  0, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 1200, 3600,
] as const;

/** A median reported as the histogram bucket it falls in; `toSeconds` is null for the last one. */
export interface DurationRange {
  fromSeconds: number;
  toSeconds: number | null;
}

/** The bucket (its lower bound) a duration in seconds belongs to. */
export function durationBucket(seconds: number): number {
  let bucket: number = DURATION_BUCKETS[0];
  for (const bound of DURATION_BUCKETS) if (seconds >= bound) bucket = bound;
  return bucket;
}

/**
 * The bucket holding the median of a histogram (`bucket -> count`), or null when it has fewer
 * than `minimumSamples` samples.
 */
export function medianBucket(
  counts: ReadonlyMap<number, number>,
  minimumSamples: number,
): DurationRange | null {
  let total = 0;
  for (const count of counts.values()) total += count;
  if (total === 0 || total < minimumSamples) return null;
  let seen = 0;
  for (const [index, bound] of DURATION_BUCKETS.entries()) {
    seen += counts.get(bound) ?? 0;
    if (seen * 2 >= total) {
      return { fromSeconds: bound, toSeconds: DURATION_BUCKETS[index + 1] ?? null };
    }
  }
  return null;
}
