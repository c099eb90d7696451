import * as z from 'zod/mini';

/** The checks of every text shown to applicants: something visible, not too long, read as written. */
export function textChecks(max: number) {
  return [
    // Spaces and zero-width characters alone show as nothing.
    z.regex(/[^\s\u200b-\u200d\u2060\ufeff]/, 'must not be empty'),
    z.maxLength(max, `is too long: at most ${max} characters`),
    // An override shows the words in another order than the text a consent's hash records.
    z.regex(
      /^[^\u202a-\u202e\u2066-\u2069]*$/,
      'must not contain bidirectional override characters (U+202A to U+202E, U+2066 to U+2069): they change what applicants read',
    ),
  ] as const;
}
