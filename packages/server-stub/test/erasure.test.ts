import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { test } from 'node:test';
import { admin, createTestServer, submit, validApplication } from './support/test-server.ts';
import type { TestServer } from './support/test-server.ts';

/** Byte strings that identify one stored application, read straight from its row. */
function traces(server: TestServer, id: string): Record<string, Buffer> {
  const db = new DatabaseSync(server.databaseFile, { readOnly: true });
  try {
    const row = db
      .prepare('SELECT ciphertext, request_hash, idempotency_key FROM applications WHERE id = ?')
      .get(id) as { ciphertext: Uint8Array; request_hash: string; idempotency_key: string };
    const delivery = db
      .prepare('SELECT id FROM webhook_deliveries WHERE application_id = ?')
      .get(id) as { id: string };
    return {
      ciphertext: Buffer.from(row.ciphertext).subarray(0, 48),
      requestHash: Buffer.from(row.request_hash),
      idempotencyKey: Buffer.from(row.idempotency_key),
      deliveryId: Buffer.from(delivery.id),
    };
  } finally {
    db.close();
  }
}

/** Which of `needles` any file in the data directory (database, WAL, shared memory) still holds. */
function found(dataDir: string, needles: Record<string, Buffer>): string[] {
  const files = readdirSync(dataDir).map((name) => readFileSync(join(dataDir, name)));
  return Object.entries(needles)
    .filter(([, needle]) => files.some((bytes) => bytes.includes(needle)))
    .map(([name]) => name);
}

test('an erased application leaves no copy of its row in the database files, WAL included', async (t) => {
  const server = createTestServer(t, {
    settings: { webhook: { url: 'https://crm.example/hook', secret: 's'.repeat(32) } },
  });
  const ids: string[] = [];
  for (const givenName of ['Ada', 'Grace', 'Edsger']) {
    const response = await submit(server, await validApplication({ givenName }), {
      key: `erasure-key-${givenName}`,
    });
    ids.push(((await response.json()) as { id: string }).id);
  }
  const [erased = '', kept = ''] = ids;
  const erasedTraces = traces(server, erased);
  const keptTraces = traces(server, kept);
  assert.deepEqual(found(server.dataDir, erasedTraces), Object.keys(erasedTraces), 'stored');

  const response = await admin(server, `/v1/applications/${erased}`, { method: 'DELETE' });
  assert.equal(response.status, 204);

  assert.deepEqual(found(server.dataDir, erasedTraces), [], 'nothing of the erased row is left');
  assert.deepEqual(found(server.dataDir, keptTraces), Object.keys(keptTraces), 'others are kept');
  assert.equal((await admin(server, `/v1/applications/${kept}`)).status, 200);
});
