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
 * Three text boxes (day, month, year) with a numeric keyboard, after GOV.UK's date input: quicker
 * than a date picker for a birth date decades ago, and read consistently by screen readers.
 */
export function renderDateField(ctx: FieldContext<DateField>): TemplateResult {
  const parts = toDateParts(ctx.value);
  const bday = ctx.isBirthDate || ctx.field.autocomplete === 'bday';
  const labels: Record<Part, string> = { day: ctx.t.day, month: ctx.t.month, year: ctx.t.year };
  const update = (part: Part, value: string) => ctx.set({ ...parts, [part]: value });
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
            aria-invalid=${isInvalid(part) ? 'true' : nothing}
            .value=${live(parts[part])}
            @input=${(event: Event) => update(part, valueOf(event))}
          />
        </div>`;
      })}
    </div>`,
  );
}
