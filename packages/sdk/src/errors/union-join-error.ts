/** Base class of every error the sdk throws; `cause` carries the underlying error, if any. */
export class UnionJoinError extends Error {
  // Set explicitly rather than from the constructor, which minifiers rename.
  override name = 'UnionJoinError';

  /** Creates the error; pass `{ cause }` to keep the underlying error for debugging. */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
