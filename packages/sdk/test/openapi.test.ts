import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import {
  ApiError,
  createFormSession,
  parseFormDefinition,
  validateApplication,
  type Application,
} from '@union-join/sdk';
import { parseAnalyticsBatch } from '@union-join/sdk/analytics';
import { designExample, exampleApplication } from './definition-fixtures.ts';

type Json = Record<string, unknown>;

const spec = parse(readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8')) as Json;
const components = spec.components as Json;
const schemas = components.schemas as Json;
const examples = components.examples as Record<string, { value: unknown }>;
const paths = spec.paths as Record<string, Record<string, Json>>;

/** The HTTP API table of the design, with path parameters written `{}`. */
const designOperations = [
  ['get', '/v1/forms/{}', 'public'],
  ['post', '/v1/forms/{}/applications', 'public'],
  ['post', '/v1/events', 'public'],
  ['get', '/v1/forms/{}/applications', 'admin'],
  ['get', '/v1/applications/{}', 'admin'],
  ['delete', '/v1/applications/{}', 'admin'],
  ['post', '/v1/applications/{}/retrieved', 'admin'],
  ['get', '/v1/access-log', 'admin'],
  ['get', '/v1/forms/{}/funnel', 'admin'],
  ['get', '/admin', 'admin'],
] as const;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

function operations(): { method: string; path: string; op: Json }[] {
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ method, path, op })),
  );
}

/** Follows a local `$ref` (`#/components/...`) to what it names. */
function deref<T = Json>(node: unknown): T {
  let current = node as Json;
  while (typeof current.$ref === 'string') {
    const ref = current.$ref;
    assert.ok(ref.startsWith('#/'), `only local refs: ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((at, key) => (at as Json)?.[key], spec) as Json;
    assert.ok(current, `unresolved ${ref}`);
  }
  return current as T;
}

/** Every component schema compiled with ajv, `#/components/schemas/X` rewritten to `#/$defs/X`. */
function schemaValidators(): (name: string) => ValidateFunction {
  // strictRequired would forbid `not: { required: [reason] }`, which says "no reason here".
  const ajv = new Ajv2020({
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    allErrors: true,
  });
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (s) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s),
  });
  ajv.addFormat('date', { type: 'string', validate: (s) => /^\d{4}-\d\d-\d\d$/.test(s) });
  ajv.addFormat('uri', { type: 'string', validate: (s) => URL.canParse(s) });
  const id = 'https://union-join.example/openapi/components';
  const defs = JSON.parse(
    JSON.stringify(schemas).replaceAll('"#/components/schemas/', '"#/$defs/'),
  ) as Json;
  ajv.addSchema({ $id: id, $defs: defs });
  return (name) => {
    const validate = ajv.getSchema(`${id}#/$defs/${name}`);
    assert.ok(validate, `no schema ${name}`);
    return validate;
  };
}

const schema = schemaValidators();

/** Validates `value` against a component or inline schema and fails with ajv's errors. */
function assertMatches(schemaNode: unknown, value: unknown, label: string): void {
  const ref = (schemaNode as Json).$ref;
  const validate =
    typeof ref === 'string' && ref.startsWith('#/components/schemas/')
      ? schema(ref.slice('#/components/schemas/'.length))
      : inlineValidator(schemaNode);
  assert.ok(validate(value), `${label}: ${JSON.stringify(validate.errors, null, 1)}`);
}

function inlineValidator(schemaNode: unknown): ValidateFunction {
  const ajv = new Ajv2020({
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    validateFormats: false,
  });
  const defs = JSON.parse(
    JSON.stringify(schemas).replaceAll('"#/components/schemas/', '"#/$defs/'),
  );
  const node = JSON.parse(
    JSON.stringify(schemaNode).replaceAll('"#/components/schemas/', '"#/$defs/'),
  ) as Json;
  return ajv.compile({ ...node, $defs: defs });
}

const definition = parseFormDefinition(designExample());

describe('openapi.yaml', () => {
  it('is OpenAPI 3.1 with info and a bearer scheme for admin', () => {
    assert.match(String(spec.openapi), /^3\.1\.\d+$/);
    assert.equal(typeof (spec.info as Json).title, 'string');
    assert.deepEqual((components.securitySchemes as Json).adminToken, {
      type: 'http',
      scheme: 'bearer',
      description: (components.securitySchemes as Record<string, Json>).adminToken!.description,
    });
  });

  it('documents every path and method of the design, and nothing else', () => {
    const documented = operations()
      .map(({ method, path }) => `${method} ${path.replace(/\{[^}]+\}/g, '{}')}`)
      .sort();
    const designed = designOperations.map(([method, path]) => `${method} ${path}`).sort();
    assert.deepEqual(documented, designed);
  });

  it('secures the admin operations with the bearer token and leaves public ones open', () => {
    for (const [method, path, access] of designOperations) {
      const entry = Object.entries(paths).find(([p]) => p.replace(/\{[^}]+\}/g, '{}') === path);
      const op = entry![1][method]!;
      const security = (op.security ?? spec.security) as unknown[];
      if (access === 'admin') {
        assert.deepEqual(security, [{ adminToken: [] }], `${method} ${path}`);
        assert.ok((op.responses as Json)['401'], `${method} ${path} documents 401`);
      } else {
        assert.deepEqual(security, [], `${method} ${path}`);
      }
    }
  });

  it('has unique operation ids and declares every path parameter', () => {
    const ids = operations().map(({ op }) => op.operationId);
    assert.equal(new Set(ids).size, ids.length);
    for (const { method, path, op } of operations()) {
      const declared = ((op.parameters ?? []) as unknown[])
        .map((p) => deref<{ name: string; in: string }>(p))
        .filter((p) => p.in === 'path')
        .map((p) => p.name)
        .sort();
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(declared, inPath, `${method} ${path}`);
    }
  });

  it('requires an Idempotency-Key and documents 201, 400, 413, 422 and 429 on submission', () => {
    const op = paths['/v1/forms/{formId}/applications']!.post!;
    const header = ((op.parameters ?? []) as unknown[])
      .map((p) => deref<{ name: string; in: string; required?: boolean }>(p))
      .find((p) => p.in === 'header' && p.name === 'Idempotency-Key');
    assert.equal(header?.required, true);
    const responses = op.responses as Json;
    for (const code of ['201', '400', '404', '413', '422', '429']) {
      assert.ok(responses[code], `documents ${code}`);
    }
    const rateLimited = deref<{ headers: Json }>(responses['429']);
    assert.ok(rateLimited.headers['Retry-After'], '429 carries Retry-After');
  });

  it('accepts text/plain analytics batches', () => {
    const content = ((paths['/v1/events']!.post!.requestBody as Json).content ?? {}) as Json;
    assert.ok(content['text/plain']);
    assert.ok((paths['/v1/events']!.post!.responses as Json)['202']);
  });

  it('every example matches its schema', () => {
    let checked = 0;
    for (const { method, path, op } of operations()) {
      const media: [string, Json][] = [];
      const body = op.requestBody ? deref(op.requestBody) : undefined;
      for (const [type, m] of Object.entries((body?.content ?? {}) as Json)) {
        media.push([`${method} ${path} request ${type}`, m as Json]);
      }
      for (const [code, response] of Object.entries((op.responses ?? {}) as Json)) {
        for (const [type, m] of Object.entries((deref(response).content ?? {}) as Json)) {
          media.push([`${method} ${path} ${code} ${type}`, m as Json]);
        }
      }
      for (const [label, m] of media) {
        const values = [
          ...('example' in m ? [m.example] : []),
          ...Object.values((m.examples ?? {}) as Json).map(
            (e) => deref<{ value: unknown }>(e).value,
          ),
        ];
        for (const value of values) {
          assertMatches(m.schema, value, label);
          checked++;
        }
      }
    }
    assert.ok(checked >= 15, `checked ${checked} examples`);
  });

  it('every parameter example matches its schema', () => {
    const parameters = Object.entries((spec.components as Json).parameters as Json);
    const withExamples = parameters.filter(([, p]) => 'example' in (p as Json));
    assert.ok(withExamples.length >= 3);
    for (const [name, p] of withExamples) {
      assertMatches((p as Json).schema, (p as Json).example, `parameter ${name}`);
    }
  });

  it('its form-definition example is accepted by parseFormDefinition', () => {
    const parsed = parseFormDefinition(examples.FormDefinition!.value);
    assert.equal(parsed.id, 'example-union');
  });

  it('its Application example is valid for the example definition (validateApplication)', () => {
    const result = validateApplication(definition, examples.Application!.value);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
    const stored = examples.StoredApplicationDetail!.value as { application: unknown };
    assert.ok(validateApplication(definition, stored.application).ok);
  });

  it('its analytics example is accepted by the sdk analytics schema', () => {
    const result = parseAnalyticsBatch(examples.AnalyticsBatch!.value);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
  });
});

describe('sdk objects against the OpenAPI schemas', () => {
  it('an application produced by the engine matches Application', async () => {
    const session = createFormSession(definition, {
      locale: 'nb',
      now: new Date('2025-06-01T10:00:00Z'),
    });
    session.set('givenName', '  Kari ');
    session.set('birthDate', '1999-12-31');
    session.set('email', 'kari@example.no');
    session.set('membershipType', 'student');
    session.set('newsletter', true);
    const application = await session.toApplication();
    assert.ok(schema('Application')(application), JSON.stringify(schema('Application').errors));
    assert.ok(validateApplication(definition, application).ok);
    assert.equal(application.answers.givenName, 'Kari');
    assert.equal('employer' in application.answers, false, 'hidden field not submitted');
  });

  it('the client fixture matches Application', () => {
    assert.ok(
      schema('Application')(exampleApplication),
      JSON.stringify(schema('Application').errors),
    );
  });

  it('a 422 body built from validateApplication issues matches ValidationErrorBody and Error', () => {
    const bad = {
      ...exampleApplication,
      answers: { ...exampleApplication.answers, email: 'not-an-email', employer: 5 },
      extra: true,
    } as unknown as Application;
    const result = validateApplication(definition, bad);
    assert.equal(result.ok, false);
    const body = {
      error: 'validation_failed',
      message: 'Some answers are not valid',
      issues: result.ok ? [] : result.issues,
      requestId: 'req_1',
    };
    assert.ok(body.issues.length > 0);
    for (const name of ['ValidationErrorBody', 'Error']) {
      assert.ok(schema(name)(body), `${name}: ${JSON.stringify(schema(name).errors)}`);
    }
    // The client reads such a body back into the same issues.
    const error = ApiError.from(422, body);
    assert.deepEqual('issues' in error ? error.issues : undefined, body.issues);
  });

  it('the schemas reject what the sdk rejects', () => {
    const invalid: [string, unknown][] = [
      ['Application', { ...exampleApplication, answers: { givenName: null } }],
      ['Application', { ...exampleApplication, locale: 'de' }],
      ['Application', { ...exampleApplication, extra: 1 }],
      ['Application', { ...exampleApplication, consents: [{ purpose: 'newsletter' }] }],
      ['Consent', { purpose: 'newsletter', granted: true, textHash: 'md5:abc', at: 'now' }],
      ['Error', { message: 'no code' }],
      ['SubmitResult', { id: 'app_1' }],
    ];
    for (const [name, value] of invalid) {
      assert.equal(schema(name)(value), false, `${name} accepts ${JSON.stringify(value)}`);
    }
    assert.equal(validateApplication(definition, invalid[0]![1]).ok, false);
  });
});
