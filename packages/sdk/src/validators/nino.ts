import { boundedString, normaliseIdentifier } from './normalise.ts';

// First letter: not D, F, I, Q, U or V. Second: not those, nor O. Then six digits and a suffix A-D.
const NINO = /^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/;
// Prefixes HMRC never allocates (BG, GB, NK, KN, TN, NT and ZZ are reserved or administrative).
const NOT_ALLOCATED = /^(?:BG|GB|KN|NK|NT|TN|ZZ)/;

/**
 * Whether `value` is a UK National Insurance number by HMRC's format rules (`QQ 12 34 56 C` style;
 * lower case, spaces and hyphens accepted). Whether the number was ever issued cannot be checked offline.
 * @example isValidUkNino('ab 12 34 56 c') // true
 * @example isValidUkNino('GB123456A') // false (prefix never allocated)
 */
export function isValidUkNino(value: unknown): boolean {
  const raw = boundedString(value);
  if (raw === undefined) return false;
  const nino = normaliseIdentifier(raw);
  return NINO.test(nino) && !NOT_ALLOCATED.test(nino);
}
