import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldDefinition } from '@union-join/sdk';
import type { FieldContext } from './field-context.ts';
import { groupTemplate } from './field-parts.ts';
import { optionId } from './choice-field.ts';

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
  return groupTemplate(
    ctx,
    html`<div class="options">
      ${ctx.field.options.map((option, index) => {
        const id = optionId(ctx, index);
        const hint = option.hint ? ctx.text(option.hint) : undefined;
        return html`<label class="option" for=${id}>
          <input
            type="checkbox"
            id=${id}
            name=${ctx.field.id}
            .value=${option.value}
            .checked=${live(ticked.has(option.value))}
            aria-describedby=${hint ? `${id}-hint` : nothing}
            aria-invalid=${ctx.error ? 'true' : nothing}
            @change=${update}
          />
          <span>${ctx.text(option.label)}</span>
          ${hint ? html`<span class="hint" id=${`${id}-hint`}>${hint}</span>` : nothing}
        </label>`;
      })}
    </div>`,
  );
}
