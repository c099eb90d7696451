/** Every reason an answer can be rejected; stable, so translations and analytics can rely on them. */
export const ISSUE_CODES = [
  'required',
  'too_long',
  'too_short',
  'invalid_email',
  'invalid_tel',
  'invalid_number',
  'too_small',
  'too_large',
  'not_integer',
  'invalid_date',
  'year_not_four_digits',
  'year_too_early',
  'date_in_future',
  'invalid_choice',
  'invalid_postcode',
  'invalid_personnummer',
  'invalid_fodselsnummer',
  'invalid_nino',
  'invalid_iban',
  'invalid_sort_code',
  'invalid_account_number',
  'consent_required',
] as const;

/** Why an answer was rejected (see {@link ISSUE_CODES}). */
export type IssueCode = (typeof ISSUE_CODES)[number];

/** Parts of a composite answer an issue can point at (date, address, bank account). */
export const ANSWER_PARTS = [
  'day',
  'month',
  'year',
  'line1',
  'line2',
  'town',
  'postcode',
  'country',
  'accountHolder',
  'sortCode',
  'accountNumber',
] as const;

/** A part of a composite answer: a date's day, an address's town, a bank account's sort code... */
export type AnswerPart = (typeof ANSWER_PARTS)[number];

/**
 * A problem with one answer. `params` carries what a message needs: `max`/`min` for limits,
 * `part` for the part of a date, address or bank account, `kind: 'select' | 'tick'` for a
 * required choice or checkbox. Never a message, never the answer itself.
 */
export interface FieldIssue {
  field: string;
  code: IssueCode;
  params?: Record<string, string | number>;
}
