import type { DatabaseSync } from 'node:sqlite';
import { ANALYTICS_TABLES_SQL } from './analytics-migration.ts';
import { immediateTransaction } from './immediate-transaction.ts';

/** One forward-only schema change; applied once, in order, inside a transaction. */
export interface SqliteMigration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema, as an append-only list: add a new entry with the next version to change it (never
 * edit an applied one). Timestamps are INTEGER milliseconds since the epoch.
 */
export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'applications, webhook outbox, access log',
    sql: `
      CREATE TABLE applications (
        id TEXT PRIMARY KEY,
        form_id TEXT NOT NULL,
        form_version INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        key_id TEXT NOT NULL,
        nonce BLOB NOT NULL,
        ciphertext BLOB NOT NULL,
        idempotency_key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        retrieved_at INTEGER,
        delivered_at INTEGER,
        UNIQUE (form_id, idempotency_key)
      ) STRICT;
      CREATE INDEX applications_by_form ON applications (form_id, received_at, id);

      CREATE TABLE webhook_deliveries (
        id TEXT PRIMARY KEY,
        application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        form_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        next_attempt_at INTEGER NOT NULL,
        last_attempt_at INTEGER,
        last_status INTEGER,
        last_error TEXT,
        delivered_at INTEGER
      ) STRICT;
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
      CREATE INDEX webhook_deliveries_by_application ON webhook_deliveries (application_id);

      CREATE TABLE access_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        form_id TEXT,
        application_ids TEXT NOT NULL,
        count INTEGER NOT NULL
      ) STRICT;
      CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
        BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;
      CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
        BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;
    `,
  },
  {
    version: 2,
    name: 'step analytics: raw events and daily aggregates',
    sql: ANALYTICS_TABLES_SQL,
  },
  {
    version: 3,
    name: 'access log: why staff read, exported or erased',
    sql: 'ALTER TABLE access_log ADD COLUMN reason TEXT;',
  },
];

/** Applies every migration newer than the database's version; returns the versions applied. */
export function migrate(
  db: DatabaseSync,
  migrations: readonly SqliteMigration[] = SQLITE_MIGRATIONS,
  now: number = Date.now(),
): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as {
    version: number | null;
  };
  const current = row.version ?? 0;
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    immediateTransaction(db, () => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        now,
      );
    });
    applied.push(migration.version);
  }
  return applied;
}
