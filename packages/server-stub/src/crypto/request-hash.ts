import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
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
      .map(
        (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
      );
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * SHA-256 of a form id and a request body in canonical form. Kept only inside the sealed row, so the
 * request hash column can be re-keyed when the data key rotates.
 */
export function bodyDigest(formId: string, body: unknown): string {
  return createHash('sha256')
    .update(formId)
    .update('\0')
    .update(canonicalJson(body))
    .digest('base64url');
}

function mac(key: Buffer, digest: string): Buffer {
  return createHmac('sha256', hashKey(key)).update(digest).digest();
}

/**
 * Keyed request hash for the idempotency check, `<keyId>:<hmac>`: keyed, so the stored column
 * cannot be used to confirm a guess of someone's answers without the data key.
 */
export function requestHash(keyring: Keyring, digest: string): string {
  return `${keyring.current.id}:${mac(keyring.current.key, digest).toString('base64url')}`;
}

/** Whether a body digest matches a stored request hash; `undefined` when its key is gone. */
export function matchesRequestHash(
  keyring: Keyring,
  stored: string,
  digest: string,
): boolean | undefined {
  const separator = stored.indexOf(':');
  const key = separator < 0 ? undefined : keyring.get(stored.slice(0, separator));
  if (!key) return undefined;
  const expected = Buffer.from(stored.slice(separator + 1), 'base64url');
  const actual = mac(key, digest);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
