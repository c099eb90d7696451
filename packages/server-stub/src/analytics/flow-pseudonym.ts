import { createHmac, hkdfSync } from 'node:crypto';

const INFO = 'union-join/analytics-flow/v1';
const derived = new WeakMap<Buffer, Buffer>();

/**
 * What is stored in place of an event's flow id: a keyed hash of it under a key derived from the
 * data key. The sdk makes flow ids at random, but the server cannot tell; a client that made one
 * from a name or a member number would otherwise have it written down. Equal flows still map to
 * equal pseudonyms, so deduplication and the per-flow rollup work unchanged. The result (22
 * base64url characters, 128 bits) fits the event schema's flow pattern.
 *
 * @example
 * const stored = events.map((event) => ({ ...event, flow: flowPseudonym(keyring.current.key, event.flow) }));
 */
export function flowPseudonym(dataKey: Buffer, flow: string): string {
  let key = derived.get(dataKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), INFO, 32));
    derived.set(dataKey, key);
  }
  return createHmac('sha256', key).update(flow).digest().subarray(0, 16).toString('base64url');
}
