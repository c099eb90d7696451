import type { MiddlewareHandler } from 'hono';

/** Headers every response carries. */
const BASE: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Named header sets for the kinds of response the server sends. */
export const SECURITY_POLICIES = {
  /** JSON API: nothing in a response may load or run, and nothing may frame it. */
  api: {
    ...BASE,
    'Content-Security-Policy':
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    'X-Frame-Options': 'DENY',
  },
  /** Admin pages and admin API: strict CSP, never framed, never cached, same-origin only. */
  admin: {
    ...BASE,
    'Content-Security-Policy':
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
      "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
  },
  /**
   * Static example pages: the strict policy the element promises to work under (no inline script,
   * no eval); inline styles are allowed for the examples' own markup.
   */
  static: {
    ...BASE,
    'Content-Security-Policy':
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
      "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
    'X-Frame-Options': 'SAMEORIGIN',
  },
} as const satisfies Record<string, Record<string, string>>;

/** Adds a policy's headers to every response that has not set them itself. */
export function securityHeaders(policy: keyof typeof SECURITY_POLICIES): MiddlewareHandler {
  const headers = Object.entries(SECURITY_POLICIES[policy]);
  return async (c, next) => {
    await next();
    for (const [name, value] of headers) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  };
}
