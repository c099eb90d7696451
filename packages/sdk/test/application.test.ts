import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ApplicationSchema,
  MAX_APPLICATION_ISSUES,
  compileApplicationSchema,
  validateApplication,
} from '../src/application/index.ts';
import type { ApplicationIssue } from '../src/application/index.ts';
import { parseFormDefinition } from '../src/definition/index.ts';
import { createFormSession } from '../src/engine/index.ts';
import { VALID, designExample, everyFieldType } from './definition-fixtures.ts';

const now = new Date('2025-06-01T12:00:00Z');
const example = parseFormDefinition(designExample());
const every = parseFormDefinition(everyFieldType());
const HASH = `sha256:${'a'.repeat(64)}`;
const AT = '2025-06-01T11:00:00.000Z';

/** A valid application to the design example, as plain JSON a client would send. */
function valid(): Record<string, unknown> {
  return {
    formId: 'example-union',
    formVersion: 3,
    locale: 'en',
    answers: {
      givenName: 'Ada',
      birthDate: '1985-12-10',
      email: 'ada@example.org',
      membershipType: 'full',
      employer: 'Acme',
    },
    consents: [{ purpose: 'newsletter', granted: true, textHash: HASH, at: AT }],
  };
}

function issues(definition: typeof example, data: unknown): ApplicationIssue[] {
  const result = validateApplication(definition, data, { now });
  assert.equal(result.ok, false, 'the application is rejected');
  return result.ok ? [] : result.issues;
}

/** Issues as "path code" strings, easy to compare. */
function summary(definition: typeof example, data: unknown): string[] {
  return issues(definition, data).map((issue) => `${issue.path.join('.')} ${issue.code}`);
}

function withAnswers(
  answers: Record<string, unknown>,
  consents?: unknown[],
): Record<string, unknown> {
  const data = valid();
  data.answers = { ...(data.answers as object), ...answers };
  if (consents) data.consents = consents;
  return data;
}

describe('validateApplication: accepted applications', () => {
  it('accepts what the engine produces, after a trip through JSON', async () => {
    const session = createFormSession(example, { locale: 'nb', now });
    session.set('givenName', 'Ada');
    session.set('birthDate', '1985-12-10');
    session.set('email', 'ada@example.org');
    session.set('membershipType', 'student');
    session.set('newsletter', true);
    const application = await session.toApplication();
    const result = validateApplication(example, JSON.parse(JSON.stringify(application)), { now });
    assert.deepEqual(result, { ok: true, application });
  });

  it('returns the answers normalised as the engine would store them', () => {
    const data = {
      formId: 'every-field',
      formVersion: 1,
      locale: 'sv',
      answers: {
        name: '  Ada ',
        story: '',
        hours: '7',
        iban: 'gb82 west 1234 5698 7654 32',
        postcode: 'sw1a1aa',
        interests: ['training', 'pay'],
        confirm: false,
        bank: { accountHolder: 'Ada', sortCode: '20-00-00', accountNumber: '5577 9911' },
      },
      consents: [
        { purpose: 'membership-terms', granted: true, textHash: HASH, at: AT },
        { purpose: 'newsletter', granted: false, textHash: HASH, at: AT },
      ],
    };
    const result = validateApplication(every, data, { now });
    assert.equal(result.ok, true, JSON.stringify(!result.ok && result.issues));
    if (!result.ok) return;
    assert.deepEqual(result.application.answers, {
      name: 'Ada',
      hours: 7,
      interests: ['pay', 'training'],
      postcode: 'SW1A 1AA',
      iban: 'GB82WEST12345698765432',
      bank: { accountHolder: 'Ada', sortCode: '200000', accountNumber: '55779911' },
    });
    assert.equal(ApplicationSchema.safeParse(result.application).success, true);
  });
});

describe('validateApplication: rejected applications', () => {
  it('rejects anything but an object', () => {
    for (const data of [null, 'text', 42, [valid()]]) {
      assert.deepEqual(summary(example, data), [' invalid_type']);
    }
  });

  it('names missing and unknown top-level keys', () => {
    const data = valid();
    delete data.consents;
    data.answerz = {};
    assert.deepEqual(summary(example, data).sort(), ['answerz unknown_key', 'consents missing']);
  });

  it('rejects another form, a newer version and a locale the form does not offer', () => {
    const data = { ...valid(), formId: 'other-union', formVersion: 4, locale: 'sv' };
    assert.deepEqual(summary(example, data), [
      'formId wrong_form',
      'formVersion wrong_version',
      'locale unsupported_locale',
    ]);
  });

  it('takes an application of an earlier version whose answers fit, keeping the version it answered', () => {
    const result = validateApplication(example, { ...valid(), formVersion: 2 });
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.ok && result.application.formVersion, 2);
  });

  it("refuses a formVersion that is not a whole number from 1 to the form's version", () => {
    // The example form is at version 3. A version 0 or -7 was never published, so its consent
    // wordings cannot be known, and a fraction or -1e20 fits no version column.
    for (const formVersion of [0, -1, -7, 0.1, 2.5, 3.0000001, -1e20, -9007199254740991, 1e-7]) {
      const result = issues(example, { ...valid(), formVersion });
      assert.deepEqual(
        result.map((issue) => `${issue.path.join('.')} ${issue.code}`),
        ['formVersion wrong_version'],
        String(formVersion),
      );
      assert.equal(
        result[0]?.message,
        'formVersion must be a whole number from 1 to 3, the version of this form it was made with',
      );
    }
    for (const formVersion of [4, 1e20]) {
      assert.deepEqual(summary(example, { ...valid(), formVersion }), [
        'formVersion wrong_version',
      ]);
    }
    for (const formVersion of [1, 2, 3]) {
      const result = validateApplication(example, { ...valid(), formVersion }, { now });
      assert.equal(result.ok && result.application.formVersion, formVersion);
    }
    assert.deepEqual(summary(example, { ...valid(), formVersion: '3' }), [
      'formVersion invalid_type',
    ]);
  });

  it('reports a bad formVersion beside the other issues, as the form-independent schema refuses it', () => {
    const data = { ...withAnswers({ email: 'not-an-email' }), formVersion: 0 };
    assert.deepEqual(summary(example, data), [
      'formVersion wrong_version',
      'answers.email invalid_email',
    ]);
    assert.equal(ApplicationSchema.safeParse({ ...valid(), formVersion: 0 }).success, false);
  });

  it('rejects unknown fields, and a consent sent as an answer', () => {
    const result = issues(example, withAnswers({ favouriteColour: 'red', newsletter: true }));
    assert.deepEqual(
      result.map((issue) => `${issue.path.join('.')} ${issue.code}`),
      ['answers.favouriteColour unknown_field', 'answers.newsletter unknown_field'],
    );
    assert.match(result[1]!.message, /record it in consents/);
  });

  it('rejects an answer to a field that is not asked', () => {
    const data = withAnswers({ membershipType: 'student' });
    assert.deepEqual(summary(example, data), ['answers.employer hidden_field']);
  });

  it('rejects answers of the wrong JSON type, saying what was expected', () => {
    const data = withAnswers({ givenName: 42, email: null, membershipType: ['full'] });
    const found = issues(example, data);
    assert.deepEqual(
      found.map((issue) => `${issue.path.join('.')} ${issue.code}`),
      [
        'answers.givenName invalid_type',
        'answers.email invalid_type',
        'answers.membershipType invalid_type',
      ],
    );
    assert.equal(found[0]!.message, 'The answer to "givenName" must be a string');
  });

  it('applies the answer rules, with English messages and a path to the part', () => {
    const data = {
      formId: 'every-field',
      formVersion: 1,
      locale: 'en',
      answers: {
        email: 'ada.example.org',
        hours: 70,
        address: { line1: '1 Storgatan', postcode: '1145' },
      },
      consents: [
        { purpose: 'membership-terms', granted: true, textHash: HASH, at: AT },
        { purpose: 'newsletter', granted: false, textHash: HASH, at: AT },
      ],
    };
    assert.deepEqual(issues(every, data), [
      {
        path: ['answers', 'email'],
        code: 'invalid_email',
        message: 'Enter an email address in the correct format, like name@example.com',
      },
      {
        path: ['answers', 'hours'],
        code: 'too_large',
        message: 'Hours must be 60 or less',
        params: { max: 60 },
      },
      // A Swedish address: the postcode box comes before the town, and so do its problems.
      {
        path: ['answers', 'address', 'postcode'],
        code: 'invalid_postcode',
        message: 'Enter a real postcode',
        params: { part: 'postcode' },
      },
      {
        path: ['answers', 'address', 'town'],
        code: 'required',
        message: 'Enter your town or city',
        params: { part: 'town' },
      },
    ]);
  });

  it('requires every required answer', () => {
    const data = valid();
    data.answers = {};
    assert.deepEqual(summary(example, data), [
      'answers.givenName required',
      'answers.birthDate required',
      'answers.email required',
      'answers.membershipType required',
    ]);
  });

  it('requires a record of every asked consent, and a granted one where required', () => {
    const base = {
      formId: 'every-field',
      formVersion: 1,
      locale: 'en',
      answers: {},
    };
    assert.deepEqual(summary(every, { ...base, consents: [] }), [
      'consents missing_consent',
      'consents missing_consent',
    ]);
    assert.deepEqual(
      summary(every, {
        ...base,
        consents: [
          { purpose: 'membership-terms', granted: false, textHash: HASH, at: AT },
          { purpose: 'newsletter', granted: false, textHash: HASH, at: AT },
        ],
      }),
      ['consents.0.granted consent_required'],
    );
  });

  it('rejects unknown, repeated, hidden and malformed consent records', () => {
    const record = { purpose: 'newsletter', granted: true, textHash: HASH, at: AT };
    assert.deepEqual(
      summary(example, withAnswers({}, [record, record, { ...record, purpose: 'raffle' }])),
      ['consents.1.purpose duplicate_consent', 'consents.2.purpose unknown_consent'],
    );
    assert.deepEqual(
      summary(
        example,
        withAnswers({}, [{ ...record, textHash: 'md5:abc', at: 'yesterday', extra: 1 }]),
      ),
      [
        'consents.0.textHash invalid_consent',
        'consents.0.at invalid_consent',
        'consents.0.extra unknown_key',
      ],
    );
    const form = designExample();
    const consent = (form.steps as { fields: Record<string, unknown>[] }[])[2]!.fields[0]!;
    consent.showIf = { field: 'membershipType', equals: 'student' };
    assert.deepEqual(summary(parseFormDefinition(form), withAnswers({}, [record])), [
      'consents.0 hidden_field',
    ]);
  });

  it('records a consent time later than its own clock, or before 2000, as the time of its clock, never refusing it', () => {
    const consent = { purpose: 'newsletter', granted: true, textHash: HASH, at: AT };
    const recordedAt = (time: string, clock: { now: Date | (() => Date) } = { now }) => {
      const result = validateApplication(
        example,
        withAnswers({}, [{ ...consent, at: time }]),
        clock,
      );
      assert.ok(result.ok, time);
      return result.application.consents[0]?.at;
    };
    // now is 12:00Z: a device clock running fast cannot have given consent in the future.
    for (const future of [
      '2025-06-01T12:00:01Z',
      '2025-06-01T14:06:00+02:00',
      '2031-01-01T00:00:00Z',
    ]) {
      assert.equal(recordedAt(future), '2025-06-01T12:00:00.000Z', future);
    }
    assert.equal(recordedAt('2025-06-01T11:59:00Z'), '2025-06-01T11:59:00Z', 'earlier stays');
    assert.equal(
      recordedAt('2025-06-01T13:59:00+02:00'),
      '2025-06-01T11:59:00.000Z',
      'in UTC, like every other time of the application',
    );
    // A time before any form could exist is a device clock reset (to 1970, say): recorded as the
    // time of checking, like a time in the future. A consent given weeks ago stays as it is.
    for (const ancient of [
      '1970-01-01T00:00:00Z',
      '1999-12-31T23:59:59.999Z',
      '2000-01-01T00:59:59+01:00',
      '0001-01-01T00:00:00Z',
    ]) {
      assert.equal(recordedAt(ancient), '2025-06-01T12:00:00.000Z', ancient);
    }
    assert.equal(
      recordedAt('2000-01-01T00:00:00Z'),
      '2000-01-01T00:00:00Z',
      'the first moment of 2000',
    );
    assert.equal(recordedAt('2025-05-01T08:00:00Z'), '2025-05-01T08:00:00Z', 'weeks ago stays');
    let clock = new Date('2025-06-01T12:00:00Z');
    const moving = { now: () => clock };
    assert.equal(recordedAt('2025-06-01T13:00:00Z', moving), '2025-06-01T12:00:00.000Z');
    clock = new Date('2025-06-01T13:30:00Z');
    assert.equal(
      recordedAt('2025-06-01T13:00:00Z', moving),
      '2025-06-01T13:00:00Z',
      'as it passes',
    );
  });

  it('accepts a consent given long ago, as a queued or restored application carries it', () => {
    const data = withAnswers({}, [
      { purpose: 'newsletter', granted: true, textHash: HASH, at: '2024-01-01T00:00:00Z' },
    ]);
    assert.equal(validateApplication(example, data, { now }).ok, true);
  });

  it('rejects an applicant too young to join online', () => {
    const result = issues(example, withAnswers({ birthDate: '2013-01-01' }));
    assert.deepEqual(result, [
      {
        path: ['answers', 'birthDate'],
        code: 'ineligible',
        message: 'The applicant must be at least 16 years old to join online',
        params: { reason: 'under_13', minimumAge: 16 },
      },
    ]);
  });

  it('never repeats a submitted value in a message', () => {
    const canary = 'CANARY-4af9';
    const data = {
      formId: `${canary}-form`,
      formVersion: 9,
      locale: canary,
      answers: {
        givenName: canary.repeat(100),
        birthDate: canary,
        email: canary,
        membershipType: canary,
        employer: canary,
        [canary]: canary,
      },
      consents: [{ purpose: canary, granted: canary, textHash: canary, at: canary }],
      [`${canary}-key`]: canary,
    };
    for (const issue of issues(example, data)) {
      assert.equal(issue.message.includes('4af9'), false, issue.message);
    }
    for (const issue of issues(every, {
      ...data,
      formId: 'every-field',
      formVersion: 1,
      locale: 'en',
      answers: { iban: canary, nino: canary, bank: { sortCode: canary } },
    })) {
      assert.equal(issue.message.includes('4af9'), false, issue.message);
    }
  });

  it('rejects __proto__ and constructor answers without polluting prototypes', () => {
    const data = JSON.parse(
      JSON.stringify(valid()).replace(
        '"answers":{',
        '"answers":{"__proto__":{"polluted":true},"constructor":1,',
      ),
    );
    assert.deepEqual(summary(example, data).sort(), [
      'answers.__proto__ unknown_field',
      'answers.constructor unknown_field',
    ]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('reports at most a hundred issues for a hostile body', () => {
    const answers = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`f${i}`, i]));
    const result = validateApplication(example, withAnswers(answers), { now });
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.issues.length, MAX_APPLICATION_ISSUES);
  });
});

describe('compileApplicationSchema', () => {
  it('is a zod/mini schema a server can use directly', () => {
    const schema = compileApplicationSchema(example, { now });
    const accepted = schema.safeParse(valid());
    assert.equal(accepted.success, true);
    if (accepted.success) assert.equal(accepted.data.answers.givenName, 'Ada');
    const rejected = schema.safeParse(withAnswers({ email: 'nope' }));
    assert.equal(rejected.success, false);
    if (!rejected.success) assert.deepEqual(rejected.error.issues[0]!.path, ['answers', 'email']);
  });

  it('judges age by the clock given', () => {
    const data = withAnswers({ birthDate: '2009-06-02' });
    // 23:00 on 1 June in UTC+14, the first time zone to start a day: nowhere is it 2 June yet.
    assert.equal(
      validateApplication(example, data, { now: new Date('2025-06-01T09:00:00Z') }).ok,
      false,
    );
    assert.equal(
      validateApplication(example, data, { now: new Date('2025-06-02T12:00:00') }).ok,
      true,
    );
  });
});

describe('validateApplication: form defaults', () => {
  it('accepts the answers of every field type', () => {
    const data = {
      formId: 'every-field',
      formVersion: 1,
      locale: 'en',
      answers: {
        name: 'Ada',
        personnummer: VALID.personnummer,
        fodselsnummer: VALID.fodselsnummer,
        nino: VALID.nino,
        iban: VALID.iban,
      },
      consents: [
        { purpose: 'membership-terms', granted: true, textHash: HASH, at: AT },
        { purpose: 'newsletter', granted: true, textHash: HASH, at: '2025-06-01T13:00:00+02:00' },
      ],
    };
    assert.equal(validateApplication(every, data, { now }).ok, true);
  });
});
