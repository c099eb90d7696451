import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  addRotationKey,
  generateDataKey,
  KEYRING_FILE,
  loadKeyring,
} from '../src/crypto/keyring.ts';
import { open, seal } from '../src/crypto/sealed-box.ts';
import { KeyringError } from '../src/errors.ts';
import { tempDir } from './support/temp-dir.ts';

test('generates a keyring file with mode 0600 on first run and reuses it after', (t) => {
  const dataDir = tempDir(t);
  const first = loadKeyring({ dataDir, env: {} });
  assert.equal(first.source, 'generated');
  assert.equal(statSync(join(dataDir, KEYRING_FILE)).mode & 0o777, 0o600);
  const second = loadKeyring({ dataDir, env: {} });
  assert.equal(second.source, 'file');
  assert.equal(second.keyring.current.id, first.keyring.current.id);
  assert.deepEqual(second.keyring.current.key, first.keyring.current.key);
});

test('takes the key from UNION_JOIN_DATA_KEY and writes no file', (t) => {
  const dataDir = tempDir(t);
  const key = generateDataKey();
  const { keyring, source } = loadKeyring({
    dataDir,
    env: { UNION_JOIN_DATA_KEY: key.key.toString('base64') },
  });
  assert.equal(source, 'environment');
  assert.equal(keyring.current.id, key.id);
  assert.throws(() => statSync(join(dataDir, KEYRING_FILE)), { code: 'ENOENT' });
});

test('rejects a data key that is not 32 bytes without quoting it', (t) => {
  const secret = Buffer.alloc(16, 7).toString('base64');
  assert.throws(
    () => loadKeyring({ dataDir: tempDir(t), env: { UNION_JOIN_DATA_KEY: secret } }),
    (error: unknown) =>
      error instanceof KeyringError &&
      /UNION_JOIN_DATA_KEY must be base64 of exactly 32/.test(error.message) &&
      !error.message.includes(secret),
  );
  assert.throws(
    () => loadKeyring({ dataDir: tempDir(t), env: { UNION_JOIN_DATA_KEY: 'not base64 at all!' } }),
    KeyringError,
  );
});

test('reads rows sealed under previous keys listed in UNION_JOIN_PREVIOUS_DATA_KEYS', (t) => {
  const old = generateDataKey();
  const current = generateDataKey();
  const oldRing = loadKeyring({
    dataDir: tempDir(t),
    env: { UNION_JOIN_DATA_KEY: old.key.toString('base64') },
  }).keyring;
  const box = seal(oldRing, Buffer.from('hello'), 'row-1');
  const { keyring } = loadKeyring({
    dataDir: tempDir(t),
    env: {
      UNION_JOIN_DATA_KEY: current.key.toString('base64'),
      UNION_JOIN_PREVIOUS_DATA_KEYS: old.key.toString('base64'),
    },
  });
  assert.equal(keyring.current.id, current.id);
  assert.equal(open(keyring, box, 'row-1').toString(), 'hello');
});

test('rotation adds a new current key to the file and keeps the old ones', (t) => {
  const dataDir = tempDir(t);
  const before = loadKeyring({ dataDir, env: {} }).keyring;
  const rotated = addRotationKey({ dataDir, env: {} });
  assert.notEqual(rotated.current.id, before.current.id);
  assert.ok(rotated.get(before.current.id));
  const reloaded = loadKeyring({ dataDir, env: {} }).keyring;
  assert.equal(reloaded.current.id, rotated.current.id);
  assert.deepEqual(reloaded.ids().sort(), [before.current.id, rotated.current.id].sort());
  assert.equal(statSync(join(dataDir, KEYRING_FILE)).mode & 0o777, 0o600);
  assert.equal(JSON.parse(readFileSync(join(dataDir, KEYRING_FILE), 'utf8')).keys.length, 2);
});

test('rotation with an environment key requires UNION_JOIN_NEW_DATA_KEY', (t) => {
  const env = { UNION_JOIN_DATA_KEY: generateDataKey().key.toString('base64') };
  assert.throws(() => addRotationKey({ dataDir: tempDir(t), env }), /UNION_JOIN_NEW_DATA_KEY/);
  const next = generateDataKey();
  const rotated = addRotationKey({
    dataDir: tempDir(t),
    env: { ...env, UNION_JOIN_NEW_DATA_KEY: next.key.toString('base64') },
  });
  assert.equal(rotated.current.id, next.id);
});
