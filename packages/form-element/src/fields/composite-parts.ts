import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldContext } from './field-context.ts';
import { optionalText, valueOf } from './field-parts.ts';

/** One labelled box of a composite field (address line, sort code...). */
export interface PartSpec<K extends string> {
  key: K;
  label: string;
  optional?: boolean;
  autocomplete?: string;
  inputmode?: 'text' | 'numeric';
  width?: string;
  spellcheck?: 'false';
  hint?: string;
}

/** DOM id of one part; the first part uses the field id, so links to the field land on it. */
export function partId(ctx: FieldContext, key: string, first: boolean): string {
  return first ? ctx.id : `${ctx.id}-${key}`;
}

/** Reads a record of strings from a stored value, one per part key (missing parts are ""). */
export function readParts<K extends string>(value: unknown, keys: readonly K[]): Record<K, string> {
  const source =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const result = {} as Record<K, string>;
  for (const key of keys) {
    const part = source[key];
    result[key] = typeof part === 'string' ? part : '';
  }
  return result;
}

/**
 * Which parts to mark invalid: the part the engine's issue names (`params.part`), otherwise the
 * empty required parts, otherwise all. Only decides what to highlight; the engine finds the issue.
 */
export function invalidParts<K extends string>(
  ctx: FieldContext,
  parts: Record<K, string>,
  specs: readonly PartSpec<K>[],
): Set<K> {
  if (!ctx.error) return new Set();
  const named = ctx.issue?.params?.part;
  const spec = specs.find((s) => s.key === named);
  if (spec) return new Set([spec.key]);
  const empty = specs.filter((s) => !s.optional && parts[s.key].trim() === '').map((s) => s.key);
  return new Set(empty.length > 0 ? empty : specs.map((s) => s.key));
}

/** One part's label and text box. */
export function renderPart<K extends string>(
  ctx: FieldContext,
  spec: PartSpec<K>,
  value: string,
  first: boolean,
  invalid: boolean,
  onInput: (key: K, value: string) => void,
): TemplateResult {
  const id = partId(ctx, spec.key, first);
  const hintId = `${ctx.id}-${spec.key}-hint`;
  return html`<div class="part">
    <label part="label" for=${id}
      >${spec.label}${
        spec.optional ? html`<span class="optional">${optionalText(ctx)}</span>` : nothing
      }</label
    >
    ${spec.hint ? html`<span class="hint" id=${hintId}>${spec.hint}</span>` : nothing}
    <input
      part="input"
      class=${spec.width ?? nothing}
      id=${id}
      name=${`${ctx.field.id}-${spec.key}`}
      type="text"
      inputmode=${spec.inputmode ?? nothing}
      autocomplete=${spec.autocomplete ?? nothing}
      spellcheck=${spec.spellcheck ?? nothing}
      ?required=${ctx.field.required === true && spec.optional !== true}
      aria-invalid=${invalid ? 'true' : nothing}
      aria-describedby=${spec.hint ? hintId : nothing}
      .value=${live(value)}
      @input=${(event: Event) => onInput(spec.key, valueOf(event))}
    />
  </div>`;
}
