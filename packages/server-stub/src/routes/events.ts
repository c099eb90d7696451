import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { parseAnalyticsBatch } from '@union-join/sdk/analytics';
import { admitEvents } from '../analytics/admit-events.ts';
import { flowPseudonym } from '../analytics/flow-pseudonym.ts';
import { StepTimer } from '../analytics/step-timer.ts';
import { hourStart, utcDay } from '../analytics/utc-time.ts';
import type { AppEnv } from '../app-env.ts';
import { HttpProblem } from '../http/http-problem.ts';
import { RateLimiter } from '../http/rate-limiter.ts';
import { requireIdentityEncoding } from '../http/require-identity-encoding.ts';
import type { RouteDeps } from './route-deps.ts';

/** Largest accepted events body: 50 events of a few hundred bytes each fit with room to spare. */
export const EVENTS_BODY_LIMIT = 32 * 1024;

/** Batches per minute one client address may send (a form sends a few per step). */
export const EVENTS_PER_MINUTE = 120;

/** Issues listed in a 400 answer; a hostile batch can have thousands. */
const MAX_ISSUES = 20;

function isAcceptedType(header: string | undefined): boolean {
  // The form sends text/plain (no CORS preflight); a developer's own client may send JSON.
  const [type = '', ...parameters] = (header ?? '').split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'text/plain' && type !== 'application/json') return false;
  return parameters.every((p) => !p.startsWith('charset=') || p === 'charset=utf-8');
}

/**
 * Anyone may send events, from any origin: they are anonymous, carry no credentials, and a
 * beacon is not subject to CORS anyway. Allowing every origin only lets `fetch` read the 202.
 */
function allowAnyOrigin(c: Context<AppEnv>): void {
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id');
}

/**
 * `POST /v1/events`: an analytics batch. Checked strictly against the sdk's event schema (400
 * naming the path), then against the served forms (events for unknown forms, versions, steps
 * or fields are dropped and counted), stamped with the server's current hour and stored raw
 * until the rollup. Only the schema's properties are stored, the flow id as a keyed pseudonym: no
 * address, no user agent, no referrer, no client time. Answers 202 `{ accepted, dropped }`.
 */
export function eventsRoutes(deps: RouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const timer = new StepTimer();
  const limiter = new RateLimiter({ limit: EVENTS_PER_MINUTE, clock: deps.clock });
  const analytics = deps.storage.analytics;

  routes.options('/v1/events', (c) => {
    allowAnyOrigin(c);
    c.header('Access-Control-Allow-Methods', 'POST, OPTIONS');
    c.header('Access-Control-Allow-Headers', 'Content-Type');
    c.header('Access-Control-Max-Age', '600');
    return c.body(null, 204);
  });

  routes.post(
    '/v1/events',
    async (c, next) => {
      allowAnyOrigin(c);
      const decision = limiter.take(deps.clientIp(c));
      if (!decision.allowed) {
        throw new HttpProblem(429, 'rate_limited', 'Too many event batches; try again later.', {
          headers: { 'Retry-After': String(decision.retryAfterSeconds) },
        });
      }
      if (!isAcceptedType(c.req.header('content-type'))) {
        throw new HttpProblem(
          415,
          'unsupported_media_type',
          'Events must be sent as text/plain or application/json (UTF-8).',
        );
      }
      requireIdentityEncoding(c.req.header('content-encoding'));
      await next();
    },
    bodyLimit({
      maxSize: EVENTS_BODY_LIMIT,
      onError: () => {
        throw new HttpProblem(
          413,
          'payload_too_large',
          `An events batch may be at most ${EVENTS_BODY_LIMIT} bytes.`,
        );
      },
    }),
    async (c) => {
      let json: unknown;
      try {
        json = JSON.parse(
          new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer()),
        );
      } catch (cause) {
        throw new HttpProblem(400, 'invalid_json', 'The events batch is not valid JSON.', {
          cause,
        });
      }
      const batch = parseAnalyticsBatch(json);
      if (!batch.ok) {
        return c.json(
          {
            error: 'invalid_events',
            message: 'The events batch does not match the analytics event schema.',
            issues: batch.issues.slice(0, MAX_ISSUES),
            requestId: c.get('requestId'),
          },
          400,
        );
      }

      const now = deps.clock.now();
      const day = utcDay(now);
      const { admitted, dropped } = admitEvents(
        batch.events,
        (formId) => deps.forms.get(formId)?.definition,
      );
      const pseudonymous = admitted.map((event) => ({
        ...event,
        flow: flowPseudonym(deps.keyring.current.key, event.flow),
      }));
      const stored = await analytics.insertRawEvents(pseudonymous, hourStart(now));
      const duplicates = admitted.length - stored.length;
      if (duplicates > 0) dropped.set('duplicate', duplicates);
      for (const [reason, count] of dropped) await analytics.countDropped(day, reason, count);
      await analytics.addDurations(timer.observe(stored, now));

      const droppedTotal = batch.events.length - stored.length;
      if (droppedTotal > 0) {
        deps.logger.info('analytics_events_dropped', Object.fromEntries(dropped));
      }
      return c.json({ accepted: stored.length, dropped: droppedTotal }, 202);
    },
  );

  return routes;
}
