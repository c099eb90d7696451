import type {
  FieldDefinition,
  FieldIssue,
  Locale,
  LocalizedText,
  Translation,
} from '@union-join/sdk';

/** Everything a field's render function needs; built by the element for each visible field. */
export interface FieldContext<F extends FieldDefinition = FieldDefinition> {
  /** The field as the definition declares it. */
  readonly field: F;
  /** Prefix of every DOM id this field renders (`uj-{fieldId}`); the first control uses it as is. */
  readonly id: string;
  /** The language the form is shown in. */
  readonly locale: Locale;
  /** UI texts of that language. */
  readonly t: Translation;
  /** Resolves a definition text in the form's language. */
  readonly text: (value: LocalizedText) => string;
  /** The field's label, resolved. */
  readonly label: string;
  /** The field's hint, resolved, if it has one. */
  readonly hint: string | undefined;
  /** The message to show on the field (after Continue), if it has a problem. */
  readonly error: string | undefined;
  /** The issue behind `error`; its `params.part` tells composite fields which box to mark. */
  readonly issue: FieldIssue | undefined;
  /** The value to show: what the applicant typed, or the stored answer in typed form. */
  readonly value: unknown;
  /** Where the organisation's privacy notice is. */
  readonly privacyNoticeUrl: string;
  /** Whether this field holds the birth date the eligibility rule reads (autocomplete bday-*). */
  readonly isBirthDate: boolean;
  /** Stores a new raw value; the sdk engine normalises and later validates it. */
  readonly set: (value: unknown) => void;
}
