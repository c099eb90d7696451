const encoder = new TextEncoder();

/** Bytes a webhook body may be given as. */
export type WebhookBody = string | Uint8Array | ArrayBuffer;

function toBytes(value: WebhookBody): Uint8Array {
  if (typeof value === 'string') return encoder.encode(value);
  return value instanceof Uint8Array ? value : new Uint8Array(value);
}

/** The signed payload: `<t>.<body>`, as bytes, so a binary or non-UTF-8 body is signed as sent. */
export function signedPayload(timestamp: number, body: WebhookBody): Uint8Array<ArrayBuffer> {
  const prefix = encoder.encode(`${timestamp}.`);
  const bytes = toBytes(body);
  const payload = new Uint8Array(prefix.length + bytes.length);
  payload.set(prefix, 0);
  payload.set(bytes, prefix.length);
  return payload;
}

/** HMAC-SHA256 of `payload` under `secret` with WebCrypto (browser and Node alike). */
export async function hmacSha256(
  secret: string,
  payload: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array> {
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, payload));
}

/** Lower-case hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares two MACs in time that depends only on their length, not on where they differ. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}
