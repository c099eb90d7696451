import { hmacSha256, signedPayload, timingSafeEqual, type WebhookBody } from './hmac.ts';
import { toUnixSeconds } from './sign-webhook.ts';

/** Options of {@link verifyWebhookSignature}. */
export interface VerifyWebhookOptions {
  /** Largest accepted distance between the signature's time and now, in seconds (default 300). */
  toleranceSeconds?: number;
  /** The current time, as a `Date` or Unix seconds (default: the clock). */
  now?: Date | number;
}

const HEX_MAC = /^[0-9a-f]{64}$/i;
const UNIX_SECONDS = /^\d{1,12}$/;

function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** `t` and every well-formed `v1` of a signature header, or undefined when it is malformed. */
function parseHeader(header: string): { t: number; macs: Uint8Array[] } | undefined {
  let t: number | undefined;
  const macs: Uint8Array[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return undefined;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (t !== undefined || !UNIX_SECONDS.test(value)) return undefined;
      t = Number(value);
    } else if (key === 'v1' && HEX_MAC.test(value)) {
      macs.push(fromHex(value));
    }
    // Other schemes (a future v2) are skipped so that senders can add them without breaking receivers.
  }
  return t === undefined || macs.length === 0 ? undefined : { t, macs };
}

/**
 * Checks a {@link WEBHOOK_SIGNATURE_HEADER} value against the raw request body (the exact bytes
 * received, not re-serialised JSON). Resolves `true` only when the time is within
 * `toleranceSeconds` of now and any `v1` entry matches any of the secrets (several `v1` entries
 * or secrets allow rotating a secret without downtime). Resolves `false` for a missing or
 * malformed header and never throws for bad input.
 *
 * @example
 * ```ts
 * const body = await request.text();
 * const ok = await verifyWebhookSignature(secret, request.headers.get('Union-Join-Signature'), body);
 * if (!ok) return new Response('bad signature', { status: 401 });
 * ```
 */
export async function verifyWebhookSignature(
  secret: string | readonly string[],
  header: string | null | undefined,
  body: WebhookBody,
  { toleranceSeconds = 300, now = new Date() }: VerifyWebhookOptions = {},
): Promise<boolean> {
  try {
    if (typeof header !== 'string') return false;
    const parsed = parseHeader(header);
    if (!parsed) return false;
    if (!(Math.abs(toUnixSeconds(now) - parsed.t) <= toleranceSeconds)) return false;
    const secrets = (typeof secret === 'string' ? [secret] : secret).filter(
      (s) => typeof s === 'string' && s !== '',
    );
    const payload = signedPayload(parsed.t, body);
    let matched = false;
    for (const s of secrets) {
      const expected = await hmacSha256(s, payload);
      // No early exit: every candidate is compared, so timing does not reveal which one matched.
      for (const mac of parsed.macs) matched = timingSafeEqual(expected, mac) || matched;
    }
    return matched;
  } catch {
    return false;
  }
}
