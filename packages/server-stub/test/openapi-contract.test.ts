import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import {
  admin,
  createTestServer,
  submit,
  validApplication,
  type TestServer,
} from './support/test-server.ts';

type Json = Record<string, unknown>;

const spec = parse(
  readFileSync(new URL('../../sdk/openapi.yaml', import.meta.url), 'utf8'),
) as Json;
const SCHEMAS_ID = 'https://union-join.example/openapi/components';

const ajv = new Ajv2020({ strict: false, allowUnionTypes: true, allErrors: true });
ajv.addFormat('date-time', { type: 'string', validate: (s) => !Number.isNaN(Date.parse(s)) });
ajv.addFormat('date', { type: 'string', validate: (s) => /^\d{4}-\d\d-\d\d$/.test(s) });
ajv.addFormat('uri', { type: 'string', validate: (s) => URL.canParse(s) });
const rewrite = (node: unknown) =>
  JSON.parse(
    JSON.stringify(node).replaceAll('"#/components/schemas/', `"${SCHEMAS_ID}#/$defs/`),
  ) as Json;
ajv.addSchema({ $id: SCHEMAS_ID, $defs: rewrite((spec.components as Json).schemas) });

function resolve(node: unknown): Json {
  let current = node as Json;
  while (typeof current.$ref === 'string') {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>((at, key) => (at as Json)[key], spec) as Json;
  }
  return current;
}

/** The documented response of an operation for a status, or a failure naming what is missing. */
function documented(method: string, path: string, status: number): Json {
  const operation = ((spec.paths as Json)[path] as Json | undefined)?.[method] as Json | undefined;
  assert.ok(operation, `${method.toUpperCase()} ${path} is not in openapi.yaml`);
  const response = (operation.responses as Json)[String(status)];
  assert.ok(response, `${method.toUpperCase()} ${path} does not document ${status}`);
  return resolve(response);
}

const compiled = new Map<string, ValidateFunction>();

/** Checks a real response against openapi.yaml: status documented, JSON body matches its schema. */
async function assertConforms(method: string, path: string, response: Response): Promise<void> {
  const doc = documented(method, path, response.status);
  const label = `${method.toUpperCase()} ${path} ${response.status}`;
  const content = doc.content as Json | undefined;
  if (!content) {
    assert.equal(await response.text(), '', `${label} has no body`);
    return;
  }
  const json = content['application/json'] as Json | undefined;
  assert.ok(json, `${label}: no JSON content documented`);
  const key = `${label}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(rewrite(json.schema));
    compiled.set(key, validate);
  }
  const body = (await response.json()) as unknown;
  assert.ok(
    validate(body),
    `${label}: ${JSON.stringify(validate.errors)}\n${JSON.stringify(body)}`,
  );
}

async function stored(server: TestServer): Promise<string> {
  const response = await submit(server, await validApplication());
  return ((await response.json()) as { id: string }).id;
}

test('public responses match openapi.yaml', async (t) => {
  const server = createTestServer(t, { config: { rateLimitPerMinute: 2 } });
  const form = '/v1/forms/{formId}';
  const submitPath = '/v1/forms/{formId}/applications';
  await assertConforms('get', form, await server.app.request('/v1/forms/example-union'));
  await assertConforms('get', form, await server.app.request('/v1/forms/nope'));
  await assertConforms(
    'post',
    submitPath,
    await submit(server, await validApplication(), { key: 'k' }),
  );
  await assertConforms(
    'post',
    submitPath,
    await submit(server, await validApplication({ givenName: 'X' }), { key: 'k' }),
  );
  server.clock.advance(60_000);
  await assertConforms(
    'post',
    submitPath,
    await submit(server, await validApplication({ email: 'x' })),
  );
  server.clock.advance(60_000);
  for (const pending of [
    submit(server, '{'),
    submit(server, await validApplication(), { key: null }),
    submit(server, await validApplication(), { headers: { 'Content-Type': 'text/plain' } }),
    submit(server, await validApplication({ givenName: 'A'.repeat(70_000) })),
  ]) {
    await assertConforms('post', submitPath, await pending);
  }
  await submit(server, await validApplication());
  await submit(server, await validApplication());
  const limited = await submit(server, await validApplication());
  assert.equal(limited.status, 429);
  await assertConforms('post', submitPath, limited);
});

test('admin responses match openapi.yaml', async (t) => {
  const server = createTestServer(t);
  const id = await stored(server);
  await stored(server);
  const list = '/v1/forms/{formId}/applications';
  const one = '/v1/applications/{applicationId}';
  await assertConforms(
    'get',
    list,
    await admin(server, '/v1/forms/example-union/applications?limit=1'),
  );
  await assertConforms(
    'get',
    list,
    await server.app.request('/v1/forms/example-union/applications'),
  );
  await assertConforms('get', one, await admin(server, `/v1/applications/${id}`));
  await assertConforms(
    'post',
    `${one}/retrieved`,
    await admin(server, `/v1/applications/${id}/retrieved`, { method: 'POST' }),
  );
  await assertConforms(
    'delete',
    one,
    await admin(server, `/v1/applications/${id}`, { method: 'DELETE' }),
  );
  await assertConforms('get', one, await admin(server, `/v1/applications/${id}`));
  await assertConforms('get', '/v1/access-log', await admin(server, '/v1/access-log?limit=2'));
  await assertConforms('get', '/v1/access-log', await server.app.request('/v1/access-log'));
});
