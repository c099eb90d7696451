import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a reference read aloud or off a phone is unambiguous. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** An application id as the server issues it: 16 Crockford base32 characters, 80 random bits. */
export const APPLICATION_ID = /^[0-9A-HJKMNP-TV-Z]{16}$/;

/** Ids issued before the short ones: random UUIDs, still accepted for the rows that have them. */
const LEGACY_APPLICATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ID_BYTES = 10;

/**
 * A new application id: 80 bits from the system's secure random source in Crockford base32, the
 * reference an applicant is shown (grouped `XXXX-XXXX-XXXX-XXXX` for reading).
 *
 * @example
 * newApplicationId(); // "7ZK3M9QH2XW4TB0R"
 */
export function newApplicationId(): string {
  const bytes = randomBytes(ID_BYTES);
  let bits = 0;
  let buffered = 0;
  let id = '';
  for (const byte of bytes) {
    buffered = (buffered << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      id += CROCKFORD_ALPHABET[(buffered >> bits) & 31];
    }
    buffered &= (1 << bits) - 1;
  }
  return id;
}

/**
 * The stored form of an id as staff type it: any case, with the hyphens or spaces of the grouped
 * form, and O, I or L for the digits they look like (Crockford's decoding rules). `undefined` when
 * it cannot be an application id.
 *
 * @example
 * normaliseApplicationId('7zk3-m9qh-2xw4-tb0r'); // "7ZK3M9QH2XW4TB0R"
 */
export function normaliseApplicationId(typed: string): string | undefined {
  const trimmed = typed.trim();
  if (LEGACY_APPLICATION_ID.test(trimmed)) return trimmed.toLowerCase();
  const id = trimmed.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  return APPLICATION_ID.test(id) ? id : undefined;
}
