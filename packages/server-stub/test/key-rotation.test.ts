import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../src/cli.ts';
import { generateDataKey } from '../src/crypto/keyring.ts';
import { KeyringError } from '../src/errors.ts';
import { openDataDir } from '../src/server.ts';
import { createJsonLogger, silentLogger } from '../src/logger.ts';
import {
  admin,
  createTestServer,
  FORMS_DIR,
  submit,
  validApplication,
} from './support/test-server.ts';
import { tempDir } from './support/temp-dir.ts';

async function submitThree(server: ReturnType<typeof createTestServer>): Promise<string[]> {
  const ids: string[] = [];
  for (const name of ['Ada', 'Grace', 'Katherine']) {
    const response = await submit(server, await validApplication({ givenName: name }));
    ids.push(((await response.json()) as { id: string }).id);
  }
  return ids;
}

test('rotate-key re-encrypts every row under a new key that the keyring file keeps', async (t) => {
  const dataDir = tempDir(t);
  const before = createTestServer(t, { dataDir });
  const oldKeyId = before.keyring.current.id;
  const ids = await submitThree(before);
  await before.close();

  const output: string[] = [];
  const code = await main(
    ['rotate-key', '--data', dataDir],
    {},
    {
      out: (text) => output.push(text),
      err: () => {},
    },
  );
  assert.equal(code, 0);
  assert.match(output.join(''), /Re-encrypted 3 applications under key k[0-9a-f]{16}/);

  const after = createTestServer(t, { dataDir });
  assert.notEqual(after.keyring.current.id, oldKeyId);
  const rows = after.storage.db.prepare('SELECT key_id, request_hash FROM applications').all();
  assert.equal(rows.length, 3);
  for (const row of rows) {
    assert.equal(row.key_id, after.keyring.current.id);
    assert.ok(String(row.request_hash).startsWith(`${after.keyring.current.id}:`));
  }
  const names = [];
  for (const id of ids) {
    const body = (await (await admin(after, `/v1/applications/${id}`)).json()) as {
      application: { answers: { givenName: string } };
    };
    names.push(body.application.answers.givenName);
  }
  assert.deepEqual(names, ['Ada', 'Grace', 'Katherine']);
  const file = JSON.parse(readFileSync(join(dataDir, 'keyring.json'), 'utf8')) as {
    keys: unknown[];
  };
  assert.equal(file.keys.length, 2);
  const log = await after.storage.listAccessLog(0, 10);
  assert.ok(log.some((entry) => entry.action === 'data_key.rotate' && entry.count === 3));
});

test('with keys from the environment, rotation moves rows to UNION_JOIN_NEW_DATA_KEY', async (t) => {
  const dataDir = tempDir(t);
  const oldKey = generateDataKey().key.toString('base64');
  const newKey = generateDataKey().key.toString('base64');
  const before = createTestServer(t, { dataDir, env: { UNION_JOIN_DATA_KEY: oldKey } });
  await submitThree(before);
  await before.close();

  const output: string[] = [];
  const env = { UNION_JOIN_DATA_KEY: oldKey, UNION_JOIN_NEW_DATA_KEY: newKey };
  assert.equal(
    await main(['rotate-key', '--data', dataDir], env, {
      out: (s) => output.push(s),
      err: () => {},
    }),
    0,
  );
  assert.match(output.join(''), /set UNION_JOIN_DATA_KEY to the value of UNION_JOIN_NEW_DATA_KEY/);

  // The old key is no longer needed by any row.
  const { storage } = await openDataDir(dataDir, { UNION_JOIN_DATA_KEY: newKey }, silentLogger);
  assert.equal((await storage.listApplications({ formId: 'example-union', limit: 10 })).length, 3);
  await storage.close();
});

test('refuses to start when stored rows need a key the keyring lacks', async (t) => {
  const dataDir = tempDir(t);
  const before = createTestServer(t, {
    dataDir,
    env: { UNION_JOIN_DATA_KEY: generateDataKey().key.toString('base64') },
  });
  await submitThree(before);
  await before.close();
  await assert.rejects(
    openDataDir(
      dataDir,
      { UNION_JOIN_DATA_KEY: generateDataKey().key.toString('base64') },
      silentLogger,
    ),
    (error: unknown) =>
      error instanceof KeyringError && /UNION_JOIN_PREVIOUS_DATA_KEYS/.test(error.message),
  );
});

async function runCli(argv: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, env, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join(''), err: err.join('') };
}

test('a start refused because keyring.json is gone leaves no new keyring.json behind', async (t) => {
  const dataDir = tempDir(t);
  const before = createTestServer(t, { dataDir });
  await submitThree(before);
  await before.close();
  rmSync(join(dataDir, 'keyring.json'));
  await assert.rejects(openDataDir(dataDir, {}, silentLogger), KeyringError);
  assert.equal(existsSync(join(dataDir, 'keyring.json')), false);
  const rotation = await runCli(['rotate-key', '--data', dataDir], {});
  assert.equal(rotation.code, 1);
  assert.match(rotation.err, /keyring does not hold/);
  assert.equal(existsSync(join(dataDir, 'keyring.json')), false);
});

test('rotate-key with UNION_JOIN_NEW_DATA_KEY but no UNION_JOIN_DATA_KEY is refused and writes nothing', async (t) => {
  const dataDir = tempDir(t);
  const newKey = generateDataKey().key.toString('base64');
  const { code, err } = await runCli(['rotate-key', '--data', dataDir], {
    UNION_JOIN_NEW_DATA_KEY: newKey,
  });
  assert.equal(code, 2);
  assert.match(err, /UNION_JOIN_NEW_DATA_KEY is set but UNION_JOIN_DATA_KEY is not/);
  assert.ok(!err.includes(newKey));
  assert.equal(existsSync(join(dataDir, 'keyring.json')), false);
});

test('refuses to start when UNION_JOIN_DATA_KEY is unrelated to the keys the stored rows use, naming key ids only', async (t) => {
  const dataDir = tempDir(t);
  const before = createTestServer(t, { dataDir });
  const fileKeyId = before.keyring.current.id;
  await submitThree(before);
  await before.close();
  const stranger = generateDataKey();
  const encoded = stranger.key.toString('base64');
  await assert.rejects(
    openDataDir(dataDir, { UNION_JOIN_DATA_KEY: encoded }, silentLogger),
    (error: unknown) =>
      error instanceof KeyringError &&
      error.message.includes(stranger.id) &&
      error.message.includes(fileKeyId) &&
      /keyring\.json/.test(error.message) &&
      !error.message.includes(encoded),
  );
  const start = await runCli(['--data', dataDir, '--forms', FORMS_DIR, '--port', '0'], {
    UNION_JOIN_DATA_KEY: encoded,
  });
  assert.equal(start.code, 1);
  assert.match(start.err, /is not the current key of keyring\.json/);
});

test("UNION_JOIN_DATA_KEY equal to keyring.json's key, or the key rotated to, starts", async (t) => {
  const dataDir = tempDir(t);
  const before = createTestServer(t, { dataDir });
  await submitThree(before);
  await before.close();
  const file = JSON.parse(readFileSync(join(dataDir, 'keyring.json'), 'utf8')) as {
    keys: { key: string }[];
  };
  const fileKey = file.keys[0]!.key;
  const same = await openDataDir(dataDir, { UNION_JOIN_DATA_KEY: fileKey }, silentLogger);
  await same.storage.close();

  const newKey = generateDataKey().key.toString('base64');
  const rotation = await runCli(['rotate-key', '--data', dataDir], {
    UNION_JOIN_DATA_KEY: fileKey,
    UNION_JOIN_NEW_DATA_KEY: newKey,
  });
  assert.equal(rotation.code, 0, rotation.err);
  const after = await openDataDir(dataDir, { UNION_JOIN_DATA_KEY: newKey }, silentLogger);
  assert.equal(
    (await after.storage.listApplications({ formId: 'example-union', limit: 10 })).length,
    3,
  );
  await after.storage.close();
});

test("with nothing stored yet, a UNION_JOIN_DATA_KEY other than keyring.json's starts with a warning naming both key ids", async (t) => {
  const dataDir = tempDir(t);
  const fileKeyId = createTestServer(t, { dataDir }).keyring.current.id;
  const stranger = generateDataKey();
  const lines: string[] = [];
  const opened = await openDataDir(
    dataDir,
    { UNION_JOIN_DATA_KEY: stranger.key.toString('base64') },
    createJsonLogger((line) => lines.push(line)),
  );
  await opened.storage.close();
  const warning = lines
    .map(
      (line) =>
        JSON.parse(line) as { level: string; event: string; keyId?: string; fileKeyId?: string },
    )
    .find((line) => line.event === 'data_key_not_keyring_file_key');
  assert.equal(warning?.level, 'warn');
  assert.equal(warning?.keyId, stranger.id);
  assert.equal(warning?.fileKeyId, fileKeyId);
  assert.ok(!lines.join('').includes(stranger.key.toString('base64')));
});

test('a data key that is not base64 of 32 bytes is a bad setting (exit 2), named without its value', async (t) => {
  for (const name of ['UNION_JOIN_DATA_KEY', 'UNION_JOIN_PREVIOUS_DATA_KEYS']) {
    const dataDir = tempDir(t);
    const { code, err } = await runCli(['--data', dataDir, '--port', '0'], {
      [name]: 'not-a-key-at-all',
    });
    assert.equal(code, 2, name);
    assert.match(err, new RegExp(`${name}.* must be base64 of exactly 32 random bytes`));
    assert.ok(!err.includes('not-a-key-at-all'));
    assert.equal(existsSync(join(dataDir, 'keyring.json')), false);
  }
});
