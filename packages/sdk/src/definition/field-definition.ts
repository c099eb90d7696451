import * as z from 'zod/mini';
import { wholeNumber } from './whole-number.ts';
import { COUNTRY_CODES, NATIONAL_ID_COUNTRIES, POSTCODE_COUNTRIES } from '../validators/index.ts';
import { IdSchema, PurposeSchema } from './identifiers.ts';
import { LocalizedTextSchema } from './locale.ts';

/** Every field type a form can use. */
export const FIELD_TYPES = [
  'text',
  'textarea',
  'email',
  'tel',
  'number',
  'date',
  'choice',
  'multi-choice',
  'checkbox',
  'consent',
  'postal-code',
  'address',
  'national-id',
  'iban',
  'uk-bank-account',
] as const;

/** The kind of a field, which decides its input, its answer's shape and its rules. */
export type FieldType = (typeof FIELD_TYPES)[number];

/** Most options a choice or multi-choice field may list. */
export const MAX_OPTIONS = 250;

/** Field types whose answers stay off the device unless the field sets `persist: true`. */
export const SENSITIVE_FIELD_TYPES = ['national-id', 'iban', 'uk-bank-account'] as const;

/** Longest option value, in characters. */
export const MAX_OPTION_VALUE_LENGTH = 100;

/** Highest `maxLength` or `minLength` a field may set. */
export const MAX_LENGTH_LIMIT = 10_000;

const ShowIfValue = z.union(
  [
    z
      .string()
      .check(
        z.maxLength(
          MAX_OPTION_VALUE_LENGTH,
          `is too long: at most ${MAX_OPTION_VALUE_LENGTH} characters`,
        ),
      ),
    z.number(),
    z.boolean(),
  ],
  'expected a text, a number, true or false',
);

/** Zod schema of a condition that shows a field only when an earlier answer matches. */
export const ShowIfSchema = z.strictObject({
  field: IdSchema,
  equals: z.optional(ShowIfValue),
  in: z.optional(
    z
      .array(ShowIfValue)
      .check(
        z.minLength(1, 'needs at least one value'),
        z.maxLength(MAX_OPTIONS, `has too many values: at most ${MAX_OPTIONS}`),
      ),
  ),
  notEmpty: z.optional(z.literal(true, 'must be true (or leave "notEmpty" out)')),
});

// The public types below are interfaces that extend what zod infers: they cannot drift from the
// schemas, and editors show their names instead of pages of inlined members.

/** A condition on an earlier answer: `equals` one value, is `in` a list, or is `notEmpty`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- names the inferred type
export interface ShowIf extends z.infer<typeof ShowIfSchema> {}

/** Zod schema of one option of a choice or multi-choice field. */
export const ChoiceOptionSchema = z.strictObject({
  value: z
    .string()
    .check(
      z.minLength(1, 'must not be empty'),
      z.maxLength(
        MAX_OPTION_VALUE_LENGTH,
        `is too long: at most ${MAX_OPTION_VALUE_LENGTH} characters`,
      ),
      z.regex(/^\S(?:[^]*\S)?$/, 'must not start or end with a space'),
    ),
  label: LocalizedTextSchema,
  hint: z.optional(LocalizedTextSchema),
});

/** One option of a choice or multi-choice field: the stored `value` and the `label` shown. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- names the inferred type
export interface ChoiceOption extends z.infer<typeof ChoiceOptionSchema> {}

const Length = wholeNumber().check(
  z.minimum(1, 'must be 1 or more'),
  z.maximum(MAX_LENGTH_LIMIT, `must be ${MAX_LENGTH_LIMIT} or less`),
);

const commonKeys = {
  id: IdSchema,
  label: LocalizedTextSchema,
  hint: z.optional(LocalizedTextSchema),
  required: z.optional(z.boolean()),
  autocomplete: z.optional(
    z
      .string()
      .check(
        z.regex(
          /^[a-z0-9-]+(?: [a-z0-9-]+)*$/,
          'must be an HTML autocomplete token such as "given-name" or "email"',
        ),
        z.maxLength(100, 'is too long: at most 100 characters'),
      ),
  ),
  showIf: z.optional(ShowIfSchema),
  persist: z.optional(z.boolean()),
};

const lengthKeys = {
  minLength: z.optional(Length),
  maxLength: z.optional(Length),
};

const options = z
  .array(ChoiceOptionSchema)
  .check(
    z.minLength(1, 'needs at least one option'),
    z.maxLength(MAX_OPTIONS, `has too many options: at most ${MAX_OPTIONS}`),
  );

/** Zod schema of a one-line text field. */
export const TextFieldSchema = z.strictObject({
  type: z.literal('text'),
  ...commonKeys,
  ...lengthKeys,
});
/** Zod schema of a multi-line text field. */
export const TextareaFieldSchema = z.strictObject({
  type: z.literal('textarea'),
  ...commonKeys,
  ...lengthKeys,
});
/** Zod schema of an email address field. */
export const EmailFieldSchema = z.strictObject({
  type: z.literal('email'),
  ...commonKeys,
  ...lengthKeys,
});
/** Zod schema of a telephone number field. */
export const TelFieldSchema = z.strictObject({
  type: z.literal('tel'),
  ...commonKeys,
  ...lengthKeys,
});
/** Zod schema of a number field. */
export const NumberFieldSchema = z.strictObject({
  type: z.literal('number'),
  ...commonKeys,
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  integer: z.optional(z.boolean()),
});
/** Zod schema of a date field (day, month and year). */
export const DateFieldSchema = z.strictObject({
  type: z.literal('date'),
  ...commonKeys,
});
/** Zod schema of a field where the applicant picks one option. */
export const ChoiceFieldSchema = z.strictObject({
  type: z.literal('choice'),
  ...commonKeys,
  options,
});
/** Zod schema of a field where the applicant picks any number of options. */
export const MultiChoiceFieldSchema = z.strictObject({
  type: z.literal('multi-choice'),
  ...commonKeys,
  options,
});
/** Zod schema of a single checkbox. */
export const CheckboxFieldSchema = z.strictObject({
  type: z.literal('checkbox'),
  ...commonKeys,
});
/** Zod schema of a consent checkbox, recorded with the exact text shown. */
export const ConsentFieldSchema = z.strictObject({
  type: z.literal('consent'),
  ...commonKeys,
  purpose: PurposeSchema,
});
/** Zod schema of a postcode field for one country. */
export const PostalCodeFieldSchema = z.strictObject({
  type: z.literal('postal-code'),
  ...commonKeys,
  country: z.literal(POSTCODE_COUNTRIES, 'must be one of "GB", "IE", "NO" or "SE"'),
});
/** Zod schema of a postal address field. */
export const AddressFieldSchema = z.strictObject({
  type: z.literal('address'),
  ...commonKeys,
  defaultCountry: z.optional(
    z.literal(
      COUNTRY_CODES,
      'must be a two-letter country code in capitals, like "GB" (the United Kingdom is "GB")',
    ),
  ),
});
/** Zod schema of a national identity number field for one country. */
export const NationalIdFieldSchema = z.strictObject({
  type: z.literal('national-id'),
  ...commonKeys,
  country: z.literal(NATIONAL_ID_COUNTRIES, 'must be one of "SE", "NO" or "GB"'),
});
/** Zod schema of an IBAN field. */
export const IbanFieldSchema = z.strictObject({
  type: z.literal('iban'),
  ...commonKeys,
});
/** Zod schema of a UK bank account field (account holder, sort code, account number). */
export const UkBankAccountFieldSchema = z.strictObject({
  type: z.literal('uk-bank-account'),
  ...commonKeys,
});

/** Zod schema of any field, told apart by its `type`. */
export const FieldDefinitionSchema = z.discriminatedUnion('type', [
  TextFieldSchema,
  TextareaFieldSchema,
  EmailFieldSchema,
  TelFieldSchema,
  NumberFieldSchema,
  DateFieldSchema,
  ChoiceFieldSchema,
  MultiChoiceFieldSchema,
  CheckboxFieldSchema,
  ConsentFieldSchema,
  PostalCodeFieldSchema,
  AddressFieldSchema,
  NationalIdFieldSchema,
  IbanFieldSchema,
  UkBankAccountFieldSchema,
]);

/** A one-line text field. */
export interface TextFieldDefinition extends z.infer<typeof TextFieldSchema> {
  showIf?: ShowIf;
}
/** A multi-line text field. */
export interface TextareaFieldDefinition extends z.infer<typeof TextareaFieldSchema> {
  showIf?: ShowIf;
}
/** An email address field. */
export interface EmailFieldDefinition extends z.infer<typeof EmailFieldSchema> {
  showIf?: ShowIf;
}
/** A telephone number field. */
export interface TelFieldDefinition extends z.infer<typeof TelFieldSchema> {
  showIf?: ShowIf;
}
/** A number field. */
export interface NumberFieldDefinition extends z.infer<typeof NumberFieldSchema> {
  showIf?: ShowIf;
}
/** A date field (day, month and year). */
export interface DateFieldDefinition extends z.infer<typeof DateFieldSchema> {
  showIf?: ShowIf;
}
/** A field where the applicant picks one option. */
export interface ChoiceFieldDefinition extends z.infer<typeof ChoiceFieldSchema> {
  showIf?: ShowIf;
  options: ChoiceOption[];
}
/** A field where the applicant picks any number of options. */
export interface MultiChoiceFieldDefinition extends z.infer<typeof MultiChoiceFieldSchema> {
  showIf?: ShowIf;
  options: ChoiceOption[];
}
/** A single checkbox. */
export interface CheckboxFieldDefinition extends z.infer<typeof CheckboxFieldSchema> {
  showIf?: ShowIf;
}
/** A consent checkbox, recorded with the exact text shown. */
export interface ConsentFieldDefinition extends z.infer<typeof ConsentFieldSchema> {
  showIf?: ShowIf;
}
/** A postcode field for one country. */
export interface PostalCodeFieldDefinition extends z.infer<typeof PostalCodeFieldSchema> {
  showIf?: ShowIf;
}
/** A postal address field. */
export interface AddressFieldDefinition extends z.infer<typeof AddressFieldSchema> {
  showIf?: ShowIf;
}
/** A national identity number field for one country. */
export interface NationalIdFieldDefinition extends z.infer<typeof NationalIdFieldSchema> {
  showIf?: ShowIf;
}
/** An IBAN field. */
export interface IbanFieldDefinition extends z.infer<typeof IbanFieldSchema> {
  showIf?: ShowIf;
}
/** A UK bank account field. */
export interface UkBankAccountFieldDefinition extends z.infer<typeof UkBankAccountFieldSchema> {
  showIf?: ShowIf;
}

/** One question of a form; `type` decides which other keys it has. */
export type FieldDefinition =
  | TextFieldDefinition
  | TextareaFieldDefinition
  | EmailFieldDefinition
  | TelFieldDefinition
  | NumberFieldDefinition
  | DateFieldDefinition
  | ChoiceFieldDefinition
  | MultiChoiceFieldDefinition
  | CheckboxFieldDefinition
  | ConsentFieldDefinition
  | PostalCodeFieldDefinition
  | AddressFieldDefinition
  | NationalIdFieldDefinition
  | IbanFieldDefinition
  | UkBankAccountFieldDefinition;

// Compiles only while FieldDefinition and the schema describe the same values.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type _FieldDefinitionMatchesSchema = Assert<
  Same<FieldDefinition, z.infer<typeof FieldDefinitionSchema>>
>;

/** The field definition of one type, e.g. `FieldOfType<'choice'>` has `options`. */
export type FieldOfType<T extends FieldType> = Extract<FieldDefinition, { type: T }>;

/** Keys each field type accepts, for naming the allowed keys next to an unknown one. */
export const FIELD_KEYS: Readonly<Record<FieldType, readonly string[]>> = Object.fromEntries(
  FieldDefinitionSchema.def.options.map((option) => [
    option.shape.type.def.values[0],
    Object.keys(option.shape),
  ]),
) as Record<FieldType, readonly string[]>;
