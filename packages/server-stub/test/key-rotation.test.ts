import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../src/cli.ts';
import { generateDataKey } from '../src/crypto/keyring.ts';
import { KeyringError } from '../src/errors.ts';
import { openDataDir } from '../src/server.ts';
import { silentLogger } from '../src/logger.ts';
import { admin, createTestServer, submit, validApplication } from './support/test-server.ts';
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
