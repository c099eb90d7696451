import { html, nothing, type TemplateResult } from 'lit';
import type { FieldContext } from './field-context.ts';

/** DOM id of a field's hint. */
export const hintId = (ctx: FieldContext): string => `${ctx.id}-hint`;

/** DOM id of a field's inline error message. */
export const errorId = (ctx: FieldContext): string => `${ctx.id}-error`;

/** The `aria-describedby` value of a field's control: its hint and its error, when shown. */
export function describedBy(ctx: FieldContext, ...extra: string[]): string | typeof nothing {
  const ids = [...extra];
  if (ctx.hint) ids.push(hintId(ctx));
  if (ctx.error) ids.push(errorId(ctx));
  return ids.length > 0 ? ids.join(' ') : nothing;
}

/** Whether the field is marked "(optional)": every field that is not required, except tick boxes. */
export function isOptional(ctx: FieldContext): boolean {
  const { field } = ctx;
  return field.required !== true && field.type !== 'checkbox' && field.type !== 'consent';
}

/**
 * " (optional)", its space in the same text node: Chromium leaves a text node of only a space out
 * of the accessible name, which then read "Mobile number(optional)".
 */
export const optionalText = (ctx: FieldContext): string => ` ${ctx.t.optional}`;

/** The label text with its "(optional)" marker. */
export function labelContent(ctx: FieldContext): TemplateResult {
  return html`${ctx.label}${
    isOptional(ctx) ? html`<span class="optional">${optionalText(ctx)}</span>` : nothing
  }`;
}

/** The field's hint, if any. */
export function hintTemplate(ctx: FieldContext, inLabel = false): TemplateResult | typeof nothing {
  // Inside a checkbox's label the hint would be read twice, in the name and as the description:
  // it is left out of the name.
  return ctx.hint
    ? html`<span class="hint" id=${hintId(ctx)} aria-hidden=${inLabel ? 'true' : nothing}
        >${ctx.hint}</span
      >`
    : nothing;
}

/** The field's inline error, if any, prefixed for screen readers. */
export function errorTemplate(ctx: FieldContext): TemplateResult | typeof nothing {
  return ctx.error
    ? html`<p class="error-message" part="error" id=${errorId(ctx)}>
        <span class="visually-hidden">${ctx.t.errorPrefix}</span> ${ctx.error}
      </p>`
    : nothing;
}

/** The box around one field: spacing, and the red rule when it has a problem. */
export function fieldWrapper(ctx: FieldContext, content: TemplateResult): TemplateResult {
  return html`<div
    part="field"
    class=${ctx.error === undefined ? 'field' : 'field has-error'}
    data-field=${ctx.field.id}
  >
    ${content}
  </div>`;
}

/** A group of controls under one question (radios, checkboxes, date parts, address, bank). */
export function groupTemplate(
  ctx: FieldContext,
  controls: TemplateResult,
  legendClass = '',
): TemplateResult {
  return fieldWrapper(
    ctx,
    html`<fieldset aria-describedby=${describedBy(ctx)}>
      <legend part="label" class=${legendClass}>${labelContent(ctx)}</legend>
      ${hintTemplate(ctx)} ${errorTemplate(ctx)} ${controls}
    </fieldset>`,
  );
}

/** Reads the current string of an input, select or textarea from its event. */
export function valueOf(event: Event): string {
  return (event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
}
