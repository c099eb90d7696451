import type { TemplateResult } from 'lit';
import type { FieldDefinition } from '@union-join/sdk';
import type { FieldContext } from './field-context.ts';
import { renderAddressField } from './address-field.ts';
import { renderBankAccountField } from './bank-account-field.ts';
import { renderCheckboxField } from './checkbox-field.ts';
import { renderChoiceField } from './choice-field.ts';
import { renderDateField } from './date-field.ts';
import { renderMultiChoiceField } from './multi-choice-field.ts';
import { renderTextField } from './text-field.ts';
import { renderTextareaField } from './textarea-field.ts';

/** Renders one field with the control its type calls for. */
export function renderField(ctx: FieldContext): TemplateResult {
  const field: FieldDefinition = ctx.field;
  switch (field.type) {
    case 'textarea':
      return renderTextareaField({ ...ctx, field });
    case 'date':
      return renderDateField({ ...ctx, field });
    case 'choice':
      return renderChoiceField({ ...ctx, field });
    case 'multi-choice':
      return renderMultiChoiceField({ ...ctx, field });
    case 'checkbox':
    case 'consent':
      return renderCheckboxField({ ...ctx, field });
    case 'address':
      return renderAddressField({ ...ctx, field });
    case 'uk-bank-account':
      return renderBankAccountField({ ...ctx, field });
    default:
      return renderTextField({ ...ctx, field });
  }
}
