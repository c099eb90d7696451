/**
 * The fingerprint a consent record carries of the exact text shown: `sha256:` and the lower-case
 * hex SHA-256 of its UTF-8 bytes (WebCrypto, so the same in browsers and Node).
 * @example await hashConsentText("Send me the members' newsletter") // 'sha256:…'
 */
export async function hashConsentText(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0'));
  return `sha256:${hex.join('')}`;
}
