import * as z from 'zod/mini';
import { FormIdSchema, IdSchema, PurposeSchema } from '../definition/identifiers.ts';
import { LocaleSchema } from '../definition/locale.ts';

/** Zod schema of an `address` answer; `country` is an ISO 3166-1 alpha-2 code. */
export const AddressAnswerSchema = z.strictObject({
  line1: z.string(),
  line2: z.optional(z.string()),
  town: z.string(),
  postcode: z.string(),
  country: z.string(),
});

// The public types are interfaces that extend what zod infers: they cannot drift from the schemas,
// and editors show their names instead of their members inlined.

/** A postal address answer; `postcode` is in its written form, `country` two capital letters. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- names the inferred type
export interface AddressAnswer extends z.infer<typeof AddressAnswerSchema> {}

/** Zod schema of a `uk-bank-account` answer. */
export const UkBankAccountAnswerSchema = z.strictObject({
  accountHolder: z.string(),
  sortCode: z.string(),
  accountNumber: z.string(),
});

/** A UK bank account answer; sort code and account number are digits only. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- names the inferred type
export interface UkBankAccountAnswer extends z.infer<typeof UkBankAccountAnswerSchema> {}

/** Zod schema of any answer value. */
export const AnswerValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.string()),
  AddressAnswerSchema,
  UkBankAccountAnswerSchema,
]);

/**
 * One answer: a string (text, choice, date `YYYY-MM-DD`, identifiers), a number, a boolean
 * (checkbox, consent), option values (multi-choice), an address or a UK bank account.
 */
export type AnswerValue =
  string | number | boolean | string[] | AddressAnswer | UkBankAccountAnswer;

// Compiles only while AnswerValue and the schema describe the same values.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type _AnswerValueMatchesSchema = Assert<Same<AnswerValue, z.infer<typeof AnswerValueSchema>>>;

/** Answers keyed by field id; an empty optional answer is absent, never `""` or `null`. */
export type Answers = Record<string, AnswerValue>;

/** Zod schema of a consent record. */
export const ConsentRecordSchema = z.strictObject({
  purpose: PurposeSchema,
  granted: z.boolean(),
  textHash: z.string().check(z.regex(/^sha256:[0-9a-f]{64}$/)),
  at: z.iso.datetime({ offset: true }),
});

/**
 * What the applicant was asked and said: the consent `purpose`, whether it was `granted`, the
 * SHA-256 of the exact text shown (`sha256:<hex>`) and when it was last given or withdrawn.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- names the inferred type
export interface ConsentRecord extends z.infer<typeof ConsentRecordSchema> {}

/** Zod schema of a submitted application, for any form (see `compileApplicationSchema`). */
export const ApplicationSchema = z.strictObject({
  formId: FormIdSchema,
  formVersion: z.int().check(z.minimum(1)),
  locale: LocaleSchema,
  answers: z.record(IdSchema, AnswerValueSchema),
  consents: z.array(ConsentRecordSchema),
});

/** What is submitted: the form and version answered, the locale shown, answers and consents. */
export interface Application extends z.infer<typeof ApplicationSchema> {
  answers: Answers;
  consents: ConsentRecord[];
}
