// Helpers for the drafts browser tests: a fake backend behind msw's service worker, a raw reader of
// every IndexedDB database, and IndexedDB factories that fail the way real browsers do.
import { http, HttpResponse } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';

/** The fake backend's state: one application per idempotency key, like the real server. */
export interface FakeBackend {
  /** Accepted applications by idempotency key. */
  stored: Map<string, { id: string; body: unknown }>;
  /** Idempotency key of every request that reached the backend. */
  requests: string[];
  maxInFlight: number;
  /** Statuses to answer the next requests with before accepting (e.g. 503, 422). */
  script: number[];
  /** While true, requests fail like a dropped connection. */
  offline: boolean;
}

/** The backend's base URL for `createClient`. */
export const ENDPOINT = `${location.origin}/fake-api`;

/** Starts msw with a fake `POST /v1/forms/:formId/applications`; call `stop()` when done. */
export async function startFakeBackend(): Promise<{ backend: FakeBackend; worker: SetupWorker }> {
  const backend: FakeBackend = {
    stored: new Map(),
    requests: [],
    maxInFlight: 0,
    script: [],
    offline: false,
  };
  let inFlight = 0;
  const worker = setupWorker(
    http.post('*/fake-api/v1/forms/:formId/applications', async ({ request }) => {
      if (backend.offline) return HttpResponse.error();
      const key = request.headers.get('idempotency-key') ?? '';
      backend.requests.push(key);
      inFlight++;
      backend.maxInFlight = Math.max(backend.maxInFlight, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const status = backend.script.shift();
        if (status === 422) {
          return HttpResponse.json(
            {
              error: 'validation_failed',
              issues: [{ path: ['answers', 'email'], code: 'invalid_email', message: 'Bad' }],
            },
            { status },
          );
        }
        if (status !== undefined) return HttpResponse.json({ error: 'unavailable' }, { status });
        let entry = backend.stored.get(key);
        if (!entry) {
          entry = { id: `app-${backend.stored.size + 1}`, body: await request.json() };
          backend.stored.set(key, entry);
        }
        return HttpResponse.json(
          { id: entry.id, receivedAt: '2025-01-01T10:00:00.000Z' },
          { status: 201 },
        );
      } finally {
        inFlight--;
      }
    }),
  );
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  return { backend, worker };
}

/** Every key and value of every IndexedDB database of this origin as text, binary data decoded. */
export async function rawIndexedDbText(): Promise<string> {
  const parts: string[] = [];
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const db = await request(indexedDB.open(info.name));
    for (const storeName of Array.from(db.objectStoreNames)) {
      const store = db.transaction(storeName).objectStore(storeName);
      const keys = await request(store.getAllKeys());
      const values = await request(store.getAll());
      parts.push(info.name, storeName, JSON.stringify(keys), JSON.stringify(values, binaryAsText));
    }
    db.close();
  }
  return parts.join('\n');
}

/** Writes one value straight into a database, bypassing the sdk, like an old or hostile page would. */
export async function putRaw(
  databaseName: string,
  storeName: string,
  key: string,
  value: unknown,
): Promise<void> {
  const db = await request(indexedDB.open(databaseName));
  const tx = db.transaction(storeName, 'readwrite');
  tx.objectStore(storeName).put(value, key);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('write failed'));
  });
  db.close();
}

/** Names of this origin's IndexedDB databases. */
export async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).flatMap((info) => (info.name ? [info.name] : []));
}

/** Deletes a database; open connections of the sdk close themselves on `versionchange`. */
export async function deleteDatabase(name: string): Promise<void> {
  await request(indexedDB.deleteDatabase(name));
}

/** A factory whose `open` throws, like Firefox's private mode or a sandboxed frame. */
export function throwingFactory(): IDBFactory {
  return {
    open() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  } as unknown as IDBFactory;
}

/** A factory whose open request fails, like a corrupt profile or an old Safari private window. */
export function failingOpenFactory(): IDBFactory {
  return {
    open() {
      const req = { error: new DOMException('open failed', 'UnknownError') } as {
        onerror?: () => void;
        error: DOMException;
      };
      setTimeout(() => req.onerror?.(), 0);
      return req;
    },
  } as unknown as IDBFactory;
}

/** A factory whose open never completes, like a database blocked by another tab. */
export function hangingFactory(): IDBFactory {
  return { open: () => ({}) } as unknown as IDBFactory;
}

/** A real database that refuses every transaction with QuotaExceededError, like a full disk. */
export function quotaFactory(): IDBFactory {
  return {
    open(name: string, version?: number) {
      const real = indexedDB.open(name, version);
      return new Proxy(real, {
        get(target, prop) {
          if (prop === 'result') return fullDatabase(target.result);
          const value = Reflect.get(target, prop, target) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        },
        set(target, prop, value) {
          return Reflect.set(target, prop, value, target);
        },
      });
    },
  } as unknown as IDBFactory;
}

function fullDatabase(db: IDBDatabase): IDBDatabase {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'transaction') {
        return () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set(target, prop, value) {
      return Reflect.set(target, prop, value, target);
    },
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('request failed'));
  });
}

function binaryAsText(_key: string, value: unknown): unknown {
  if (value instanceof ArrayBuffer) return new TextDecoder().decode(value);
  if (ArrayBuffer.isView(value)) {
    return new TextDecoder().decode(
      new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
    );
  }
  return value;
}
