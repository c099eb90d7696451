import { boundedString, stripWhitespace } from './normalise.ts';

/** Countries whose postcodes {@link isValidPostcode} knows. */
export const POSTCODE_COUNTRIES = ['GB', 'IE', 'NO', 'SE'] as const;
/** One of {@link POSTCODE_COUNTRIES}. */
export type PostcodeCountry = (typeof POSTCODE_COUNTRIES)[number];

/**
 * Each pattern matches the postcode with all whitespace removed; its capturing groups that take part
 * in a match are the parts of the written form, joined by a space, so validation and formatting
 * share one definition.
 */
const PATTERNS: Readonly<Record<PostcodeCountry, RegExp>> = {
  // The UK Government Data Standards pattern: outward code A9, A99, AA9, AA99, A9A or AA9A, each
  // position with its own letter set, then an inward code of a digit and two letters (no C, I,
  // K, M, O or V). GIR 0AA (Girobank) is the one historic exception still in use.
  GB: /^(?:(GIR)(0AA)|([A-PR-UWYZ](?:\d{1,2}|[A-HK-Y]\d[\dABEHMNPRV-Y]?|\d[A-HJKPS-UW]))(\d[ABD-HJLNP-UW-Z]{2}))$/,
  // Eircode: a routing key (a letter and two digits, or D6W) and a four-character unique identifier,
  // both from the 25 characters An Post uses (no B, G, I, J, L, M, O, Q, S, U or Z).
  IE: /^([ACDEFHKNPRTVWXY]\d{2}|D6W)([\dACDEFHKNPRTVWXY]{4})$/,
  // Norwegian postcodes run from 0001 to 9991: 0000 is none.
  NO: /^(?!0000)(\d{4})$/,
  // Swedish postcodes run from 100 00 to 989 99: none starts with 0.
  SE: /^([1-9]\d{2})(\d{2})$/,
};

/** Whether {@link isValidPostcode} knows the postcodes of `country`. */
export function isPostcodeCountry(country: unknown): country is PostcodeCountry {
  return typeof country === 'string' && Object.hasOwn(PATTERNS, country);
}

/**
 * Whether an address in `country` must give its postcode: GB, NO and SE. An Irish address may leave
 * its Eircode out (many residents do not know theirs, and post arrives without it); the postcodes
 * of other countries are not checked at all.
 * @example isPostcodeRequired('IE') // false
 */
export function isPostcodeRequired(country: unknown): boolean {
  return isPostcodeCountry(country) && country !== 'IE';
}

function matchPostcode(country: unknown, value: unknown): RegExpExecArray | null {
  const raw = boundedString(value);
  if (raw === undefined || !isPostcodeCountry(country)) return null;
  return PATTERNS[country].exec(stripWhitespace(raw).toUpperCase());
}

/**
 * Whether `value` is a well-formed postcode of `country` (GB, IE Eircode, NO, SE); spaces and lower
 * case are accepted. Whether the postcode is in use is not checked.
 * @example isValidPostcode('GB', 'sw1a1aa') // true
 * @example isValidPostcode('SE', '123 45') // true
 */
export function isValidPostcode(country: PostcodeCountry, value: unknown): boolean {
  return matchPostcode(country, value) !== null;
}

/**
 * The written form of a postcode (GB `SW1A 1AA`, IE `D02 X285`, NO `0150`, SE `123 45`); a value that
 * is not a valid postcode comes back trimmed and upper case with runs of spaces made single.
 * @example normalisePostcode('GB', 'sw1a1aa') // 'SW1A 1AA'
 */
export function normalisePostcode(country: PostcodeCountry, value: unknown): string {
  const match = matchPostcode(country, value);
  if (match) return match.slice(1).filter(Boolean).join(' ');
  if (typeof value !== 'string') return '';
  return value.trim().replace(/\s+/gu, ' ').toUpperCase();
}
