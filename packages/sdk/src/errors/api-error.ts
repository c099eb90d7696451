// ApiError and its status-specific subclasses live in one module: `ApiError.from` constructs the
// subclasses, and splitting them would create a circular import between class definitions.
import { parseRetryAfter } from '../client/retry-after.ts';
import { UnionJoinError } from './union-join-error.ts';

/** One problem reported by the server's validation (the 422 body's `issues`). */
export interface ValidationIssue {
  /** Where the problem is, e.g. `["answers", "email"]`. */
  path: (string | number)[];
  /** Stable machine-readable code, e.g. `invalid_email`. */
  code: string;
  /** Human-readable English description, for developers; show translated text to applicants. */
  message: string;
  /** What the form definition says (a limit, the part of an answer), never an answer. */
  params?: Record<string, string | number>;
}

/** Error body the HTTP API returns: `{ error, message?, issues?, requestId? }`. */
export interface ApiErrorBody {
  error: string;
  message?: string;
  issues?: ValidationIssue[];
  requestId?: string;
}

/** Fields of an {@link ApiError} besides its status. */
export interface ApiErrorInit {
  /** Machine-readable code (the body's `error`), e.g. `validation_failed`. */
  code: string;
  /** The server's request id, for support requests, if it sent one. */
  requestId?: string | undefined;
  /** The parsed response body (or its text when it was not JSON). */
  body?: unknown;
  cause?: unknown;
}

// Codes and request ids go into messages, so only plain tokens are accepted from the server:
// anything else (a server echoing input, say) is replaced rather than copied into a log line.
const CODE_PATTERN = /^[a-z][a-z0-9_.-]{0,63}$/i;
const REQUEST_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readIssues(value: unknown): ValidationIssue[] {
  if (!Array.isArray(value)) return [];
  const issues: ValidationIssue[] = [];
  for (const item of value) {
    if (!isRecord(item) || typeof item.code !== 'string') continue;
    const path = Array.isArray(item.path)
      ? item.path.filter(
          (p): p is string | number => typeof p === 'string' || typeof p === 'number',
        )
      : [];
    const issue: ValidationIssue = {
      path,
      code: item.code,
      message: typeof item.message === 'string' ? item.message : '',
    };
    if (isRecord(item.params)) {
      const params = Object.entries(item.params).filter(
        (entry): entry is [string, string | number] =>
          typeof entry[1] === 'string' || typeof entry[1] === 'number',
      );
      issue.params = Object.fromEntries(params);
    }
    issues.push(issue);
  }
  return issues;
}

/** The server answered with an error status; `code` and `requestId` come from the error body. */
export class ApiError extends UnionJoinError {
  override name = 'ApiError';
  /** HTTP status code. */
  readonly status: number;
  /** Machine-readable error code from the body's `error`, or `http_<status>` when there was none. */
  readonly code: string;
  /** The server's request id (body `requestId` or `X-Request-Id` header), if any. */
  readonly requestId: string | undefined;
  /** The parsed response body, kept for debugging; never copied into `message`. */
  readonly body: unknown;

  /** Creates the error; prefer {@link ApiError.from}, which picks the right subclass. */
  constructor(status: number, init: ApiErrorInit) {
    const code = CODE_PATTERN.test(init.code) ? init.code : `http_${status}`;
    const requestId =
      init.requestId !== undefined && REQUEST_ID_PATTERN.test(init.requestId)
        ? init.requestId
        : undefined;
    const suffix = requestId === undefined ? '' : ` (request ${requestId})`;
    super(`The server answered ${status} ${code}${suffix}`, { cause: init.cause });
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.body = init.body;
  }

  /**
   * Builds the error for a response: {@link ValidationError} for 422, {@link RateLimitError} for 429,
   * {@link ServerError} for 5xx, otherwise a plain ApiError.
   */
  static from(
    status: number,
    body: unknown,
    headers?: HeadersInit,
    now: number = Date.now(),
  ): ApiError {
    const h = new Headers(headers);
    const record = isRecord(body) ? body : {};
    const init: ApiErrorInit = {
      code: typeof record.error === 'string' ? record.error : `http_${status}`,
      requestId:
        typeof record.requestId === 'string'
          ? record.requestId
          : (h.get('x-request-id') ?? h.get('request-id') ?? undefined),
      body,
    };
    if (status === 422) return new ValidationError(init, readIssues(record.issues));
    if (status === 429) {
      return new RateLimitError(init, parseRetryAfter(h.get('retry-after'), now));
    }
    if (status >= 500) return new ServerError(status, init);
    return new ApiError(status, init);
  }
}

/** 422: the server rejected the application; `issues` says which answers and why. */
export class ValidationError extends ApiError {
  override name = 'ValidationError';
  /** Every problem the server found, with the path of the answer concerned. */
  readonly issues: ValidationIssue[];

  /** Creates the error with the server's issues. */
  constructor(init: ApiErrorInit, issues: ValidationIssue[]) {
    super(422, init);
    this.issues = issues;
  }
}

/** 429: too many requests; `retryAfterMs` is the server's `Retry-After`, when it sent one. */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
  /**
   * How long the server asked the client to wait, in milliseconds, at most `MAX_RETRY_AFTER_MS`
   * (60 s): a misconfigured server cannot make a client wait for hours.
   */
  readonly retryAfterMs: number | undefined;

  /** Creates the error with the wait the server asked for. */
  constructor(init: ApiErrorInit, retryAfterMs: number | undefined) {
    super(429, init);
    this.retryAfterMs = retryAfterMs;
  }
}

/** 5xx: the server failed; the request may be retried with the same idempotency key. */
export class ServerError extends ApiError {
  override name = 'ServerError';
}
