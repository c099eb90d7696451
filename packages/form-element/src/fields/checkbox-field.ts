import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldDefinition } from '@union-join/sdk';
import type { FieldContext } from './field-context.ts';
import { describedBy, errorTemplate, fieldWrapper, hintTemplate } from './field-parts.ts';

/** A checkbox or consent field: one tick box. */
export type TickField = Extract<FieldDefinition, { type: 'checkbox' | 'consent' }>;

/**
 * One tick box. A consent is never pre-ticked whatever the stored value says before the applicant
 * touches it, shows its label exactly as the engine hashes it, and links to the privacy notice.
 */
export function renderCheckboxField(ctx: FieldContext<TickField>): TemplateResult {
  const checked = ctx.value === true;
  const isConsent = ctx.field.type === 'consent';
  const privacyId = `${ctx.id}-privacy`;
  const extra = isConsent ? [privacyId] : [];
  return fieldWrapper(
    ctx,
    html`${errorTemplate(ctx)}
      <label class="option" for=${ctx.id}>
        <input
          type="checkbox"
          id=${ctx.id}
          name=${ctx.field.id}
          .checked=${live(checked)}
          ?required=${ctx.field.required === true}
          aria-invalid=${ctx.error ? 'true' : nothing}
          aria-describedby=${describedBy(ctx, ...extra)}
          @change=${(event: Event) => ctx.set((event.target as HTMLInputElement).checked)}
        />
        <span part="label">${ctx.label}</span>
        ${hintTemplate(ctx, true)}
      </label>
      ${
        isConsent
          ? html`<p class="consent-text" id=${privacyId}>
              <a href=${ctx.privacyNoticeUrl} target="_blank" rel="noopener"
                >${ctx.t.privacyNotice}<span class="visually-hidden">
                  ${ctx.t.opensInNewTab}</span
                ></a
              >
            </p>`
          : nothing
      }`,
  );
}
