import {
  isFormDefinitionLike,
  mayKeep,
  offlineKind,
  pageKey,
  type OfflineKind,
} from './offline-rules.ts';

/** Every cache the worker owns starts with this; others of the site are never touched. */
export const CACHE_PREFIX = 'union-join-offline-';
/** Raise the version when what is kept changes shape: older caches are deleted on activation. */
export const CACHE_NAME = `${CACHE_PREFIX}v1`;
/** Type of the message a page sends once the worker controls it, listing what it had loaded. */
export const LOADED_MESSAGE = 'union-join-offline:loaded';

/** How long the network may take before the kept copy is shown instead (a bus between masts). */
const NETWORK_TIMEOUT_MS = 4000;
/** Most addresses one page's message may ask to keep. */
const MAX_LOADED = 50;
/** Response headers that describe the bytes on the wire, not the text a kept page holds. */
const WIRE_HEADERS = new Set(['content-encoding', 'content-length', 'transfer-encoding']);

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface MessageEventLike extends ExtendableEventLike {
  readonly data: unknown;
}
interface WorkerEvents {
  install: ExtendableEventLike;
  activate: ExtendableEventLike;
  fetch: FetchEventLike;
  message: MessageEventLike;
}

/** The parts of `ServiceWorkerGlobalScope` the worker uses (the DOM types do not declare it). */
export interface WorkerScopeLike {
  readonly location: { readonly href: string; readonly origin: string };
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener<K extends keyof WorkerEvents>(
    type: K,
    listener: (event: WorkerEvents[K]) => void,
  ): void;
}

/** What the page sends: its own address and the addresses it loaded before the worker ran. */
interface LoadedMessage {
  type: typeof LOADED_MESSAGE;
  page: string;
  resources: string[];
}

/**
 * Runs the offline worker in `scope`: network first for the join page, the element's scripts and
 * styles and the form definition, with the last good copy when the network fails or is slow.
 * Nothing else is intercepted, and nothing an applicant typed is ever kept.
 */
export function runOfflineWorker(scope: WorkerScopeLike): void {
  const origin = scope.location.origin;
  // A page is kept only when it loads this very script: the pages the webmaster opted in, never
  // another page of the site (a members' area) that happens to be in the worker's scope.
  const ownName = new URL(scope.location.href).pathname.split('/').pop() ?? '';
  const keeper = new Keeper(origin, ownName);

  // The first visit is protected at once: no waiting for every tab of the site to close.
  scope.addEventListener('install', (event) => event.waitUntil(scope.skipWaiting()));
  scope.addEventListener('activate', (event) =>
    event.waitUntil(deleteOldCaches().then(() => scope.clients.claim())),
  );
  scope.addEventListener('fetch', (event) => {
    const kind = offlineKind(event.request, origin);
    // Everything else goes to the network untouched, as if there were no worker.
    if (kind === undefined) return;
    const key = kind === 'page' ? pageKey(event.request.url) : event.request.url;
    const network = fetch(event.request);
    event.waitUntil(
      network.then((response) => keeper.keep(kind, key, response.clone())).catch(() => undefined),
    );
    event.respondWith(networkOrKept(network, key));
  });
  scope.addEventListener('message', (event) => {
    if (!isLoadedMessage(event.data)) return;
    event.waitUntil(keeper.keepLoaded(event.data, scope.registration.scope, origin));
  });
}

/**
 * The network's answer; the kept copy when the network fails or takes too long, or when its body
 * is cut off half way (the signal dropped mid-download: a broken script would run no form at all).
 */
async function networkOrKept(network: Promise<Response>, key: string): Promise<Response> {
  const whole = network.then(async (response) => {
    await response.clone().arrayBuffer();
    return response;
  });
  const slow = new Promise<undefined>((resolve) => {
    const timer = setTimeout(resolve, NETWORK_TIMEOUT_MS);
    whole.finally(() => clearTimeout(timer)).catch(() => undefined);
  });
  const first = await Promise.race([whole, slow]).catch(() => undefined);
  if (first) return first;
  const kept = await (await caches.open(CACHE_NAME)).match(key);
  // Nothing kept: the network's own answer or failure, exactly as without a worker.
  return kept ?? network;
}

/** Stores the answers that may be kept, each under its key. */
class Keeper {
  readonly #origin: string;
  readonly #ownName: string;

  constructor(origin: string, ownName: string) {
    this.#origin = origin;
    this.#ownName = ownName;
  }

  /** Keeps `response` under `key` if the rules allow; never throws. */
  async keep(kind: OfflineKind, key: string, response: Response): Promise<void> {
    try {
      if (!mayKeep(response)) return;
      const cache = await caches.open(CACHE_NAME);
      if (kind === 'page') {
        const page = await this.#keepablePage(response);
        if (page) await cache.put(key, page);
        return;
      }
      if (kind === 'definition') {
        const json: unknown = await response
          .clone()
          .json()
          .catch(() => undefined);
        if (!isFormDefinitionLike(json)) return;
      }
      await cache.put(key, response);
    } catch {
      // Storage full or the body cut off: the page still has the network's answer.
    }
  }

  /**
   * Keeps what a page loaded before the worker controlled it (the first visit), fetched again
   * under the same rules as any request.
   */
  async keepLoaded(message: LoadedMessage, scope: string, origin: string): Promise<void> {
    const wanted: { url: string; kind: OfflineKind }[] = [];
    if (message.page.startsWith(scope)) {
      const kind = offlineKind(facts(message.page, 'navigate', 'document'), origin);
      if (kind) wanted.push({ url: message.page, kind });
    }
    for (const url of message.resources.slice(0, MAX_LOADED)) {
      const kind = offlineKind(facts(url, 'cors', destinationOf(url)), origin);
      if (kind) wanted.push({ url, kind });
    }
    await Promise.all(
      wanted.map(async ({ url, kind }) => {
        const response = await fetch(url).catch(() => undefined);
        if (response) await this.keep(kind, kind === 'page' ? pageKey(url) : url, response);
      }),
    );
  }

  /** The page as it may be kept: same-origin HTML that loads this script, without wire headers. */
  async #keepablePage(response: Response): Promise<Response | undefined> {
    if (response.url && new URL(response.url).origin !== this.#origin) return undefined;
    if (!/^text\/html\b/i.test(response.headers.get('content-type') ?? '')) return undefined;
    const html = await response.text();
    if (!this.#ownName || !html.includes(this.#ownName)) return undefined;
    const headers = new Headers();
    response.headers.forEach((value, name) => {
      if (!WIRE_HEADERS.has(name)) headers.set(name, value);
    });
    // A new response has no address: the query string it was fetched with is not stored.
    return new Response(html, { status: 200, statusText: response.statusText, headers });
  }
}

/** Request facts for an address a page reports, as the browser would have requested it. */
function facts(url: string, mode: string, destination: string) {
  return { method: 'GET', url, mode, destination, headers: new Headers() };
}

/** The destination a reported resource had, from its file name. */
function destinationOf(url: string): string {
  const { pathname } = new URL(url);
  if (pathname.endsWith('.js') || pathname.endsWith('.mjs')) return 'script';
  if (pathname.endsWith('.css')) return 'style';
  if (/\.(?:woff2?|ttf|otf)$/.test(pathname)) return 'font';
  return '';
}

async function deleteOldCaches(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(
    names
      .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
      .map((name) => caches.delete(name)),
  );
}

function isLoadedMessage(data: unknown): data is LoadedMessage {
  if (typeof data !== 'object' || data === null) return false;
  const { type, page, resources } = data as Record<string, unknown>;
  return (
    type === LOADED_MESSAGE &&
    isAddress(page) &&
    Array.isArray(resources) &&
    resources.every(isAddress)
  );
}

function isAddress(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return Boolean(new URL(value));
  } catch {
    return false;
  }
}
