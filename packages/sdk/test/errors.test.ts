import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import {
  ApiError,
  ConnectionError,
  RateLimitError,
  ServerError,
  TimeoutError,
  UnionJoinError,
  ValidationError,
} from '../src/errors/index.ts';

describe('ApiError.from', () => {
  it('returns a ValidationError with the issues for 422', () => {
    const error = ApiError.from(422, {
      error: 'validation_failed',
      message: 'Some answers are not valid',
      requestId: 'req_123',
      issues: [
        { path: ['answers', 'email'], code: 'invalid_email', message: 'Enter a valid email' },
        { path: ['consents', 0, 'granted'], code: 'consent_required', message: 'Required' },
      ],
    });
    assert.ok(error instanceof ValidationError);
    assert.ok(error instanceof ApiError);
    assert.ok(error instanceof UnionJoinError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'ValidationError');
    assert.equal(error.status, 422);
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.requestId, 'req_123');
    assert.deepEqual(error.issues, [
      { path: ['answers', 'email'], code: 'invalid_email', message: 'Enter a valid email' },
      { path: ['consents', 0, 'granted'], code: 'consent_required', message: 'Required' },
    ]);
  });

  it('keeps the params of an issue, but only string and number values', () => {
    const error = ApiError.from(422, {
      error: 'validation_failed',
      issues: [
        {
          path: ['answers', 'givenName'],
          code: 'too_long',
          message: 'Too long',
          params: { maximum: 100, part: 'line1', nested: { x: 1 }, flag: true },
        },
      ],
    });
    assert.ok(error instanceof ValidationError);
    assert.deepEqual(error.issues[0]!.params, { maximum: 100, part: 'line1' });
  });

  it('reports a reused idempotency key (422 without issues) by its code', () => {
    const error = ApiError.from(422, {
      error: 'idempotency_key_reused',
      message: 'This Idempotency-Key was already used for a different request body.',
    });
    assert.ok(error instanceof ValidationError);
    assert.equal(error.code, 'idempotency_key_reused');
    assert.deepEqual(error.issues, []);
  });

  it('keeps only well-formed issues from a 422 body', () => {
    const error = ApiError.from(422, {
      error: 'validation_failed',
      issues: [null, 'x', { path: 'answers', code: 'required' }, { message: 'no code' }],
    });
    assert.ok(error instanceof ValidationError);
    assert.deepEqual(error.issues, [{ path: [], code: 'required', message: '' }]);
    const noIssues = ApiError.from(422, 'not json');
    assert.ok(noIssues instanceof ValidationError);
    assert.deepEqual(noIssues.issues, []);
  });

  it('returns a RateLimitError with retryAfterMs from seconds or an HTTP date', () => {
    const seconds = ApiError.from(429, { error: 'rate_limited' }, { 'Retry-After': '7' });
    assert.ok(seconds instanceof RateLimitError);
    assert.equal(seconds.retryAfterMs, 7_000);
    const now = Date.parse('2025-01-01T12:00:00Z');
    const date = ApiError.from(
      429,
      { error: 'rate_limited' },
      { 'retry-after': 'Wed, 01 Jan 2025 12:00:03 GMT' },
      now,
    );
    assert.ok(date instanceof RateLimitError);
    assert.equal(date.retryAfterMs, 3_000);
    const none = ApiError.from(429, undefined);
    assert.ok(none instanceof RateLimitError);
    assert.equal(none.retryAfterMs, undefined);
    assert.equal(none.code, 'http_429');
  });

  it('returns a ServerError for every 5xx', () => {
    for (const status of [500, 502, 503, 504, 599]) {
      const error = ApiError.from(status, { error: 'internal' });
      assert.ok(error instanceof ServerError, String(status));
      assert.equal(error.status, status);
      assert.equal(error.name, 'ServerError');
    }
  });

  it('returns a plain ApiError for other statuses', () => {
    for (const status of [400, 401, 403, 404, 408, 409, 413]) {
      const error = ApiError.from(status, { error: 'x' });
      assert.equal(error.constructor, ApiError, String(status));
      assert.equal(error.name, 'ApiError');
    }
  });

  it('takes the request id from the X-Request-Id header when the body has none', () => {
    const error = ApiError.from(404, { error: 'form_not_found' }, { 'x-request-id': 'abc-1' });
    assert.equal(error.requestId, 'abc-1');
    assert.equal(error.code, 'form_not_found');
    assert.match(error.message, /404 form_not_found \(request abc-1\)/);
  });
});

describe('error messages', () => {
  const canaries = {
    answer: 'CANARY-ANSWER-ada@example.org',
    token: 'CANARY-TOKEN-sk_live_9f8e7d',
    requestBody: 'CANARY-BODY-{"givenName":"Ada"}',
  };

  function leaks(error: Error): string[] {
    const visible = `${error.message}\n${String(error)}\n${error.stack ?? ''}`;
    return Object.values(canaries).filter((canary) => visible.includes(canary));
  }

  it('never copy a token, answer value or body from the server into the message', () => {
    const body = {
      error: `bad ${canaries.token}`,
      message: `${canaries.answer} is invalid; you sent ${canaries.requestBody}`,
      requestId: `${canaries.token} ${canaries.answer}`,
      issues: [{ path: ['answers', 'email'], code: 'invalid_email', message: canaries.answer }],
    };
    const headers = { 'x-request-id': canaries.token, 'retry-after': canaries.answer };
    for (const status of [400, 404, 413, 422, 429, 500, 503]) {
      const error = ApiError.from(status, body, headers);
      assert.deepEqual(leaks(error), [], `status ${status}: ${error.message}`);
      assert.equal(error.code, `http_${status}`);
      assert.equal(error.requestId, undefined);
      // The body is still there for whoever debugs it on purpose.
      assert.deepEqual(error.body, body);
    }
  });

  it('keep the cause of connection and timeout errors out of the message', () => {
    const cause = new TypeError(`fetch failed: ${canaries.token}`);
    const connection = new ConnectionError({ cause });
    assert.equal(connection.message, 'Could not reach the server');
    assert.equal(connection.cause, cause);
    assert.equal(connection.name, 'ConnectionError');
    assert.ok(!connection.message.includes(canaries.token));

    const timeout = new TimeoutError(15_000, { cause });
    assert.equal(timeout.timeoutMs, 15_000);
    assert.equal(timeout.name, 'TimeoutError');
    assert.ok(timeout instanceof UnionJoinError);
    assert.ok(!timeout.message.includes(canaries.token));
    assert.match(inspect(timeout), /TimeoutError/);
  });
});
