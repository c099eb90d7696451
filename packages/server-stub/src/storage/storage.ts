// The narrow persistence boundary of the server. Everything is async so that a networked database
// (PostgreSQL, say) can implement it; the embedded SQLite implementation is in sqlite-storage.ts.
// Storage never sees plaintext answers: it keeps sealed boxes and metadata only.
import type { AnalyticsStorage } from './analytics-storage.ts';

/** One stored application: metadata in the clear, answers and consents sealed. */
export interface ApplicationRecord {
  /** Random, unguessable id; also the AAD the ciphertext is bound to. */
  id: string;
  formId: string;
  formVersion: number;
  /** Milliseconds since the epoch. */
  receivedAt: number;
  /** Id of the data key that sealed `ciphertext`. */
  keyId: string;
  nonce: Uint8Array;
  ciphertext: Uint8Array;
  idempotencyKey: string;
  /** Keyed hash of the request body (`<keyId>:<hmac>`), to tell a replay from a reused key. */
  requestHash: string;
  retrievedAt: number | null;
  deliveredAt: number | null;
}

/** State of one webhook delivery in the outbox. */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

/** One row of the durable webhook outbox. */
export interface DeliveryRecord {
  id: string;
  applicationId: string;
  formId: string;
  status: DeliveryStatus;
  attempts: number;
  createdAt: number;
  nextAttemptAt: number;
  lastAttemptAt: number | null;
  /** HTTP status of the last attempt, when the receiver answered. */
  lastStatus: number | null;
  /** Short code of the last failure (`http_500`, `timeout`, `network`, ...), never a body. */
  lastError: string | null;
  deliveredAt: number | null;
}

/** Result of one delivery attempt, written atomically with the application's `delivered_at`. */
export type DeliveryOutcome =
  | { kind: 'delivered'; httpStatus: number }
  | { kind: 'retry'; nextAttemptAt: number; httpStatus: number | null; error: string }
  | { kind: 'failed' | 'cancelled'; httpStatus: number | null; error: string };

/** What {@link Storage.insertApplication} did. */
export type InsertOutcome = { inserted: true } | { inserted: false; existing: ApplicationRecord };

/** Filter and page of an application listing, oldest first. */
export interface ApplicationQuery {
  formId: string;
  /** Inclusive lower bound on `receivedAt`. */
  receivedFrom?: number;
  /** Exclusive upper bound on `receivedAt`. */
  receivedBefore?: number;
  /** Continue after this row (keyset pagination). */
  after?: { receivedAt: number; id: string };
  limit: number;
}

/** One entry of the append-only access log. */
export interface AccessLogEntry {
  seq: number;
  at: number;
  /** Name of the admin token used, or `system:<job>` for the server's own jobs. */
  actor: string;
  action: string;
  formId: string | null;
  applicationIds: string[];
  count: number;
  /** Why, as staff gave it (`?reason=`): a case reference; null when none was given. */
  reason: string | null;
}

/** An access-log entry to append; `seq` is assigned by storage. */
export type NewAccessLogEntry = Omit<AccessLogEntry, 'seq' | 'reason'> & { reason?: string };

/** How long applications are kept, evaluated at `now`. */
export interface RetentionPolicy {
  now: number;
  /** Days after retrieval or delivery (whichever came first) for forms without their own value. */
  defaultRetentionDays: number;
  retentionDaysByForm: ReadonlyMap<string, number>;
  /** Days after receipt for applications never retrieved nor delivered. */
  undeliveredMaxDays: number;
}

/** How many applications a purge deleted. */
export interface PurgeCounts {
  /** Retrieved or delivered, and past their retention period. */
  handled: number;
  /** Never retrieved nor delivered, and past the maximum. */
  unhandled: number;
}

/** Computes a row's new sealed box and request hash during key rotation. */
export type Reseal = (
  record: ApplicationRecord,
) => Pick<ApplicationRecord, 'keyId' | 'nonce' | 'ciphertext' | 'requestHash'>;

/** Persistence used by the routes, the webhook worker, retention and key rotation. */
export interface Storage {
  /** Step analytics: raw events until the rollup, then daily aggregates. */
  readonly analytics: AnalyticsStorage;
  /**
   * Stores an application (and its outbox row) unless one with the same form and idempotency key
   * exists, in which case that one is returned. Atomic: concurrent identical calls store one row.
   */
  insertApplication(record: ApplicationRecord, delivery?: DeliveryRecord): Promise<InsertOutcome>;
  /** The application stored for a form under an idempotency key, if any. */
  findByIdempotencyKey(formId: string, key: string): Promise<ApplicationRecord | undefined>;
  /** One application by id. */
  getApplication(id: string): Promise<ApplicationRecord | undefined>;
  /** A page of a form's applications, oldest first. */
  listApplications(query: ApplicationQuery): Promise<ApplicationRecord[]>;
  /** Deletes an application and its deliveries; false when there was none. */
  deleteApplication(id: string): Promise<boolean>;
  /** Sets `retrievedAt` if not yet set; returns the row, or undefined when there is none. */
  markRetrieved(id: string, at: number): Promise<ApplicationRecord | undefined>;
  /** The webhook deliveries of one application. */
  listDeliveries(applicationId: string): Promise<DeliveryRecord[]>;
  /**
   * Returns pending deliveries due at `now` and pushes their next attempt to `now + leaseMs`, so a
   * delivery whose sender dies is retried after the lease rather than lost.
   */
  claimDueDeliveries(now: number, leaseMs: number, limit: number): Promise<DeliveryRecord[]>;
  /**
   * Records an attempt; on `delivered` also sets the application's `deliveredAt`. `accessLog` is
   * appended in the same transaction, also when the delivery is gone (erased while in flight):
   * the receiver has the copy all the same.
   */
  recordDeliveryAttempt(
    deliveryId: string,
    at: number,
    outcome: DeliveryOutcome,
    accessLog?: NewAccessLogEntry,
  ): Promise<void>;
  /** Appends an access-log entry; entries are never changed or removed. */
  appendAccessLog(entry: NewAccessLogEntry): Promise<void>;
  /** Entries after `afterSeq`, oldest first. */
  listAccessLog(afterSeq: number, limit: number): Promise<AccessLogEntry[]>;
  /** Deletes applications past retention (with their deliveries). */
  purgeExpired(policy: RetentionPolicy): Promise<PurgeCounts>;
  /** Every key id referenced by a stored row or request hash. */
  keyIdsInUse(): Promise<string[]>;
  /**
   * Re-seals, in one transaction, every application whose box or request hash is not under
   * `currentKeyId`; `reseal` returns the new box and request hash. Returns the rows rewritten.
   */
  resealApplications(currentKeyId: string, reseal: Reseal): Promise<number>;
  /** Finishes pending writes and closes. */
  close(): Promise<void>;
}
