import type { AnswerValue } from '../application/application.ts';
import type { FieldDefinition } from '../definition/field-definition.ts';
import type { FormDefinition } from '../definition/form-definition.ts';
import { MIN_MINIMUM_AGE } from '../definition/form-definition.ts';
import {
  ageOn,
  birthDateOfNationalId,
  carriesBirthDate,
  parseIsoDate,
} from '../validators/index.ts';
import { allFields } from './visible-fields.ts';

/** Whether the applicant may join online, and if not, why. */
export type Eligibility =
  | { eligible: true }
  | { eligible: false; reason: 'under_13' | 'under_minimum_age'; minimumAge: number };

/** A date of birth and the field whose answer gave it. */
export interface BirthDateAnswer {
  field: FieldDefinition;
  /** `YYYY-MM-DD`. */
  birthDate: string;
}

/**
 * The field named as the applicant's date of birth: `eligibility.birthDateField` (a date field,
 * or a Swedish or Norwegian national-id field), or else the first date field with
 * `autocomplete: "bday"`. The age rule reads it and every other field of
 * {@link ageFieldsOf}; a form with none of them cannot check age.
 */
export function birthDateFieldOf(definition: FormDefinition): FieldDefinition | undefined {
  const fields = allFields(definition);
  const named = definition.eligibility?.birthDateField;
  if (named !== undefined) return fields.find((field) => field.id === named);
  return fields.find((field) => field.type === 'date' && field.autocomplete === 'bday');
}

/**
 * Every field the age rule reads: the birth-date field of {@link birthDateFieldOf} and every
 * national-id field of a country whose numbers carry the date of birth (SE, NO).
 */
export function ageFieldsOf(definition: FormDefinition): FieldDefinition[] {
  const birthDateField = birthDateFieldOf(definition);
  return allFields(definition).filter(
    (field) =>
      field === birthDateField || (field.type === 'national-id' && carriesBirthDate(field.country)),
  );
}

/** The date of birth an answer gives (`YYYY-MM-DD`): a real date, or a valid SE or NO id's. */
function birthDateOf(
  field: FieldDefinition,
  value: AnswerValue | undefined,
  today: Date,
): string | undefined {
  if (field.type === 'date') return parseIsoDate(value) && (value as string);
  if (field.type === 'national-id')
    return birthDateOfNationalId(field.country, value, { now: today });
  return undefined;
}

/**
 * The latest date of birth `today` among the answers to `fields` (`answerOf` gives `undefined`
 * for a field not asked), or `undefined` when none gives one. A birth date after `today`, or an
 * answer that is not valid, counts for nothing: validation reports it.
 */
export function youngestBirthDate(
  fields: readonly FieldDefinition[],
  answerOf: (fieldId: string) => AnswerValue | undefined,
  today: Date,
): BirthDateAnswer | undefined {
  let youngest: BirthDateAnswer | undefined;
  for (const field of fields) {
    const birthDate = birthDateOf(field, answerOf(field.id), today);
    if (birthDate === undefined || Number.isNaN(ageOn(birthDate, today))) continue;
    if (!youngest || birthDate > youngest.birthDate) youngest = { field, birthDate };
  }
  return youngest;
}

/**
 * Whether someone born on `birthDate` may join online `today`. No date of birth yet, or one that
 * is not a real date, is not a reason to turn anyone away: validation deals with that.
 */
export function checkEligibility(
  definition: FormDefinition,
  birthDate: AnswerValue | undefined,
  today: Date,
): Eligibility {
  const minimumAge = definition.eligibility?.minimumAge ?? MIN_MINIMUM_AGE;
  if (typeof birthDate !== 'string') return { eligible: true };
  const age = ageOn(birthDate, today);
  if (Number.isNaN(age)) return { eligible: true };
  if (age < MIN_MINIMUM_AGE) return { eligible: false, reason: 'under_13', minimumAge };
  if (age < minimumAge) return { eligible: false, reason: 'under_minimum_age', minimumAge };
  return { eligible: true };
}
