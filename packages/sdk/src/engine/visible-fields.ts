import type { AnswerValue } from '../application/application.ts';
import type { FieldDefinition, ShowIf } from '../definition/field-definition.ts';
import type { FormDefinition } from '../definition/form-definition.ts';

/** Reads the normalised answer of a field, or `undefined` when there is none. */
export type AnswerLookup = (fieldId: string) => AnswerValue | undefined;

function matches(answer: AnswerValue | undefined, expected: string | number | boolean): boolean {
  if (Array.isArray(answer)) return answer.some((value) => value === expected);
  // A checkbox left unticked has no answer, but it does say "false".
  if (answer === undefined) return expected === false;
  return answer === expected;
}

function conditionHolds(showIf: ShowIf, answer: AnswerValue | undefined): boolean {
  if (showIf.notEmpty) return answer !== undefined;
  if (showIf.in) return showIf.in.some((value) => matches(answer, value));
  if (showIf.equals !== undefined) return matches(answer, showIf.equals);
  return true;
}

/** Every field of the form in the order it is asked. */
export function allFields(definition: FormDefinition): FieldDefinition[] {
  return definition.steps.flatMap((step) => step.fields);
}

/**
 * The ids of the fields the applicant is asked, given the answers so far: a field with `showIf`
 * is asked when the field it depends on is itself asked and its answer matches. A definition only
 * lets a field depend on an earlier one, so one pass in form order settles every field.
 */
export function visibleFieldIds(definition: FormDefinition, answer: AnswerLookup): Set<string> {
  const visible = new Set<string>();
  for (const field of allFields(definition)) {
    const showIf = field.showIf;
    if (!showIf || (visible.has(showIf.field) && conditionHolds(showIf, answer(showIf.field)))) {
      visible.add(field.id);
    }
  }
  return visible;
}
