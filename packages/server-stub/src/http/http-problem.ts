import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ServerStubError } from '../errors.ts';

/**
 * An error that becomes an HTTP error response `{ error, message, requestId }`. The message is
 * fixed text written here, never built from request data.
 */
export class HttpProblem extends ServerStubError {
  override name = 'HttpProblem';
  /** HTTP status of the response. */
  readonly status: ContentfulStatusCode;
  /** Machine-readable code, the body's `error`. */
  readonly code: string;
  /** Extra response headers, such as `Retry-After`. */
  readonly headers: Record<string, string>;

  /** Creates the problem; `message` must not contain request data. */
  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    options?: ErrorOptions & { headers?: Record<string, string> },
  ) {
    super(message, options);
    this.status = status;
    this.code = code;
    this.headers = options?.headers ?? {};
  }
}
