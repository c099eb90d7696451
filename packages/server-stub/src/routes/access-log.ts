import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { accessReason } from '../http/access-reason.ts';
import { adminAuth } from '../http/admin-auth.ts';
import { HttpProblem } from '../http/http-problem.ts';
import { securityHeaders } from '../http/security-headers.ts';
import type { RouteDeps } from './route-deps.ts';

const MAX_PAGE = 1000;

/** `GET /v1/access-log?after=&limit=`: the append-only access log, oldest first; reading it is logged. */
export function accessLogRoutes(deps: RouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const auth = adminAuth({
    tokens: deps.config.adminTokens,
    failures: deps.authFailureLimiter,
    clientIp: deps.clientIp,
    logger: deps.logger,
  });

  routes.get('/v1/access-log', securityHeaders('admin'), auth, accessReason(), async (c) => {
    const afterText = c.req.query('after') ?? '0';
    const limitText = c.req.query('limit') ?? '100';
    if (!/^\d{1,15}$/.test(afterText)) {
      throw new HttpProblem(400, 'invalid_query', '"after" must be a sequence number.');
    }
    if (!/^\d+$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > MAX_PAGE) {
      throw new HttpProblem(400, 'invalid_query', `"limit" must be between 1 and ${MAX_PAGE}.`);
    }
    await deps.storage.appendAccessLog({
      at: deps.clock.now(),
      actor: c.get('adminName'),
      action: 'access_log.read',
      formId: null,
      applicationIds: [],
      count: 0,
      ...(c.get('accessReason') === undefined ? {} : { reason: c.get('accessReason') }),
    });
    const limit = Number(limitText);
    const entries = await deps.storage.listAccessLog(Number(afterText), limit + 1);
    const page = entries.slice(0, limit);
    const last = page.at(-1);
    // `next` is absent when there are no more entries.
    return c.json({
      entries: page.map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() })),
      ...(entries.length > limit && last ? { next: last.seq } : {}),
    });
  });

  return routes;
}
