import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFormDefinition } from '../src/definition/index.ts';
import { createFormSession } from '../src/engine/index.ts';
import type { FieldIssue } from '../src/engine/index.ts';
import { VALID, designExample, everyFieldType } from './definition-fixtures.ts';

const now = new Date(2025, 5, 1, 12);
const session = () =>
  createFormSession(parseFormDefinition(everyFieldType()), { locale: 'en', now });

/** The issues of one field after setting it to `raw`. */
function issuesFor(field: string, raw: unknown): Omit<FieldIssue, 'field'>[] {
  const s = session();
  s.set(field, raw);
  const step = s.stepOf(field)!.id;
  return s
    .validateStep(step)
    .filter((issue) => issue.field === field)
    .map(({ field: _field, ...rest }) => rest);
}

describe('validateStep: the rules of each field type', () => {
  const cases: [field: string, raw: unknown, expected: Omit<FieldIssue, 'field'>[]][] = [
    ['name', 'Ada', []],
    ['name', 'A', [{ code: 'too_short', params: { min: 2 } }]],
    ['name', 'x'.repeat(21), [{ code: 'too_long', params: { max: 20 } }]],
    ['name', '🙂'.repeat(20), []],
    ['name', '🙂'.repeat(21), [{ code: 'too_long', params: { max: 20 } }]],
    ['name', 'x'.repeat(1_000_000), [{ code: 'too_long', params: { max: 20 } }]],
    ['story', 'x'.repeat(10_000), []],
    ['story', 'x'.repeat(10_001), [{ code: 'too_long', params: { max: 10_000 } }]],
    ['email', 'ada@example.org', []],
    ['email', 'ada@sub.example.co.uk', []],
    ['email', 'ada.example.org', [{ code: 'invalid_email' }]],
    ['email', 'ada@example', [{ code: 'invalid_email' }]],
    ['email', 'ada @example.org', [{ code: 'invalid_email' }]],
    ['email', 'ada@@example.org', [{ code: 'invalid_email' }]],
    ['phone', '01632 960 001', []],
    ['phone', '+44 (0)7700-900982', []],
    ['phone', '+47 22 33 44 55', []],
    ['phone', 'call me', [{ code: 'invalid_tel' }]],
    ['phone', '123', [{ code: 'invalid_tel' }]],
    ['hours', 37, []],
    ['hours', 'lots', [{ code: 'invalid_number' }]],
    ['hours', 7.5, [{ code: 'not_integer' }]],
    ['hours', 0, [{ code: 'too_small', params: { min: 1 } }]],
    ['hours', 61, [{ code: 'too_large', params: { max: 60 } }]],
    ['birthDate', '1990-04-01', []],
    ['birthDate', '1990-02-30', [{ code: 'invalid_date' }]],
    ['birthDate', '1990-13-01', [{ code: 'invalid_date' }]],
    [
      'birthDate',
      { day: '', month: '4', year: '1990' },
      [{ code: 'invalid_date', params: { part: 'day' } }],
    ],
    [
      'birthDate',
      { day: '1', month: '', year: '1990' },
      [{ code: 'invalid_date', params: { part: 'month' } }],
    ],
    [
      'birthDate',
      { day: '1', month: '4', year: '' },
      [{ code: 'invalid_date', params: { part: 'year' } }],
    ],
    [
      'birthDate',
      { day: '1', month: '4', year: '90' },
      [{ code: 'year_not_four_digits', params: { part: 'year' } }],
    ],
    ['birthDate', 'yesterday', [{ code: 'invalid_date' }]],
    ['birthDate', '1850-01-01', [{ code: 'year_too_early', params: { part: 'year' } }]],
    [
      'birthDate',
      { day: '31', month: '12', year: '1899' },
      [{ code: 'year_too_early', params: { part: 'year' } }],
    ],
    ['birthDate', '1900-01-01', []],
    ['birthDate', '2025-06-02', [{ code: 'date_in_future' }]],
    ['startDate', '2025-09-01', []],
    ['sector', 'public', []],
    ['sector', 'charity', [{ code: 'invalid_choice' }]],
    ['interests', ['pay', 'safety'], []],
    ['interests', ['pay', 'bonus'], [{ code: 'invalid_choice' }]],
    ['postcode', 'SW1A 1AA', []],
    ['postcode', 'SW1A', [{ code: 'invalid_postcode' }]],
    ['personnummer', VALID.personnummer, []],
    ['personnummer', '19811218-9875', [{ code: 'invalid_personnummer' }]],
    ['fodselsnummer', VALID.fodselsnummer, []],
    ['fodselsnummer', '15108695089', [{ code: 'invalid_fodselsnummer' }]],
    ['nino', VALID.nino, []],
    ['nino', 'AB 12 34 56', [{ code: 'invalid_nino' }]],
    ['iban', VALID.iban, []],
    ['iban', 'GB82 WEST 1234 5698 7654 33', [{ code: 'invalid_iban' }]],
    ['address', { line1: '1 Storgatan', town: 'Stockholm', postcode: '114 55' }, []],
    [
      'address',
      { line1: '1 Storgatan' },
      [
        { code: 'required', params: { part: 'postcode' } },
        { code: 'required', params: { part: 'town' } },
      ],
    ],
    [
      'address',
      { line1: '1 Storgatan', country: 'SE' },
      [
        { code: 'required', params: { part: 'postcode' } },
        { code: 'required', params: { part: 'town' } },
      ],
    ],
    [
      'address',
      { line1: '1 High Street', country: 'GB' },
      [
        { code: 'required', params: { part: 'town' } },
        { code: 'required', params: { part: 'postcode' } },
      ],
    ],
    [
      'address',
      { town: 'Stockholm', postcode: '1145', country: 'SE' },
      [
        { code: 'required', params: { part: 'line1' } },
        { code: 'invalid_postcode', params: { part: 'postcode' } },
      ],
    ],
    ['address', { line1: '1 Rue', town: 'Paris', country: 'FR' }, []],
    // Many Irish residents do not know their Eircode: it may be left out, but not mistyped.
    ['address', { line1: '1 Main Street', town: 'Ennis', country: 'IE' }, []],
    [
      'address',
      { line1: '1 Main Street', town: 'Ennis', postcode: 'V95', country: 'IE' },
      [{ code: 'invalid_postcode', params: { part: 'postcode' } }],
    ],
    [
      'address',
      { line1: '1 Rue', town: 'Paris', country: 'France' },
      [{ code: 'invalid_choice', params: { part: 'country' } }],
    ],
    // "UK" is no ISO code (and would skip the British postcode check); "XX" is no country.
    [
      'address',
      { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 4AP', country: 'UK' },
      [{ code: 'invalid_choice', params: { part: 'country' } }],
    ],
    [
      'address',
      { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 4AP', country: 'XX' },
      [{ code: 'invalid_choice', params: { part: 'country' } }],
    ],
    [
      'address',
      { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 4AP', country: 'EU' },
      [{ code: 'invalid_choice', params: { part: 'country' } }],
    ],
    [
      'address',
      { line1: 'x'.repeat(201), town: 'Paris', country: 'FR' },
      [{ code: 'too_long', params: { max: 200, part: 'line1' } }],
    ],
    [
      'bank',
      { accountHolder: 'Ada', sortCode: VALID.sortCode, accountNumber: VALID.accountNumber },
      [],
    ],
    [
      'bank',
      { accountHolder: 'Ada', sortCode: '20-00', accountNumber: '1234567' },
      [
        { code: 'invalid_sort_code', params: { part: 'sortCode' } },
        { code: 'invalid_account_number', params: { part: 'accountNumber' } },
      ],
    ],
    [
      'bank',
      { sortCode: VALID.sortCode },
      [
        { code: 'required', params: { part: 'accountHolder' } },
        { code: 'required', params: { part: 'accountNumber' } },
      ],
    ],
  ];
  for (const [field, raw, expected] of cases) {
    it(`${field} = ${JSON.stringify(raw).slice(0, 60)} gives ${expected.map((i) => i.code).join(', ') || 'no issue'}`, () => {
      assert.deepEqual(issuesFor(field, raw), expected);
    });
  }
});

describe('validateStep: required answers', () => {
  it('asks for every required answer, with the kind of input for choices and boxes', () => {
    const form = everyFieldType();
    for (const step of form.steps as { fields: Record<string, unknown>[] }[]) {
      for (const field of step.fields) field.required = true;
    }
    const s = createFormSession(parseFormDefinition(form), { locale: 'en', now });
    const byField = Object.fromEntries(
      s.validateAll().map((issue) => [issue.field, [issue.code, issue.params?.kind]]),
    );
    assert.deepEqual(byField, {
      name: ['required', undefined],
      story: ['required', undefined],
      email: ['required', undefined],
      phone: ['required', undefined],
      hours: ['required', undefined],
      birthDate: ['required', undefined],
      startDate: ['required', undefined],
      sector: ['required', 'select'],
      interests: ['required', 'select'],
      confirm: ['required', 'tick'],
      terms: ['consent_required', undefined],
      news: ['consent_required', undefined],
      postcode: ['required', undefined],
      address: ['required', undefined],
      personnummer: ['required', undefined],
      fodselsnummer: ['required', undefined],
      nino: ['required', undefined],
      iban: ['required', undefined],
      bank: ['required', undefined],
      keptIban: ['required', undefined],
    });
  });

  it('accepts an optional field left empty, and reports a required one again once cleared', () => {
    const s = session();
    assert.deepEqual(s.validateStep('texts'), []);
    s.set('terms', true);
    assert.deepEqual(s.validateStep('choices'), []);
    s.set('terms', false);
    assert.deepEqual(s.validateStep('choices'), [{ field: 'terms', code: 'consent_required' }]);
  });

  it('validates only the fields that are asked', () => {
    const s = createFormSession(parseFormDefinition(designExample()), { locale: 'en', now });
    s.set('membershipType', 'student');
    s.set('employer', 'x'.repeat(5_000));
    assert.deepEqual(s.validateStep('work'), []);
    s.set('membershipType', 'full');
    assert.deepEqual(s.validateStep('work'), [
      { field: 'employer', code: 'too_long', params: { max: 500 } },
    ]);
  });

  it('validateAll gathers the issues of every step that is asked, in form order', () => {
    const s = createFormSession(parseFormDefinition(designExample()), { locale: 'en', now });
    s.set('email', 'not an address');
    assert.deepEqual(
      s.validateAll().map((issue) => `${issue.field}:${issue.code}`),
      [
        'givenName:required',
        'birthDate:required',
        'email:invalid_email',
        'membershipType:required',
      ],
    );
  });

  it('uses the session clock for "not in the future"', () => {
    const form = parseFormDefinition(designExample());
    const early = createFormSession(form, { locale: 'en', now: new Date(2000, 0, 1) });
    early.set('birthDate', '2005-01-01');
    assert.deepEqual(
      early
        .validateStep('about-you')
        .map((i) => i.code)
        .includes('date_in_future'),
      true,
    );
    const late = createFormSession(form, { locale: 'en', now: () => new Date(2030, 0, 1) });
    late.set('birthDate', '2005-01-01');
    assert.equal(
      late.validateStep('about-you').some((i) => i.field === 'birthDate'),
      false,
    );
  });
});
