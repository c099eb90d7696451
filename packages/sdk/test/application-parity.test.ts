// The browser (engine) and the server (validateApplication) must give the same verdict on the same
// answers: both run one set of rules, and this test keeps it that way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateApplication } from '../src/application/index.ts';
import type { ApplicationIssue } from '../src/application/index.ts';
import { parseFormDefinition } from '../src/definition/index.ts';
import type { FormDefinition } from '../src/definition/index.ts';
import { createFormSession } from '../src/engine/index.ts';
import { VALID, designExample, everyFieldType } from './definition-fixtures.ts';

const now = new Date(2025, 5, 1, 12);
const HASH = `sha256:${'0'.repeat(64)}`;

/** Raw values as a UI or a developer's JSON would send them: valid, odd and wrong. */
const INPUTS: [field: string, raw: unknown][] = [
  ['name', 'Ada'],
  ['name', ' A '],
  ['name', 'x'.repeat(21)],
  ['name', ''],
  ['story', 'x'.repeat(10_001)],
  ['email', 'ada@example.org'],
  ['email', 'ada@example'],
  ['phone', '+44 7700 900982'],
  ['phone', 'not a number'],
  ['hours', 37],
  ['hours', '37'],
  ['hours', '7,5'],
  ['hours', 'lots'],
  ['hours', 0],
  ['hours', 61],
  ['birthDate', '1990-04-01'],
  ['birthDate', '1990-4-1'],
  ['birthDate', '1990-02-30'],
  ['birthDate', '1990--01'],
  ['birthDate', '2030-01-01'],
  ['birthDate', '2014-01-01'],
  ['birthDate', '1899-12-31'],
  ['startDate', '2030-01-01'],
  ['sector', 'public'],
  ['sector', 'charity'],
  ['interests', ['pay', 'training']],
  ['interests', ['pay', 'bonus']],
  ['interests', []],
  ['confirm', true],
  ['confirm', false],
  ['postcode', 'sw1a1aa'],
  ['postcode', 'SW1A'],
  ['address', { line1: '1 Storgatan', town: 'Stockholm', postcode: '11455' }],
  ['address', { line1: '1 Storgatan', postcode: '1145' }],
  ['address', { line1: '1 Rue', town: 'Paris', country: 'fr' }],
  ['address', { line1: '1 Rue', town: 'Paris', country: 'France' }],
  ['address', { line2: 'Flat 2' }],
  ['personnummer', VALID.personnummer],
  ['personnummer', '811218-9875'],
  ['fodselsnummer', VALID.fodselsnummer],
  ['fodselsnummer', '15108695089'],
  ['nino', VALID.nino],
  ['nino', 'QQ123456C'],
  ['iban', VALID.iban],
  ['iban', 'GB82WEST12345698765433'],
  ['bank', { accountHolder: 'Ada', sortCode: VALID.sortCode, accountNumber: VALID.accountNumber }],
  ['bank', { accountHolder: 'Ada', sortCode: '12-34', accountNumber: '1234' }],
  ['bank', { sortCode: VALID.sortCode }],
  ['name', 'a\n=b'],
  ['name', 'Ada\r\n\tLovelace\u0000'],
  ['email', 'ada@example.org\r\nBcc: eve@example.org'],
  ['story', 'one\r\ntwo\u0007'],
  ['nino', `${VALID.nino.slice(0, 2)}\n${VALID.nino.slice(2)}`],
  ['address', { line1: '1 Storgatan\nBox 7', town: 'Stockholm', postcode: '114\t55' }],
];

/**
 * Inputs with line breaks, tabs and other control characters, and personnummer in their written
 * forms, and what is stored for each.
 */
const STORED: [field: string, raw: unknown, stored: unknown][] = [
  ['personnummer', '811218-9876', '198112189876'],
  ['personnummer', '19811218-9876', '198112189876'],
  ['personnummer', '811218+9876', '188112189876'],
  ['personnummer', '701063-2391', '197010632391'],
  ['name', 'a\n=b', 'a =b'],
  ['name', 'Ada\r\n\tLovelace\u0000', 'Ada Lovelace'],
  ['email', 'ada@example.org\n', 'ada@example.org'],
  ['phone', '+44 7700\u2028900982', '+44 7700 900982'],
  ['postcode', 'SW1A\r\n1AA', 'SW1A 1AA'],
  ['iban', `${VALID.iban.slice(0, 4)}\n${VALID.iban.slice(4)}`, VALID.iban.replaceAll(' ', '')],
  ['story', 'one\r\ntwo\u0007\tthree', 'one\ntwo three'],
  [
    'address',
    { line1: '1 Storgatan\nBox 7', town: 'Stockholm\u0000', postcode: '11455' },
    { line1: '1 Storgatan Box 7', town: 'Stockholm', postcode: '114 55', country: 'SE' },
  ],
];

function engineVerdict(
  definition: FormDefinition,
  answers: Record<string, unknown>,
  consents: Record<string, boolean>,
) {
  const session = createFormSession(definition, { locale: 'en', now });
  for (const [field, raw] of Object.entries({ ...answers, ...consents })) session.set(field, raw);
  const verdict = session
    .validateAll()
    .map((issue) => `${issue.field} ${issue.code} ${issue.params?.part ?? ''}`);
  const eligibility = session.eligibility();
  if (!eligibility.eligible) verdict.push(`birthDate ineligible ${eligibility.reason}`);
  return verdict.sort();
}

function serverVerdict(
  definition: FormDefinition,
  answers: Record<string, unknown>,
  consents: Record<string, boolean>,
) {
  const consentFields = definition.steps
    .flatMap((s) => s.fields)
    .filter((f) => f.type === 'consent');
  const data = {
    formId: definition.id,
    formVersion: definition.version,
    locale: 'en',
    answers,
    consents: consentFields.map((field) => ({
      purpose: field.type === 'consent' ? field.purpose : '',
      granted: consents[field.id] === true,
      textHash: HASH,
      at: now.toISOString(),
    })),
  };
  const result = validateApplication(definition, data, { now });
  if (result.ok) return [];
  const fieldOf = (issue: ApplicationIssue) =>
    issue.path[0] === 'consents'
      ? consentFields[issue.path[1] as number]!.id
      : String(issue.path[1]);
  return result.issues
    .map((issue) =>
      issue.code === 'ineligible'
        ? `${fieldOf(issue)} ineligible ${issue.params?.reason}`
        : `${fieldOf(issue)} ${issue.code} ${issue.params?.part ?? ''}`,
    )
    .sort();
}

describe('the engine and validateApplication agree', () => {
  const every = parseFormDefinition(everyFieldType());
  for (const [field, raw] of INPUTS) {
    it(`on ${field} = ${JSON.stringify(raw).slice(0, 50)}`, () => {
      const answers = { [field]: raw };
      const consents = { terms: true };
      assert.deepEqual(
        serverVerdict(every, answers, consents),
        engineVerdict(every, answers, consents),
      );
    });
  }

  for (const [field, raw, stored] of STORED) {
    it(`stores the same answer for ${field} = ${JSON.stringify(raw).slice(0, 50)}`, async () => {
      const session = createFormSession(every, { locale: 'en', now });
      session.set(field, raw);
      session.set('terms', true);
      assert.deepEqual(session.get(field), stored, 'the engine');
      const data = { ...(await session.toApplication()), answers: { [field]: raw } };
      const result = validateApplication(every, data, { now });
      assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
      assert.deepEqual(result.application.answers[field], stored, 'validateApplication');
    });
  }

  it('on a required consent not given', () => {
    const consents = { terms: false, news: true };
    const verdict = engineVerdict(every, {}, consents);
    assert.deepEqual(verdict, ['terms consent_required ']);
    assert.deepEqual(serverVerdict(every, {}, consents), verdict);
  });

  it('on required answers left out', () => {
    const form = everyFieldType();
    for (const step of form.steps as { fields: Record<string, unknown>[] }[]) {
      for (const f of step.fields) f.required = true;
    }
    const definition = parseFormDefinition(form);
    const verdict = engineVerdict(definition, {}, { terms: true, news: true });
    assert.equal(verdict.length, 18);
    assert.deepEqual(serverVerdict(definition, {}, { terms: true, news: true }), verdict);
  });

  it('on conditional questions: what the engine hides, the server refuses to receive', async () => {
    const definition = parseFormDefinition(designExample());
    const answers = {
      givenName: 'Ada',
      birthDate: '1985-12-10',
      email: 'ada@example.org',
      membershipType: 'student',
      employer: 'x'.repeat(1_000),
    };
    const session = createFormSession(definition, { locale: 'en', now });
    for (const [field, raw] of Object.entries(answers)) session.set(field, raw);
    assert.deepEqual(session.validateAll(), [], 'the hidden answer is not validated');
    const application = await session.toApplication();
    assert.equal(Object.hasOwn(application.answers, 'employer'), false, 'nor submitted');
    assert.equal(validateApplication(definition, application, { now }).ok, true);
    const sent = { ...application, answers };
    const result = validateApplication(definition, sent, { now });
    assert.deepEqual(!result.ok && result.issues.map((issue) => issue.code), ['hidden_field']);
  });

  it('on a question that depends on a consent: asked once it is given, and accepted by the server', async () => {
    const json = designExample() as { steps: { id: string; title?: string; fields: unknown[] }[] };
    json.steps.push({
      id: 'news',
      title: 'Union news',
      fields: [
        { id: 'magazine', type: 'consent', purpose: 'magazine', label: 'Send me the magazine' },
        {
          id: 'topics',
          type: 'multi-choice',
          label: 'Topics',
          required: true,
          options: [
            { value: 'pay', label: 'Pay' },
            { value: 'safety', label: 'Safety' },
          ],
          showIf: { field: 'magazine', equals: true },
        },
      ],
    });
    const definition = parseFormDefinition(json);
    const session = createFormSession(definition, { locale: 'en', now });
    const answers = { givenName: 'Ada', birthDate: '1985-12-10', email: 'ada@example.org' };
    for (const [field, raw] of Object.entries(answers)) session.set(field, raw);
    session.set('membershipType', 'student');
    session.set('magazine', true);
    session.set('topics', ['safety']);
    const application = await session.toApplication();
    assert.deepEqual(application.answers.topics, ['safety']);
    assert.deepEqual(validateApplication(definition, application, { now }), {
      ok: true,
      application,
    });

    // Not given: the question is not asked, and an answer to it is refused.
    const declined = {
      ...application,
      consents: application.consents.map((record) =>
        record.purpose === 'magazine' ? { ...record, granted: false } : record,
      ),
    };
    const result = validateApplication(definition, declined, { now });
    assert.deepEqual(!result.ok && result.issues.map((issue) => issue.path.join('.')), [
      'answers.topics',
    ]);
  });
});
