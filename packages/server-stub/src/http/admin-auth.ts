import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { AdminToken } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { ClientIpResolver } from './client-ip.ts';
import { HttpProblem } from './http-problem.ts';
import type { RateDecision, RateLimiter } from './rate-limiter.ts';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Finds which token a presented bearer value is. Both sides are hashed to equal length and every
 * configured token is compared, so the time taken says nothing about how close a guess was.
 */
export function matchAdminToken(
  tokens: readonly AdminToken[],
  presented: string,
): string | undefined {
  const presentedDigest = digest(presented);
  let match: string | undefined;
  for (const { name, token } of tokens) {
    if (timingSafeEqual(digest(token), presentedDigest) && match === undefined) match = name;
  }
  return match;
}

/**
 * Whether an Authorization header presents a credential at all. A request without one (an
 * `<img>` on any page can send it) has not tried to sign in, so it is not a failed sign-in.
 */
export function presentsCredential(header: string | undefined): header is string {
  return header !== undefined && header.trim() !== '';
}

/** The token of an `Authorization: Bearer <token>` header, or undefined for any other header. */
export function bearerToken(header: string): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
}

/**
 * Counts a wrong admin credential presented by `client` (its rate-limit key: the address, or an
 * IPv6 client's /64) and logs it as `admin_auth_failed`, then `admin_locked_out` when this
 * failure starts a lockout, both as warnings an operator can alert on or feed to a firewall.
 * Never the credential: a near miss would leak most of a token.
 */
export function recordFailedSignIn(
  failures: RateLimiter,
  logger: Logger,
  client: string,
  requestId: string,
): RateDecision {
  const decision = failures.take(client);
  logger.warn('admin_auth_failed', { remoteAddress: client, requestId });
  const after = failures.check(client);
  if (decision.allowed && !after.allowed) {
    logger.warn('admin_locked_out', {
      remoteAddress: client,
      retryAfterSeconds: after.retryAfterSeconds,
      requestId,
    });
  }
  return decision;
}

function refuseLockedOut(decision: RateDecision): void {
  if (!decision.allowed) {
    throw new HttpProblem(429, 'rate_limited', 'Too many failed sign-in attempts.', {
      headers: { 'Retry-After': String(decision.retryAfterSeconds) },
    });
  }
}

/** Options of {@link adminAuth}. */
export interface AdminAuthOptions {
  tokens: readonly AdminToken[];
  /** Limits failed attempts per client IP. */
  failures: RateLimiter;
  clientIp: ClientIpResolver;
  /** Where failed sign-ins and lockouts are reported. */
  logger: Logger;
}

/**
 * Requires `Authorization: Bearer <token>`; records the token's name for the access log. After 10
 * wrong credentials a minute from one client, every request from it gets 429 until Retry-After
 * has passed. A request that presents no credential gets 401 without counting as a failure.
 */
export function adminAuth({
  tokens,
  failures,
  clientIp,
  logger,
}: AdminAuthOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const ip = clientIp(c);
    // A locked-out client is refused before its token is looked at, so a right guess made
    // during the lockout is not told apart from a wrong one.
    refuseLockedOut(failures.check(ip));
    const header = c.req.header('authorization');
    const bearer = presentsCredential(header) ? bearerToken(header) : undefined;
    const name = bearer === undefined ? undefined : matchAdminToken(tokens, bearer);
    if (name === undefined) {
      if (presentsCredential(header)) {
        refuseLockedOut(recordFailedSignIn(failures, logger, ip, c.get('requestId')));
      }
      throw new HttpProblem(401, 'unauthorized', 'A valid admin bearer token is required.', {
        headers: { 'WWW-Authenticate': 'Bearer realm="union-join"' },
      });
    }
    c.set('adminName', name);
    await next();
  };
}
