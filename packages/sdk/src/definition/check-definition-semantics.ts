import type { LocatedProblem } from './describe-definition-issue.ts';
import { didYouMean } from './did-you-mean.ts';
import { FIELD_TYPES, MAX_OPTIONS } from './field-definition.ts';
import { RESERVED_IDS } from './identifiers.ts';
import { MAX_FIELDS_PER_STEP, MAX_LOCALES, MAX_STEPS } from './form-definition.ts';
import type { FieldType } from './field-definition.ts';
import { formatJsonPath, quote } from './json-path.ts';
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

/** The items of an array, at most `max` of them: zod reports longer lists as too long. */
function list(value: unknown, max: number): readonly unknown[] {
  return Array.isArray(value) ? value.slice(0, max) : [];
}

function own(object: Loose, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function text(object: Loose, key: string): string | undefined {
  const value = own(object, key);
  return typeof value === 'string' ? value : undefined;
}

function fieldType(object: Loose): FieldType | undefined {
  const type = text(object, 'type');
  return type !== undefined && (FIELD_TYPES as readonly string[]).includes(type)
    ? (type as FieldType)
    : undefined;
}

function quoteList(values: readonly unknown[], max = 10): string {
  const shown = values.slice(0, max).map((v) => (typeof v === 'string' ? quote(v) : String(v)));
  return values.length > max ? `${shown.join(', ')}, …` : shown.join(', ');
}

function optionValues(field: Loose): unknown[] {
  return list(own(field, 'options'), MAX_OPTIONS).map((option) => {
    const o = record(option);
    return o ? own(o, 'value') : undefined;
  });
}

/** Reports a text given as a map that lacks one of the form's locales. */
function checkText(
  owner: Loose,
  key: string,
  path: readonly PathSegment[],
  locales: readonly Locale[],
  problems: LocatedProblem[],
): void {
  const map = record(own(owner, key));
  if (!map) return;
  const absent = locales.filter((locale) => typeof own(map, locale) !== 'string');
  if (absent.length === 0) return;
  const names = absent.map((l) => `"${l}"`).join(' and ');
  problems.push({
    path: [...path, key],
    message: `missing the ${names} text; the form's locales are ${locales.map((l) => `"${l}"`).join(', ')}`,
  });
}

// `__proto__` does not start with a letter, so the id pattern already refuses it with its own message.
function isReserved(id: string | undefined): id is string {
  return id !== undefined && RESERVED_IDS.includes(id) && /^[A-Za-z]/.test(id);
}

function reserved(id: string): string {
  return `${quote(id)} is a name servers refuse as a key (it reaches JavaScript's object prototype)`;
}

function checkShowIfValues(
  showIf: Loose,
  path: readonly PathSegment[],
  target: FieldSite,
  problems: LocatedProblem[],
): void {
  const targetName = `"${target.id ?? ''}"`;
  const values: { value: unknown; at: PathSegment[] }[] = [];
  if (Object.hasOwn(showIf, 'equals'))
    values.push({ value: own(showIf, 'equals'), at: [...path, 'equals'] });
  list(own(showIf, 'in'), MAX_OPTIONS).forEach((value, i) =>
    values.push({ value, at: [...path, 'in', i] }),
  );
  switch (target.type) {
    case 'choice':
    case 'multi-choice': {
      const allowed = optionValues(target.raw).filter((v) => typeof v === 'string');
      for (const { value, at } of values) {
        if (!allowed.some((v) => v === value)) {
          problems.push({
            path: at,
            message: `${typeof value === 'string' ? quote(value) : String(value)} is not an option of ${targetName}; its options are ${quoteList(allowed)}`,
          });
        }
      }
      break;
    }
    case 'checkbox':
    case 'consent':
      if (Object.hasOwn(showIf, 'in')) {
        problems.push({
          path: [...path, 'in'],
          message: `${targetName} is a ${target.type}; use "equals": true or "equals": false`,
        });
      } else {
        for (const { value, at } of values) {
          if (typeof value !== 'boolean') {
            problems.push({
              path: at,
              message: `${targetName} is a ${target.type}, so compare it with true or false`,
            });
          }
        }
      }
      break;
    case 'address':
    case 'uk-bank-account':
      for (const { at } of values) {
        problems.push({
          path: at,
          message: `${targetName} is an ${target.type === 'address' ? 'address' : 'bank account'}; only "notEmpty": true can depend on it`,
        });
      }
      break;
    case 'number':
      for (const { value, at } of values) {
        if (typeof value !== 'number') {
          problems.push({
            path: at,
            message: `${targetName} is a number field; compare with a number`,
          });
        }
      }
      break;
    case undefined:
      break;
    default:
      for (const { value, at } of values) {
        if (typeof value !== 'string') {
          problems.push({
            path: at,
            message: `${targetName} holds text; compare with a text in quotes`,
          });
        }
      }
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
  const conditions = ['equals', 'in', 'notEmpty'].filter((key) => Object.hasOwn(showIf, key));
  if (conditions.length === 0) {
    problems.push({ path, message: 'add one condition: "equals", "in" or "notEmpty"' });
  } else if (conditions.length > 1) {
    problems.push({
      path,
      message: `use only one condition, not ${conditions.map((c) => `"${c}"`).join(' and ')}`,
    });
  }
  const targetId = text(showIf, 'field');
  if (targetId === undefined) return;
  const target = byId.get(targetId);
  if (targetId === field.id) {
    problems.push({ path: [...path, 'field'], message: 'a field cannot depend on itself' });
  } else if (!target) {
    const suggestion = didYouMean(targetId, [...byId.keys()]);
    problems.push({
      path: [...path, 'field'],
      message: `there is no field ${quote(targetId)}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
    });
  } else if (target.order > field.order) {
    problems.push({
      path: [...path, 'field'],
      message: `${quote(targetId)} is asked later (at ${formatJsonPath(target.path)}); a field can only depend on a field asked before it`,
    });
  } else {
    checkShowIfValues(showIf, path, target, problems);
  }
}

function checkField(
  field: FieldSite,
  locales: readonly Locale[],
  problems: LocatedProblem[],
): void {
  const { raw, path } = field;
  for (const key of ['label', 'hint']) checkText(raw, key, path, locales, problems);
  const seenValues = new Map<string, number>();
  list(own(raw, 'options'), MAX_OPTIONS).forEach((option, i) => {
    const o = record(option);
    if (!o) return;
    const optionPath = [...path, 'options', i];
    for (const key of ['label', 'hint']) checkText(o, key, optionPath, locales, problems);
    const value = text(o, 'value');
    if (value === undefined) return;
    const first = seenValues.get(value);
    if (first === undefined) seenValues.set(value, i);
    else {
      problems.push({
        path: [...optionPath, 'value'],
        message: `${quote(value)} is already the value of options[${first}]; each option needs its own value`,
      });
    }
  });
  const range = (low: string, high: string) => {
    const min = own(raw, low);
    const max = own(raw, high);
    if (typeof min === 'number' && typeof max === 'number' && min > max) {
      problems.push({ path: [...path, low], message: `must not be more than "${high}" (${max})` });
    }
  };
  range('minLength', 'maxLength');
  range('min', 'max');
}

/**
 * The problems zod cannot see: duplicate or reserved ids, `showIf` and eligibility pointing at the wrong
 * field, option values a condition can never match, texts missing a locale of the form.
 */
export function checkDefinitionSemantics(definition: unknown): LocatedProblem[] {
  const form = record(definition);
  if (!form) return [];
  const problems: LocatedProblem[] = [];

  const locales: Locale[] = [];
  list(own(form, 'locales'), MAX_LOCALES).forEach((locale, i) => {
    if (!isLocale(locale)) return;
    if (locales.includes(locale)) {
      problems.push({ path: ['locales', i], message: `"${locale}" is listed twice` });
    } else locales.push(locale);
  });

  const fields: FieldSite[] = [];
  const byId = new Map<string, FieldSite>();
  const stepIds = new Map<string, number>();
  const purposes = new Map<string, PathSegment[]>();
  list(own(form, 'steps'), MAX_STEPS).forEach((stepValue, s) => {
    const step = record(stepValue);
    if (!step) return;
    const stepPath: PathSegment[] = ['steps', s];
    const stepId = text(step, 'id');
    if (isReserved(stepId)) {
      problems.push({
        path: [...stepPath, 'id'],
        message: `${reserved(stepId)}; choose another step id`,
      });
    }
    if (stepId !== undefined) {
      const first = stepIds.get(stepId);
      if (first === undefined) stepIds.set(stepId, s);
      else {
        problems.push({
          path: [...stepPath, 'id'],
          message: `the step id ${quote(stepId)} is already used by steps[${first}]; each step needs its own id`,
        });
      }
    }
    for (const key of ['title', 'description']) checkText(step, key, stepPath, locales, problems);
    list(own(step, 'fields'), MAX_FIELDS_PER_STEP).forEach((fieldValue, f) => {
      const raw = record(fieldValue);
      if (!raw) return;
      const site: FieldSite = {
        id: text(raw, 'id'),
        type: fieldType(raw),
        raw,
        path: [...stepPath, 'fields', f],
        order: fields.length,
      };
      fields.push(site);
      if (site.id === undefined) return;
      if (isReserved(site.id)) {
        problems.push({
          path: [...site.path, 'id'],
          message: `${reserved(site.id)}, so an answer to this field could never be sent; choose another field id`,
        });
      }
      const first = byId.get(site.id);
      if (first === undefined) byId.set(site.id, site);
      else {
        problems.push({
          path: [...site.path, 'id'],
          message: `the field id ${quote(site.id)} is already used by ${formatJsonPath(first.path)}; each field needs its own id, even on different steps`,
        });
      }
      const purpose = site.type === 'consent' ? text(raw, 'purpose') : undefined;
      if (purpose !== undefined) {
        const firstPurpose = purposes.get(purpose);
        if (firstPurpose === undefined) purposes.set(purpose, site.path);
        else {
          problems.push({
            path: [...site.path, 'purpose'],
            message: `the consent purpose ${quote(purpose)} is already asked at ${formatJsonPath(firstPurpose)}; ask for each consent once`,
          });
        }
      }
    });
  });

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
      const suggestion = didYouMean(birthDateField, [...byId.keys()]);
      problems.push({
        path,
        message: `there is no field ${quote(birthDateField)}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
      });
    } else if (target.type !== undefined && target.type !== 'date') {
      problems.push({
        path,
        message: `must name a date field, but ${quote(birthDateField)} is of type "${target.type}"`,
      });
    }
  }
  return problems;
}
