import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LOCALES } from '../src/definition/index.ts';
import type { Locale } from '../src/definition/index.ts';
import { ANSWER_PARTS, ISSUE_CODES } from '../src/engine/index.ts';
import type { FieldIssue } from '../src/engine/index.ts';
import { formatIssue, formatMessage, negotiateLocale, translations } from '../src/i18n/index.ts';

/** Every text of a translation as `key` or `issues.key` → text. */
function flatten(value: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, text] of Object.entries(value)) {
    if (typeof text === 'object' && text !== null) {
      for (const [k, v] of flatten(text, `${prefix}${key}.`)) out.set(k, v);
    } else out.set(`${prefix}${key}`, text);
  }
  return out;
}

/** The placeholders of a text, with {Label} and {label} counted as one. */
function placeholders(text: unknown): string[] {
  const names = String(text).match(/\{\w+\}/g) ?? [];
  return [...new Set(names.map((name) => name.toLowerCase()))].sort();
}

const english = flatten(translations.en);

describe('translations', () => {
  for (const locale of LOCALES) {
    it(`${locale} has every key, each a non-empty text with the same placeholders as English`, () => {
      const texts = flatten(translations[locale]);
      assert.deepEqual([...texts.keys()].sort(), [...english.keys()].sort());
      for (const [key, text] of texts) {
        assert.equal(typeof text, 'string', key);
        assert.ok(String(text).trim().length > 0, `${locale} ${key} is empty`);
        assert.deepEqual(placeholders(text), placeholders(english.get(key)), `${locale} ${key}`);
      }
    });
  }

  for (const locale of ['nb', 'sv'] as const) {
    it(`${locale} is translated, not English left in place`, () => {
      const texts = flatten(translations[locale]);
      // Texts that read the same in every language: numbers, names, codes.
      const same = new Set(['errorPrefix', 'stepOf', 'optional']);
      const untranslated = [...texts].filter(
        ([key, text]) => !same.has(key) && text === english.get(key) && !/^\W*$/.test(String(text)),
      );
      assert.deepEqual(untranslated, []);
    });
  }

  it('says how long answers are kept in the singular for 1 day and the plural otherwise', () => {
    const notice = (locale: Locale, days: number) =>
      formatMessage(translations[locale].draftsNotice, {
        days:
          days === 1
            ? translations[locale].oneDay
            : formatMessage(translations[locale].days, { days }),
      });
    assert.match(notice('en', 1), /for up to 1 day\.$/);
    assert.match(notice('en', 14), /for up to 14 days\.$/);
    assert.match(notice('nb', 1), /i opptil 1 dag\.$/);
    assert.match(notice('nb', 14), /i opptil 14 dager\.$/);
    assert.match(notice('sv', 1), /i upp till 1 dag\.$/);
    assert.match(notice('sv', 14), /i upp till 14 dagar\.$/);
  });

  it('has the texts the design asks for', () => {
    assert.equal(translations.en.errorSummaryTitle, 'There is a problem');
    assert.equal(formatMessage(translations.en.stepOf, { n: 2, total: 5 }), 'Step 2 of 5');
    assert.equal(translations.en.checkYourAnswers, 'Check your answers');
    assert.equal(translations.en.change, 'Change');
    assert.equal(translations.en.sendApplication, 'Send application');
    assert.equal(translations.en.optional, '(optional)');
    assert.equal(
      formatMessage(translations.en.resumeTitle, { when: '3 March at 10:15' }),
      'You have an unfinished application from 3 March at 10:15',
    );
    assert.equal(translations.en.continueApplication, 'Continue your application');
    assert.equal(translations.en.startAgain, 'Start again');
  });
});

describe('formatIssue', () => {
  it('words a server code it does not know instead of throwing', () => {
    const server = (code: string) => ({ field: 'email', code }) as unknown as FieldIssue;
    assert.equal(formatIssue(server('missing'), 'en', 'Email'), 'Enter your email');
    assert.equal(formatIssue(server('ineligible'), 'en', 'Email'), 'Check your email');
    assert.equal(formatIssue(server('hidden_field'), 'nb', 'E-post'), 'Kontroller e-post');
    assert.equal(formatIssue(server('unknown_field'), 'sv', 'E-post'), 'Kontrollera e-post');
  });

  it('writes GOV.UK-style messages with the label inside the sentence', () => {
    assert.equal(
      formatIssue({ field: 'g', code: 'required' }, 'en', 'First name'),
      'Enter your first name',
    );
    assert.equal(
      formatIssue({ field: 'g', code: 'required' }, 'nb', 'Fornavn'),
      'Skriv inn fornavn',
    );
    assert.equal(formatIssue({ field: 'g', code: 'required' }, 'sv', 'Förnamn'), 'Fyll i förnamn');
    assert.equal(
      formatIssue({ field: 'm', code: 'required', params: { kind: 'select' } }, 'en', 'Membership'),
      'Select your membership',
    );
  });

  it('keeps the capitals of an abbreviation', () => {
    assert.equal(formatIssue({ field: 'i', code: 'required' }, 'en', 'IBAN'), 'Enter your IBAN');
    assert.equal(
      formatIssue({ field: 'n', code: 'required' }, 'en', 'NHS number'),
      'Enter your NHS number',
    );
  });

  it('does not build a message around a label that is a question', () => {
    const required = (locale: 'en' | 'nb' | 'sv', label: string, kind?: string) =>
      formatIssue(
        { field: 'q', code: 'required', ...(kind ? { params: { kind } } : {}) },
        locale,
        label,
      );
    assert.equal(required('nb', 'Hvilken skole?'), 'Svar på spørsmålet');
    assert.equal(required('en', 'Which school?'), 'Answer the question');
    assert.equal(required('sv', 'Var jobbar du?'), 'Svara på frågan');
    assert.equal(required('nb', 'Hva gjør du nå?', 'select'), 'Velg et alternativ');
    assert.equal(required('sv', 'Vad gör du i dag?', 'select'), 'Välj ett alternativ');
    assert.equal(
      required('en', 'Which membership is right for you?', 'select'),
      'Select an option',
    );
    assert.equal(required('en', 'Tell us where you work:'), 'Answer the question');
  });

  it('says "the answer" where a message would start with a question', () => {
    const tooLong = { field: 'q', code: 'too_long', params: { max: 500 } } as const;
    assert.equal(
      formatIssue(tooLong, 'en', "Is there anything else you'd like to tell us?"),
      'The answer must be 500 characters or fewer',
    );
    assert.equal(
      formatIssue(tooLong, 'nb', 'Er det noe mer du vil fortelle oss?'),
      'Svaret kan ikke ha mer enn 500 tegn',
    );
    assert.equal(
      formatIssue(
        { field: 'd', code: 'invalid_date', params: { part: 'month' } },
        'sv',
        'När började du?',
      ),
      'Svaret måste innehålla en månad',
    );
  });

  it('says which year a date of birth may start from, not that 1899 is no real date', () => {
    const early = { field: 'b', code: 'year_too_early', params: { part: 'year' } } as const;
    assert.equal(formatIssue(early, 'en', 'Date of birth'), 'Year must be 1900 or later');
    assert.equal(formatIssue(early, 'nb', 'Fødselsdato'), 'Året må være 1900 eller senere');
    assert.equal(formatIssue(early, 'sv', 'Födelsedatum'), 'Året måste vara 1900 eller senare');
  });

  it('does not say "your" twice in English', () => {
    assert.equal(
      formatIssue({ field: 'y', code: 'required' }, 'en', 'Year your course ends'),
      'Answer the question',
    );
    assert.equal(
      formatIssue(
        { field: 'y', code: 'too_small', params: { min: 2025 } },
        'en',
        'Year your course ends',
      ),
      'Year your course ends must be 2025 or more',
      'a message that starts with the label reads well with it',
    );
    assert.equal(
      formatIssue({ field: 'e', code: 'required' }, 'nb', 'Arbeidsgiveren din'),
      'Skriv inn arbeidsgiveren din',
    );
  });

  it('names the part of a composite answer whose label is a question', () => {
    assert.equal(
      formatIssue({ field: 'a', code: 'required', params: { part: 'town' } }, 'nb', 'Hvor bor du?'),
      'Skriv inn poststed',
    );
    assert.equal(
      formatIssue(
        { field: 'a', code: 'too_long', params: { part: 'line1', max: 200 } },
        'sv',
        'Var bor du?',
      ),
      'Adressrad 1 får ha högst 200 tecken',
    );
  });

  it('puts limits into the message and starts it with the label as written', () => {
    assert.equal(
      formatIssue({ field: 'g', code: 'too_long', params: { max: 100 } }, 'en', 'First name'),
      'First name must be 100 characters or fewer',
    );
    assert.equal(
      formatIssue({ field: 'h', code: 'too_small', params: { min: 1 } }, 'sv', 'Timmar'),
      'Timmar måste vara 1 eller mer',
    );
  });

  it('writes the numbers in a message as the language does, as the review page does', () => {
    const tooLarge = { field: 'lon', code: 'too_large', params: { max: 500_000 } } as const;
    const tooSmall = { field: 'h', code: 'too_small', params: { min: 10_000.5 } } as const;
    const tooLong = { field: 'q', code: 'too_long', params: { max: 10_000 } } as const;
    const cases: [FieldIssue, Locale, string, string][] = [
      [tooLarge, 'sv', 'Månadslön', 'Månadslön måste vara 500\u00a0000 eller mindre'],
      [tooLarge, 'nb', 'Månedslønn', 'Månedslønn må være 500\u00a0000 eller mindre'],
      [tooLarge, 'en', 'Monthly pay', 'Monthly pay must be 500,000 or less'],
      [tooSmall, 'sv', 'Timmar', 'Timmar måste vara 10\u00a0000,5 eller mer'],
      [tooSmall, 'nb', 'Timer', 'Timer må være 10\u00a0000,5 eller mer'],
      [tooSmall, 'en', 'Hours', 'Hours must be 10,000.5 or more'],
      [tooLong, 'en', 'Message', 'Message must be 10,000 characters or fewer'],
    ];
    for (const [issue, locale, label, expected] of cases) {
      assert.equal(formatIssue(issue, locale, label), expected);
    }
    assert.match(formatIssue(tooLong, 'nb', 'Melding'), /^Melding .* 10\u00a0000 tegn$/);
    // A year stays 2025, and a lower limit below zero keeps its minus sign.
    const year = { field: 'y', code: 'too_small', params: { min: 2025 } } as const;
    assert.equal(formatIssue(year, 'sv', 'År'), 'År måste vara 2025 eller mer');
    assert.equal(formatIssue(year, 'en', 'Year'), 'Year must be 2025 or more');
    const below = { field: 't', code: 'too_small', params: { min: -40 } } as const;
    assert.equal(formatIssue(below, 'en', 'Temperature'), 'Temperature must be -40 or more');
    assert.equal(
      formatIssue(below, 'sv', 'Temperatur'),
      'Temperatur måste vara \u221240 eller mer',
    );
  });

  it('names the part of a composite answer', () => {
    assert.equal(
      formatIssue({ field: 'a', code: 'required', params: { part: 'town' } }, 'en', 'Address'),
      'Enter your town or city',
    );
    assert.equal(
      formatIssue(
        { field: 'a', code: 'too_long', params: { part: 'line1', max: 200 } },
        'en',
        'Address',
      ),
      'Address line 1 must be 200 characters or fewer',
    );
    assert.equal(
      formatIssue(
        { field: 'd', code: 'invalid_date', params: { part: 'month' } },
        'en',
        'Date of birth',
      ),
      'Date of birth must include a month',
    );
    assert.equal(
      formatIssue(
        { field: 'b', code: 'invalid_sort_code', params: { part: 'sortCode' } },
        'nb',
        'Bankkonto',
      ),
      'Skriv inn en gyldig sorteringskode, for eksempel 309430',
    );
  });

  it('formats every issue the engine can raise, in every locale, leaving no placeholder', () => {
    const issues: FieldIssue[] = [];
    for (const code of ISSUE_CODES) {
      issues.push({ field: 'f', code, params: { max: 10, min: 2 } });
      for (const part of ANSWER_PARTS)
        issues.push({ field: 'f', code, params: { part, max: 10, min: 2 } });
    }
    issues.push({ field: 'f', code: 'required', params: { kind: 'select' } });
    issues.push({ field: 'f', code: 'required', params: { kind: 'tick' } });
    for (const locale of LOCALES) {
      for (const issue of issues) {
        for (const label of ['Label', 'Which label?']) {
          const message = formatIssue(issue, locale, label);
          assert.doesNotMatch(message, /[{}?]/, `${locale} ${JSON.stringify(issue)}: ${message}`);
        }
      }
    }
  });

  it('has a message of its own for each part a required answer can miss', () => {
    const general = formatIssue({ field: 'f', code: 'required' }, 'en', 'Address');
    for (const part of [
      'line1',
      'town',
      'postcode',
      'country',
      'accountHolder',
      'sortCode',
      'accountNumber',
    ]) {
      const message = formatIssue(
        { field: 'f', code: 'required', params: { part } },
        'en',
        'Address',
      );
      assert.notEqual(message, general, part);
    }
  });
});

describe('formatMessage', () => {
  it('fills known placeholders and leaves unknown ones', () => {
    assert.equal(formatMessage('{a} and {b}', { a: 1 }), '1 and {b}');
  });

  it('inserts values literally, even ones that look like replacement patterns', () => {
    assert.equal(formatMessage('Hello {name}', { name: "$& $' $1" }), "Hello $& $' $1");
  });

  it('ignores inherited names', () => {
    assert.equal(formatMessage('{constructor}', {}), '{constructor}');
  });
});

describe('negotiateLocale', () => {
  it('picks the first candidate the form offers, matching on language', () => {
    assert.equal(negotiateLocale(['de-DE', 'sv-SE', 'en'], ['en', 'sv']), 'sv');
    assert.equal(negotiateLocale(['en-GB'], ['nb', 'en']), 'en');
    assert.equal(negotiateLocale(['NB'], ['en', 'nb']), 'nb');
    assert.equal(negotiateLocale(['sv_FI'], ['sv']), 'sv');
  });

  it('serves Bokmål to readers of Nynorsk and of "no"', () => {
    assert.equal(negotiateLocale(['nn-NO', 'en'], ['en', 'nb']), 'nb');
    assert.equal(negotiateLocale(['no'], ['en', 'nb']), 'nb');
    assert.equal(negotiateLocale(['nn'], ['en']), undefined);
  });

  it('returns undefined when nothing fits, and ignores junk', () => {
    assert.equal(negotiateLocale([], ['en']), undefined);
    assert.equal(negotiateLocale(['fr', '', '*', '-'], ['en', 'nb']), undefined);
    assert.equal(negotiateLocale(['sv'], []), undefined);
  });
});
