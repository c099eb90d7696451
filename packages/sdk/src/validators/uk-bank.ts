import { boundedString, normaliseIdentifier } from './normalise.ts';

/**
 * Whether `value` is a UK sort code: six digits, optionally written `12-34-56` or `12 34 56`.
 * @example isValidUkSortCode('12-34-56') // true
 */
export function isValidUkSortCode(value: unknown): boolean {
  const raw = boundedString(value);
  return raw !== undefined && /^\d{6}$/.test(normaliseIdentifier(raw));
}

/**
 * Whether `value` is a UK bank account number in the standard eight-digit form.
 *
 * The account number is not checked against the sort code with Vocalink's modulus rules: their
 * weight table changes several times a year, so a copy shipped in a web page goes stale and then
 * rejects real accounts at newly issued sort codes, and a passing check still would not prove the
 * account exists. Whether the account is real and in the applicant's name is settled by the bank
 * when the union sets up the Direct Debit. Seven- and ten-digit numbers from older banks have to
 * be written in their eight-digit form (the bank tells the customer which).
 * @example isValidUkAccountNumber('31926819') // true
 */
export function isValidUkAccountNumber(value: unknown): boolean {
  const raw = boundedString(value);
  return raw !== undefined && /^\d{8}$/.test(normaliseIdentifier(raw));
}

/**
 * Writes a sort code in its printed form `12-34-56` (anything that is not six digits comes back
 * normalised but otherwise unchanged).
 * @example formatSortCode('123456') // '12-34-56'
 */
export function formatSortCode(value: unknown): string {
  const digits = normaliseIdentifier(boundedString(value));
  return /^\d{6}$/.test(digits) ? digits.replace(/^(\d\d)(\d\d)(\d\d)$/, '$1-$2-$3') : digits;
}
