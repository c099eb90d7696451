import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { HttpResponse, delay, http } from 'msw';
import { setupServer } from 'msw/node';
import {
  ApiError,
  ConnectionError,
  FormDefinitionError,
  RateLimitError,
  ServerError,
  TimeoutError,
  UnionJoinError,
  ValidationError,
  createClient,
  type Application,
  type ClientOptions,
} from '@union-join/sdk';
import { designExample, exampleApplication } from './definition-fixtures.ts';

const endpoint = 'https://join.example.test';
const applicationsUrl = `${endpoint}/v1/forms/:formId/applications`;
const server = setupServer();

before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

/** A client whose waits are recorded instead of slept. */
function testClient(options: Partial<ClientOptions> = {}) {
  const waits: number[] = [];
  const client = createClient({
    endpoint,
    random: () => 0.5,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  return { client, waits };
}

interface Seen {
  keys: (string | null)[];
  bodies: unknown[];
  credentials: RequestCredentials[];
}

/** Answers with `responses` in turn (the last one repeats), recording what was sent. */
function respondInTurn(...responses: (() => Response)[]): Seen {
  const seen: Seen = { keys: [], bodies: [], credentials: [] };
  server.use(
    http.post(applicationsUrl, async ({ request }) => {
      seen.keys.push(request.headers.get('idempotency-key'));
      seen.credentials.push(request.credentials);
      seen.bodies.push(await request.json());
      const next = responses[Math.min(seen.keys.length - 1, responses.length - 1)]!;
      return next();
    }),
  );
  return seen;
}

const created = () =>
  HttpResponse.json({ id: 'app_1', receivedAt: '2025-06-01T10:15:01.000Z' }, { status: 201 });
const status = (code: number, headers?: Record<string, string>) => () =>
  HttpResponse.json({ error: `status_${code}` }, { status: code, headers });

describe('submit', () => {
  it('posts the application as JSON with a fresh idempotency key and no credentials', async () => {
    const seen = respondInTurn(created);
    const { client, waits } = testClient();
    const result = await client.submit(exampleApplication);
    assert.equal(result.id, 'app_1');
    assert.equal(result.receivedAt, '2025-06-01T10:15:01.000Z');
    assert.match(result.idempotencyKey, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-/);
    assert.deepEqual(seen.keys, [result.idempotencyKey]);
    assert.deepEqual(seen.bodies, [exampleApplication]);
    assert.deepEqual(seen.credentials, ['omit']);
    assert.deepEqual(waits, []);
  });

  it('uses a new key for each submission and the caller key when given', async () => {
    const seen = respondInTurn(created);
    const { client } = testClient();
    const first = await client.submit(exampleApplication);
    const second = await client.submit(exampleApplication);
    assert.notEqual(first.idempotencyKey, second.idempotencyKey);
    const third = await client.submit(exampleApplication, { idempotencyKey: 'queued-key-1' });
    assert.equal(third.idempotencyKey, 'queued-key-1');
    assert.deepEqual(seen.keys, [first.idempotencyKey, second.idempotencyKey, 'queued-key-1']);
  });

  it('refuses an idempotency key that cannot be a header, without sending', async () => {
    const seen = respondInTurn(created);
    const { client } = testClient();
    for (const key of ['', 'has space', 'line\nbreak', 'x'.repeat(256)]) {
      await assert.rejects(client.submit(exampleApplication, { idempotencyKey: key }), {
        name: 'UnionJoinError',
        message: /idempotencyKey/,
      });
    }
    await assert.rejects(client.submit({} as Application), /application\.formId/);
    assert.equal(seen.keys.length, 0);
  });

  it('turns 422 into a ValidationError with the issues, without retrying', async () => {
    const issues = [
      { path: ['answers', 'email'], code: 'invalid_email', message: 'Enter a valid email' },
    ];
    const seen = respondInTurn(() =>
      HttpResponse.json(
        { error: 'validation_failed', issues, requestId: 'req_42' },
        { status: 422 },
      ),
    );
    const { client, waits } = testClient();
    const error = await client.submit(exampleApplication).then(
      () => assert.fail('expected a rejection'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ValidationError);
    assert.equal(error.status, 422);
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.requestId, 'req_42');
    assert.deepEqual(error.issues, issues);
    assert.equal(seen.keys.length, 1);
    assert.deepEqual(waits, []);
  });

  it('waits as long as Retry-After (seconds) says after a 429, then succeeds', async () => {
    const seen = respondInTurn(status(429, { 'Retry-After': '3' }), created);
    const { client, waits } = testClient();
    const result = await client.submit(exampleApplication);
    assert.equal(result.id, 'app_1');
    assert.deepEqual(waits, [3_000]);
    assert.equal(seen.keys.length, 2);
    assert.equal(seen.keys[0], seen.keys[1]);
  });

  it('reads Retry-After as an HTTP date', async () => {
    const now = Date.parse('2025-06-01T10:00:00Z');
    respondInTurn(status(503, { 'Retry-After': 'Sun, 01 Jun 2025 10:00:05 GMT' }), created);
    const { client, waits } = testClient({ now: () => now });
    await client.submit(exampleApplication);
    assert.deepEqual(waits, [5_000]);
  });

  it('gives up on a 429 after maxRetries with a RateLimitError', async () => {
    const seen = respondInTurn(status(429, { 'Retry-After': '1' }));
    const { client, waits } = testClient({ maxRetries: 2 });
    const error = await client.submit(exampleApplication).catch((e: unknown) => e);
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.retryAfterMs, 1_000);
    assert.equal(seen.keys.length, 3);
    assert.deepEqual(waits, [1_000, 1_000]);
  });

  it('stores exactly one application when a 503 hides a stored submission', async () => {
    // A fake backend that dedupes by key, and whose first two answers are lost after storing.
    const stored = new Map<string, { id: string; receivedAt: string; application: unknown }>();
    const keys: (string | null)[] = [];
    server.use(
      http.post(applicationsUrl, async ({ request }) => {
        const key = request.headers.get('idempotency-key');
        keys.push(key);
        if (!key) return HttpResponse.json({ error: 'idempotency_key_required' }, { status: 400 });
        let record = stored.get(key);
        if (!record) {
          record = {
            id: `app_${stored.size + 1}`,
            receivedAt: '2025-06-01T10:15:01.000Z',
            application: await request.json(),
          };
          stored.set(key, record);
        }
        if (keys.length <= 2) return HttpResponse.json({ error: 'bad_gateway' }, { status: 503 });
        return HttpResponse.json({ id: record.id, receivedAt: record.receivedAt }, { status: 201 });
      }),
    );
    const { client, waits } = testClient();
    const result = await client.submit(exampleApplication);
    assert.equal(keys.length, 3);
    assert.equal(new Set(keys).size, 1, 'the same key on every attempt');
    assert.equal(keys[0], result.idempotencyKey);
    assert.equal(stored.size, 1);
    assert.equal(result.id, 'app_1');
    assert.deepEqual([...stored.values()][0]!.application, exampleApplication);
    assert.deepEqual(waits, [250, 500]);
  });

  it('retries network errors with doubling, jittered backoff, then throws ConnectionError', async () => {
    const seen = respondInTurn(() => HttpResponse.error());
    const { client, waits } = testClient({ random: () => 0.999_999 });
    const error = await client.submit(exampleApplication).catch((e: unknown) => e);
    assert.ok(error instanceof ConnectionError);
    assert.ok(error instanceof UnionJoinError);
    assert.ok(error.cause instanceof Error, 'keeps the fetch error as cause');
    assert.equal(seen.keys.length, 5, 'one attempt plus the default 4 retries');
    assert.equal(new Set(seen.keys).size, 1);
    assert.deepEqual(waits, [499, 999, 1_999, 3_999]);
  });

  it('caps the backoff at 8 s and draws full jitter from random()', async () => {
    respondInTurn(() => HttpResponse.error());
    const high = testClient({ maxRetries: 6, random: () => 0.999_999 });
    await assert.rejects(high.client.submit(exampleApplication), ConnectionError);
    assert.deepEqual(high.waits, [499, 999, 1_999, 3_999, 7_999, 7_999]);
    const low = testClient({ maxRetries: 3, random: () => 0 });
    await assert.rejects(low.client.submit(exampleApplication), ConnectionError);
    assert.deepEqual(low.waits, [0, 0, 0]);
  });

  it('retries 408, 409, 500 and 502', async () => {
    for (const code of [408, 409, 500, 502]) {
      const seen = respondInTurn(status(code), created);
      const { client } = testClient();
      const result = await client.submit(exampleApplication);
      assert.equal(result.id, 'app_1', String(code));
      assert.equal(seen.keys.length, 2, String(code));
      server.resetHandlers();
    }
  });

  it('throws a ServerError when 5xx outlasts the retries', async () => {
    const seen = respondInTurn(status(500));
    const { client } = testClient({ maxRetries: 1 });
    const error = await client.submit(exampleApplication).catch((e: unknown) => e);
    assert.ok(error instanceof ServerError);
    assert.equal(error.status, 500);
    assert.equal(seen.keys.length, 2);
  });

  it('does not retry 400, 404 or 413', async () => {
    for (const code of [400, 404, 413]) {
      const seen = respondInTurn(status(code), created);
      const { client, waits } = testClient();
      const error = await client.submit(exampleApplication).catch((e: unknown) => e);
      assert.ok(error instanceof ApiError, String(code));
      assert.equal(error.constructor, ApiError);
      assert.equal(error.status, code);
      assert.equal(error.code, `status_${code}`);
      assert.equal(seen.keys.length, 1, String(code));
      assert.deepEqual(waits, []);
      server.resetHandlers();
    }
  });

  it('does not retry at all with maxRetries: 0', async () => {
    const seen = respondInTurn(status(503), created);
    const { client } = testClient({ maxRetries: 0 });
    await assert.rejects(client.submit(exampleApplication), ServerError);
    assert.equal(seen.keys.length, 1);
  });

  it('times out a hanging attempt, retries it, then throws TimeoutError', async () => {
    let attempts = 0;
    server.use(
      http.post(applicationsUrl, async () => {
        attempts++;
        await delay('infinite');
        return created();
      }),
    );
    const { client, waits } = testClient({ timeoutMs: 30, maxRetries: 1 });
    const error = await client.submit(exampleApplication).catch((e: unknown) => e);
    assert.ok(error instanceof TimeoutError, String(error));
    assert.equal(error.timeoutMs, 30);
    assert.equal(attempts, 2);
    assert.equal(waits.length, 1);
  });

  it('recovers when a timed-out attempt is followed by a quick answer', async () => {
    let attempts = 0;
    server.use(
      http.post(applicationsUrl, async () => {
        attempts++;
        if (attempts === 1) await delay('infinite');
        return created();
      }),
    );
    // Generous limit: only the first attempt hangs, and a loaded machine must not time out the rest.
    const { client } = testClient({ timeoutMs: 300 });
    assert.equal((await client.submit(exampleApplication)).id, 'app_1');
    assert.ok(attempts >= 2);
  });

  it('stops at once when the caller aborts, even between retries', async () => {
    const seen = respondInTurn(status(503));
    const controller = new AbortController();
    const client = createClient({
      endpoint,
      sleep: async () => controller.abort(new DOMException('left the page', 'AbortError')),
    });
    await assert.rejects(client.submit(exampleApplication, { signal: controller.signal }), {
      name: 'AbortError',
      message: 'left the page',
    });
    assert.equal(seen.keys.length, 1);
    await assert.rejects(client.submit(exampleApplication, { signal: controller.signal }), {
      name: 'AbortError',
    });
    assert.equal(seen.keys.length, 1, 'an aborted signal sends nothing');
  });

  it('rejects with the abort reason when the caller aborts a hanging request', async () => {
    server.use(
      http.post(applicationsUrl, async () => {
        await delay('infinite');
        return created();
      }),
    );
    const { client, waits } = testClient();
    const controller = new AbortController();
    const pending = client.submit(exampleApplication, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await assert.rejects(pending, { name: 'AbortError' });
    assert.deepEqual(waits, []);
  });

  it('throws invalid_response when a 2xx body is not {id, receivedAt}', async () => {
    for (const body of [{ id: 1 }, 'ok', null]) {
      respondInTurn(() => HttpResponse.json(body, { status: 201 }));
      const { client } = testClient();
      const error = await client.submit(exampleApplication).catch((e: unknown) => e);
      assert.ok(error instanceof ApiError);
      assert.equal(error.code, 'invalid_response');
      server.resetHandlers();
    }
  });

  it('throws ConnectionError for a web page in answer (a Wi-Fi login page), so the application is kept', async () => {
    respondInTurn(
      () =>
        new HttpResponse('<html><h1>Log in to Cafe Wi-Fi</h1></html>', {
          status: 200,
          headers: { 'content-type': 'text/html' },
        }),
    );
    const { client } = testClient();
    const error = await client.submit(exampleApplication).catch((e: unknown) => e);
    assert.ok(error instanceof ConnectionError, String(error));
    assert.ok(!String(error).includes('Cafe'));
  });

  it('never puts an answer value or the request body into an error message', async () => {
    const canary = 'CANARY-7f3a-ada@example.org';
    const application: Application = {
      ...exampleApplication,
      answers: { ...exampleApplication.answers, givenName: canary, employer: canary },
    };
    const echo =
      (code: number) =>
      async ({ request }: { request: Request }) => {
        const sent = await request.text();
        return HttpResponse.json(
          {
            error: 'validation_failed',
            message: `rejected ${sent}`,
            issues: [{ path: ['answers', 'givenName'], code: 'too_long', message: sent }],
            requestId: sent,
          },
          { status: code, headers: { 'x-request-id': sent } },
        );
      };
    const errors: unknown[] = [];
    for (const code of [400, 413, 422, 429, 500]) {
      server.use(http.post(applicationsUrl, echo(code)));
      const { client } = testClient({ maxRetries: 1 });
      errors.push(await client.submit(application).catch((e: unknown) => e));
      server.resetHandlers();
    }
    server.use(http.post(applicationsUrl, () => HttpResponse.error()));
    errors.push(
      await testClient({ maxRetries: 0 })
        .client.submit(application)
        .catch((e: unknown) => e),
    );
    assert.equal(errors.length, 6);
    for (const error of errors) {
      assert.ok(error instanceof UnionJoinError);
      const visible = `${error.message}\n${String(error)}\n${error.stack}`;
      assert.ok(!visible.includes(canary), visible);
      assert.ok(!visible.includes('givenName'), visible);
    }
  });
});

describe('endpoint', () => {
  function recordingFetch() {
    const urls: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      urls.push(String(input));
      return Response.json(
        { id: 'app_1', receivedAt: '2025-06-01T10:15:01.000Z' },
        { status: 201 },
      );
    };
    return { urls, fetch };
  }

  it('joins paths whatever the trailing slashes, keeping a path prefix', async () => {
    const cases: [string, string][] = [
      ['https://join.example.test', 'https://join.example.test/v1/forms/f/applications'],
      ['https://join.example.test/', 'https://join.example.test/v1/forms/f/applications'],
      ['https://join.example.test/api', 'https://join.example.test/api/v1/forms/f/applications'],
      ['https://join.example.test/api//', 'https://join.example.test/api/v1/forms/f/applications'],
    ];
    for (const [base, expected] of cases) {
      const { urls, fetch } = recordingFetch();
      await createClient({ endpoint: base, fetch }).submit({ ...exampleApplication, formId: 'f' });
      assert.deepEqual(urls, [expected], base);
    }
  });

  it('percent-encodes form ids so they stay one path segment', async () => {
    const { urls, fetch } = recordingFetch();
    const client = createClient({ endpoint: new URL('https://join.example.test/x/'), fetch });
    await client.submit({ ...exampleApplication, formId: 'a b/c?d#e%' });
    assert.deepEqual(urls, [
      'https://join.example.test/x/v1/forms/a%20b%2Fc%3Fd%23e%25/applications',
    ]);
    for (const formId of ['', '.', '..']) {
      await assert.rejects(client.submit({ ...exampleApplication, formId }), /path segment/);
    }
    assert.equal(urls.length, 1);
  });

  it('refuses endpoints it cannot use, with a specific message', () => {
    assert.throws(() => createClient({ endpoint: 'not a url' }), /endpoint is not a valid URL/);
    assert.throws(() => createClient({ endpoint: 'ftp://example.org' }), /http or https/);
    assert.throws(() => createClient({ endpoint: 'https://x.test/?a=1' }), /query string/);
    assert.throws(() => createClient({ endpoint: 'https://x.test/#top' }), /fragment/);
    assert.throws(() => createClient({ endpoint: 'https://u:p@x.test' }), /credentials/);
    assert.throws(() => createClient({ endpoint, timeoutMs: 0 }), /timeoutMs/);
    assert.throws(() => createClient({ endpoint, maxRetries: -1 }), /maxRetries/);
    assert.throws(() => createClient({ endpoint, maxRetries: 1.5 }), /maxRetries/);
  });
});

describe('getForm', () => {
  const formUrl = `${endpoint}/v1/forms/:formId`;

  it('returns the parsed definition and revalidates it with If-None-Match', async () => {
    const seen: (string | null)[] = [];
    server.use(
      http.get(formUrl, ({ request, params }) => {
        assert.equal(params.formId, 'example-union');
        const tag = request.headers.get('if-none-match');
        seen.push(tag);
        if (tag === '"v3"')
          return new HttpResponse(null, { status: 304, headers: { ETag: '"v3"' } });
        return HttpResponse.json(designExample(), { headers: { ETag: '"v3"' } });
      }),
    );
    const { client } = testClient();
    const first = await client.getForm('example-union');
    assert.equal(first.id, 'example-union');
    assert.equal(first.version, 3);
    assert.equal(first.steps.length, 3);
    const second = await client.getForm('example-union');
    assert.equal(second, first, 'a 304 returns the cached definition');
    assert.deepEqual(seen, [null, '"v3"']);
  });

  it('replaces the cached copy when the ETag changes, and keeps no copy without an ETag', async () => {
    let version = 3;
    const seen: (string | null)[] = [];
    server.use(
      http.get(formUrl, ({ request }) => {
        seen.push(request.headers.get('if-none-match'));
        const headers: Record<string, string> = version < 5 ? { ETag: `"v${version}"` } : {};
        return HttpResponse.json({ ...designExample(), version }, { headers });
      }),
    );
    const { client } = testClient();
    assert.equal((await client.getForm('example-union')).version, 3);
    version = 4;
    assert.equal((await client.getForm('example-union')).version, 4);
    version = 5;
    assert.equal((await client.getForm('example-union')).version, 5);
    assert.equal((await client.getForm('example-union')).version, 5);
    assert.deepEqual(seen, [null, '"v3"', '"v4"', null]);
  });

  it('throws FormDefinitionError for a broken definition, without retrying', async () => {
    let attempts = 0;
    server.use(
      http.get(formUrl, () => {
        attempts++;
        const broken = designExample() as { steps: { fields: { type: string }[] }[] };
        broken.steps[0]!.fields[0]!.type = 'emial';
        return HttpResponse.json(broken);
      }),
    );
    const { client } = testClient();
    const error = await client.getForm('example-union').catch((e: unknown) => e);
    assert.ok(error instanceof FormDefinitionError, String(error));
    assert.match(error.message, /steps\[0\]\.fields\[0\]/);
    assert.equal(attempts, 1);
  });

  it('says what came back when the endpoint answers with a web page or text instead of JSON', async () => {
    let attempts = 0;
    const bodies: Record<string, () => Response> = {
      page: () => HttpResponse.html('<!doctype html><title>Our union</title>'),
      cut: () =>
        HttpResponse.text('{"id": "example-union",', {
          headers: { 'content-type': 'application/json' },
        }),
      empty: () => new HttpResponse(null, { status: 200 }),
    };
    server.use(
      http.get(formUrl, ({ params }) => {
        attempts++;
        return bodies[String(params.formId)]!();
      }),
    );
    const { client } = testClient();
    const messages: Record<string, string> = {};
    for (const formId of Object.keys(bodies)) {
      const error = await client.getForm(formId).catch((e: unknown) => e);
      assert.ok(error instanceof FormDefinitionError, String(error));
      assert.equal(error.issues.length, 1);
      assert.equal(error.issues[0]!.path, '');
      messages[formId] = error.issues[0]!.message;
    }
    assert.equal(attempts, 3, 'a wrong answer is not retried');
    assert.deepEqual(Object.values(messages), [
      'https://join.example.test/v1/forms/page sent no JSON: check "endpoint"',
      'https://join.example.test/v1/forms/cut sent no JSON: check "endpoint"',
      'https://join.example.test/v1/forms/empty sent no JSON: check "endpoint"',
    ]);
  });

  it('retries a 503, but not a 404', async () => {
    let attempts = 0;
    server.use(
      http.get(formUrl, ({ params }) => {
        attempts++;
        if (params.formId === 'missing') {
          return HttpResponse.json({ error: 'form_not_found' }, { status: 404 });
        }
        return attempts === 1
          ? HttpResponse.json({ error: 'unavailable' }, { status: 503 })
          : HttpResponse.json(designExample());
      }),
    );
    const { client, waits } = testClient();
    assert.equal((await client.getForm('example-union')).id, 'example-union');
    assert.equal(attempts, 2);
    assert.deepEqual(waits, [250]);
    attempts = 0;
    await assert.rejects(client.getForm('missing'), { status: 404, code: 'form_not_found' });
    assert.equal(attempts, 1);
  });
});

describe('sendEvents', () => {
  const event = {
    v: 1,
    form: 'example-union',
    formVersion: 3,
    flow: 'abcdefghijklmnop',
    seq: 0,
    type: 'step_view',
    step: 'about-you',
    stepIndex: 0,
    locale: 'en',
    device: 'mobile',
  } as const;

  it('posts the batch as a text/plain JSON array without credentials', async () => {
    const seen: { type: string | null; body: unknown; credentials: string }[] = [];
    server.use(
      http.post(`${endpoint}/v1/events`, async ({ request }) => {
        seen.push({
          type: request.headers.get('content-type'),
          body: JSON.parse(await request.text()),
          credentials: request.credentials,
        });
        return new HttpResponse(null, { status: 202 });
      }),
    );
    const { client } = testClient();
    await client.sendEvents([event, { ...event, seq: 1, type: 'step_complete' }]);
    assert.equal(seen.length, 1);
    assert.match(seen[0]!.type ?? '', /^text\/plain/);
    assert.deepEqual(seen[0]!.body, [event, { ...event, seq: 1, type: 'step_complete' }]);
    assert.equal(seen[0]!.credentials, 'omit');
  });

  it('sends nothing for an empty batch and never retries', async () => {
    let attempts = 0;
    server.use(
      http.post(`${endpoint}/v1/events`, () => {
        attempts++;
        return HttpResponse.json({ error: 'unavailable' }, { status: 503 });
      }),
    );
    const { client, waits } = testClient();
    await client.sendEvents([]);
    assert.equal(attempts, 0);
    await assert.rejects(client.sendEvents([event]), ServerError);
    assert.equal(attempts, 1);
    assert.deepEqual(waits, []);
  });
});
