import type { FieldDefinition } from '@union-join/sdk';
import { toDateParts } from '../fields/date-field.ts';

/**
 * The raw value the engine's `set()` takes for what a control holds. Only the date differs: its
 * three boxes become `YYYY-M-D` as typed (empty boxes stay empty), which the engine pads and checks.
 */
export function toEngineValue(field: FieldDefinition, value: unknown): unknown {
  if (field.type !== 'date') return value;
  const { year, month, day } = toDateParts(value);
  const parts = [year, month, day].map((part) => part.trim());
  return parts.every((part) => part === '') ? '' : parts.join('-');
}
