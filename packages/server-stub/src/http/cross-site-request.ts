import type { Context } from 'hono';

/** `Sec-Fetch-Site` values of a request a page of this server made, or a person typed. */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/**
 * Whether a browser sent the request from a page that is not this server's own: another site's
 * page can post a form here, and the browser delivers it. Browsers say where a request came from
 * in `Sec-Fetch-Site`; those that do not are judged by `Origin`. An `Origin` of `null` is not
 * proof of another site: under this server's `Referrer-Policy: no-referrer` a browser sends it on
 * its own form posts. Clients that are not browsers send neither header and are not refused.
 */
export function isCrossSiteRequest(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && !OWN_FETCH_SITES.has(site.trim().toLowerCase())) return true;
  const origin = c.req.header('origin');
  if (origin === undefined || origin === 'null') return false;
  const ownHost = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
  return hostOf(origin) !== ownHost;
}
