/**
 * A fresh random flow id: 16 bytes from `crypto.getRandomValues`, base64url (22 characters).
 * It is kept in memory only, so it dies with the page and cannot follow anyone around.
 */
export function createFlowId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}
