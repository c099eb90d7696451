import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  APPLICATION_ID,
  CROCKFORD_ALPHABET,
  newApplicationId,
  normaliseApplicationId,
} from '../src/storage/application-id.ts';

test('a new id is 16 Crockford base32 characters', () => {
  for (let i = 0; i < 100; i++) {
    const id = newApplicationId();
    assert.equal(id.length, 16);
    assert.match(id, APPLICATION_ID);
    assert.doesNotMatch(id, /[ILOU]/);
  }
});

test('new ids carry 80 random bits: every symbol turns up in the first and the last place', () => {
  const ids = Array.from({ length: 3000 }, newApplicationId);
  assert.equal(new Set(ids).size, ids.length);
  // 80 bits make exactly 16 symbols of 5 bits, so each place is uniform over all 32 symbols;
  // missing one in 3000 draws has a probability of about 1e-40.
  for (const place of [0, 15]) {
    const seen = new Set(ids.map((id) => id[place]));
    assert.equal([...seen].sort().join(''), CROCKFORD_ALPHABET, `place ${place}`);
  }
});

test('an id typed by staff is read in any case, grouped, and with O, I or L for 0 and 1', () => {
  const id = '7ZK3M9QH2XW4TB01';
  for (const typed of [
    id,
    '7zk3m9qh2xw4tb01',
    '7ZK3-M9QH-2XW4-TB01',
    '7zk3-m9qh-2xw4-tb01',
    ' 7ZK3 M9QH 2XW4 TB01 ',
    '7ZK3-M9QH-2XW4-TBOI',
    '7zk3-m9qh-2xw4-tbol',
  ]) {
    assert.equal(normaliseApplicationId(typed), id, typed);
  }
});

test('ids issued as UUIDs before are still found, in lower case', () => {
  assert.equal(
    normaliseApplicationId('5F0C6A2E-8D3B-4C71-9A4E-2B7F1D3C8E90'),
    '5f0c6a2e-8d3b-4c71-9a4e-2b7f1d3c8e90',
  );
});

test('anything else is not an id', () => {
  for (const typed of [
    '',
    '7ZK3M9QH2XW4TB0',
    '7ZK3M9QH2XW4TB012',
    '7ZK3M9QH2XW4TB0U',
    '7ZK3M9QH2XW4TB0*',
    '../../etc/passwd',
    '5f0c6a2e8d3b4c719a4e2b7f1d3c8e90',
  ]) {
    assert.equal(normaliseApplicationId(typed), undefined, typed);
  }
});
