import { Hono } from 'hono';
import { parseDayRange } from '../analytics/day-range.ts';
import { buildFunnel } from '../analytics/funnel.ts';
import type { AppEnv } from '../app-env.ts';
import { adminAuth } from '../http/admin-auth.ts';
import { HttpProblem } from '../http/http-problem.ts';
import { securityHeaders } from '../http/security-headers.ts';
import type { RouteDeps } from './route-deps.ts';

/**
 * `GET /v1/forms/{formId}/funnel?from&to`: the aggregate funnel of a form over UTC days
 * `from`..`to` (inclusive; default the last 30 days). Admin token required. Counts below 5 are
 * reported as "<5" and shares built on them as null.
 */
export function funnelRoutes(deps: RouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const auth = adminAuth({
    tokens: deps.config.adminTokens,
    failures: deps.authFailureLimiter,
    clientIp: deps.clientIp,
    logger: deps.logger,
  });

  routes.get('/v1/forms/:formId/funnel', securityHeaders('admin'), auth, async (c) => {
    const form = deps.forms.get(c.req.param('formId'));
    if (!form) throw new HttpProblem(404, 'form_not_found', 'There is no form with this id.');
    const range = parseDayRange(c.req.query('from'), c.req.query('to'), deps.clock.now());
    const totals = await deps.storage.analytics.funnelTotals(form.id, range.from, range.to);
    return c.json(buildFunnel(form.definition, totals, range));
  });

  return routes;
}
