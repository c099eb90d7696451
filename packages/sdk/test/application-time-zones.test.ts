// The server judges ages and "not in the future" without knowing where the applicant is: an
// applicant whose birthday it already is where they live must not be turned away by a server in
// a time zone further west, where it is still the day before.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateApplication } from '../src/application/index.ts';
import { parseFormDefinition } from '../src/definition/index.ts';
import { createFormSession } from '../src/engine/index.ts';

const form = parseFormDefinition({
  id: 'time-zones',
  version: 1,
  organisation: { name: 'Time Zone Union', privacyNoticeUrl: 'https://example.org/privacy' },
  locales: ['nb'],
  eligibility: { minimumAge: 15, birthDateField: 'birthDate' },
  steps: [
    {
      id: 'about',
      title: 'Om deg',
      fields: [{ id: 'birthDate', type: 'date', label: 'Fødselsdato', required: true }],
    },
  ],
});

const application = (birthDate: string) => ({
  formId: 'time-zones',
  formVersion: 1,
  locale: 'nb',
  answers: { birthDate },
  consents: [],
});

describe('validateApplication: dates in the applicant’s time zone', () => {
  it('accepts an applicant who turns the minimum age today in Oslo while it is still yesterday in UTC', () => {
    // 00:30 on 2 June in Oslo (UTC+2): the applicant is 15 today there.
    const now = new Date('2025-06-01T22:30:00Z');
    const session = createFormSession(form, { locale: 'nb', now: new Date(2025, 5, 2, 0, 30) });
    session.set('birthDate', '2010-06-02');
    assert.deepEqual(session.eligibility(), { eligible: true }, 'the engine in Oslo lets them on');
    const result = validateApplication(form, application('2010-06-02'), { now });
    assert.equal(result.ok, true, JSON.stringify(!result.ok && result.issues));
  });

  it('accepts a date of birth that is today anywhere on Earth', () => {
    // 00:30 on 2 June in Kiribati (UTC+14), the first place a day begins.
    const now = new Date('2025-06-01T10:30:00Z');
    assert.equal(validateApplication(form, application('2010-06-02'), { now }).ok, true);
  });

  it('still turns away an applicant who is under age everywhere on Earth', () => {
    // 23:59 on 1 June in Kiribati: nowhere is it 2 June yet.
    const now = new Date('2025-06-01T09:59:00Z');
    const result = validateApplication(form, application('2010-06-02'), { now });
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.issues.map((issue) => [issue.path, issue.code]), [
      [['answers', 'birthDate'], 'ineligible'],
    ]);
  });
});
