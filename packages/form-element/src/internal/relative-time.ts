const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['hour', 3_600],
  ['minute', 60],
];

/**
 * How long ago `date` was, in the applicant's language ("2 hours ago", "yesterday"): whole minutes
 * or hours (never rounded up: 59 min 40 s is "59 minutes ago"), and from a day on, calendar days
 * ("yesterday" is the day before today). Under a minute, `momentAgo` ("a moment ago"), where Intl
 * would say "now". A time ahead of the clock (the device's clock was changed) counts as a moment
 * ago.
 */
export function relativeTime(
  date: Date,
  locale: string,
  momentAgo: string,
  now: number = Date.now(),
): string {
  const seconds = Math.max(0, (now - date.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (seconds >= 86_400) {
    const day = (time: number) => new Date(time).setHours(0, 0, 0, 0);
    // Rounded: a day with a clock change is 23 or 25 hours long.
    const days = Math.max(1, Math.round((day(now) - day(date.getTime())) / 86_400_000));
    return format.format(-days, 'day');
  }
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return format.format(-Math.floor(seconds / size), unit);
  }
  return momentAgo;
}
