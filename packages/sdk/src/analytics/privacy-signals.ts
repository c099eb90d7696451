/** The parts of `navigator` that carry an applicant's tracking preference. */
export interface PrivacySignalSource {
  globalPrivacyControl?: unknown;
  doNotTrack?: unknown;
}

/**
 * True when the browser asks not to be tracked: Global Privacy Control or Do Not Track.
 * Step analytics are anonymous, but the applicant's stated wish still wins.
 */
export function prefersNoTracking(
  source: PrivacySignalSource | undefined = typeof navigator === 'undefined'
    ? undefined
    : (navigator as PrivacySignalSource),
): boolean {
  if (!source) return false;
  return source.globalPrivacyControl === true || source.doNotTrack === '1';
}
