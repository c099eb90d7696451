import type * as z from 'zod/mini';
import { allFields } from '../engine/visible-fields.ts';
import type { FormDefinition } from '../definition/form-definition.ts';
import { RAW_ANSWER_SHAPES } from '../engine/raw-answer-schema.ts';
import type { Application } from './application.ts';
import type { ApplicationIssue } from './application-issue.ts';
import { RULE_ISSUE, compileApplicationSchema } from './compile-application-schema.ts';
import type { ApplicationSchemaOptions } from './compile-application-schema.ts';

/** The outcome of {@link validateApplication}. */
export type ValidateApplicationResult =
  { ok: true; application: Application } | { ok: false; issues: ApplicationIssue[] };

/** Most issues reported for one application; a hostile body could otherwise cause thousands. */
export const MAX_APPLICATION_ISSUES = 100;

const TOP_LEVEL_KEYS = 'formId, formVersion, locale, answers and consents';
const EXPECTED: Readonly<Record<string, string>> = {
  formId: 'a string',
  formVersion: 'a whole number',
  locale: 'a string',
  answers: 'an object keyed by field id',
  consents: 'an array of consent records',
};
const CONSENT_PARTS: Readonly<Record<string, string>> = {
  purpose: 'must be the purpose id of one of the form’s consents',
  granted: 'must be true or false',
  textHash: 'must be "sha256:" followed by 64 lower-case hex digits',
  at: 'must be an ISO 8601 date and time, like "2025-01-31T09:30:00Z"',
};

// Compiled schemas by form and clock: the system clock, or a clock function a server passes on
// every request (a fixed `Date` is compiled afresh each time).
const SYSTEM_CLOCK = {};
const cache = new WeakMap<FormDefinition, WeakMap<object, z.ZodMiniType<Application>>>();

function isPresent(data: unknown, path: readonly PropertyKey[]): boolean {
  let current = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) {
      return false;
    }
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return true;
}

function describe(
  definition: FormDefinition,
  issue: z.core.$ZodIssue,
  data: unknown,
): ApplicationIssue[] {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  const [top, second] = path;
  if (issue.code === 'custom' && issue.params?.[RULE_ISSUE]) {
    return [issue.params[RULE_ISSUE] as ApplicationIssue];
  }
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.slice(0, MAX_APPLICATION_ISSUES).map((key): ApplicationIssue => {
      if (path.length === 0) {
        return {
          path: [key],
          code: 'unknown_key',
          message: `Unknown key; an application has ${TOP_LEVEL_KEYS}`,
        };
      }
      if (path.length === 1 && top === 'answers') {
        const field = allFields(definition).find((f) => f.id === key);
        return {
          path: ['answers', key],
          code: 'unknown_field',
          message:
            field?.type === 'consent'
              ? `"${field.id}" is a consent: record it in consents, not in answers`
              : 'This form has no field with this id',
        };
      }
      return { path: [...path, key], code: 'unknown_key', message: 'Unknown key' };
    });
  }
  if (path.length === 0) {
    return [{ path, code: 'invalid_type', message: 'The application must be a JSON object' }];
  }
  if (!isPresent(data, path)) {
    return [{ path, code: 'missing', message: `${path.join('.')} is required` }];
  }
  if (top === 'answers' && typeof second === 'string') {
    const field = allFields(definition).find((f) => f.id === second);
    const shape = field ? RAW_ANSWER_SHAPES[field.type] : 'valid';
    return [
      {
        path,
        code: issue.code === 'too_big' ? 'too_many' : 'invalid_type',
        message: `The answer to "${second}" must be ${shape}`,
      },
    ];
  }
  if (top === 'consents') {
    if (issue.code === 'too_big') {
      return [{ path, code: 'too_many', message: 'There are more consent records than consents' }];
    }
    const key = typeof path[2] === 'string' ? path[2] : undefined;
    return [
      {
        path,
        code: 'invalid_consent',
        message:
          key && CONSENT_PARTS[key]
            ? `"${key}" of a consent record ${CONSENT_PARTS[key]}`
            : 'A consent record must be an object { purpose, granted, textHash, at }',
      },
    ];
  }
  const expected = typeof top === 'string' ? EXPECTED[top] : undefined;
  return [
    {
      path,
      code: 'invalid_type',
      message: expected ? `${String(top)} must be ${expected}` : 'Not valid here',
    },
  ];
}

// Messages name the form's own ids and limits, never anything taken from the submitted body:
// the path says where a problem is.

/**
 * Checks a submitted application against its form with the engine's own rules: answers of the
 * right type, normalised and valid, none to hidden or unknown fields, a record for every asked
 * consent, the right form and version, an applicant old enough. Returns the application
 * normalised, or every issue found (at most {@link MAX_APPLICATION_ISSUES}).
 * @example
 * const result = validateApplication(definition, await request.json());
 * if (!result.ok) return Response.json({ error: 'validation_failed', issues: result.issues }, { status: 422 });
 */
export function validateApplication(
  definition: FormDefinition,
  data: unknown,
  options: ApplicationSchemaOptions = {},
): ValidateApplicationResult {
  const clock = options.now ?? SYSTEM_CLOCK;
  const schemas = clock instanceof Date ? undefined : (cache.get(definition) ?? new WeakMap());
  let schema = schemas?.get(clock);
  if (!schema) {
    schema = compileApplicationSchema(definition, options);
    if (schemas) cache.set(definition, schemas.set(clock, schema));
  }
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, application: result.data };
  const issues = result.error.issues.flatMap((issue) => describe(definition, issue, data));
  return { ok: false, issues: issues.slice(0, MAX_APPLICATION_ISSUES) };
}
