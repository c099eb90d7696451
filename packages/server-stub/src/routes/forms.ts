import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { HttpProblem } from '../http/http-problem.ts';
import { applyCors } from '../http/origin-policy.ts';
import type { RouteDeps } from './route-deps.ts';

/** Whether an `If-None-Match` header matches an ETag (weak comparison, as RFC 9110 asks). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}

/** `GET /v1/forms/{formId}`: the public form definition, with ETag revalidation and CORS. */
export function formsRoutes(deps: RouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.options('/v1/forms/:formId', (c) => {
    applyCors(
      c,
      deps.origins,
      deps.forms.get(c.req.param('formId'))?.settings.allowedOrigins,
      'GET, OPTIONS',
    );
    return c.body(null, 204);
  });

  routes.get('/v1/forms/:formId', (c) => {
    const form = deps.forms.get(c.req.param('formId'));
    applyCors(c, deps.origins, form?.settings.allowedOrigins, 'GET, OPTIONS');
    if (!form) throw new HttpProblem(404, 'form_not_found', 'There is no form with this id.');
    c.header('ETag', form.etag);
    c.header('Cache-Control', 'public, no-cache');
    if (etagMatches(c.req.header('if-none-match'), form.etag)) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(form.json, 200);
  });

  return routes;
}
