import * as z from 'zod/mini';
import type { FieldDefinition } from '../definition/field-definition.ts';
import type { FormDefinition } from '../definition/form-definition.ts';
import { isLocale, resolveText } from '../definition/locale.ts';
import {
  ageFieldsOf,
  birthDateFieldOf,
  checkEligibility,
  youngestBirthDate,
} from '../engine/eligibility.ts';
import type { FieldIssue } from '../engine/issue-code.ts';
import { normaliseAnswer } from '../engine/normalise-answer.ts';
import { rawAnswerSchema } from '../engine/raw-answer-schema.ts';
import { validateAnswer } from '../engine/validate-answer.ts';
import { allFields, visibleFieldIds } from '../engine/visible-fields.ts';
import { formatIssue } from '../i18n/format-issue.ts';
import { ConsentRecordSchema } from './application.ts';
import type { Answers, AnswerValue, Application, ConsentRecord } from './application.ts';
import type { ApplicationIssue } from './application-issue.ts';

/** Options of {@link compileApplicationSchema}. */
export interface ApplicationSchemaOptions {
  /**
   * The clock for ages, "not in the future" and consent times; a fixed `Date` or a function.
   * Default: now. Dates are judged by the latest calendar day anywhere on Earth at that moment
   * (UTC+14); a consent `at` later than it, or before 2000, is recorded as its time.
   */
  now?: Date | (() => Date);
}

/** Most consent records an application may carry, whatever the form. */
const MAX_CONSENTS = 100;

/** Marks issues raised by the rules, so `validateApplication` can pass them on unchanged. */
export const RULE_ISSUE = 'union-join-rule';

interface Raw {
  formId: string;
  formVersion: number;
  locale: string;
  answers: Record<string, unknown>;
  consents: ConsentRecord[];
}

function clock(now: ApplicationSchemaOptions['now']): () => Date {
  if (now instanceof Date) return () => new Date(now);
  return now ?? (() => new Date());
}

/** Consent times before this (2000-01-01T00:00:00Z) come from a device clock that was reset. */
const EARLIEST_CONSENT_TIME = Date.UTC(2000, 0, 1);

/** Hours the first time zone to start a day (Kiribati, UTC+14) is ahead of UTC. */
const EARLIEST_ZONE_HOURS = 14;

/**
 * Local noon of the latest calendar day anywhere on Earth at `now`. A server does not know the
 * applicant's time zone; judged by its own day, it would turn away someone whose birthday it
 * already is where they live (in Oslo for an hour or two after midnight, by a server on UTC).
 */
function latestDayOnEarth(now: Date): Date {
  const there = new Date(now.getTime() + EARLIEST_ZONE_HOURS * 3_600_000);
  return new Date(there.getUTCFullYear(), there.getUTCMonth(), there.getUTCDate(), 12);
}

function fieldIssue(
  definition: FormDefinition,
  field: FieldDefinition,
  issue: FieldIssue,
): ApplicationIssue {
  const part = issue.params?.part;
  const label = resolveText(field.label, 'en', definition.locales);
  return {
    path: ['answers', field.id, ...(typeof part === 'string' ? [part] : [])],
    code: issue.code,
    message: formatIssue(issue, 'en', label),
    ...(issue.params ? { params: issue.params } : {}),
  };
}

/** The rules of one form applied to an application of the right shape. */
function checkApplication(
  definition: FormDefinition,
  raw: Raw,
  now: Date,
): { issues: ApplicationIssue[]; application: Application } {
  const today = latestDayOnEarth(now);
  const issues: ApplicationIssue[] = [];
  if (raw.formId !== definition.id) {
    issues.push({
      path: ['formId'],
      code: 'wrong_form',
      message: `This is the form "${definition.id}"; the application is for another form`,
    });
  }
  // An application made with an earlier version (queued offline, or a page open while the form
  // was updated) is taken when its answers fit this version: the union loses no applicant over a
  // corrected label. A version this server does not know yet is refused, and so is one that was
  // never published (0, a fraction): it would skip the check of its consents' wording, which
  // knows the current version only, and a fraction fits no stored version.
  const version = raw.formVersion;
  if (Number.isInteger(version) && version > definition.version) {
    issues.push({
      path: ['formVersion'],
      code: 'wrong_version',
      message: `The form is at version ${definition.version}; the application was made with a newer version`,
    });
  } else if (!Number.isInteger(version) || version < 1) {
    issues.push({
      path: ['formVersion'],
      code: 'wrong_version',
      message: `formVersion must be a whole number from 1 to ${definition.version}, the version of this form it was made with`,
    });
  }
  if (!(definition.locales as readonly string[]).includes(raw.locale)) {
    issues.push({
      path: ['locale'],
      code: 'unsupported_locale',
      message: `The form is offered in ${definition.locales.join(', ')} only`,
    });
  }

  const fields = allFields(definition);
  const typedIn = isLocale(raw.locale) ? raw.locale : undefined;
  const answers = new Map<string, AnswerValue>();
  for (const field of fields) {
    if (field.type === 'consent' || !Object.hasOwn(raw.answers, field.id)) continue;
    const value = normaliseAnswer(field, raw.answers[field.id], typedIn, today);
    if (value !== undefined) answers.set(field.id, value);
  }
  const consentFields = new Map<string, FieldDefinition>();
  for (const field of fields) {
    if (field.type === 'consent') consentFields.set(field.purpose, field);
  }
  // A question may depend on a consent, whose answer is its record: given or not.
  const given = new Set<string>();
  for (const record of raw.consents) {
    const field = consentFields.get(record.purpose);
    if (field && record.granted === true) given.add(field.id);
  }
  const visible = visibleFieldIds(
    definition,
    (id) => answers.get(id) ?? (given.has(id) || undefined),
  );
  const birthDateField = birthDateFieldOf(definition);
  const output: Answers = {};
  for (const field of fields) {
    if (field.type === 'consent') continue;
    const value = answers.get(field.id);
    if (!visible.has(field.id)) {
      if (value !== undefined) {
        issues.push({
          path: ['answers', field.id],
          code: 'hidden_field',
          message: `"${field.id}" is not asked with these answers (its showIf condition is not met), so it must not be answered`,
        });
      }
      continue;
    }
    const found = validateAnswer(field, value, { today, isBirthDate: field === birthDateField });
    issues.push(...found.map((issue) => fieldIssue(definition, field, issue)));
    if (value !== undefined) output[field.id] = value;
  }

  // Every answer that tells the date of birth is read, and the youngest decides: a child is
  // turned away whichever of them gives their age away.
  const youngest = youngestBirthDate(
    ageFieldsOf(definition),
    (id) => (visible.has(id) ? answers.get(id) : undefined),
    today,
  );
  const eligibility = checkEligibility(definition, youngest?.birthDate, today);
  if (youngest && !eligibility.eligible) {
    issues.push({
      path: ['answers', youngest.field.id],
      code: 'ineligible',
      message: `The applicant must be at least ${eligibility.minimumAge} years old to join online`,
      params: { reason: eligibility.reason, minimumAge: eligibility.minimumAge },
    });
  }

  const recorded = new Set<string>();
  raw.consents.forEach((record, i) => {
    const field = consentFields.get(record.purpose);
    if (!field) {
      issues.push({
        path: ['consents', i, 'purpose'],
        code: 'unknown_consent',
        message: 'This form asks for no consent with this purpose',
      });
    } else if (recorded.has(record.purpose)) {
      issues.push({
        path: ['consents', i, 'purpose'],
        code: 'duplicate_consent',
        message: `The consent "${record.purpose}" is recorded more than once`,
      });
    } else if (!visible.has(field.id)) {
      issues.push({
        path: ['consents', i],
        code: 'hidden_field',
        message: `The consent "${record.purpose}" is not asked with these answers, so it must not be recorded`,
      });
    } else {
      // The same rule as the engine's: a required consent must be granted.
      const found = validateAnswer(field, record.granted || undefined, {
        today,
        isBirthDate: false,
      });
      for (const issue of found) {
        issues.push({ ...fieldIssue(definition, field, issue), path: ['consents', i, 'granted'] });
      }
    }
    recorded.add(record.purpose);
  });
  for (const [purpose, field] of consentFields) {
    if (visible.has(field.id) && !recorded.has(purpose)) {
      issues.push({
        path: ['consents'],
        code: 'missing_consent',
        message: `The consent "${purpose}" was asked, so it needs a record (granted or not)`,
      });
    }
  }

  return {
    issues,
    application: {
      formId: raw.formId,
      formVersion: raw.formVersion,
      locale:
        definition.locales.find((locale) => locale === raw.locale) ?? definition.locales[0] ?? 'en',
      answers: output,
      // A consent cannot be given after the application is checked, nor before any form existed:
      // a later time is a device clock running fast, one before 2000 a clock that was reset (to
      // 1970, say), so the record keeps the time of checking instead. Refusing would leave the
      // applicant unable to send, with nothing on the form to correct.
      // A time sent with an offset is kept in UTC, as the engine sends it, so an export lists one
      // time zone.
      consents: raw.consents.map((record) => {
        const at = Date.parse(record.at);
        if (at > now.getTime() || at < EARLIEST_CONSENT_TIME) {
          return { ...record, at: now.toISOString() };
        }
        return record.at.endsWith('Z') ? record : { ...record, at: new Date(at).toISOString() };
      }),
    },
  };
}

/**
 * A zod/mini schema that accepts exactly the applications `definition` allows, with the same
 * rules as the form engine, and outputs them normalised. Rule violations carry their
 * {@link ApplicationIssue} in the zod issue's `params`; `validateApplication` turns the rest into
 * issues too.
 * @example
 * const schema = compileApplicationSchema(definition);
 * const result = schema.safeParse(await request.json());
 */
export function compileApplicationSchema(
  definition: FormDefinition,
  options: ApplicationSchemaOptions = {},
): z.ZodMiniType<Application> {
  const now = clock(options.now);
  const answerShape: Record<string, z.ZodMiniOptional> = {};
  for (const field of allFields(definition)) {
    if (field.type !== 'consent') answerShape[field.id] = z.optional(rawAnswerSchema(field.type));
  }
  const shape = z.strictObject({
    formId: z.string(),
    formVersion: z.number(),
    locale: z.string(),
    answers: z.strictObject(answerShape),
    consents: z.array(ConsentRecordSchema).check(z.maxLength(MAX_CONSENTS)),
  });
  return z.pipe(
    shape,
    z.transform((raw: Raw, ctx) => {
      const { issues, application } = checkApplication(definition, raw, now());
      for (const issue of issues) {
        ctx.issues.push({
          code: 'custom',
          message: issue.message,
          path: issue.path,
          input: undefined,
          params: { [RULE_ISSUE]: issue },
        });
      }
      return application;
    }),
  ) as unknown as z.ZodMiniType<Application>;
}
