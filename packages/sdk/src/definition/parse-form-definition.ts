import { checkDefinitionSemantics } from './check-definition-semantics.ts';
import {
  DEFAULT_MESSAGE,
  describeDefinitionIssues,
  describeValue,
} from './describe-definition-issue.ts';
import type { LocatedProblem } from './describe-definition-issue.ts';
import { FormDefinitionError, MAX_REPORTED_ISSUES } from './form-definition-error.ts';
import type { FormDefinitionIssue } from './form-definition-error.ts';
import { FormDefinitionSchema } from './form-definition.ts';
import type { FormDefinition } from './form-definition.ts';
import { formatJsonPath } from './json-path.ts';
import type { PathSegment } from './json-path.ts';

/** The outcome of {@link safeParseFormDefinition}. */
export type SafeParseFormDefinitionResult =
  { ok: true; definition: FormDefinition } | { ok: false; error: FormDefinitionError };

function comparePaths(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

function fail(problems: LocatedProblem[], cause?: unknown): SafeParseFormDefinitionResult {
  const seen = new Set<string>();
  const issues: FormDefinitionIssue[] = [];
  for (const problem of problems.sort((a, b) => comparePaths(a.path, b.path))) {
    const issue = { path: formatJsonPath(problem.path), message: problem.message };
    const key = `${issue.path}\n${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return {
    ok: false,
    error: new FormDefinitionError(issues.slice(0, MAX_REPORTED_ISSUES), {
      cause,
      total: issues.length,
    }),
  };
}

/**
 * Checks a form definition and returns it with defaults filled in, or every problem found.
 * Never throws.
 */
export function safeParseFormDefinition(json: unknown): SafeParseFormDefinitionResult {
  try {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      const hint = typeof json === 'string' ? ' (parse the JSON text first, with JSON.parse)' : '';
      return fail([
        {
          path: [],
          message: `expected the form definition to be a JSON object, got ${describeValue(json)}${hint}`,
        },
      ]);
    }
    const result = FormDefinitionSchema.safeParse(json, { error: () => DEFAULT_MESSAGE });
    const problems = checkDefinitionSemantics(json);
    if (result.success && problems.length === 0) return { ok: true, definition: result.data };
    if (!result.success) problems.push(...describeDefinitionIssues(result.error.issues, json));
    return fail(problems);
  } catch (cause) {
    // Only a non-JSON object (a getter that throws, a revoked Proxy) gets here.
    return fail([{ path: [], message: 'the form definition could not be read' }], cause);
  }
}

/**
 * Checks a form definition and returns it with defaults filled in.
 * @throws {FormDefinitionError} listing every problem, one per line, each with its JSON path.
 * @example
 * const definition = parseFormDefinition(await (await fetch('/forms/join.json')).json());
 * // FormDefinitionError: The form definition has 1 problem:
 * // steps[1].fields[0].type: unknown field type "emial"; did you mean "email"?
 */
export function parseFormDefinition(json: unknown): FormDefinition {
  const result = safeParseFormDefinition(json);
  if (!result.ok) throw result.error;
  return result.definition;
}
