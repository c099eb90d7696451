import type { AnalyticsEvent } from '../analytics/analytics-event.ts';
import type { Application } from '../application/index.ts';
import {
  FormDefinitionError,
  parseFormDefinition,
  type FormDefinition,
} from '../definition/index.ts';
import { ApiError } from '../errors/api-error.ts';
import { ConnectionError } from '../errors/connection-error.ts';
import { TimeoutError } from '../errors/timeout-error.ts';
import { UnionJoinError } from '../errors/union-join-error.ts';
import { attemptSignal } from './attempt-signal.ts';
import { endpointUrl, normaliseEndpoint } from './endpoint-url.ts';
import { assertIdempotencyKey, createIdempotencyKey } from './idempotency-key.ts';
import { parseRetryAfter } from './retry-after.ts';
import { DEFAULT_MAX_RETRIES, backoffDelay, isRetryable } from './retry-policy.ts';
import { sleep as defaultSleep } from './sleep.ts';

/** Time limit of one request attempt unless the caller sets `timeoutMs`. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** Base URL of the backend, e.g. `https://join.example.org` (a path prefix is kept). */
  endpoint: string | URL;
  /** The fetch to use; defaults to the global one, looked up on every request. */
  fetch?: typeof globalThis.fetch;
  /** Time limit of each attempt in milliseconds (default 15 000). */
  timeoutMs?: number;
  /** Retries after the first attempt of a retryable failure (default 4). */
  maxRetries?: number;
  /** Waits between retries; replace it in tests so they do not wait real seconds. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Random source in [0, 1) for the backoff jitter (default `Math.random`). */
  random?: () => number;
  /** Clock in epoch milliseconds, used to read `Retry-After` dates (default `Date.now`). */
  now?: () => number;
}

/** Per-call options of the client's methods. */
export interface RequestOptions {
  /** Aborts the call, including any wait between retries; the call rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Per-call options of {@link UnionJoinClient.submit}. */
export interface SubmitOptions extends RequestOptions {
  /**
   * Key that makes the submission safe to repeat; pass the one stored with a queued submission
   * to resend it. A new random key is generated when omitted.
   */
  idempotencyKey?: string;
}

/** What the server answered to an accepted application. */
export interface SubmitResult {
  /** The application's reference, to show to the applicant. */
  id: string;
  /** When the server stored it (ISO 8601). */
  receivedAt: string;
  /** The idempotency key used on every attempt of this submission. */
  idempotencyKey: string;
}

/** The HTTP client returned by {@link createClient}. */
export interface UnionJoinClient {
  /** Loads and parses a form definition; revalidates a cached copy with its ETag. */
  getForm(formId: string, options?: RequestOptions): Promise<FormDefinition>;
  /** Submits an application, retrying transient failures with one idempotency key. */
  submit(application: Application, options?: SubmitOptions): Promise<SubmitResult>;
  /**
   * Posts one batch (at most 50) of analytics events as `text/plain` JSON, once, without retries:
   * analytics are best effort and carry no idempotency key.
   */
  sendEvents(events: readonly AnalyticsEvent[], options?: RequestOptions): Promise<void>;
}

interface Exchange {
  status: number;
  headers: Headers;
  body: unknown;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function invalidResponse(status: number, body: unknown): ApiError {
  return new ApiError(status, { code: 'invalid_response', body });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Creates a client for the union-join HTTP API. Every request omits cookies and credentials;
 * `getForm` and `submit` retry 408, 409, 429, 5xx and network failures, honouring `Retry-After`,
 * otherwise backing off from 0.5 s doubling to 8 s with full jitter.
 *
 * @example
 * ```ts
 * const client = createClient({ endpoint: 'https://join.example.org' });
 * const definition = await client.getForm('example-union');
 * const session = createFormSession(definition, { locale: 'en' });
 * // ... session.set(fieldId, value) as the applicant answers ...
 * try {
 *   const { id } = await client.submit(await session.toApplication());
 *   console.info(`Your reference: ${id}`);
 * } catch (error) {
 *   if (error instanceof ValidationError) console.warn(error.issues);
 *   else throw error;
 * }
 * ```
 */
export function createClient(options: ClientOptions): UnionJoinClient {
  const endpoint = normaliseEndpoint(options.endpoint);
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new UnionJoinError('timeoutMs must be a positive number of milliseconds');
  }
  if (!(Number.isInteger(maxRetries) && maxRetries >= 0)) {
    throw new UnionJoinError('maxRetries must be a whole number, 0 or more');
  }
  const formCache = new Map<string, { etag: string; definition: FormDefinition }>();

  async function exchange(
    url: URL,
    init: RequestInit,
    signal: AbortSignal | undefined,
    retries: number,
  ): Promise<Exchange> {
    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      const attemptAbort = attemptSignal(timeoutMs, signal);
      let failure: UnionJoinError;
      let retryAfterMs: number | undefined;
      try {
        const response = await fetchImpl(url, {
          ...init,
          credentials: 'omit',
          // The backend needs the Origin for CORS, never the address of the page the form is on.
          referrerPolicy: 'no-referrer',
          signal: attemptAbort.signal,
        });
        // The body is read inside the attempt so the time limit covers a stalled download too.
        const body = await readBody(response);
        if (response.ok || response.status === 304) {
          return { status: response.status, headers: response.headers, body };
        }
        failure = ApiError.from(response.status, body, response.headers, now());
        retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        failure = attemptAbort.timedOut()
          ? new TimeoutError(timeoutMs, { cause: error })
          : new ConnectionError({ cause: error });
      } finally {
        attemptAbort.dispose();
      }
      if (attempt >= retries || !isRetryable(failure)) throw failure;
      await sleep(retryAfterMs ?? backoffDelay(attempt, random), signal);
    }
  }

  return {
    async getForm(formId, { signal } = {}) {
      const url = endpointUrl(endpoint, ['v1', 'forms', formId]);
      const cached = formCache.get(formId);
      const headers: Record<string, string> = { accept: 'application/json' };
      if (cached) headers['if-none-match'] = cached.etag;
      const result = await exchange(url, { method: 'GET', headers }, signal, maxRetries);
      if (result.status === 304) {
        if (cached) return cached.definition;
        throw invalidResponse(304, result.body);
      }
      if (typeof result.body !== 'object') {
        // Most often a web page: `endpoint` is the union's own site rather than the server.
        const message = `${url.href} sent no JSON: check "endpoint"`;
        throw new FormDefinitionError([{ path: '', message }]);
      }
      const definition = parseFormDefinition(result.body);
      const etag = result.headers.get('etag');
      if (etag) formCache.set(formId, { etag, definition });
      else formCache.delete(formId);
      return definition;
    },

    async submit(application, { idempotencyKey, signal } = {}) {
      if (!isRecord(application) || typeof application.formId !== 'string') {
        throw new UnionJoinError('application.formId must be a string');
      }
      const key = idempotencyKey ?? createIdempotencyKey();
      assertIdempotencyKey(key);
      const url = endpointUrl(endpoint, ['v1', 'forms', application.formId, 'applications']);
      const init: RequestInit = {
        method: 'POST',
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify(application),
      };
      const result = await exchange(url, init, signal, maxRetries);
      const body = result.body;
      // A page, not JSON: a Wi-Fi login page or a proxy answered, so the server was not reached.
      if (!/json/i.test(result.headers.get('content-type') ?? '')) {
        throw new ConnectionError({ cause: invalidResponse(result.status, undefined) });
      }
      if (!isRecord(body) || typeof body.id !== 'string' || typeof body.receivedAt !== 'string') {
        throw invalidResponse(result.status, body);
      }
      return { id: body.id, receivedAt: body.receivedAt, idempotencyKey: key };
    },

    async sendEvents(events, { signal } = {}) {
      if (events.length === 0) return;
      const url = endpointUrl(endpoint, ['v1', 'events']);
      // text/plain keeps the request "simple" (no CORS preflight), like navigator.sendBeacon.
      const init: RequestInit = {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify(events),
        keepalive: true,
      };
      await exchange(url, init, signal, 0);
    },
  };
}
