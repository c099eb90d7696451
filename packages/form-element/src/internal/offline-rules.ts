/** What a request is to the offline worker: the join page, a static file, a form definition. */
export type OfflineKind = 'page' | 'asset' | 'definition';

/** The parts of a request the rules look at (a `Request` fits). */
export interface RequestFacts {
  readonly method: string;
  readonly url: string;
  readonly mode: string;
  readonly destination: string;
  readonly headers: { has(name: string): boolean };
}

/** The parts of a response the rules look at (a `Response` fits). */
export interface ResponseFacts {
  readonly status: number;
  readonly type: string;
  readonly headers: { get(name: string): string | null };
}

/**
 * Paths that carry personal data or act on it: applications (sent and listed), analytics, the
 * admin API and pages. Under any base path, as an endpoint may be `https://x.org/api`.
 */
const NEVER = /\/v1\/(?:admin|events)(?:\/|$)|\/v1\/forms\/[^/]+\/./;
const DEFINITION = /\/v1\/forms\/[^/]+$/;
const ELEMENT_SCRIPT = /\/union-join-(?:form(?:\.iife)?|offline)\.js$/;
const STATIC_DESTINATIONS = new Set(['script', 'style', 'font', 'manifest']);

/**
 * What the worker does with a request: `undefined` leaves it to the network untouched (no
 * `respondWith`), so submissions, analytics and the admin API behave exactly as without a worker.
 * Only plain GETs are candidates: no `Authorization`, no `Range`.
 */
export function offlineKind(request: RequestFacts, origin: string): OfflineKind | undefined {
  if (request.method !== 'GET') return undefined;
  if (request.headers.has('authorization') || request.headers.has('range')) return undefined;
  const url = new URL(request.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (NEVER.test(url.pathname)) return undefined;
  const sameOrigin = url.origin === origin;
  if (request.mode === 'navigate') {
    return sameOrigin && request.destination === 'document' ? 'page' : undefined;
  }
  if (DEFINITION.test(url.pathname)) return 'definition';
  // A `src` form definition: any JSON file, kept only when it turns out to be one.
  if (request.destination === '' && url.pathname.endsWith('.json')) return 'definition';
  if (ELEMENT_SCRIPT.test(url.pathname) && request.destination === 'script') return 'asset';
  if (sameOrigin && STATIC_DESTINATIONS.has(request.destination)) return 'asset';
  return undefined;
}

/**
 * Whether a network answer may be kept at all: a 200 the page could read (same-origin or CORS,
 * never opaque), that its server lets a browser store and did not mark as one person's.
 */
export function mayKeep(response: ResponseFacts): boolean {
  if (response.status !== 200) return false;
  if (response.type !== 'basic' && response.type !== 'cors') return false;
  const cacheControl = (response.headers.get('cache-control') ?? '').toLowerCase();
  return !/\b(?:no-store|private)\b/.test(cacheControl);
}

/** Whether parsed JSON is a form definition (which holds no personal data), not just any JSON. */
export function isFormDefinitionLike(json: unknown): boolean {
  if (typeof json !== 'object' || json === null) return false;
  const { id, organisation, steps } = json as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    typeof organisation === 'object' &&
    organisation !== null &&
    Array.isArray(steps)
  );
}

/**
 * The key a page is kept under: its address without the query, so no query string (a campaign
 * link, an address someone pasted) is ever stored, and `?form=a` and `?form=b` share one copy.
 */
export function pageKey(url: string): string {
  const { origin, pathname } = new URL(url);
  return origin + pathname;
}
