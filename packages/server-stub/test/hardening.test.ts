import assert from 'node:assert/strict';
import { test } from 'node:test';
import { admin, createTestServer, submit, validApplication } from './support/test-server.ts';

const CANARY = 'Zanzibar-canary-7f3a91';

test('__proto__ and constructor keys are refused and pollute nothing', async (t) => {
  const server = createTestServer(t);
  const application = await validApplication();
  const bodies = [
    `{"__proto__": {"polluted": "yes"}, ${JSON.stringify(application).slice(1)}`,
    JSON.stringify(application).replace(
      '"answers":{',
      '"answers":{"__proto__":{"polluted":"yes"},',
    ),
    JSON.stringify(application).replace(
      '"answers":{',
      '"answers":{"constructor":{"prototype":{"polluted":"yes"}},',
    ),
    `{"constructor": {"prototype": {"polluted": "yes"}}, ${JSON.stringify(application).slice(1)}`,
  ];
  for (const body of bodies) {
    const response = await submit(server, body);
    assert.equal(response.status, 400, body.slice(0, 60));
    assert.equal(((await response.json()) as { error: string }).error, 'forbidden_key');
  }
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  assert.equal(
    (await server.storage.listApplications({ formId: 'example-union', limit: 10 })).length,
    0,
  );
});

test('every response carries the security headers, errors included', async (t) => {
  const server = createTestServer(t);
  const responses = [
    await server.app.request('/v1/forms/example-union'),
    await submit(server, await validApplication()),
    await submit(server, '{'),
    await server.app.request('/v1/nothing-here'),
    await server.app.request('/not-under-v1'),
    await server.app.request('/v1/access-log'),
  ];
  for (const response of responses) {
    assert.equal(
      response.headers.get('x-content-type-options'),
      'nosniff',
      String(response.status),
    );
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.match(response.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
    assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.match(response.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  }
});

test('admin responses and admin pages get a strict CSP, no framing and no caching', async (t) => {
  const server = createTestServer(t);
  for (const response of [
    await admin(server, '/v1/access-log'),
    await admin(server, '/v1/forms/example-union/applications'),
    await server.app.request('/admin'),
    await server.app.request('/admin/funnel'),
  ]) {
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
    assert.equal(response.headers.get('cache-control'), 'no-store');
  }
});

test('no error body echoes a submitted value', async (t) => {
  const server = createTestServer(t);
  const cases: [string, Promise<Response>][] = [
    ['invalid email', submit(server, await validApplication({ email: `${CANARY}@` }))],
    ['invalid date', submit(server, await validApplication({ birthDate: CANARY }))],
    ['unknown choice', submit(server, await validApplication({ membershipType: CANARY }))],
    ['unknown field', submit(server, await validApplication({ nickname: CANARY }))],
    ['too long', submit(server, await validApplication({ givenName: CANARY.repeat(10) }))],
    ['bad JSON', submit(server, `{"answers": {"givenName": "${CANARY}"`)],
    ['too large', submit(server, await validApplication({ givenName: CANARY.repeat(4000) }))],
    [
      'wrong type',
      submit(server, await validApplication({ givenName: CANARY }), {
        headers: { 'Content-Type': 'text/plain' },
      }),
    ],
  ];
  await submit(server, await validApplication({ givenName: 'First' }), { key: 'reused' });
  cases.push([
    'reused key',
    submit(server, await validApplication({ givenName: CANARY }), { key: 'reused' }),
  ]);
  for (const [name, pending] of cases) {
    const response = await pending;
    assert.ok(response.status >= 400, `${name}: ${response.status}`);
    assert.ok(!(await response.text()).includes(CANARY), name);
  }
});

test('log lines carry no answer values', async (t) => {
  const server = createTestServer(t);
  await submit(server, await validApplication({ givenName: CANARY, employer: CANARY }));
  await submit(server, await validApplication({ email: CANARY }));
  await submit(server, `{"x": "${CANARY}"`);
  const list = await admin(server, '/v1/forms/example-union/applications');
  assert.ok((await list.text()).includes(CANARY), 'the admin list does return the answer');
  assert.ok(server.logLines.length >= 4);
  for (const line of server.logLines) assert.ok(!line.includes(CANARY), line);
});

test('a query string is not logged', async (t) => {
  const server = createTestServer(t);
  await server.app.request(`/v1/forms/example-union?name=${CANARY}`);
  assert.ok(server.logLines.some((line) => line.includes('/v1/forms/example-union')));
  for (const line of server.logLines) assert.ok(!line.includes(CANARY), line);
});

test('a very long path is logged shortened, so a client cannot flood the log', async (t) => {
  const server = createTestServer(t);
  const response = await server.app.request(`/v1/forms/${'a'.repeat(20_000)}`);
  assert.equal(response.status, 404);
  const [line = ''] = server.logLines.filter((entry) => entry.includes('"request"'));
  const { path } = JSON.parse(line) as { path: string };
  assert.ok(path.startsWith('/v1/forms/aaaa') && path.length <= 201, `${path.length} characters`);
});

test('a message that names only what the form itself publishes is kept specific', async (t) => {
  const server = createTestServer(t);
  const application = await validApplication();
  const [consent] = application.consents as Record<string, unknown>[];
  const response = await submit(server, { ...application, consents: [consent, consent] });
  assert.equal(response.status, 422);
  const { issues } = (await response.json()) as { issues: { code: string; message: string }[] };
  const duplicate = issues.find((issue) => issue.code === 'duplicate_consent');
  // The purpose "newsletter" comes from the form definition, not from the applicant.
  assert.match(duplicate?.message ?? '', /newsletter/);
});
