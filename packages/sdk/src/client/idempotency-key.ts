import { UnionJoinError } from '../errors/union-join-error.ts';

/**
 * A fresh random idempotency key (UUID v4). Falls back to `getRandomValues` where
 * `crypto.randomUUID` is missing, as it is on pages served over plain http.
 */
export function createIdempotencyKey(): string {
  const { crypto } = globalThis;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Throws unless `key` can travel in an `Idempotency-Key` header: 1-255 visible ASCII characters. */
export function assertIdempotencyKey(key: string): void {
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
    throw new UnionJoinError('idempotencyKey must be 1-255 visible ASCII characters');
  }
}
