import { UnionJoinError } from '../errors/union-join-error.ts';

/** The outbox refused an application or cannot read a queued one back; the message names no answer. */
export class OutboxError extends UnionJoinError {
  override name = 'OutboxError';
  /** `invalid_application`, `invalid_idempotency_key`, `not_found` or `unreadable`. */
  readonly code: string;

  /** Creates the error with a stable code. */
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
