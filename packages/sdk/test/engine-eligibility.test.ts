import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFormDefinition } from '../src/definition/index.ts';
import { createFormSession } from '../src/engine/index.ts';
import { designExample, everyFieldType } from './definition-fixtures.ts';

const today = new Date(2025, 5, 1, 12);

function eligibilityOn(form: Record<string, unknown>, birthDate: string | undefined) {
  const session = createFormSession(parseFormDefinition(form), { locale: 'en', now: today });
  if (birthDate !== undefined) session.set('birthDate', birthDate);
  return session.eligibility();
}

describe('eligibility', () => {
  it('turns away anyone under 13, whatever the form allows', () => {
    assert.deepEqual(eligibilityOn(designExample(), '2012-06-02'), {
      eligible: false,
      reason: 'under_13',
      minimumAge: 16,
    });
  });

  it("turns away anyone under the form's minimum age", () => {
    assert.deepEqual(eligibilityOn(designExample(), '2009-06-02'), {
      eligible: false,
      reason: 'under_minimum_age',
      minimumAge: 16,
    });
  });

  it('lets in an applicant on the birthday that reaches the minimum age', () => {
    assert.deepEqual(eligibilityOn(designExample(), '2009-06-01'), { eligible: true });
  });

  it('does not turn anyone away before a real date of birth is given', () => {
    assert.deepEqual(eligibilityOn(designExample(), undefined), { eligible: true });
    assert.deepEqual(eligibilityOn(designExample(), '2012-02-31'), { eligible: true });
  });

  it('does not judge by a date of birth that is not asked', () => {
    const form = designExample();
    const field = (form.steps as { fields: Record<string, unknown>[] }[])[0]!.fields[1]!;
    field.showIf = { field: 'givenName', equals: 'Ada' };
    assert.deepEqual(eligibilityOn(form, '2015-01-01'), { eligible: true });
  });

  it('keeps the age-13 floor on a form without eligibility, using its "bday" date field', () => {
    assert.deepEqual(eligibilityOn(everyFieldType(), '2013-01-01'), {
      eligible: false,
      reason: 'under_13',
      minimumAge: 13,
    });
    assert.deepEqual(eligibilityOn(everyFieldType(), '2012-01-01'), { eligible: true });
  });

  it('ignores other date fields for age', () => {
    const session = createFormSession(parseFormDefinition(everyFieldType()), {
      locale: 'en',
      now: today,
    });
    session.set('startDate', '2020-01-01');
    assert.deepEqual(session.eligibility(), { eligible: true });
  });
});
