// The error codes in openapi.yaml are read off the server's own code, so a code added to the
// server without the contract (or left in the contract after the server stopped sending it) fails.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { createTestServer } from './support/test-server.ts';

const SRC = new URL('../src/', import.meta.url);
// Delivery outcomes (`no_webhook`, `decryption_failed`, ...) are stored, never sent as errors.
const NOT_HTTP = /^webhooks\//;
// Documented for backends that process one key's requests concurrently; this one never does.
const OTHER_BACKENDS_ONLY = ['idempotency_request_in_progress'];

interface Emitted {
  codes: Set<string>;
  problems: number;
  literalProblems: number;
}

/** Every error code the server's source can put in a response body. */
function emittedCodes(): Emitted {
  const emitted: Emitted = { codes: new Set(), problems: 0, literalProblems: 0 };
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' });
  for (const file of files.filter((f) => f.endsWith('.ts') && !NOT_HTTP.test(f))) {
    const source = readFileSync(new URL(file, SRC), 'utf8');
    emitted.problems += source.match(/new HttpProblem\(/g)?.length ?? 0;
    for (const [, code] of source.matchAll(/new HttpProblem\(\s*\d{3},\s*'([a-z_]+)'/g)) {
      emitted.literalProblems += 1;
      emitted.codes.add(code!);
    }
    // Bodies written directly: `{ error: 'not_found', ... }` and the table of connection errors.
    for (const [, code] of source.matchAll(/\berror: '([a-z_]+)'/g)) emitted.codes.add(code!);
  }
  return emitted;
}

function documentedCodes(): string[] {
  const spec = parse(readFileSync(new URL('../../sdk/openapi.yaml', import.meta.url), 'utf8')) as {
    components: { schemas: { Error: { properties: { error: { enum?: string[] } } } } };
  };
  return spec.components.schemas.Error.properties.error.enum ?? [];
}

test('openapi.yaml lists every error code the server can send', () => {
  const { codes } = emittedCodes();
  const documented = new Set(documentedCodes());
  const missing = [...codes].filter((code) => !documented.has(code));
  assert.deepEqual(missing, [], 'add these to the Error schema’s enum in openapi.yaml');
});

test('openapi.yaml lists no error code the server never sends', () => {
  const { codes } = emittedCodes();
  const stale = documentedCodes().filter(
    (code) => !codes.has(code) && !OTHER_BACKENDS_ONLY.includes(code),
  );
  assert.deepEqual(stale, []);
});

test('the codes are read from every place the server writes an error', () => {
  const { codes, problems, literalProblems } = emittedCodes();
  // A code passed as a variable would escape the check above: every HttpProblem names its own.
  assert.ok(problems > 0);
  assert.equal(literalProblems, problems, 'every new HttpProblem(status, code) has a literal code');
  for (const code of [
    'not_found',
    'bad_request',
    'headers_too_large',
    'request_timeout',
    'unavailable',
    'internal_error',
    'validation_failed',
    'form_not_found',
  ]) {
    assert.ok(codes.has(code), code);
  }
});

test('an unknown path answers with a documented code', async (t) => {
  const server = createTestServer(t);
  const response = await server.app.request('/v1/nothing-here');
  assert.equal(response.status, 404);
  const { error } = (await response.json()) as { error: string };
  assert.equal(error, 'not_found');
  assert.ok(documentedCodes().includes(error));
});
