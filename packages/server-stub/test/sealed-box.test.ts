import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateDataKey, Keyring } from '../src/crypto/keyring.ts';
import { open, seal } from '../src/crypto/sealed-box.ts';
import { DecryptionError } from '../src/errors.ts';

const keyring = new Keyring(generateDataKey());

test('opens what it sealed, with a fresh nonce every time', () => {
  const a = seal(keyring, Buffer.from('secret answer'), 'row-1');
  const b = seal(keyring, Buffer.from('secret answer'), 'row-1');
  assert.equal(open(keyring, a, 'row-1').toString(), 'secret answer');
  assert.notDeepEqual(a.nonce, b.nonce);
  assert.notDeepEqual(a.ciphertext, b.ciphertext);
  assert.ok(!Buffer.from(a.ciphertext).includes('secret answer'));
});

test('refuses a box moved to another row', () => {
  const box = seal(keyring, Buffer.from('x'), 'row-1');
  assert.throws(() => open(keyring, box, 'row-2'), DecryptionError);
});

test('refuses a tampered ciphertext', () => {
  const box = seal(keyring, Buffer.from('hello'), 'row-1');
  const ciphertext = Buffer.from(box.ciphertext);
  ciphertext[0] = ciphertext[0]! ^ 1;
  assert.throws(() => open(keyring, { ...box, ciphertext }, 'row-1'), DecryptionError);
});

test('names a missing key in its error', () => {
  const box = seal(new Keyring(generateDataKey()), Buffer.from('x'), 'row-1');
  assert.throws(
    () => open(keyring, box, 'row-1'),
    new RegExp(`${box.keyId} is not in the keyring`),
  );
});
