import { UnionJoinError } from '../errors/union-join-error.ts';

/**
 * Checks a backend base URL: http(s) only, no query, fragment or credentials. A relative
 * endpoint is resolved against the page's address when there is one.
 */
export function normaliseEndpoint(endpoint: string | URL): URL {
  const base = globalThis.location?.href;
  let url: URL;
  try {
    url = new URL(String(endpoint), base);
  } catch (error) {
    throw new UnionJoinError('endpoint is not a valid URL', { cause: error });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UnionJoinError(`endpoint must use http or https, not ${url.protocol}`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new UnionJoinError('endpoint must not have a query string or fragment');
  }
  if (url.username !== '' || url.password !== '') {
    throw new UnionJoinError('endpoint must not contain credentials');
  }
  return url;
}

/**
 * Joins `segments` onto a normalised endpoint, percent-encoding each one so an id can never
 * change the path (`a/b`, `?x` and `#y` stay inside their segment).
 */
export function endpointUrl(endpoint: URL, segments: readonly string[]): URL {
  const encoded = segments.map((segment) => {
    // URL parsers treat "." and ".." (and their %2E forms) as dot segments, whatever the encoding.
    if (segment === '' || segment === '.' || segment === '..') {
      throw new UnionJoinError(`"${segment}" is not a valid path segment`);
    }
    return encodeURIComponent(segment);
  });
  const url = new URL(endpoint.href);
  // Trailing slashes are dropped here because an origin's path can never be empty ("/").
  url.pathname = `${endpoint.pathname.replace(/\/+$/, '')}/${encoded.join('/')}`;
  return url;
}
