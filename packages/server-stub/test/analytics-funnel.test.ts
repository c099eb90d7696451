import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFormDefinition } from '@union-join/sdk';
import type { AnalyticsEvent } from '@union-join/sdk/analytics';
import { durationBucket, medianBucket } from '../src/analytics/duration-buckets.ts';
import { buildFunnel, reportCount, reportRate } from '../src/analytics/funnel.ts';
import { rollUpAnalytics } from '../src/analytics/rollup.ts';
import { StepTimer } from '../src/analytics/step-timer.ts';
import type { AnalyticsStorage } from '../src/storage/analytics-storage.ts';
import { SqliteStorage } from '../src/storage/sqlite-storage.ts';
import { journey, type JourneyStep } from './support/analytics-journeys.ts';
import { BRANCHING_DEFINITION, EXAMPLE_FORM_DEFINITION } from './support/analytics-forms.ts';

const HOUR = 3_600_000;
const T0 = Date.parse('2025-03-01T09:00:00Z');
const DAY = '2025-03-01';
const example = parseFormDefinition(EXAMPLE_FORM_DEFINITION);
const branching = parseFormDefinition(BRANCHING_DEFINITION);

function open(t: { after: (fn: () => unknown) => void }): AnalyticsStorage {
  const storage = new SqliteStorage({ path: ':memory:' });
  t.after(() => storage.close());
  return storage.analytics;
}

/** Stores `count` copies of a journey at T0 and rolls them up. */
async function flows(
  analytics: AnalyticsStorage,
  form: { id: string; version: number },
  count: number,
  steps: readonly JourneyStep[],
  options?: { device?: string; locale?: string },
): Promise<void> {
  const events: AnalyticsEvent[] = [];
  for (let i = 0; i < count; i++) events.push(...journey(form, steps, options));
  await analytics.insertRawEvents(events, T0);
}

async function report(analytics: AnalyticsStorage, definition = example, from = DAY, to = DAY) {
  await rollUpAnalytics(analytics, T0 + 3 * HOUR);
  return buildFunnel(definition, await analytics.funnelTotals(definition.id, from, to), {
    from,
    to,
  });
}

const COUNT_KEYS = new Set(['started', 'finished', 'viewed', 'completed', 'dropOff', 'flows']);

/** Fails if any count anywhere in a report is a number below 5. */
function assertNoSmallCounts(value: unknown, path = 'report'): void {
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    const inOutcomes = path.endsWith('.outcomes') || path.endsWith('.failureReasons');
    if ((COUNT_KEYS.has(key) || inOutcomes) && typeof child === 'number') {
      assert.ok(child >= 5, `${path}.${key} is ${child}`);
    }
    assertNoSmallCounts(child, `${path}.${key}`);
  }
}

const through = (...steps: string[]): JourneyStep[] =>
  steps.flatMap((step): JourneyStep[] => [
    ['step_view', step],
    ['step_complete', step],
  ]);

describe('reportCount and reportRate', () => {
  it('hides counts below 5 and shares built on them', () => {
    assert.equal(reportCount(0), '<5');
    assert.equal(reportCount(4), '<5');
    assert.equal(reportCount(5), 5);
    assert.equal(reportRate(5, 10), 0.5);
    assert.equal(reportRate(4, 10), null);
    assert.equal(reportRate(4, 4), null);
    assert.equal(reportRate(2, 3), null);
    assert.equal(reportRate(10, 30), 0.333);
  });
});

describe('buildFunnel', () => {
  it('lists steps in definition order, then the review page', async (t) => {
    const analytics = open(t);
    const funnel = await report(analytics);
    assert.deepEqual(
      funnel.steps.map((step) => [step.id, step.title]),
      [
        ['about-you', 'About you'],
        ['work', 'Your work'],
        ['consent', 'Keeping in touch'],
        ['_review', 'Check your answers'],
      ],
    );
    assert.equal(funnel.minimumCount, 5);
    assert.equal(funnel.started, '<5');
  });

  it('reports flows that viewed and completed each step, with conversions and drop-off', async (t) => {
    const analytics = open(t);
    const full = [
      ...through('about-you', 'work', 'consent', '_review'),
      ['submit_success', '_review'],
    ] as JourneyStep[];
    await flows(analytics, example, 12, full);
    await flows(analytics, example, 8, [['step_view', 'about-you']]);
    await flows(analytics, example, 6, [...through('about-you'), ['step_view', 'work']]);
    const funnel = await report(analytics);
    const [aboutYou, work, consent, review] = funnel.steps;
    assert.equal(funnel.started, 26);
    assert.deepEqual(
      {
        viewed: aboutYou?.viewed,
        completed: aboutYou?.completed,
        dropOff: aboutYou?.dropOff,
        conversionFromStart: aboutYou?.conversionFromStart,
        stepConversion: aboutYou?.stepConversion,
        dropOffRate: aboutYou?.dropOffRate,
      },
      {
        viewed: 26,
        completed: 18,
        dropOff: 8,
        conversionFromStart: 1,
        stepConversion: 0.692,
        dropOffRate: 0.308,
      },
    );
    assert.deepEqual([work?.viewed, work?.completed, work?.dropOff], [18, 12, 6]);
    assert.equal(work?.conversionFromStart, 0.692);
    assert.deepEqual([consent?.viewed, review?.completed], [12, 12]);
    assert.equal(funnel.outcomes.submitted, 12);
    assert.equal(funnel.finished, 12);
    assert.equal(funnel.conversion, 0.462);
  });

  it('never reports a count below 5: "<5", and no share built on it', async (t) => {
    const analytics = open(t);
    await flows(analytics, example, 9, through('about-you'));
    await flows(analytics, example, 3, [['step_view', 'about-you']]);
    await flows(analytics, example, 4, [
      ...through('about-you'),
      ['step_view', 'work'],
      ['validation_error', 'work', { membershipType: ['required'] }],
    ]);
    const funnel = await report(analytics);
    const [aboutYou, work] = funnel.steps;
    assert.deepEqual([aboutYou?.viewed, aboutYou?.completed, aboutYou?.dropOff], [16, 13, '<5']);
    assert.equal(aboutYou?.dropOffRate, null);
    assert.equal(aboutYou?.stepConversion, 0.813);
    assert.deepEqual([work?.viewed, work?.completed, work?.dropOff], ['<5', '<5', '<5']);
    assert.deepEqual(
      [work?.conversionFromStart, work?.stepConversion, work?.dropOffRate],
      [null, null, null],
    );
    assert.deepEqual(work?.topErrors, [
      { field: 'membershipType', label: 'Membership', codes: [{ code: 'required', flows: '<5' }] },
    ]);
    assertNoSmallCounts(funnel);
  });

  it('reports a branching form per step reached, not per step that exists', async (t) => {
    const analytics = open(t);
    const students = [
      ...through('start', 'studies', 'finish', '_review'),
      ['submit_success', '_review'],
    ];
    const workers = [
      ...through('start', 'job', 'finish', '_review'),
      ['submit_success', '_review'],
    ];
    await flows(analytics, branching, 10, students as JourneyStep[]);
    await flows(analytics, branching, 30, workers as JourneyStep[]);
    const funnel = await report(analytics, branching);
    const byId = Object.fromEntries(funnel.steps.map((step) => [step.id, step]));
    assert.deepEqual(
      [byId.studies?.viewed, byId.studies?.completed, byId.studies?.dropOff],
      [10, 10, '<5'],
    );
    assert.equal(byId.studies?.conditional, true);
    assert.equal(byId.studies?.stepConversion, 1);
    assert.equal(byId.studies?.conversionFromStart, 0.25);
    assert.deepEqual([byId.job?.viewed, byId.job?.stepConversion], [30, 1]);
    assert.equal(byId.start?.conditional, false);
    assert.deepEqual([byId.finish?.viewed, byId.finish?.conversionFromStart], [40, 1]);
    assert.equal(funnel.conversion, 1);
  });

  it('lists the top validation errors per field, largest first, small ones alphabetically', async (t) => {
    const analytics = open(t);
    await flows(analytics, example, 7, [
      ['step_view', 'about-you'],
      ['validation_error', 'about-you', { email: ['invalid_email'], birthDate: ['required'] }],
    ]);
    await flows(analytics, example, 5, [
      ['step_view', 'about-you'],
      ['validation_error', 'about-you', { email: ['required'] }],
      ['validation_error', 'about-you', { email: ['required'] }],
    ]);
    await flows(analytics, example, 2, [
      ['step_view', 'about-you'],
      ['validation_error', 'about-you', { givenName: ['too_long'], email: ['invalid_email'] }],
    ]);
    const [aboutYou] = (await report(analytics)).steps;
    assert.deepEqual(aboutYou?.topErrors, [
      {
        field: 'email',
        label: 'Email',
        codes: [
          { code: 'invalid_email', flows: 9 },
          { code: 'required', flows: 5 },
        ],
      },
      {
        field: 'birthDate',
        label: 'Date of birth',
        codes: [{ code: 'required', flows: 7 }],
      },
      { field: 'givenName', label: 'First name', codes: [{ code: 'too_long', flows: '<5' }] },
    ]);
  });

  it('counts only the days asked for', async (t) => {
    const analytics = open(t);
    await flows(analytics, example, 6, through('about-you'));
    await analytics.insertRawEvents(
      Array.from({ length: 7 }, () => journey(example, through('about-you'))).flat(),
      T0 + 24 * HOUR,
    );
    await rollUpAnalytics(analytics, T0 + 30 * HOUR);
    const totals = async (from: string, to: string) =>
      buildFunnel(example, await analytics.funnelTotals('example-union', from, to), { from, to })
        .started;
    assert.equal(await totals('2025-03-01', '2025-03-01'), 6);
    assert.equal(await totals('2025-03-02', '2025-03-02'), 7);
    assert.equal(await totals('2025-03-01', '2025-03-02'), 13);
    assert.equal(await totals('2025-02-01', '2025-02-28'), '<5');
  });

  it('breaks started and finished flows down by device and locale', async (t) => {
    const analytics = open(t);
    const done: JourneyStep[] = [
      ['step_view', 'about-you'],
      ['queued_offline', '_review'],
    ];
    await flows(analytics, example, 10, done, { device: 'mobile', locale: 'nb' });
    await flows(analytics, example, 10, [['step_view', 'about-you']], { device: 'mobile' });
    await flows(analytics, example, 6, done, { device: 'desktop' });
    const funnel = await report(analytics);
    assert.deepEqual(funnel.segments.device, [
      { value: 'mobile', started: 20, finished: 10, conversion: 0.5 },
      { value: 'desktop', started: 6, finished: 6, conversion: 1 },
    ]);
    assert.deepEqual(funnel.segments.locale, [
      { value: 'en', started: 16, finished: 6, conversion: 0.375 },
      { value: 'nb', started: 10, finished: 10, conversion: 1 },
    ]);
    assert.equal(funnel.outcomes.queuedOffline, 16);
    assert.equal(funnel.outcomes.submitted, '<5');
  });

  it('counts failure reasons, ineligible applicants and resumed drafts', async (t) => {
    const analytics = open(t);
    await flows(analytics, example, 5, [
      ['draft_resumed', 'work'],
      ['step_view', 'work'],
      ['submit_failure', '_review', 'server'],
    ]);
    await flows(analytics, example, 6, [
      ['step_view', 'about-you'],
      ['ineligible', 'about-you'],
    ]);
    const { outcomes } = await report(analytics);
    assert.equal(outcomes.submitFailed, 5);
    assert.deepEqual(outcomes.failureReasons, {
      network: '<5',
      server: 5,
      validation: '<5',
      rate_limited: '<5',
      other: '<5',
    });
    assert.equal(outcomes.ineligible, 6);
    assert.equal(outcomes.draftResumed, 5);
  });

  it('reports the median time on a step once 5 flows have one', async (t) => {
    const analytics = open(t);
    const timer = new StepTimer();
    const seconds = [12, 25, 40, 50, 200];
    for (const [i, duration] of seconds.entries()) {
      const [view, complete] = journey(example, through('about-you'));
      await analytics.addDurations(timer.observe([view!], T0 + i * 1000));
      await analytics.addDurations(timer.observe([complete!], T0 + i * 1000 + duration * 1000));
    }
    const [aboutYou, work] = (await report(analytics)).steps;
    assert.deepEqual(aboutYou?.medianTime, { fromSeconds: 30, toSeconds: 45 });
    assert.equal(work?.medianTime, null);
  });
});

describe('time on step', () => {
  it('buckets durations and finds the median bucket', () => {
    assert.equal(durationBucket(0), 0);
    assert.equal(durationBucket(9.9), 0);
    assert.equal(durationBucket(10), 10);
    assert.equal(durationBucket(7200), 3600);
    assert.deepEqual(
      medianBucket(
        new Map([
          [10, 3],
          [60, 2],
        ]),
        5,
      ),
      { fromSeconds: 10, toSeconds: 20 },
    );
    assert.deepEqual(medianBucket(new Map([[3600, 9]]), 5), { fromSeconds: 3600, toSeconds: null });
    assert.equal(medianBucket(new Map([[10, 4]]), 5), null);
  });

  it('measures first view to first completion, once per flow and step', () => {
    const timer = new StepTimer();
    const [view, complete, viewAgain, completeAgain] = journey(example, [
      ['step_view', 'work'],
      ['step_complete', 'work'],
      ['step_view', 'work'],
      ['step_complete', 'work'],
    ]);
    assert.deepEqual(timer.observe([view!], T0), []);
    assert.deepEqual(timer.observe([complete!], T0 + 95_000), [
      { day: DAY, formId: 'example-union', formVersion: 3, step: 'work', bucket: 90 },
    ]);
    assert.deepEqual(timer.observe([viewAgain!, completeAgain!], T0 + 200_000), []);
  });

  it('ignores a completion whose view it never saw, and forgets idle or excess flows', () => {
    const timer = new StepTimer({ maxFlows: 2, idleMs: HOUR });
    const [, complete] = journey(example, through('work'));
    assert.deepEqual(timer.observe([complete!], T0), []);
    for (let i = 0; i < 5; i++) timer.observe(journey(example, [['step_view', 'work']]), T0);
    assert.equal(timer.size, 2);
    timer.observe([], T0 + 2 * HOUR);
    assert.equal(timer.size, 0);
  });
});
