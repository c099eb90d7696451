import { parseNorwegianFodselsnummer } from './fodselsnummer.ts';
import type { FodselsnummerOptions } from './fodselsnummer.ts';
import { formatIsoDate } from './iso-date.ts';
import type { NationalIdCountry } from './national-id.ts';
import { parseSwedishPersonnummer } from './personnummer.ts';
import type { PersonnummerOptions } from './personnummer.ts';

/** Countries whose national identity numbers carry the date of birth (a UK NI number does not). */
export const BIRTH_DATE_ID_COUNTRIES = ['SE', 'NO'] as const;
/** One of {@link BIRTH_DATE_ID_COUNTRIES}. */
export type BirthDateIdCountry = (typeof BIRTH_DATE_ID_COUNTRIES)[number];

/** Whether the national identity numbers of `country` carry the date of birth. */
export function carriesBirthDate(country: unknown): country is BirthDateIdCountry {
  return (BIRTH_DATE_ID_COUNTRIES as readonly unknown[]).includes(country);
}

/**
 * The date of birth (`YYYY-MM-DD`) a valid national identity number of `country` carries, or
 * `undefined` for a number that is not valid or a country whose numbers carry none (GB).
 *
 * Read as the validators read it: a Swedish personnummer's century from its length, `+` and `now`,
 * a samordningsnummer's day less 60; a Norwegian number's century from its individual number, a
 * D-number's day and an H-number's month less 40.
 * @example birthDateOfNationalId('SE', '811218-9876') // '1981-12-18'
 * @example birthDateOfNationalId('NO', '55108600100') // '1986-10-15' (D-number)
 */
export function birthDateOfNationalId(
  country: NationalIdCountry,
  value: unknown,
  options: PersonnummerOptions & FodselsnummerOptions = {},
): string | undefined {
  let parsed;
  if (country === 'SE') parsed = parseSwedishPersonnummer(value, options);
  else if (country === 'NO') parsed = parseNorwegianFodselsnummer(value, options);
  return parsed && formatIsoDate(parsed.birthDate);
}
