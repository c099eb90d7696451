import type * as z from 'zod/mini';
import { didYouMean } from './did-you-mean.ts';
import { FIELD_KEYS, FIELD_TYPES, ChoiceOptionSchema, ShowIfSchema } from './field-definition.ts';
import type { FieldType } from './field-definition.ts';
import {
  DraftsSchema,
  EligibilitySchema,
  FormDefinitionSchema,
  OrganisationSchema,
  StepDefinitionSchema,
} from './form-definition.ts';
import { quote, quoteAll, valueAt } from './json-path.ts';
import type { PathSegment } from './json-path.ts';
import { LOCALES } from './locale.ts';

/** A problem found in a definition, with its path still as segments. */
export interface LocatedProblem {
  path: PathSegment[];
  message: string;
}

/**
 * Message every zod issue gets unless its schema names its own; anything else came from the
 * schema (zod's global locale may be loaded by another library, so its texts cannot be trusted
 * to be absent).
 */
export const DEFAULT_MESSAGE = '\u0000';

/** Unknown keys named per object; the rest are counted. */
const MAX_UNKNOWN_KEYS_NAMED = 10;

// What other form tools call a list of options: here a choice, or a multi-choice.
const OPTION_CONTROLS = /^(multi-?)?(select|radio|drop-?down|checkboxes)/i;
const TEXT_KEYS = new Set(['label', 'title', 'hint', 'description']);
const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a text in quotes',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list in square brackets',
  object: 'an object in curly braces',
};
const OPTION_EXAMPLE = '{"value": "full", "label": "Full"}';
const MISSING_HINTS: Readonly<Record<string, string>> = {
  id: 'give it a short unique id',
  type: `choose one of ${FIELD_TYPES.map((t) => `"${t}"`).join(', ')}`,
  label: 'every field needs a label, the question shown to the applicant',
  title: 'every step needs a title, the heading of its page',
  options: `list the options, like [${OPTION_EXAMPLE}]`,
  purpose: 'name what the consent is for, like "newsletter"',
  country: 'name the country, like "GB"',
  locales: 'list the languages of the form, like ["en"]',
  steps: 'list the pages of the form',
  fields: 'list the questions of this step',
};

/** A short, safe description of a JSON value for "got ..." in a message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text ${quote(value)}`;
    case 'number':
      return `the number ${Number.isFinite(value) ? String(value) : 'that is not finite'}`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** Whether `value` names a field type. */
export function isFieldType(value: unknown): value is FieldType {
  return (FIELD_TYPES as readonly unknown[]).includes(value);
}

/** The keys allowed where an unknown key was found, and what to call that place. */
function allowedKeys(
  root: unknown,
  parent: readonly PathSegment[],
): { keys: readonly string[]; what: string } | undefined {
  const last = parent.at(-1);
  const beforeLast = parent.at(-2);
  if (parent.length === 0) return { keys: Object.keys(FormDefinitionSchema.shape), what: 'form' };
  if (typeof last === 'string' && TEXT_KEYS.has(last)) return { keys: LOCALES, what: 'text' };
  if (last === 'organisation')
    return { keys: Object.keys(OrganisationSchema.shape), what: '"organisation"' };
  if (last === 'eligibility')
    return { keys: Object.keys(EligibilitySchema.shape), what: '"eligibility"' };
  if (last === 'drafts') return { keys: Object.keys(DraftsSchema.shape), what: '"drafts"' };
  if (last === 'showIf') return { keys: Object.keys(ShowIfSchema.shape), what: '"showIf"' };
  if (beforeLast === 'steps')
    return { keys: Object.keys(StepDefinitionSchema.shape), what: 'step' };
  if (beforeLast === 'options')
    return { keys: Object.keys(ChoiceOptionSchema.shape), what: 'option' };
  if (beforeLast === 'fields') {
    const type = valueAt(root, [...parent, 'type']);
    return type.found && isFieldType(type.value)
      ? { keys: FIELD_KEYS[type.value], what: `"${type.value}" field` }
      : undefined;
  }
  return undefined;
}

function unknownKey(root: unknown, parent: readonly PathSegment[], key: string): string {
  const allowed = allowedKeys(root, parent);
  if (allowed?.what === 'text') {
    return `${quote(key)} is not a supported locale; use ${quoteAll(LOCALES)}`;
  }
  const suggestion = allowed && didYouMean(key, allowed.keys);
  if (suggestion) return `unknown key ${quote(key)}; did you mean "${suggestion}"?`;
  if (!allowed) return `unknown key ${quote(key)}`;
  const list = allowed.keys.filter((k) => k !== '$schema').join(', ');
  return `unknown key ${quote(key)}; a ${allowed.what} accepts only: ${list}`;
}

function unknownFieldType(value: unknown): string {
  if (typeof value !== 'string') {
    return `expected a field type such as "text", got ${describeValue(value)}`;
  }
  const suggestion = OPTION_CONTROLS.test(value)
    ? 'choice" or "multi-choice'
    : didYouMean(value, FIELD_TYPES);
  return suggestion
    ? `unknown field type ${quote(value)}; did you mean "${suggestion}"?`
    : `unknown field type ${quote(value)}; use one of ${FIELD_TYPES.join(', ')}`;
}

function missing(path: readonly PathSegment[]): string {
  const key = path.at(-1);
  const hint = typeof key === 'string' ? MISSING_HINTS[key] : undefined;
  return hint ? `required, but missing: ${hint}` : 'required, but missing';
}

/** The union branch that failed for the right reason (the value had the branch's type). */
function closestBranch(branches: readonly z.core.$ZodIssue[][]): z.core.$ZodIssue[] | undefined {
  return branches.find(
    (issues) =>
      issues.length > 0 &&
      !issues.some((issue) => issue.code === 'invalid_type' && issue.path.length === 0),
  );
}

/**
 * Turns zod's issues for a definition into messages a webmaster can act on, naming unknown keys
 * and likely typos. `root` is the definition as given, to say what was found.
 */
export function describeDefinitionIssues(
  issues: readonly z.core.$ZodIssue[],
  root: unknown,
  prefix: readonly PathSegment[] = [],
): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.filter((s): s is PathSegment => typeof s !== 'symbol')];
    const custom = issue.message === DEFAULT_MESSAGE ? undefined : issue.message;
    const at = valueAt(root, path);
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && !at.found) {
      problems.push({ path, message: missing(path) });
      continue;
    }
    const got = at.found ? describeValue(at.value) : 'nothing';
    switch (issue.code) {
      case 'unrecognized_keys':
        // A hostile object can have millions of keys: name a few, so other problems still show.
        for (const key of issue.keys.slice(0, MAX_UNKNOWN_KEYS_NAMED)) {
          problems.push({ path: [...path, key], message: unknownKey(root, path, key) });
        }
        if (issue.keys.length > MAX_UNKNOWN_KEYS_NAMED) {
          problems.push({
            path,
            message: `…and ${issue.keys.length - MAX_UNKNOWN_KEYS_NAMED} more unknown keys`,
          });
        }
        break;
      case 'invalid_union': {
        if (issue.discriminator !== undefined) {
          problems.push({ path, message: unknownFieldType(at.found ? at.value : undefined) });
          break;
        }
        const branch = closestBranch(issue.errors);
        if (branch) problems.push(...describeDefinitionIssues(branch, root, path));
        else problems.push({ path, message: `${custom ?? 'has the wrong type'}; got ${got}` });
        break;
      }
      case 'invalid_type':
        problems.push({
          path,
          message: custom
            ? `${custom}; got ${got}`
            : `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${got}${
                // Other form tools list options as plain texts.
                path.at(-2) == 'options' ? `; each option is like ${OPTION_EXAMPLE}` : ''
              }`,
        });
        break;
      case 'invalid_value': {
        const values = issue.values.map((v) => JSON.stringify(v));
        const suggestion =
          at.found && typeof at.value === 'string'
            ? didYouMean(
                at.value,
                issue.values.filter((v): v is string => typeof v === 'string'),
              )
            : undefined;
        const base = custom ?? `must be ${values.join(' or ')}`;
        problems.push({
          path,
          message: suggestion
            ? `${base}; got ${got}; did you mean "${suggestion}"?`
            : `${base}; got ${got}`,
        });
        break;
      }
      // Every list in the schema words its own limits; these are the limits of a number.
      case 'too_small':
        problems.push({ path, message: custom ?? `must be at least ${String(issue.minimum)}` });
        break;
      case 'too_big':
        problems.push({ path, message: custom ?? `must be at most ${String(issue.maximum)}` });
        break;
      default:
        problems.push({ path, message: custom ?? 'is not valid here' });
    }
  }
  return problems;
}
