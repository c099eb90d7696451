/** 16 characters of Crockford's base32 (no I, L, O or U), the form of the backend's ids. */
const CROCKFORD_16 = /^[0-9A-HJKMNP-TV-Z]{16}$/i;

/**
 * A reference in the pieces a line may break between, so a narrow screen never splits a group:
 * 16 Crockford base32 characters as four groups of four (`7K3Q-9F2M-XW4P-H8RT`), any other id
 * exactly as returned, cut after each hyphen it has.
 */
export function referenceGroups(reference: string): string[] {
  const text = CROCKFORD_16.test(reference) ? reference.replace(/.{4}(?!$)/g, '$&-') : reference;
  return text.split(/(?<=-)/);
}
