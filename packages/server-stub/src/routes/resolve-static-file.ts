import { realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The real path of the file a request path names inside `root`, or undefined when it must not be
 * served: a percent sign or backslash (no decoding tricks), a segment starting with "." (`.env`,
 * `.git/`, `..`), or a path whose symbolic links lead outside the real root. A directory means its
 * `index.html`.
 */
export function resolveStaticFile(root: string, requestPath: string): string | undefined {
  if (requestPath.includes('%') || requestPath.includes('\\')) return undefined;
  const segments = requestPath.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.'))) return undefined;
  const realRoot = realPath(root);
  if (realRoot === undefined) return undefined;
  let candidate = join(realRoot, ...segments);
  if (isDirectory(candidate)) candidate = join(candidate, 'index.html');
  const real = realPath(candidate);
  if (real === undefined || !real.startsWith(realRoot + sep)) return undefined;
  return isDirectory(real) ? undefined : real;
}
