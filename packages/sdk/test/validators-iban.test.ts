import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IBAN_LENGTHS, formatIban, isValidIban } from '../src/validators/index.ts';
import { ODD_INPUTS } from './validators-odd-inputs.ts';

// Example IBANs published in the SWIFT IBAN registry and by national banks; each was checked
// independently with python-stdnum's MOD 97-10 implementation.
const PUBLISHED = [
  'GB82WEST12345698765432',
  'NO9386011117947',
  'SE4550000000058398257466',
  'DE89370400440532013000',
  'FR1420041010050500013M02606',
  'NL91ABNA0417164300',
  'IE29AIBK93115212345678',
  'BE68539007547034',
  'CH9300762011623852957',
  'DK5000400440116243',
  'FI2112345600000785',
  'ES9121000418450200051332',
  'IT60X0542811101000000123456',
  'PL61109010140000071219812874',
  'MT84MALT011000012345MTLCAST001S',
  'SC18SSCB11010000000000001497USD',
  'LC55HEMM000100010012001200023015',
  'RU0204452560040702810412345678901',
];

describe('isValidIban', () => {
  for (const iban of PUBLISHED) {
    it(`accepts the published example ${iban}`, () => {
      assert.equal(isValidIban(iban), true);
    });
  }

  it('accepts lower case, spaces, hyphens and the no-break spaces of pasted text', () => {
    assert.equal(isValidIban('gb82 west 1234 5698 7654 32'), true);
    assert.equal(isValidIban('  NO93 8601 1117 947  '), true);
    assert.equal(isValidIban('SE45-5000-0000-0583-9825-7466'), true);
    assert.equal(isValidIban('DE89\u00a03704\u00a00044\u00a00532\u00a00130\u00a000'), true);
    assert.equal(isValidIban('fr14 2004 1010 0505 0001 3m02 606'), true);
  });

  it('rejects a wrong check digit pair and a single mistyped digit', () => {
    assert.equal(isValidIban('GB81WEST12345698765432'), false);
    assert.equal(isValidIban('GB82WEST12345698765433'), false);
    assert.equal(isValidIban('NO9386011117948'), false);
    assert.equal(isValidIban('SE4550000000058398257467'), false);
    assert.equal(isValidIban('DE89370400440532013001'), false);
  });

  it('rejects two swapped neighbouring digits', () => {
    assert.equal(isValidIban('GB82WEST12345698765423'), false);
    assert.equal(isValidIban('DE89370400440532010300'), false);
  });

  it('rejects an IBAN whose check digits are right but whose length is wrong for the country', () => {
    // Check digits computed for these strings, so only the length rule can reject them.
    assert.equal(isValidIban('GB49WEST123456987654321'), false);
    assert.equal(isValidIban('GB88WEST1234569876543'), false);
    assert.equal(isValidIban('NO37860111179470'), false);
  });

  it('rejects a country that has no IBAN even when mod 97 holds', () => {
    assert.equal(isValidIban('US490123456789'), false);
    assert.equal(isValidIban('XX4212345678901234'), false);
  });

  it('rejects check digits 00, 01 and 99, which are never issued', () => {
    // Each pair is congruent mod 97 with a valid pair for the same account (97, 98 and 02).
    assert.equal(isValidIban('GB97WEST12345698000026'), true);
    assert.equal(isValidIban('GB00WEST12345698000026'), false);
    assert.equal(isValidIban('GB98WEST12345698000008'), true);
    assert.equal(isValidIban('GB01WEST12345698000008'), false);
    assert.equal(isValidIban('GB02WEST12345698000087'), true);
    assert.equal(isValidIban('GB99WEST12345698000087'), false);
  });

  it('rejects malformed strings', () => {
    for (const value of [
      '',
      'GB',
      'GB82',
      '82WEST12345698765432GB',
      'GBXXWEST12345698765432',
      'GB82WEST1234569876543Ä',
      'GB82WEST12345698765432.',
      'GB82_WEST_1234_5698_7654_32',
    ]) {
      assert.equal(isValidIban(value), false, value);
    }
  });

  it('returns false for values that are not strings, or far too long, without throwing', () => {
    for (const value of ODD_INPUTS) assert.equal(isValidIban(value), false);
    assert.equal(isValidIban(`GB82WEST12345698765432${' '.repeat(1000)}`), false);
  });

  it('knows the registry length of every IBAN country it lists', () => {
    assert.equal(IBAN_LENGTHS.NO, 15);
    assert.equal(IBAN_LENGTHS.GB, 22);
    assert.equal(IBAN_LENGTHS.SE, 24);
    assert.equal(IBAN_LENGTHS.LC, 32);
    assert.equal(IBAN_LENGTHS.RU, 33);
    assert.equal(IBAN_LENGTHS.US, undefined);
    for (const [country, length] of Object.entries(IBAN_LENGTHS)) {
      assert.match(country, /^[A-Z]{2}$/);
      assert.ok(length >= 15 && length <= 34, `${country}: ${length}`);
    }
  });
});

describe('formatIban', () => {
  it('writes an IBAN upper case in groups of four', () => {
    assert.equal(formatIban('gb82west12345698765432'), 'GB82 WEST 1234 5698 7654 32');
    assert.equal(formatIban(' NO93-8601-1117-947 '), 'NO93 8601 1117 947');
  });

  it('gives an empty string for a value that is not a string', () => {
    assert.equal(formatIban(null), '');
    assert.equal(formatIban(42), '');
  });
});
