// Every form shipped in examples/forms/ (and every test form in e2e/support/forms/) must load, and an
// applicant must be able to complete it down every branch that a choice opens, ending in an
// application the server's own validation accepts.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  FormDefinitionError,
  createFormSession,
  isValidNorwegianFodselsnummer,
  parseFormDefinition,
  validateApplication,
  type FieldDefinition,
  type FormDefinition,
  type FormSession,
} from '@union-join/sdk';

const formsDir = new URL('../examples/forms/', import.meta.url);
const testFormsDir = new URL('support/forms/', import.meta.url);
const jsonIn = (dir: URL) => readdirSync(dir).filter((name) => name.endsWith('.json'));
const files = jsonIn(formsDir);
const forms = [
  ...files.map((name) => new URL(name, formsDir)),
  ...jsonIn(testFormsDir).map((name) => new URL(name, testFormsDir)),
];
const read = (file: URL): unknown => JSON.parse(readFileSync(file, 'utf8'));

const postcodes = { GB: 'SW1A 1AA', IE: 'D02 X285', NO: '0150', SE: '114 55' } as const;

/** A valid Norwegian birth number for 1 January 1990, found by its check digits rather than copied. */
function fodselsnummer(): string {
  for (let serial = 100; serial < 1000; serial++) {
    for (let checks = 0; checks < 100; checks++) {
      const candidate = `010190${serial}${String(checks).padStart(2, '0')}`;
      if (isValidNorwegianFodselsnummer(candidate)) return candidate;
    }
  }
  throw new Error('no valid fødselsnummer found');
}

const nationalIds = { SE: '19811218-9876', NO: fodselsnummer(), GB: 'AB 12 34 56 C' } as const;

/** What an applicant would type into a field of this kind, as the raw value a UI passes on. */
function sampleAnswer(field: FieldDefinition): unknown {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return 'Sample answer'.padEnd(field.minLength ?? 0, '.');
    case 'email':
      return 'ada@example.org';
    case 'tel':
      return '+44 7700 900123';
    case 'number':
      return field.min ?? field.max ?? 1;
    case 'date':
      return '1990-01-01';
    case 'choice':
      return field.options[0]!.value;
    case 'multi-choice':
      return [field.options[0]!.value];
    case 'checkbox':
    case 'consent':
      return true;
    case 'postal-code':
      return postcodes[field.country];
    case 'address': {
      const country = (field.defaultCountry ?? 'GB') as keyof typeof postcodes;
      return { line1: '1 High Street', town: 'Sampleton', postcode: postcodes[country], country };
    }
    case 'national-id':
      return nationalIds[field.country];
    case 'iban':
      return 'SE45 5000 0000 0583 9825 7466';
    case 'uk-bank-account':
      return { accountHolder: 'Ada Lovelace', sortCode: '20-00-00', accountNumber: '55779911' };
  }
}

/** Fills every visible step in order, as an applicant pressing Continue would; returns the steps seen. */
function complete(session: FormSession, chosen: Record<string, string>): string[] {
  const seen: string[] = [];
  for (let index = 0; index < session.visibleSteps().length; index++) {
    const step = session.visibleSteps()[index]!;
    seen.push(step.id);
    // Answering a choice can reveal further fields on the same step, so fill until none is left.
    let unanswered = session.visibleFields(step.id).filter((f) => session.get(f.id) === undefined);
    while (unanswered.length > 0) {
      for (const field of unanswered)
        session.set(field.id, chosen[field.id] ?? sampleAnswer(field));
      unanswered = session.visibleFields(step.id).filter((f) => session.get(f.id) === undefined);
    }
    assert.deepEqual(session.validateStep(step.id), [], `step "${step.id}" has no problems`);
  }
  return seen;
}

/** Every (choice field, option) pair that some `showIf` depends on, so each branch is walked. */
function branches(definition: FormDefinition): Record<string, string>[] {
  const fields = definition.steps.flatMap((step) => step.fields);
  const controlling = new Set(
    fields.flatMap((field) => (field.showIf ? [field.showIf.field] : [])),
  );
  const result: Record<string, string>[] = [{}];
  for (const field of fields) {
    if (field.type !== 'choice' || !controlling.has(field.id)) continue;
    for (const option of field.options) result.push({ [field.id]: option.value });
  }
  return result;
}

describe('examples/forms', () => {
  it('ships the four realistic forms and the design example', () => {
    for (const name of [
      'example-union.json',
      'uk-union-direct-debit.json',
      'no-youth-organisation.json',
      'no-health-union.json',
      'se-union-personnummer.json',
    ]) {
      assert.ok(files.includes(name), `${name} is in examples/forms`);
    }
  });

  for (const file of forms) {
    const name = file.pathname.split('/').at(-1)!;
    describe(name, () => {
      const definition = parseFormDefinition(read(file));

      it('is named after its id, so `form-id` finds it', () => {
        assert.equal(`${definition.id}.json`, name);
      });

      for (const chosen of branches(definition)) {
        const branch =
          Object.entries(chosen)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ') || 'defaults';
        it(`completes to a valid application (${branch})`, async () => {
          for (const locale of definition.locales) {
            const session = createFormSession(definition, { locale });
            complete(session, chosen);
            assert.deepEqual(session.validateAll(), []);
            assert.deepEqual(session.eligibility(), { eligible: true });
            const application = await session.toApplication();
            assert.equal(application.formId, definition.id);
            assert.equal(application.locale, locale);
            const result = validateApplication(definition, JSON.parse(JSON.stringify(application)));
            assert.equal(result.ok, true, JSON.stringify(!result.ok && result.issues));
            for (const [field, value] of Object.entries(chosen)) {
              assert.equal(application.answers[field], value);
            }
          }
        });
      }

      it('shows no step whose fields are all hidden, and asks nothing twice', () => {
        const ids = definition.steps.flatMap((step) => step.fields.map((field) => field.id));
        assert.equal(new Set(ids).size, ids.length);
        for (const chosen of branches(definition)) {
          const session = createFormSession(definition, { locale: definition.locales[0]! });
          for (const step of complete(session, chosen)) {
            assert.ok(session.visibleFields(step).length > 0);
          }
        }
      });

      if (definition.eligibility) {
        const { minimumAge, birthDateField } = definition.eligibility;
        it(`turns away an applicant younger than ${minimumAge}`, () => {
          const session = createFormSession(definition, {
            locale: definition.locales[0]!,
            now: new Date('2025-06-01T12:00:00Z'),
          });
          const birthYear = 2025 - minimumAge;
          session.set(birthDateField, `${birthYear}-06-02`);
          const verdict = session.eligibility();
          assert.equal(verdict.eligible, false);
          assert.equal(!verdict.eligible && verdict.minimumAge, minimumAge);
          session.set(birthDateField, `${birthYear}-06-01`);
          assert.deepEqual(session.eligibility(), { eligible: true });
        });
      }

      it("catches a webmaster's typo with the JSON path", () => {
        const broken = read(file) as { steps: { fields: Record<string, unknown>[] }[] };
        const field = broken.steps[0]!.fields[0]!;
        field.requried = field.required;
        delete field.required;
        assert.throws(
          () => parseFormDefinition(broken),
          (error: unknown) =>
            error instanceof FormDefinitionError &&
            error.issues.some((issue) => issue.path === 'steps[0].fields[0].requried'),
        );
      });
    });
  }
});
