// Writes form-definition.schema.json from the zod schema, so editors can check and complete a
// form definition as it is typed. Run by the package's build; a test fails when the file is stale.
import { writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { FIELD_TYPES, FormDefinitionSchema } from '../src/definition/index.ts';
import { isWebAddress } from '../src/definition/web-address.ts';
import { isWholeNumber } from '../src/definition/whole-number.ts';
import type { FieldType } from '../src/definition/index.ts';

type JsonSchema = { [key: string]: unknown };
type Kind =
  | 'form'
  | 'organisation'
  | 'eligibility'
  | 'drafts'
  | 'step'
  | 'field'
  | 'option'
  | 'showIf'
  | 'text';

const TEXT =
  'A text shown to applicants: one string for every locale, or one per locale like {"en": "Email", "nb": "E-post"}.';

const DOCS: Record<Kind, Record<string, string>> = {
  form: {
    $schema: 'The address of this JSON Schema, so editors can check the file.',
    id: 'The form\'s id, used in its web address (GET /v1/forms/{id}): lower-case letters, digits and "-".',
    version:
      'Raise it whenever the questions change; every application records the version it answered.',
    organisation: 'The organisation the applicant joins.',
    locales:
      'The languages the form is offered in, the default first. Every text given per locale must have all of them.',
    eligibility: 'An age limit on joining online. Children under 13 can never join online.',
    drafts: "How long unfinished applications are kept on the applicant's device.",
    review: 'Show a "Check your answers" page before sending (default true).',
    steps: 'The pages of the form, in order.',
  },
  organisation: {
    name: "The organisation's name, as applicants know it.",
    privacyNoticeUrl: 'The full web address (https://) of the privacy notice linked from the form.',
  },
  eligibility: {
    minimumAge: 'Youngest age, in years, at which someone may join online (13 or more).',
    birthDateField:
      'The id of the field that gives the date of birth: a date field, or a national-id field for SE or NO (whose numbers carry it).',
  },
  drafts: {
    ttlDays: 'Days an unfinished application is kept on the device (default 14).',
  },
  step: {
    id: 'The step\'s id, unique in the form: a letter, then letters, digits, "-" or "_".',
    title: `The step's heading. ${TEXT}`,
    description: `Text shown under the heading. ${TEXT}`,
    fields: 'The questions on this step, in order.',
  },
  field: {
    id: 'The field\'s id, unique in the whole form and the key of its answer: a letter, then letters, digits, "-" or "_".',
    type: 'What kind of question this is.',
    label: `The question. ${TEXT}`,
    hint: `Help shown under the label. ${TEXT}`,
    required: 'Whether an answer is needed to continue (for a consent: whether it must be given).',
    autocomplete:
      'The HTML autocomplete token, like "given-name", "email" or "bday", so browsers can fill it in.',
    showIf: 'Ask this field only when an earlier answer matches.',
    persist:
      'Keep the answer in the draft on the device even for bank details and identity numbers (default false: they are never written to the device).',
    minLength: 'Fewest characters accepted.',
    maxLength: 'Most characters accepted.',
    min: 'Smallest number accepted.',
    max: 'Largest number accepted.',
    integer: 'Accept whole numbers only.',
    options: 'The options to choose from.',
    purpose:
      'What the consent is for, like "newsletter"; recorded with the answer. Each purpose can be asked once.',
    country: 'The country whose format is checked.',
    defaultCountry: 'The country selected at first, as a two-letter code like "GB".',
  },
  option: {
    value: 'What is stored when this option is chosen.',
    label: `What the applicant sees. ${TEXT}`,
    hint: `Help shown under the option. ${TEXT}`,
  },
  showIf: {
    field: 'The id of an earlier field this one depends on.',
    equals: 'Ask this field when that answer equals this value (for a multi-choice: includes it).',
    in: 'Ask this field when that answer is one of these values.',
    notEmpty: 'Ask this field when that field has any answer.',
  },
  text: {
    en: 'The text in English.',
    nb: 'The text in Norwegian Bokmål.',
    sv: 'The text in Swedish.',
  },
};

const FIELD_DOCS: Record<FieldType, string> = {
  text: 'A one-line text answer.',
  textarea: 'A text answer of several lines.',
  email: 'An email address.',
  tel: 'A phone number.',
  number: 'A number.',
  date: 'A date, asked as day, month and year; stored as YYYY-MM-DD.',
  choice: 'One option from a list.',
  'multi-choice': 'Any number of options from a list.',
  checkbox: 'A single box to tick.',
  consent:
    'A consent, never ticked in advance; the application records it with the exact text shown and the time.',
  'postal-code': 'A postcode of one country, checked and written the way people write it there.',
  address: 'A postal address: two lines, town, postcode and country.',
  'national-id':
    'A national identity number: Swedish personnummer (SE), Norwegian fødselsnummer (NO) or UK National Insurance number (GB). Not kept in drafts unless "persist" is true.',
  iban: 'An international bank account number. Not kept in drafts unless "persist" is true.',
  'uk-bank-account':
    'A UK bank account: name on the account, sort code and account number. Not kept in drafts unless "persist" is true.',
};

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object branch of a localized text (`anyOf: [string, {en, nb, sv}]`), if `node` is one. */
function textMap(node: JsonSchema): JsonSchema | undefined {
  const branches = node.anyOf;
  if (!Array.isArray(branches)) return undefined;
  return branches.find(
    (branch): branch is JsonSchema =>
      isObject(branch) && isObject(branch.properties) && 'en' in branch.properties,
  );
}

function childKind(kind: Kind, key: string): Kind | undefined {
  if (kind === 'form' && (key === 'organisation' || key === 'eligibility' || key === 'drafts'))
    return key;
  if (kind === 'field' && key === 'showIf') return 'showIf';
  return undefined;
}

function describe(node: JsonSchema, kind: Kind): void {
  const properties = node.properties;
  if (!isObject(properties)) return;
  for (const [key, child] of Object.entries(properties)) {
    if (!isObject(child)) continue;
    const doc = DOCS[kind][key];
    if (doc === undefined) throw new Error(`No description for "${key}" of a ${kind}`);
    child.description = doc;
    const map = textMap(child);
    if (map) describe(map, 'text');
    const next = childKind(kind, key);
    if (next) describe(child, next);
    const items = child.items;
    if (!isObject(items)) continue;
    if (kind === 'form' && key === 'steps') describe(items, 'step');
    if (kind === 'field' && key === 'options') describe(items, 'option');
    if (kind === 'step' && key === 'fields') {
      const variants = items.oneOf ?? items.anyOf;
      if (!Array.isArray(variants)) throw new Error('fields: expected one schema per field type');
      for (const variant of variants) {
        if (!isObject(variant) || !isObject(variant.properties)) continue;
        const type = (variant.properties.type as JsonSchema | undefined)?.const;
        if (typeof type !== 'string' || !(FIELD_TYPES as readonly string[]).includes(type)) {
          throw new Error('fields: a field schema without a known "type"');
        }
        variant.title = `${type} field`;
        variant.description = FIELD_DOCS[type as FieldType];
        describe(variant, 'field');
      }
    }
  }
}

/** The JSON Schema of a form definition, as the text written to form-definition.schema.json. */
export function renderFormDefinitionJsonSchema(): string {
  const schema = z.toJSONSchema(FormDefinitionSchema, {
    io: 'input',
    // Checks the sdk writes itself, to keep zod's format classes out of the browser bundle.
    override: ({ zodSchema, jsonSchema }) => {
      if (isWholeNumber(zodSchema)) jsonSchema.type = 'integer';
      if (isWebAddress(zodSchema)) jsonSchema.format = 'uri';
    },
  }) as JsonSchema;
  describe(schema, 'form');
  const document = {
    $schema: schema.$schema,
    title: 'union-join-form definition',
    description:
      "A multi-step join form for <union-join-form> and @union-join/sdk. Generated from the sdk's zod schema; parseFormDefinition also checks what JSON Schema cannot (unique ids, showIf targets, locales of every text).",
    ...schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Where the schema is written, beside the package's package.json. */
export const SCHEMA_FILE = new URL('../form-definition.schema.json', import.meta.url);

if (import.meta.main) {
  writeFileSync(SCHEMA_FILE, renderFormDefinitionJsonSchema());
  console.info(`Wrote ${SCHEMA_FILE.pathname}`);
}
