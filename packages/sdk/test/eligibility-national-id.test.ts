// The age rule on forms that identify people by a Swedish personnummer or a Norwegian
// fødselsnummer, which carry the date of birth: the engine and validateApplication must refuse a
// child in the same way as with a date-of-birth field.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateApplication } from '../src/application/index.ts';
import type { ApplicationIssue } from '../src/application/index.ts';
import { FormDefinitionError, parseFormDefinition } from '../src/definition/index.ts';
import type { FormDefinition } from '../src/definition/index.ts';
import { ApplicationNotReadyError, createFormSession } from '../src/engine/index.ts';

// Both read the day as 1 June 2025: the engine by the applicant's clock, the server by the latest
// calendar day anywhere on Earth (UTC+14), which is 1 June from 10:00 UTC on 31 May.
const engineNow = new Date(2025, 5, 1, 12);
const serverNow = new Date('2025-05-31T12:00:00Z');

// Check digits computed independently (Luhn; the two mod-11 digits) and checked by hand.
const SE = {
  child: '202001011234', // 2020-01-01
  childCoordination: '200161-1231', // samordningsnummer, 2020-01-01
  thirteenTomorrow: '20120602-1238', // 2012-06-02
  thirteenToday: '20120601-1239', // 2012-06-01
  fifteen: '20090602-1233', // 2009-06-02, sixteen tomorrow
  sixteenToday: '20090601-1234',
  adult: '811218-9876', // 1981-12-18
  invalid: '202001011235',
};
const NO = {
  child: '01012050190', // 2020-01-01
  childDNumber: '41012050184', // D-number, 2020-01-01
  childHNumber: '01502050040', // H-number, 2020-10-01
  thirteenTomorrow: '02061250002', // 2012-06-02
  thirteenToday: '01061250073', // 2012-06-01
  fifteen: '02060950000', // 2009-06-02
  sixteenToday: '01060950071', // 2009-06-01
  adult: '15108695088', // 1986-10-15
};

type Json = Record<string, unknown>;

/** A form that asks for an id and a name, and no date of birth. */
function idForm(country: 'SE' | 'NO' | 'GB', extra: Json = {}, fields: Json[] = []): Json {
  return {
    id: 'id-union',
    version: 1,
    organisation: { name: 'Id Union', privacyNoticeUrl: 'https://example.org/privacy' },
    locales: ['en'],
    ...extra,
    steps: [
      {
        id: 'about-you',
        title: 'About you',
        fields: [
          { id: 'nationalId', type: 'national-id', country, label: 'ID', required: true },
          { id: 'givenName', type: 'text', label: 'First name', required: true },
          ...fields,
        ],
      },
    ],
  };
}

const swedish = parseFormDefinition(idForm('SE'));
const norwegian16 = parseFormDefinition(
  idForm('NO', { eligibility: { minimumAge: 16, birthDateField: 'nationalId' } }),
);
/** A form with a date-of-birth field and a personnummer, both read for age. */
const both = parseFormDefinition(
  idForm('SE', { eligibility: { minimumAge: 16, birthDateField: 'birthDate' } }, [
    { id: 'birthDate', type: 'date', label: 'Date of birth', required: true },
  ]),
);

function sessionWith(definition: FormDefinition, answers: Json) {
  return createFormSession(definition, {
    locale: 'en',
    now: engineNow,
    answers: { givenName: 'Sam', ...answers },
  });
}

function engine(definition: FormDefinition, answers: Json) {
  return sessionWith(definition, answers).eligibility();
}

function server(definition: FormDefinition, answers: Json) {
  const data = {
    formId: definition.id,
    formVersion: definition.version,
    locale: 'en',
    answers: { givenName: 'Sam', ...answers },
    consents: [],
  };
  return validateApplication(definition, data, { now: serverNow });
}

function ineligibleIssue(
  reason: string,
  minimumAge: number,
  field = 'nationalId',
): ApplicationIssue {
  return {
    path: ['answers', field],
    code: 'ineligible',
    message: `The applicant must be at least ${minimumAge} years old to join online`,
    params: { reason, minimumAge },
  };
}

describe('eligibility from a national id, in the engine', () => {
  it('turns away a child by their personnummer on a form without a date of birth', async () => {
    const session = sessionWith(swedish, { nationalId: SE.child });
    assert.deepEqual(session.validateAll(), [], 'the number itself is valid');
    assert.deepEqual(session.eligibility(), {
      eligible: false,
      reason: 'under_13',
      minimumAge: 13,
    });
    await assert.rejects(session.toApplication(), ApplicationNotReadyError);
  });

  it('turns away a child by a samordningsnummer, a D-number or an H-number', () => {
    const under13 = { eligible: false, reason: 'under_13', minimumAge: 13 };
    assert.deepEqual(engine(swedish, { nationalId: SE.childCoordination }), under13);
    const norwegian = parseFormDefinition(idForm('NO'));
    assert.deepEqual(engine(norwegian, { nationalId: NO.child }), under13);
    assert.deepEqual(engine(norwegian, { nationalId: NO.childDNumber }), under13);
    assert.deepEqual(engine(norwegian, { nationalId: NO.childHNumber }), under13);
  });

  it('lets in someone on their 13th birthday, not the day before', () => {
    assert.deepEqual(engine(swedish, { nationalId: SE.thirteenToday }), { eligible: true });
    assert.equal(engine(swedish, { nationalId: SE.thirteenTomorrow }).eligible, false);
    const norwegian = parseFormDefinition(idForm('NO'));
    assert.deepEqual(engine(norwegian, { nationalId: NO.thirteenToday }), { eligible: true });
    assert.equal(engine(norwegian, { nationalId: NO.thirteenTomorrow }).eligible, false);
  });

  it("applies the form's minimum age to the id named as eligibility.birthDateField", () => {
    assert.deepEqual(engine(norwegian16, { nationalId: NO.fifteen }), {
      eligible: false,
      reason: 'under_minimum_age',
      minimumAge: 16,
    });
    assert.deepEqual(engine(norwegian16, { nationalId: NO.child }), {
      eligible: false,
      reason: 'under_13',
      minimumAge: 16,
    });
    assert.deepEqual(engine(norwegian16, { nationalId: NO.sixteenToday }), { eligible: true });
  });

  it('lets an adult in', async () => {
    const session = sessionWith(swedish, { nationalId: SE.adult });
    assert.deepEqual(session.eligibility(), { eligible: true });
    const application = await session.toApplication();
    assert.equal(application.answers.nationalId, '198112189876');
  });

  it('does not judge by a number that is not valid or not asked: validation deals with that', () => {
    assert.deepEqual(engine(swedish, { nationalId: SE.invalid }), { eligible: true });
    const form = idForm('SE');
    const step = (form.steps as { fields: Json[] }[])[0]!;
    step.fields = [
      { id: 'member', type: 'checkbox', label: 'Already a member' },
      { ...step.fields[0], showIf: { field: 'member', equals: true } },
      ...step.fields.slice(1),
    ];
    const hidden = parseFormDefinition(form);
    assert.deepEqual(engine(hidden, { nationalId: SE.child }), { eligible: true });
  });

  it('reads no age from a UK National Insurance number, which carries no date of birth', () => {
    const british = parseFormDefinition(idForm('GB'));
    assert.deepEqual(engine(british, { nationalId: 'AB123456C' }), { eligible: true });
  });

  it('with a date of birth and a personnummer, turns away when either says too young', () => {
    const adultDate = '1981-12-18';
    assert.deepEqual(engine(both, { birthDate: adultDate, nationalId: SE.child }), {
      eligible: false,
      reason: 'under_13',
      minimumAge: 16,
    });
    assert.deepEqual(engine(both, { birthDate: '2020-01-01', nationalId: SE.adult }), {
      eligible: false,
      reason: 'under_13',
      minimumAge: 16,
    });
    assert.deepEqual(engine(both, { birthDate: adultDate, nationalId: SE.fifteen }), {
      eligible: false,
      reason: 'under_minimum_age',
      minimumAge: 16,
    });
    assert.deepEqual(engine(both, { birthDate: adultDate, nationalId: SE.adult }), {
      eligible: true,
    });
    assert.deepEqual(engine(both, { birthDate: adultDate }), { eligible: true });
  });
});

describe('eligibility from a national id, in validateApplication', () => {
  it('refuses a child by their personnummer, with the issue the date of birth would give', () => {
    const result = server(swedish, { nationalId: SE.child });
    assert.deepEqual(result, { ok: false, issues: [ineligibleIssue('under_13', 13)] });
  });

  it('refuses a child by a samordningsnummer, a D-number or an H-number', () => {
    const norwegian = parseFormDefinition(idForm('NO'));
    for (const [definition, id] of [
      [swedish, SE.childCoordination],
      [norwegian, NO.childDNumber],
      [norwegian, NO.childHNumber],
    ] as const) {
      assert.deepEqual(server(definition, { nationalId: id }), {
        ok: false,
        issues: [ineligibleIssue('under_13', 13)],
      });
    }
  });

  it('accepts someone on their 13th birthday, not the day before', () => {
    assert.equal(server(swedish, { nationalId: SE.thirteenToday }).ok, true);
    assert.deepEqual(server(swedish, { nationalId: SE.thirteenTomorrow }), {
      ok: false,
      issues: [ineligibleIssue('under_13', 13)],
    });
  });

  it("applies the form's minimum age", () => {
    assert.deepEqual(server(norwegian16, { nationalId: NO.fifteen }), {
      ok: false,
      issues: [ineligibleIssue('under_minimum_age', 16)],
    });
    assert.equal(server(norwegian16, { nationalId: NO.sixteenToday }).ok, true);
  });

  it('accepts an adult', () => {
    assert.equal(server(swedish, { nationalId: SE.adult }).ok, true);
    assert.equal(server(norwegian16, { nationalId: NO.adult }).ok, true);
  });

  it('reports a number that is not valid as such, not as too young', () => {
    const result = server(swedish, { nationalId: SE.invalid });
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.issues.map((issue) => issue.code), [
      'invalid_personnummer',
    ]);
  });

  it('with a date of birth and a personnummer, refuses when either says too young, at that answer', () => {
    assert.deepEqual(server(both, { birthDate: '1981-12-18', nationalId: SE.child }), {
      ok: false,
      issues: [ineligibleIssue('under_13', 16)],
    });
    assert.deepEqual(server(both, { birthDate: '2020-01-01', nationalId: SE.adult }), {
      ok: false,
      issues: [ineligibleIssue('under_13', 16, 'birthDate')],
    });
    assert.equal(server(both, { birthDate: '1981-12-18', nationalId: SE.adult }).ok, true);
  });

  it('decides as the engine does for every number', () => {
    const norwegian = parseFormDefinition(idForm('NO'));
    const cases: [FormDefinition, string][] = [
      ...Object.values(SE).map((id): [FormDefinition, string] => [swedish, id]),
      ...Object.values(NO).map((id): [FormDefinition, string] => [norwegian, id]),
      ...Object.values(NO).map((id): [FormDefinition, string] => [norwegian16, id]),
    ];
    for (const [definition, id] of cases) {
      const eligibility = engine(definition, { nationalId: id });
      const result = server(definition, { nationalId: id });
      const refused = !result.ok && result.issues.some((issue) => issue.code === 'ineligible');
      assert.equal(refused, !eligibility.eligible, id);
    }
  });
});

describe('eligibility.birthDateField naming a national id', () => {
  it('takes a Swedish or Norwegian national-id field', () => {
    for (const country of ['SE', 'NO'] as const) {
      const form = idForm(country, {
        eligibility: { minimumAge: 16, birthDateField: 'nationalId' },
      });
      assert.equal(parseFormDefinition(form).eligibility?.birthDateField, 'nationalId');
    }
  });

  it('refuses a UK national-id field, whose numbers carry no date of birth, at its JSON path', () => {
    const form = idForm('GB', { eligibility: { minimumAge: 16, birthDateField: 'nationalId' } });
    assert.throws(
      () => parseFormDefinition(form),
      (error: unknown) => {
        assert.ok(error instanceof FormDefinitionError);
        assert.match(error.message, /eligibility\.birthDateField/);
        assert.match(error.message, /"nationalId" is a national-id field for GB/);
        assert.match(error.message, /no date of birth/);
        return true;
      },
    );
  });

  it('still refuses a field of another type', () => {
    const form = idForm('SE', { eligibility: { minimumAge: 16, birthDateField: 'givenName' } });
    assert.throws(() => parseFormDefinition(form), /eligibility\.birthDateField.*"givenName"/s);
  });
});
