import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { AnalyticsStorage } from './analytics-storage.ts';
import { BUSY_TIMEOUT_MS, checkpointNow } from './checkpoint-now.ts';
import { immediateTransaction } from './immediate-transaction.ts';
import { SqliteAnalyticsStorage } from './sqlite-analytics-storage.ts';
import { migrate, SQLITE_MIGRATIONS, type SqliteMigration } from './sqlite-migrations.ts';
import type {
  AccessLogEntry,
  ApplicationQuery,
  ApplicationRecord,
  DeliveryOutcome,
  DeliveryRecord,
  InsertOutcome,
  NewAccessLogEntry,
  PurgeCounts,
  Reseal,
  RetentionPolicy,
  Storage,
} from './storage.ts';

/** File name of the database inside the data directory. */
export const DATABASE_FILE = 'union-join.sqlite';

const DAY_MS = 86_400_000;

type Row = Record<string, unknown>;

function toApplication(row: Row): ApplicationRecord {
  return {
    id: row.id as string,
    formId: row.form_id as string,
    formVersion: row.form_version as number,
    receivedAt: row.received_at as number,
    keyId: row.key_id as string,
    nonce: row.nonce as Uint8Array,
    ciphertext: row.ciphertext as Uint8Array,
    idempotencyKey: row.idempotency_key as string,
    requestHash: row.request_hash as string,
    retrievedAt: (row.retrieved_at as number | null) ?? null,
    deliveredAt: (row.delivered_at as number | null) ?? null,
  };
}

function toDelivery(row: Row): DeliveryRecord {
  return {
    id: row.id as string,
    applicationId: row.application_id as string,
    formId: row.form_id as string,
    status: row.status as DeliveryRecord['status'],
    attempts: row.attempts as number,
    createdAt: row.created_at as number,
    nextAttemptAt: row.next_attempt_at as number,
    lastAttemptAt: (row.last_attempt_at as number | null) ?? null,
    lastStatus: (row.last_status as number | null) ?? null,
    lastError: (row.last_error as string | null) ?? null,
    deliveredAt: (row.delivered_at as number | null) ?? null,
  };
}

/** Options of {@link SqliteStorage}. */
export interface SqliteStorageOptions {
  /** Database file, or `:memory:`. */
  path: string;
  /** Schema changes to apply; defaults to {@link SQLITE_MIGRATIONS}. */
  migrations?: readonly SqliteMigration[];
}

/**
 * {@link Storage} on the embedded `node:sqlite`: WAL journal, full fsync on commit, foreign keys,
 * and `secure_delete` so erased rows are overwritten rather than left in free pages.
 *
 * @example
 * const storage = new SqliteStorage({ path: '.union-join/union-join.sqlite' });
 */
export class SqliteStorage implements Storage {
  /** The open database; for migrations and jobs that extend storage (analytics, say). */
  readonly db: DatabaseSync;
  readonly #pendingInserts: {
    record: ApplicationRecord;
    delivery: DeliveryRecord | undefined;
    resolve: (outcome: InsertOutcome) => void;
    reject: (error: unknown) => void;
  }[] = [];
  readonly analytics: AnalyticsStorage;

  /** Opens (creating if needed) and migrates the database. */
  constructor({ path, migrations = SQLITE_MIGRATIONS }: SqliteStorageOptions) {
    if (path !== ':memory:') {
      mkdirSync(dirname(path), { recursive: true });
      // Created owner-only before SQLite opens it; SQLite gives its WAL and shared-memory files
      // the database file's mode. An existing file keeps the mode its owner chose.
      closeSync(openSync(path, 'a', 0o600));
    }
    this.db = new DatabaseSync(path);
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      PRAGMA foreign_keys = ON;
      PRAGMA secure_delete = ON;
      PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS};
    `);
    migrate(this.db, migrations);
    this.analytics = new SqliteAnalyticsStorage(this.db);
  }

  readonly #statements = new Map<string, StatementSync>();

  /** A prepared statement, compiled once per SQL text. */
  #sql(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Group commit: inserts that arrive in the same turn of the event loop share one transaction and
   * so one fsync, and each promise settles only after that commit is durable.
   */
  insertApplication(record: ApplicationRecord, delivery?: DeliveryRecord): Promise<InsertOutcome> {
    return new Promise((resolve, reject) => {
      this.#pendingInserts.push({ record, delivery, resolve, reject });
      if (this.#pendingInserts.length === 1) setImmediate(() => this.#flushInserts());
    });
  }

  #flushInserts(): void {
    const batch = this.#pendingInserts.splice(0);
    if (batch.length === 0) return;
    let outcomes: (InsertOutcome | { error: unknown })[];
    try {
      outcomes = immediateTransaction(this.db, () =>
        batch.map(({ record, delivery }) => {
          this.db.exec('SAVEPOINT insert_application');
          try {
            const outcome = this.#insertOne(record, delivery);
            this.db.exec('RELEASE insert_application');
            return outcome;
          } catch (error) {
            this.db.exec('ROLLBACK TO insert_application; RELEASE insert_application');
            return { error };
          }
        }),
      );
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, index) => {
      const outcome = outcomes[index]!;
      if ('error' in outcome) item.reject(outcome.error);
      else item.resolve(outcome);
    });
  }

  #insertOne(record: ApplicationRecord, delivery: DeliveryRecord | undefined): InsertOutcome {
    const result = this.#sql(
      `INSERT INTO applications (id, form_id, form_version, received_at, key_id, nonce,
           ciphertext, idempotency_key, request_hash, retrieved_at, delivered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (form_id, idempotency_key) DO NOTHING`,
    ).run(
      record.id,
      record.formId,
      record.formVersion,
      record.receivedAt,
      record.keyId,
      record.nonce,
      record.ciphertext,
      record.idempotencyKey,
      record.requestHash,
      record.retrievedAt,
      record.deliveredAt,
    );
    if (result.changes === 0) {
      const existing = this.#findByIdempotencyKey(record.formId, record.idempotencyKey);
      if (!existing) throw new Error('idempotency conflict without a stored row');
      return { inserted: false, existing };
    }
    if (delivery) this.#insertDelivery(delivery);
    return { inserted: true };
  }

  #insertDelivery(delivery: DeliveryRecord): void {
    this.#sql(
      `INSERT INTO webhook_deliveries (id, application_id, form_id, status, attempts, created_at,
           next_attempt_at, last_attempt_at, last_status, last_error, delivered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      delivery.id,
      delivery.applicationId,
      delivery.formId,
      delivery.status,
      delivery.attempts,
      delivery.createdAt,
      delivery.nextAttemptAt,
      delivery.lastAttemptAt,
      delivery.lastStatus,
      delivery.lastError,
      delivery.deliveredAt,
    );
  }

  #findByIdempotencyKey(formId: string, key: string): ApplicationRecord | undefined {
    const row = this.#sql(
      'SELECT * FROM applications WHERE form_id = ? AND idempotency_key = ?',
    ).get(formId, key);
    return row ? toApplication(row) : undefined;
  }

  async findByIdempotencyKey(formId: string, key: string): Promise<ApplicationRecord | undefined> {
    return this.#findByIdempotencyKey(formId, key);
  }

  async getApplication(id: string): Promise<ApplicationRecord | undefined> {
    const row = this.#sql('SELECT * FROM applications WHERE id = ?').get(id);
    return row ? toApplication(row) : undefined;
  }

  async listApplications(query: ApplicationQuery): Promise<ApplicationRecord[]> {
    const where = ['form_id = ?'];
    const params: SQLInputValue[] = [query.formId];
    if (query.receivedFrom !== undefined) {
      where.push('received_at >= ?');
      params.push(query.receivedFrom);
    }
    if (query.receivedBefore !== undefined) {
      where.push('received_at < ?');
      params.push(query.receivedBefore);
    }
    if (query.after) {
      where.push('(received_at > ? OR (received_at = ? AND id > ?))');
      params.push(query.after.receivedAt, query.after.receivedAt, query.after.id);
    }
    params.push(query.limit);
    return this.#sql(
      `SELECT * FROM applications WHERE ${where.join(' AND ')}
         ORDER BY received_at, id LIMIT ?`,
    )
      .all(...params)
      .map(toApplication);
  }

  async deleteApplication(id: string): Promise<boolean> {
    const deleted = immediateTransaction(this.db, () => {
      // Deliveries go with it through ON DELETE CASCADE.
      return this.#sql('DELETE FROM applications WHERE id = ?').run(id).changes > 0;
    });
    // The write-ahead log still holds the pages as they were before the erasure (the sealed row,
    // which the data key opens); copy the erased pages into the main file and empty the log.
    if (deleted) this.#emptyLog();
    return deleted;
  }

  async markRetrieved(id: string, at: number): Promise<ApplicationRecord | undefined> {
    this.#sql('UPDATE applications SET retrieved_at = ? WHERE id = ? AND retrieved_at IS NULL').run(
      at,
      id,
    );
    return this.getApplication(id);
  }

  async listDeliveries(applicationId: string): Promise<DeliveryRecord[]> {
    return this.#sql(
      'SELECT * FROM webhook_deliveries WHERE application_id = ? ORDER BY created_at, id',
    )
      .all(applicationId)
      .map(toDelivery);
  }

  async claimDueDeliveries(now: number, leaseMs: number, limit: number): Promise<DeliveryRecord[]> {
    return immediateTransaction(this.db, () => {
      const due = this.#sql(
        `SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?
           ORDER BY next_attempt_at, id LIMIT ?`,
      )
        .all(now, limit)
        .map(toDelivery);
      const lease = this.#sql('UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ?');
      for (const delivery of due) lease.run(now + leaseMs, delivery.id);
      return due;
    });
  }

  async recordDeliveryAttempt(
    deliveryId: string,
    at: number,
    outcome: DeliveryOutcome,
    accessLog?: NewAccessLogEntry,
  ): Promise<void> {
    immediateTransaction(this.db, () => {
      const delivered = outcome.kind === 'delivered';
      this.#sql(
        `UPDATE webhook_deliveries SET
             status = ?, attempts = attempts + 1, last_attempt_at = ?, last_status = ?,
             last_error = ?, next_attempt_at = ?, delivered_at = ?
           WHERE id = ?`,
      ).run(
        outcome.kind === 'retry' ? 'pending' : outcome.kind,
        at,
        outcome.httpStatus,
        delivered ? null : outcome.error,
        outcome.kind === 'retry' ? outcome.nextAttemptAt : at,
        delivered ? at : null,
        deliveryId,
      );
      if (delivered) {
        this.#sql(
          `UPDATE applications SET delivered_at = ? WHERE delivered_at IS NULL
               AND id = (SELECT application_id FROM webhook_deliveries WHERE id = ?)`,
        ).run(at, deliveryId);
      }
      if (accessLog) this.#appendAccessLog(accessLog);
    });
  }

  async appendAccessLog(entry: NewAccessLogEntry): Promise<void> {
    this.#appendAccessLog(entry);
  }

  #appendAccessLog(entry: NewAccessLogEntry): void {
    this.#sql(
      `INSERT INTO access_log (at, actor, action, form_id, application_ids, count, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      entry.at,
      entry.actor,
      entry.action,
      entry.formId,
      JSON.stringify(entry.applicationIds),
      entry.count,
      entry.reason ?? null,
    );
  }

  async listAccessLog(afterSeq: number, limit: number): Promise<AccessLogEntry[]> {
    return this.#sql('SELECT * FROM access_log WHERE seq > ? ORDER BY seq LIMIT ?')
      .all(afterSeq, limit)
      .map((row) => ({
        seq: row.seq as number,
        at: row.at as number,
        actor: row.actor as string,
        action: row.action as string,
        formId: (row.form_id as string | null) ?? null,
        applicationIds: JSON.parse(row.application_ids as string) as string[],
        count: row.count as number,
        reason: (row.reason as string | null) ?? null,
      }));
  }

  async purgeExpired(policy: RetentionPolicy): Promise<PurgeCounts> {
    const counts = immediateTransaction(this.db, () => {
      let handled = 0;
      const formIds = this.#sql('SELECT DISTINCT form_id FROM applications')
        .all()
        .map((row) => row.form_id as string);
      const deleteHandled = this.#sql(
        `DELETE FROM applications WHERE form_id = ?
           AND COALESCE(MIN(retrieved_at, delivered_at), retrieved_at, delivered_at) <= ?`,
      );
      for (const formId of formIds) {
        const days = policy.retentionDaysByForm.get(formId) ?? policy.defaultRetentionDays;
        handled += deleteHandled.run(formId, policy.now - days * DAY_MS).changes as number;
      }
      const unhandled = this.#sql(
        `DELETE FROM applications
           WHERE retrieved_at IS NULL AND delivered_at IS NULL AND received_at <= ?`,
      ).run(policy.now - policy.undeliveredMaxDays * DAY_MS).changes as number;
      return { handled, unhandled };
    });
    // Move erased pages out of the write-ahead log into the (securely deleted) main file.
    if (counts.handled + counts.unhandled > 0) this.#emptyLog();
    return counts;
  }

  async keyIdsInUse(): Promise<string[]> {
    return this.#sql(
      `SELECT key_id AS id FROM applications
         UNION SELECT substr(request_hash, 1, instr(request_hash, ':') - 1) FROM applications`,
    )
      .all()
      .map((row) => row.id as string);
  }

  async resealApplications(currentKeyId: string, reseal: Reseal): Promise<number> {
    const count = immediateTransaction(this.db, () => {
      const rows = this.#sql(
        `SELECT * FROM applications
           WHERE key_id != ? OR substr(request_hash, 1, instr(request_hash, ':') - 1) != ?`,
      )
        .all(currentKeyId, currentKeyId)
        .map(toApplication);
      const update = this.#sql(
        'UPDATE applications SET key_id = ?, nonce = ?, ciphertext = ?, request_hash = ? WHERE id = ?',
      );
      for (const row of rows) {
        const next = reseal(row);
        update.run(next.keyId, next.nonce, next.ciphertext, next.requestHash, row.id);
      }
      return rows.length;
    });
    if (count > 0) this.#emptyLog();
    return count;
  }

  /** Set while a checkpoint blocked by a reader waits to be tried again. */
  #logRetry: ReturnType<typeof setTimeout> | undefined;

  /**
   * Empties the write-ahead log so it keeps no copy of an erased row; a checkpoint that a reader
   * (a backup, say) blocks is tried again every second until the log is empty.
   */
  #emptyLog(): void {
    clearTimeout(this.#logRetry);
    this.#logRetry = undefined;
    if (!this.db.isOpen) return;
    const busy = !checkpointNow(this.db);
    if (busy) {
      this.#logRetry = setTimeout(() => this.#emptyLog(), 1_000);
      this.#logRetry.unref();
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.#logRetry);
    if (!this.db.isOpen) return;
    this.#flushInserts();
    this.db.close();
  }
}
