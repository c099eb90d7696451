import {
  createIndexedDbKeyValueStore,
  createMemoryKeyValueStore,
  type KeyValueStore,
} from './key-value-store.ts';

/** The object stores of the `union-join` database. */
export const STORE_NAMES = ['drafts', 'outbox', 'receipts', 'meta'] as const;

/** One of the object stores of the `union-join` database. */
export type StoreName = (typeof STORE_NAMES)[number];

/** Where drafts, the outbox and their bookkeeping live: IndexedDB, or memory when that is unusable. */
export interface DraftStorage {
  /** False when answers only live in this page's memory (no IndexedDB, private mode, quota, `drafts="off"`). */
  readonly persistent: boolean;
  readonly stores: Readonly<Record<StoreName, KeyValueStore>>;
  /** Called once if a working IndexedDB fails later and the storage switches to memory. */
  subscribe(listener: () => void): () => void;
  /** Closes the database connection; later calls run in memory. */
  close(): void;
}

/** Options of {@link openDraftStorage}. */
export interface OpenDraftStorageOptions {
  /** The IndexedDB factory; `null` means none. Defaults to `globalThis.indexedDB`. */
  indexedDB?: IDBFactory | null;
  /** Defaults to `union-join`. */
  databaseName?: string;
  /** How long opening may take before the storage settles for memory. Defaults to 3000 ms. */
  openTimeoutMs?: number;
}

const PROBE_KEY = '__probe__';

/**
 * Opens the device storage for drafts and the outbox. Never rejects: when IndexedDB is missing,
 * blocked, slow, out of quota or refuses writes (Safari and Firefox private modes), the storage
 * lives in memory and `persistent` is false, so the form still works and can say so once.
 * @example
 * const storage = await openDraftStorage();
 * if (!storage.persistent) showNotice('Your answers will not be kept on this device.');
 */
export async function openDraftStorage(
  options: OpenDraftStorageOptions = {},
): Promise<DraftStorage> {
  const factory =
    options.indexedDB === undefined ? readGlobalIndexedDb() : (options.indexedDB ?? undefined);
  if (!factory) return createMemoryDraftStorage();
  const db = await openDatabase(
    factory,
    options.databaseName ?? 'union-join',
    options.openTimeoutMs ?? 3000,
  );
  if (!db) return createMemoryDraftStorage();
  if (!(await probe(db))) {
    db.close();
    return createMemoryDraftStorage();
  }
  return new FallbackDraftStorage(db);
}

/** A storage that keeps everything in this page's memory and never touches IndexedDB (`drafts="off"`). */
export function createMemoryDraftStorage(): DraftStorage {
  const stores = memoryStores();
  return {
    persistent: false,
    stores,
    subscribe: () => () => undefined,
    close: () => undefined,
  };
}

function readGlobalIndexedDb(): IDBFactory | undefined {
  try {
    // Reading the property itself throws in some sandboxed iframes.
    return globalThis.indexedDB ?? undefined;
  } catch {
    return undefined;
  }
}

function memoryStores(): Record<StoreName, KeyValueStore> {
  return Object.fromEntries(
    STORE_NAMES.map((name) => [name, createMemoryKeyValueStore()]),
  ) as Record<StoreName, KeyValueStore>;
}

/**
 * Opens the database at whatever version it has, so a page with an older copy of this script still
 * works next to a newer one; a database that lacks one of the stores gets them in a new version.
 */
function openDatabase(
  factory: IDBFactory,
  name: string,
  timeoutMs: number,
): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    const timer = setTimeout(() => settle(undefined), timeoutMs);
    function settle(db: IDBDatabase | undefined): void {
      if (settled) {
        db?.close();
        return;
      }
      settled = true;
      clearTimeout(timer);
      resolve(db);
    }
    void (async () => {
      let db = await openVersion(factory, name, undefined);
      if (db && !hasAllStores(db)) {
        const next = db.version + 1;
        db.close();
        db = await openVersion(factory, name, next);
      }
      if (db && !hasAllStores(db)) {
        db.close();
        db = undefined;
      }
      settle(db);
    })();
  });
}

function openVersion(
  factory: IDBFactory,
  name: string,
  version: number | undefined,
): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = version === undefined ? factory.open(name) : factory.open(name, version);
    } catch {
      resolve(undefined);
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const store of STORE_NAMES) {
        if (!db.objectStoreNames.contains(store)) db.createObjectStore(store);
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the database must not be blocked by this page.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => resolve(undefined);
    request.onblocked = () => resolve(undefined);
  });
}

function hasAllStores(db: IDBDatabase): boolean {
  return STORE_NAMES.every((store) => db.objectStoreNames.contains(store));
}

/** A write and a delete, because private modes and full disks accept the open but refuse writes. */
async function probe(db: IDBDatabase): Promise<boolean> {
  try {
    const meta = createIndexedDbKeyValueStore(db, 'meta');
    await meta.set(PROBE_KEY, Date.now());
    await meta.delete(PROBE_KEY);
    return true;
  } catch {
    return false;
  }
}

/** IndexedDB-backed stores that switch, all together and for good, to memory on the first failure. */
class FallbackDraftStorage implements DraftStorage {
  readonly stores: Readonly<Record<StoreName, KeyValueStore>>;
  #db: IDBDatabase | undefined;
  #persistent = true;
  #memory: Record<StoreName, KeyValueStore> | undefined;
  #listeners = new Set<() => void>();

  constructor(db: IDBDatabase) {
    this.#db = db;
    // Site data cleared, the database deleted or upgraded elsewhere: nothing here lasts any more,
    // and whoever holds something only this storage kept must hear it at once.
    db.addEventListener('versionchange', () => this.#fallBack());
    db.addEventListener('close', () => this.#fallBack());
    const stores = {} as Record<StoreName, KeyValueStore>;
    for (const name of STORE_NAMES) stores[name] = this.#store(db, name);
    this.stores = stores;
  }

  get persistent(): boolean {
    return this.#persistent;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.#db?.close();
    this.#fallBack();
  }

  #store(db: IDBDatabase, name: StoreName): KeyValueStore {
    const durable = createIndexedDbKeyValueStore(db, name);
    const run = async <T>(operation: (store: KeyValueStore) => Promise<T>): Promise<T> => {
      if (this.#memory) return operation(this.#memory[name]);
      try {
        return await operation(durable);
      } catch (error) {
        // A value that cannot be cloned is the caller's bug, not a storage failure.
        if (error instanceof DOMException && error.name === 'DataCloneError') throw error;
        return operation(this.#fallBack()[name]);
      }
    };
    return {
      get: (key) => run((store) => store.get(key)),
      set: (key, value) => run((store) => store.set(key, value)),
      delete: (key) => run((store) => store.delete(key)),
      entries: () => run((store) => store.entries()),
      update: (key, updater) => run((store) => store.update(key, updater)),
    };
  }

  #fallBack(): Record<StoreName, KeyValueStore> {
    if (this.#memory) return this.#memory;
    const memory = memoryStores();
    this.#memory = memory;
    this.#persistent = false;
    this.#db = undefined;
    for (const listener of this.#listeners) listener();
    return memory;
  }
}
