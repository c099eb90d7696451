import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Application } from '@union-join/sdk';
import { sealApplication } from '../src/crypto/application-box.ts';
import type { AccessLogEntry } from '../src/storage/storage.ts';
import {
  admin,
  ADMIN,
  createTestServer,
  submit,
  validApplication,
  type TestServer,
} from './support/test-server.ts';

interface ListBody {
  applications: {
    id: string;
    receivedAt: string;
    retrievedAt: string | null;
    application: { answers: Record<string, unknown> } | null;
  }[];
  next?: string;
}

async function submitted(
  server: TestServer,
  answers: Record<string, unknown> = {},
): Promise<string> {
  const response = await submit(server, await validApplication(answers));
  assert.equal(response.status, 201);
  return ((await response.json()) as { id: string }).id;
}

async function accessLog(server: TestServer): Promise<AccessLogEntry[]> {
  return server.storage.listAccessLog(0, 1000);
}

test('admin routes answer 401 without a valid bearer token', async (t) => {
  let attempt = 0;
  // A new address per attempt, so the failed-sign-in limit does not turn these into 429s.
  const server = createTestServer(t, { clientIp: () => `203.0.113.${++attempt}` });
  const id = await submitted(server);
  for (const authorization of [
    undefined,
    'Bearer wrong-token-wrong-token-wrong',
    `Basic ${ADMIN.token}`,
    `Bearer ${ADMIN.token}x`,
  ]) {
    for (const [method, path] of [
      ['GET', '/v1/forms/example-union/applications'],
      ['GET', `/v1/applications/${id}`],
      ['DELETE', `/v1/applications/${id}`],
      ['POST', `/v1/applications/${id}/retrieved`],
      ['GET', '/v1/access-log'],
    ] as const) {
      const response = await server.app.request(path, {
        method,
        headers: authorization ? { Authorization: authorization } : {},
      });
      assert.equal(response.status, 401, `${method} ${path} with ${authorization}`);
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
    }
  }
  assert.ok(await server.storage.getApplication(id), 'nothing was deleted');
  assert.deepEqual(await accessLog(server), []);
});

test('repeated failed sign-ins from one address are rate limited', async (t) => {
  const server = createTestServer(t);
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    statuses.push(
      (await server.app.request('/v1/access-log', { headers: { Authorization: 'Bearer nope' } }))
        .status,
    );
  }
  assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
  assert.equal(statuses[11], 429);
});

test('requests that present no token do not count as failed sign-ins', async (t) => {
  // Any page a staff member opens can make their browser send such requests (an <img> pointing
  // at the API carries no Authorization header): they must not lock that address out.
  const server = createTestServer(t);
  for (let i = 0; i < 30; i++) {
    const response = await server.app.request('/v1/access-log', {
      headers: i % 2 === 0 ? {} : { Authorization: '  ' },
    });
    assert.equal(response.status, 401, `request ${i}`);
    assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
  }
  assert.equal((await admin(server, '/v1/access-log')).status, 200);
  for (let i = 0; i < 10; i++) {
    const wrong = await server.app.request('/v1/access-log', {
      headers: { Authorization: `Bearer guess-${i}` },
    });
    assert.equal(wrong.status, 401);
  }
  assert.equal(
    (await admin(server, '/v1/access-log')).status,
    429,
    'presented-but-wrong tokens still count',
  );
});

test('logs each wrong token and the start of a lockout as warnings, with the address and never the token', async (t) => {
  const server = createTestServer(t, { clientIp: () => '198.51.100.7' });
  const events = () =>
    server.logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => String(line.event).startsWith('admin_'));
  // Nothing presented, or the right token: nothing to report.
  await server.app.request('/v1/access-log');
  await server.app.request('/admin');
  assert.equal((await admin(server, '/v1/access-log')).status, 200);
  assert.deepEqual(events(), []);

  const guesses = Array.from({ length: 9 }, (_, i) => `guess-${i}-secret-value-0000000000`);
  for (const guess of guesses) {
    await server.app.request('/v1/access-log', { headers: { Authorization: `Bearer ${guess}` } });
  }
  // The tenth wrong token, from the sign-in form, starts the lockout.
  const tenth = 'form-guess-secret-value-000000000';
  await server.app.request('http://admin.example.org/admin', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: tenth }).toString(),
  });
  // Refused while locked out: not a new failure, not a new lockout.
  assert.equal((await admin(server, '/v1/access-log')).status, 429);

  const logged = events();
  assert.deepEqual(
    logged.map((line) => [line.level, line.event, line.remoteAddress]),
    [
      ...Array(10).fill(['warn', 'admin_auth_failed', '198.51.100.7']),
      ['warn', 'admin_locked_out', '198.51.100.7'],
    ],
  );
  assert.ok(Number(logged.at(-1)?.retryAfterSeconds) >= 1);
  assert.ok(logged.every((line) => typeof line.requestId === 'string'));
  const all = server.logLines.join('\n');
  for (const secret of [...guesses, tenth, ADMIN.token]) {
    assert.ok(!all.includes(secret), 'no token, right or wrong, is ever logged');
  }
});

test('while an address is locked out, even the right token gets 429, until Retry-After has passed', async (t) => {
  let ip = '198.51.100.7';
  const server = createTestServer(t, { clientIp: () => ip });
  const id = await submitted(server);
  for (let i = 0; i < 11; i++) {
    await server.app.request('/v1/access-log', { headers: { Authorization: `Bearer guess-${i}` } });
  }
  for (const [method, path] of [
    ['GET', '/v1/access-log'],
    ['GET', '/v1/forms/example-union/applications'],
    ['GET', `/v1/applications/${id}`],
    ['DELETE', `/v1/applications/${id}`],
    ['GET', '/v1/forms/example-union/funnel'],
  ] as const) {
    const locked = await admin(server, path, { method });
    assert.equal(locked.status, 429, `${method} ${path}`);
    assert.equal(((await locked.json()) as { error: string }).error, 'rate_limited');
    assert.ok(Number(locked.headers.get('retry-after')) >= 1);
  }
  assert.ok(await server.storage.getApplication(id), 'nothing was deleted during the lockout');
  assert.deepEqual(await accessLog(server), [], 'nothing was read during the lockout');

  // Another address is not locked out.
  ip = '198.51.100.8';
  assert.equal((await admin(server, '/v1/access-log')).status, 200);

  ip = '198.51.100.7';
  const locked = await admin(server, '/v1/access-log');
  server.clock.advance(Number(locked.headers.get('retry-after')) * 1000);
  assert.equal((await admin(server, '/v1/access-log')).status, 200);
});

test('lists applications as JSON, pages with a cursor, and logs each read', async (t) => {
  const server = createTestServer(t);
  const ids: string[] = [];
  for (const name of ['Ada', 'Grace', 'Katherine']) {
    ids.push(await submitted(server, { givenName: name }));
    server.clock.advance(1000);
  }
  const first = await admin(server, '/v1/forms/example-union/applications?limit=2');
  assert.equal(first.status, 200);
  const page1 = (await first.json()) as ListBody;
  assert.deepEqual(
    page1.applications.map((a) => a.id),
    ids.slice(0, 2),
  );
  assert.equal(page1.applications[0]?.application?.answers.givenName, 'Ada');
  assert.ok(page1.next);
  const page2 = (await (
    await admin(server, `/v1/forms/example-union/applications?limit=2&cursor=${page1.next}`)
  ).json()) as ListBody;
  assert.deepEqual(
    page2.applications.map((a) => a.id),
    ids.slice(2),
  );
  assert.equal(page2.next, undefined);
  const log = await accessLog(server);
  assert.deepEqual(
    log.map((entry) => [entry.actor, entry.action, entry.formId, entry.applicationIds]),
    [
      ['staff', 'application.list', 'example-union', ids.slice(0, 2)],
      ['staff', 'application.list', 'example-union', ids.slice(2)],
    ],
  );
});

test('filters the list by received time', async (t) => {
  const server = createTestServer(t);
  await submitted(server);
  server.clock.advance(86_400_000);
  const later = await submitted(server);
  const from = new Date(server.clock.now() - 1000).toISOString();
  const body = (await (
    await admin(server, `/v1/forms/example-union/applications?from=${encodeURIComponent(from)}`)
  ).json()) as ListBody;
  assert.deepEqual(
    body.applications.map((a) => a.id),
    [later],
  );
  const bad = await admin(server, '/v1/forms/example-union/applications?from=yesterday');
  assert.equal(bad.status, 400);
  assert.equal(((await bad.json()) as { error: string }).error, 'invalid_query');
});

test('a list filter takes ISO 8601 only, so a day written 01/02/2025 is refused, not misread', async (t) => {
  const server = createTestServer(t);
  for (const from of [
    '01/02/2025',
    '1',
    'March 7',
    '2025-3-1',
    '2025-03-01T10:00',
    '2025-02-30',
    '2025-13-01',
  ]) {
    const response = await admin(
      server,
      `/v1/forms/example-union/applications?from=${encodeURIComponent(from)}`,
    );
    assert.equal(response.status, 400, from);
    const body = (await response.json()) as { error: string; message: string };
    assert.equal(body.error, 'invalid_query');
    assert.match(body.message, /"from"/);
  }
  for (const to of ['2025-03-01', '2025-03-01T10:00:00Z', '2025-03-01T10:00:00.5+01:00']) {
    const response = await admin(
      server,
      `/v1/forms/example-union/applications?to=${encodeURIComponent(to)}&format=csv`,
    );
    assert.equal(response.status, 200, to);
  }
});

test('exports CSV by Accept header, one column per answer, formulas defused', async (t) => {
  const server = createTestServer(t);
  const id = await submitted(server, {
    givenName: '=HYPERLINK("https://evil.example","x")',
    employer: '@SUM(A1)',
  });
  const response = await admin(server, '/v1/forms/example-union/applications', {
    headers: { Accept: 'text/csv' },
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
  assert.match(
    response.headers.get('content-disposition') ?? '',
    /attachment; filename="example-union-applications.csv"/,
  );
  const [header, row] = (await response.text()).trimEnd().split('\r\n');
  assert.equal(
    header,
    'id,receivedAt,formVersion,locale,retrievedAt,deliveredAt,givenName,birthDate,email,membershipType,employer,consent:newsletter,consent:newsletter:at',
  );
  assert.ok(row?.startsWith(`${id},`));
  assert.ok(row?.includes(`"'=HYPERLINK(""https://evil.example"",""x"")"`), row);
  assert.ok(row?.includes(",'@SUM(A1),"), row);
  const [entry] = await accessLog(server);
  assert.equal(entry?.action, 'application.export');
  assert.deepEqual(entry?.applicationIds, [id]);
});

test('CSV exports of one form have the same columns whichever rows they hold', async (t) => {
  const server = createTestServer(t);
  await submitted(server, { membershipType: 'student', employer: undefined });
  const headerOf = async (query: string) =>
    (
      await (await admin(server, `/v1/forms/example-union/applications?format=csv${query}`)).text()
    ).split('\r\n')[0];
  const expected =
    'id,receivedAt,formVersion,locale,retrievedAt,deliveredAt,givenName,birthDate,email,membershipType,employer,consent:newsletter,consent:newsletter:at';
  assert.equal(await headerOf(''), expected, 'a student has no employer, the column is kept');
  assert.equal(await headerOf('&from=2030-01-01T00:00:00Z'), expected, 'no rows at all');
});

test('reads one application with its deliveries, and logs the read', async (t) => {
  const server = createTestServer(t, {
    settings: { webhook: { url: 'https://crm.example/hook', secret: 's'.repeat(32) } },
  });
  const id = await submitted(server);
  const response = await admin(server, `/v1/applications/${id}`);
  assert.equal(response.status, 200);
  const body = (await response.json()) as {
    id: string;
    application: unknown;
    deliveries: { status: string }[];
  };
  assert.equal(body.id, id);
  assert.deepEqual(body.application, await validApplication());
  assert.deepEqual(
    body.deliveries.map((d) => d.status),
    ['pending'],
  );
  const [entry] = await accessLog(server);
  assert.deepEqual([entry?.action, entry?.applicationIds], ['application.read', [id]]);
});

test('answers 404 for an unknown or malformed application id', async (t) => {
  const server = createTestServer(t);
  for (const id of [
    '00000000-0000-4000-8000-000000000000',
    '0000-0000-0000-0000',
    'not-an-id',
    '..%2F..%2Fetc',
  ]) {
    const response = await admin(server, `/v1/applications/${id}`);
    assert.equal(response.status, 404, id);
    assert.equal(((await response.json()) as { error: string }).error, 'application_not_found');
  }
});

test('erases an application and its webhook deliveries, and logs the erasure', async (t) => {
  const server = createTestServer(t, {
    settings: { webhook: { url: 'https://crm.example/hook', secret: 's'.repeat(32) } },
  });
  const id = await submitted(server);
  const keep = await submitted(server);
  const response = await admin(server, `/v1/applications/${id}`, { method: 'DELETE' });
  assert.equal(response.status, 204);
  assert.equal((await admin(server, `/v1/applications/${id}`)).status, 404);
  assert.deepEqual(await server.storage.listDeliveries(id), []);
  assert.equal((await server.storage.listDeliveries(keep)).length, 1);
  assert.equal((await admin(server, `/v1/applications/${id}`, { method: 'DELETE' })).status, 404);
  const actions = (await accessLog(server)).map((entry) => entry.action);
  // The read and the second erasure found nothing, so the log does not claim they did.
  assert.deepEqual(actions, ['application.delete']);
});

test('reading, erasing or marking an id that does not exist writes no access-log entry', async (t) => {
  const server = createTestServer(t);
  const real = await submitted(server);
  for (const [method, path] of [
    ['GET', '/v1/applications/7ZK3M9QH2XW4TB0R'],
    ['DELETE', '/v1/applications/7ZK3M9QH2XW4TB0R'],
    ['POST', '/v1/applications/7ZK3M9QH2XW4TB0R/retrieved'],
  ] as const) {
    const response = await admin(server, path, { method });
    assert.equal(response.status, 404, `${method} ${path}`);
  }
  assert.deepEqual(await accessLog(server), []);
  assert.equal((await admin(server, `/v1/applications/${real}`)).status, 200);
  const [entry, ...more] = await accessLog(server);
  assert.deepEqual(more, []);
  assert.equal(entry?.action, 'application.read');
  assert.equal(entry?.count, 1);
  assert.deepEqual(entry?.applicationIds, [real]);
});

test('marks an application retrieved once, keeping the first time', async (t) => {
  const server = createTestServer(t);
  const id = await submitted(server);
  const first = await admin(server, `/v1/applications/${id}/retrieved`, { method: 'POST' });
  assert.equal(first.status, 200);
  const { retrievedAt } = (await first.json()) as { retrievedAt: string };
  assert.equal(retrievedAt, new Date(server.clock.now()).toISOString());
  server.clock.advance(60_000);
  const second = (await (
    await admin(server, `/v1/applications/${id}/retrieved`, { method: 'POST' })
  ).json()) as { retrievedAt: string };
  assert.equal(second.retrievedAt, retrievedAt);
  const missing = await admin(
    server,
    '/v1/applications/00000000-0000-4000-8000-000000000000/retrieved',
    {
      method: 'POST',
    },
  );
  assert.equal(missing.status, 404);
  assert.deepEqual(
    (await accessLog(server)).map((entry) => entry.action),
    ['application.retrieved', 'application.retrieved'],
  );
});

test('finds an application by its reference as staff type it, and logs the stored id', async (t) => {
  const server = createTestServer(t);
  const id = await submitted(server);
  const grouped = (id.match(/.{4}/g) ?? []).join('-');
  const typed = grouped.toLowerCase().replaceAll('0', 'o').replaceAll('1', 'l');
  assert.notEqual(typed, id);

  const read = await admin(server, `/v1/applications/${typed}`);
  assert.equal(read.status, 200);
  assert.equal(((await read.json()) as { id: string }).id, id);
  const retrieved = await admin(server, `/v1/applications/${grouped}/retrieved`, {
    method: 'POST',
  });
  assert.equal(retrieved.status, 200);
  assert.equal(((await retrieved.json()) as { id: string }).id, id);
  const erased = await admin(server, `/v1/applications/${grouped.toLowerCase()}`, {
    method: 'DELETE',
  });
  assert.equal(erased.status, 204);
  assert.equal(await server.storage.getApplication(id), undefined);
  assert.deepEqual(
    (await accessLog(server)).map((entry) => [entry.action, entry.applicationIds]),
    [
      ['application.read', [id]],
      ['application.retrieved', [id]],
      ['application.delete', [id]],
    ],
  );
});

test('an application stored under a UUID id before is still read, listed and erased', async (t) => {
  const server = createTestServer(t);
  const id = '5f0c6a2e-8d3b-4c71-9a4e-2b7f1d3c8e90';
  const application = (await validApplication()) as unknown as Application;
  const box = sealApplication(server.keyring, id, 'example-union', {
    application,
    bodyDigest: 'd'.repeat(64),
  });
  await server.storage.insertApplication({
    id,
    formId: 'example-union',
    formVersion: application.formVersion,
    receivedAt: server.clock.now(),
    keyId: box.keyId,
    nonce: box.nonce,
    ciphertext: box.ciphertext,
    idempotencyKey: 'legacy',
    requestHash: 'h'.repeat(64),
    retrievedAt: null,
    deliveredAt: null,
  });
  await submitted(server);
  const page = (await (
    await admin(server, '/v1/forms/example-union/applications?limit=1')
  ).json()) as ListBody;
  const rest = (await (
    await admin(server, `/v1/forms/example-union/applications?limit=1&cursor=${page.next}`)
  ).json()) as ListBody;
  assert.ok([...page.applications, ...rest.applications].some((entry) => entry.id === id));

  const read = await admin(server, `/v1/applications/${id.toUpperCase()}`);
  assert.equal(read.status, 200);
  assert.deepEqual(((await read.json()) as { application: unknown }).application, application);
  assert.equal((await admin(server, `/v1/applications/${id}`, { method: 'DELETE' })).status, 204);
});

test('serves the access log, oldest first, and logs reading it', async (t) => {
  const server = createTestServer(t);
  const id = await submitted(server);
  await admin(server, `/v1/applications/${id}`);
  const response = await admin(server, '/v1/access-log');
  assert.equal(response.status, 200);
  const body = (await response.json()) as {
    entries: { seq: number; action: string; actor: string; at: string }[];
  };
  assert.deepEqual(
    body.entries.map((entry) => entry.action),
    ['application.read', 'access_log.read'],
  );
  assert.ok(
    body.entries.every((entry) => entry.actor === 'staff' && !Number.isNaN(Date.parse(entry.at))),
  );
  const after = (await (
    await admin(server, `/v1/access-log?after=${body.entries[0]!.seq}`)
  ).json()) as {
    entries: { action: string }[];
  };
  assert.deepEqual(
    after.entries.map((entry) => entry.action),
    ['access_log.read', 'access_log.read'],
  );
  assert.equal((await admin(server, '/v1/access-log?limit=0')).status, 400);
});

test('records why an application was read, erased or exported when staff say so', async (t) => {
  const server = createTestServer(t);
  const id = await submitted(server);
  const reason = 'SAR 2026-114';
  assert.equal((await admin(server, `/v1/applications/${id}?reason=SAR%202026-114`)).status, 200);
  assert.equal(
    (await admin(server, `/v1/forms/example-union/applications?format=csv&reason=CRM%20import`))
      .status,
    200,
  );
  assert.equal(
    (await admin(server, `/v1/applications/${id}?reason=Erasure%20request`, { method: 'DELETE' }))
      .status,
    204,
  );
  const log = (await (await admin(server, '/v1/access-log')).json()) as {
    entries: { action: string; reason?: string | null }[];
  };
  assert.deepEqual(
    log.entries.map((entry) => [entry.action, entry.reason]),
    [
      ['application.read', reason],
      ['application.export', 'CRM import'],
      ['application.delete', 'Erasure request'],
      ['access_log.read', null],
    ],
  );
  // A case reference, kept with the log for good: short, one line, and never refused silently.
  for (const bad of ['x'.repeat(201), 'line\nbreak', '']) {
    const response = await admin(
      server,
      `/v1/applications/${id}?reason=${encodeURIComponent(bad)}`,
    );
    assert.equal(response.status, 400, JSON.stringify(bad));
    assert.match(((await response.json()) as { message: string }).message, /"reason"/);
  }
});

test('a day as "to" includes that whole day, so from and to the same day lists it', async (t) => {
  const server = createTestServer(t);
  const id = await submitted(server);
  const day = new Date(server.clock.now()).toISOString().slice(0, 10);
  const list = async (query: string) =>
    (
      (await (
        await admin(server, `/v1/forms/example-union/applications?${query}`)
      ).json()) as ListBody
    ).applications.map((a) => a.id);
  assert.deepEqual(await list(`from=${day}&to=${day}`), [id]);
  // A time stays an instant: before it, as documented.
  const received = new Date(server.clock.now()).toISOString();
  assert.deepEqual(await list(`to=${encodeURIComponent(received)}`), []);
});
