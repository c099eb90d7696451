import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isValidSwedishPersonnummer, parseSwedishPersonnummer } from '../src/validators/index.ts';
import { ODD_INPUTS } from './validators-odd-inputs.ts';

// Check digits below were computed independently (python-stdnum's Luhn) and checked by hand for the
// published examples: 811218-9876 (Skatteverket's personnummer example) and 701063-2391 (its
// samordningsnummer example, born 3 October 1970).
const now = new Date(2025, 5, 1); // 1 June 2025, local time
const valid = (value: string) => isValidSwedishPersonnummer(value, { now });

describe('isValidSwedishPersonnummer', () => {
  it('accepts every written form of the same number', () => {
    for (const value of [
      '811218-9876',
      '8112189876',
      '19811218-9876',
      '198112189876',
      ' 811218 9876 ',
      '811218–9876',
    ]) {
      assert.equal(valid(value), true, value);
    }
  });

  it('rejects a wrong check digit', () => {
    assert.equal(valid('811218-9877'), false);
    assert.equal(valid('811218-9870'), false);
    assert.equal(valid('198112189875'), false);
  });

  it('rejects two swapped digits of the serial number', () => {
    assert.equal(valid('811218-8976'), false);
  });

  it('rejects wrong lengths and letters', () => {
    for (const value of ['', '811218-987', '811218-98760', '1198112189876', '81121A-9876', 'ÅÄÖ']) {
      assert.equal(valid(value), false, value);
    }
  });

  it('accepts a samordningsnummer (day + 60)', () => {
    assert.equal(valid('701063-2391'), true);
    assert.equal(valid('19701063-2391'), true);
    // 31 October + 60.
    assert.equal(valid('701091-2397'), true);
  });

  it('rejects a samordningsnummer day that does not exist', () => {
    // Check digits are right; 32 October + 60 and day 0 + 60 do not exist.
    assert.equal(valid('701092-2396'), false);
    assert.equal(valid('701060-2394'), false);
    // Day 32 is neither a birth day nor a samordningsnummer day.
    assert.equal(valid('701032-2399'), false);
  });

  it('rejects dates that do not exist although the check digit is right', () => {
    assert.equal(valid('850230-9878'), false); // 30 February
    assert.equal(valid('851318-1233'), false); // month 13
    assert.equal(valid('850018-1238'), false); // month 0
    assert.equal(valid('010229-1234'), false); // 29 February 2001
  });

  it('uses the century to decide whether 29 February exists', () => {
    assert.equal(valid('000229-1235'), true); // 2000 is a leap year
    assert.equal(valid('200002291235'), true);
    assert.equal(valid('190002291235'), false); // 1900 is not
    assert.equal(valid('000229+1235'), false); // the plus sign makes it 1900
  });

  it('reads the plus sign as a century earlier', () => {
    assert.deepEqual(parseSwedishPersonnummer('121212-1212', { now })?.birthDate, {
      year: 2012,
      month: 12,
      day: 12,
    });
    assert.deepEqual(parseSwedishPersonnummer('121212+1212', { now })?.birthDate, {
      year: 1912,
      month: 12,
      day: 12,
    });
  });

  it('infers the century of a ten-digit number from the day it is read', () => {
    assert.equal(parseSwedishPersonnummer('991231-1231', { now })?.canonical, '199912311231');
    // Someone who turns 100 next year still writes a hyphen.
    assert.equal(parseSwedishPersonnummer('260101-1238', { now })?.canonical, '192601011238');
    assert.equal(parseSwedishPersonnummer('250101-1239', { now })?.canonical, '202501011239');
    assert.equal(parseSwedishPersonnummer('250101+1239', { now })?.canonical, '192501011239');
  });

  it('reads a hyphen as an age of 0 to 99, so a birthday later this year is a century back', () => {
    const today = new Date(2026, 10, 25); // 25 November 2026
    const read = (value: string) => parseSwedishPersonnummer(value, { now: today })?.canonical;
    assert.equal(read('261125-1238'), '202611251238'); // born today
    assert.equal(read('261126-1237'), '192611261237'); // turns 100 tomorrow
    assert.equal(read('261231-1239'), '192612311239');
    assert.equal(read('2612311239'), '192612311239');
    assert.equal(read('261291-1236'), '192612911236'); // samordningsnummer, 31 December 1926
    assert.equal(read('261186-1234'), '192611861234'); // samordningsnummer, 26 November 1926
  });

  it('reads a plus sign as written from the year the person turns 100, whatever the day', () => {
    const today = new Date(2026, 10, 25);
    const read = (value: string) => parseSwedishPersonnummer(value, { now: today })?.canonical;
    assert.equal(read('261231+1239'), '192612311239');
    assert.equal(read('261125+1238'), '192611251238');
    assert.equal(read('270101+1237'), '182701011237');
  });

  it('rejects a birth date after the day the number is read', () => {
    assert.equal(valid('250601-1234'), true); // born today
    assert.equal(valid('209912311231'), false);
    assert.equal(isValidSwedishPersonnummer('209912311231', { now: new Date(2100, 0, 1) }), true);
  });

  it('rejects a plus sign in the twelve-digit form, where the century is already written', () => {
    assert.equal(valid('19811218+9876'), false);
  });

  it('defaults to the current date when no date is given', () => {
    assert.equal(isValidSwedishPersonnummer('811218-9876'), true);
    assert.equal(isValidSwedishPersonnummer('811218+9876'), true);
  });

  it('returns false for an invalid reference date', () => {
    assert.equal(isValidSwedishPersonnummer('811218-9876', { now: new Date(Number.NaN) }), false);
  });

  it('returns false for values that are not strings', () => {
    for (const value of ODD_INPUTS) assert.equal(valid(value as string), false);
    assert.equal(valid(8112189876 as unknown as string), false);
  });
});

describe('parseSwedishPersonnummer', () => {
  it('gives the birth date and the twelve-digit form', () => {
    assert.deepEqual(parseSwedishPersonnummer('811218-9876', { now }), {
      birthDate: { year: 1981, month: 12, day: 18 },
      coordinationNumber: false,
      canonical: '198112189876',
    });
  });

  it('takes the 60 off a samordningsnummer day and keeps it in the canonical form', () => {
    assert.deepEqual(parseSwedishPersonnummer('701063-2391', { now }), {
      birthDate: { year: 1970, month: 10, day: 3 },
      coordinationNumber: true,
      canonical: '197010632391',
    });
  });

  it('returns undefined for an invalid number', () => {
    assert.equal(parseSwedishPersonnummer('811218-9877', { now }), undefined);
  });
});
