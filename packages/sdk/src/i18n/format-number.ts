/**
 * A number as a reader of `locale` writes it: 500 000 in Swedish, 500,000 in English, but a year
 * stays 2019 (grouping from five digits), and every decimal given is shown, not rounded to three.
 * @example
 * formatNumber(28500.5, 'sv'); // "28 500,5"
 */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { useGrouping: 'min2', maximumFractionDigits: 20 }).format(
    value,
  );
}
