import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ApiError,
  ConnectionError,
  TimeoutError,
  UnionJoinError,
  backoffDelay,
  createIdempotencyKey,
  isRetryable,
  parseRetryAfter,
} from '@union-join/sdk';

describe('isRetryable', () => {
  it('retries 408, 409, 429 and 5xx, and nothing else', () => {
    for (const status of [408, 409, 429, 500, 502, 503, 504]) {
      assert.equal(isRetryable(status), true, String(status));
      assert.equal(isRetryable(ApiError.from(status, undefined)), true, `ApiError ${status}`);
    }
    for (const status of [200, 201, 304, 400, 401, 403, 404, 410, 413, 422]) {
      assert.equal(isRetryable(status), false, String(status));
      assert.equal(isRetryable(ApiError.from(status, undefined)), false, `ApiError ${status}`);
    }
  });

  it('retries network failures and timeouts, not other errors', () => {
    assert.equal(isRetryable(new ConnectionError()), true);
    assert.equal(isRetryable(new TimeoutError(1_000)), true);
    assert.equal(isRetryable(new UnionJoinError('bad input')), false);
    assert.equal(isRetryable(new TypeError('x')), false);
    assert.equal(isRetryable(undefined), false);
  });
});

describe('backoffDelay', () => {
  it('doubles its ceiling from 0.5 s to at most 8 s', () => {
    const top = () => 0.999_999_9;
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 10].map((retry) => backoffDelay(retry, top)),
      [499, 999, 1_999, 3_999, 7_999, 7_999, 7_999],
    );
  });

  it('draws uniformly below the ceiling (full jitter)', () => {
    assert.equal(
      backoffDelay(2, () => 0),
      0,
    );
    assert.equal(
      backoffDelay(2, () => 0.25),
      500,
    );
    for (let i = 0; i < 200; i++) {
      const wait = backoffDelay(3);
      assert.ok(wait >= 0 && wait < 4_000, String(wait));
    }
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-06-01T10:00:00Z');

  it('reads delta seconds and HTTP dates', () => {
    assert.equal(parseRetryAfter('0', now), 0);
    assert.equal(parseRetryAfter(' 12 ', now), 12_000);
    assert.equal(parseRetryAfter('1.5', now), 1_500);
    assert.equal(parseRetryAfter('Sun, 01 Jun 2025 10:00:30 GMT', now), 30_000);
  });

  it('treats a past date as now and caps long waits at a minute', () => {
    assert.equal(parseRetryAfter('Sun, 01 Jun 2025 09:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('86400', now), 60_000);
  });

  it('ignores missing and unreadable values', () => {
    for (const value of [null, undefined, '', '  ', '-1', 'soon', '1e3']) {
      assert.equal(parseRetryAfter(value, now), undefined, String(value));
    }
  });
});

describe('createIdempotencyKey', () => {
  it('makes distinct UUID v4 keys', () => {
    const keys = new Set(Array.from({ length: 100 }, createIdempotencyKey));
    assert.equal(keys.size, 100);
    for (const key of keys) {
      assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('falls back to getRandomValues where randomUUID is missing (plain http pages)', () => {
    // randomUUID lives on Crypto.prototype; an own property hides it, as on an http page.
    Object.defineProperty(globalThis.crypto, 'randomUUID', {
      value: undefined,
      configurable: true,
    });
    try {
      assert.equal(globalThis.crypto.randomUUID, undefined);
      const key = createIdempotencyKey();
      assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.notEqual(createIdempotencyKey(), key);
    } finally {
      delete (globalThis.crypto as { randomUUID?: unknown }).randomUUID;
    }
    assert.equal(typeof globalThis.crypto.randomUUID, 'function');
  });
});
