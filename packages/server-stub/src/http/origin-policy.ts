import type { Context } from 'hono';

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

const LOCALHOST = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** Options of {@link OriginPolicy}. */
export interface OriginPolicyOptions {
  /** Origins allowed for every form; `*` allows any. */
  allowedOrigins: readonly string[];
  allowLocalhostOrigins: boolean;
}

/**
 * Decides which browser origins may call the public API for a form: the global list, the form's
 * own list, localhost in development, and always the server's own origin.
 */
export class OriginPolicy {
  readonly #global: readonly string[];
  readonly #localhost: boolean;

  /** Creates the policy. */
  constructor({ allowedOrigins, allowLocalhostOrigins }: OriginPolicyOptions) {
    this.#global = allowedOrigins;
    this.#localhost = allowLocalhostOrigins;
  }

  /**
   * Whether `origin` may call the API of a form that allows `formOrigins`. `ownHost` is the
   * request's `Host`: a page served by this server is same-origin even when a TLS proxy in front
   * makes the scheme differ.
   */
  allows(origin: string, ownHost: string, formOrigins: readonly string[] = []): boolean {
    if (hostOf(origin) === ownHost.toLowerCase()) return true;
    if (this.#localhost && LOCALHOST.test(origin)) return true;
    return [...this.#global, ...formOrigins].some(
      (allowed) => allowed === '*' || allowed === origin,
    );
  }
}

/** Response headers a browser may read on a cross-origin public API response. */
const EXPOSED = 'ETag, Retry-After, Idempotent-Replayed, X-Request-Id, Location';

/**
 * Adds CORS headers for an allowed origin; never credentials. Returns whether the origin (if any)
 * is allowed.
 */
export function applyCors(
  c: Context,
  policy: OriginPolicy,
  formOrigins: readonly string[] | undefined,
  methods: string,
): boolean {
  c.header('Vary', 'Origin', { append: true });
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  const ownHost = c.req.header('host') ?? new URL(c.req.url).host;
  if (!policy.allows(origin, ownHost, formOrigins)) return false;
  c.header('Access-Control-Allow-Origin', origin);
  c.header('Access-Control-Expose-Headers', EXPOSED);
  if (c.req.method === 'OPTIONS') {
    c.header('Access-Control-Allow-Methods', methods);
    // If-None-Match: the sdk client revalidates a cached form definition with its ETag.
    c.header('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key, If-None-Match');
    c.header('Access-Control-Max-Age', '600');
  }
  return true;
}
