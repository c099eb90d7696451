import type {
  AnswerValue,
  FieldDefinition,
  Locale,
  LocalizedText,
  Translation,
} from '@union-join/sdk';
import { formatNumber, parseSwedishPersonnummer, postcodeFirst } from '@union-join/sdk';

/**
 * The language tag for dates and numbers (Intl) per locale: the region these forms are made for
 * (British and Nordic unions), so English dates read "10 December 1985" even in a browser set to
 * American English.
 */
export const FORMAT_TAGS: Readonly<Record<Locale, string>> = {
  en: 'en-GB',
  nb: 'nb-NO',
  sv: 'sv-SE',
};

/** Options of {@link formatAnswer}. */
export interface FormatOptions {
  /** Language tag for Intl (dates, numbers, country names), e.g. `en-GB` (see {@link FORMAT_TAGS}). */
  formatTag: string;
  t: Translation;
  text: (value: LocalizedText) => string;
}

function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function optionLabel(field: FieldDefinition, value: string, text: FormatOptions['text']): string {
  if (field.type !== 'choice' && field.type !== 'multi-choice') return value;
  const option = field.options.find((o) => o.value === value);
  return option ? text(option.label) : value;
}

/**
 * An answer as the applicant reads it on "Check your answers": dates and numbers in the form's
 * language (Intl), option labels instead of values, one line per address line ("0150 Oslo" on one
 * in the Nordic countries), identity numbers and bank details grouped as printed. `undefined` for
 * an unanswered question; an unticked box is "No".
 */
export function formatAnswer(
  field: FieldDefinition,
  value: AnswerValue | undefined,
  { formatTag, t, text }: FormatOptions,
): string | undefined {
  // An unticked box is a "No" (the application records the consent as not given), never "Not provided".
  if (field.type === 'checkbox' || field.type === 'consent') return value === true ? t.yes : t.no;
  if (value === undefined || value === null || value === '') return undefined;
  switch (field.type) {
    case 'date': {
      const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
      if (!match) return String(value);
      // Not Date.UTC, which reads a year under 100 as 19xx: the review shows the year sent.
      const date = new Date(0);
      date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
      return new Intl.DateTimeFormat(formatTag, { dateStyle: 'long', timeZone: 'UTC' }).format(
        date,
      );
    }
    case 'number':
      return typeof value === 'number' ? formatNumber(value, formatTag) : String(value);
    case 'choice':
      return optionLabel(field, String(value), text);
    case 'multi-choice': {
      const values = Array.isArray(value) ? value.map(String) : [];
      return values.length > 0
        ? values.map((v) => optionLabel(field, v, text)).join('\n')
        : undefined;
    }
    case 'address': {
      if (typeof value !== 'object') return String(value);
      const a = value as Record<string, unknown>;
      const country = typeof a.country === 'string' ? countryName(a.country, formatTag) : undefined;
      const place = postcodeFirst(a.country)
        ? [[a.postcode, a.town].filter(Boolean).join(' ')]
        : [a.town, a.postcode];
      return [a.line1, a.line2, ...place, country]
        .filter((part): part is string => typeof part === 'string' && part !== '')
        .join('\n');
    }
    case 'national-id': {
      // The engine keeps identity numbers bare; people read them as printed on their cards. Only a
      // Norwegian number has eleven digits, only a UK National Insurance number two letters, six
      // digits and a letter ("QQ 12 34 56 C").
      const id = String(value);
      return field.country === 'SE'
        ? (parseSwedishPersonnummer(id)?.canonical.replace(/(?=\d{4}$)/, '-') ?? id)
        : id
            .replace(/^(\d{6})(\d{5})$/, '$1 $2')
            .replace(/^([A-Z]{2})(\d\d)(\d\d)(\d\d)([A-D])$/, '$1 $2 $3 $4 $5');
    }
    case 'uk-bank-account': {
      if (typeof value !== 'object') return String(value);
      const b = value as Record<string, unknown>;
      const sortCode =
        typeof b.sortCode === 'string' ? b.sortCode.replace(/(\d{2})(?=\d)/g, '$1-') : '';
      return [b.accountHolder, sortCode, b.accountNumber]
        .filter((part): part is string => typeof part === 'string' && part !== '')
        .join('\n');
    }
    case 'iban':
      return String(value).replace(/(.{4})(?=.)/g, '$1 ');
    default:
      return String(value);
  }
}
