import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import { isWebAddress, webAddress } from '../src/definition/web-address.ts';
import { isWholeNumber, wholeNumber } from '../src/definition/whole-number.ts';

/** What a schema answers for `input`: the output value, or every issue as zod reports it. */
function outcome(schema: z.ZodMiniType, input: unknown, silent = false): string {
  const result = schema.safeParse({ value: input }, silent ? { error: () => '' } : undefined);
  return JSON.stringify(result.success ? result.data : result.error.issues);
}

describe('wholeNumber', () => {
  const inputs = [0, 5, -7, 13, 1.5, -0.1, 1e20, -1e20, 2 ** 53, NaN, Infinity, 'x', null, true];

  it('accepts, refuses and words issues exactly as z.int() does, checks after it included', () => {
    const pairs = [
      [z.int(), wholeNumber()],
      [
        z.int('a whole number').check(z.minimum(1, 'too low'), z.maximum(10, 'too high')),
        wholeNumber('a whole number').check(z.minimum(1, 'too low'), z.maximum(10, 'too high')),
      ],
    ] as const;
    for (const [expected, actual] of pairs) {
      for (const input of inputs) {
        for (const silent of [false, true]) {
          assert.equal(
            outcome(z.strictObject({ value: actual }), input, silent),
            outcome(z.strictObject({ value: expected }), input, silent),
            String(input),
          );
        }
      }
    }
  });

  it('is recognised after more checks are chained, so the JSON Schema can say "integer"', () => {
    assert.ok(isWholeNumber(wholeNumber().check(z.minimum(1))));
    assert.ok(!isWholeNumber(z.number().check(z.minimum(1))));
  });
});

describe('webAddress', () => {
  const inputs = [
    'https://example.org/privacy',
    ' HTTP://EXAMPLE.ORG ',
    'http://localhost:8080/privacy',
    ' HTTPS://EXAMPLE.ORG ',
    'https://exa\nmple.org/pri\tvacy',
    'http:example.org',
    'https:/example.org',
    'ftp://example.org',
    'javascript:alert(1)',
    'mailto:privacy@example.org',
    'https://',
    'https://[::1',
    'https://exa mple.org',
    '',
    42,
    null,
  ];

  const plainHttp = (input: unknown) => typeof input === 'string' && /^\s*http:\/\//i.test(input);

  it('accepts, refuses, trims and words issues exactly as z.url({ protocol: /^https?$/ })', () => {
    const expected = z.strictObject({
      value: z.url({ protocol: /^https?$/, error: 'not a web address' }),
    });
    const actual = z.strictObject({ value: webAddress('not a web address') });
    for (const input of inputs.filter((input) => !plainHttp(input))) {
      for (const silent of [false, true]) {
        assert.equal(
          outcome(actual, input, silent),
          outcome(expected, input, silent),
          JSON.stringify(input),
        );
      }
    }
  });

  it('refuses an http:// address, asking for https://, whether or not it parses', () => {
    const schema = z.strictObject({ value: webAddress('not a web address') });
    const messages = (input: string) =>
      schema.safeParse({ value: input }).error?.issues.map((issue) => issue.message) ?? [];
    for (const input of inputs.filter(plainHttp)) {
      assert.ok(
        messages(input as string).some((message) => message.startsWith('use an https:// address')),
        JSON.stringify(input),
      );
    }
    assert.deepEqual(messages('http://example.org/privacy'), [
      'use an https:// address: applicants must not be sent to a plain-http page',
    ]);
    assert.deepEqual(messages('http:example.org'), ['not a web address']);
  });

  it('is recognised, so the JSON Schema can say "uri"', () => {
    assert.ok(isWebAddress(webAddress('x')));
    assert.ok(!isWebAddress(z.string()));
  });
});
