import { resolveText, type FieldDefinition, type FormSession, type Locale } from '@union-join/sdk';
import { h, type Child } from './h.ts';

/** What a field needs from the page around it. */
export interface FieldContext {
  session: FormSession;
  locale: Locale;
  /** Shown after the label of an optional field, e.g. "(optional)". */
  optionalWord: string;
  /** Texts for the parts of composite fields (address, bank account), by part name. */
  partLabels: Record<string, string>;
  /** The message to show under the field, if the last Continue found a problem with it. */
  error?: string;
}

type Part = { key: string; autocomplete?: string; inputmode?: string; width?: string };

const addressParts: Part[] = [
  { key: 'line1', autocomplete: 'address-line1' },
  { key: 'line2', autocomplete: 'address-line2' },
  { key: 'town', autocomplete: 'address-level2' },
  { key: 'postcode', autocomplete: 'postal-code', width: 'short' },
  { key: 'country', autocomplete: 'country', width: 'short' },
];

const bankParts: Part[] = [
  { key: 'accountHolder', autocomplete: 'cc-name' },
  { key: 'sortCode', inputmode: 'numeric', width: 'short' },
  { key: 'accountNumber', inputmode: 'numeric', width: 'short' },
];

const inputTypes: Partial<Record<FieldDefinition['type'], { type: string; inputmode?: string }>> = {
  text: { type: 'text' },
  email: { type: 'email' },
  tel: { type: 'tel', inputmode: 'tel' },
  // GOV.UK's advice: type=number mangles input (scroll wheels, "1e3"); text + inputmode is safer.
  number: { type: 'text', inputmode: 'decimal' },
  date: { type: 'date' },
  'postal-code': { type: 'text' },
  'national-id': { type: 'text', inputmode: 'text' },
  iban: { type: 'text' },
};

/** Renders one field bound to the session: every change is passed to `session.set` as typed. */
export function renderField(field: FieldDefinition, context: FieldContext): HTMLElement {
  const { session, locale } = context;
  const fallbacks = session.definition.locales;
  const text = (value: Parameters<typeof resolveText>[0]) => resolveText(value, locale, fallbacks);
  const id = `field-${field.id}`;
  const hintId = field.hint ? `${id}-hint` : undefined;
  const errorId = context.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const labelText = field.required
    ? text(field.label)
    : `${text(field.label)} ${context.optionalWord}`;
  const hint = field.hint && h('p', { class: 'hint', id: hintId }, text(field.hint));
  const error = context.error && h('p', { class: 'error-message', id: errorId }, context.error);
  const current = session.get(field.id);
  const invalid = context.error ? 'true' : undefined;
  const wrapper = (...children: Child[]) =>
    h('div', { class: context.error ? 'field field--error' : 'field' }, ...children);

  switch (field.type) {
    case 'choice':
    case 'multi-choice': {
      const multiple = field.type === 'multi-choice';
      const chosen = multiple
        ? new Set(Array.isArray(current) ? current : [])
        : new Set(typeof current === 'string' ? [current] : []);
      const inputs = field.options.map((option, index) => {
        const optionId = `${id}-${index}`;
        const input = h('input', {
          type: multiple ? 'checkbox' : 'radio',
          name: field.id,
          id: optionId,
          value: option.value,
          checked: chosen.has(option.value),
          'aria-describedby': describedBy,
          onchange: () => {
            const checked = [
              ...document.querySelectorAll<HTMLInputElement>(`input[name="${field.id}"]:checked`),
            ];
            session.set(field.id, multiple ? checked.map((c) => c.value) : checked[0]?.value);
          },
        });
        return h(
          'div',
          { class: 'option' },
          input,
          h('label', { for: optionId }, text(option.label)),
          option.hint && h('p', { class: 'hint' }, text(option.hint)),
        );
      });
      return wrapper(h('fieldset', {}, h('legend', {}, labelText), hint, error, ...inputs));
    }
    case 'checkbox':
    case 'consent': {
      const input = h('input', {
        type: 'checkbox',
        id,
        name: field.id,
        checked: current === true,
        'aria-describedby': describedBy,
        'aria-invalid': invalid,
        // A consent box is never pre-ticked: `current` is only true after the applicant ticked it.
        onchange: (event) => session.set(field.id, (event.target as HTMLInputElement).checked),
      });
      return wrapper(
        error,
        h('div', { class: 'option' }, input, h('label', { for: id }, text(field.label))),
        hint,
      );
    }
    case 'address':
    case 'uk-bank-account': {
      const parts = field.type === 'address' ? addressParts : bankParts;
      const value: Record<string, string> = {
        ...(field.type === 'address' && field.defaultCountry
          ? { country: field.defaultCountry }
          : {}),
        ...(typeof current === 'object' && current !== null && !Array.isArray(current)
          ? (current as Record<string, string>)
          : {}),
      };
      const inputs = parts.map((part) => {
        const partId = `${id}-${part.key}`;
        return h(
          'div',
          { class: 'part' },
          h('label', { for: partId }, context.partLabels[part.key] ?? part.key),
          h('input', {
            type: 'text',
            id: partId,
            class: part.width === 'short' ? 'short' : undefined,
            autocomplete: part.autocomplete,
            inputmode: part.inputmode,
            value: value[part.key] ?? '',
            'aria-describedby': describedBy,
            oninput: (event) => {
              value[part.key] = (event.target as HTMLInputElement).value;
              session.set(field.id, { ...value });
            },
          }),
        );
      });
      return wrapper(h('fieldset', {}, h('legend', {}, labelText), hint, error, ...inputs));
    }
    case 'textarea':
      return wrapper(
        h('label', { for: id }, labelText),
        hint,
        error,
        h(
          'textarea',
          {
            id,
            name: field.id,
            rows: 5,
            autocomplete: field.autocomplete,
            'aria-describedby': describedBy,
            'aria-invalid': invalid,
            oninput: (event) => session.set(field.id, (event.target as HTMLTextAreaElement).value),
          },
          typeof current === 'string' ? current : '',
        ),
      );
    default: {
      const kind = inputTypes[field.type] ?? { type: 'text' };
      return wrapper(
        h('label', { for: id }, labelText),
        hint,
        error,
        h('input', {
          type: kind.type,
          inputmode: kind.inputmode,
          id,
          name: field.id,
          autocomplete: field.autocomplete,
          spellcheck: ['national-id', 'iban', 'postal-code'].includes(field.type)
            ? 'false'
            : undefined,
          value: current === undefined ? '' : String(current),
          'aria-describedby': describedBy,
          'aria-invalid': invalid,
          oninput: (event) => session.set(field.id, (event.target as HTMLInputElement).value),
        }),
      );
    }
  }
}
