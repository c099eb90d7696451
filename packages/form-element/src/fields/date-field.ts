import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldDefinition } from '@union-join/sdk';
import type { FieldContext } from './field-context.ts';
import { groupTemplate, valueOf } from './field-parts.ts';

/** A date field. */
export type DateField = Extract<FieldDefinition, { type: 'date' }>;

/** What the applicant typed into the three boxes, kept as typed until the engine checks it. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

type Part = keyof DateParts;

/** The boxes in the order people write dates: year first in Swedish (ISO 8601), day first otherwise. */
function partOrder(locale: string): Part[] {
  return locale === 'sv' ? ['year', 'month', 'day'] : ['day', 'month', 'year'];
}

/** DOM id of one box; the first box uses the field id, so links to the field land on it. */
export function datePartId(ctx: FieldContext, part: Part): string {
  return partOrder(ctx.locale)[0] === part ? ctx.id : `${ctx.id}-${part}`;
}

/** Reads date parts from a stored value: a `YYYY-MM-DD` answer or parts typed earlier. */
export function toDateParts(value: unknown): DateParts {
  if (typeof value === 'string') {
    // Also a date still being typed, as a draft keeps it: `-12-10` has no year yet.
    const match = /^(\d*)-(\d*)-(\d*)$/.exec(value);
    const digits = (part = '') => part && String(Number(part));
    if (match) return { year: match[1]!, month: digits(match[2]), day: digits(match[3]) };
  }
  if (typeof value === 'object' && value !== null) {
    const parts = value as Partial<Record<Part, unknown>>;
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    return { day: str(parts.day), month: str(parts.month), year: str(parts.year) };
  }
  return { day: '', month: '', year: '' };
}

/**
 * A whole date pasted or autofilled into one box, spread over the three: "15.10.1986" or
 * "15/10/1986" (day first, as in the UK and Norway) or "1986-10-15" (year first, as in Sweden).
 */
function wholeDate(value: string): DateParts | undefined {
  const yearFirst = /^\s*(\p{Nd}{4})\s*[-./\s]\s*(\p{Nd}{1,2})\s*[-./\s]\s*(\p{Nd}{1,2})\s*$/u.exec(
    value,
  );
  if (yearFirst) return { year: yearFirst[1]!, month: yearFirst[2]!, day: yearFirst[3]! };
  const dayFirst = /^\s*(\p{Nd}{1,2})\s*[-./\s]\s*(\p{Nd}{1,2})\s*[-./\s]\s*(\p{Nd}{4})\s*$/u.exec(
    value,
  );
  return dayFirst ? { day: dayFirst[1]!, month: dayFirst[2]!, year: dayFirst[3]! } : undefined;
}

/**
 * Three text boxes (day, month, year) with a numeric keyboard, after GOV.UK's date input: quicker
 * than a date picker for a birth date decades ago, and read consistently by screen readers.
 */
export function renderDateField(ctx: FieldContext<DateField>): TemplateResult {
  const parts = toDateParts(ctx.value);
  const bday = ctx.isBirthDate || ctx.field.autocomplete === 'bday';
  const labels: Record<Part, string> = { day: ctx.t.day, month: ctx.t.month, year: ctx.t.year };
  // Spread only what arrives at once (a paste, autofill): a date typed key by key stays in its box.
  const update = (part: Part, event: Event) => {
    const value = valueOf(event);
    const whole = (event as InputEvent).inputType === 'insertText' ? undefined : wholeDate(value);
    ctx.set(whole ?? { ...parts, [part]: value });
  };
  // The engine names the wrong box when it can (a month of 13); otherwise all three are marked.
  const named = ctx.issue?.params?.part;
  const isInvalid = (part: Part) =>
    ctx.error !== undefined && (named === undefined || !(named in parts) || named === part);
  return groupTemplate(
    ctx,
    html`<div class="parts">
      ${partOrder(ctx.locale).map((part) => {
        const id = datePartId(ctx, part);
        return html`<div>
          <label part="label" for=${id}>${labels[part]}</label>
          <input
            part="input"
            class=${part === 'year' ? 'w-4' : 'w-2'}
            id=${id}
            name=${`${ctx.field.id}-${part}`}
            type="text"
            inputmode="numeric"
            spellcheck="false"
            autocomplete=${bday ? `bday-${part}` : nothing}
            ?required=${ctx.field.required === true}
            aria-invalid=${isInvalid(part) ? 'true' : nothing}
            .value=${live(parts[part])}
            @input=${(event: Event) => update(part, event)}
          />
        </div>`;
      })}
    </div>`,
  );
}
