import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** Finds the address a request came from; used only as an in-memory rate-limit key. */
export type ClientIpResolver = (c: Context) => string;

/**
 * Resolver for a server behind `trustedProxies` reverse proxies: their `X-Forwarded-For` entries
 * are believed, anything further left is not (a client can write whatever it likes there).
 */
export function clientIpResolver(trustedProxies: number): ClientIpResolver {
  return (c) => {
    let socketAddress = 'unknown';
    try {
      socketAddress = getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      // In-process requests (tests, embedding) have no socket.
    }
    if (trustedProxies === 0) return socketAddress;
    const forwarded = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    if (forwarded.length === 0) return socketAddress;
    return forwarded[Math.max(0, forwarded.length - trustedProxies)] ?? socketAddress;
  };
}
