import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Keyring } from './keyring.ts';

const INFO = 'union-join/request-hash/v1';
const derived = new WeakMap<Buffer, Buffer>();

function hashKey(key: Buffer): Buffer {
  let subkey = derived.get(key);
  if (!subkey) {
    subkey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), INFO, 32));
    derived.set(key, subkey);
  }
  return subkey;
}

/** JSON with object keys sorted at every depth, so equal bodies hash equally whatever their order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Keyed fingerprint of a request body for idempotency checks: `<keyId>:<hmac>`. A keyed hash, so the
 * stored value cannot be used to confirm a guess of someone's answers without the data key.
 */
export function requestHash(keyring: Keyring, formId: string, body: unknown): string {
  const { id, key } = keyring.current;
  const mac = createHmac('sha256', hashKey(key)).update(formId).update('\0').update(canonicalJson(body));
  return `${id}:${mac.digest('base64url')}`;
}

/** Whether a body matches a stored request hash; `undefined` when the key that made it is gone. */
export function matchesRequestHash(
  keyring: Keyring,
  stored: string,
  formId: string,
  body: unknown,
): boolean | undefined {
  const separator = stored.indexOf(':');
  const key = keyring.get(stored.slice(0, separator));
  if (separator < 0 || !key) return undefined;
  const expected = Buffer.from(stored.slice(separator + 1), 'base64url');
  const actual = createHmac('sha256', hashKey(key))
    .update(formId)
    .update('\0')
    .update(canonicalJson(body))
    .digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
