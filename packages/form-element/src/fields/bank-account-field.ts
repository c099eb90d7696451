import { html, type TemplateResult } from 'lit';
import type { FieldDefinition } from '@union-join/sdk';
import type { FieldContext } from './field-context.ts';
import { groupTemplate } from './field-parts.ts';
import { invalidParts, readParts, renderPart, type PartSpec } from './composite-parts.ts';

/** A UK bank account field. */
export type BankAccountField = Extract<FieldDefinition, { type: 'uk-bank-account' }>;

const KEYS = ['accountHolder', 'sortCode', 'accountNumber'] as const;
type BankPart = (typeof KEYS)[number];

/** Name on the account, sort code and account number, with a numeric keyboard for the numbers. */
export function renderBankAccountField(ctx: FieldContext<BankAccountField>): TemplateResult {
  const parts = readParts(ctx.value, KEYS);
  const t = ctx.t;
  const specs: PartSpec<BankPart>[] = [
    { key: 'accountHolder', label: t.accountHolder, autocomplete: 'name', spellcheck: 'false' },
    {
      key: 'sortCode',
      label: t.sortCode,
      hint: t.sortCodeHint,
      inputmode: 'numeric',
      autocomplete: 'off',
      width: 'w-6',
      spellcheck: 'false',
    },
    {
      key: 'accountNumber',
      label: t.accountNumber,
      hint: t.accountNumberHint,
      inputmode: 'numeric',
      autocomplete: 'off',
      width: 'w-10',
      spellcheck: 'false',
    },
  ];
  const invalid = invalidParts(ctx, parts, specs);
  const update = (key: BankPart, value: string) => ctx.set({ ...parts, [key]: value });
  return groupTemplate(
    ctx,
    html`<div class="stack">
      ${specs.map((spec, index) =>
        renderPart(ctx, spec, parts[spec.key], index === 0, invalid.has(spec.key), update),
      )}
    </div>`,
  );
}
