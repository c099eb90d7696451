import { ApiError, ConnectionError, TimeoutError } from '@union-join/sdk';

/** Why a form definition could not be loaded, as a stable code the view turns into text. */
export type DefinitionLoadErrorKind =
  'network' | 'not_found' | 'server' | 'bad_response' | 'config' | 'insecure';

/** The form definition could not be fetched; `kind` says why, `cause` holds the original error. */
export class DefinitionLoadError extends Error {
  override name = 'DefinitionLoadError';
  /** Why loading failed. */
  readonly kind: DefinitionLoadErrorKind;
  /** The HTTP status, when the server answered. */
  readonly status: number | undefined;

  /** `url` is the address tried, named in the message so a webmaster can check it. */
  constructor(
    kind: DefinitionLoadErrorKind,
    options: { status?: number; cause?: unknown; url?: string } = {},
  ) {
    const status = options.status === undefined ? '' : ` (HTTP ${options.status})`;
    const from = options.url === undefined ? '' : ` from ${options.url}`;
    // No answer at all is often a wrong address or a server that does not allow this site.
    const hint =
      kind === 'network'
        ? ': no answer (check the address, and that it allows this site: CORS)'
        : kind === 'insecure'
          ? ': the page is not https (localhost works for testing); answers are personal data, and the browser gives plain-http pages no Web Crypto'
          : `: ${kind}`;
    super(`The form definition could not be loaded${from}${hint}${status}`, {
      cause: options.cause,
    });
    this.kind = kind;
    this.status = options.status;
  }

  /** Classifies an error thrown while loading (sdk client errors, fetch errors). */
  static from(error: unknown, url?: string): DefinitionLoadError {
    if (error instanceof ConnectionError || error instanceof TimeoutError) {
      return new DefinitionLoadError('network', { cause: error, url });
    }
    if (error instanceof ApiError) {
      const kind = error.status === 404 || error.status === 410 ? 'not_found' : 'server';
      return new DefinitionLoadError(error.status === 200 ? 'bad_response' : kind, {
        status: error.status,
        cause: error,
        url,
      });
    }
    if (error instanceof TypeError)
      return new DefinitionLoadError('network', { cause: error, url });
    return new DefinitionLoadError('config', { cause: error, url });
  }
}
