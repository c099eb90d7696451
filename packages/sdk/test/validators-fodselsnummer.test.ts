import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  isValidNorwegianFodselsnummer,
  parseNorwegianFodselsnummer,
} from '../src/validators/index.ts';
import { ODD_INPUTS } from './validators-odd-inputs.ts';

// 15108695088 is python-stdnum's documented example; every other vector's two check digits were
// computed independently with the weights 3,7,6,1,8,9,4,5,2 and 5,4,3,2,7,6,5,4,3,2 and cross-checked
// with python-stdnum.
const now = new Date(2025, 5, 1);
const valid = (value: string) => isValidNorwegianFodselsnummer(value, { now });

describe('isValidNorwegianFodselsnummer', () => {
  it('accepts a fødselsnummer, also with spaces', () => {
    assert.equal(valid('15108695088'), true);
    assert.equal(valid('151086 95088'), true);
    assert.equal(valid(' 15108695088 '), true);
  });

  it('rejects a wrong first check digit even when the second matches it', () => {
    // The second check digit was recomputed over the wrong first one.
    assert.equal(valid('15108695002'), false);
    assert.equal(valid('15108695188'), false);
  });

  it('rejects a wrong second check digit', () => {
    assert.equal(valid('15108695080'), false);
    assert.equal(valid('15108695089'), false);
  });

  it('rejects every number whose first check digit would have to be 10', () => {
    // 151086002 has a first remainder of 10, so no eleven-digit number starts with it.
    for (const value of [
      '15108600206',
      '15108600214',
      '15108600222',
      '15108600230',
      '15108600249',
      '15108600257',
      '15108600265',
      '15108600273',
      '15108600281',
    ]) {
      assert.equal(valid(value), false, value);
    }
  });

  it('accepts a D-number (day + 40)', () => {
    assert.equal(valid('55108600100'), true);
    assert.equal(valid('71019000170'), true); // 31 January
  });

  it('accepts an H-number (month + 40)', () => {
    assert.equal(valid('15508600019'), true);
  });

  it('rejects a number that is both a D-number and an H-number', () => {
    assert.equal(valid('55508600002'), false);
  });

  it('rejects birth dates that do not exist although both check digits are right', () => {
    assert.equal(valid('30029000057'), false); // 30 February 1990
    assert.equal(valid('72019000029'), false); // D-number for 32 January
    assert.equal(valid('00019000044'), false); // day 0
    assert.equal(valid('81019000060'), false); // day 81: an FH-number, no birth date
  });

  it('takes the century from the individual number when checking 29 February', () => {
    assert.equal(valid('29020050088'), true); // individual 500: 2000, a leap year
    assert.equal(valid('29020000064'), false); // individual 000: 1900, not a leap year
    assert.equal(valid('29020150260'), false); // 2001
  });

  it('follows the individual-number ranges for each century', () => {
    assert.deepEqual(parseNorwegianFodselsnummer('01018550063', { now })?.birthDate, {
      year: 1885,
      month: 1,
      day: 1,
    });
    assert.deepEqual(parseNorwegianFodselsnummer('01018590014', { now })?.birthDate, {
      year: 1985,
      month: 1,
      day: 1,
    });
    assert.equal(valid('01018575066'), false); // 750-899 with a year of 40-99
    assert.equal(valid('01014550050'), false); // 500-749 with a year of 40-53
  });

  it('rejects a birth date after the day the number is read', () => {
    assert.equal(valid('01013550022'), false); // 1 January 2035
    assert.equal(isValidNorwegianFodselsnummer('01013550022', { now: new Date(2036, 0, 1) }), true);
  });

  it('rejects wrong lengths and letters', () => {
    for (const value of ['', '1510869508', '151086950880', '1510869508O', 'abcdefghijk']) {
      assert.equal(valid(value), false, value);
    }
  });

  it('returns false for values that are not strings', () => {
    for (const value of ODD_INPUTS) assert.equal(valid(value as string), false);
    assert.equal(valid(15108695088 as unknown as string), false);
  });
});

describe('parseNorwegianFodselsnummer', () => {
  it('tells the kind of number and the birth date without the offsets', () => {
    assert.deepEqual(parseNorwegianFodselsnummer('15108695088', { now }), {
      birthDate: { year: 1986, month: 10, day: 15 },
      kind: 'fodselsnummer',
    });
    assert.deepEqual(parseNorwegianFodselsnummer('55108600100', { now }), {
      birthDate: { year: 1986, month: 10, day: 15 },
      kind: 'd-number',
    });
    assert.deepEqual(parseNorwegianFodselsnummer('15508600019', { now }), {
      birthDate: { year: 1986, month: 10, day: 15 },
      kind: 'h-number',
    });
  });
});
