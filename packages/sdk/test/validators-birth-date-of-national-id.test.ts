import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { birthDateOfNationalId } from '../src/validators/index.ts';
import { ODD_INPUTS } from './validators-odd-inputs.ts';

// Check digits below were computed independently of the validators (Luhn for Sweden, both mod-11
// digits for Norway) and checked by hand.
const now = new Date(2025, 5, 1); // 1 June 2025, local time
const birthDate = (country: 'SE' | 'NO' | 'GB', value: unknown) =>
  birthDateOfNationalId(country, value, { now });

describe('birthDateOfNationalId, Sweden', () => {
  it('reads the date of birth of a personnummer in every written form', () => {
    for (const value of ['811218-9876', '8112189876', '19811218-9876', '198112189876']) {
      assert.equal(birthDate('SE', value), '1981-12-18', value);
    }
  });

  it('puts a ten-digit number in the latest century that is not in the future', () => {
    assert.equal(birthDate('SE', '200101-1234'), '2020-01-01');
    assert.equal(birthDate('SE', '202001011234'), '2020-01-01');
    assert.equal(birthDate('SE', '241224-1230'), '2024-12-24');
  });

  it('puts a number written with "+" a century earlier: the applicant is 100 or older', () => {
    assert.equal(birthDate('SE', '241224+1230'), '1924-12-24');
  });

  it('reads a 99-year-old whose birthday is later this year as 99, with either separator', () => {
    const today = { now: new Date(2026, 10, 25) };
    assert.equal(birthDateOfNationalId('SE', '261231-1239', today), '1926-12-31');
    assert.equal(birthDateOfNationalId('SE', '261231+1239', today), '1926-12-31');
    assert.equal(birthDateOfNationalId('SE', '261291-1236', today), '1926-12-31');
  });

  it('takes the 60 off the day of a samordningsnummer', () => {
    assert.equal(birthDate('SE', '701063-2391'), '1970-10-03');
    assert.equal(birthDate('SE', '200161-1231'), '2020-01-01');
  });

  it('reads 29 February of a leap year and refuses it in another year', () => {
    assert.equal(birthDate('SE', '120229-1231'), '2012-02-29');
    assert.equal(birthDate('SE', '230229-1238'), undefined);
  });

  it('gives nothing for a number that is not valid', () => {
    for (const value of ['811218-9877', '811218+9876+', '19811218+9876', '811318-9876', '']) {
      assert.equal(birthDate('SE', value), undefined, value);
    }
  });
});

describe('birthDateOfNationalId, Norway', () => {
  it('reads the date of birth of a fødselsnummer', () => {
    assert.equal(birthDate('NO', '15108695088'), '1986-10-15');
    assert.equal(birthDate('NO', '151086 95088'), '1986-10-15');
  });

  it('takes the century from the individual number', () => {
    assert.equal(birthDate('NO', '01012050190'), '2020-01-01');
    assert.equal(birthDate('NO', '01016050012'), '1860-01-01');
    assert.equal(birthDate('NO', '01067000168'), '1970-06-01');
  });

  it('takes the 40 off the day of a D-number and off the month of an H-number', () => {
    assert.equal(birthDate('NO', '55108600100'), '1986-10-15');
    assert.equal(birthDate('NO', '41012050184'), '2020-01-01');
    assert.equal(birthDate('NO', '15508600280'), '1986-10-15');
    assert.equal(birthDate('NO', '01502050040'), '2020-10-01');
  });

  it('reads 29 February of a leap year and refuses it in another year', () => {
    assert.equal(birthDate('NO', '29021250048'), '2012-02-29');
    assert.equal(birthDate('NO', '29022350097'), undefined);
  });

  it('gives nothing for a number that is not valid', () => {
    for (const value of ['15108695089', '1510869508', '151086950888', '']) {
      assert.equal(birthDate('NO', value), undefined, value);
    }
  });
});

describe('birthDateOfNationalId, other countries and inputs', () => {
  it('gives nothing for a UK National Insurance number, which carries no date of birth', () => {
    assert.equal(birthDate('GB', 'AB123456C'), undefined);
  });

  it('gives nothing for a birth date after the day it is read on', () => {
    assert.equal(birthDateOfNationalId('SE', '202506021233', { now }), undefined);
  });

  it('gives nothing, and does not throw, for odd inputs', () => {
    for (const value of ODD_INPUTS) {
      assert.equal(birthDate('SE', value), undefined);
      assert.equal(birthDate('NO', value), undefined);
    }
  });
});
