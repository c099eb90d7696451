import type { TemplateResult } from 'lit';
import type { FieldDefinition } from '@union-join/sdk';
import type { FieldContext } from './field-context.ts';
import { renderOptionGroup } from './choice-field.ts';

/** A multi-choice field (any number of options). */
export type MultiChoiceField = Extract<FieldDefinition, { type: 'multi-choice' }>;

/** Checkboxes, one per option; the answer is the list of ticked values in the definition's order. */
export function renderMultiChoiceField(ctx: FieldContext<MultiChoiceField>): TemplateResult {
  const ticked = new Set(Array.isArray(ctx.value) ? (ctx.value as unknown[]) : []);
  // Read every box from the DOM, not from the last render: two quick taps must both count.
  const update = (event: Event) => {
    const group = (event.target as HTMLElement).closest('.options');
    const boxes = group ? [...group.querySelectorAll<HTMLInputElement>('input')] : [];
    ctx.set(boxes.filter((box) => box.checked).map((box) => box.value));
  };
  return renderOptionGroup(
    ctx,
    'checkbox',
    (value) => ticked.has(value),
    (_value, event) => update(event),
  );
}
