import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ADMIN,
  createTestServer,
  EXAMPLE_DEFINITION,
  validApplication,
} from './support/test-server.ts';

test('serves the form definition as JSON with an ETag', async (t) => {
  const server = createTestServer(t);
  const response = await server.app.request('/v1/forms/example-union');
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  assert.match(response.headers.get('etag') ?? '', /^"[A-Za-z0-9_-]+"$/);
  assert.deepEqual(await response.json(), EXAMPLE_DEFINITION);
});

test('answers 304 with no body when the ETag still matches', async (t) => {
  const server = createTestServer(t);
  const etag = (await server.app.request('/v1/forms/example-union')).headers.get('etag')!;
  for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
    const response = await server.app.request('/v1/forms/example-union', {
      headers: { 'If-None-Match': header },
    });
    assert.equal(response.status, 304, header);
    assert.equal(await response.text(), '');
    assert.equal(response.headers.get('etag'), etag);
  }
  const stale = await server.app.request('/v1/forms/example-union', {
    headers: { 'If-None-Match': '"stale"' },
  });
  assert.equal(stale.status, 200);
});

test('answers 404 form_not_found for an unknown form', async (t) => {
  const server = createTestServer(t);
  const response = await server.app.request('/v1/forms/no-such-form');
  assert.equal(response.status, 404);
  const body = (await response.json()) as { error: string; requestId: string };
  assert.equal(body.error, 'form_not_found');
  assert.equal(body.requestId, response.headers.get('x-request-id'));
});

test('allows origins from the form settings, the global list and nothing else', async (t) => {
  const server = createTestServer(t, {
    settings: { allowedOrigins: ['https://union.example'] },
    config: { allowedOrigins: ['https://all-forms.example'] },
  });
  for (const origin of ['https://union.example', 'https://all-forms.example']) {
    const response = await server.app.request('/v1/forms/example-union', {
      headers: { Origin: origin },
    });
    assert.equal(response.headers.get('access-control-allow-origin'), origin);
    assert.match(response.headers.get('access-control-expose-headers') ?? '', /ETag/);
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
  }
  const denied = await server.app.request('/v1/forms/example-union', {
    headers: { Origin: 'https://evil.example' },
  });
  assert.equal(denied.headers.get('access-control-allow-origin'), null);
  assert.match(denied.headers.get('vary') ?? '', /Origin/);
});

test('answers a CORS preflight for allowed origins only', async (t) => {
  const server = createTestServer(t, { settings: { allowedOrigins: ['https://union.example'] } });
  const preflight = (origin: string) =>
    server.app.request('/v1/forms/example-union/applications', {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, idempotency-key',
      },
    });
  const allowed = await preflight('https://union.example');
  assert.equal(allowed.status, 204);
  assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://union.example');
  assert.match(allowed.headers.get('access-control-allow-methods') ?? '', /POST/);
  assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
  const denied = await preflight('https://evil.example');
  assert.equal(denied.headers.get('access-control-allow-origin'), null);
});

test('localhost origins are allowed only when the development switch is on', async (t) => {
  const origin = 'http://localhost:5173';
  const off = createTestServer(t);
  const on = createTestServer(t, { config: { allowLocalhostOrigins: true } });
  const request = { headers: { Origin: origin } };
  assert.equal(
    (await off.app.request('/v1/forms/example-union', request)).headers.get(
      'access-control-allow-origin',
    ),
    null,
  );
  assert.equal(
    (await on.app.request('/v1/forms/example-union', request)).headers.get(
      'access-control-allow-origin',
    ),
    origin,
  );
});

test('a "*" entry allows any origin', async (t) => {
  const server = createTestServer(t, { settings: { allowedOrigins: ['*'] } });
  const response = await server.app.request('/v1/forms/example-union', {
    headers: { Origin: 'https://anyone.example' },
  });
  assert.equal(response.headers.get('access-control-allow-origin'), 'https://anyone.example');
});

test('answers a wrong method on a known path with 405 and the methods it takes', async (t) => {
  const server = createTestServer(t);
  const cases: [string, string, string][] = [
    ['DELETE', '/v1/forms/example-union', 'GET, HEAD, OPTIONS'],
    ['GET', '/v1/forms/example-union/applications', 'GET, HEAD, OPTIONS, POST'],
    ['PUT', '/v1/forms/example-union/applications', 'GET, HEAD, OPTIONS, POST'],
    ['GET', '/v1/events', 'OPTIONS, POST'],
    ['PATCH', '/v1/applications/7ZK3M9QH2XW4TB0R', 'DELETE, GET, HEAD'],
  ];
  for (const [method, path, allow] of cases) {
    const response = await server.app.request(path, { method });
    if (method === 'GET' && path.endsWith('/applications')) {
      // The admin list answers GET; only methods neither route takes are refused.
      assert.notEqual(response.status, 405, `${method} ${path}`);
      continue;
    }
    assert.equal(response.status, 405, `${method} ${path}`);
    assert.equal(response.headers.get('allow'), allow, `${method} ${path}`);
    const body = (await response.json()) as { error: string; message: string };
    assert.equal(body.error, 'method_not_allowed');
    assert.match(body.message, new RegExp(`${method} is not accepted here`));
  }
  // A path nothing answers stays a 404, whatever the method.
  const unknown = await server.app.request('/v1/nothing-here', { method: 'POST' });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.headers.get('allow'), null);
});

test('answers a known path with a trailing slash 404 not_found, not a 405 naming the method it used', async (t) => {
  const server = createTestServer(t);
  const cases: [string, string][] = [
    ['POST', '/v1/forms/example-union/applications/'],
    ['GET', '/v1/forms/example-union/'],
    ['POST', '/v1/events/'],
    ['GET', '/v1/applications/7ZK3M9QH2XW4TB0R/'],
    ['DELETE', '/v1/applications/7ZK3M9QH2XW4TB0R/'],
    ['GET', '/v1/access-log/'],
    ['POST', '/admin/'],
  ];
  for (const [method, path] of cases) {
    const response = await server.app.request(path, {
      method,
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': crypto.randomUUID(),
        Authorization: `Bearer ${ADMIN.token}`,
      },
      ...(method === 'POST' ? { body: JSON.stringify(await validApplication()) } : {}),
    });
    assert.equal(response.status, 404, `${method} ${path}`);
    assert.equal(response.headers.get('allow'), null, `${method} ${path}`);
    const body = (await response.json()) as { error: string; message: string; requestId: string };
    assert.equal(body.error, 'not_found', `${method} ${path}`);
    assert.equal(body.requestId, response.headers.get('x-request-id'));
  }
  assert.deepEqual(
    await server.storage.listApplications({ formId: 'example-union', limit: 10 }),
    [],
  );
});
