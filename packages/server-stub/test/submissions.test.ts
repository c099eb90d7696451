import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashConsentText } from '@union-join/sdk';
import { openApplication } from '../src/crypto/application-box.ts';
import { createTestServer, submit, validApplication } from './support/test-server.ts';

interface ErrorBody {
  error: string;
  message: string;
  requestId: string;
  issues?: { path: (string | number)[]; code: string; message: string }[];
}

test('stores a valid application and answers 201 with a short reference and the time', async (t) => {
  const server = createTestServer(t);
  const application = await validApplication();
  const response = await submit(server, application);
  assert.equal(response.status, 201);
  const body = (await response.json()) as { id: string; receivedAt: string };
  assert.match(body.id, /^[0-9A-HJKMNP-TV-Z]{16}$/, 'Crockford base32, easy to read out');
  assert.equal(body.receivedAt, new Date(server.clock.now()).toISOString());
  assert.equal(response.headers.get('location'), `/v1/applications/${body.id}`);
  const stored = await server.storage.getApplication(body.id);
  assert.ok(stored);
  assert.equal(stored.formVersion, 3);
  assert.deepEqual(openApplication(server.keyring, stored), application);
});

test('stores an application made with an earlier version of the form (queued while it changed)', async (t) => {
  const server = createTestServer(t);
  const application = { ...(await validApplication()), formVersion: 2 };
  const response = await submit(server, application);
  assert.equal(response.status, 201);
  const { id } = (await response.json()) as { id: string };
  assert.equal((await server.storage.getApplication(id))?.formVersion, 2);
  const newer = await submit(server, { ...application, formVersion: 4 });
  assert.equal(newer.status, 422);
  const body = (await newer.json()) as { issues: { code: string }[] };
  assert.deepEqual(
    body.issues.map((issue) => issue.code),
    ['wrong_version'],
  );
});

test('refuses a formVersion that is not a whole number from 1 to the form’s version: 422, nothing stored', async (t) => {
  const server = createTestServer(t);
  const application = await validApplication();
  // A consent wording the form never showed: a version that was never published must not get
  // it past the wording check.
  (application.consents as { textHash: string }[])[0]!.textHash = `sha256:${'f'.repeat(64)}`;
  const json = JSON.stringify(application);
  for (const formVersion of [
    '0',
    '-7',
    '2.5',
    '0.1',
    '3.5',
    '1e-7',
    '-1e20',
    '-1e300',
    '4',
    '1e20',
  ]) {
    const response = await submit(
      server,
      json.replace('"formVersion":3', `"formVersion":${formVersion}`),
      {
        key: `version-${formVersion}`,
      },
    );
    assert.equal(response.status, 422, formVersion);
    const body = (await response.json()) as ErrorBody;
    assert.equal(body.error, 'validation_failed');
    assert.deepEqual(
      body.issues?.map((issue) => [issue.path, issue.code]),
      [[['formVersion'], 'wrong_version']],
      formVersion,
    );
  }
  assert.deepEqual(
    await server.storage.listApplications({ formId: 'example-union', limit: 10 }),
    [],
  );
  assert.equal(server.deliveriesQueued, 0);
  assert.ok(
    !server.logLines.some((line) => line.includes('unhandled_error')),
    'no request failed inside the server',
  );
  // Nothing was stored, so a key can carry the corrected application.
  const corrected = await submit(server, { ...application, formVersion: 2 }, { key: 'version-0' });
  assert.equal(corrected.status, 201);
});

test('stores one-line answers on one line, whatever control characters were sent', async (t) => {
  const server = createTestServer(t);
  const response = await submit(
    server,
    await validApplication({
      givenName: 'Ada\n=Lovelace',
      email: 'ada@example.org\r\n',
      employer: 'Acme\r\n\tWorks\u0000Ltd',
    }),
  );
  assert.equal(response.status, 201);
  const { id } = (await response.json()) as { id: string };
  const stored = await server.storage.getApplication(id);
  assert.ok(stored);
  const { answers } = openApplication(server.keyring, stored);
  assert.equal(answers.givenName, 'Ada =Lovelace');
  assert.equal(answers.email, 'ada@example.org');
  assert.equal(answers.employer, 'Acme Works Ltd');
});

test('ids are random: two submissions never share one', async (t) => {
  const server = createTestServer(t);
  const ids = new Set<string>();
  for (let i = 0; i < 5; i++) {
    ids.add(((await (await submit(server, await validApplication())).json()) as { id: string }).id);
  }
  assert.equal(ids.size, 5);
});

test('answers 400 idempotency_key_required without an Idempotency-Key', async (t) => {
  const server = createTestServer(t);
  const response = await submit(server, await validApplication(), { key: null });
  assert.equal(response.status, 400);
  assert.equal(((await response.json()) as ErrorBody).error, 'idempotency_key_required');
  assert.equal(
    (await server.storage.listApplications({ formId: 'example-union', limit: 10 })).length,
    0,
  );
});

test('answers 400 idempotency_key_required for a key with spaces or over 255 characters', async (t) => {
  const server = createTestServer(t);
  for (const key of ['has space', 'x'.repeat(256)]) {
    const response = await submit(server, await validApplication(), { key });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as ErrorBody).error, 'idempotency_key_required');
  }
});

test('answers 400 invalid_json for malformed JSON and invalid UTF-8', async (t) => {
  const server = createTestServer(t);
  const broken = await submit(server, '{"formId": "example-union",');
  assert.equal(broken.status, 400);
  assert.equal(((await broken.json()) as ErrorBody).error, 'invalid_json');
  const latin1 = await server.app.request('/v1/forms/example-union/applications', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k' },
    body: new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]),
  });
  assert.equal(latin1.status, 400);
  assert.equal(((await latin1.json()) as ErrorBody).error, 'invalid_json');
});

test('answers 415 for a body that is not JSON', async (t) => {
  const server = createTestServer(t);
  for (const type of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/json; charset=latin1',
  ]) {
    const response = await submit(server, JSON.stringify(await validApplication()), {
      headers: { 'Content-Type': type },
    });
    assert.equal(response.status, 415, type);
    assert.equal(((await response.json()) as ErrorBody).error, 'unsupported_media_type');
  }
  const withCharset = await submit(server, await validApplication(), {
    headers: { 'Content-Type': 'application/json; charset=UTF-8' },
  });
  assert.equal(withCharset.status, 201);
});

test('answers 413 for a body over 64 KiB, declared or streamed', async (t) => {
  const server = createTestServer(t);
  const big = await validApplication({ givenName: 'A'.repeat(70 * 1024) });
  const declared = await submit(server, big);
  assert.equal(declared.status, 413);
  assert.equal(((await declared.json()) as ErrorBody).error, 'payload_too_large');
  const bytes = new TextEncoder().encode(JSON.stringify(big));
  const streamed = await server.app.request('/v1/forms/example-union/applications', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'stream' },
    body: new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 4096) controller.enqueue(bytes.slice(i, i + 4096));
        controller.close();
      },
    }),
    duplex: 'half',
  } as RequestInit);
  assert.equal(streamed.status, 413);
});

test('answers 404 form_not_found for an unknown form', async (t) => {
  const server = createTestServer(t);
  const response = await server.app.request('/v1/forms/no-such-form/applications', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k' },
    body: JSON.stringify(await validApplication()),
  });
  assert.equal(response.status, 404);
  assert.equal(((await response.json()) as ErrorBody).error, 'form_not_found');
});

test('answers 422 validation_failed with issues by path, and stores nothing', async (t) => {
  const server = createTestServer(t);
  const response = await submit(server, await validApplication({ email: 'not-an-email' }));
  assert.equal(response.status, 422);
  const body = (await response.json()) as ErrorBody;
  assert.equal(body.error, 'validation_failed');
  const issue = body.issues?.find((item) => item.path.join('.') === 'answers.email');
  assert.ok(issue, JSON.stringify(body.issues));
  assert.equal(typeof issue.code, 'string');
  assert.equal(
    (await server.storage.listApplications({ formId: 'example-union', limit: 10 })).length,
    0,
  );
});

test('rejects an answer to a hidden field and an application for another form', async (t) => {
  const server = createTestServer(t);
  const student = await validApplication({ membershipType: 'student' });
  const hidden = await submit(server, student);
  assert.equal(hidden.status, 422);
  const mismatched = await submit(server, { ...(await validApplication()), formId: 'other-union' });
  assert.equal(mismatched.status, 422);
  const notObject = await submit(server, [1, 2, 3]);
  assert.equal(notObject.status, 422);
});

test('answers 429 with Retry-After once an IP exceeds the limit, per IP', async (t) => {
  let ip = '198.51.100.7';
  const server = createTestServer(t, { config: { rateLimitPerMinute: 3 }, clientIp: () => ip });
  for (let i = 0; i < 3; i++)
    assert.equal((await submit(server, await validApplication())).status, 201);
  const limited = await submit(server, await validApplication());
  assert.equal(limited.status, 429);
  assert.equal(((await limited.json()) as ErrorBody).error, 'rate_limited');
  const retryAfter = Number(limited.headers.get('retry-after'));
  assert.ok(retryAfter >= 1 && retryAfter <= 60, String(retryAfter));
  ip = '198.51.100.8';
  assert.equal((await submit(server, await validApplication())).status, 201);
  ip = '198.51.100.7';
  server.clock.advance(retryAfter * 1000);
  assert.equal((await submit(server, await validApplication())).status, 201);
});

test('refuses a submission from a browser origin the form does not allow', async (t) => {
  const server = createTestServer(t, { settings: { allowedOrigins: ['https://union.example'] } });
  const denied = await submit(server, await validApplication(), {
    headers: { Origin: 'https://evil.example' },
  });
  assert.equal(denied.status, 403);
  assert.equal(((await denied.json()) as ErrorBody).error, 'origin_not_allowed');
  const allowed = await submit(server, await validApplication(), {
    headers: { Origin: 'https://union.example' },
  });
  assert.equal(allowed.status, 201);
  assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://union.example');
  const sameOrigin = await submit(server, await validApplication(), {
    headers: { Origin: 'http://localhost' },
  });
  assert.equal(sameOrigin.status, 201);
  // Behind a TLS proxy the page is https:// while the request reaching the server is http://.
  const behindProxy = await submit(server, await validApplication(), {
    headers: { Origin: 'https://join.union.example', Host: 'join.union.example' },
  });
  assert.equal(behindProxy.status, 201);
  const otherHost = await submit(server, await validApplication(), {
    headers: { Origin: 'https://evil.example', Host: 'join.union.example' },
  });
  assert.equal(otherHost.status, 403);
});

test('queues a webhook delivery only for forms with a webhook', async (t) => {
  const without = createTestServer(t);
  await submit(without, await validApplication());
  assert.equal(without.deliveriesQueued, 0);
  const withHook = createTestServer(t, {
    settings: { webhook: { url: 'https://crm.example/hook', secret: 's'.repeat(32) } },
  });
  const { id } = (await (await submit(withHook, await validApplication())).json()) as {
    id: string;
  };
  assert.equal(withHook.deliveriesQueued, 1);
  const [delivery] = await withHook.storage.listDeliveries(id);
  assert.equal(delivery?.status, 'pending');
});

test('stores a consent time later than the server’s clock, or before 2000, as the server’s time, never refusing it', async (t) => {
  const server = createTestServer(t); // the clock reads 09:00Z
  const application = await validApplication();
  (application.consents as { at: string }[])[0]!.at = '2025-03-01T10:00:00+00:00';
  const response = await submit(server, application);
  assert.equal(response.status, 201, 'an applicant whose phone runs fast can still join');
  const { id } = (await response.json()) as { id: string };
  const record = await server.storage.getApplication(id);
  assert.ok(record);
  assert.equal(openApplication(server.keyring, record).consents[0]?.at, '2025-03-01T09:00:00.000Z');

  // A phone whose clock was reset to 1970 cannot be corrected by its owner either.
  (application.consents as { at: string }[])[0]!.at = '1970-01-01T00:00:00.000Z';
  const reset = await submit(server, application);
  assert.equal(reset.status, 201);
  const resetRecord = await server.storage.getApplication(
    ((await reset.json()) as { id: string }).id,
  );
  assert.ok(resetRecord);
  assert.equal(
    openApplication(server.keyring, resetRecord).consents[0]?.at,
    '2025-03-01T09:00:00.000Z',
  );
});

test('stores a Swedish personnummer in its twelve-digit form, however it was typed', async (t) => {
  const definition = {
    id: 'se-union',
    version: 1,
    organisation: { name: 'Facket', privacyNoticeUrl: 'https://example.org/privacy' },
    locales: ['sv'],
    steps: [
      {
        id: 'om-dig',
        title: 'Om dig',
        fields: [{ id: 'pnr', type: 'national-id', country: 'SE', label: 'Personnummer' }],
      },
    ],
  };
  const server = createTestServer(t, { extraDefinitions: [definition] });
  const stored = async (pnr: string) => {
    const response = await server.app.request('/v1/forms/se-union/applications', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({
        formId: 'se-union',
        formVersion: 1,
        locale: 'sv',
        answers: { pnr },
        consents: [],
      }),
    });
    assert.equal(response.status, 201, pnr);
    const { id } = (await response.json()) as { id: string };
    const record = await server.storage.getApplication(id);
    assert.ok(record);
    return openApplication(server.keyring, record).answers.pnr;
  };
  for (const typed of ['811218-9876', '8112189876', '19811218-9876', '198112189876']) {
    assert.equal(await stored(typed), '198112189876', typed);
  }
  // The plus sign: 100 or more years old.
  assert.equal(await stored('811218+9876'), '188112189876');
  // A samordningsnummer keeps its day + 60.
  assert.equal(await stored('701063-2391'), '197010632391');
});

test('refuses a consent record whose textHash matches no text of that consent in the form', async (t) => {
  const server = createTestServer(t);
  const application = await validApplication();
  const consent = (application.consents as { textHash: string }[])[0]!;
  for (const forged of [
    `sha256:${'0'.repeat(64)}`,
    await hashConsentText('I agree to everything'),
  ]) {
    consent.textHash = forged;
    const response = await submit(server, application, { key: `forged-${forged.slice(-8)}` });
    assert.equal(response.status, 422, forged);
    const body = (await response.json()) as { issues: { path: unknown[]; code: string }[] };
    assert.deepEqual(
      body.issues.map((issue) => [issue.path, issue.code]),
      [[['consents', 0, 'textHash'], 'unknown_consent_text']],
    );
  }
  // The text as shown: accepted.
  consent.textHash = await hashConsentText("Send me the members' newsletter");
  assert.equal((await submit(server, application, { key: 'shown-text' })).status, 201);
  // Made with an earlier version of the form, whose texts the server no longer has: not checked.
  consent.textHash = await hashConsentText('An earlier wording');
  application.formVersion = 2;
  assert.equal((await submit(server, application, { key: 'earlier-version' })).status, 201);
});
