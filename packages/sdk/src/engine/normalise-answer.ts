import type {
  AddressAnswer,
  AnswerValue,
  UkBankAccountAnswer,
} from '../application/application.ts';
import type { FieldDefinition } from '../definition/field-definition.ts';
import type { Locale } from '../definition/locale.ts';
import {
  normaliseIdentifier,
  normalisePostcode,
  parseSwedishPersonnummer,
} from '../validators/index.ts';
import { isPostcodeCountry } from '../validators/postcode.ts';

// A run of line breaks, tabs or other control characters (C0, DEL, C1, and the Unicode line and
// paragraph separators), with any spaces around it. In a one-line answer such a run can only come
// from a paste or a crafted request, and would break CSV exports and the CRM fields it lands in.
const CONTROL_RUN = /\s*[\p{Cc}\u2028\u2029][\s\p{Cc}\u2028\u2029]*/gu;
const LINE_BREAK = /\r\n?|[\u2028\u2029]/g;
const CONTROL_BUT_NEW_LINE = /[^\P{Cc}\n]/gu;
// Characters that show nothing and mean nothing in an answer but come along in a paste from a web
// page, a PDF or a chat app: zero-width space, word joiner and invisible operators, byte order
// mark, soft hyphen, Mongolian vowel separator. Left in, "Rosa\u200bLuxemburg" is another name in
// the CRM, and an email address with one in it is an address no message reaches.
// Also the bidirectional embedding, override and isolate controls, with which "Ada\u202eecila"
// shows as another name in a CSV or CRM than the one stored.
const INVISIBLE = /[\u00ad\u180e\u200b\u202a-\u202e\u2060-\u2069\ufeff]/g;
// Half a surrogate pair is not text: a CSV or a JSON column of the union's CRM would refuse it.
const LONE_SURROGATE = /\p{Cs}/gu;
// Default-ignorable characters: joiners, direction marks, variation selectors, fillers. An answer
// of nothing else (and spaces) is no answer; none of them belongs in an email address or a number.
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

// A decimal digit of another script: full-width (Japanese and Chinese keyboards), Arabic-Indic,
// Persian, Devanagari... Unicode assigns each script's digits as a run of ten, 0 to 9.
const OTHER_DIGIT = /[^\d\P{Nd}]/gu;
const DIGIT = /\p{Nd}/u;

/** `text` trimmed, or `""` when nothing visible is left in it. */
function visibleOrEmpty(text: string): string {
  return text.replace(IGNORABLE, '').trim() ? text.trim() : '';
}

/**
 * Text as stored: Unicode composed (so "å" typed on any keyboard compares equal), invisible
 * characters removed and trimmed; `""` when nothing visible is left. One line: every run of line
 * breaks, tabs and other control characters made one space. With `paragraphs` (a `textarea`
 * answer): line breaks kept as `\n`, a tab made a space, other control characters dropped.
 */
export function cleanText(value: unknown, paragraphs = false): string {
  if (typeof value !== 'string') return '';
  const text = value.replace(LONE_SURROGATE, '\ufffd').normalize('NFC').replace(INVISIBLE, '');
  return visibleOrEmpty(
    paragraphs
      ? text.replace(LINE_BREAK, '\n').replaceAll('\t', ' ').replace(CONTROL_BUT_NEW_LINE, '')
      : text.replace(CONTROL_RUN, ' '),
  );
}

/**
 * A number, date or code as typed on any keyboard: compatibility characters made plain (NFKC:
 * full-width "ＳＷ１" is "SW1") and every decimal digit made 0-9. Never for free text, which
 * NFKC would change ("ﬁ", "²").
 */
function codeText(value: unknown): string {
  return cleanText(value)
    .normalize('NFKC')
    .replace(OTHER_DIGIT, (digit) => {
      const at = digit.codePointAt(0) ?? 0;
      let zero = at;
      while (DIGIT.test(String.fromCodePoint(zero - 1))) zero -= 1;
      return String((at - zero) % 10);
    });
}

function orAbsent(value: string): string | undefined {
  return value === '' ? undefined : value;
}

function part(object: unknown, key: string): unknown {
  return typeof object === 'object' && object !== null && Object.hasOwn(object, key)
    ? (object as Record<string, unknown>)[key]
    : undefined;
}

// Thousands grouped in threes by one mark, then maybe decimals after the other mark.
const GROUPED = /^[+-]?\d{1,3}([.,])\d{3}(?:\1\d{3})*(?:(?!\1)[.,]\d+)?$/;

/**
 * A typed number as a number: spaces between thousands, thousands grouped as `locale` writes them
 * (so "23,500" is twenty-three thousand five hundred in English, twenty-three and a half in
 * Norwegian and Swedish), and a decimal comma.
 */
function normaliseNumber(raw: unknown, locale: Locale | undefined): number | string | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  const typed = codeText(raw);
  if (typed === '') return undefined;
  let plain = typed.replace(IGNORABLE, '').replace(/[\s\u00a0\u202f]/gu, '');
  const mark = GROUPED.exec(plain)?.[1];
  // English groups thousands with commas, Norwegian and Swedish with full stops (besides spaces).
  if (locale && mark === (locale === 'en' ? ',' : '.')) plain = plain.replaceAll(mark, '');
  plain = plain.replace(/^([+-]?\d+),(\d+)$/, '$1.$2');
  // Kept as typed when it is not a number, so the applicant sees it again with an error.
  return /^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(plain) ? Number(plain) : typed;
}

/** `YYYY-M-D` padded to `YYYY-MM-DD`; anything else is kept (and later reported as invalid). */
function normaliseDate(raw: unknown): string | undefined {
  const typed = codeText(raw);
  const parts = /^(\d*)-(\d*)-(\d*)$/.exec(typed);
  if (!parts) return orAbsent(typed);
  const [, year = '', month = '', day = ''] = parts;
  if (year === '' && month === '' && day === '') return undefined;
  const pad = (digits: string) => (digits.length === 1 ? `0${digits}` : digits);
  return `${year}-${pad(month)}-${pad(day)}`;
}

function normaliseAddress(
  raw: unknown,
  defaultCountry: string | undefined,
): AddressAnswer | undefined {
  const country = cleanText(part(raw, 'country')).toUpperCase() || (defaultCountry ?? '');
  const typedPostcode = codeText(part(raw, 'postcode'));
  const address: AddressAnswer = {
    line1: cleanText(part(raw, 'line1')),
    town: cleanText(part(raw, 'town')),
    postcode: isPostcodeCountry(country)
      ? normalisePostcode(country, typedPostcode)
      : typedPostcode.toUpperCase(),
    country,
  };
  const line2 = cleanText(part(raw, 'line2'));
  if (line2) address.line2 = line2;
  // The country on its own comes from a pre-selected list, so it is not an answer yet.
  return address.line1 || line2 || address.town || address.postcode ? address : undefined;
}

function normaliseBankAccount(raw: unknown): UkBankAccountAnswer | undefined {
  const account: UkBankAccountAnswer = {
    accountHolder: cleanText(part(raw, 'accountHolder')),
    sortCode: normaliseIdentifier(codeText(part(raw, 'sortCode'))),
    accountNumber: normaliseIdentifier(codeText(part(raw, 'accountNumber'))),
  };
  return account.accountHolder || account.sortCode || account.accountNumber ? account : undefined;
}

function normaliseOptions(raw: unknown, optionValues: readonly string[]): string[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const chosen = new Set(raw.map((value) => cleanText(value)).filter((value) => value !== ''));
  // Option order, so the same choices always give the same answer; unknown values go last.
  const ordered = [
    ...optionValues.filter((value) => chosen.has(value)),
    ...[...chosen].filter((value) => !optionValues.includes(value)),
  ];
  return ordered.length > 0 ? ordered : undefined;
}

/**
 * The canonical form of a raw answer (already of the JavaScript type `rawAnswerSchema` allows),
 * or `undefined` when it is empty: text trimmed and on one line (only a textarea keeps its line
 * breaks), identifiers and bank details upper case without
 * spaces or hyphens, a valid Swedish personnummer in its twelve digits `YYYYMMDDXXXX` (so one
 * person reaches the union's systems in one form), postcodes as people write them ("SW1A 1AA"),
 * an unticked box absent. `locale` is the language the answer was typed in, which decides how a
 * number's thousands read; `today` dates a ten-digit personnummer (default: now).
 */
export function normaliseAnswer(
  field: FieldDefinition,
  raw: unknown,
  locale?: Locale,
  today?: Date,
): AnswerValue | undefined {
  switch (field.type) {
    case 'number':
      return normaliseNumber(raw, locale);
    case 'date':
      return normaliseDate(raw);
    case 'multi-choice':
      return normaliseOptions(
        raw,
        field.options.map((option) => option.value),
      );
    case 'checkbox':
    case 'consent':
      return raw === true ? true : undefined;
    case 'postal-code':
      return orAbsent(normalisePostcode(field.country, codeText(raw)));
    case 'national-id':
    case 'iban': {
      const id = normaliseIdentifier(codeText(raw));
      const se = field.type === 'national-id' && field.country === 'SE';
      return orAbsent((se && parseSwedishPersonnummer(id, { now: today })?.canonical) || id);
    }
    case 'address':
      return normaliseAddress(raw, field.defaultCountry);
    case 'uk-bank-account':
      return normaliseBankAccount(raw);
    case 'textarea':
      return orAbsent(cleanText(raw, true));
    case 'tel':
      return orAbsent(codeText(raw).replace(IGNORABLE, ''));
    case 'email':
      return orAbsent(cleanText(raw).replace(IGNORABLE, ''));
    default:
      return orAbsent(cleanText(raw));
  }
}
