import { COUNTRY_CODES } from '@union-join/sdk';

// Names come from Intl.DisplayNames in the form's language, so no name lists ship here.

/** A country code with its name in one language. */
export interface Country {
  code: string;
  name: string;
}

const cache = new Map<string, Country[]>();

/** Every country, named in `locale` and sorted the way that language sorts. */
export function countries(locale: string): Country[] {
  const cached = cache.get(locale);
  if (cached) return cached;
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  } catch {
    names = undefined;
  }
  const collator = new Intl.Collator(locale);
  const list = COUNTRY_CODES.map((code) => ({ code, name: names?.of(code) ?? code })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
  cache.set(locale, list);
  return list;
}
