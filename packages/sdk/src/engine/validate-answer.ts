import type {
  AddressAnswer,
  AnswerValue,
  UkBankAccountAnswer,
} from '../application/application.ts';
import type { FieldDefinition } from '../definition/field-definition.ts';
import {
  isValidIban,
  isValidNorwegianFodselsnummer,
  isValidPostcode,
  isValidSwedishPersonnummer,
  isValidUkAccountNumber,
  isValidUkNino,
  isValidUkSortCode,
  parseIsoDate,
  postcodeFirst,
} from '../validators/index.ts';
import { isCountryCode } from '../validators/country.ts';
import { isPostcodeCountry, isPostcodeRequired } from '../validators/postcode.ts';
import { compareDates, localCalendarDate } from '../validators/iso-date.ts';
import type { AnswerPart, FieldIssue, IssueCode } from './issue-code.ts';

/** Longest answer a text-like field takes when the form sets no `maxLength`, by type. */
export const DEFAULT_MAX_LENGTH = {
  text: 500,
  textarea: 10_000,
  email: 254,
  tel: 40,
} as const;

/** Longest part of an address or the account holder's name. */
export const MAX_PART_LENGTH = 200;

/** Earliest year a date of birth may be in. */
export const EARLIEST_BIRTH_YEAR = 1900;

/** What the rules need beyond the field and its answer. */
export interface AnswerContext {
  /** Today, on the applicant's clock. */
  today: Date;
  /** Whether this field is the form's date of birth (which must be in the past). */
  isBirthDate: boolean;
}

// Deliberately loose: one "@", something before it, a dot in the domain. Stricter patterns turn
// away real addresses; whether the address works is only known when a message arrives.
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(?:\.[^\s@.]+)+$/u;
const TEL_SEPARATORS = /[\s().\-\u00a0]/gu;

type Issue = Omit<FieldIssue, 'field'>;

/** Length in characters as people count them (code points), at most `limit + 1`. */
function length(value: string, limit: number): number {
  // Each character is one or two UTF-16 units, so a long paste is judged without reading it all.
  if (value.length > 2 * limit) return limit + 1;
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

function textIssues(
  value: string,
  minLength: number | undefined,
  maxLength: number,
  part?: AnswerPart,
): Issue[] {
  const withPart = (code: IssueCode, params: Record<string, string | number>): Issue => ({
    code,
    params: part ? { ...params, part } : params,
  });
  const n = length(value, maxLength);
  if (n > maxLength) return [withPart('too_long', { max: maxLength })];
  if (minLength !== undefined && n < minLength) return [withPart('too_short', { min: minLength })];
  return [];
}

function dateIssues(value: string, context: AnswerContext): Issue[] {
  const parts = /^(\d*)-(\d*)-(\d*)$/.exec(value);
  if (parts) {
    const [, year = '', month, day] = parts;
    const missing: AnswerPart | undefined = !day
      ? 'day'
      : !month
        ? 'month'
        : !year
          ? 'year'
          : undefined;
    if (missing) return [{ code: 'invalid_date', params: { part: missing } }];
    // "90" is no year the form can guess a century for (GOV.UK asks for four digits too).
    if (year.length !== 4) return [{ code: 'year_not_four_digits', params: { part: 'year' } }];
  }
  const date = parseIsoDate(value);
  if (!date) return [{ code: 'invalid_date' }];
  if (context.isBirthDate) {
    if (date.year < EARLIEST_BIRTH_YEAR)
      return [{ code: 'year_too_early', params: { part: 'year' } }];
    const today = localCalendarDate(context.today);
    if (today && compareDates(date, today) > 0) return [{ code: 'date_in_future' }];
  }
  return [];
}

function numberIssues(
  value: AnswerValue,
  field: Extract<FieldDefinition, { type: 'number' }>,
): Issue[] {
  if (typeof value !== 'number') return [{ code: 'invalid_number' }];
  if (field.integer && !Number.isInteger(value)) return [{ code: 'not_integer' }];
  if (field.min !== undefined && value < field.min)
    return [{ code: 'too_small', params: { min: field.min } }];
  if (field.max !== undefined && value > field.max)
    return [{ code: 'too_large', params: { max: field.max } }];
  return [];
}

/** Checks one filled-in part of an address or bank account. */
type PartRule = (value: string, part: AnswerPart) => Issue[];
/** A part, its rule, and whether it may be left empty. */
type Part = [part: AnswerPart, rule: PartRule, optional?: boolean];

const textPart =
  (max: number): PartRule =>
  (value, part) =>
    textIssues(value, undefined, max, part);
const validPart =
  (isValid: (value: string) => boolean, code: IssueCode): PartRule =>
  (value, part) =>
    isValid(value) ? [] : [{ code, params: { part } }];

/** Problems with the parts of a composite answer, in the order its boxes are shown. */
function partIssues(answer: object, parts: Part[]): Issue[] {
  return parts.flatMap(([part, rule, optional]) => {
    const value = (answer as Record<string, string | undefined>)[part];
    if (value) return rule(value, part);
    return optional ? [] : [{ code: 'required', params: { part } }];
  });
}

/** Problems with an address (postcode before town where it is written so). */
function addressIssues(address: AddressAnswer): Issue[] {
  const country = address.country;
  const town: Part = ['town', textPart(MAX_PART_LENGTH)];
  const postcode: Part = isPostcodeCountry(country)
    ? [
        'postcode',
        validPart((value) => isValidPostcode(country, value), 'invalid_postcode'),
        !isPostcodeRequired(country),
      ]
    : ['postcode', textPart(20), true];
  return partIssues(address, [
    ['line1', textPart(MAX_PART_LENGTH)],
    ['line2', textPart(MAX_PART_LENGTH), true],
    ...(postcodeFirst(country) ? [postcode, town] : [town, postcode]),
    ['country', validPart(isCountryCode, 'invalid_choice')],
  ]);
}

function bankAccountIssues(account: UkBankAccountAnswer): Issue[] {
  return partIssues(account, [
    ['accountHolder', textPart(MAX_PART_LENGTH)],
    ['sortCode', validPart(isValidUkSortCode, 'invalid_sort_code')],
    ['accountNumber', validPart(isValidUkAccountNumber, 'invalid_account_number')],
  ]);
}

function isRecord(value: AnswerValue): value is AddressAnswer | UkBankAccountAnswer {
  return typeof value === 'object' && !Array.isArray(value);
}

function presentIssues(
  field: FieldDefinition,
  value: AnswerValue,
  context: AnswerContext,
): Issue[] {
  const invalid = (ok: boolean, code: IssueCode): Issue[] => (ok ? [] : [{ code }]);
  const asText = typeof value === 'string' ? value : undefined;
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'tel': {
      if (asText === undefined) return [{ code: 'required' }];
      const limits = textIssues(
        asText,
        field.minLength,
        field.maxLength ?? DEFAULT_MAX_LENGTH[field.type],
      );
      if (limits.length > 0) return limits;
      if (field.type === 'email') return invalid(EMAIL.test(asText), 'invalid_email');
      if (field.type === 'tel') {
        return invalid(/^\+?\d{5,15}$/.test(asText.replace(TEL_SEPARATORS, '')), 'invalid_tel');
      }
      return [];
    }
    case 'number':
      return numberIssues(value, field);
    case 'date':
      return asText === undefined ? [{ code: 'invalid_date' }] : dateIssues(asText, context);
    case 'choice':
      return invalid(
        field.options.some((option) => option.value === value),
        'invalid_choice',
      );
    case 'multi-choice':
      return invalid(
        Array.isArray(value) &&
          value.every((v) => field.options.some((option) => option.value === v)),
        'invalid_choice',
      );
    case 'checkbox':
    case 'consent':
      return [];
    case 'postal-code':
      return invalid(isValidPostcode(field.country, value), 'invalid_postcode');
    case 'national-id':
      switch (field.country) {
        case 'SE':
          return invalid(
            isValidSwedishPersonnummer(value, { now: context.today }),
            'invalid_personnummer',
          );
        case 'NO':
          return invalid(
            isValidNorwegianFodselsnummer(value, { now: context.today }),
            'invalid_fodselsnummer',
          );
        default:
          return invalid(isValidUkNino(value), 'invalid_nino');
      }
    case 'iban':
      return invalid(isValidIban(value), 'invalid_iban');
    case 'address':
      return isRecord(value) && 'line1' in value ? addressIssues(value) : [{ code: 'required' }];
    case 'uk-bank-account':
      return isRecord(value) && 'sortCode' in value
        ? bankAccountIssues(value)
        : [{ code: 'required' }];
  }
}

/**
 * The rules for one normalised answer (`undefined` when not answered): the same code decides in
 * the browser and on the server. Returns no issue for an absent optional answer.
 */
export function validateAnswer(
  field: FieldDefinition,
  value: AnswerValue | undefined,
  context: AnswerContext,
): FieldIssue[] {
  let issues: Issue[];
  if (value === undefined) {
    if (!field.required) issues = [];
    else if (field.type === 'consent') issues = [{ code: 'consent_required' }];
    else if (field.type === 'checkbox') issues = [{ code: 'required', params: { kind: 'tick' } }];
    else if (field.type === 'choice' || field.type === 'multi-choice') {
      issues = [{ code: 'required', params: { kind: 'select' } }];
    } else issues = [{ code: 'required' }];
  } else {
    issues = presentIssues(field, value, context);
  }
  return issues.map((issue) => ({ field: field.id, ...issue }));
}
