import { PatternRouter } from 'hono/router/pattern-router';

/** A route as the app lists it (`app.routes`). */
export interface RouteEntry {
  method: string;
  path: string;
}

const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

/**
 * The methods each path answers, read from the app's routes, so that a request with another
 * method gets 405 with `Allow` instead of a 404 that hides the path exists. Middleware (`ALL`) and
 * the static files' catch-all name no resource, so they are left out; GET implies HEAD.
 * @example
 * const allowed = allowedMethods(app.routes);
 * allowed('/v1/events'); // ['OPTIONS', 'POST']
 */
export function allowedMethods(routes: readonly RouteEntry[]): (path: string) => string[] {
  // The app routes strictly (`/v1/events/` is not `/v1/events`), but the pattern router takes a
  // trailing slash as optional: a path is matched only against routes that agree on the slash,
  // or `POST /v1/events/` would be told to use POST.
  const routers = { slash: new PatternRouter<string>(), none: new PatternRouter<string>() };
  const routerOf = (path: string) => (path.length > 1 && path.endsWith('/') ? 'slash' : 'none');
  for (const { method, path } of routes) {
    if (METHODS.includes(method) && path !== '*' && path !== '/*') {
      routers[routerOf(path)].add(method, path, method);
    }
  }
  return (path) => {
    const router = routers[routerOf(path)];
    const allowed = METHODS.filter((method) => router.match(method, path)[0].length > 0);
    if (allowed.includes('GET') && !allowed.includes('HEAD')) allowed.push('HEAD');
    return allowed.sort();
  };
}
