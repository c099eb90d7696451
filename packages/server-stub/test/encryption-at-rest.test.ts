import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { admin, createTestServer, submit, validApplication } from './support/test-server.ts';

const CANARY = 'Quetzalcoatl-canary-58e2c4';

/** Every encoding the canary could be stored in. */
const needles = [
  Buffer.from(CANARY, 'utf8'),
  Buffer.from(CANARY, 'utf16le'),
  Buffer.from(CANARY.toLowerCase()),
];

function filesContaining(dir: string): string[] {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((file) => needles.some((needle) => readFileSync(file).includes(needle)));
}

test('no answer is readable in the raw database files, WAL included', async (t) => {
  const server = createTestServer(t, {
    settings: { webhook: { url: 'https://crm.example/hook', secret: 's'.repeat(32) } },
  });
  for (let i = 0; i < 20; i++) {
    const response = await submit(
      server,
      await validApplication({
        givenName: `${CANARY}-${i}`,
        email: `${CANARY.toLowerCase()}@example.org`,
        employer: CANARY,
      }),
    );
    assert.equal(response.status, 201);
  }
  const list = await admin(server, '/v1/forms/example-union/applications?limit=100');
  assert.ok((await list.text()).includes(CANARY), 'the data is there to be found');
  assert.ok(existsSync(`${server.databaseFile}-wal`), 'the write-ahead log exists while open');
  assert.deepEqual(filesContaining(server.dataDir), []);
  await server.close();
  assert.deepEqual(filesContaining(server.dataDir), []);
});
