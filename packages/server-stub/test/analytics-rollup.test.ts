import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyticsEvent } from '@union-join/sdk/analytics';
import { AnalyticsRollupJob } from '../src/analytics/rollup-job.ts';
import { ALL_STEPS, rollUpAnalytics, summariseFlow } from '../src/analytics/rollup.ts';
import { SqliteStorage } from '../src/storage/sqlite-storage.ts';
import { journey } from './support/analytics-journeys.ts';

const HOUR = 3_600_000;
const example = { id: 'example-union', version: 3 };
const T0 = Date.parse('2025-03-01T09:00:00Z');

function open(t: { after: (fn: () => unknown) => void }) {
  const storage = new SqliteStorage({ path: ':memory:' });
  t.after(() => storage.close());
  return storage.analytics;
}

const completeJourney = (): AnalyticsEvent[] =>
  journey(example, [
    ['step_view', 'about-you'],
    ['validation_error', 'about-you', { email: ['invalid_email'], givenName: ['required'] }],
    ['validation_error', 'about-you', { email: ['invalid_email'] }],
    ['step_complete', 'about-you'],
    ['step_view', 'work'],
    ['step_complete', 'work'],
    ['step_view', 'consent'],
    ['step_complete', 'consent'],
    ['step_view', '_review'],
    ['step_complete', '_review'],
    ['submit_failure', '_review', 'network'],
    ['submit_success', '_review'],
  ]);

describe('summariseFlow', () => {
  it('counts each flow once per step and type, and every event', () => {
    const events = completeJourney().map((event) => ({ ...event, hour: T0 }));
    const daily = summariseFlow(events);
    assert.equal(daily.day, '2025-03-01');
    assert.equal(daily.formId, 'example-union');
    assert.equal(daily.formVersion, 3);
    const row = (step: string, type: string, detail = '') =>
      daily.steps.find((s) => s.step === step && s.type === type && s.detail === detail);
    assert.deepEqual(row('about-you', 'validation_error'), {
      step: 'about-you',
      type: 'validation_error',
      detail: '',
      flows: 1,
      events: 2,
    });
    assert.equal(row(ALL_STEPS, 'step_view')?.flows, 1);
    assert.equal(row(ALL_STEPS, 'step_view')?.events, 4);
    assert.equal(row(ALL_STEPS, 'submit_failure', 'network')?.flows, 1);
    assert.deepEqual(
      daily.fieldErrors.map(({ field, code, flows, events: count }) => [field, code, flows, count]),
      [
        ['email', 'invalid_email', 1, 2],
        ['givenName', 'required', 1, 1],
      ],
    );
    assert.deepEqual(daily.segments, [
      { dimension: 'device', value: 'mobile', started: 1, finished: 1 },
      { dimension: 'locale', value: 'en', started: 1, finished: 1 },
    ]);
  });

  it('puts a flow that crosses midnight on the day it started', () => {
    const [view, complete] = journey(example, [
      ['step_view', 'about-you'],
      ['step_complete', 'about-you'],
    ]);
    const day = summariseFlow([
      { ...view!, hour: Date.parse('2025-03-01T23:00:00Z') },
      { ...complete!, hour: Date.parse('2025-03-02T00:00:00Z') },
    ]).day;
    assert.equal(day, '2025-03-01');
  });
});

describe('rollUpAnalytics', () => {
  it('rolls finished flows into daily counts and deletes their raw events', async (t) => {
    const analytics = open(t);
    await analytics.insertRawEvents(completeJourney(), T0);
    await analytics.insertRawEvents(completeJourney(), T0);
    const result = await rollUpAnalytics(analytics, T0 + 2 * HOUR);
    assert.deepEqual(result, { flows: 2, events: 24 });
    assert.deepEqual(await analytics.rawEvents(), []);
    const totals = await analytics.funnelTotals('example-union', '2025-03-01', '2025-03-01');
    const views = totals.steps.find((s) => s.step === 'work' && s.type === 'step_view');
    assert.deepEqual(views, { step: 'work', type: 'step_view', detail: '', flows: 2, events: 2 });
    assert.deepEqual(totals.versions, [3]);
  });

  it('leaves flows active in this or the previous hour for a later run', async (t) => {
    const analytics = open(t);
    const active = journey(example, [['step_view', 'about-you']]);
    const idle = journey(example, [['step_view', 'about-you']]);
    await analytics.insertRawEvents(idle, T0);
    await analytics.insertRawEvents(active, T0 + HOUR);
    const result = await rollUpAnalytics(analytics, T0 + 2 * HOUR + 59 * 60_000);
    assert.deepEqual(result, { flows: 1, events: 1 });
    assert.deepEqual(
      (await analytics.rawEvents()).map((event) => event.flow),
      [active[0]?.flow],
    );
  });

  it('never keeps a raw event for 48 hours, even from a flow that stays active', async (t) => {
    const analytics = open(t);
    const events = journey(
      example,
      Array.from({ length: 60 }, () => ['step_view', 'about-you'] as const),
    );
    // One event an hour, for 60 hours: the flow never goes quiet.
    for (const [hour, event] of events.entries()) {
      await analytics.insertRawEvents([event], T0 + hour * HOUR);
      await rollUpAnalytics(analytics, T0 + hour * HOUR + 1);
      const oldest = Math.min(...(await analytics.rawEvents()).map((raw) => raw.hour));
      assert.ok(T0 + hour * HOUR - oldest < 48 * HOUR, `hour ${hour}: raw event kept too long`);
    }
    const totals = await analytics.funnelTotals('example-union', '2025-03-01', '2025-03-04');
    const rawLeft = (await analytics.rawEvents()).length;
    const rolled = totals.steps.find((s) => s.step === ALL_STEPS && s.type === 'step_view');
    assert.equal((rolled?.events ?? 0) + rawLeft, 60);
  });

  it('catches up after the server was off for days', async (t) => {
    const analytics = open(t);
    await analytics.insertRawEvents(journey(example, [['step_view', 'about-you']]), T0);
    await rollUpAnalytics(analytics, T0 + 5 * 24 * HOUR);
    assert.deepEqual(await analytics.rawEvents(), []);
  });
});

describe('AnalyticsRollupJob', () => {
  it('rolls up when started and stops cleanly', async (t) => {
    const analytics = open(t);
    let now = T0;
    const clock = { now: () => now };
    await analytics.insertRawEvents(journey(example, [['step_view', 'about-you']]), T0);
    now += 3 * HOUR;
    const job = new AnalyticsRollupJob({ analytics, clock });
    job.start();
    await job.stop();
    assert.deepEqual(await analytics.rawEvents(), []);
  });

  it('reports what a single run did', async (t) => {
    const analytics = open(t);
    const clock = { now: () => T0 + 3 * HOUR };
    await analytics.insertRawEvents(completeJourney(), T0);
    const job = new AnalyticsRollupJob({ analytics, clock });
    assert.deepEqual(await job.runOnce(), { flows: 1, events: 12 });
    assert.deepEqual(await job.runOnce(), { flows: 0, events: 0 });
  });
});
