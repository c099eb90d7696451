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

test('an erasure during a backup leaves the erased row in the WAL only until the backup is done', async (t) => {
  const server = createTestServer(t, {
    settings: { webhook: { url: 'https://crm.example/hook', secret: 's'.repeat(32) } },
  });
  const response = await submit(server, await validApplication({ givenName: 'Ada' }), {
    key: 'erasure-during-backup',
  });
  const { id } = (await response.json()) as { id: string };
  const erasedTraces = traces(server, id);

  // A backup (`sqlite3 .backup`, say) holds a read transaction on the database meanwhile.
  const backup = new DatabaseSync(server.databaseFile);
  backup.exec('BEGIN');
  backup.prepare('SELECT count(*) FROM applications').get();
  try {
    const erased = await admin(server, `/v1/applications/${id}`, { method: 'DELETE' });
    assert.equal(erased.status, 204);
    // Other requests are answered while the log waits for the backup.
    assert.equal((await server.app.request('/v1/forms/example-union')).status, 200);
  } finally {
    backup.exec('COMMIT');
    backup.close();
  }
  await waitUntil(() => found(server.dataDir, erasedTraces).length === 0);
  assert.deepEqual(found(server.dataDir, erasedTraces), [], 'nothing of the erased row is left');
});

async function waitUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 100));
}
