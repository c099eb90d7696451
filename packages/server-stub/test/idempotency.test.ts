import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestServer, submit, validApplication } from './support/test-server.ts';

const count = async (server: ReturnType<typeof createTestServer>) =>
  (await server.storage.listApplications({ formId: 'example-union', limit: 1000 })).length;

test('the same key and body again replays the first answer and stores nothing new', async (t) => {
  const server = createTestServer(t);
  const application = await validApplication();
  const first = await submit(server, application, { key: 'key-1' });
  assert.equal(first.status, 201);
  assert.equal(first.headers.get('idempotent-replayed'), null);
  const firstBody = await first.json();
  server.clock.advance(60_000);
  const again = await submit(server, application, { key: 'key-1' });
  assert.equal(again.status, 201);
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.deepEqual(await again.json(), firstBody);
  assert.equal(await count(server), 1);
});

test('key order and whitespace do not make a body different', async (t) => {
  const server = createTestServer(t);
  const application = await validApplication();
  await submit(server, application, { key: 'key-1' });
  const reordered = Object.fromEntries(Object.entries(application).reverse());
  const again = await submit(server, JSON.stringify(reordered, null, 2), { key: 'key-1' });
  assert.equal(again.status, 201);
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
});

test('the same key with another body is refused with idempotency_key_reused', async (t) => {
  const server = createTestServer(t);
  await submit(server, await validApplication(), { key: 'key-1' });
  const other = await submit(server, await validApplication({ givenName: 'Grace' }), {
    key: 'key-1',
  });
  assert.equal(other.status, 400);
  assert.equal(((await other.json()) as { error: string }).error, 'idempotency_key_reused');
  assert.equal(await count(server), 1);
});

test('a rejected submission stores nothing, so the same key can carry the corrected one', async (t) => {
  const server = createTestServer(t);
  const invalid = await submit(server, await validApplication({ email: 'nope' }), { key: 'key-1' });
  assert.equal(invalid.status, 422);
  const fixed = await submit(server, await validApplication(), { key: 'key-1' });
  assert.equal(fixed.status, 201);
  assert.equal(fixed.headers.get('idempotent-replayed'), null);
});

test('100 identical requests in parallel store exactly one row and all get its id', async (t) => {
  const server = createTestServer(t);
  const application = await validApplication();
  const responses = await Promise.all(
    Array.from({ length: 100 }, () => submit(server, application, { key: 'parallel-key' })),
  );
  assert.deepEqual(new Set(responses.map((response) => response.status)), new Set([201]));
  const ids = new Set(
    await Promise.all(
      responses.map(async (response) => ((await response.json()) as { id: string }).id),
    ),
  );
  assert.equal(ids.size, 1);
  assert.equal(
    responses.filter((response) => response.headers.get('idempotent-replayed') === null).length,
    1,
  );
  assert.equal(await count(server), 1);
});

test('a replay still answers after the data key was rotated', async (t) => {
  const dataDir = (await import('./support/temp-dir.ts')).tempDir(t);
  const application = await validApplication();
  const before = createTestServer(t, { dataDir });
  const first = (await (await submit(before, application, { key: 'key-1' })).json()) as {
    id: string;
  };
  const { rotateDataKey } = await import('../src/crypto/rotate-data-key.ts');
  await rotateDataKey({ dataDir, env: {}, storage: before.storage });
  await before.close();
  const after = createTestServer(t, { dataDir });
  const again = await submit(after, application, { key: 'key-1' });
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.equal(((await again.json()) as { id: string }).id, first.id);
  const other = await submit(after, await validApplication({ givenName: 'Grace' }), {
    key: 'key-1',
  });
  assert.equal(other.status, 400);
});
