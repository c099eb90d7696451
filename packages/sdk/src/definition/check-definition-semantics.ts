import { carriesBirthDate } from '../validators/birth-date-of-national-id.ts';
import { isFieldType } from './describe-definition-issue.ts';
import type { LocatedProblem } from './describe-definition-issue.ts';
import { didYouMean } from './did-you-mean.ts';
import { MAX_OPTIONS, SENSITIVE_FIELD_TYPES } from './field-definition.ts';
import { INHERITED_IDS, RESERVED_IDS } from './identifiers.ts';
import { MAX_FIELDS_PER_STEP, MAX_LOCALES, MAX_STEPS } from './form-definition.ts';
import type { FieldType } from './field-definition.ts';
import { formatJsonPath, quote, quoteAll } from './json-path.ts';
import type { PathSegment } from './json-path.ts';
import { isLocale } from './locale.ts';
import type { Locale } from './locale.ts';

// These checks read the definition as given, not zod's output, so that they still run (and are
// reported together with the structural problems) when other parts of the file are broken.
// Everything is read defensively: own properties only, and only where the schema expects data.

type Loose = Readonly<Record<string, unknown>>;

interface FieldSite {
  id: string | undefined;
  type: FieldType | undefined;
  raw: Loose;
  path: PathSegment[];
  order: number;
}

function record(value: unknown): Loose | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Loose)
    : undefined;
}

function own(object: Loose, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** The items of the list at `key`, at most `max` of them: zod reports longer lists as too long. */
function list(owner: Loose, key: string, max: number): readonly unknown[] {
  const value = own(owner, key);
  return Array.isArray(value) ? value.slice(0, max) : [];
}

/** The objects in the list at `key`, each with its index in the list. */
function objects(owner: Loose, key: string, max: number): [Loose, number][] {
  const found: [Loose, number][] = [];
  list(owner, key, max).forEach((item, i) => {
    const object = record(item);
    if (object) found.push([object, i]);
  });
  return found;
}

function text(object: Loose, key: string): string | undefined {
  const value = own(object, key);
  return typeof value === 'string' ? value : undefined;
}

function shown(value: unknown): string {
  return typeof value === 'string' ? quote(value) : String(value);
}

/** Reports each text at `keys` given as a map that lacks one of the form's locales. */
function checkTexts(
  owner: Loose,
  keys: readonly string[],
  path: readonly PathSegment[],
  locales: readonly Locale[],
  problems: LocatedProblem[],
): void {
  for (const key of keys) {
    const map = record(own(owner, key));
    const absent = map ? locales.filter((locale) => typeof own(map, locale) !== 'string') : [];
    if (absent.length > 0) {
      problems.push({
        path: [...path, key],
        message: `missing the ${quoteAll(absent, ' and ')} text; the form's locales are ${quoteAll(locales)}`,
      });
    }
  }
}

/**
 * Remembers where `key` is first used; on a later use, reports `message(first)` at `path`, so
 * each id, option value or purpose is used once.
 */
function once<T>(
  seen: Map<string, T>,
  key: string | undefined,
  where: T,
  path: PathSegment[],
  message: (first: T) => string,
  problems: LocatedProblem[],
): void {
  if (key === undefined) return;
  const first = seen.get(key);
  if (first === undefined) seen.set(key, where);
  else problems.push({ path, message: message(first) });
}

// `__proto__` does not start with a letter, so the id pattern already refuses it with its own message.
function reserved(id: string | undefined, path: PathSegment[], what: string): LocatedProblem[] {
  if (id === undefined) return [];
  const why =
    RESERVED_IDS.includes(id) && /^[A-Za-z]/.test(id)
      ? `a name servers refuse as a key (it reaches JavaScript's object prototype)${
          what == 'field' ? ', so an answer to this field could never be sent' : ''
        }`
      : INHERITED_IDS.includes(id) &&
        'a name every JavaScript object already has, so a missing answer would be read as one';
  return why ? [{ path, message: `${quote(id)} is ${why}; choose another ${what} id` }] : [];
}

function noField(id: string, known: ReadonlyMap<string, FieldSite>): string {
  const suggestion = didYouMean(id, [...known.keys()]);
  return `there is no field ${quote(id)}${suggestion ? `; did you mean "${suggestion}"?` : ''}`;
}

/** What is wrong with comparing the answer to `target` with `value`, if anything. */
function wrongValue(target: FieldSite, value: unknown): string | undefined {
  const name = `"${target.id ?? ''}"`;
  switch (target.type) {
    case 'choice':
    case 'multi-choice': {
      const options = objects(target.raw, 'options', MAX_OPTIONS)
        .map(([option]) => own(option, 'value'))
        .filter((v) => typeof v === 'string');
      const listed = options.slice(0, 10).map(shown).join(', ');
      // A choice without options is reported at the choice itself.
      return options.length === 0 || options.includes(value as string)
        ? undefined
        : `${shown(value)} is not an option of ${name}; its options are ${listed}${options.length > 10 ? ', …' : ''}`;
    }
    case 'checkbox':
    case 'consent':
      return typeof value === 'boolean'
        ? undefined
        : `${name} is a ${target.type}, so compare it with true or false`;
    case 'address':
    case 'uk-bank-account':
      return `${name} is an ${target.type === 'address' ? 'address' : 'bank account'}; only "notEmpty": true can depend on it`;
    case 'number':
      return typeof value === 'number'
        ? undefined
        : `${name} is a number field; compare with a number`;
    case undefined:
      return undefined;
    default:
      return typeof value === 'string'
        ? undefined
        : `${name} holds text; compare with a text in quotes`;
  }
}

function checkShowIf(
  field: FieldSite,
  byId: ReadonlyMap<string, FieldSite>,
  problems: LocatedProblem[],
): void {
  const showIf = record(own(field.raw, 'showIf'));
  if (!showIf) return;
  const path = [...field.path, 'showIf'];
  const has = (key: string) => Object.hasOwn(showIf, key);
  const conditions = ['equals', 'in', 'notEmpty'].filter(has);
  if (conditions.length !== 1) {
    problems.push({
      path,
      message: conditions.length
        ? `use only one condition, not ${quoteAll(conditions, ' and ')}`
        : 'add one condition: "equals", "in" or "notEmpty"',
    });
  }
  const targetId = text(showIf, 'field');
  if (targetId === undefined) return;
  const target = byId.get(targetId);
  const fieldPath = [...path, 'field'];
  if (targetId === field.id) {
    problems.push({ path: fieldPath, message: 'a field cannot depend on itself' });
  } else if (!target) {
    problems.push({ path: fieldPath, message: noField(targetId, byId) });
  } else if (target.order > field.order) {
    problems.push({
      path: fieldPath,
      message: `${quote(targetId)} is asked later (at ${formatJsonPath(target.path)}); a field can only depend on a field asked before it`,
    });
  } else if ((target.type === 'checkbox' || target.type === 'consent') && has('in')) {
    problems.push({
      path: [...path, 'in'],
      message: `"${targetId}" is a ${target.type}; use "equals": true or "equals": false`,
    });
  } else {
    const values: [unknown, PathSegment[]][] = has('equals')
      ? [[own(showIf, 'equals'), [...path, 'equals']]]
      : [];
    list(showIf, 'in', MAX_OPTIONS).forEach((value, i) => values.push([value, [...path, 'in', i]]));
    for (const [value, valuePath] of values) {
      const message = wrongValue(target, value);
      if (message) problems.push({ path: valuePath, message });
    }
  }
}

function checkField(
  { raw, path }: FieldSite,
  locales: readonly Locale[],
  problems: LocatedProblem[],
): void {
  const texts = ['label', 'hint'];
  checkTexts(raw, texts, path, locales, problems);
  const values = new Map<string, number>();
  for (const [option, i] of objects(raw, 'options', MAX_OPTIONS)) {
    const optionPath = [...path, 'options', i];
    checkTexts(option, texts, optionPath, locales, problems);
    const value = text(option, 'value');
    if (own(raw, 'type') === 'multi-choice' && value?.includes(';')) {
      problems.push({
        path: [...optionPath, 'value'],
        message: 'must not contain ";" in a multi-choice: exports list the chosen values with "; "',
      });
    }
    once(
      values,
      value,
      i,
      [...optionPath, 'value'],
      (first) =>
        `${quote(value ?? '')} is already the value of options[${first}]; each option needs its own value`,
      problems,
    );
  }
  const type = own(raw, 'type');
  if (
    own(raw, 'persist') !== undefined &&
    !(SENSITIVE_FIELD_TYPES as readonly unknown[]).includes(type)
  ) {
    problems.push({
      path: [...path, 'persist'],
      message: `applies to ${SENSITIVE_FIELD_TYPES.join(', ')} fields only: every other answer is kept in the draft already`,
    });
  }
  for (const [low, high] of [
    ['minLength', 'maxLength'],
    ['min', 'max'],
  ] as const) {
    const min = own(raw, low);
    const max = own(raw, high);
    if (typeof min === 'number' && typeof max === 'number' && min > max) {
      problems.push({ path: [...path, low], message: `must not be more than "${high}" (${max})` });
    }
  }
}

/**
 * The problems zod cannot see: duplicate or reserved ids, `showIf` and eligibility pointing at the wrong
 * field, option values a condition can never match, texts missing a locale of the form.
 */
export function checkDefinitionSemantics(definition: unknown): LocatedProblem[] {
  const form = record(definition);
  if (!form) return [];
  const problems: LocatedProblem[] = [];

  const seenLocales = new Map<Locale, number>();
  list(form, 'locales', MAX_LOCALES).forEach((locale, i) => {
    if (isLocale(locale)) {
      once(seenLocales, locale, i, ['locales', i], () => `"${locale}" is listed twice`, problems);
    }
  });
  const locales = [...seenLocales.keys()];

  const fields: FieldSite[] = [];
  const byId = new Map<string, FieldSite>();
  const stepIds = new Map<string, number>();
  const purposes = new Map<string, PathSegment[]>();
  for (const [step, s] of objects(form, 'steps', MAX_STEPS)) {
    const stepPath: PathSegment[] = ['steps', s];
    const stepId = text(step, 'id');
    const idPath = [...stepPath, 'id'];
    problems.push(...reserved(stepId, idPath, 'step'));
    once(
      stepIds,
      stepId,
      s,
      idPath,
      (first) =>
        `the step id ${quote(stepId ?? '')} is already used by steps[${first}]; each step needs its own id`,
      problems,
    );
    checkTexts(step, ['title', 'description'], stepPath, locales, problems);
    for (const [raw, f] of objects(step, 'fields', MAX_FIELDS_PER_STEP)) {
      const id = text(raw, 'id');
      const type = own(raw, 'type');
      const path = [...stepPath, 'fields', f];
      const site: FieldSite = {
        id,
        type: isFieldType(type) ? type : undefined,
        raw,
        path,
        order: fields.length,
      };
      fields.push(site);
      if (id === undefined) continue;
      const fieldIdPath = [...path, 'id'];
      problems.push(...reserved(id, fieldIdPath, 'field'));
      once(
        byId,
        id,
        site,
        fieldIdPath,
        (first) =>
          `the field id ${quote(id)} is already used by ${formatJsonPath(first.path)}; each field needs its own id, even on different steps`,
        problems,
      );
      const purpose = site.type === 'consent' ? text(raw, 'purpose') : undefined;
      once(
        purposes,
        purpose,
        path,
        [...path, 'purpose'],
        (first) =>
          `the consent purpose ${quote(purpose ?? '')} is already asked at ${formatJsonPath(first)}; ask for each consent once`,
        problems,
      );
    }
  }

  for (const field of fields) {
    checkField(field, locales, problems);
    checkShowIf(field, byId, problems);
  }

  const eligibility = record(own(form, 'eligibility'));
  const birthDateField = eligibility && text(eligibility, 'birthDateField');
  if (birthDateField !== undefined) {
    const path = ['eligibility', 'birthDateField'];
    const target = byId.get(birthDateField);
    if (!target) {
      problems.push({ path, message: noField(birthDateField, byId) });
    } else if (target.type === 'national-id') {
      const country = own(target.raw, 'country');
      if (typeof country === 'string' && !carriesBirthDate(country)) {
        problems.push({
          path,
          message: `${quote(birthDateField)} is a national-id field for ${country}, whose numbers carry no date of birth; name a date field, or a national-id field for SE or NO`,
        });
      }
    } else if (target.type !== undefined && target.type !== 'date') {
      problems.push({
        path,
        message: `must name a date field or a national-id field for SE or NO, but ${quote(birthDateField)} is of type "${target.type}"`,
      });
    }
  }
  return problems;
}
