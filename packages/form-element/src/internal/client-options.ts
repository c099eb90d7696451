/**
 * Retries the element allows the sdk client after a first failed attempt. Fewer than the client's
 * default: a refused connection is known within a couple of seconds, and the application is then
 * queued on the device. A server that never answers costs each attempt its timeout, so "Sending…"
 * can last about 45 s before the queued notice.
 */
export const CLIENT_RETRIES = 2;

/** The backend URL the client should use: an empty `endpoint` means this site's origin. */
export function endpointOf(endpoint: string | undefined): string {
  return endpoint?.trim() || '/';
}
