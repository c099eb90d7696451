import { isRecord } from './is-record.ts';
import type { KeyValueStore } from './key-value-store.ts';

/** The result of {@link OutboxLock.run}: the task's value, or when to try again. */
export type LockResult<T> = { acquired: true; value: T } | { acquired: false; retryInMs: number };

/** Mutual exclusion across the tabs of one origin, so one outbox sender runs at a time. */
export interface OutboxLock {
  /** Runs `task` while holding the lock, or reports that another tab holds it. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<LockResult<T>>;
}

/**
 * A lock through the Web Locks API. Requests queue: a tab asking while another sends runs right
 * after it, and a lock held by a tab that closes or crashes is released by the browser.
 */
export function createWebLock(name: string, locks: LockManager = navigator.locks): OutboxLock {
  return {
    async run(task, signal) {
      const options: LockOptions = { mode: 'exclusive' };
      if (signal) options.signal = signal;
      const value = await locks.request(name, options, () => task());
      return { acquired: true, value };
    },
  };
}

/** Options of {@link createLeaseLock}. */
export interface LeaseLockOptions {
  /** How long a lease lasts without renewal (default 30 s); a crashed holder blocks no longer. */
  ttlMs?: number;
  /** Clock in epoch milliseconds (default `Date.now`). */
  now?: () => number;
}

/**
 * A lock for browsers without Web Locks: a lease record `{owner, expiresAt}` taken and renewed
 * through atomic IndexedDB updates. IndexedDB serialises read-write transactions on one store across
 * tabs, so only one tab can hold an unexpired lease. A holder renews it every third of `ttlMs`.
 */
export function createLeaseLock(
  name: string,
  store: KeyValueStore,
  options: LeaseLockOptions = {},
): OutboxLock {
  const ttlMs = options.ttlMs ?? 30_000;
  const now = options.now ?? Date.now;
  const key = `lease:${name}`;

  return {
    async run(task) {
      const owner = crypto.getRandomValues(new Uint32Array(4)).join('-');
      const lease = await store.update(key, (current) =>
        isLive(current, now()) ? current : { owner, expiresAt: now() + ttlMs },
      );
      if (!isRecord(lease) || lease.owner !== owner) {
        const expiresAt =
          isRecord(lease) && typeof lease.expiresAt === 'number' ? lease.expiresAt : 0;
        return { acquired: false, retryInMs: Math.min(Math.max(expiresAt - now(), 100), ttlMs) };
      }
      const mine = (current: unknown) => isRecord(current) && current.owner === owner;
      const renewal = setInterval(() => {
        void store
          .update(key, (current) => (mine(current) ? { owner, expiresAt: now() + ttlMs } : current))
          .catch(() => undefined);
      }, ttlMs / 3);
      try {
        return { acquired: true, value: await task() };
      } finally {
        clearInterval(renewal);
        await store
          .update(key, (current) => (mine(current) ? undefined : current))
          .catch(() => undefined);
      }
    },
  };
}

/**
 * Web Locks where the browser has them (every current browser, on https); otherwise a lock of this
 * page alone. On plain http queued applications stay in each page's memory, so there is nothing to
 * share; for a browser with WebCrypto but no Web Locks (Firefox 94 and 95) pass
 * `createLeaseLock(name, storage.stores.meta)` as the sender's `lock`.
 */
export function createOutboxLock(name: string): OutboxLock {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks
    ? createWebLock(name, locks)
    : { run: async (task) => ({ acquired: true, value: await task() }) };
}

function isLive(lease: unknown, time: number): boolean {
  return (
    isRecord(lease) &&
    typeof lease.owner === 'string' &&
    typeof lease.expiresAt === 'number' &&
    lease.expiresAt > time
  );
}
