import type { Locale } from '../definition/locale.ts';
import { en } from './en.ts';
import { nb } from './nb.ts';
import { sv } from './sv.ts';
import type { Translation } from './translation.ts';

/** Every text of the form in every supported locale. */
export const translations: Readonly<Record<Locale, Translation>> = { en, nb, sv };
