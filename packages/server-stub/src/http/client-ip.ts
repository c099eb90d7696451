import { isIPv6 } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * Finds the client a request came from ({@link clientKey}): an in-memory rate-limit key, logged
 * only with a failed admin sign-in.
 */
export type ClientIpResolver = (c: Context) => string;

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** The 16-bit groups of an IPv6 address, `::` expanded and a dotted IPv4 tail counted as two. */
function ipv6Groups(address: string): string[] {
  const split = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group]));
  const [head = '', tail] = address.split('::');
  const left = split(head);
  const right = tail === undefined ? [] : split(tail);
  return [
    ...left,
    ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'),
    ...right,
  ];
}

/**
 * The key one client is limited by: an IPv4 address as it is (also when written IPv4-mapped,
 * `::ffff:192.0.2.1`), an IPv6 address as its /64 network, since one subscriber is routinely
 * given a whole /64 and could otherwise pick a fresh address for every request.
 */
export function clientKey(address: string): string {
  const plain = address.replace(/%.*$/, '');
  if (!isIPv6(plain)) return address;
  const mapped = MAPPED_IPV4.exec(plain);
  if (mapped?.[1]) return mapped[1];
  const prefix = ipv6Groups(plain.toLowerCase())
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16));
  return `${prefix.join(':')}::/64`;
}

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
    if (trustedProxies === 0) return clientKey(socketAddress);
    const forwarded = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    if (forwarded.length === 0) return clientKey(socketAddress);
    return clientKey(forwarded[Math.max(0, forwarded.length - trustedProxies)] ?? socketAddress);
  };
}
