import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ageOn, parseIsoDate } from '../src/validators/index.ts';

describe('ageOn', () => {
  it('counts a year only from the birthday on', () => {
    assert.equal(ageOn('2000-06-15', '2018-06-14'), 17);
    assert.equal(ageOn('2000-06-15', '2018-06-15'), 18);
    assert.equal(ageOn('2000-06-15', '2018-06-16'), 18);
    assert.equal(ageOn('2000-06-15', '2018-05-31'), 17);
  });

  it('is zero on the day of birth and across a New Year', () => {
    assert.equal(ageOn('2024-03-10', '2024-03-10'), 0);
    assert.equal(ageOn('1999-12-31', '2000-01-01'), 0);
    assert.equal(ageOn('1999-12-31', '2000-12-31'), 1);
  });

  it('makes someone born on 29 February a year older on 1 March in common years', () => {
    assert.equal(ageOn('2008-02-29', '2024-02-28'), 15);
    assert.equal(ageOn('2008-02-29', '2024-02-29'), 16);
    assert.equal(ageOn('2008-02-29', '2025-02-28'), 16);
    assert.equal(ageOn('2008-02-29', '2025-03-01'), 17);
  });

  it('handles a 1 March birthday in a leap year', () => {
    assert.equal(ageOn('2007-03-01', '2024-02-29'), 16);
    assert.equal(ageOn('2007-03-01', '2024-03-01'), 17);
  });

  it('reads a Date by its local calendar day', () => {
    assert.equal(ageOn('2000-06-15', new Date(2018, 5, 14, 23, 59)), 17);
    assert.equal(ageOn('2000-06-15', new Date(2018, 5, 15, 0, 0)), 18);
    assert.equal(ageOn(new Date(2000, 5, 15), new Date(2018, 5, 15)), 18);
    assert.equal(ageOn(new Date(2000, 5, 15), '2018-06-14'), 17);
  });

  it('returns NaN for an impossible or malformed date', () => {
    assert.ok(Number.isNaN(ageOn('2023-02-29', '2024-01-01')));
    assert.ok(Number.isNaN(ageOn('2000-06-15', '2018-13-01')));
    assert.ok(Number.isNaN(ageOn('15/06/2000', '2018-06-15')));
    assert.ok(Number.isNaN(ageOn('2000-06-15', new Date(Number.NaN))));
    assert.ok(Number.isNaN(ageOn(null as unknown as string, '2018-06-15')));
  });

  it('returns NaN for a birth after the reference date', () => {
    assert.ok(Number.isNaN(ageOn('2018-06-16', '2018-06-15')));
  });
});

describe('parseIsoDate', () => {
  it('reads a date that exists', () => {
    assert.deepEqual(parseIsoDate('1990-04-01'), { year: 1990, month: 4, day: 1 });
    assert.deepEqual(parseIsoDate('2024-02-29'), { year: 2024, month: 2, day: 29 });
    assert.deepEqual(parseIsoDate('2000-02-29'), { year: 2000, month: 2, day: 29 });
    assert.deepEqual(parseIsoDate('2024-12-31'), { year: 2024, month: 12, day: 31 });
  });

  it('rejects dates that do not exist', () => {
    for (const value of [
      '2023-02-29',
      '1900-02-29',
      '2024-02-30',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
      '2024-01-32',
      '0000-01-01',
    ]) {
      assert.equal(parseIsoDate(value), undefined, value);
    }
  });

  it('rejects other date formats', () => {
    for (const value of [
      '',
      '2024-1-05',
      '24-01-05',
      '2024/01/05',
      '05.01.2024',
      ' 2024-01-05',
      '2024-01-05T00:00:00Z',
      '+002024-01-05',
      '２０２４-01-05',
    ]) {
      assert.equal(parseIsoDate(value), undefined, value);
    }
  });

  it('returns undefined for values that are not strings', () => {
    for (const value of [null, undefined, 20240105, new Date(2024, 0, 5), {}]) {
      assert.equal(parseIsoDate(value), undefined);
    }
  });
});
