import type { Locale } from '../definition/locale.ts';
import { ANSWER_PARTS } from '../engine/issue-code.ts';
import type { FieldIssue } from '../engine/issue-code.ts';
import { formatMessage } from './format-message.ts';
import { formatNumber } from './format-number.ts';
import type { IssueMessageKey, Translation } from './translation.ts';
import { translations } from './translations.ts';

/**
 * A label as it reads inside a sentence: "First name" becomes "first name", but an
 * abbreviation such as "IBAN" or "NHS number" keeps its capitals.
 */
function inSentence(label: string, locale: Locale): string {
  const [first = '', second = ''] = Array.from(label);
  if (first === first.toLocaleLowerCase(locale)) return label;
  if (second !== '' && second !== second.toLocaleLowerCase(locale)) return label;
  return first.toLocaleLowerCase(locale) + label.slice(first.length);
}

function messageKey(t: Translation, issue: FieldIssue): IssueMessageKey {
  for (const detail of [issue.params?.part, issue.params?.kind]) {
    if (typeof detail !== 'string') continue;
    const key = `${issue.code}.${detail}`;
    if (Object.hasOwn(t.issues, key)) return key as IssueMessageKey;
  }
  if (Object.hasOwn(t.issues, issue.code)) return issue.code;
  // A server's code the form has no words for (`ineligible`, say): the server's "missing" is the
  // engine's "required", anything else asks to check the answer.
  return (issue.code as string) === 'missing' ? 'required' : 'invalid';
}

// A label that ends like a sentence ("Which school?", "Tell us where you work:") cannot go inside
// another one; nor can an English label that already says "you" or "your" follow "Enter your".
const QUESTION = /[?!.:…]$/;
const SECOND_PERSON = /\byou/i;

/**
 * The error message for an issue in `locale`, e.g. "Enter your first name". `fieldLabel` is the
 * field's label as shown; an issue about one part of a field (a date's month, an address's town)
 * names that part instead. A label that is a question gives a message without it ("Answer the
 * question", "The answer must be…").
 * @example formatIssue({ field: 'givenName', code: 'required' }, 'en', 'First name') // 'Enter your first name'
 */
export function formatIssue(issue: FieldIssue, locale: Locale, fieldLabel: string): string {
  const t = translations[locale] ?? translations.en;
  const part = issue.params?.part;
  // Each part is named by the translation of the same name; an address's lines as addressLine1, 2.
  const partLabel = (ANSWER_PARTS as readonly unknown[]).includes(part)
    ? t[(part as string).replace('line', 'addressLine') as keyof Translation]
    : undefined;
  let label =
    typeof partLabel === 'string' && issue.code !== 'invalid_date' ? partLabel : fieldLabel;
  const key = messageKey(t, issue);
  const question = label === fieldLabel && QUESTION.test(label.trim());
  if (question || SECOND_PERSON.test(label)) {
    if (key === 'required') return t.issues['required.question'];
    if (key === 'required.select') return t.selectOption;
  }
  if (question) label = t.theAnswer;
  const values: Record<string, string | number> = { ...issue.params };
  for (const name in values) {
    const value = values[name];
    if (typeof value === 'number') values[name] = formatNumber(value, locale);
  }
  return formatMessage(t.issues[key], {
    ...values,
    Label: label,
    label: inSentence(label, locale),
  });
}
