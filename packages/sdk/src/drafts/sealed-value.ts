import type { KeyValueStore } from './key-value-store.ts';
import { isRecord } from './is-record.ts';

/** A value encrypted with the device's outbox key (AES-GCM). */
export interface SealedValue {
  iv: Uint8Array;
  data: ArrayBuffer;
}

const KEY_NAME = 'outbox-key';

/** Whether this page can encrypt (WebCrypto exists only in secure contexts). */
export function canSeal(): boolean {
  return typeof globalThis.crypto?.subtle?.encrypt === 'function';
}

/**
 * The device's outbox key: a non-extractable AES-GCM key kept beside the outbox, created on first
 * use. Two tabs creating it at once agree on one through an atomic update.
 */
export async function loadSealingKey(meta: KeyValueStore): Promise<CryptoKey> {
  const existing = await meta.get(KEY_NAME);
  if (existing instanceof CryptoKey) return existing;
  const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  const kept = await meta.update(KEY_NAME, (current) =>
    current instanceof CryptoKey ? current : fresh,
  );
  return kept instanceof CryptoKey ? kept : fresh;
}

/** Encrypts the JSON of `value`. */
export async function seal(key: CryptoKey, value: unknown): Promise<SealedValue> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain);
  return { iv, data };
}

/** Decrypts a {@link SealedValue}; rejects when it was tampered with or the key is another. */
export async function unseal(key: CryptoKey, sealed: unknown): Promise<unknown> {
  if (!isRecord(sealed) || !(sealed.iv instanceof Uint8Array)) throw new TypeError('Not sealed');
  const { data } = sealed;
  if (!(data instanceof ArrayBuffer)) throw new TypeError('Not sealed');
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv as Uint8Array<ArrayBuffer> },
    key,
    data,
  );
  return JSON.parse(new TextDecoder().decode(plain)) as unknown;
}
