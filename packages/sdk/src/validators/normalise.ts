/**
 * Longest string any validator looks at. Real identifiers are at most a few dozen characters;
 * capping the input keeps a pasted novel (or a hostile payload) from costing more than a glance.
 */
export const MAX_INPUT_LENGTH = 256;

// `\s` covers the no-break and thin spaces that copy-paste from statements and PDFs brings; the
// zero-width characters and soft hyphen come along unseen, and the dashes are what phone keyboards
// and word processors substitute for a typed hyphen.
const SEPARATORS = /[\s\u00ad\u200b-\u200d\u2060\u2010-\u2015\u2212-]+/gu;
const WHITESPACE = /[\s\u00ad\u200b-\u200d\u2060]+/gu;

/**
 * Returns `value` if it is a string no longer than {@link MAX_INPUT_LENGTH}, otherwise `undefined`.
 */
export function boundedString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= MAX_INPUT_LENGTH ? value : undefined;
}

/**
 * Canonical form of a typed identifier or bank detail: trimmed, upper case, no spaces or hyphens
 * (a non-string gives `""`).
 * @example normaliseIdentifier(' gb82-west 1234 ') // 'GB82WEST1234'
 */
export function normaliseIdentifier(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value.replace(SEPARATORS, '').toUpperCase();
}

/** Removes every kind of whitespace, and invisible characters, from `value`. */
export function stripWhitespace(value: string): string {
  return value.replace(WHITESPACE, '');
}
