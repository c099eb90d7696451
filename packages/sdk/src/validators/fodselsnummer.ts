import { localCalendarDate, pastDate } from './iso-date.ts';
import type { CalendarDate } from './iso-date.ts';
import { boundedString, normaliseIdentifier } from './normalise.ts';

/** The kinds of Norwegian national identity number. */
export const NORWEGIAN_ID_KINDS = ['fodselsnummer', 'd-number', 'h-number'] as const;
/** One of {@link NORWEGIAN_ID_KINDS}. */
export type NorwegianIdKind = (typeof NORWEGIAN_ID_KINDS)[number];

/** Options for Norwegian national identity numbers. */
export interface FodselsnummerOptions {
  /** The day the number is read on: a birth date after it is not valid. Default: now. */
  now?: Date;
}

/** What a valid fødselsnummer, D-number or H-number says. */
export interface NorwegianFodselsnummer {
  /** Date of birth, with the D-number day or H-number month offset taken off. */
  birthDate: CalendarDate;
  kind: NorwegianIdKind;
}

const WEIGHTS_1 = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const WEIGHTS_2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** The mod-11 check digit for `digits`, or `undefined` where the remainder would need a "10". */
function mod11CheckDigit(digits: string, weights: readonly number[]): number | undefined {
  let sum = 0;
  for (let i = 0; i < weights.length; i += 1) sum += Number(digits[i]) * (weights[i] ?? 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? undefined : check;
}

/** Birth year from the two-digit year and the individual number, per Skatteetaten's allocation. */
function birthYear(yy: number, individual: number): number | undefined {
  if (individual <= 499) return 1900 + yy;
  if (individual <= 749 && yy >= 54) return 1800 + yy;
  if (yy <= 39) return 2000 + yy;
  if (individual >= 900) return 1900 + yy;
  // 500-749 with a year of 40-53, and 750-899 with a year of 40-99, are never allocated.
  return undefined;
}

/**
 * Reads a Norwegian fødselsnummer, D-number (day + 40) or H-number (month + 40), or returns
 * `undefined` if it is not valid: eleven digits `DDMMYYIIIKK`, both mod-11 check digits, and a birth
 * date that exists in the century given by the individual number `III` and is not after `now`.
 * A number with both offsets, or a month + 80, only occurs in synthetic test data and is rejected.
 * @example parseNorwegianFodselsnummer('15108695088')?.birthDate // { year: 1986, month: 10, day: 15 }
 */
export function parseNorwegianFodselsnummer(
  value: unknown,
  options: FodselsnummerOptions = {},
): NorwegianFodselsnummer | undefined {
  const raw = boundedString(value);
  if (raw === undefined) return undefined;
  const digits = normaliseIdentifier(raw);
  if (!/^\d{11}$/.test(digits)) return undefined;
  if (mod11CheckDigit(digits, WEIGHTS_1) !== Number(digits[9])) return undefined;
  if (mod11CheckDigit(digits, WEIGHTS_2) !== Number(digits[10])) return undefined;

  let day = Number(digits.slice(0, 2));
  let month = Number(digits.slice(2, 4));
  let kind: NorwegianIdKind = 'fodselsnummer';
  if (day > 40) {
    day -= 40;
    kind = 'd-number';
  }
  if (month > 40) {
    if (kind === 'd-number') return undefined;
    month -= 40;
    kind = 'h-number';
  }
  const year = birthYear(Number(digits.slice(4, 6)), Number(digits.slice(6, 9)));
  const today = localCalendarDate(options?.now);
  const birthDate = year === undefined || !today ? undefined : pastDate(year, month, day, today);
  return birthDate && { birthDate, kind };
}

/**
 * Whether `value` is a valid Norwegian fødselsnummer, D-number or H-number.
 * @example isValidNorwegianFodselsnummer('15108695088') // true
 * @example isValidNorwegianFodselsnummer('15108695089') // false (second check digit)
 */
export function isValidNorwegianFodselsnummer(
  value: unknown,
  options: FodselsnummerOptions = {},
): boolean {
  return parseNorwegianFodselsnummer(value, options) !== undefined;
}
