import type { Application } from '../application/index.ts';
import { assertIdempotencyKey, createIdempotencyKey } from '../client/idempotency-key.ts';
import type { DraftStorage } from './draft-storage.ts';
import { isRecord } from './is-record.ts';
import { createMemoryKeyValueStore, type KeyValueStore } from './key-value-store.ts';
import { OutboxError } from './outbox-error.ts';
import { canSeal, loadSealingKey, seal, unseal } from './sealed-value.ts';

/** Why the server refused a queued application for good (a 4xx other than 408, 409 and 429). */
export interface DeliveryFailure {
  /** The server's error code (e.g. `validation_failed`), or `unreadable`, `invalid_submission`. */
  code: string;
  status?: number;
  /** Which answers the server rejected, for a 422; codes only, no messages or values. */
  issues?: { path: (string | number)[]; code: string }[];
}

/** A queued application's bookkeeping; the application itself is read with `readApplication`. */
export interface OutboxItem {
  id: string;
  formId: string;
  /** The backend it is for, when the queue serves several. */
  endpoint?: string;
  /** Sent with every attempt, so the server stores the application once whatever happens. */
  idempotencyKey: string;
  attempts: number;
  /** Epoch milliseconds. */
  createdAt: number;
  lastAttemptAt?: number;
  /** Not sent again before this time (epoch milliseconds) unless something prompts a send. */
  nextAttemptAt?: number;
  status: 'pending' | 'failed';
  failure?: DeliveryFailure;
  /** How many times the application was replaced by a later one under the same key. */
  revision?: number;
}

/** Proof that a queued application reached the server, kept until the applicant has seen it. */
export interface DeliveryReceipt {
  /** The outbox item's id. */
  id: string;
  formId: string;
  /** The application's reference from the server. */
  reference: string;
  receivedAt?: string;
  /** Epoch milliseconds. */
  deliveredAt: number;
}

/** What {@link Outbox.enqueue} takes. */
export interface OutboxInput {
  application: Application;
  /** The key of the attempt that could not be delivered; a new one is made when omitted. */
  idempotencyKey?: string;
  endpoint?: string;
  /** Not sent before this time (epoch milliseconds), e.g. right after an attempt just failed. */
  nextAttemptAt?: number;
}

/** Which items {@link Outbox.list} returns. */
export interface OutboxFilter {
  formId?: string;
  endpoint?: string;
  status?: OutboxItem['status'];
}

/** Applications waiting on this device to be delivered. */
export interface Outbox {
  readonly storage: DraftStorage;
  /** Whether queued applications are on the device, so they are still sent after the page closes. */
  readonly persistent: boolean;
  /**
   * Queues an application. The same idempotency key again yields the item already queued, with
   * this application in place of its own while it is pending: the applicant's latest answers win.
   */
  enqueue(input: OutboxInput): Promise<OutboxItem>;
  /** Queued items, oldest first. */
  list(filter?: OutboxFilter): Promise<OutboxItem[]>;
  get(id: string): Promise<OutboxItem | undefined>;
  /** The queued application; rejects with an {@link OutboxError} when it is gone or unreadable. */
  readApplication(id: string): Promise<Application>;
  remove(id: string): Promise<void>;
  /** Counts an attempt before it starts; resolves to the item, or `undefined` if no longer pending. */
  recordAttempt(id: string): Promise<OutboxItem | undefined>;
  /** Keeps the item pending until `nextAttemptAt`. */
  recordRetry(id: string, nextAttemptAt: number): Promise<OutboxItem | undefined>;
  /** Marks the item failed for good, with the reason; it stays until removed. */
  recordFailure(id: string, failure: DeliveryFailure): Promise<OutboxItem | undefined>;
  /**
   * Stores a receipt, then deletes the item and its application; does neither when the item's
   * application was replaced since `sent` (the revision that was delivered) was read.
   */
  recordDelivery(
    id: string,
    result: { id: string; receivedAt?: string },
    sent?: Pick<OutboxItem, 'revision'>,
  ): Promise<DeliveryReceipt | undefined>;
  /** Receipts not yet dismissed, oldest first. */
  receipts(formId?: string): Promise<DeliveryReceipt[]>;
  dismissReceipt(id: string): Promise<void>;
}

/** Options of {@link createOutbox}. */
export interface OutboxOptions {
  /** Clock in epoch milliseconds (default `Date.now`). */
  now?: () => number;
}

/**
 * Creates the outbox over a storage from `openDraftStorage()`. Applications are encrypted at rest
 * with a non-extractable key of this origin, so bank details and national ids never sit in the
 * database as plain text; where WebCrypto is missing, queued applications stay in memory.
 * @example
 * const outbox = createOutbox(await openDraftStorage());
 * await outbox.enqueue({ application, idempotencyKey });
 */
export function createOutbox(storage: DraftStorage, options: OutboxOptions = {}): Outbox {
  const now = options.now ?? Date.now;
  const sealing = canSeal();
  const items: KeyValueStore = sealing ? storage.stores.outbox : createMemoryKeyValueStore();
  const receiptStore = storage.stores.receipts;
  let key: Promise<CryptoKey> | undefined;
  const sealingKey = () => {
    key ??= loadSealingKey(storage.stores.meta).catch((error: unknown) => {
      key = undefined;
      throw error;
    });
    return key;
  };

  async function change(
    id: string,
    edit: (item: OutboxItem) => OutboxItem | undefined,
  ): Promise<OutboxItem | undefined> {
    let changed: OutboxItem | undefined;
    await items.update(id, (current) => {
      const item = readItem(current);
      changed = item && edit(item);
      return changed && isRecord(current) ? { ...current, ...changed } : current;
    });
    return changed;
  }

  const body = async (application: Application) =>
    sealing
      ? { sealed: await seal(await sealingKey(), application) }
      : { plain: structuredClone(application) };

  const outbox: Outbox = {
    storage,

    get persistent() {
      return sealing && storage.persistent;
    },

    async enqueue(input) {
      const { application } = input;
      if (!isRecord(application) || typeof application.formId !== 'string') {
        throw new OutboxError('invalid_application', 'application.formId must be a string');
      }
      const idempotencyKey = input.idempotencyKey ?? createIdempotencyKey();
      try {
        assertIdempotencyKey(idempotencyKey);
      } catch (cause) {
        throw new OutboxError('invalid_idempotency_key', 'idempotencyKey is not valid', { cause });
      }
      const queued = (await outbox.list()).find((item) => item.idempotencyKey === idempotencyKey);
      if (queued) {
        if (queued.status !== 'pending') return queued;
        const replacement = await body(application);
        const written = await items.update(queued.id, (current) => {
          const item = readItem(current);
          return item?.status === 'pending' && isRecord(current)
            ? { ...current, ...replacement, revision: (item.revision ?? 0) + 1 }
            : current;
        });
        return readItem(written) ?? queued;
      }
      const item: OutboxItem = {
        id: createIdempotencyKey(),
        formId: application.formId,
        idempotencyKey,
        attempts: 0,
        createdAt: now(),
        status: 'pending',
      };
      if (input.endpoint !== undefined) item.endpoint = input.endpoint;
      if (input.nextAttemptAt !== undefined) item.nextAttemptAt = input.nextAttemptAt;
      await items.set(item.id, { ...item, ...(await body(application)) });
      return item;
    },

    async list(filter = {}) {
      const found: OutboxItem[] = [];
      for (const [, value] of await items.entries()) {
        const item = readItem(value);
        if (!item) continue;
        if (filter.formId !== undefined && item.formId !== filter.formId) continue;
        if (filter.endpoint !== undefined && item.endpoint !== filter.endpoint) continue;
        if (filter.status !== undefined && item.status !== filter.status) continue;
        found.push(item);
      }
      return found.sort((a, b) => a.createdAt - b.createdAt);
    },

    async get(id) {
      return readItem(await items.get(id));
    },

    async readApplication(id) {
      const stored = await items.get(id);
      if (!isRecord(stored) || !readItem(stored)) {
        throw new OutboxError('not_found', 'No queued application with this id');
      }
      try {
        const application = sealing
          ? await unseal(await sealingKey(), stored.sealed)
          : structuredClone(stored.plain);
        if (!isRecord(application) || typeof application.formId !== 'string') {
          throw new TypeError('Not an application');
        }
        return application as unknown as Application;
      } catch (cause) {
        throw new OutboxError('unreadable', 'The queued application cannot be read', { cause });
      }
    },

    async remove(id) {
      await items.delete(id);
    },

    recordAttempt(id) {
      return change(id, (item) =>
        item.status === 'pending'
          ? { ...item, attempts: item.attempts + 1, lastAttemptAt: now() }
          : undefined,
      );
    },

    recordRetry(id, nextAttemptAt) {
      return change(id, (item) =>
        item.status === 'pending' ? { ...item, nextAttemptAt } : undefined,
      );
    },

    recordFailure(id, failure) {
      return change(id, (item) => ({ ...item, status: 'failed', failure }));
    },

    async recordDelivery(id, result, sent) {
      const revision = sent?.revision ?? 0;
      const item = readItem(await items.get(id));
      if (!item || (sent && (item.revision ?? 0) !== revision)) return undefined;
      const receipt: DeliveryReceipt = {
        id,
        formId: item.formId,
        reference: result.id,
        deliveredAt: now(),
      };
      if (result.receivedAt !== undefined) receipt.receivedAt = result.receivedAt;
      // Receipt first: a crash between the two leaves an item whose resend the server replays.
      await receiptStore.set(id, receipt);
      await items.update(id, (current) =>
        !sent || (readItem(current)?.revision ?? 0) === revision ? undefined : current,
      );
      return receipt;
    },

    async receipts(formId) {
      const found: DeliveryReceipt[] = [];
      for (const [, value] of await receiptStore.entries()) {
        const receipt = readReceipt(value);
        if (receipt && (formId === undefined || receipt.formId === formId)) found.push(receipt);
      }
      return found.sort((a, b) => a.deliveredAt - b.deliveredAt);
    },

    async dismissReceipt(id) {
      await receiptStore.delete(id);
    },
  };
  return outbox;
}

/**
 * The item's bookkeeping (everything but the application) if `value` has the shape of an outbox
 * item. Only this module writes items, so the fields it relies on are checked and the rest is
 * taken as written.
 */
function readItem(value: unknown): OutboxItem | undefined {
  if (!isRecord(value)) return undefined;
  const { sealed: _sealed, plain: _plain, ...item } = value;
  return typeof item.id === 'string' &&
    typeof item.formId === 'string' &&
    typeof item.idempotencyKey === 'string' &&
    typeof item.attempts === 'number' &&
    typeof item.createdAt === 'number' &&
    (item.status === 'pending' || item.status === 'failed')
    ? (item as unknown as OutboxItem)
    : undefined;
}

function readReceipt(value: unknown): DeliveryReceipt | undefined {
  if (!isRecord(value)) return undefined;
  const { id, formId, reference, receivedAt, deliveredAt } = value;
  if (typeof id !== 'string' || typeof formId !== 'string' || typeof reference !== 'string') {
    return undefined;
  }
  if (typeof deliveredAt !== 'number') return undefined;
  const receipt: DeliveryReceipt = { id, formId, reference, deliveredAt };
  if (typeof receivedAt === 'string') receipt.receivedAt = receivedAt;
  return receipt;
}
