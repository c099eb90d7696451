import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FIELD_TYPES,
  FormDefinitionError,
  MAX_REPORTED_ISSUES,
  parseFormDefinition,
  resolveText,
  safeParseFormDefinition,
} from '../src/definition/index.ts';
import type { FieldDefinition, FieldType, FormDefinitionIssue } from '../src/definition/index.ts';
import { designExample, everyFieldType } from './definition-fixtures.ts';

// The discriminated union and the list of types must name the same types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const fieldTypesMatch: Same<FieldType, FieldDefinition['type']> = true;

type Json = Record<string, unknown>;
/** Steps and fields of a fixture, typed loosely so a test can break them. */
const steps = (form: Json) => form.steps as Json[];
const fields = (form: Json, step: number) => steps(form)[step]!.fields as Json[];

function issuesOf(input: unknown): FormDefinitionIssue[] {
  const result = safeParseFormDefinition(input);
  assert.equal(result.ok, false, 'the definition is rejected');
  return result.ok ? [] : [...result.error.issues];
}

/** Asserts that exactly one issue is reported at `path`, and that its message contains `words`. */
function assertIssue(input: unknown, path: string, ...words: string[]): void {
  const issues = issuesOf(input);
  const at = issues.filter((issue) => issue.path === path);
  assert.equal(at.length, 1, `one issue at ${path}; got ${JSON.stringify(issues)}`);
  for (const word of words)
    assert.ok(at[0]!.message.includes(word), `"${at[0]!.message}" mentions ${word}`);
}

describe('parseFormDefinition: valid definitions', () => {
  it('accepts the example of the design and fills in the defaults', () => {
    const form = designExample();
    delete form.drafts;
    delete form.review;
    const definition = parseFormDefinition(form);
    assert.equal(definition.id, 'example-union');
    assert.deepEqual(definition.drafts, { ttlDays: 14 });
    assert.equal(definition.review, true);
    assert.equal(definition.steps[1]!.fields[1]!.showIf?.equals, 'full');
  });

  it('accepts a field of every type', () => {
    const definition = parseFormDefinition(everyFieldType());
    const types = new Set(definition.steps.flatMap((s) => s.fields.map((f) => f.type)));
    assert.deepEqual([...types].sort(), [...FIELD_TYPES].sort());
    assert.equal(fieldTypesMatch, true);
  });

  it('accepts a "$schema" key so editors can check the file', () => {
    const form = { $schema: './form-definition.schema.json', ...designExample() };
    assert.equal(parseFormDefinition(form).$schema, './form-definition.schema.json');
  });

  it('returns a copy that holds only known keys', () => {
    const form = designExample();
    const definition = parseFormDefinition(form);
    assert.notEqual(definition, form);
    (fields(form, 0)[0] as Json).label = 'Changed';
    assert.deepEqual(definition.steps[0]!.fields[0]!.label, { en: 'First name', nb: 'Fornavn' });
  });

  it('accepts showIf on a checkbox, a number and a multi-choice with matching values', () => {
    const form = everyFieldType();
    fields(form, 2).push(
      { id: 'a', type: 'text', label: 'A', showIf: { field: 'confirm', equals: true } },
      { id: 'b', type: 'text', label: 'B', showIf: { field: 'hours', in: [10, 20] } },
      { id: 'c', type: 'text', label: 'C', showIf: { field: 'interests', equals: 'pay' } },
      { id: 'd', type: 'text', label: 'D', showIf: { field: 'address', notEmpty: true } },
    );
    assert.equal(safeParseFormDefinition(form).ok, true);
  });
});

describe('parseFormDefinition: structural problems', () => {
  it('names an unknown field type and suggests the likely one', () => {
    const form = designExample();
    fields(form, 1)[0]!.type = 'emial';
    assertIssue(
      form,
      'steps[1].fields[0].type',
      'unknown field type "emial"',
      'did you mean "email"',
    );
  });

  it('suggests "choice" or "multi-choice" for the names other form tools give a list of options', () => {
    for (const type of [
      'select',
      'radio',
      'Dropdown',
      'drop-down',
      'radios',
      'checkboxes',
      'multiselect',
    ]) {
      const form = designExample();
      fields(form, 1)[0]!.type = type;
      assertIssue(
        form,
        'steps[1].fields[0].type',
        `unknown field type "${type}"; did you mean "choice" or "multi-choice"?`,
      );
    }
  });

  it('suggests the type meant when two letters of a short one are swapped', () => {
    const form = designExample();
    fields(form, 0)[0]!.type = 'txet';
    assertIssue(form, 'steps[0].fields[0].type', 'did you mean "text"');
  });

  it('lists the field types when a type is missing', () => {
    const form = designExample();
    delete fields(form, 0)[2]!.type;
    assertIssue(form, 'steps[0].fields[2].type', 'required', '"uk-bank-account"');
  });

  it('names an unknown key with a JSON path and the key it probably meant', () => {
    const form = designExample();
    fields(form, 0)[0]!.maxlength = 3;
    assertIssue(
      form,
      'steps[0].fields[0].maxlength',
      'unknown key "maxlength"',
      'did you mean "maxLength"',
    );
  });

  it('lists the allowed keys when an unknown key resembles none', () => {
    const form = designExample();
    fields(form, 0)[2]!.options = [];
    assertIssue(
      form,
      'steps[0].fields[2].options',
      'unknown key "options"',
      '"email" field',
      'autocomplete',
    );
  });

  it('rejects unknown keys at every level', () => {
    const form = designExample();
    form.colour = 'red';
    (form.organisation as Json).logo = 'x';
    (form.eligibility as Json).maxAge = 99;
    (form.drafts as Json).days = 3;
    steps(form)[0]!.subtitle = 'x';
    (fields(form, 1)[0]!.options as Json[])[0]!.description = 'x';
    (fields(form, 1)[1]!.showIf as Json).equal = 'full';
    const paths = issuesOf(form).map((issue) => issue.path);
    for (const path of [
      'colour',
      'organisation.logo',
      'eligibility.maxAge',
      'drafts.days',
      'steps[0].subtitle',
      'steps[1].fields[0].options[0].description',
      'steps[1].fields[1].showIf.equal',
    ]) {
      assert.ok(paths.includes(path), `${path} is reported; got ${paths.join(', ')}`);
    }
  });

  it('names a locale that is not supported inside a text', () => {
    const form = designExample();
    fields(form, 0)[0]!.label = { en: 'First name', nb: 'Fornavn', de: 'Vorname' };
    assertIssue(form, 'steps[0].fields[0].label.de', '"de" is not a supported locale', '"sv"');
  });

  it('says what was expected and what was found for a wrong type', () => {
    const form = designExample();
    form.version = '3';
    (fields(form, 0)[0] as Json).required = 'yes';
    assertIssue(form, 'version', 'whole number', 'the text "3"');
    assertIssue(form, 'steps[0].fields[0].required', 'true or false', 'the text "yes"');
  });

  it('reports a missing required key', () => {
    const form = designExample();
    delete fields(form, 0)[0]!.label;
    delete steps(form)[1]!.title;
    assertIssue(form, 'steps[0].fields[0].label', 'required, but missing', 'label');
    assertIssue(form, 'steps[1].title', 'required, but missing');
  });

  it('shows how to write an option given as a plain text', () => {
    const form = designExample();
    fields(form, 1)[0]!.options = ['full', { value: 'part', label: 'Part' }, 7];
    for (const [i, got] of [
      [0, 'the text "full"'],
      [2, 'the number 7'],
    ] as const) {
      assertIssue(
        form,
        `steps[1].fields[0].options[${i}]`,
        `expected an object in curly braces, got ${got}; each option is like {"value": "full", "label": "Full"}`,
      );
    }
    const atOptions = issuesOf(form).filter((issue) => issue.path.includes('.options'));
    assert.equal(atOptions.length, 2, JSON.stringify(atOptions));
  });

  it('rejects a choice or multi-choice without options', () => {
    const form = designExample();
    fields(form, 1)[0]!.options = [];
    fields(form, 1).push({ id: 'many', type: 'multi-choice', label: 'Many' });
    assertIssue(form, 'steps[1].fields[0].options', 'at least one option');
    assertIssue(form, 'steps[1].fields[2].options', 'required, but missing', 'list the options');
  });

  it('rejects a minimum age below 13, explaining why', () => {
    const form = designExample();
    (form.eligibility as Json).minimumAge = 12;
    assertIssue(form, 'eligibility.minimumAge', '13 or more', 'under 13');
  });

  it('rejects empty locales and unsupported locales', () => {
    const form = designExample();
    form.locales = [];
    assertIssue(form, 'locales', 'at least one locale');
    form.locales = ['en', 'de'];
    assertIssue(form, 'locales[1]', '"en" or "nb" or "sv"', 'the text "de"');
  });

  it('checks the form of ids, purposes, countries, addresses and URLs', () => {
    const form = everyFieldType();
    form.id = 'Every Field';
    fields(form, 0)[0]!.id = '1name';
    fields(form, 1)[3]!.purpose = 'Membership Terms';
    fields(form, 2)[0]!.country = 'UK';
    fields(form, 2)[1]!.defaultCountry = 'se';
    (form.organisation as Json).privacyNoticeUrl = 'javascript:alert(1)';
    assertIssue(form, 'id', 'lower-case letters');
    assertIssue(form, 'steps[0].fields[0].id', 'start with a letter');
    assertIssue(form, 'steps[1].fields[3].purpose', 'lower-case');
    assertIssue(form, 'steps[2].fields[0].country', '"GB", "IE", "NO" or "SE"', 'the text "UK"');
    assertIssue(form, 'steps[2].fields[1].defaultCountry', 'two-letter country code');
    fields(form, 2)[1]!.defaultCountry = 'UK';
    assertIssue(form, 'steps[2].fields[1].defaultCountry', 'the United Kingdom is "GB"');
    assertIssue(form, 'organisation.privacyNoticeUrl', 'full web address', 'https://');
  });

  it('rejects a plain-http privacy notice, which applicants would open from the consent', () => {
    const form = designExample();
    const organisation = form.organisation as Json;
    for (const url of [
      'http://example.se/integritet',
      ' HTTP://example.org ',
      'http://localhost/',
    ]) {
      organisation.privacyNoticeUrl = url;
      assertIssue(form, 'organisation.privacyNoticeUrl', 'use an https:// address', 'plain-http');
    }
    organisation.privacyNoticeUrl = ' HTTPS://example.se/integritet ';
    assert.equal(
      parseFormDefinition(form).organisation.privacyNoticeUrl,
      'HTTPS://example.se/integritet',
    );
  });

  it('rejects texts and an organisation name of only spaces, which would show as nothing', () => {
    const form = designExample();
    fields(form, 0)[0]!.label = '   ';
    steps(form)[1]!.title = { en: 'Work', nb: '\u00a0\n' };
    (form.organisation as Json).name = ' ';
    assertIssue(form, 'steps[0].fields[0].label', 'must not be empty');
    assertIssue(form, 'steps[1].title.nb', 'must not be empty');
    assertIssue(form, 'organisation.name', 'must not be empty');
  });

  it('rejects bidirectional overrides in a text, which would show words other than recorded', () => {
    const form = designExample();
    fields(form, 0)[0]!.label = 'Name \u202eeman\u202c';
    (form.organisation as Json).name = 'Example Union \u202enoinu ekaF';
    fields(form, 0)[1]!.label = '\u200b';
    assertIssue(form, 'steps[0].fields[0].label', 'bidirectional override');
    assertIssue(form, 'organisation.name', 'bidirectional override');
    assertIssue(form, 'steps[0].fields[1].label', 'must not be empty');
  });

  it('rejects an option value with surrounding spaces, which no answer could match', () => {
    const form = designExample();
    (fields(form, 1)[0]!.options as Json[])[0]!.value = ' full';
    assertIssue(form, 'steps[1].fields[0].options[0].value', 'start or end with a space');
  });
});

describe('parseFormDefinition: problems across the form', () => {
  it('rejects duplicate step ids and field ids, naming the first use', () => {
    const form = designExample();
    steps(form)[2]!.id = 'about-you';
    fields(form, 2).push({ id: 'email', type: 'text', label: 'Email again' });
    assertIssue(form, 'steps[2].id', '"about-you"', 'steps[0]');
    assertIssue(form, 'steps[2].fields[1].id', '"email"', 'steps[0].fields[2]');
  });

  it('rejects field and step ids that no server accepts as a key', () => {
    for (const id of ['constructor', 'prototype', '__proto__']) {
      const form = designExample();
      steps(form)[1]!.id = id;
      fields(form, 0)[2]!.id = id;
      // Through JSON, as a webmaster's file arrives, so "__proto__" is an own key.
      const parsed = JSON.parse(JSON.stringify(form)) as unknown;
      const words = id === '__proto__' ? ['must start with a letter'] : [`"${id}"`, 'refuse'];
      assertIssue(parsed, 'steps[1].id', ...words, ...(id === '__proto__' ? [] : ['step id']));
      assertIssue(parsed, 'steps[0].fields[2].id', ...words);
    }
    const form = designExample();
    fields(form, 0)[2]!.id = 'constructor';
    fields(form, 1)[1]!.showIf = { field: 'constructor', notEmpty: true };
    assertIssue(form, 'steps[0].fields[2].id', 'could never be sent', 'choose another field id');
    assert.equal(issuesOf(form).length, 1, 'a field that depends on it is not reported as well');
  });

  it('rejects ids every JavaScript object already has, which would read as answers', () => {
    for (const id of ['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'toLocaleString']) {
      const form = designExample();
      steps(form)[1]!.id = id;
      fields(form, 0)[2]!.id = id;
      assertIssue(form, 'steps[1].id', `"${id}"`, 'every JavaScript object', 'step id');
      assertIssue(form, 'steps[0].fields[2].id', `"${id}"`, 'choose another field id');
    }
    const form = designExample();
    fields(form, 0)[2]!.id = 'toString';
    assert.deepEqual(issuesOf(form), [
      {
        path: 'steps[0].fields[2].id',
        message:
          '"toString" is a name every JavaScript object already has, so a missing answer would be read as one; choose another field id',
      },
    ]);
  });

  it('rejects persist on a field whose answers are kept in the draft anyway', () => {
    const form = designExample();
    fields(form, 0)[0]!.persist = true;
    assertIssue(form, 'steps[0].fields[0].persist', 'national-id, iban, uk-bank-account');
  });

  it('accepts ids that only contain a reserved word', () => {
    const form = designExample();
    steps(form)[1]!.id = 'prototypes';
    fields(form, 0)[2]!.id = 'constructorName';
    assert.doesNotThrow(() => parseFormDefinition(form));
  });

  it('rejects showIf pointing at an unknown field, suggesting the likely one', () => {
    const form = designExample();
    (fields(form, 1)[1]!.showIf as Json).field = 'membershiptype';
    assertIssue(
      form,
      'steps[1].fields[1].showIf.field',
      'no field "membershiptype"',
      'did you mean "membershipType"',
    );
  });

  it('rejects showIf pointing at the field itself or at a later field', () => {
    const form = designExample();
    (fields(form, 1)[1]!.showIf as Json).field = 'employer';
    fields(form, 0)[2]!.showIf = { field: 'newsletter', equals: true };
    fields(form, 1).unshift({
      id: 'early',
      type: 'text',
      label: 'Early',
      showIf: { field: 'membershipType', notEmpty: true },
    });
    assertIssue(form, 'steps[1].fields[2].showIf.field', 'cannot depend on itself');
    assertIssue(form, 'steps[0].fields[2].showIf.field', 'later', 'steps[2].fields[0]');
    assertIssue(form, 'steps[1].fields[0].showIf.field', 'later', 'steps[1].fields[1]');
  });

  it('reports a choice without options once, at its options, not at a showIf on it', () => {
    const form = designExample();
    fields(form, 1)[0]!.options = [];
    const paths = issuesOf(form).map((issue) => issue.path);
    assert.deepEqual(paths, ['steps[1].fields[0].options']);
  });

  it('rejects showIf values that are not options of the choice', () => {
    const form = designExample();
    (fields(form, 1)[1]!.showIf as Json).equals = 'fulll';
    fields(form, 1).push({
      id: 'course',
      type: 'text',
      label: 'Course',
      showIf: { field: 'membershipType', in: ['student', 'retired'] },
    });
    assertIssue(
      form,
      'steps[1].fields[1].showIf.equals',
      '"fulll" is not an option',
      '"full", "student"',
    );
    assertIssue(form, 'steps[1].fields[2].showIf.in[1]', '"retired" is not an option');
  });

  it('rejects showIf values of the wrong kind for the field depended on', () => {
    const form = everyFieldType();
    fields(form, 2).push(
      { id: 'a', type: 'text', label: 'A', showIf: { field: 'confirm', equals: 'yes' } },
      { id: 'b', type: 'text', label: 'B', showIf: { field: 'hours', equals: '10' } },
      { id: 'c', type: 'text', label: 'C', showIf: { field: 'address', equals: 'x' } },
      { id: 'd', type: 'text', label: 'D', showIf: { field: 'email', equals: 3 } },
    );
    assertIssue(form, 'steps[2].fields[8].showIf.equals', 'true or false');
    assertIssue(form, 'steps[2].fields[9].showIf.equals', 'number');
    assertIssue(form, 'steps[2].fields[10].showIf.equals', 'notEmpty');
    assertIssue(form, 'steps[2].fields[11].showIf.equals', 'text');
  });

  it('requires exactly one condition in showIf', () => {
    const form = designExample();
    fields(form, 1)[1]!.showIf = { field: 'membershipType' };
    assertIssue(form, 'steps[1].fields[1].showIf', 'add one condition');
    fields(form, 1)[1]!.showIf = { field: 'membershipType', equals: 'full', notEmpty: true };
    assertIssue(form, 'steps[1].fields[1].showIf', 'only one condition');
  });

  it("rejects a text given per locale that lacks one of the form's locales", () => {
    const form = designExample();
    fields(form, 0)[1]!.label = { en: 'Date of birth' };
    steps(form)[0]!.title = { nb: 'Om deg' };
    (fields(form, 1)[0]!.options as Json[])[1]!.label = { en: 'Student' };
    assertIssue(form, 'steps[0].fields[1].label', 'missing the "nb" text', '"en", "nb"');
    assertIssue(form, 'steps[0].title', 'missing the "en" text');
    assertIssue(form, 'steps[1].fields[0].options[1].label', 'missing the "nb" text');
  });

  it('requires the birth date field to exist and be a date field', () => {
    const form = designExample();
    (form.eligibility as Json).birthDateField = 'birthdate';
    assertIssue(
      form,
      'eligibility.birthDateField',
      'no field "birthdate"',
      'did you mean "birthDate"',
    );
    (form.eligibility as Json).birthDateField = 'email';
    assertIssue(form, 'eligibility.birthDateField', 'date field', '"email"');
  });

  it('rejects ";" in a multi-choice value, which would make two choices read as one in a CSV', () => {
    const form = everyFieldType();
    const multi = fields(form, 1).findIndex((field) => field.type === 'multi-choice');
    (fields(form, 1)[multi]!.options as Json[])[0]!.value = 'evenings; weekends';
    assertIssue(form, `steps[1].fields[${multi}].options[0].value`, 'must not contain ";"');
    const single = fields(form, 1).findIndex((field) => field.type === 'choice');
    (fields(form, 1)[single]!.options as Json[])[0]!.value = 'public; private';
    const paths = issuesOf(form).map((issue) => issue.path);
    assert.ok(!paths.includes(`steps[1].fields[${single}].options[0].value`), 'a choice may');
  });

  it('rejects duplicate option values, duplicate locales and duplicate consent purposes', () => {
    const form = designExample();
    (fields(form, 1)[0]!.options as Json[])[1]!.value = 'full';
    form.locales = ['en', 'nb', 'en'];
    fields(form, 2).push({ id: 'again', type: 'consent', purpose: 'newsletter', label: 'Again' });
    assertIssue(form, 'steps[1].fields[0].options[1].value', '"full"', 'options[0]');
    assertIssue(form, 'locales[2]', 'listed twice');
    assertIssue(form, 'steps[2].fields[1].purpose', '"newsletter"', 'steps[2].fields[0]');
  });

  it('rejects limits that contradict each other', () => {
    const form = everyFieldType();
    fields(form, 0)[0]!.minLength = 30;
    fields(form, 0)[4]!.min = 100;
    assertIssue(form, 'steps[0].fields[0].minLength', '"maxLength" (20)');
    assertIssue(form, 'steps[0].fields[4].min', '"max" (60)');
  });
});

describe('FormDefinitionError', () => {
  it('lists every problem, one per line, in document order', () => {
    const form = designExample();
    form.version = 0;
    fields(form, 1)[0]!.type = 'emial';
    fields(form, 0)[0]!.maxlength = 3;
    const result = safeParseFormDefinition(form);
    assert.equal(result.ok, false);
    if (result.ok) return;
    const lines = result.error.message.split('\n');
    assert.equal(lines[0], 'The form definition has 3 problems:');
    assert.deepEqual(
      lines.slice(1).map((line) => line.split(':')[0]),
      ['steps[0].fields[0].maxlength', 'steps[1].fields[0].type', 'version'],
    );
    assert.ok(
      lines.includes('steps[1].fields[0].type: unknown field type "emial"; did you mean "email"?'),
    );
    assert.ok(result.error instanceof FormDefinitionError);
    assert.ok(result.error instanceof Error);
    assert.equal(result.error.name, 'FormDefinitionError');
  });

  it('is what parseFormDefinition throws', () => {
    assert.throws(
      () => parseFormDefinition({ id: 'x' }),
      (error: unknown) =>
        error instanceof FormDefinitionError &&
        error.issues.some((issue) => issue.path === 'steps') &&
        /^The form definition has \d+ problems:/.test(error.message),
    );
  });
});

describe('parseFormDefinition: hostile input', () => {
  for (const [name, value] of [
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an array', [designExample()]],
    ['a function', () => designExample()],
  ] as const) {
    it(`rejects ${name} with one clear issue`, () => {
      const issues = issuesOf(value);
      assert.equal(issues.length, 1);
      assert.equal(issues[0]!.path, '');
      assert.match(issues[0]!.message, /expected the form definition to be a JSON object/);
    });
  }

  it('rejects a revoked Proxy, at the top or inside, without throwing', () => {
    const top = Proxy.revocable({}, {});
    top.revoke();
    const inner = Proxy.revocable({}, {});
    inner.revoke();
    const form = designExample();
    form.organisation = inner.proxy;
    for (const value of [top.proxy, form]) {
      const [issue] = issuesOf(value);
      assert.match(issue!.message, /could not be read/);
    }
  });

  it('tells a caller who passed the JSON text to parse it first', () => {
    const [issue] = issuesOf(JSON.stringify(designExample()));
    assert.match(issue!.message, /JSON\.parse/);
  });

  it('rejects __proto__ keys without polluting any prototype', () => {
    const text = JSON.stringify(designExample())
      .replace('{', '{"__proto__":{"polluted":true},')
      .replace('"label":"Email"', '"label":{"__proto__":"x","en":"Email","nb":"E-post"}');
    const issues = issuesOf(JSON.parse(text));
    const paths = issues.map((issue) => issue.path);
    assert.ok(paths.includes('__proto__'), paths.join(', '));
    assert.ok(paths.includes('steps[0].fields[2].label.__proto__'), paths.join(', '));
    assert.equal(({} as Json).polluted, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  });

  it('lists at most a hundred problems, then counts the rest', () => {
    const form = designExample();
    form.steps = Array.from({ length: 50 }, (_, i) => ({
      id: `s${i}`,
      title: 'T',
      fields: [{ id: 'same', type: 'text', label: 'L', extra: 1, more: 2 }],
    }));
    const result = safeParseFormDefinition(form);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.issues.length, MAX_REPORTED_ISSUES);
    assert.match(result.error.message, /^The form definition has 150 problems:/);
    assert.match(result.error.message, /\n…and 50 more$/);
  });

  it('rejects a constructor key as unknown', () => {
    const form = designExample();
    fields(form, 0)[0]!['constructor'] = { prototype: { polluted: true } };
    assertIssue(form, 'steps[0].fields[0].constructor', 'unknown key');
    assert.equal(({} as Json).polluted, undefined);
  });

  it('never repeats a huge string in a message', () => {
    const huge = 'x'.repeat(1_000_000);
    const form = designExample();
    fields(form, 0)[0]!.type = huge;
    fields(form, 0)[1]!.id = huge;
    fields(form, 0)[2]![huge] = 1;
    (fields(form, 1)[0] as Json).label = huge;
    const result = safeParseFormDefinition(form);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.ok(
      result.error.message.length < 5_000,
      `message of ${result.error.message.length} chars`,
    );
    const paths = result.error.issues.map((issue) => issue.path);
    assert.ok(paths.includes('steps[0].fields[0].type'));
    assert.ok(paths.includes('steps[0].fields[1].id'));
    assert.ok(paths.includes('steps[1].fields[0].label'));
  });

  it('keeps the report of a definition with 200,000 problems short and useful', () => {
    const form = designExample();
    const keys: Json = {};
    for (let i = 0; i < 100_000; i++) keys[`k${i}`] = i;
    Object.assign(form, keys);
    form.steps = Array.from({ length: 100_000 }, () => ({ id: 'same', title: 'T', fields: [] }));
    const result = safeParseFormDefinition(form);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.ok(result.error.issues.length <= MAX_REPORTED_ISSUES);
    assert.ok(result.error.message.length < 20_000);
    assert.ok(result.error.message.includes('…and 99990 more unknown keys'));
    assert.ok(
      result.error.issues.some(
        (issue) => issue.path === 'steps' && /too many steps/.test(issue.message),
      ),
    );
  });

  it('reports an object whose getter throws instead of crashing', () => {
    const form = designExample();
    Object.defineProperty(form, 'id', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const result = safeParseFormDefinition(form);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.error.message, /could not be read/);
    assert.ok(result.error.cause instanceof Error);
  });

  it('survives deeply nested values where none belong', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const form = designExample();
    fields(form, 0)[0]!.hint = deep;
    assertIssue(form, 'steps[0].fields[0].hint.a', '"a" is not a supported locale');
  });
});

describe('resolveText', () => {
  it('returns a plain string as it is', () => {
    assert.equal(resolveText('Email', 'nb'), 'Email');
  });

  it('picks the locale, then the fallbacks, then any text', () => {
    const text = { en: 'Email', nb: 'E-post' };
    assert.equal(resolveText(text, 'nb'), 'E-post');
    assert.equal(resolveText(text, 'sv', ['nb', 'en']), 'E-post');
    assert.equal(resolveText({ sv: 'E-post (sv)' }, 'en', ['en']), 'E-post (sv)');
  });
});
