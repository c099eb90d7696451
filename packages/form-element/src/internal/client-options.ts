/**
 * Retries the element allows the sdk client after a first failed attempt. Fewer than the client's
 * default: an applicant on a bad connection learns within a couple of seconds that it did not
 * work, and can try again (with the same idempotency key) instead of watching a spinner.
 */
export const CLIENT_RETRIES = 2;

/** The backend URL the client should use: an empty `endpoint` means this site's origin. */
export function endpointOf(endpoint: string | undefined): string {
  return endpoint?.trim() || '/';
}
