import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { POSTCODE_COUNTRIES, isValidPostcode, normalisePostcode } from '../src/validators/index.ts';
import type { PostcodeCountry } from '../src/validators/index.ts';
import { ODD_INPUTS } from './validators-odd-inputs.ts';

describe('isValidPostcode GB', () => {
  it('accepts every outward-code shape, with or without the space, in any case', () => {
    for (const value of [
      'M1 1AE', // A9
      'B33 8TH', // A99
      'CR2 6XH', // AA9
      'DN55 1PT', // AA99
      'W1A 0AX', // A9A
      'EC1A 1BB', // AA9A
      'SW1A 1AA',
      'sw1a1aa',
      ' ec1a  1bb ',
      'GIR 0AA',
      'gir0aa',
      'SW1A\u00a01AA',
      'SW1A\u200b1AA',
    ]) {
      assert.equal(isValidPostcode('GB', value), true, value);
    }
  });

  it('rejects letters in positions where they are never used', () => {
    for (const value of [
      'QA1 1AA', // Q, V and X never start a postcode
      'V1 1AA',
      'X1 1AA',
      'AZ1 1AA', // I, J and Z never come second
      'AI1 1AA',
      'W1Z 1AA', // Z never third in A9A
      'EC1C 1BB', // C never fourth in AA9A
      'M1 1AC', // C, I, K, M, O and V never end the inward code
      'M1 1AI',
      'M1 1KA',
      'M1 1OA',
    ]) {
      assert.equal(isValidPostcode('GB', value), false, value);
    }
  });

  it('rejects incomplete and overlong postcodes', () => {
    for (const value of [
      '',
      'M1',
      'SW1A',
      'SW1A 1A',
      'SW1A 1AAA',
      'SW1AA 1AA',
      '1AA M1',
      'GIR 0AB',
    ]) {
      assert.equal(isValidPostcode('GB', value), false, value);
    }
  });
});

describe('isValidPostcode IE (Eircode)', () => {
  it('accepts a routing key and unique identifier, including D6W', () => {
    for (const value of ['D02 X285', 'A65 F4E2', 'd02x285', 'D6W 1YR3', 'T12 XH2P']) {
      assert.equal(isValidPostcode('IE', value), true, value);
    }
  });

  it('rejects letters outside the Eircode set and the wrong length', () => {
    for (const value of [
      'B02 X285', // B is not used
      'D02 XB85',
      'D02 X2S5', // S is not used
      'DO2 X285', // letter O typed for a zero
      'D6X 1234',
      'D02 X28',
      'D02 X2855',
      'D0 X285',
    ]) {
      assert.equal(isValidPostcode('IE', value), false, value);
    }
  });
});

describe('isValidPostcode NO', () => {
  it('accepts four digits', () => {
    for (const value of ['0150', '9990', ' 0001 ']) {
      assert.equal(isValidPostcode('NO', value), true, value);
    }
  });

  it('rejects anything but four digits', () => {
    for (const value of ['', '0000', '150', '01500', 'O150', '0150 Oslo', 'NO-0150']) {
      assert.equal(isValidPostcode('NO', value), false, value);
    }
  });
});

describe('isValidPostcode SE', () => {
  it('accepts five digits with or without the space after the third', () => {
    for (const value of ['123 45', '12345', '114 32', ' 98499 ']) {
      assert.equal(isValidPostcode('SE', value), true, value);
    }
  });

  it('rejects a leading zero and the wrong number of digits', () => {
    for (const value of ['', '012 34', '1234', '123456', '123 4S']) {
      assert.equal(isValidPostcode('SE', value), false, value);
    }
  });
});

describe('isValidPostcode for any country', () => {
  it('returns false for a country it does not know', () => {
    assert.equal(isValidPostcode('DE' as PostcodeCountry, '10115'), false);
    assert.equal(isValidPostcode('toString' as PostcodeCountry, '0150'), false);
    assert.equal(isValidPostcode(undefined as unknown as PostcodeCountry, '0150'), false);
  });

  it('returns false for values that are not strings', () => {
    for (const country of POSTCODE_COUNTRIES) {
      for (const value of ODD_INPUTS) assert.equal(isValidPostcode(country, value), false);
      assert.equal(isValidPostcode(country, 1234), false);
    }
  });
});

describe('normalisePostcode', () => {
  it('writes each country’s canonical form', () => {
    assert.equal(normalisePostcode('GB', 'sw1a1aa'), 'SW1A 1AA');
    assert.equal(normalisePostcode('GB', ' ec1a  1bb '), 'EC1A 1BB');
    assert.equal(normalisePostcode('GB', 'm11ae'), 'M1 1AE');
    assert.equal(normalisePostcode('GB', 'gir0aa'), 'GIR 0AA');
    assert.equal(normalisePostcode('IE', 'd02x285'), 'D02 X285');
    assert.equal(normalisePostcode('IE', 'd6w1yr3'), 'D6W 1YR3');
    assert.equal(normalisePostcode('NO', ' 0150 '), '0150');
    assert.equal(normalisePostcode('SE', '12345'), '123 45');
    assert.equal(normalisePostcode('SE', ' 123  45'), '123 45');
  });

  it('gives an invalid postcode back trimmed, upper case and with single spaces', () => {
    assert.equal(normalisePostcode('GB', '  not a   postcode '), 'NOT A POSTCODE');
    assert.equal(normalisePostcode('SE', '012 34'), '012 34');
  });

  it('gives an empty string for a value that is not a string', () => {
    assert.equal(normalisePostcode('NO', 150), '');
    assert.equal(normalisePostcode('GB', null), '');
  });
});
