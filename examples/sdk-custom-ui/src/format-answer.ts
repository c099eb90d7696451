import type { AnswerValue, FieldDefinition, LocalizedText, Translation } from '@union-join/sdk';

/** An answer as the "Check your answers" list shows it: option labels, not their stored values. */
export function formatAnswer(
  field: FieldDefinition,
  value: AnswerValue | undefined,
  t: Translation,
  text: (value: LocalizedText) => string,
): string {
  if (value === undefined) return t.notProvided;
  if (field.type === 'choice' || field.type === 'multi-choice') {
    const chosen = Array.isArray(value) ? value : [String(value)];
    return chosen
      .map((v) => field.options.find((option) => option.value === v))
      .map((option) => (option ? text(option.label) : ''))
      .join(', ');
  }
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (typeof value === 'object' && !Array.isArray(value)) {
    return Object.values(value).filter(Boolean).join(', ');
  }
  return String(value);
}
