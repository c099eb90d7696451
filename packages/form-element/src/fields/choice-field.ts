import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldDefinition } from '@union-join/sdk';
import type { FieldContext } from './field-context.ts';
import type { MultiChoiceField } from './multi-choice-field.ts';
import {
  describedBy,
  errorTemplate,
  fieldWrapper,
  groupTemplate,
  hintTemplate,
  labelContent,
  valueOf,
} from './field-parts.ts';

/** A choice field (one of several options). */
export type ChoiceField = Extract<FieldDefinition, { type: 'choice' }>;

/** Up to this many options are radios, all visible at once; more become a select. */
export const MAX_RADIOS = 7;

/** DOM id of option `index`; the first option uses the field id, so links to the field land on it. */
export const optionId = (ctx: FieldContext, index: number): string =>
  index === 0 ? ctx.id : `${ctx.id}-${index}`;

/**
 * The options of a choice (radios) or multi-choice (checkboxes) as one group: each a 44 px label
 * with its own hint, wired to the field's error.
 */
export function renderOptionGroup(
  ctx: FieldContext<ChoiceField | MultiChoiceField>,
  kind: 'radio' | 'checkbox',
  isChecked: (value: string) => boolean,
  onChange: (value: string, event: Event) => void,
): TemplateResult {
  return groupTemplate(
    ctx,
    html`<div class="options">
      ${ctx.field.options.map((option, index) => {
        const id = optionId(ctx, index);
        const hint = option.hint ? ctx.text(option.hint) : undefined;
        return html`<label class="option" for=${id}>
          <input
            type=${kind}
            id=${id}
            name=${ctx.field.id}
            .value=${option.value}
            .checked=${live(isChecked(option.value))}
            ?required=${kind === 'radio' && ctx.field.required === true}
            aria-describedby=${hint ? `${id}-hint` : nothing}
            aria-invalid=${ctx.error ? 'true' : nothing}
            @change=${(event: Event) => onChange(option.value, event)}
          />
          <span>${ctx.text(option.label)}</span>
          ${
            hint
              ? // Read as the option's description, not a second time in its name.
                html`<span class="hint" id=${`${id}-hint`} aria-hidden="true">${hint}</span>`
              : nothing
          }
        </label>`;
      })}
    </div>`,
  );
}

/** A choice: radios for a few options, a select for many. */
export function renderChoiceField(ctx: FieldContext<ChoiceField>): TemplateResult {
  const selected = typeof ctx.value === 'string' ? ctx.value : '';
  if (ctx.field.options.length > MAX_RADIOS) return renderSelect(ctx, selected);
  return renderOptionGroup(
    ctx,
    'radio',
    (value) => value === selected,
    (value) => ctx.set(value),
  );
}

function renderSelect(ctx: FieldContext<ChoiceField>, selected: string): TemplateResult {
  return fieldWrapper(
    ctx,
    html`<label part="label" for=${ctx.id}>${labelContent(ctx)}</label>
      ${hintTemplate(ctx)} ${errorTemplate(ctx)}
      <select
        part="input"
        id=${ctx.id}
        name=${ctx.field.id}
        autocomplete=${ctx.field.autocomplete ?? nothing}
        ?required=${ctx.field.required === true}
        aria-invalid=${ctx.error ? 'true' : nothing}
        aria-describedby=${describedBy(ctx)}
        @change=${(event: Event) => ctx.set(valueOf(event))}
      >
        <option value="" ?selected=${selected === ''}>${ctx.t.selectOption}</option>
        ${ctx.field.options.map(
          (option) =>
            html`<option value=${option.value} ?selected=${selected === option.value}>
              ${ctx.text(option.label)}
            </option>`,
        )}
      </select>`,
  );
}
