import { UnionJoinError } from './union-join-error.ts';

/** A request got no response within the client's `timeoutMs`. */
export class TimeoutError extends UnionJoinError {
  override name = 'TimeoutError';
  /** The per-attempt time limit that was exceeded, in milliseconds. */
  readonly timeoutMs: number;

  /** Creates the error for a request that exceeded `timeoutMs`. */
  constructor(timeoutMs: number, options?: { cause?: unknown }) {
    super(`The server did not respond within ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}
