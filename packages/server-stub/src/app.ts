import { Hono } from 'hono';
import type { AppEnv } from './app-env.ts';
import { systemClock, type Clock } from './clock.ts';
import type { ServerConfig } from './config.ts';
import type { Keyring } from './crypto/keyring.ts';
import type { FormRegistry } from './forms/form-registry.ts';
import { allowedMethods } from './http/allowed-methods.ts';
import { CLIENT_GONE_STATUS, clientGone } from './http/client-gone.ts';
import { clientIpResolver, type ClientIpResolver } from './http/client-ip.ts';
import { HttpProblem } from './http/http-problem.ts';
import { OriginPolicy } from './http/origin-policy.ts';
import { RateLimiter } from './http/rate-limiter.ts';
import { requestId } from './http/request-id.ts';
import { securityHeaders } from './http/security-headers.ts';
import { silentLogger, type Logger } from './logger.ts';
import { accessLogRoutes } from './routes/access-log.ts';
import { adminRoutes } from './routes/admin.ts';
import { adminApplicationsRoutes } from './routes/admin-applications.ts';
import { applicationsRoutes } from './routes/applications.ts';
import { eventsRoutes } from './routes/events.ts';
import { formsRoutes } from './routes/forms.ts';
import { funnelRoutes } from './routes/funnel.ts';
import type { RouteDeps } from './routes/route-deps.ts';
import { staticRoutes } from './routes/static-files.ts';
import type { Storage } from './storage/storage.ts';

/** The part of {@link ServerConfig} the HTTP app uses. */
export type AppConfig = Pick<
  ServerConfig,
  | 'adminTokens'
  | 'allowedOrigins'
  | 'allowLocalhostOrigins'
  | 'rateLimitPerMinute'
  | 'trustProxy'
  | 'bodyLimitBytes'
  | 'staticDir'
  | 'elementDir'
>;

/** Longest request path written to a log line. */
const MAX_LOGGED_PATH = 200;

function shortened(path: string): string {
  return path.length <= MAX_LOGGED_PATH ? path : `${path.slice(0, MAX_LOGGED_PATH - 1)}…`;
}

/** What {@link createApp} needs; everything with a default can be left out. */
export interface AppOptions {
  config: AppConfig;
  forms: FormRegistry;
  storage: Storage;
  keyring: Keyring;
  clock?: Clock;
  logger?: Logger;
  /** How to find a request's client address (default: socket, then trusted `X-Forwarded-For`). */
  clientIp?: ClientIpResolver;
  /** Called when an application with a webhook delivery was stored. */
  onDeliveryQueued?: () => void;
}

/**
 * Builds the HTTP app without listening, so tests call `app.request()` in-process.
 *
 * @example
 * const app = createApp({ config, forms, storage, keyring });
 * const response = await app.request('/v1/forms/example-union');
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const { config } = options;
  const deps: RouteDeps = {
    config,
    forms: options.forms,
    storage: options.storage,
    keyring: options.keyring,
    clock,
    logger,
    origins: new OriginPolicy(config),
    clientIp: options.clientIp ?? clientIpResolver(config.trustProxy),
    submissionLimiter: new RateLimiter({ limit: config.rateLimitPerMinute, clock }),
    authFailureLimiter: new RateLimiter({ limit: 10, clock }),
    onDeliveryQueued: options.onDeliveryQueued ?? (() => {}),
  };

  const app = new Hono<AppEnv>();
  app.use(requestId());
  // The API policy is the default for every response; admin and static routes set their own.
  app.use(securityHeaders('api'));
  // Admin pages (added with the funnel) get the strictest policy, and so does anything under /admin.
  app.use('/admin', securityHeaders('admin'));
  app.use('/admin/*', securityHeaders('admin'));
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    logger.info('request', {
      method: c.req.method,
      // The path only (a query string could carry anything), and shortened: a client chooses it.
      path: shortened(new URL(c.req.url).pathname),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      requestId: c.get('requestId'),
    });
  });

  app.route('/', formsRoutes(deps));
  app.route('/', applicationsRoutes(deps));
  app.route('/', adminApplicationsRoutes(deps));
  app.route('/', accessLogRoutes(deps));
  app.route('/', eventsRoutes(deps));
  app.route('/', funnelRoutes(deps));
  app.route('/', adminRoutes(deps));
  app.route('/', staticRoutes({ ...config, forms: options.forms }));

  let allowed: ((path: string) => string[]) | undefined;
  app.notFound((c) => {
    // Read once every route is in place: the first request comes after createApp returns.
    allowed ??= allowedMethods(app.routes);
    const methods = allowed(new URL(c.req.url).pathname);
    if (methods.length > 0) {
      c.header('Allow', methods.join(', '));
      return c.json(
        {
          error: 'method_not_allowed',
          message: `${c.req.method} is not accepted here; use ${methods.join(', ')}.`,
          requestId: c.get('requestId'),
        },
        405,
      );
    }
    return c.json(
      { error: 'not_found', message: 'Nothing here.', requestId: c.get('requestId') },
      404,
    );
  });
  app.onError((error, c) => {
    if (error instanceof HttpProblem) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return c.json(
        { error: error.code, message: error.message, requestId: c.get('requestId') },
        error.status,
      );
    }
    const gone = clientGone(error, c);
    if (gone !== undefined) {
      logger.info('client_aborted', { reason: gone, requestId: c.get('requestId') });
      // Nothing reaches the client any more; the status is for the request log line.
      return new Response(null, { status: CLIENT_GONE_STATUS[gone] });
    }
    // The error's name only: messages of errors thrown below us may quote data.
    logger.error('unhandled_error', { error: error.name, requestId: c.get('requestId') });
    return c.json(
      { error: 'internal_error', message: 'The server failed.', requestId: c.get('requestId') },
      500,
    );
  });
  return app;
}
