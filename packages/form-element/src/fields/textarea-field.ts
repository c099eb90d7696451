import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldDefinition } from '@union-join/sdk';
import type { FieldContext } from './field-context.ts';
import {
  describedBy,
  errorTemplate,
  fieldWrapper,
  hintTemplate,
  labelContent,
  valueOf,
} from './field-parts.ts';

/** A textarea field. */
export type TextareaField = Extract<FieldDefinition, { type: 'textarea' }>;

/** A multi-line answer. No `maxlength`: a silently truncated answer is worse than an error message. */
export function renderTextareaField(ctx: FieldContext<TextareaField>): TemplateResult {
  return fieldWrapper(
    ctx,
    html`<label part="label" for=${ctx.id}>${labelContent(ctx)}</label>
      ${hintTemplate(ctx)} ${errorTemplate(ctx)}
      <textarea
        part="input"
        id=${ctx.id}
        name=${ctx.field.id}
        rows="5"
        autocomplete=${ctx.field.autocomplete ?? nothing}
        ?required=${ctx.field.required === true}
        aria-invalid=${ctx.error ? 'true' : nothing}
        aria-describedby=${describedBy(ctx)}
        .value=${live(typeof ctx.value === 'string' ? ctx.value : '')}
        @input=${(event: Event) => ctx.set(valueOf(event))}
      ></textarea>`,
  );
}
