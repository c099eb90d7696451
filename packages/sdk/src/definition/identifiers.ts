import * as z from 'zod/mini';

/** Longest id (form, step, field) a definition may use, in characters. */
export const MAX_ID_LENGTH = 64;

// Ids become answer keys, HTML ids and URL segments, so they stay short and plain; starting with a
// letter also keeps `__proto__` and friends out of every object keyed by an id.
const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
const FORM_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const PURPOSE_PATTERN = /^[a-z][a-z0-9_-]*$/;

/**
 * Names an id may not have. Field ids become the keys of a submitted application's answers, and
 * servers refuse these keys in every body (they reach an object's prototype), so an answer to
 * such a field could never be sent.
 */
export const RESERVED_IDS: readonly string[] = ['constructor', 'prototype', '__proto__'];

/**
 * Names every JavaScript object already has (from `Object.prototype`): code that looks an answer
 * up by such a field id finds a function where there is no answer, so they are refused too.
 */
export const INHERITED_IDS: readonly string[] = [
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
];

/** A non-empty identifier of at most MAX_ID_LENGTH characters that matches `pattern`. */
function identifierSchema(pattern: RegExp, patternMessage: string) {
  return z
    .string()
    .check(
      z.minLength(1, 'must not be empty'),
      z.maxLength(MAX_ID_LENGTH, `is too long: at most ${MAX_ID_LENGTH} characters`),
      z.regex(pattern, patternMessage),
    );
}

/** Zod schema of a step or field id. */
export const IdSchema = identifierSchema(
  ID_PATTERN,
  'must start with a letter and contain only letters, digits, "-" and "_" (like "givenName")',
);

/** Zod schema of a form id, as used in URLs. */
export const FormIdSchema = identifierSchema(
  FORM_ID_PATTERN,
  'must contain only lower-case letters, digits and "-" (like "example-union")',
);

/** Zod schema of a consent purpose id. */
export const PurposeSchema = identifierSchema(
  PURPOSE_PATTERN,
  'must start with a lower-case letter and contain only lower-case letters, digits, "-" and "_" (like "newsletter")',
);
