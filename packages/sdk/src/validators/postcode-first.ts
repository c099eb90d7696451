/**
 * Whether an address in `country` (ISO 3166-1 alpha-2) puts the postcode before the town, as the
 * Nordic countries write it ("0150 Oslo", "114 55 Stockholm"); elsewhere the town comes first.
 * @example postcodeFirst('NO') // true
 */
export function postcodeFirst(country: unknown): boolean {
  return /^(DK|FI|IS|NO|SE)$/.test(String(country));
}
