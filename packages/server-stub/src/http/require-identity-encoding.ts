import { HttpProblem } from './http-problem.ts';

/**
 * Refuses a request body sent with a `Content-Encoding` (gzip, br, ...) with 415: bodies are
 * small, and decompressing them would let a few kilobytes expand past the body limit. Without
 * this, a compressed body would be read as text and refused as "not valid UTF-8", which sends
 * its sender looking in the wrong place.
 */
export function requireIdentityEncoding(header: string | undefined): void {
  const encodings = (header ?? '')
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '' && part !== 'identity');
  if (encodings.length > 0) {
    throw new HttpProblem(
      415,
      'unsupported_media_type',
      'A Content-Encoding is not accepted; send the body uncompressed.',
    );
  }
}
