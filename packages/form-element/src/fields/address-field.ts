import { html, nothing, type TemplateResult } from 'lit';
import { isPostcodeRequired, postcodeFirst, type FieldDefinition } from '@union-join/sdk';
import { countries } from '../internal/countries.ts';
import type { FieldContext } from './field-context.ts';
import { groupTemplate, valueOf } from './field-parts.ts';
import { invalidParts, partId, readParts, renderPart, type PartSpec } from './composite-parts.ts';

/** An address field. */
export type AddressField = Extract<FieldDefinition, { type: 'address' }>;

const KEYS = ['line1', 'line2', 'town', 'postcode', 'country'] as const;
type AddressPart = (typeof KEYS)[number];

/**
 * Address lines, town and postcode (in the order the chosen country writes them) and a country list
 * named in the form's language.
 */
export function renderAddressField(ctx: FieldContext<AddressField>): TemplateResult {
  const parts = readParts(ctx.value, KEYS);
  const country = parts.country || ctx.field.defaultCountry || '';
  const t = ctx.t;
  const specs: PartSpec<AddressPart>[] = [
    { key: 'line1', label: t.addressLine1, autocomplete: 'address-line1' },
    { key: 'line2', label: t.addressLine2, optional: true, autocomplete: 'address-line2' },
    { key: 'town', label: t.town, autocomplete: 'address-level2', width: 'w-20' },
    {
      key: 'postcode',
      label: t.postcode,
      optional: !isPostcodeRequired(country),
      autocomplete: 'postal-code',
      width: 'w-10',
      spellcheck: 'false',
    },
    { key: 'country', label: t.country },
  ];
  // The boxes follow the order the address is written in its country: "0150 Oslo".
  if (postcodeFirst(country)) specs.splice(2, 0, ...specs.splice(3, 1));
  const invalid = invalidParts(ctx, { ...parts, country }, specs);
  // The engine fills in the default country itself, and an address of only a country is no answer.
  const update = (key: AddressPart, value: string) => ctx.set({ ...parts, [key]: value });
  const countryId = partId(ctx, 'country', false);
  return groupTemplate(
    ctx,
    html`<div class="stack">
      ${specs
        .filter((spec) => spec.key !== 'country')
        .map((spec, index) =>
          renderPart(ctx, spec, parts[spec.key], index === 0, invalid.has(spec.key), update),
        )}
      <div class="part">
        <label part="label" for=${countryId}>${t.country}</label>
        <select
          part="input"
          class="w-20"
          id=${countryId}
          name=${`${ctx.field.id}-country`}
          autocomplete="country"
          aria-invalid=${invalid.has('country') ? 'true' : nothing}
          @change=${(event: Event) => update('country', valueOf(event))}
        >
          ${country ? nothing : html`<option value="" selected>${t.selectOption}</option>`}
          ${countries(ctx.locale).map(
            (c) => html`<option value=${c.code} ?selected=${c.code === country}>${c.name}</option>`,
          )}
        </select>
      </div>
    </div>`,
  );
}
