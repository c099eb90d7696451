import * as z from 'zod/mini';
import { webAddress } from './web-address.ts';
import { wholeNumber } from './whole-number.ts';
import { FieldDefinitionSchema } from './field-definition.ts';
import type { FieldDefinition } from './field-definition.ts';
import { FormIdSchema, IdSchema } from './identifiers.ts';
import { LocaleSchema, LocalizedTextSchema, LOCALES } from './locale.ts';
import { textChecks } from './text-checks.ts';

/** Most steps a form may have. */
export const MAX_STEPS = 50;

/** Most fields one step may have. */
export const MAX_FIELDS_PER_STEP = 100;

/** Longest `locales` list accepted; duplicates are reported one by one. */
export const MAX_LOCALES = 10;

/** Youngest `eligibility.minimumAge` a form may set: children under 13 cannot join online. */
export const MIN_MINIMUM_AGE = 13;

/** Days a draft is kept on the device when the form does not say. */
export const DEFAULT_DRAFT_TTL_DAYS = 14;

/** Zod schema of one page of the form. */
export const StepDefinitionSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  description: z.optional(LocalizedTextSchema),
  fields: z
    .array(FieldDefinitionSchema)
    .check(
      z.minLength(1, 'needs at least one field'),
      z.maxLength(MAX_FIELDS_PER_STEP, `has too many fields: at most ${MAX_FIELDS_PER_STEP}`),
    ),
});

/** One page of the form: a title and the fields asked on it. */
export interface StepDefinition extends z.infer<typeof StepDefinitionSchema> {
  fields: FieldDefinition[];
}

/** Zod schema of the organisation the form joins. */
export const OrganisationSchema = z.strictObject({
  name: z.string().check(...textChecks(200)),
  privacyNoticeUrl: webAddress('must be a full web address, like "https://example.org/privacy"'),
});

/** Zod schema of the age limit on joining. */
export const EligibilitySchema = z.strictObject({
  minimumAge: wholeNumber('must be a whole number of years').check(
    z.minimum(MIN_MINIMUM_AGE, 'must be 13 or more: children under 13 cannot join online'),
    z.maximum(120, 'must be 120 or less'),
  ),
  birthDateField: IdSchema,
});

/** Zod schema of how long unfinished applications are kept on the device. */
export const DraftsSchema = z.strictObject({
  ttlDays: z._default(
    wholeNumber('must be a whole number of days').check(
      z.minimum(1, 'must be 1 or more'),
      z.maximum(365, 'must be 365 or less'),
    ),
    DEFAULT_DRAFT_TTL_DAYS,
  ),
});

/** Zod schema of a whole form definition (see DESIGN.md, "Form definition"). */
export const FormDefinitionSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id: FormIdSchema,
  version: wholeNumber('must be a whole number').check(
    z.minimum(1, 'must be 1 or more'),
    z.maximum(2 ** 31 - 1, 'is too large'),
  ),
  organisation: OrganisationSchema,
  locales: z
    .array(LocaleSchema)
    .check(
      z.minLength(1, 'needs at least one locale, like ["en"]'),
      z.maxLength(MAX_LOCALES, `has too many locales: there are only ${LOCALES.length}`),
    ),
  eligibility: z.optional(EligibilitySchema),
  drafts: z._default(DraftsSchema, { ttlDays: DEFAULT_DRAFT_TTL_DAYS }),
  review: z._default(z.boolean(), true),
  steps: z
    .array(StepDefinitionSchema)
    .check(
      z.minLength(1, 'needs at least one step'),
      z.maxLength(MAX_STEPS, `has too many steps: at most ${MAX_STEPS}`),
    ),
});

/** A checked form definition, with `drafts` and `review` defaults filled in. */
export interface FormDefinition extends z.output<typeof FormDefinitionSchema> {
  steps: StepDefinition[];
}

/** A form definition as written, before defaults are filled in. */
export type FormDefinitionInput = z.input<typeof FormDefinitionSchema>;
