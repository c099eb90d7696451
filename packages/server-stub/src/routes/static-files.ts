import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { FormRegistry } from '../forms/form-registry.ts';
import { securityHeaders } from '../http/security-headers.ts';
import { resolveStaticFile } from './resolve-static-file.ts';

/** Files of the built element served at `/` when an element directory is configured. */
export const ELEMENT_FILES = [
  'union-join-form.js',
  'union-join-form.js.map',
  'union-join-form.iife.js',
  'union-join-form.iife.js.map',
  // The optional offline worker: at the root, so its scope covers every page of the site.
  'union-join-offline.js',
  'union-join-offline.js.map',
] as const;

/** Options of {@link staticRoutes}. */
export interface StaticRoutesOptions {
  /** Directory served at `/` (the examples, in development). */
  staticDir?: string | undefined;
  /** Directory of the built element. */
  elementDir?: string | undefined;
  /** The served forms, listed at `/served-forms.json` for the static pages. */
  forms?: FormRegistry | undefined;
}

/** One entry of `/served-forms.json`. */
export interface ServedFormSummary {
  id: string;
  organisation: string;
  locales: readonly string[];
}

/**
 * Serves the built element at stable paths (`/union-join-form.js`, readable from any origin so any
 * site can embed it) and a static directory at `/` under a strict Content-Security-Policy. With a
 * static directory, `/served-forms.json` lists the forms this server serves, so the example pages
 * offer the forms actually loaded rather than assume which ones exist. Hidden files (`.env`,
 * `.git/`) and links leading out of the static directory are never served.
 */
export function staticRoutes({ staticDir, elementDir, forms }: StaticRoutesOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  if (elementDir) {
    for (const file of ELEMENT_FILES) {
      routes.get(
        `/${file}`,
        async (c, next) => {
          await next();
          if (c.res.ok) {
            // Every answer depends on Accept-Encoding, the uncompressed one too: a shared cache
            // must not hand the 175 KB copy to a phone that could take the 49 KB one.
            if (!c.res.headers.get('Vary')) c.res.headers.set('Vary', 'Accept-Encoding');
            c.res.headers.set('Access-Control-Allow-Origin', '*');
            c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
            c.res.headers.set('Cache-Control', 'public, max-age=300');
          }
        },
        securityHeaders('static'),
        // `.br` and `.gz` copies next to a file (the element's build writes them) are sent to
        // browsers that accept them: a third of the bytes on a slow connection.
        serveStatic({ path: join(elementDir, file), precompressed: true }),
      );
    }
  }
  if (staticDir) {
    routes.get('/served-forms.json', securityHeaders('static'), (c) => {
      const served: ServedFormSummary[] = (forms?.list() ?? [])
        .map(({ id, definition }) => ({
          id,
          organisation: definition.organisation.name,
          locales: definition.locales,
        }))
        .sort((a, b) => a.id.localeCompare(b.id));
      c.header('Cache-Control', 'no-cache');
      return c.json({ forms: served });
    });
    routes.get('*', securityHeaders('static'), async (c, next) => {
      // Served by its real path, so a link swapped in after the check cannot lead elsewhere.
      const file = resolveStaticFile(staticDir, c.req.path);
      if (file === undefined) return next();
      return serveStatic({ path: file, precompressed: true })(c, next);
    });
  }
  return routes;
}
