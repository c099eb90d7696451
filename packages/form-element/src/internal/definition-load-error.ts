import { ApiError, ConnectionError, TimeoutError } from '@union-join/sdk';

/** Why a form definition could not be loaded, as a stable code the view turns into text. */
export type DefinitionLoadErrorKind =
  'network' | 'not_found' | 'server' | 'bad_response' | 'config';

/** The form definition could not be fetched; `kind` says why, `cause` holds the original error. */
export class DefinitionLoadError extends Error {
  override name = 'DefinitionLoadError';
  /** Why loading failed. */
  readonly kind: DefinitionLoadErrorKind;
  /** The HTTP status, when the server answered. */
  readonly status: number | undefined;

  constructor(kind: DefinitionLoadErrorKind, options: { status?: number; cause?: unknown } = {}) {
    const status = options.status === undefined ? '' : ` (HTTP ${options.status})`;
    super(`The form definition could not be loaded: ${kind}${status}`, { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
  }

  /** Classifies an error thrown while loading (sdk client errors, fetch errors). */
  static from(error: unknown): DefinitionLoadError {
    if (error instanceof ConnectionError || error instanceof TimeoutError) {
      return new DefinitionLoadError('network', { cause: error });
    }
    if (error instanceof ApiError) {
      const kind = error.status === 404 || error.status === 410 ? 'not_found' : 'server';
      return new DefinitionLoadError(error.status === 200 ? 'bad_response' : kind, {
        status: error.status,
        cause: error,
      });
    }
    if (error instanceof TypeError) return new DefinitionLoadError('network', { cause: error });
    return new DefinitionLoadError('config', { cause: error });
  }
}
