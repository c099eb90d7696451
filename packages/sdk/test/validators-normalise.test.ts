import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  NATIONAL_ID_COUNTRIES,
  isValidNationalId,
  normaliseIdentifier,
} from '../src/validators/index.ts';
import type { NationalIdCountry } from '../src/validators/index.ts';
import { ODD_INPUTS } from './validators-odd-inputs.ts';

describe('normaliseIdentifier', () => {
  it('trims, upper-cases and drops spaces and hyphens', () => {
    assert.equal(normaliseIdentifier(' gb82-west 1234 '), 'GB82WEST1234');
    assert.equal(normaliseIdentifier('ab 12 34 56 c'), 'AB123456C');
  });

  it('drops the no-break spaces and dashes that pasted or auto-corrected text brings', () => {
    assert.equal(normaliseIdentifier('12\u201334\u201356'), '123456');
    assert.equal(normaliseIdentifier('\u00a0AB\u202f12\u2009345\u2212C'), 'AB12345C');
    assert.equal(normaliseIdentifier('1\t2\n3'), '123');
  });

  it('drops the invisible characters that text copied from a PDF or web page carries', () => {
    assert.equal(normaliseIdentifier('GB82\u200bWEST\u00ad1234\u2060'), 'GB82WEST1234');
  });

  it('keeps the plus sign that dates a Swedish personnummer', () => {
    assert.equal(normaliseIdentifier('121212+1212'), '121212+1212');
  });

  it('gives an empty string for a value that is not a string', () => {
    for (const value of [null, undefined, 42, {}, []]) assert.equal(normaliseIdentifier(value), '');
  });
});

describe('isValidNationalId', () => {
  const now = new Date(2025, 5, 1);

  it('checks each country by its own rules', () => {
    assert.equal(isValidNationalId('SE', '811218-9876', { now }), true);
    assert.equal(isValidNationalId('NO', '15108695088', { now }), true);
    assert.equal(isValidNationalId('GB', 'AB 12 34 56 C'), true);
  });

  it('does not accept one country’s number for another', () => {
    assert.equal(isValidNationalId('NO', '811218-9876', { now }), false);
    assert.equal(isValidNationalId('SE', '15108695088', { now }), false);
    assert.equal(isValidNationalId('GB', '15108695088'), false);
  });

  it('passes the reference date on', () => {
    assert.equal(isValidNationalId('SE', '20250602-1233', { now }), false);
    assert.equal(isValidNationalId('NO', '01013550022', { now }), false);
  });

  it('treats missing options as reading the number today', () => {
    const noOptions = null as unknown as { now?: Date };
    assert.equal(isValidNationalId('SE', '811218-9876', noOptions), true);
    assert.equal(isValidNationalId('NO', '15108695088', noOptions), true);
  });

  it('returns false for a country it does not know and for odd values', () => {
    assert.equal(isValidNationalId('DK' as NationalIdCountry, '0101901234'), false);
    for (const country of NATIONAL_ID_COUNTRIES) {
      for (const value of ODD_INPUTS)
        assert.equal(isValidNationalId(country, value, { now }), false);
    }
  });
});
