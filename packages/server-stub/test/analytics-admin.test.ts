import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyticsEvent } from '@union-join/sdk/analytics';
import { rollUpAnalytics } from '../src/analytics/rollup.ts';
import {
  createAnalyticsServer,
  getFunnel,
  journey,
  postEvents,
  type JourneyStep,
} from './support/analytics-server.ts';
import { ADMIN, ManualClock } from './support/test-server.ts';

const HOUR = 3_600_000;
const example = { id: 'example-union', version: 3 };

const through = (...steps: string[]): JourneyStep[] =>
  steps.flatMap((step): JourneyStep[] => [
    ['step_view', step],
    ['step_complete', step],
  ]);

/** Sends `count` journeys over HTTP, as beacons would, then lets the rollup run 3 hours later. */
async function collect(
  server: ReturnType<typeof createAnalyticsServer>,
  count: number,
  steps: readonly JourneyStep[],
): Promise<void> {
  const events: AnalyticsEvent[] = [];
  for (let i = 0; i < count; i++) events.push(...journey(example, steps));
  for (let i = 0; i < events.length; i += 50) {
    const response = await postEvents(server.app, events.slice(i, i + 50));
    assert.equal(response.status, 202);
  }
}

async function rollUp(server: ReturnType<typeof createAnalyticsServer>): Promise<void> {
  server.clock.advance(3 * HOUR);
  await rollUpAnalytics(server.storage.analytics, server.clock.now());
}

function signIn(
  server: ReturnType<typeof createAnalyticsServer>,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    server.app.request('http://admin.example.org/admin', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

function ticketOf(page: string): string {
  const ticket = /name="ticket" value="([^"]+)"/.exec(page)?.[1];
  assert.ok(ticket, 'the page carries a ticket');
  return ticket;
}

describe('GET /v1/forms/{formId}/funnel', () => {
  it('needs the admin token', async (t) => {
    const { app } = createAnalyticsServer(t);
    const response = await app.request('/v1/forms/example-union/funnel');
    assert.equal(response.status, 401);
    const wrong = await app.request('/v1/forms/example-union/funnel', {
      headers: { Authorization: 'Bearer not-the-token-at-all-0000000' },
    });
    assert.equal(wrong.status, 401);
  });

  it('reports the funnel built from beacons, after the rollup deleted them', async (t) => {
    const server = createAnalyticsServer(t);
    await collect(server, 7, [...through('about-you', 'work'), ['step_view', 'consent']]);
    await collect(server, 5, [['step_view', 'about-you']]);
    await rollUp(server);
    assert.deepEqual(await server.storage.analytics.rawEvents(), []);
    const response = await getFunnel(server.app, 'example-union');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const funnel = (await response.json()) as {
      from: string;
      to: string;
      started: number;
      steps: { id: string; viewed: unknown; completed: unknown }[];
    };
    assert.deepEqual([funnel.from, funnel.to], ['2025-01-31', '2025-03-01']);
    assert.equal(funnel.started, 12);
    assert.deepEqual(
      funnel.steps.map((step) => [step.id, step.viewed, step.completed]),
      [
        ['about-you', 12, 7],
        ['work', 7, 7],
        ['consent', 7, '<5'],
        ['_review', '<5', '<5'],
      ],
    );
  });

  it('answers 404 for an unknown form and 400 naming a bad date', async (t) => {
    const { app } = createAnalyticsServer(t);
    assert.equal((await getFunnel(app, 'no-such-form')).status, 404);
    const cases: [string, string][] = [
      ['?from=2025-02-30', '"from"'],
      ['?to=yesterday', '"to"'],
      ['?from=2025-03-02&to=2025-03-01', 'after'],
      ['?from=2020-01-01&to=2025-03-01', '366'],
    ];
    for (const [query, mention] of cases) {
      const response = await getFunnel(app, 'example-union', query);
      assert.equal(response.status, 400, query);
      const body = (await response.json()) as { message: string };
      assert.ok(body.message.includes(mention), `${query}: ${body.message}`);
    }
  });
});

describe('/admin', () => {
  it('shows a sign-in form that posts the token, under a strict policy', async (t) => {
    const { app } = createAnalyticsServer(t);
    const response = await app.request('/admin');
    assert.equal(response.status, 200);
    const page = await response.text();
    assert.match(page, /<form method="post" action="\/admin"/);
    assert.match(page, /<input type="password" name="token"/);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('set-cookie'), null);
  });

  it('renders a funnel chart per form for a valid token, and never echoes the token', async (t) => {
    const server = createAnalyticsServer(t);
    await collect(server, 6, [...through('about-you'), ['step_view', 'work']]);
    await rollUp(server);
    const response = await signIn(server, { token: ADMIN.token });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('set-cookie'), null);
    const page = await response.text();
    assert.ok(!page.includes(ADMIN.token), 'the token is not in the page');
    assert.equal((page.match(/<svg\b/g) ?? []).length, 2, 'one chart per form');
    assert.match(page, /Example Union/);
    assert.match(page, /Branching Union/);
    assert.match(page, /1\. About you/);
    assert.doesNotMatch(
      page,
      /<script|<img|<iframe|style="|https?:\/\/(?!www\.w3\.org\/2000\/svg)/,
    );
    assert.match(page, /<link rel="stylesheet" href="\/admin\/admin.css"\s*\/?>/);
  });

  it('accepts Authorization: Bearer and a date range in the query', async (t) => {
    const server = createAnalyticsServer(t);
    const response = await server.app.request('/admin?from=2025-02-01&to=2025-02-28', {
      headers: { Authorization: `Bearer ${ADMIN.token}` },
    });
    assert.equal(response.status, 200);
    const page = await response.text();
    assert.match(page, /value="2025-02-01"/);
    assert.match(page, /value="2025-02-28"/);
  });

  it('re-renders for another date range with the page ticket, until it expires', async (t) => {
    const clock = new ManualClock();
    const server = createAnalyticsServer(t, clock);
    const first = await (await signIn(server, { token: ADMIN.token })).text();
    const ticket = ticketOf(first);
    const again = await signIn(server, { ticket, from: '2025-02-10', to: '2025-02-20' });
    assert.equal(again.status, 200);
    assert.match(await again.text(), /value="2025-02-10"/);

    const tampered = ticket.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    assert.equal((await signIn(server, { ticket: tampered })).status, 401);

    clock.advance(31 * 60_000);
    const expired = await signIn(server, { ticket });
    assert.equal(expired.status, 401);
    assert.match(await expired.text(), /expired/);
  });

  it('shows a bad date range as a message, not an error page', async (t) => {
    const server = createAnalyticsServer(t);
    const page = await (await signIn(server, { token: ADMIN.token, from: '2025-13-01' })).text();
    assert.match(page, /role="alert">&quot;from&quot; must be a date/);
  });

  it('refuses a wrong token, and slows down repeated guesses', async (t) => {
    const server = createAnalyticsServer(t);
    const wrong = await signIn(server, { token: 'wrong-token-0000000000000000' });
    assert.equal(wrong.status, 401);
    assert.match(await wrong.text(), /not accepted/);
    const bearer = await server.app.request('/admin', {
      headers: { Authorization: 'Bearer wrong-token-0000000000000000' },
    });
    assert.equal(bearer.status, 401);
    let last: Response | undefined;
    for (let i = 0; i < 10; i++)
      last = await signIn(server, { token: `guess-${i}-000000000000000000` });
    assert.equal(last?.status, 429);
    assert.ok(Number(last?.headers.get('retry-after')) >= 1);
    // Locked out: the right token gets no page either, so guessing gains nothing.
    const right = await signIn(server, { token: ADMIN.token });
    assert.equal(right.status, 429);
    assert.doesNotMatch(await right.text(), /<svg|funnel-chart/);
    const rightBearer = await server.app.request('/admin', {
      headers: { Authorization: `Bearer ${ADMIN.token}` },
    });
    assert.equal(rightBearer.status, 429);
    assert.ok(Number(rightBearer.headers.get('retry-after')) >= 1);
  });

  it('refuses a sign-in form sent from another site, without counting it as a failed sign-in', async (t) => {
    const server = createAnalyticsServer(t);
    const crossSite: Record<string, string>[] = [
      { 'Sec-Fetch-Site': 'cross-site', Origin: 'null' },
      { 'Sec-Fetch-Site': 'same-site', Origin: 'https://blog.example.org' },
      { Origin: 'https://evil.example.net' },
      { Origin: 'http://admin.example.org.evil.example.net' },
    ];
    for (let round = 0; round < 5; round++) {
      for (const headers of crossSite) {
        const refused = await signIn(server, { token: `guess-${round}-000000000000000` }, headers);
        assert.equal(refused.status, 403, JSON.stringify(headers));
        assert.match(refused.headers.get('content-type') ?? '', /^text\/html/);
        const page = await refused.text();
        assert.match(page, /role="alert">This sign-in was sent from another site/);
        assert.match(
          page,
          /<input type="password" name="token"/,
          'it offers the real sign-in form',
        );
        assert.doesNotMatch(page, /<svg|funnel-chart/);
      }
    }
    // 20 refusals later, the address is not locked out, and the right token from the server's
    // own page still signs in: a browser's own form posts carry Origin "null" under the
    // no-referrer policy, with Sec-Fetch-Site saying where they came from.
    const ownPage: Record<string, string>[] = [
      { 'Sec-Fetch-Site': 'same-origin', Origin: 'null' },
      { Origin: 'http://admin.example.org' },
      {},
    ];
    for (const headers of ownPage) {
      const ok = await signIn(server, { token: ADMIN.token }, headers);
      assert.equal(ok.status, 200, JSON.stringify(headers));
    }
    // Even the right token is refused when it comes from another site.
    const right = await signIn(server, { token: ADMIN.token }, { 'Sec-Fetch-Site': 'cross-site' });
    assert.equal(right.status, 403);
  });

  it('does not count a sign-in form without a token or ticket as a failed sign-in', async (t) => {
    const server = createAnalyticsServer(t);
    for (let i = 0; i < 15; i++) {
      const empty = await signIn(server, i % 2 === 0 ? {} : { token: '', ticket: '' });
      assert.equal(empty.status, 401);
      assert.match(await empty.text(), /role="alert">Enter the admin token/);
    }
    assert.equal((await signIn(server, { token: ADMIN.token })).status, 200);
  });

  it('escapes titles and labels taken from form definitions', async (t) => {
    const hostile = {
      id: 'hostile-union',
      version: 1,
      organisation: {
        name: '<script>alert(1)</script>',
        privacyNoticeUrl: 'https://example.org/p',
      },
      locales: ['en'],
      steps: [
        {
          id: 'one',
          title: '"><img src=x onerror=alert(1)>',
          fields: [{ id: 'name', type: 'text', label: '<b>Name</b>' }],
        },
      ],
    };
    const server = createAnalyticsServer(t, new ManualClock(), [hostile]);
    const page = await (await signIn(server, { token: ADMIN.token })).text();
    assert.ok(!page.includes('<script>alert'));
    assert.ok(!page.includes('<img src=x'));
    assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('serves its stylesheet', async (t) => {
    const { app } = createAnalyticsServer(t);
    const response = await app.request('/admin/admin.css');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/css/);
    assert.match(await response.text(), /prefers-color-scheme: dark/);
  });

  it('refuses anything but the sign-in form', async (t) => {
    const { app } = createAnalyticsServer(t);
    const json = await app.request('/admin', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: ADMIN.token }),
    });
    assert.equal(json.status, 415);
    const huge = await app.request('/admin', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `token=${'a'.repeat(10_000)}`,
    });
    assert.equal(huge.status, 413);
  });
});
