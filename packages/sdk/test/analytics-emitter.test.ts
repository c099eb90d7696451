import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import {
  classifyDevice,
  createAnalytics,
  createFlowId,
  parseAnalyticsBatch,
  prefersNoTracking,
  type AnalyticsEvent,
  type AnalyticsOptions,
} from '@union-join/sdk/analytics';

interface Sent {
  url: string;
  events: AnalyticsEvent[];
}

function setup(overrides: Partial<AnalyticsOptions> = {}) {
  const sent: Sent[] = [];
  const analytics = createAnalytics({
    endpoint: 'https://join.example.org/',
    form: 'example-union',
    formVersion: 3,
    locale: 'en',
    device: 'mobile',
    transport: (url, body) => {
      const result = parseAnalyticsBatch(JSON.parse(body));
      assert.ok(result.ok, 'every batch the emitter sends passes the server schema');
      sent.push({ url, events: result.events });
    },
    ...overrides,
  });
  return { analytics, sent, events: () => sent.flatMap((batch) => batch.events) };
}

describe('createAnalytics (Node, injected transport)', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('posts to {endpoint}/v1/events with the flow, a rising seq and the step', () => {
    const { analytics, sent, events } = setup();
    analytics.track({ type: 'step_view', step: 'about-you', stepIndex: 0 });
    analytics.track({ type: 'step_complete', step: 'about-you', stepIndex: 0 });
    analytics.flush();
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.url, 'https://join.example.org/v1/events');
    const [first, second] = events();
    assert.ok(first && second);
    assert.equal(first.flow, second.flow);
    assert.deepEqual(
      events().map(({ type, seq, step }) => [type, seq, step]),
      [
        ['step_view', 0, 'about-you'],
        ['step_complete', 1, 'about-you'],
      ],
    );
    assert.deepEqual(first, {
      v: 1,
      form: 'example-union',
      formVersion: 3,
      flow: first.flow,
      seq: 0,
      type: 'step_view',
      step: 'about-you',
      stepIndex: 0,
      locale: 'en',
      device: 'mobile',
    });
  });

  it('waits for the delay before sending a small batch', () => {
    const { analytics, sent } = setup({ flushDelayMs: 1000 });
    analytics.track({ type: 'step_view', step: 'about-you', stepIndex: 0 });
    mock.timers.tick(999);
    assert.equal(sent.length, 0);
    mock.timers.tick(1);
    assert.equal(sent.length, 1);
  });

  it('sends as soon as the batch is full, without waiting', () => {
    const { analytics, sent } = setup({ batchSize: 3 });
    for (let i = 0; i < 7; i++) analytics.track({ type: 'step_view', step: 's', stepIndex: 0 });
    assert.deepEqual(
      sent.map((batch) => batch.events.length),
      [3, 3],
    );
    mock.timers.tick(2000);
    assert.deepEqual(
      sent.map((batch) => batch.events.length),
      [3, 3, 1],
    );
  });

  it('keeps a full default batch far below the 64 KiB a page may send with keepalive', () => {
    const bodies: string[] = [];
    const analytics = createAnalytics({
      endpoint: 'https://join.example.org',
      form: 'a-union-with-a-rather-long-form-identifier',
      formVersion: 2_147_483_647,
      locale: 'en',
      device: 'desktop',
      transport: (_url, body) => void bodies.push(body),
    });
    // A heavy step: twelve fields with long ids, each failing two long checks, ten times over.
    const fields = Array.from({ length: 12 }, (_, i) => [
      { field: `a-long-field-identifier-number-${i}`, code: 'invalid_account_number' },
      { field: `a-long-field-identifier-number-${i}`, code: 'invalid_fodselsnummer' },
    ]).flat();
    for (let i = 0; i < 10; i++) {
      analytics.track({ type: 'validation_error', step: 'a-long-step-id', stepIndex: 199, fields });
    }
    assert.equal(bodies.length, 1, 'ten events make one batch');
    const bytes = new TextEncoder().encode(bodies[0]).length;
    assert.ok(bytes < 16 * 1024, `${bytes} bytes is under a quarter of the quota`);
    analytics.dispose();
  });

  it('sends only whitelisted properties, whatever the caller passes', () => {
    const { analytics, events } = setup();
    const sneaky = {
      type: 'step_view',
      step: 'about-you',
      stepIndex: 0,
      value: 'ada@example.org',
      url: 'https://example.org/join?email=ada@example.org',
    } as const;
    analytics.track(sneaky);
    analytics.track({
      type: 'validation_error',
      step: 'about-you',
      stepIndex: 0,
      fields: [
        { field: 'email', code: 'invalid_email', params: { value: 'ada@' } } as never,
        { field: 'email', code: 'invalid_email' },
        { field: 'givenName', code: 'required' },
        { field: 'phone', code: 'Phone number 0700 is wrong' },
      ],
    });
    analytics.flush();
    const text = JSON.stringify(events());
    assert.doesNotMatch(text, /ada@|example\.org|0700/);
    const [view, error] = events();
    assert.deepEqual(Object.keys(view ?? {}).sort(), [
      'device',
      'flow',
      'form',
      'formVersion',
      'locale',
      'seq',
      'step',
      'stepIndex',
      'type',
      'v',
    ]);
    assert.ok(error?.type === 'validation_error');
    assert.deepEqual(error.fields, { email: ['invalid_email'], givenName: ['required'] });
  });

  it('accepts validation issues already grouped by field', () => {
    const { analytics, events } = setup();
    analytics.track({
      type: 'validation_error',
      step: 'work',
      stepIndex: 1,
      fields: { employer: ['required', 'too_long'] },
    });
    analytics.flush();
    const [event] = events();
    assert.deepEqual(event?.type === 'validation_error' && event.fields, {
      employer: ['required', 'too_long'],
    });
  });

  it('drops input the schema refuses instead of throwing', () => {
    const { analytics, events } = setup();
    analytics.track({ type: 'validation_error', step: 'work', stepIndex: 1, fields: [] });
    analytics.track({ type: 'step_view', step: 'not an id!', stepIndex: 0 });
    analytics.track({
      type: 'submit_failure',
      step: 'work',
      stepIndex: 1,
      reason: 'oops' as never,
    });
    analytics.track({ type: 'submit_failure', step: 'work', stepIndex: 1, reason: 'server' });
    analytics.flush();
    assert.deepEqual(
      events().map(({ type, seq }) => [type, seq]),
      [['submit_failure', 0]],
    );
  });

  it('reports a changed locale on later events', () => {
    const { analytics, events } = setup();
    analytics.track({ type: 'step_view', step: 'a', stepIndex: 0 });
    analytics.setLocale('nb');
    analytics.track({ type: 'step_view', step: 'b', stepIndex: 1 });
    analytics.flush();
    assert.deepEqual(
      events().map((event) => event.locale),
      ['en', 'nb'],
    );
  });

  it('sends nothing and sets no timer when turned off', () => {
    const { analytics, sent } = setup({ enabled: false });
    assert.equal(analytics.enabled, false);
    analytics.track({ type: 'step_view', step: 'a', stepIndex: 0 });
    analytics.flush();
    mock.timers.tick(60_000);
    assert.equal(sent.length, 0);
  });

  it('flushes on dispose and ignores events afterwards', () => {
    const { analytics, sent } = setup();
    analytics.track({ type: 'step_view', step: 'a', stepIndex: 0 });
    analytics.dispose();
    analytics.track({ type: 'step_view', step: 'b', stepIndex: 1 });
    analytics.flush();
    mock.timers.tick(60_000);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.events.length, 1);
  });

  it('uses a new flow id for every emitter', () => {
    const one = setup();
    const two = setup();
    one.analytics.track({ type: 'step_view', step: 'a', stepIndex: 0 });
    two.analytics.track({ type: 'step_view', step: 'a', stepIndex: 0 });
    one.analytics.flush();
    two.analytics.flush();
    assert.notEqual(one.events()[0]?.flow, two.events()[0]?.flow);
  });
});

describe('analytics helpers', () => {
  it('creates 22-character base64url flow ids that do not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => createFlowId()));
    assert.equal(ids.size, 1000);
    for (const id of ids) assert.match(id, /^[A-Za-z0-9_-]{22}$/);
  });

  it('honours Global Privacy Control and Do Not Track', () => {
    assert.equal(prefersNoTracking({ globalPrivacyControl: true }), true);
    assert.equal(prefersNoTracking({ doNotTrack: '1' }), true);
    assert.equal(prefersNoTracking({ doNotTrack: '0', globalPrivacyControl: false }), false);
    assert.equal(prefersNoTracking({ doNotTrack: 'unspecified' }), false);
    assert.equal(prefersNoTracking({}), false);
  });

  it('classifies devices coarsely', () => {
    assert.equal(classifyDevice({ shortSide: 360, coarsePointer: true }), 'mobile');
    assert.equal(classifyDevice({ shortSide: 820, coarsePointer: true }), 'tablet');
    assert.equal(classifyDevice({ shortSide: 1080, coarsePointer: false }), 'desktop');
    assert.equal(classifyDevice({ shortSide: 1440, coarsePointer: true }), 'desktop');
  });
});
