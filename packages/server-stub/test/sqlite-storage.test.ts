import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { test } from 'node:test';
import { SqliteStorage } from '../src/storage/sqlite-storage.ts';
import { SQLITE_MIGRATIONS } from '../src/storage/sqlite-migrations.ts';
import type { ApplicationRecord, DeliveryRecord } from '../src/storage/storage.ts';
import { tempDir } from './support/temp-dir.ts';

const DAY = 86_400_000;

function record(overrides: Partial<ApplicationRecord> = {}): ApplicationRecord {
  return {
    id: randomUUID(),
    formId: 'example-union',
    formVersion: 3,
    receivedAt: 1_000,
    keyId: 'k1',
    nonce: new Uint8Array(12),
    ciphertext: new Uint8Array([1, 2, 3]),
    idempotencyKey: randomUUID(),
    requestHash: 'k1:abc',
    retrievedAt: null,
    deliveredAt: null,
    ...overrides,
  };
}

function delivery(applicationId: string, overrides: Partial<DeliveryRecord> = {}): DeliveryRecord {
  return {
    id: randomUUID(),
    applicationId,
    formId: 'example-union',
    status: 'pending',
    attempts: 0,
    createdAt: 1_000,
    nextAttemptAt: 1_000,
    lastAttemptAt: null,
    lastStatus: null,
    lastError: null,
    deliveredAt: null,
    ...overrides,
  };
}

test('applies each migration once and records its version', async (t) => {
  const path = join(tempDir(t), 'db.sqlite');
  await new SqliteStorage({ path }).close();
  const storage = new SqliteStorage({ path });
  const rows = storage.db.prepare('SELECT version FROM schema_migrations').all();
  assert.deepEqual(
    rows.map((row) => row.version),
    SQLITE_MIGRATIONS.map((migration) => migration.version),
  );
  assert.equal(
    (storage.db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode,
    'wal',
  );
  await storage.close();
});

test('a later migration extends the schema of an existing database', async (t) => {
  const path = join(tempDir(t), 'db.sqlite');
  await new SqliteStorage({ path }).close();
  const extended = [
    ...SQLITE_MIGRATIONS,
    { version: 99, name: 'extra', sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT' },
  ];
  const storage = new SqliteStorage({ path, migrations: extended });
  assert.ok(storage.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'extra'").get());
  await storage.close();
});

test('stores one row per form and idempotency key and returns the existing one', async () => {
  const storage = new SqliteStorage({ path: ':memory:' });
  const first = record({ idempotencyKey: 'key-1' });
  assert.deepEqual(await storage.insertApplication(first), { inserted: true });
  const second = record({ idempotencyKey: 'key-1' });
  const outcome = await storage.insertApplication(second, delivery(second.id));
  assert.equal(outcome.inserted, false);
  assert.equal(!outcome.inserted && outcome.existing.id, first.id);
  assert.deepEqual(await storage.listDeliveries(second.id), []);
  const otherForm = record({ idempotencyKey: 'key-1', formId: 'other-form' });
  assert.deepEqual(await storage.insertApplication(otherForm), { inserted: true });
  await storage.close();
});

test('the access log refuses updates and deletes', async () => {
  const storage = new SqliteStorage({ path: ':memory:' });
  await storage.appendAccessLog({
    at: 1,
    actor: 'alice',
    action: 'read',
    formId: 'f',
    applicationIds: ['a'],
    count: 1,
  });
  assert.throws(() => storage.db.exec("UPDATE access_log SET actor = 'mallory'"), /append-only/);
  assert.throws(() => storage.db.exec('DELETE FROM access_log'), /append-only/);
  const [entry] = await storage.listAccessLog(0, 10);
  assert.equal(entry?.actor, 'alice');
  assert.deepEqual(entry?.applicationIds, ['a']);
  await storage.close();
});

test('deleting an application deletes its deliveries', async () => {
  const storage = new SqliteStorage({ path: ':memory:' });
  const row = record();
  await storage.insertApplication(row, delivery(row.id));
  assert.equal((await storage.listDeliveries(row.id)).length, 1);
  assert.equal(await storage.deleteApplication(row.id), true);
  assert.equal(await storage.deleteApplication(row.id), false);
  assert.equal(storage.db.prepare('SELECT COUNT(*) AS n FROM webhook_deliveries').get()?.n, 0);
  await storage.close();
});

test('claiming a delivery leases it so a second claim does not get it', async () => {
  const storage = new SqliteStorage({ path: ':memory:' });
  const row = record();
  await storage.insertApplication(row, delivery(row.id));
  assert.equal((await storage.claimDueDeliveries(2_000, 60_000, 10)).length, 1);
  assert.equal((await storage.claimDueDeliveries(2_000, 60_000, 10)).length, 0);
  assert.equal((await storage.claimDueDeliveries(62_000, 60_000, 10)).length, 1);
  await storage.close();
});

test('a delivered attempt sets the application delivered time once', async () => {
  const storage = new SqliteStorage({ path: ':memory:' });
  const row = record();
  const queued = delivery(row.id);
  await storage.insertApplication(row, queued);
  await storage.recordDeliveryAttempt(queued.id, 5_000, { kind: 'delivered', httpStatus: 204 });
  assert.equal((await storage.getApplication(row.id))?.deliveredAt, 5_000);
  const [after] = await storage.listDeliveries(row.id);
  assert.equal(after?.status, 'delivered');
  assert.equal(after?.attempts, 1);
  await storage.close();
});

test('purges by retention per form and leaves younger rows', async () => {
  const storage = new SqliteStorage({ path: ':memory:' });
  const now = 200 * DAY;
  const rows = {
    retrievedLongAgo: record({ retrievedAt: now - 61 * DAY }),
    retrievedRecently: record({ retrievedAt: now - 59 * DAY }),
    deliveredLongAgoRetrievedLater: record({ deliveredAt: now - 61 * DAY, retrievedAt: now - DAY }),
    shortRetentionForm: record({ formId: 'short', retrievedAt: now - 8 * DAY }),
    neverHandledOld: record({ receivedAt: now - 91 * DAY }),
    neverHandledYoung: record({ receivedAt: now - 89 * DAY }),
  };
  for (const row of Object.values(rows)) await storage.insertApplication(row);
  const counts = await storage.purgeExpired({
    now,
    defaultRetentionDays: 60,
    retentionDaysByForm: new Map([['short', 7]]),
    undeliveredMaxDays: 90,
  });
  assert.deepEqual(counts, { handled: 3, unhandled: 1 });
  const left = new Set(
    storage.db
      .prepare('SELECT id FROM applications')
      .all()
      .map((row) => row.id),
  );
  assert.deepEqual(left, new Set([rows.retrievedRecently.id, rows.neverHandledYoung.id]));
  await storage.close();
});

test('the database file is a plain SQLite file other tools can open', async (t) => {
  const path = join(tempDir(t), 'db.sqlite');
  const storage = new SqliteStorage({ path });
  await storage.insertApplication(record());
  await storage.close();
  const raw = new DatabaseSync(path, { readOnly: true });
  assert.equal(raw.prepare('SELECT COUNT(*) AS n FROM applications').get()?.n, 1);
  raw.close();
});

test('a new database, its WAL and shared memory are readable by the owner only, whatever the directory allows', async (t) => {
  // A data directory that already exists (a mounted volume, say) keeps its own, looser mode.
  const dir = tempDir(t);
  chmodSync(dir, 0o755);
  const storage = new SqliteStorage({ path: join(dir, 'db.sqlite') });
  await storage.insertApplication(record());
  const modes = Object.fromEntries(
    readdirSync(dir).map((name) => [name, (statSync(join(dir, name)).mode & 0o777).toString(8)]),
  );
  assert.deepEqual(modes, { 'db.sqlite': '600', 'db.sqlite-wal': '600', 'db.sqlite-shm': '600' });
  await storage.close();
});
