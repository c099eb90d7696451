import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { renderFunnelPage, renderSignInPage } from '../admin/admin-page.ts';
import { ADMIN_STYLESHEET } from '../admin/admin-stylesheet.ts';
import { ViewTickets } from '../admin/view-ticket.ts';
import { parseDayRange } from '../analytics/day-range.ts';
import { buildFunnel } from '../analytics/funnel.ts';
import type { AppEnv } from '../app-env.ts';
import {
  bearerToken,
  matchAdminToken,
  presentsCredential,
  recordFailedSignIn,
} from '../http/admin-auth.ts';
import { isCrossSiteRequest } from '../http/cross-site-request.ts';
import { HttpProblem } from '../http/http-problem.ts';
import type { RateDecision } from '../http/rate-limiter.ts';
import type { RouteDeps } from './route-deps.ts';

/** Largest accepted sign-in or date-range form. */
const FORM_BODY_LIMIT = 4 * 1024;

/**
 * `/admin`: server-rendered funnel pages, one chart per form; no script, no external asset, no
 * cookie. Sign in with `Authorization: Bearer <token>` (scripts) or by posting the token in the
 * sign-in form. The token is never put in a URL (URLs end up in logs and history) nor echoed
 * into the page: the page carries a signed ticket, valid for 30 minutes, that lets its own
 * date-range form re-render it. Responses are `no-store` under a strict CSP (see app.ts). The
 * sign-in form is refused (403) when another site's page posted it.
 */
export function adminRoutes(deps: RouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const tickets = new ViewTickets();

  const lockedOut = (c: Context<AppEnv>, decision: RateDecision) => {
    if (decision.allowed) return undefined;
    c.header('Retry-After', String(decision.retryAfterSeconds));
    return c.html(renderSignInPage('Too many failed attempts. Try again later.'), 429);
  };

  /**
   * While the client is locked out, answers 429 whatever it sent: checked before the token, so a
   * right guess made during the lockout gains nothing.
   */
  const refuseIfLockedOut = (c: Context<AppEnv>) =>
    lockedOut(c, deps.authFailureLimiter.check(deps.clientIp(c)));

  /** Counts a failed sign-in; past the limit, answers 429 instead of the sign-in page. */
  const refuse = (c: Context<AppEnv>, message: string) => {
    const locked = lockedOut(
      c,
      recordFailedSignIn(
        deps.authFailureLimiter,
        deps.logger,
        deps.clientIp(c),
        c.get('requestId'),
      ),
    );
    if (locked) return locked;
    c.header('WWW-Authenticate', 'Bearer realm="union-join"');
    return c.html(renderSignInPage(message), 401);
  };

  const funnels = async (
    c: Context<AppEnv>,
    name: string,
    from: string | undefined,
    to: string | undefined,
  ) => {
    const now = deps.clock.now();
    let range: { from: string; to: string };
    let error: string | undefined;
    try {
      range = parseDayRange(from, to, now);
    } catch (cause) {
      if (!(cause instanceof HttpProblem)) throw cause;
      error = cause.message;
      range = parseDayRange(undefined, undefined, now);
    }
    const sections = await Promise.all(
      deps.forms
        .list()
        .sort((a, b) => a.id.localeCompare(b.id))
        .map(async (form) => ({
          organisation: form.definition.organisation.name,
          report: buildFunnel(
            form.definition,
            await deps.storage.analytics.funnelTotals(form.id, range.from, range.to),
            range,
          ),
        })),
    );
    const page = renderFunnelPage({
      sections,
      ...range,
      ticket: tickets.issue(name, now),
      dropped: await deps.storage.analytics.droppedTotals(range.from, range.to),
      notLoaded: deps.forms.problems,
      ...(error === undefined ? {} : { error }),
    });
    return c.html(page, 200);
  };

  routes.get('/admin/admin.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(ADMIN_STYLESHEET);
  });

  routes.get('/admin', async (c) => {
    const locked = refuseIfLockedOut(c);
    if (locked) return locked;
    const header = c.req.header('authorization');
    if (!presentsCredential(header)) return c.html(renderSignInPage(), 200);
    const bearer = bearerToken(header);
    const name =
      bearer === undefined ? undefined : matchAdminToken(deps.config.adminTokens, bearer);
    if (name === undefined) return refuse(c, 'That token was not accepted.');
    return funnels(c, name, c.req.query('from'), c.req.query('to'));
  });

  routes.post(
    '/admin',
    bodyLimit({
      maxSize: FORM_BODY_LIMIT,
      onError: () => {
        throw new HttpProblem(413, 'payload_too_large', 'The form is too large.');
      },
    }),
    async (c) => {
      // Another site's page can post this form in a staff member's browser: refused before
      // anything is read, and not counted, so such pages cannot lock the staff member out.
      if (isCrossSiteRequest(c)) {
        return c.html(
          renderSignInPage(
            'This sign-in was sent from another site, so it was refused. Enter the token here.',
          ),
          403,
        );
      }
      const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/x-www-form-urlencoded') {
        throw new HttpProblem(415, 'unsupported_media_type', 'Send the sign-in form.');
      }
      const locked = refuseIfLockedOut(c);
      if (locked) return locked;
      const form = new URLSearchParams(await c.req.text());
      const token = form.get('token');
      const ticket = form.get('ticket');
      if (!token && !ticket) {
        // Nothing was presented, so nothing was guessed: not a failed sign-in.
        c.header('WWW-Authenticate', 'Bearer realm="union-join"');
        return c.html(renderSignInPage('Enter the admin token.'), 401);
      }
      let name: string | undefined;
      if (token) name = matchAdminToken(deps.config.adminTokens, token);
      else if (ticket) name = tickets.verify(ticket, deps.clock.now());
      if (name === undefined) {
        return refuse(
          c,
          token ? 'That token was not accepted.' : 'This page has expired. Enter the token again.',
        );
      }
      return funnels(c, name, form.get('from') || undefined, form.get('to') || undefined);
    },
  );

  return routes;
}
