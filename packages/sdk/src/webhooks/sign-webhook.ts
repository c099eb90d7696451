import { UnionJoinError } from '../errors/union-join-error.ts';
import { hmacSha256, signedPayload, toHex, type WebhookBody } from './hmac.ts';

/** Name of the HTTP header that carries a webhook's signature. */
export const WEBHOOK_SIGNATURE_HEADER = 'Union-Join-Signature';

/** Turns a `Date` or Unix seconds into whole Unix seconds. */
export function toUnixSeconds(time: Date | number): number {
  return Math.floor(time instanceof Date ? time.getTime() / 1000 : time);
}

/**
 * Signs a webhook body: returns the {@link WEBHOOK_SIGNATURE_HEADER} value
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. A number `timestamp` is Unix seconds.
 *
 * @example
 * ```ts
 * const body = JSON.stringify(payload);
 * const signature = await signWebhook(secret, body, new Date());
 * await fetch(url, { method: 'POST', body, headers: { 'Union-Join-Signature': signature } });
 * ```
 */
export async function signWebhook(
  secret: string,
  body: WebhookBody,
  timestamp: Date | number = new Date(),
): Promise<string> {
  if (typeof secret !== 'string' || secret === '') {
    throw new UnionJoinError('webhook secret must be a non-empty string');
  }
  const t = toUnixSeconds(timestamp);
  if (!Number.isSafeInteger(t) || t < 0) {
    throw new UnionJoinError('webhook timestamp must be a time after 1970');
  }
  const mac = await hmacSha256(secret, signedPayload(t, body));
  return `t=${t},v1=${toHex(mac)}`;
}
