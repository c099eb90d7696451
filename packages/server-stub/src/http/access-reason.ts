import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { HttpProblem } from './http-problem.ts';

const MAX_REASON = 200;
// No control characters: the reason is one line of the access log.
const CONTROL = /\p{Cc}/u;

/**
 * Reads `?reason=` of an admin request, why staff read, export or erase (a case reference such as
 * "SAR 2026-114"), for its access-log entry. Checked before the handler runs, so a bad one refuses
 * the request with 400 before anything is read or erased.
 */
export function accessReason(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const reason = c.req.query('reason');
    if (reason !== undefined) {
      if (reason.trim() === '' || reason.length > MAX_REASON || CONTROL.test(reason)) {
        throw new HttpProblem(
          400,
          'invalid_query',
          `"reason" must be 1 to ${MAX_REASON} characters on one line: a case reference, never a name.`,
        );
      }
      c.set('accessReason', reason.trim());
    }
    await next();
  };
}
