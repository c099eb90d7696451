import { boundedString, normaliseIdentifier } from './normalise.ts';

/**
 * IBAN length per country code, from the ISO 13616 IBAN registry that SWIFT publishes.
 * Territories that use another country's code (Åland: FI, Jersey: GB, Réunion: FR, ...) need no entry.
 */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HN: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
};

const IBAN_SHAPE = /^([A-Z]{2})(\d{2})[A-Z0-9]+$/;

/** ISO 7064 MOD 97-10 over the rearranged IBAN, folding digit by digit so no big integers are needed. */
function mod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    // Letters count as two digits: A = 10 ... Z = 35.
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = (value >= 10 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return remainder;
}

/**
 * Whether `value` is a valid IBAN: known country, that country's registered length and the mod-97
 * check digits. Spaces, hyphens and lower case are accepted.
 * @example isValidIban('GB82 WEST 1234 5698 7654 32') // true
 * @example isValidIban('GB82WEST12345698765433') // false (check digits do not match)
 */
export function isValidIban(value: unknown): boolean {
  const raw = boundedString(value);
  if (raw === undefined) return false;
  const iban = normaliseIdentifier(raw);
  const match = IBAN_SHAPE.exec(iban);
  if (!match) return false;
  const country = match[1] as string;
  const checkDigits = Number(match[2]);
  // 00, 01 and 99 are never issued (ISO 7064), even where they would happen to satisfy mod 97.
  if (checkDigits < 2 || checkDigits > 98) return false;
  return IBAN_LENGTHS[country] === iban.length && mod97(iban) === 1;
}

/**
 * Writes an IBAN in its printed form, upper case in groups of four.
 * @example formatIban('gb82west12345698765432') // 'GB82 WEST 1234 5698 7654 32'
 */
export function formatIban(value: unknown): string {
  return normaliseIdentifier(boundedString(value)).replace(/(.{4})(?=.)/g, '$1 ');
}
