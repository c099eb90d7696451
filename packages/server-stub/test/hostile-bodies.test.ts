import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApplication } from '../src/crypto/application-box.ts';
import { createTestServer, submit, validApplication } from './support/test-server.ts';
import type { TestServer } from './support/test-server.ts';

interface ErrorBody {
  error: string;
  message: string;
}

async function stored(server: TestServer): Promise<number> {
  return (await server.storage.listApplications({ formId: 'example-union', limit: 10 })).length;
}

/** The valid application as JSON text, with `from` replaced by `to` once. */
async function edited(from: string, to: string): Promise<string> {
  const text = JSON.stringify(await validApplication());
  assert.ok(text.includes(from), from);
  return text.replace(from, to);
}

test('a key given twice is refused with its path, whichever copy a later reader would keep', async (t) => {
  const server = createTestServer(t);
  const cases: [string, RegExp][] = [
    [
      await edited('"givenName":"Ada"', '"givenName":"Ada","givenName":"Eve"'),
      /"givenName".*answers/,
    ],
    [await edited('"givenName":"Ada"', '"givenName":"Ada","\\u0067ivenName":"Eve"'), /answers/],
    [await edited('"locale":"en"', '"locale":"en","locale":"nb"'), /"locale".*top level/],
    [await edited('"granted":true', '"granted":true,"granted":false'), /consents\[0\]/],
  ];
  for (const [body, where] of cases) {
    const response = await submit(server, body);
    assert.equal(response.status, 400, body);
    const error = (await response.json()) as ErrorBody;
    assert.equal(error.error, 'invalid_json');
    assert.match(error.message, /twice/);
    assert.match(error.message, where);
  }
  assert.equal(await stored(server), 0);
});

test('JSON nested deeper than an application can be is refused as too deep, not as invalid', async (t) => {
  const server = createTestServer(t);
  const depth = 20_000;
  const body = await edited('"Acme"', '['.repeat(depth) + ']'.repeat(depth));
  const response = await submit(server, body);
  assert.equal(response.status, 400);
  const error = (await response.json()) as ErrorBody;
  assert.equal(error.error, 'invalid_json');
  assert.match(error.message, /nested more than \d+ levels/);
  assert.match(error.message, /answers\.employer/);
  assert.equal(await stored(server), 0);
});

test('a string with half of a UTF-16 surrogate pair is refused with its path', async (t) => {
  const server = createTestServer(t);
  for (const [body, where] of [
    [await edited('"Ada"', '"A\\ud800da"'), /answers\.givenName/],
    [await edited('"Acme"', '"Acme\\udfff"'), /answers\.employer/],
    [await edited('"givenName":"Ada"', '"givenName":"Ada","\\ud83d":"x"'), /answers/],
  ] as const) {
    const response = await submit(server, body);
    assert.equal(response.status, 400, body);
    const error = (await response.json()) as ErrorBody;
    assert.equal(error.error, 'invalid_json');
    assert.match(error.message, /surrogate/);
    assert.match(error.message, where);
  }
  assert.equal(await stored(server), 0);

  // A whole pair, escaped, is an ordinary character.
  const emoji = await submit(server, await edited('"Ada"', '"Ada \\ud83d\\ude00"'));
  assert.equal(emoji.status, 201);
  const { id } = (await emoji.json()) as { id: string };
  const record = await server.storage.getApplication(id);
  assert.ok(record);
  assert.equal(openApplication(server.keyring, record).answers.givenName, 'Ada 😀');
});

test('a refused prototype key is named with where it was found', async (t) => {
  const server = createTestServer(t);
  const response = await submit(
    server,
    await edited('"granted":true', '"granted":true,"__proto__":{}'),
  );
  assert.equal(response.status, 400);
  const error = (await response.json()) as ErrorBody;
  assert.equal(error.error, 'forbidden_key');
  assert.match(error.message, /"__proto__".*consents\[0\]/);
});

test('a quoted charset parameter is the same UTF-8', async (t) => {
  const server = createTestServer(t);
  for (const type of ['application/json; charset="utf-8"', 'application/json;charset="UTF-8"']) {
    const response = await submit(server, await validApplication(), {
      headers: { 'Content-Type': type },
    });
    assert.equal(response.status, 201, type);
  }
  const latin1 = await submit(server, await validApplication(), {
    headers: { 'Content-Type': 'application/json; charset="latin1"' },
  });
  assert.equal(latin1.status, 415);
});

test('brackets, commas, colons, quotes and backslashes inside answers are only text', async (t) => {
  const server = createTestServer(t);
  const employer = 'Acme "Works", {Ltd} [a:b] \\ \\" ,"employer":"x" \\';
  const response = await submit(server, await validApplication({ employer }));
  assert.equal(response.status, 201);
  const { id } = (await response.json()) as { id: string };
  const record = await server.storage.getApplication(id);
  assert.ok(record);
  assert.equal(openApplication(server.keyring, record).answers.employer, employer);
});
