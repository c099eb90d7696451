// Answers as applicants really give them: numbers written the way their language writes them, and
// text pasted from web pages, PDFs and chat apps, which brings invisible characters along.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateApplication } from '../src/application/index.ts';
import { parseFormDefinition } from '../src/definition/index.ts';
import type { Locale } from '../src/definition/index.ts';
import { createFormSession } from '../src/engine/index.ts';

const form = parseFormDefinition({
  id: 'pasted-input',
  version: 1,
  organisation: { name: 'Pasted Input Union', privacyNoticeUrl: 'https://example.org/privacy' },
  locales: ['en', 'nb', 'sv'],
  steps: [
    {
      id: 'about',
      title: 'About you',
      fields: [
        { id: 'name', type: 'text', label: 'Name', required: true },
        { id: 'story', type: 'textarea', label: 'Story' },
        { id: 'email', type: 'email', label: 'Email' },
        { id: 'phone', type: 'tel', label: 'Phone' },
        { id: 'salary', type: 'number', label: 'Salary' },
      ],
    },
  ],
});

function stored(locale: Locale, field: string, raw: unknown): unknown {
  const session = createFormSession(form, { locale });
  session.set(field, raw);
  return session.get(field);
}

describe('numbers as each language writes them', () => {
  const cases: [locale: Locale, typed: string, value: number | string][] = [
    // In English a comma groups thousands: £23,500 a year is not £23.50.
    ['en', '23,500', 23_500],
    ['en', '1,234,567.25', 1_234_567.25],
    ['en', '-1,500', -1500],
    // A lone decimal comma, as people from elsewhere in Europe type it, is still a decimal.
    ['en', '37,5', 37.5],
    ['en', '23.500', 23.5],
    // In Norwegian and Swedish the comma is the decimal mark and a full stop may group thousands.
    ['nb', '23,500', 23.5],
    ['nb', '23.500', 23_500],
    ['sv', '1.234.567,5', 1_234_567.5],
    ['sv', '37,5', 37.5],
    ['sv', '2.5', 2.5],
    // Groups that are not of three are not a number in any of them.
    ['en', '1,23,456', '1,23,456'],
    ['nb', '1.23.456', '1.23.456'],
  ];
  for (const [locale, typed, value] of cases) {
    it(`reads ${JSON.stringify(typed)} in ${locale} as ${JSON.stringify(value)}`, () => {
      assert.equal(stored(locale, 'salary', typed), value);
    });
  }

  it('validateApplication reads a typed number by the application locale', () => {
    const application = (locale: Locale) => ({
      formId: 'pasted-input',
      formVersion: 1,
      locale,
      answers: { name: 'Ada', salary: '23,500' },
      consents: [],
    });
    const en = validateApplication(form, application('en'));
    const sv = validateApplication(form, application('sv'));
    assert.equal(en.ok && en.application.answers.salary, 23_500);
    assert.equal(sv.ok && sv.application.answers.salary, 23.5);
  });
});

describe('invisible characters in pasted text', () => {
  const cases: [field: string, raw: string, value: string | undefined][] = [
    ['name', 'Rosa\u200b Luxemburg', 'Rosa Luxemburg'],
    ['name', '\ufeffRosa\u2060', 'Rosa'],
    ['name', 'Ro\u00adsa', 'Rosa'],
    // Joiners that build an emoji or shape a script stay where they join something.
    ['name', 'Sam 👩\u200d🏫', 'Sam 👩\u200d🏫'],
    ['story', 'First line\u200b\nSecond line\ufeff', 'First line\nSecond line'],
    // An address with an invisible character in it is an address no message reaches.
    ['email', 'ada@example.org\u200b', 'ada@example.org'],
    ['email', '\u200eada\u200d@example.org', 'ada@example.org'],
    ['phone', '+44\u200b 7700 900123\u202c', '+44 7700 900123'],
    // Direction overrides and isolates would show a name otherwise than it is stored.
    ['name', 'Ada\u202eecila', 'Adaecila'],
    ['name', '\u2067Rosa\u2069', 'Rosa'],
    ['story', 'One\u202d\ntwo\u2066', 'One\ntwo'],
    // Half a surrogate pair is not text; it becomes the replacement character.
    ['name', 'A\ud800da', 'A\ufffdda'],
    ['story', 'x\udc00', 'x\ufffd'],
  ];
  for (const [field, raw, value] of cases) {
    it(`stores ${JSON.stringify(raw)} for ${field} as ${JSON.stringify(value)}`, () => {
      assert.equal(stored('en', field, raw), value);
    });
  }

  for (const raw of ['\u200b', ' \u200b\u200b ', '\u2060\ufeff\u00ad', '\u200d', '\u200e\u200f']) {
    it(`treats ${JSON.stringify(raw)} as no answer, so a required field still asks for one`, () => {
      const session = createFormSession(form, { locale: 'en' });
      session.set('name', raw);
      session.set('story', `${raw}\n${raw}`);
      assert.equal(session.get('name'), undefined);
      assert.equal(session.get('story'), undefined);
      assert.deepEqual(session.validateStep('about'), [{ field: 'name', code: 'required' }]);
    });
  }

  it('validateApplication refuses a required answer made only of invisible characters', () => {
    const result = validateApplication(form, {
      formId: 'pasted-input',
      formVersion: 1,
      locale: 'en',
      answers: { name: '\u200b\u2060' },
      consents: [],
    });
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.issues.map((issue) => [issue.path, issue.code]), [
      [['answers', 'name'], 'required'],
    ]);
  });
});
