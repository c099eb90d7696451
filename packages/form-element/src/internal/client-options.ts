import { TimeoutError } from '@union-join/sdk';

/**
 * Retries the element allows the sdk client after a first failed attempt. Fewer than the client's
 * default: a refused connection is known within a couple of seconds, and the application is then
 * queued on the device.
 */
export const CLIENT_RETRIES = 2;

/**
 * How long Send waits for the server's answer before the application is kept on the device to be
 * sent automatically: long enough for one attempt over a slow connection (the client allows each
 * 15 s), short enough that nobody watches "Sending…" for a minute.
 */
export const SEND_WAIT_MS = 20_000;

/** A signal that aborts with a {@link TimeoutError} after `ms`, and the means to stop its timer. */
export function deadline(ms: number): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeoutError(ms)), ms);
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

/** The backend URL the client should use: an empty `endpoint` means this site's origin. */
export function endpointOf(endpoint: string | undefined): string {
  return endpoint?.trim() || '/';
}
