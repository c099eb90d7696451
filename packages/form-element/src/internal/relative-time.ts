const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/**
 * How long ago `date` was, in the applicant's language ("2 hours ago", "yesterday"), in the largest
 * whole unit up to days; under a minute, `momentAgo` ("a moment ago"), where Intl would say "now".
 * A time ahead of the clock (the device's clock was changed) counts as a moment ago.
 */
export function relativeTime(
  date: Date,
  locale: string,
  momentAgo: string,
  now: number = Date.now(),
): string {
  const seconds = Math.min(0, Math.round((date.getTime() - now) / 1000));
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (-seconds >= size) return format.format(Math.round(seconds / size), unit);
  }
  return momentAgo;
}
