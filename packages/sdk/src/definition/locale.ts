import * as z from 'zod/mini';
import { textChecks } from './text-checks.ts';

/** The languages a form can be shown in. */
export const LOCALES = ['en', 'nb', 'sv'] as const;

/** A language a form can be shown in: English, Norwegian Bokmål or Swedish. */
export type Locale = (typeof LOCALES)[number];

/** Longest text (label, title, hint, description) a definition may contain, in characters. */
export const MAX_TEXT_LENGTH = 2000;

/**
 * Zod schema of one supported locale code. Lists of values use `z.literal`, which checks and
 * reports exactly as `z.enum` does, so the browser bundle carries one of the two classes, not both.
 */
export const LocaleSchema = z.literal(LOCALES);

const TextString = z.string().check(...textChecks(MAX_TEXT_LENGTH));

/** Zod schema of a text: one string for every locale, or a map from locale to string. */
export const LocalizedTextSchema = z.union(
  [
    TextString,
    z.strictObject({
      en: z.optional(TextString),
      nb: z.optional(TextString),
      sv: z.optional(TextString),
    }),
  ],
  'expected a text such as "Email", or one text per locale such as {"en": "Email", "nb": "E-post"}',
);

/** A text shown to applicants: one string for every locale, or a map from locale to string. */
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Whether `value` is a supported locale code. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The string to show for `text` in `locale`, falling back to the first of `fallbacks` that has a
 * text (pass the form's `locales`), then to any text at all.
 * @example resolveText({ en: 'Email', nb: 'E-post' }, 'nb') // 'E-post'
 */
export function resolveText(
  text: LocalizedText,
  locale: Locale,
  fallbacks: readonly Locale[] = [],
): string {
  if (typeof text === 'string') return text;
  for (const candidate of [locale, ...fallbacks, ...LOCALES]) {
    const value = text[candidate];
    if (value !== undefined) return value;
  }
  return '';
}
