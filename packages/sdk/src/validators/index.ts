export { ageOn } from './age.ts';
export {
  BIRTH_DATE_ID_COUNTRIES,
  birthDateOfNationalId,
  carriesBirthDate,
} from './birth-date-of-national-id.ts';
export type { BirthDateIdCountry } from './birth-date-of-national-id.ts';
export { COUNTRY_CODES, isCountryCode } from './country.ts';
export { IBAN_LENGTHS, formatIban, isValidIban } from './iban.ts';
export { parseIsoDate } from './iso-date.ts';
export type { CalendarDate } from './iso-date.ts';
export {
  NORWEGIAN_ID_KINDS,
  isValidNorwegianFodselsnummer,
  parseNorwegianFodselsnummer,
} from './fodselsnummer.ts';
export type {
  FodselsnummerOptions,
  NorwegianFodselsnummer,
  NorwegianIdKind,
} from './fodselsnummer.ts';
export { NATIONAL_ID_COUNTRIES, isValidNationalId } from './national-id.ts';
export type { NationalIdCountry } from './national-id.ts';
export { isValidUkNino } from './nino.ts';
export { MAX_INPUT_LENGTH, normaliseIdentifier } from './normalise.ts';
export { isValidSwedishPersonnummer, parseSwedishPersonnummer } from './personnummer.ts';
export type { PersonnummerOptions, SwedishPersonnummer } from './personnummer.ts';
export {
  POSTCODE_COUNTRIES,
  isPostcodeRequired,
  isValidPostcode,
  normalisePostcode,
} from './postcode.ts';
export type { PostcodeCountry } from './postcode.ts';
export { postcodeFirst } from './postcode-first.ts';
export { formatSortCode, isValidUkAccountNumber, isValidUkSortCode } from './uk-bank.ts';
