import { promisifyRequest, type UseStore } from 'idb-keyval';

/** A small async key-value store: one IndexedDB object store, or a Map when IndexedDB is unusable. */
export interface KeyValueStore {
  /** The stored value, typed `unknown` because a device's storage is untrusted input. */
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  entries(): Promise<[string, unknown][]>;
  /**
   * Reads and writes one key atomically (one IndexedDB transaction, so also across tabs).
   * The updater returning `undefined` deletes the key. Resolves to the value written.
   */
  update(key: string, updater: (current: unknown) => unknown): Promise<unknown>;
}

/**
 * A key-value store over one object store of an open IndexedDB database, with idb-keyval's
 * request helper (its own store functions would bring a default database this never uses).
 */
export function createIndexedDbKeyValueStore(db: IDBDatabase, storeName: string): KeyValueStore {
  const useStore: UseStore = (mode, callback) =>
    Promise.resolve().then(() => callback(db.transaction(storeName, mode).objectStore(storeName)));
  const write = (edit: (store: IDBObjectStore) => void) =>
    useStore('readwrite', (store) => {
      edit(store);
      return promisifyRequest(store.transaction);
    });
  return {
    get: (key) => useStore('readonly', (store) => promisifyRequest<unknown>(store.get(key))),
    set: (key, value) => write((store) => store.put(value, key)),
    delete: (key) => write((store) => store.delete(key)),
    entries: () =>
      useStore('readonly', async (store) => {
        // One transaction, so keys and values belong together.
        const [keys, values] = await Promise.all([
          promisifyRequest(store.getAllKeys()),
          promisifyRequest<unknown[]>(store.getAll()),
        ]);
        return keys.flatMap((key, i): [string, unknown][] =>
          typeof key === 'string' ? [[key, values[i]]] : [],
        );
      }),
    update: (key, updater) =>
      useStore('readwrite', (store) => {
        // The read and the write must share one transaction, so no await between them.
        let written: unknown;
        let failure: { error: unknown } | undefined;
        const read = store.get(key);
        read.onsuccess = () => {
          try {
            written = updater(read.result);
            if (written === undefined) store.delete(key);
            else store.put(written, key);
          } catch (error) {
            failure = { error };
            store.transaction.abort();
          }
        };
        return promisifyRequest(store.transaction).then(
          () => written,
          (error: unknown) => {
            throw failure ? failure.error : error;
          },
        );
      }),
  };
}

/** A key-value store held in memory: nothing reaches the device, values are copied like IndexedDB would. */
export function createMemoryKeyValueStore(): KeyValueStore {
  const map = new Map<string, unknown>();
  return {
    get: async (key) => structuredClone(map.get(key)),
    set: async (key, value) => {
      map.set(key, structuredClone(value));
    },
    delete: async (key) => {
      map.delete(key);
    },
    entries: async () => [...map].map(([key, value]) => [key, structuredClone(value)]),
    update: async (key, updater) => {
      const written = updater(structuredClone(map.get(key)));
      if (written === undefined) map.delete(key);
      else map.set(key, structuredClone(written));
      return structuredClone(written);
    },
  };
}
