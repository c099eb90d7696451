import type { FieldDefinition } from '../definition/field-definition.ts';
import type { FormDefinition } from '../definition/form-definition.ts';
import type { Answers, AnswerValue } from '../application/application.ts';
import { SENSITIVE_FIELD_TYPES } from '../definition/field-definition.ts';
import { parseIsoDate } from '../validators/iso-date.ts';
import { isRecord } from './is-record.ts';

/** Whether a field's answer may be written to a draft (bank details and national ids only with `persist: true`). */
export function isPersistable(field: FieldDefinition): boolean {
  return (
    !(SENSITIVE_FIELD_TYPES as readonly string[]).includes(field.type) || field.persist === true
  );
}

/** Options of {@link fitAnswers}. */
export interface FitAnswersOptions {
  /** Keep consent answers; false for a draft of another form version, whose consent texts may differ. */
  consents?: boolean;
  /**
   * The field types the answers were given for, by field id: an answer is kept only if its field
   * still has that type. Leave out when the answers come from the current form.
   */
  types?: Readonly<Record<string, unknown>>;
}

// Generous bounds: they only keep a hostile or corrupt draft from flooding the form.
const MAX_TEXT_LENGTH = 10_000;
const MAX_PART_LENGTH = 500;
const MAX_LIST_LENGTH = 1_000;
const ADDRESS_PARTS = ['line1', 'line2', 'town', 'postcode', 'country'] as const;
const BANK_PARTS = ['accountHolder', 'sortCode', 'accountNumber'] as const;
// Digits with at least one part missing, e.g. `-12-10` (no year): `YYYY-MM-DD` as typed so far.
const PARTIAL_DATE = /^(?=.*\d)(?=-|.*--|.*-$)\d{0,4}-\d{0,2}-\d{0,2}$/;

/**
 * The answers from `raw` that fit `definition`: only fields that exist (with the same type, given
 * `types`), with values of the right shape for that type (choices still offered, real or
 * half-typed dates, bounded lengths), without national-id, iban and uk-bank-account answers unless the field sets `persist: true`.
 * Never throws; anything unexpected is left out.
 * @example
 * fitAnswers(definition, { givenName: 'Ada', iban: 'GB82WEST12345698765432', removedField: 1 });
 * // { givenName: 'Ada' }
 */
export function fitAnswers(
  definition: FormDefinition,
  raw: unknown,
  options: FitAnswersOptions = {},
): Answers {
  const answers: Answers = {};
  if (!isRecord(raw)) return answers;
  for (const step of definition.steps) {
    for (const field of step.fields) {
      // Only the definition's own ids are read, so `__proto__` and friends in a draft are never copied.
      if (!isSafeKey(field.id) || !Object.hasOwn(raw, field.id) || !isPersistable(field)) continue;
      if (field.type === 'consent' && options.consents === false) continue;
      if (
        options.types &&
        !(Object.hasOwn(options.types, field.id) && options.types[field.id] === field.type)
      ) {
        continue;
      }
      try {
        const value = fitValue(field, raw[field.id]);
        if (value !== undefined) answers[field.id] = value;
      } catch {
        // A value that cannot even be read (a throwing getter) is simply not restored.
      }
    }
  }
  return answers;
}

function fitValue(field: FieldDefinition, value: unknown): AnswerValue | undefined {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'tel':
    case 'postal-code':
    case 'national-id':
    case 'iban':
      return boundedString(value, MAX_TEXT_LENGTH);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'date':
      // A whole real date, or one still being typed (day and month, no year yet), as the engine
      // keeps it: the applicant finds the boxes as they left them.
      return typeof value === 'string' && (parseIsoDate(value) || PARTIAL_DATE.test(value))
        ? value
        : undefined;
    case 'checkbox':
    case 'consent':
      return typeof value === 'boolean' ? value : undefined;
    case 'choice':
      return typeof value === 'string' && field.options.some((option) => option.value === value)
        ? value
        : undefined;
    case 'multi-choice': {
      if (!Array.isArray(value) || value.length > MAX_LIST_LENGTH) return undefined;
      const offered = new Set(field.options.map((option) => option.value));
      const chosen = [...new Set(value)].filter(
        (item): item is string => typeof item === 'string' && offered.has(item),
      );
      return chosen.length > 0 ? chosen : undefined;
    }
    case 'address':
      return pickParts(value, ADDRESS_PARTS) as AnswerValue | undefined;
    case 'uk-bank-account':
      return pickParts(value, BANK_PARTS) as AnswerValue | undefined;
    default:
      return undefined;
  }
}

function boundedString(value: unknown, maxLength: number): string | undefined {
  return typeof value === 'string' && value.length <= maxLength ? value : undefined;
}

function pickParts(value: unknown, parts: readonly string[]): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const picked: Record<string, string> = {};
  for (const part of parts) {
    if (!Object.hasOwn(value, part)) continue;
    const text = boundedString(value[part], MAX_PART_LENGTH);
    if (text !== undefined) picked[part] = text;
  }
  return Object.keys(picked).length > 0 ? picked : undefined;
}

function isSafeKey(key: string): boolean {
  return key !== '__proto__';
}
