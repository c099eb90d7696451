import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { rollUpAnalytics } from '../src/analytics/rollup.ts';
import {
  createAnalyticsServer,
  getFunnel,
  journey,
  postEvents,
  type JourneyStep,
} from './support/analytics-server.ts';

// The wire contract the sdk publishes; the server's real answers must match it.
const require = createRequire(import.meta.url);
const spec = parse(readFileSync(require.resolve('@union-join/sdk/openapi.yaml'), 'utf8')) as {
  components: { schemas: Record<string, unknown> };
};

function validator(name: string) {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true });
  ajv.addFormat('date', { type: 'string', validate: (s: string) => /^\d{4}-\d\d-\d\d$/.test(s) });
  ajv.addFormat('date-time', { type: 'string', validate: () => true });
  ajv.addFormat('uri', { type: 'string', validate: (s: string) => URL.canParse(s) });
  const defs = JSON.parse(
    JSON.stringify(spec.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/'),
  ) as Record<string, unknown>;
  return ajv.compile({ $ref: `#/$defs/${name}`, $defs: defs });
}

function assertMatches(name: string, value: unknown): void {
  const validate = validator(name);
  assert.ok(validate(value), `${name}: ${JSON.stringify(validate.errors, null, 1)}`);
}

const example = { id: 'example-union', version: 3 };

describe('analytics answers match openapi.yaml', () => {
  it('202 and 400 of POST /v1/events', async (t) => {
    const { app } = createAnalyticsServer(t);
    const accepted = await postEvents(app, journey(example, [['step_view', 'about-you']]));
    assertMatches('EventsAccepted', await accepted.json());
    const [event] = journey(example, [['step_view', 'about-you']]);
    const refused = await postEvents(app, [{ ...event, seq: '0' }]);
    assert.equal(refused.status, 400);
    assertMatches('Error', await refused.json());
  });

  it('a funnel with data, suppression, errors and a branching form', async (t) => {
    const server = createAnalyticsServer(t);
    const steps: JourneyStep[] = [
      ['step_view', 'about-you'],
      ['validation_error', 'about-you', { email: ['invalid_email'] }],
      ['step_complete', 'about-you'],
      ['step_view', 'work'],
      ['submit_failure', '_review', 'network'],
    ];
    for (let i = 0; i < 7; i++) await postEvents(server.app, journey(example, steps));
    server.clock.advance(3 * 3_600_000);
    await rollUpAnalytics(server.storage.analytics, server.clock.now());
    for (const form of ['example-union', 'branching-union']) {
      const response = await getFunnel(server.app, form);
      assert.equal(response.status, 200);
      assertMatches('Funnel', await response.json());
    }
  });
});
