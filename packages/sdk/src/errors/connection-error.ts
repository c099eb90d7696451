import { UnionJoinError } from './union-join-error.ts';

/** The server could not be reached (offline, DNS, refused, CORS, reset); `cause` is the fetch error. */
export class ConnectionError extends UnionJoinError {
  override name = 'ConnectionError';
  /** Creates the error; the message is fixed so no URL or request detail can leak into logs. */
  constructor(options?: { cause?: unknown }) {
    super('Could not reach the server', options);
  }
}
