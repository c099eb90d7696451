import type { AnswerValue } from '../application/application.ts';
import type { FieldDefinition } from '../definition/field-definition.ts';
import type { FormDefinition } from '../definition/form-definition.ts';
import { MIN_MINIMUM_AGE } from '../definition/form-definition.ts';
import { ageOn } from '../validators/index.ts';
import { allFields } from './visible-fields.ts';

/** Whether the applicant may join online, and if not, why. */
export type Eligibility =
  | { eligible: true }
  | { eligible: false; reason: 'under_13' | 'under_minimum_age'; minimumAge: number };

/**
 * The field holding the applicant's date of birth: `eligibility.birthDateField`, or else the
 * first date field with `autocomplete: "bday"`, so the age-13 floor holds on every form.
 */
export function birthDateFieldOf(definition: FormDefinition): FieldDefinition | undefined {
  const fields = allFields(definition);
  const named = definition.eligibility?.birthDateField;
  if (named !== undefined) return fields.find((field) => field.id === named);
  return fields.find((field) => field.type === 'date' && field.autocomplete === 'bday');
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
