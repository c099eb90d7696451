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

/** The field types shown as one single-line input. */
export type TextLikeField = Extract<
  FieldDefinition,
  { type: 'text' | 'email' | 'tel' | 'number' | 'postal-code' | 'national-id' | 'iban' }
>;

/** The attributes that give each type the right keyboard, autofill and spelling behaviour. */
interface InputTraits {
  type: 'text' | 'email' | 'tel';
  inputmode?: 'text' | 'email' | 'tel' | 'numeric' | 'decimal';
  autocomplete?: string;
  spellcheck?: 'false';
  autocapitalize?: 'none' | 'characters';
  width?: string;
}

function traits(field: TextLikeField): InputTraits {
  switch (field.type) {
    case 'email':
      return { type: 'email', autocomplete: 'email', spellcheck: 'false', autocapitalize: 'none' };
    case 'tel':
      return { type: 'tel', autocomplete: 'tel', width: 'w-20' };
    case 'number':
      // GOV.UK: type=number rounds, scrolls and accepts "e"; a text input with a numeric keyboard does not.
      return {
        type: 'text',
        inputmode: field.integer ? 'numeric' : 'decimal',
        spellcheck: 'false',
        width: 'w-10',
      };
    case 'postal-code':
      return {
        type: 'text',
        autocomplete: 'postal-code',
        // Norwegian and Swedish postcodes are digits only.
        inputmode: field.country === 'NO' || field.country === 'SE' ? 'numeric' : 'text',
        autocapitalize: 'characters',
        spellcheck: 'false',
        width: 'w-10',
      };
    case 'national-id':
      return {
        type: 'text',
        inputmode: 'text',
        autocomplete: 'off',
        autocapitalize: 'characters',
        spellcheck: 'false',
        width: 'w-20',
      };
    case 'iban':
      return {
        type: 'text',
        inputmode: 'text',
        autocomplete: 'off',
        autocapitalize: 'characters',
        spellcheck: 'false',
      };
    default:
      return { type: 'text' };
  }
}

/** A text, email, tel, number, postal-code, national-id or iban field: one labelled input. */
export function renderTextField(ctx: FieldContext<TextLikeField>): TemplateResult {
  const t = traits(ctx.field);
  return fieldWrapper(
    ctx,
    html`<label part="label" for=${ctx.id}>${labelContent(ctx)}</label>
      ${hintTemplate(ctx)} ${errorTemplate(ctx)}
      <input
        part="input"
        class=${t.width ?? nothing}
        id=${ctx.id}
        name=${ctx.field.id}
        type=${t.type}
        inputmode=${t.inputmode ?? nothing}
        autocomplete=${ctx.field.autocomplete ?? t.autocomplete ?? nothing}
        spellcheck=${t.spellcheck ?? nothing}
        autocapitalize=${t.autocapitalize ?? nothing}
        ?required=${ctx.field.required === true}
        aria-invalid=${ctx.error ? 'true' : nothing}
        aria-describedby=${describedBy(ctx)}
        .value=${live(typeof ctx.value === 'string' ? ctx.value : '')}
        @input=${(event: Event) => ctx.set(valueOf(event))}
      />`,
  );
}
