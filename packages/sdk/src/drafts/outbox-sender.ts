import type { Application } from '../application/index.ts';
import { isRetryable } from '../client/retry-policy.ts';
import { RateLimitError } from '../errors/api-error.ts';
import { UnionJoinError } from '../errors/union-join-error.ts';
import { isRecord } from './is-record.ts';
import type { DeliveryFailure, DeliveryReceipt, Outbox, OutboxItem } from './outbox.ts';
import { createOutboxLock, type OutboxLock } from './outbox-lock.ts';

/** The part of the client the sender needs (`createClient(...)` fits). */
export interface OutboxClient {
  submit(
    application: Application,
    options: { idempotencyKey: string; signal?: AbortSignal },
  ): Promise<{ id: string; receivedAt?: string }>;
}

/** Options of {@link createOutboxSender}. */
export interface OutboxSenderOptions {
  client: OutboxClient;
  store: Outbox;
  /** Name of the cross-tab lock (default `union-join-outbox`). */
  lockName?: string;
  /** Replaces the default lock: Web Locks, or this page alone where they are missing. */
  lock?: OutboxLock;
  /** Deliver only this form's items (a client talks to one backend). */
  formId?: string;
  /** Deliver only items queued for this endpoint. */
  endpoint?: string;
  /** The server accepted the item (or replayed its earlier acceptance). */
  onDelivered?: (item: OutboxItem, receipt: DeliveryReceipt) => void;
  /** The server refused the item for good; it stays in the outbox, marked failed. */
  onFailed?: (item: OutboxItem) => void;
  /** The attempt failed in a way worth retrying; the item stays pending. */
  onRetry?: (item: OutboxItem, error: unknown) => void;
  /** Wait after the `attempts`-th failed attempt, in milliseconds (default {@link outboxBackoff}). */
  backoff?: (attempts: number) => number;
  /** Clock in epoch milliseconds (default `Date.now`). */
  now?: () => number;
  /** Where `online` events fire (default `globalThis`). */
  target?: EventTarget;
}

/** Options of {@link OutboxSender.send}. */
export interface SendOptions {
  /** The key of this application's attempts, the same for every try of the same answers. */
  idempotencyKey: string;
  /**
   * Whether an application that failed with `error` stays queued, to be sent by the sender (default:
   * a failure worth retrying, except 429, where the applicant is asked to wait and send again).
   */
  keep?: (error: unknown) => boolean;
  /**
   * Stops waiting for the answer when it aborts: the send rejects with the signal's reason, and
   * with a `TimeoutError` as reason the application stays queued for the sender (the server may
   * still have it; a later attempt with the same key is answered with the one it stored).
   */
  signal?: AbortSignal;
}

/** Delivers queued applications. */
export interface OutboxSender {
  /**
   * Sends an application now, as a Send button does, through the outbox: it is written to the
   * device first and sent under the cross-tab lock, so a page closed before the answer arrives
   * leaves it queued and the next page delivers it (the server replays the one it stored) instead
   * of the applicant filling in and sending a second. Accepted, it leaves the outbox with a receipt
   * and `onDelivered` runs; kept (see {@link SendOptions.keep}), it stays pending for the next pass;
   * otherwise it leaves the device. Rejects with the client's error.
   */
  send(application: Application, options: SendOptions): Promise<DeliveryReceipt>;
  /** Sends what is queued now, then on every `online` event and when a retry falls due. */
  start(): void;
  /** Stops listening and cancels timers; a send in progress completes. */
  stop(): void;
  /**
   * Sends pending items now, ignoring backoff unless `force` is false (then only items that are due,
   * and a timer for the rest); resolves when this tab's pass is over.
   */
  flush(options?: { force?: boolean }): Promise<void>;
}

/**
 * Wait before the next attempt after `attempts` failed ones: 5 s doubling up to 5 minutes, with
 * jitter, on top of the client's own quick retries.
 */
export function outboxBackoff(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(300_000, 5_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

/**
 * Creates the sender of queued applications. Items go one at a time, oldest first, each with its
 * original idempotency key, under a lock shared by all tabs. An item is deleted only after the
 * server accepted it; a definitive refusal marks it failed and keeps it; anything else keeps it
 * pending and retries with backoff. A repeat after a crash between acceptance and deletion is safe:
 * the server answers a known idempotency key with the application it already stored.
 * @example
 * const sender = createOutboxSender({
 *   client: createClient({ endpoint }),
 *   store: outbox,
 *   formId: definition.id,
 *   onDelivered: (item, receipt) => showConfirmation(receipt.reference),
 * });
 * sender.start();
 */
export function createOutboxSender(options: OutboxSenderOptions): OutboxSender {
  const { client, store, formId, endpoint } = options;
  const now = options.now ?? Date.now;
  const backoff = options.backoff ?? ((attempts: number) => outboxBackoff(attempts));
  const lock = options.lock ?? createOutboxLock(options.lockName ?? 'union-join-outbox');
  const target = options.target ?? globalThis;
  // Accepted in this page: never sent again from here, even if deleting them failed.
  const delivered = new Set<string>();
  let running: Promise<void> | undefined;
  let again: boolean | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let abort: AbortController | undefined;
  let started = false;

  const onOnline = () => void flush(true);

  function flush(force: boolean): Promise<void> {
    if (running) {
      // A pass is under way: queue one more, which will see whatever changed meanwhile.
      again = (again ?? false) || force;
      return running;
    }
    running = (async () => {
      let nextForce = force;
      try {
        for (;;) {
          again = undefined;
          await lockedPass(nextForce);
          if (again === undefined) break;
          nextForce = again;
        }
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  async function lockedPass(force: boolean): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    let retryInMs: number | undefined;
    try {
      const result = await lock.run(() => pass(force), abort?.signal);
      if (!result.acquired) retryInMs = result.retryInMs;
    } catch {
      // Storage or lock trouble: items stay where they are and the timer comes back.
      retryInMs = backoff(1);
    }
    if (started) await scheduleNext(retryInMs);
  }

  async function pass(force: boolean): Promise<void> {
    const handled = new Set<string>();
    for (;;) {
      const time = now();
      const pending = await store.list({ formId, endpoint, status: 'pending' });
      const item = pending.find(
        (candidate) =>
          !handled.has(candidate.id) &&
          !delivered.has(candidate.id) &&
          (force || (candidate.nextAttemptAt ?? 0) <= time),
      );
      if (!item) return;
      handled.add(item.id);
      if ((await deliver(item)) === 'stop') return;
    }
  }

  async function deliver(item: OutboxItem): Promise<'next' | 'stop'> {
    // Counted before sending, so a crash mid-request still shows as an attempt; and before reading,
    // so an application replaced meanwhile is never taken for the revision counted here.
    const attempt = await store.recordAttempt(item.id);
    if (!attempt) return 'next';
    let application: Application;
    try {
      application = await store.readApplication(item.id);
    } catch {
      const failed = await store.recordFailure(item.id, { code: 'unreadable' });
      notify(() => options.onFailed?.(failed ?? attempt));
      return 'next';
    }
    try {
      await submitAttempt(attempt, application);
    } catch (error) {
      const failure = definitiveFailure(error, now() - attempt.createdAt);
      if (!failure) {
        await retryLater(attempt, error);
        // The network or the server is down: the rest would fail the same way.
        return 'stop';
      }
      const failed = await store.recordFailure(item.id, failure);
      notify(() => options.onFailed?.(failed ?? { ...attempt, status: 'failed', failure }));
    }
    return 'next';
  }

  /**
   * Sends an attempt counted in the outbox and, once accepted, replaces it there by its receipt;
   * resolves to the receipt (rejects with the client's error). An item whose application was
   * replaced while this one was on its way (another tab sent corrected answers) stays, to go next:
   * the server then says whether it still could take it.
   */
  async function submitAttempt(
    attempt: OutboxItem,
    application: Application,
    signal?: AbortSignal,
  ): Promise<DeliveryReceipt> {
    const accepted = await client.submit(
      application,
      submitOptions(attempt.idempotencyKey, signal),
    );
    const current = await store.get(attempt.id).catch(() => attempt);
    if (current && (current.revision ?? 0) !== (attempt.revision ?? 0)) {
      await store.recordRetry(attempt.id, now());
      return submitted(attempt, accepted);
    }
    delivered.add(attempt.id);
    // Not deleted when this fails: this page will not send it again, a later page resends it and
    // the server replays.
    const receipt = await store
      .recordDelivery(attempt.id, accepted, attempt)
      .catch(() => undefined);
    const shown = receipt ?? submitted(attempt, accepted);
    notify(() => options.onDelivered?.(attempt, shown));
    return shown;
  }

  /** Keeps a failed attempt pending until its backoff (or the server's `Retry-After`) has passed. */
  async function retryLater(attempt: OutboxItem, error: unknown): Promise<void> {
    const wait = Math.max(backoff(attempt.attempts), retryAfterMs(error));
    const kept = await store.recordRetry(attempt.id, now() + wait);
    notify(() => options.onRetry?.(kept ?? attempt, error));
  }

  async function send(
    application: Application,
    sendOptions: SendOptions,
  ): Promise<DeliveryReceipt> {
    let outcome: SendOutcome | undefined;
    try {
      const locked = await lock.run(() => sendAhead(application, sendOptions), abort?.signal);
      if (locked.acquired) outcome = locked.value;
    } catch {
      // Lock trouble: sent below without writing ahead, rather than not at all.
    }
    // Also when another tab holds a lease on the outbox: sending now beats waiting for it.
    outcome ??= await submitOnly(application, sendOptions.idempotencyKey, sendOptions.signal);
    if (started) void scheduleNext(undefined);
    if ('error' in outcome) throw outcome.error;
    return outcome.receipt;
  }

  /** `send` under the lock: written to the outbox, sent, and settled there by the answer. */
  async function sendAhead(
    application: Application,
    { idempotencyKey, keep = isUndelivered, signal }: SendOptions,
  ): Promise<SendOutcome> {
    let attempt: OutboxItem | undefined;
    try {
      const queued = await store.enqueue({ application, idempotencyKey, endpoint });
      // Counted, and its revision taken, before the request goes, as for any queued item.
      if (queued.status === 'pending') attempt = await store.recordAttempt(queued.id);
    } catch {
      // The device's storage failed: the application is still sent, only without the safety net.
    }
    if (!attempt) return submitOnly(application, idempotencyKey, signal);
    try {
      return { receipt: await submitAttempt(attempt, application, signal) };
    } catch (error) {
      await (keep(error) ? retryLater(attempt, error) : store.remove(attempt.id)).catch(
        () => undefined,
      );
      return { error };
    }
  }

  /** Sends without the outbox, for when the device cannot hold the application. */
  async function submitOnly(
    application: Application,
    idempotencyKey: string,
    signal?: AbortSignal,
  ): Promise<SendOutcome> {
    try {
      const accepted = await client.submit(application, submitOptions(idempotencyKey, signal));
      return { receipt: submitted({ id: idempotencyKey, formId: application.formId }, accepted) };
    } catch (error) {
      return { error };
    }
  }

  /** The receipt shown for an acceptance that the outbox did not (or could not) record. */
  function submitted(
    item: Pick<OutboxItem, 'id' | 'formId'>,
    accepted: { id: string; receivedAt?: string },
  ): DeliveryReceipt {
    const receipt: DeliveryReceipt = {
      id: item.id,
      formId: item.formId,
      reference: accepted.id,
      deliveredAt: now(),
    };
    if (accepted.receivedAt !== undefined) receipt.receivedAt = accepted.receivedAt;
    return receipt;
  }

  async function scheduleNext(retryInMs: number | undefined): Promise<void> {
    let wait = retryInMs;
    try {
      for (const item of await store.list({ formId, endpoint, status: 'pending' })) {
        if (delivered.has(item.id)) continue;
        const due = Math.max(0, (item.nextAttemptAt ?? 0) - now());
        wait = wait === undefined ? due : Math.min(wait, due);
      }
    } catch {
      wait ??= backoff(1);
    }
    if (wait === undefined || !started) return;
    clearTimeout(timer);
    timer = setTimeout(() => void flush(false), wait);
  }

  return {
    start() {
      if (started) return;
      started = true;
      abort = new AbortController();
      target.addEventListener('online', onOnline);
      void flush(true);
    },
    stop() {
      started = false;
      target.removeEventListener('online', onOnline);
      clearTimeout(timer);
      timer = undefined;
      abort?.abort();
      abort = undefined;
    },
    flush: (flushOptions = {}) => flush(flushOptions.force ?? true),
    send,
  };
}

/** The client's options for one attempt; `signal` only when there is one (exact optional types). */
function submitOptions(
  idempotencyKey: string,
  signal: AbortSignal | undefined,
): { idempotencyKey: string; signal?: AbortSignal } {
  return signal ? { idempotencyKey, signal } : { idempotencyKey };
}

/** How a `send` ended: the receipt of its delivery, or the client's error. */
type SendOutcome = { receipt: DeliveryReceipt } | { error: unknown };

/**
 * A failure worth queueing in the outbox to send later: not a refusal, and not a request to slow
 * down (a 429 asks the applicant to wait and send again). What {@link SendOptions.keep} keeps by
 * default.
 */
export function isUndelivered(error: unknown): boolean {
  return isRetryable(error) && !(error instanceof RateLimitError);
}

/**
 * A form the server does not find is tried again for this long after it was queued: it existed
 * when the applicant filled it in, so it is most likely taken down for a while (a typo in its
 * file, say), and the applicant was told it would be sent.
 */
const NOT_FOUND_GRACE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The refusal to record when `error` will not change by retrying; `undefined` to retry. `ageMs`:
 * how long ago the item was queued.
 */
function definitiveFailure(error: unknown, ageMs: number): DeliveryFailure | undefined {
  const status = isRecord(error) && typeof error.status === 'number' ? error.status : undefined;
  if (status !== undefined) {
    if (isRetryable(status) || status < 400) return undefined;
    if (status === 404 && ageMs <= NOT_FOUND_GRACE_MS) return undefined;
    const failure: DeliveryFailure = {
      code: isRecord(error) && typeof error.code === 'string' ? error.code : `http_${status}`,
      status,
    };
    const issues = isRecord(error) && Array.isArray(error.issues) ? error.issues : undefined;
    if (issues) {
      failure.issues = issues.flatMap((issue: unknown) =>
        isRecord(issue) && typeof issue.code === 'string' && Array.isArray(issue.path)
          ? [{ code: issue.code, path: issue.path.filter(isPathPart) }]
          : [],
      );
    }
    return failure;
  }
  // The client refusing the application itself (bad shape, bad key) will not change either.
  if (error instanceof UnionJoinError && !isRetryable(error)) return { code: 'invalid_submission' };
  return undefined;
}

function isPathPart(part: unknown): part is string | number {
  return typeof part === 'string' || typeof part === 'number';
}

function retryAfterMs(error: unknown): number {
  const wait = isRecord(error) ? error.retryAfterMs : undefined;
  return typeof wait === 'number' && Number.isFinite(wait) ? wait : 0;
}

function notify(callback: () => void): void {
  try {
    callback();
  } catch (error) {
    // A failing callback must not stop delivery; report it where developers look.
    console.error(error);
  }
}
