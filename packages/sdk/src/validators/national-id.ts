import { isValidNorwegianFodselsnummer } from './fodselsnummer.ts';
import type { FodselsnummerOptions } from './fodselsnummer.ts';
import { isValidUkNino } from './nino.ts';
import { isValidSwedishPersonnummer } from './personnummer.ts';
import type { PersonnummerOptions } from './personnummer.ts';

/** Countries whose national identity numbers {@link isValidNationalId} knows. */
export const NATIONAL_ID_COUNTRIES = ['SE', 'NO', 'GB'] as const;
/** One of {@link NATIONAL_ID_COUNTRIES}. */
export type NationalIdCountry = (typeof NATIONAL_ID_COUNTRIES)[number];

/**
 * Whether `value` is a valid national identity number of `country`: a Swedish personnummer or
 * samordningsnummer, a Norwegian fødselsnummer, D- or H-number, or a UK National Insurance number
 * (an unknown country gives `false`).
 * @example isValidNationalId('NO', '15108695088') // true
 */
export function isValidNationalId(
  country: NationalIdCountry,
  value: unknown,
  options: PersonnummerOptions & FodselsnummerOptions = {},
): boolean {
  switch (country) {
    case 'SE':
      return isValidSwedishPersonnummer(value, options);
    case 'NO':
      return isValidNorwegianFodselsnummer(value, options);
    case 'GB':
      return isValidUkNino(value);
    default:
      return false;
  }
}
