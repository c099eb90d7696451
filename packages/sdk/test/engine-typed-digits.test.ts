// Digits as phones type them: full-width from Japanese and Chinese keyboards, Arabic-Indic,
// Persian and Devanagari from others. They are the same numbers, so they are stored as 0-9; a
// year typed with two digits gets a message that says what is wrong with it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateApplication } from '../src/application/index.ts';
import { parseFormDefinition } from '../src/definition/index.ts';
import type { Locale } from '../src/definition/index.ts';
import { createFormSession } from '../src/engine/index.ts';
import type { FieldIssue } from '../src/engine/index.ts';
import { formatIssue } from '../src/i18n/index.ts';
import { VALID, everyFieldType } from './definition-fixtures.ts';

const now = new Date(2025, 5, 1, 12);
const definition = parseFormDefinition(everyFieldType());

function session(locale: Locale = 'en') {
  return createFormSession(definition, { locale, now });
}

/** The answer stored and its issues after setting `field` to `raw`. */
function typed(field: string, raw: unknown): { value: unknown; issues: FieldIssue[] } {
  const s = session();
  s.set(field, raw);
  const issues = s.validateStep(s.stepOf(field)!.id).filter((issue) => issue.field === field);
  return { value: s.get(field), issues };
}

/** `text` with each ASCII digit written in the script whose zero is `zero`. */
function inDigits(text: string, zero: number): string {
  return text.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d)));
}

/** `text` with ASCII letters, digits and hyphens written full-width, as East Asian keyboards type them. */
function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCodePoint(c.charCodeAt(0) + 0xfee0));
}

const SCRIPTS: [name: string, zero: number][] = [
  ['full-width', 0xff10],
  ['Arabic-Indic', 0x0660],
  ['Persian', 0x06f0],
  ['Devanagari', 0x0966],
  ['Bengali', 0x09e6],
  ['Thai', 0x0e50],
  ['mathematical bold', 0x1d7ce],
];

describe('digits of any script are stored as 0-9', () => {
  for (const [script, zero] of SCRIPTS) {
    it(`a date typed in ${script} digits, box by box`, () => {
      const { value, issues } = typed('birthDate', {
        day: inDigits('1', zero),
        month: inDigits('04', zero),
        year: inDigits('1990', zero),
      });
      assert.equal(value, '1990-04-01');
      assert.deepEqual(issues, []);
    });

    it(`a number, phone number and bank details in ${script} digits`, () => {
      assert.equal(typed('hours', inDigits('37', zero)).value, 37);
      const phone = typed('phone', inDigits('07700 900982', zero));
      assert.equal(phone.value, '07700 900982');
      assert.deepEqual(phone.issues, []);
      const bank = typed('bank', {
        accountHolder: 'Ada Lovelace',
        sortCode: inDigits(VALID.sortCode, zero),
        accountNumber: inDigits(VALID.accountNumber, zero),
      });
      assert.deepEqual(bank.value, {
        accountHolder: 'Ada Lovelace',
        sortCode: '200000',
        accountNumber: '55779911',
      });
      assert.deepEqual(bank.issues, []);
    });

    it(`national ids in ${script} digits`, () => {
      assert.deepEqual(typed('personnummer', inDigits(VALID.personnummer, zero)), {
        value: '198112189876',
        issues: [],
      });
      assert.deepEqual(typed('fodselsnummer', inDigits(VALID.fodselsnummer, zero)), {
        value: VALID.fodselsnummer,
        issues: [],
      });
    });
  }

  it('a date sent as one string, in Arabic-Indic digits', () => {
    assert.equal(typed('startDate', '٢٠٢٥-٠٩-٠١').value, '2025-09-01');
  });

  it('a decimal number typed full-width, point and comma included', () => {
    assert.equal(typed('hours', '３７').value, 37);
    const s = session('nb');
    s.set('hours', '３７，５');
    assert.equal(s.get('hours'), 37.5);
  });

  it('codes with letters typed full-width: postcode, National Insurance number, IBAN', () => {
    assert.deepEqual(typed('postcode', fullWidth('sw1a 1aa')), { value: 'SW1A 1AA', issues: [] });
    assert.deepEqual(typed('nino', fullWidth(VALID.nino)), { value: 'AB123456C', issues: [] });
    assert.deepEqual(typed('iban', fullWidth(VALID.iban)), {
      value: 'GB82WEST12345698765432',
      issues: [],
    });
    assert.equal(typed('phone', '＋４４ ７７００ ９００９８２').value, '+44 7700 900982');
  });

  it("an address's postcode, but not its lines or town", () => {
    const { value } = typed('address', {
      line1: '１０ Ｄｏｗｎｉｎｇ Ｓｔｒｅｅｔ',
      town: 'Ｌｏｎｄｏｎ',
      postcode: fullWidth('SW1A 2AA'),
      country: 'GB',
    });
    assert.deepEqual(value, {
      line1: '１０ Ｄｏｗｎｉｎｇ Ｓｔｒｅｅｔ',
      town: 'Ｌｏｎｄｏｎ',
      postcode: 'SW1A 2AA',
      country: 'GB',
    });
  });

  it('never rewrites free text: names, stories, email addresses, account holders', () => {
    assert.equal(typed('name', 'Ｒｏｓａ ٣').value, 'Ｒｏｓａ ٣');
    assert.equal(typed('story', 'Shift ４ at ٩ am\nﬁne').value, 'Shift ４ at ٩ am\nﬁne');
    assert.equal(typed('email', 'ada١@example.org').value, 'ada١@example.org');
    const bank = typed('bank', {
      accountHolder: 'Ｒｏｓａ',
      sortCode: VALID.sortCode,
      accountNumber: VALID.accountNumber,
    });
    assert.equal((bank.value as { accountHolder: string }).accountHolder, 'Ｒｏｓａ');
  });

  it('still refuses what is not a number once the digits are read', () => {
    assert.deepEqual(typed('hours', '３７ｈ').issues, [{ field: 'hours', code: 'invalid_number' }]);
    assert.deepEqual(typed('birthDate', { day: '３１', month: '２', year: '１９９０' }).issues, [
      { field: 'birthDate', code: 'invalid_date' },
    ]);
  });
});

describe('a year that is not four digits', () => {
  const yearIssue: FieldIssue[] = [
    { field: 'birthDate', code: 'year_not_four_digits', params: { part: 'year' } },
  ];

  it('is reported as such, for two digits, three and five', () => {
    for (const year of ['90', '990', '19900', '９０']) {
      assert.deepEqual(
        typed('birthDate', { day: '01', month: '04', year }).issues,
        yearIssue,
        year,
      );
    }
    assert.deepEqual(typed('startDate', '25-09-01').issues, [
      { field: 'startDate', code: 'year_not_four_digits', params: { part: 'year' } },
    ]);
  });

  it('comes after a missing day or month, and a four-digit year is checked as before', () => {
    assert.deepEqual(typed('birthDate', { day: '', month: '04', year: '90' }).issues, [
      { field: 'birthDate', code: 'invalid_date', params: { part: 'day' } },
    ]);
    assert.deepEqual(typed('birthDate', { day: '01', month: '04', year: '0990' }).issues, [
      { field: 'birthDate', code: 'year_too_early', params: { part: 'year' } },
    ]);
  });

  it('reads as GOV.UK words it, in each language', () => {
    const issue: FieldIssue = yearIssue[0]!;
    assert.equal(formatIssue(issue, 'en', 'Date of birth'), 'Year must include 4 numbers');
    assert.equal(formatIssue(issue, 'nb', 'Fødselsdato'), 'Året må ha fire sifre');
    assert.equal(formatIssue(issue, 'sv', 'Födelsedatum'), 'Året måste ha fyra siffror');
  });

  it('is what a client sending the application straight to the API is told', () => {
    const application = (birthDate: string) => ({
      formId: 'every-field',
      formVersion: definition.version,
      locale: 'en',
      answers: { birthDate },
      consents: [],
    });
    const result = validateApplication(definition, application('90-04-01'), { now });
    assert.equal(result.ok, false);
    const issue = !result.ok && result.issues.find((i) => i.path[1] === 'birthDate');
    assert.deepEqual(issue, {
      path: ['answers', 'birthDate', 'year'],
      code: 'year_not_four_digits',
      message: 'Year must include 4 numbers',
      params: { part: 'year' },
    });
    const fullWidthDate = validateApplication(definition, application('１９９０-０４-０１'), {
      now,
    });
    const sent = !fullWidthDate.ok
      ? fullWidthDate.issues.filter((i) => i.path[1] === 'birthDate')
      : [];
    assert.deepEqual(sent, []);
  });
});
