import { expect } from '@open-wc/testing';
import {
  ageOn,
  formatIban,
  isValidIban,
  isValidNorwegianFodselsnummer,
  isValidPostcode,
  isValidSwedishPersonnummer,
  isValidUkAccountNumber,
  isValidUkNino,
  isValidUkSortCode,
  normaliseIdentifier,
  normalisePostcode,
  parseIsoDate,
} from '../../src/validators/index.ts';

// The same rules must hold in the browser as in Node: a few vectors per validator (the full
// tables are in the Node suites).
const now = new Date(2025, 5, 1);

describe('validators in the browser', () => {
  it('checks IBANs', () => {
    expect(isValidIban('GB82 WEST 1234 5698 7654 32')).to.equal(true);
    expect(isValidIban('no93 8601 1117 947')).to.equal(true);
    expect(isValidIban('SE4550000000058398257466')).to.equal(true);
    expect(isValidIban('GB82WEST12345698765433')).to.equal(false);
    expect(isValidIban('GB49WEST123456987654321')).to.equal(false);
    expect(isValidIban(null)).to.equal(false);
    expect(formatIban('de89370400440532013000')).to.equal('DE89 3704 0044 0532 0130 00');
  });

  it('checks UK sort codes and account numbers', () => {
    expect(isValidUkSortCode('12-34-56')).to.equal(true);
    expect(isValidUkSortCode('12-34-5')).to.equal(false);
    expect(isValidUkAccountNumber('31926819')).to.equal(true);
    expect(isValidUkAccountNumber('3192681')).to.equal(false);
  });

  it('checks Swedish personnummer and samordningsnummer', () => {
    expect(isValidSwedishPersonnummer('811218-9876', { now })).to.equal(true);
    expect(isValidSwedishPersonnummer('701063-2391', { now })).to.equal(true);
    expect(isValidSwedishPersonnummer('811218-9877', { now })).to.equal(false);
    expect(isValidSwedishPersonnummer('850230-9878', { now })).to.equal(false);
    expect(isValidSwedishPersonnummer('000229+1235', { now })).to.equal(false);
  });

  it('checks Norwegian fødselsnummer and D-numbers', () => {
    expect(isValidNorwegianFodselsnummer('15108695088', { now })).to.equal(true);
    expect(isValidNorwegianFodselsnummer('55108600100', { now })).to.equal(true);
    expect(isValidNorwegianFodselsnummer('15108695002', { now })).to.equal(false);
    expect(isValidNorwegianFodselsnummer('15108695089', { now })).to.equal(false);
  });

  it('checks UK National Insurance numbers', () => {
    expect(isValidUkNino('ab 12 34 56 c')).to.equal(true);
    expect(isValidUkNino('GB123456A')).to.equal(false);
    expect(isValidUkNino('QQ123456C')).to.equal(false);
  });

  it('checks and writes postcodes', () => {
    expect(isValidPostcode('GB', 'sw1a1aa')).to.equal(true);
    expect(isValidPostcode('IE', 'D02 X285')).to.equal(true);
    expect(isValidPostcode('NO', '0150')).to.equal(true);
    expect(isValidPostcode('SE', '012 34')).to.equal(false);
    expect(normalisePostcode('GB', 'ec1a1bb')).to.equal('EC1A 1BB');
    expect(normalisePostcode('SE', '12345')).to.equal('123 45');
  });

  it('counts ages and reads dates', () => {
    expect(ageOn('2008-02-29', '2025-02-28')).to.equal(16);
    expect(ageOn('2008-02-29', '2025-03-01')).to.equal(17);
    expect(ageOn('2000-06-15', new Date(2018, 5, 15))).to.equal(18);
    expect(parseIsoDate('2023-02-29')).to.equal(undefined);
    expect(normaliseIdentifier(' ab\u00a012–34 ')).to.equal('AB1234');
  });
});
