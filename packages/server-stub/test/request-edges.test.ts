import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { test } from 'node:test';
import { admin, createTestServer, submit, validApplication } from './support/test-server.ts';

interface ErrorBody {
  error: string;
  message: string;
}

test('an unknown ?format= is refused with 400 naming the formats, not answered as JSON', async (t) => {
  const server = createTestServer(t);
  for (const format of ['xml', 'CSV ', '']) {
    const response = await admin(
      server,
      `/v1/forms/example-union/applications?format=${encodeURIComponent(format)}`,
    );
    assert.equal(response.status, 400, format);
    const body = (await response.json()) as ErrorBody;
    assert.equal(body.error, 'invalid_query');
    assert.match(body.message, /"format" must be "json" or "csv"/);
  }
  const json = await admin(server, '/v1/forms/example-union/applications?format=json');
  assert.equal(json.status, 200);
  assert.match(json.headers.get('content-type') ?? '', /^application\/json/);
  const csv = await admin(server, '/v1/forms/example-union/applications?format=csv');
  assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
});

test('a compressed body gets 415 saying to send it uncompressed, not "not valid UTF-8"', async (t) => {
  const server = createTestServer(t);
  const body = JSON.stringify(await validApplication());
  for (const encoding of ['gzip', 'br', 'deflate']) {
    const response = await server.app.request('/v1/forms/example-union/applications', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Encoding': encoding,
        'Idempotency-Key': crypto.randomUUID(),
      },
      body: gzipSync(body),
    });
    assert.equal(response.status, 415, encoding);
    const answer = (await response.json()) as ErrorBody;
    assert.equal(answer.error, 'unsupported_media_type');
    assert.match(answer.message, /Content-Encoding/);
    assert.doesNotMatch(answer.message, /UTF-8/);
  }
  const events = await server.app.request('/v1/events', {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' },
    body: gzipSync('{"events":[]}'),
  });
  assert.equal(events.status, 415);
  // "identity" is no encoding at all.
  const plain = await submit(server, body, { headers: { 'Content-Encoding': 'identity' } });
  assert.equal(plain.status, 201);
});
