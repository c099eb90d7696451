import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ANALYTICS_EVENT_TYPES,
  AnalyticsEvent,
  MAX_EVENTS_PER_BATCH,
  parseAnalyticsBatch,
} from '@union-join/sdk/analytics';

const base = {
  v: 1,
  form: 'example-union',
  formVersion: 3,
  flow: 'Jm3tH1r7dQw0xk2Zp9L4aA',
  seq: 4,
  type: 'step_view',
  step: 'work',
  stepIndex: 1,
  locale: 'en',
  device: 'mobile',
} as const;

function extras(type: string): Record<string, unknown> {
  if (type === 'validation_error') return { fields: { email: ['invalid_email'] } };
  if (type === 'submit_failure') return { reason: 'network' };
  return {};
}

function rejected(event: unknown): string[] {
  const result = parseAnalyticsBatch([event]);
  assert.equal(result.ok, false, `expected ${JSON.stringify(event)} to be rejected`);
  return result.ok ? [] : result.issues.map((issue) => issue.message.split(':')[0] ?? '');
}

describe('AnalyticsEvent schema', () => {
  it('accepts every event type with exactly its own properties', () => {
    for (const type of ANALYTICS_EVENT_TYPES) {
      const event = { ...base, type, ...extras(type) };
      assert.deepEqual(AnalyticsEvent.parse(event), event, type);
    }
  });

  it('accepts the example from the design document', () => {
    const result = parseAnalyticsBatch([base]);
    assert.deepEqual(result, { ok: true, events: [base] });
  });

  it('rejects any property outside the whitelist', () => {
    for (const key of ['url', 'title', 'referrer', 'value', 'time', 'userAgent']) {
      assert.deepEqual(rejected({ ...base, [key]: 'x' }), ['[0]'], key);
    }
  });

  it('rejects fields and reason on event types that do not carry them', () => {
    rejected({ ...base, fields: { email: ['required'] } });
    rejected({ ...base, type: 'submit_success', reason: 'network' });
    rejected({ ...base, type: 'validation_error', reason: 'network', fields: { a: ['required'] } });
  });

  it('requires fields on validation_error and reason on submit_failure', () => {
    rejected({ ...base, type: 'validation_error' });
    rejected({ ...base, type: 'validation_error', fields: {} });
    rejected({ ...base, type: 'submit_failure' });
    rejected({ ...base, type: 'submit_failure', reason: 'HTTP 500 Internal Server Error' });
  });

  it('refuses free text where an issue code belongs, naming the path', () => {
    const paths = rejected({
      ...base,
      type: 'validation_error',
      fields: { email: ['ada@example.org'] },
    });
    assert.deepEqual(paths, ['[0].fields.email[0]']);
  });

  it('refuses field ids that are not ids and too many codes', () => {
    rejected({ ...base, type: 'validation_error', fields: { 'ada@example.org': ['required'] } });
    rejected({
      ...base,
      type: 'validation_error',
      fields: { email: Array.from({ length: 11 }, () => 'required') },
    });
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`f${i}`, ['required']]));
    rejected({ ...base, type: 'validation_error', fields: many });
  });

  it('accepts the review page as a step, and no other reserved id', () => {
    assert.equal(parseAnalyticsBatch([{ ...base, step: '_review' }]).ok, true);
    assert.deepEqual(rejected({ ...base, step: '_admin' }), ['[0].step']);
  });

  it('checks every common property', () => {
    assert.deepEqual(rejected({ ...base, v: 2 }), ['[0].v']);
    assert.deepEqual(rejected({ ...base, flow: 'short' }), ['[0].flow']);
    assert.deepEqual(rejected({ ...base, flow: 'a'.repeat(65) }), ['[0].flow']);
    assert.deepEqual(rejected({ ...base, seq: -1 }), ['[0].seq']);
    assert.deepEqual(rejected({ ...base, seq: 1.5 }), ['[0].seq']);
    assert.deepEqual(rejected({ ...base, stepIndex: '1' }), ['[0].stepIndex']);
    assert.deepEqual(rejected({ ...base, formVersion: -3 }), ['[0].formVersion']);
    assert.deepEqual(
      rejected({ ...base, formVersion: 0 }),
      ['[0].formVersion'],
      'versions start at 1',
    );
    assert.deepEqual(rejected({ ...base, locale: 'de' }), ['[0].locale']);
    assert.deepEqual(rejected({ ...base, device: 'iPhone 15' }), ['[0].device']);
    assert.deepEqual(rejected({ ...base, form: '../../etc/passwd' }), ['[0].form']);
    assert.deepEqual(rejected({ ...base, step: 'x'.repeat(65) }), ['[0].step']);
    rejected({ ...base, type: 'page_view' });
    const { flow: _flow, ...withoutFlow } = base;
    assert.deepEqual(rejected(withoutFlow), ['[0].flow']);
  });
});

describe('parseAnalyticsBatch', () => {
  it('accepts 1 to 50 events', () => {
    const events = Array.from({ length: MAX_EVENTS_PER_BATCH }, (_, seq) => ({ ...base, seq }));
    assert.equal(parseAnalyticsBatch(events).ok, true);
  });

  it('rejects an empty batch, an oversized batch and anything but an array', () => {
    assert.equal(parseAnalyticsBatch([]).ok, false);
    const events = Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, (_, seq) => ({ ...base, seq }));
    assert.equal(parseAnalyticsBatch(events).ok, false);
    assert.equal(parseAnalyticsBatch(base).ok, false);
    assert.equal(parseAnalyticsBatch({ events: [base] }).ok, false);
    assert.equal(parseAnalyticsBatch(null).ok, false);
  });

  it('explains each problem in English without repeating the refused value', () => {
    const messages = (batch: unknown) => {
      const result = parseAnalyticsBatch(batch);
      return result.ok ? [] : result.issues.map((issue) => issue.message);
    };
    assert.deepEqual(messages([{ ...base, seq: 'secret-value' }]), ['[0].seq: expected number']);
    assert.deepEqual(messages([{ ...base, answer: 'secret-value' }]), [
      '[0]: unknown property "answer"',
    ]);
    assert.deepEqual(messages([{ ...base, locale: 'secret-value' }]), [
      '[0].locale: expected "en" | "nb" | "sv"',
    ]);
    assert.deepEqual(messages([]), ['batch: must have at least 1 item']);
    assert.deepEqual(messages({}), ['batch: expected array']);
  });

  it('reports the index of the offending event', () => {
    const result = parseAnalyticsBatch([base, { ...base, seq: 'x' }]);
    assert.deepEqual(result.ok ? [] : result.issues, [
      {
        path: [1, 'seq'],
        code: 'invalid_event',
        message: result.ok ? '' : result.issues[0]?.message,
      },
    ]);
    assert.match(result.ok ? '' : (result.issues[0]?.message ?? ''), /^\[1\]\.seq: /);
  });
});
