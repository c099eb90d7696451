import { compareDates, localCalendarDate, pastDate } from './iso-date.ts';
import type { CalendarDate } from './iso-date.ts';
import { boundedString, normaliseIdentifier } from './normalise.ts';

/** Options for Swedish personal identity numbers. */
export interface PersonnummerOptions {
  /** The day the number is read on; decides the century of a ten-digit number. Default: now. */
  now?: Date;
}

/** What a valid personnummer or samordningsnummer says. */
export interface SwedishPersonnummer {
  /** Date of birth (for a samordningsnummer, with the 60 already taken off the day). */
  birthDate: CalendarDate;
  /** True for a samordningsnummer (co-ordination number, day + 60). */
  coordinationNumber: boolean;
  /** The twelve-digit form `YYYYMMDDXXXX`, which needs no separator to say the century. */
  canonical: string;
}

const SHAPE = /^(\d{2})?(\d{6})(\+)?(\d{4})$/;

/** Luhn (mod 10) over a string of digits, the last of which is the check digit. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let n = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  return sum % 10 === 0;
}

/**
 * Reads a Swedish personnummer or samordningsnummer, or returns `undefined` if it is not valid.
 *
 * Accepted: `YYMMDD-XXXX`, `YYMMDD+XXXX` (the year the person turns 100 and later), `YYMMDDXXXX`,
 * `YYYYMMDDXXXX` and `YYYYMMDD-XXXX`. A ten-digit number is born on the latest such date not after
 * `now` (aged 0 to 99); with `+`, in the latest such year at least 100 years before `now`'s year.
 * The birth date must exist and not be after `now`; the Luhn check digit covers the ten digits
 * without the century.
 * @example parseSwedishPersonnummer('811218-9876')?.canonical // '198112189876'
 */
export function parseSwedishPersonnummer(
  value: unknown,
  options: PersonnummerOptions = {},
): SwedishPersonnummer | undefined {
  const raw = boundedString(value);
  if (raw === undefined) return undefined;
  const match = SHAPE.exec(normaliseIdentifier(raw));
  if (!match) return undefined;
  const [, century, yymmdd = '', plus, serial = ''] = match;
  // The plus sign only disambiguates the century, which twelve digits already state.
  if (century !== undefined && plus !== undefined) return undefined;
  if (!luhnValid(yymmdd + serial)) return undefined;

  const today = localCalendarDate(options?.now);
  if (!today) return undefined;
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const rawDay = Number(yymmdd.slice(4, 6));
  const coordinationNumber = rawDay > 60;
  const day = coordinationNumber ? rawDay - 60 : rawDay;
  let year: number;
  if (century !== undefined) {
    year = Number(century) * 100 + yy;
  } else {
    year = today.year - ((((today.year - yy) % 100) + 100) % 100);
    // The plus sign is written from the year a person turns 100 (Skatteverket), whatever the day;
    // a hyphen says 0 to 99 years old, so a birthday still to come this year is a century back.
    if (plus !== undefined || compareDates({ year, month, day }, today) > 0) year -= 100;
  }
  const birthDate = pastDate(year, month, day, today);
  if (!birthDate) return undefined;
  return {
    birthDate,
    coordinationNumber,
    canonical: String(year).padStart(4, '0') + yymmdd.slice(2) + serial,
  };
}

/**
 * Whether `value` is a valid Swedish personnummer or samordningsnummer (see
 * {@link parseSwedishPersonnummer} for the accepted forms).
 * @example isValidSwedishPersonnummer('811218-9876') // true
 * @example isValidSwedishPersonnummer('701063-2391') // true (samordningsnummer)
 */
export function isValidSwedishPersonnummer(
  value: unknown,
  options: PersonnummerOptions = {},
): boolean {
  return parseSwedishPersonnummer(value, options) !== undefined;
}
