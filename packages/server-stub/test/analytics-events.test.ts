import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { AnalyticsEvent } from '@union-join/sdk/analytics';
import { DROP_REASONS } from '../src/storage/analytics-storage.ts';
import { createAnalyticsServer, journey, postEvents } from './support/analytics-server.ts';

const example = { id: 'example-union', version: 3 };
const branching = { id: 'branching-union', version: 2 };

/** Every value stored in any analytics table, as text, for "is X stored anywhere" checks. */
function analyticsTableText(databaseFile: string): string {
  const db = new DatabaseSync(databaseFile, { readOnly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'analytics_%'")
      .all()
      .map((row) => row.name as string);
    return JSON.stringify(tables.map((table) => db.prepare(`SELECT * FROM ${table}`).all()));
  } finally {
    db.close();
  }
}

describe('POST /v1/events', () => {
  it('stores a valid beacon batch and answers 202 with what it kept', async (t) => {
    const { app, storage } = createAnalyticsServer(t);
    const events = journey(example, [
      ['step_view', 'about-you'],
      ['validation_error', 'about-you', { email: ['invalid_email'] }],
      ['step_complete', 'about-you'],
      ['step_view', 'work'],
    ]);
    const response = await postEvents(app, events);
    assert.equal(response.status, 202);
    assert.deepEqual(await response.json(), { accepted: 4, dropped: 0 });
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const stored = await storage.analytics.rawEvents();
    assert.deepEqual(
      stored.map(({ hour: _hour, flow: _flow, ...event }) => event),
      events.map(({ flow: _flow, ...event }) => event),
    );
    // One flow in, one flow stored, under a pseudonym.
    assert.deepEqual([...new Set(stored.map((event) => event.flow))].length, 1);
    assert.notEqual(stored[0]?.flow, events[0]?.flow);
  });

  it('stamps events with the server hour, never a finer or client time', async (t) => {
    const { app, storage, clock } = createAnalyticsServer(t);
    clock.advance(37 * 60_000 + 12_345); // 09:37:12.345
    await postEvents(app, journey(example, [['step_view', 'about-you']]));
    const [event] = await storage.analytics.rawEvents();
    assert.equal(event?.hour, Date.parse('2025-03-01T09:00:00Z'));
  });

  it('keeps only the schema properties: no address, user agent, referrer or origin', async (t) => {
    const { app, storage, dataDir } = createAnalyticsServer(t);
    const response = await postEvents(app, journey(example, [['step_view', 'about-you']]), {
      'User-Agent': 'CanaryAgent/1.0',
      'X-Forwarded-For': '203.0.113.77',
      Referer: 'https://canary.example/join?email=ada',
      Origin: 'https://canary-origin.example',
      Cookie: 'session=canary-cookie',
    });
    assert.equal(response.status, 202);
    const [event] = await storage.analytics.rawEvents();
    assert.deepEqual(Object.keys(event ?? {}).sort(), [
      'device',
      'flow',
      'form',
      'formVersion',
      'hour',
      'locale',
      'seq',
      'step',
      'stepIndex',
      'type',
      'v',
    ]);
    const everything = analyticsTableText(`${dataDir}/union-join.sqlite`);
    for (const canary of [
      'CanaryAgent',
      '203.0.113.77',
      '192.0.2.1',
      'canary.example',
      'canary-cookie',
    ]) {
      assert.ok(!everything.includes(canary), `${canary} must not be stored`);
    }
    const file = readFileSync(`${dataDir}/union-join.sqlite`);
    assert.equal(file.includes('CanaryAgent'), false);
  });

  it('drops and counts events for unknown forms, versions, steps and fields', async (t) => {
    const { app, storage } = createAnalyticsServer(t);
    const good = journey(example, [['step_view', 'about-you']]);
    const unknownForm = journey({ id: 'no-such-form', version: 1 }, [['step_view', 'start']]);
    const newerVersion = journey({ id: 'example-union', version: 4 }, [['step_view', 'about-you']]);
    const unknownStep = journey(example, [['step_view', 'payment']]);
    const fieldOfOtherStep = journey(example, [
      ['validation_error', 'about-you', { employer: ['required'] }],
    ]);
    const reviewOnly = journey(branching, [
      ['validation_error', '_review', { college: ['required'] }],
    ]);
    const response = await postEvents(app, [
      ...good,
      ...unknownForm,
      ...newerVersion,
      ...unknownStep,
      ...fieldOfOtherStep,
      ...reviewOnly,
    ]);
    assert.equal(response.status, 202);
    assert.deepEqual(await response.json(), { accepted: 2, dropped: 4 });
    assert.deepEqual(await storage.analytics.droppedTotals('2025-03-01', '2025-03-01'), {
      unknown_form: 1,
      unknown_version: 1,
      unknown_step: 1,
      unknown_field: 1,
    });
    assert.deepEqual((await storage.analytics.rawEvents()).map((event) => event.step).sort(), [
      '_review',
      'about-you',
    ]);
  });

  it('refuses a batch claiming form version 0 (versions start at 1), naming the path', async (t) => {
    const { app, storage } = createAnalyticsServer(t);
    const versionZero = journey({ id: 'example-union', version: 0 }, [['step_view', 'about-you']]);
    const response = await postEvents(app, versionZero);
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: string; issues: { path: unknown[] }[] };
    assert.deepEqual(body.issues[0]?.path, [0, 'formVersion']);
    assert.deepEqual(await storage.analytics.rawEvents(), []);
  });

  it('accepts events of an older form version for steps the form still has', async (t) => {
    const { app } = createAnalyticsServer(t);
    const old = journey({ id: 'example-union', version: 2 }, [['step_view', 'work']]);
    assert.deepEqual(await (await postEvents(app, old)).json(), { accepted: 1, dropped: 0 });
  });

  it('ignores a replayed batch instead of counting it twice', async (t) => {
    const { app, storage } = createAnalyticsServer(t);
    const events = journey(example, [
      ['step_view', 'about-you'],
      ['step_complete', 'about-you'],
    ]);
    await postEvents(app, events);
    const again = await postEvents(app, events);
    assert.deepEqual(await again.json(), { accepted: 0, dropped: 2 });
    assert.equal((await storage.analytics.rawEvents()).length, 2);
    assert.deepEqual(await storage.analytics.droppedTotals('2025-03-01', '2025-03-01'), {
      duplicate: 2,
    });
  });

  it('accepts application/json as well as text/plain, and nothing else', async (t) => {
    const { app } = createAnalyticsServer(t);
    const events = journey(example, [['step_view', 'about-you']]);
    const json = await postEvents(app, events, { 'Content-Type': 'application/json' });
    assert.equal(json.status, 202);
    for (const type of ['application/x-www-form-urlencoded', 'text/plain; charset=latin1', '']) {
      const response = await postEvents(app, journey(example, [['step_view', 'work']]), {
        'Content-Type': type,
      });
      assert.equal(response.status, 415, type);
    }
  });

  it('answers a CORS preflight from any origin, without credentials', async (t) => {
    const { app } = createAnalyticsServer(t);
    const response = await app.request('/v1/events', {
      method: 'OPTIONS',
      headers: { Origin: 'https://members.example.org', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
  });
});

describe('POST /v1/events with hostile input', () => {
  it('stores a flow id only as a keyed pseudonym, so one a client made from a name is unreadable', async (t) => {
    const { app, storage, dataDir } = createAnalyticsServer(t);
    const made = journey(example, [
      ['step_view', 'about-you'],
      ['step_complete', 'about-you'],
    ]).map((event) => ({ ...event, flow: 'AdaLovelace_19900401_member4711' }));
    assert.deepEqual(await (await postEvents(app, made)).json(), { accepted: 2, dropped: 0 });
    // Still one flow, and a replay is still recognised.
    assert.deepEqual(await (await postEvents(app, made)).json(), { accepted: 0, dropped: 2 });
    const stored = await storage.analytics.rawEvents();
    assert.equal(new Set(stored.map((event) => event.flow)).size, 1);
    for (const name of readdirSync(dataDir)) {
      const bytes = readFileSync(join(dataDir, name));
      for (const canary of ['AdaLovelace', 'member4711']) {
        assert.equal(bytes.includes(canary), false, `${canary} in ${name}`);
      }
    }
  });

  it('rejects a batch that breaks the schema, naming the path, and stores none of it', async (t) => {
    const { app, storage } = createAnalyticsServer(t);
    const [good] = journey(example, [['step_view', 'about-you']]);
    const bad = { ...good, seq: 1, answer: 'ada@example.org' };
    const response = await postEvents(app, [good, bad]);
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: string; issues: { path: unknown[] }[] };
    assert.equal(body.error, 'invalid_events');
    assert.deepEqual(
      body.issues.map((issue) => issue.path),
      [[1]],
    );
    assert.ok(!JSON.stringify(body).includes('ada@example.org'));
    assert.deepEqual(await storage.analytics.rawEvents(), []);
  });

  it('rejects free text in a validation error code', async (t) => {
    const { app } = createAnalyticsServer(t);
    const events = journey(example, [
      ['validation_error', 'about-you', { email: ['Ada Lovelace'] }],
    ]);
    const response = await postEvents(app, events);
    assert.equal(response.status, 400);
    const body = (await response.json()) as { issues: { path: unknown[]; message: string }[] };
    assert.deepEqual(
      body.issues.map((issue) => issue.path),
      [[0, 'fields', 'email', 0]],
    );
    assert.match(body.issues[0]?.message ?? '', /^\[0\]\.fields\.email\[0\]: /);
  });

  it('rejects prototype keys, non-arrays, empty and oversized batches and bad JSON', async (t) => {
    const { app, storage } = createAnalyticsServer(t);
    const [event] = journey(example, [['validation_error', 'about-you', { email: ['required'] }]]);
    const proto = JSON.stringify([event]).replace('"email"', '"__proto__"');
    const tooMany = Array.from({ length: 51 }, (_, seq) => ({ ...event, seq }));
    for (const body of [
      proto,
      '{}',
      '[]',
      'null',
      '"x"',
      '[1,2,3]',
      '{"events":[]}',
      JSON.stringify(tooMany),
      '[{',
      '\u00ff',
    ]) {
      const response = await postEvents(app, body);
      assert.equal(response.status, 400, body.slice(0, 40));
    }
    assert.deepEqual(await storage.analytics.rawEvents(), []);
  });

  it('refuses a body over the limit with 413 before parsing it', async (t) => {
    const { app } = createAnalyticsServer(t);
    const response = await postEvents(app, `[${' '.repeat(40 * 1024)}]`);
    assert.equal(response.status, 413);
  });

  it('caps the issues listed for a batch with many errors', async (t) => {
    const { app } = createAnalyticsServer(t);
    const junk = Array.from({ length: 50 }, () => ({ v: 2 }));
    const response = await postEvents(app, junk);
    const body = (await response.json()) as { issues: unknown[] };
    assert.equal(response.status, 400);
    assert.ok(body.issues.length <= 20 && body.issues.length > 0);
  });

  it('limits batches per client address with 429 and Retry-After', async (t) => {
    const { app } = createAnalyticsServer(t);
    let response: Response | undefined;
    for (let i = 0; i < 121; i++) {
      response = await postEvents(app, journey(example, [['step_view', 'about-you']]));
    }
    assert.equal(response?.status, 429);
    assert.ok(Number(response?.headers.get('retry-after')) >= 1);
  });

  it('stores only values the shared schema accepts', async (t) => {
    const { app, storage } = createAnalyticsServer(t);
    await postEvents(
      app,
      journey(example, [
        ['step_view', 'about-you'],
        ['validation_error', 'about-you', { email: ['invalid_email', 'required'] }],
        ['submit_failure', '_review', 'rate_limited'],
      ]),
    );
    for (const { hour, ...event } of await storage.analytics.rawEvents()) {
      assert.equal(hour % 3_600_000, 0);
      assert.deepEqual(AnalyticsEvent.parse(event), event);
    }
    assert.equal(DROP_REASONS.length, 5);
  });
});
