import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatSortCode,
  isValidUkAccountNumber,
  isValidUkSortCode,
} from '../src/validators/index.ts';
import { ODD_INPUTS } from './validators-odd-inputs.ts';

describe('isValidUkSortCode', () => {
  it('accepts six digits as people write them', () => {
    for (const value of ['123456', '12-34-56', '12 34 56', ' 12-34-56 ', '12–34–56', '40 47 84']) {
      assert.equal(isValidUkSortCode(value), true, value);
    }
  });

  it('rejects too few or too many digits and letters', () => {
    for (const value of ['', '12345', '1234567', '12-34-5', '12-34-567', '12-34-5a', 'ab-cd-ef']) {
      assert.equal(isValidUkSortCode(value), false, value);
    }
  });

  it('rejects other separators than spaces and hyphens', () => {
    assert.equal(isValidUkSortCode('12.34.56'), false);
    assert.equal(isValidUkSortCode('12/34/56'), false);
  });

  it('returns false for values that are not strings', () => {
    for (const value of ODD_INPUTS) assert.equal(isValidUkSortCode(value), false);
    assert.equal(isValidUkSortCode(123456), false);
  });
});

describe('isValidUkAccountNumber', () => {
  it('accepts eight digits, with spaces people add for reading', () => {
    for (const value of ['31926819', '00000001', '3192 6819', ' 31926819 ']) {
      assert.equal(isValidUkAccountNumber(value), true, value);
    }
  });

  it('rejects seven- and ten-digit forms and letters', () => {
    for (const value of ['', '3192681', '319268190', '3192681901', '3192681O', 'ABCDEFGH']) {
      assert.equal(isValidUkAccountNumber(value), false, value);
    }
  });

  it('returns false for values that are not strings', () => {
    for (const value of ODD_INPUTS) assert.equal(isValidUkAccountNumber(value), false);
    assert.equal(isValidUkAccountNumber(31926819), false);
  });
});

describe('formatSortCode', () => {
  it('writes six digits as 12-34-56', () => {
    assert.equal(formatSortCode('123456'), '12-34-56');
    assert.equal(formatSortCode('12 34 56'), '12-34-56');
  });

  it('leaves anything else normalised but not regrouped', () => {
    assert.equal(formatSortCode('12 34 5'), '12345');
    assert.equal(formatSortCode(undefined), '');
  });
});
