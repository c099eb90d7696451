import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isValidUkNino } from '../src/validators/index.ts';
import { ODD_INPUTS } from './validators-odd-inputs.ts';

describe('isValidUkNino', () => {
  it('accepts the format as people write it', () => {
    for (const value of [
      'AB123456C',
      'ab123456c',
      'AB 12 34 56 C',
      ' ab 123456 d ',
      'AB-12-34-56-A',
    ]) {
      assert.equal(isValidUkNino(value), true, value);
    }
  });

  it('accepts every suffix from A to D and rejects the others', () => {
    for (const suffix of 'ABCD') assert.equal(isValidUkNino(`JG103759${suffix}`), true, suffix);
    for (const suffix of 'EFMXZ') assert.equal(isValidUkNino(`JG103759${suffix}`), false, suffix);
  });

  it('rejects D, F, I, Q, U and V as either prefix letter', () => {
    for (const letter of 'DFIQUV') {
      assert.equal(isValidUkNino(`${letter}A123456C`), false, `${letter}A`);
      assert.equal(isValidUkNino(`A${letter}123456C`), false, `A${letter}`);
    }
  });

  it('allows O as the first prefix letter but not the second', () => {
    assert.equal(isValidUkNino('OA123456C'), true);
    assert.equal(isValidUkNino('AO123456C'), false);
  });

  it('rejects the prefixes HMRC never allocates', () => {
    for (const prefix of ['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']) {
      assert.equal(isValidUkNino(`${prefix}123456C`), false, prefix);
    }
  });

  it('accepts prefixes next to the disallowed ones', () => {
    for (const prefix of ['BH', 'GA', 'KM', 'NJ', 'NW', 'TM', 'ZY', 'YZ']) {
      assert.equal(isValidUkNino(`${prefix}123456C`), true, prefix);
    }
  });

  it('rejects the wrong number of digits or a missing suffix', () => {
    for (const value of ['', 'AB12345C', 'AB1234567C', 'AB123456', 'A1234567C', 'ABC23456C']) {
      assert.equal(isValidUkNino(value), false, value);
    }
  });

  it('returns false for values that are not strings', () => {
    for (const value of ODD_INPUTS) assert.equal(isValidUkNino(value), false);
  });
});
