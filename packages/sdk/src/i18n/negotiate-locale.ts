import type { Locale } from '../definition/locale.ts';

// Readers of Nynorsk and of the macro-language tag "no" read Bokmål without effort.
const ALIASES: Readonly<Record<string, Locale>> = { no: 'nb', nn: 'nb' };

/**
 * The first of `candidates` (language tags in order of preference, e.g. `navigator.languages`)
 * that one of `supported` can serve, matching on the language alone ("en-GB" -> "en",
 * "nn-NO" -> "nb"); `undefined` if none can.
 * @example negotiateLocale(['de-DE', 'nb-NO', 'en'], ['en', 'nb']) // 'nb'
 */
export function negotiateLocale(
  candidates: readonly string[],
  supported: readonly Locale[],
): Locale | undefined {
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const language = candidate.trim().toLowerCase().split(/[-_]/, 1)[0] ?? '';
    const locale = (supported as readonly string[]).includes(language)
      ? (language as Locale)
      : Object.hasOwn(ALIASES, language)
        ? ALIASES[language]
        : undefined;
    if (locale !== undefined && supported.includes(locale)) return locale;
  }
  return undefined;
}
