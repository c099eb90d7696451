import { AnalyticsBatch } from './analytics-event.ts';

/**
 * One reason a batch was refused: where (`[2, "fields", "email", 0]`), a stable code, and an
 * English message that starts with the path as text (`[2].fields.email[0]: ...`) and never
 * repeats the value it refused.
 */
export interface AnalyticsBatchIssue {
  path: (string | number)[];
  code: 'invalid_event';
  message: string;
}

/** Outcome of {@link parseAnalyticsBatch}. */
export type AnalyticsBatchResult =
  { ok: true; events: AnalyticsBatch } | { ok: false; issues: AnalyticsBatchIssue[] };

/** The parts of a zod issue a message is built from; never the refused input itself. */
interface IssueFacts {
  code: string;
  message: string;
  expected?: unknown;
  keys?: readonly string[];
  values?: readonly unknown[];
  options?: readonly unknown[];
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
}

const GENERIC = 'Invalid input';

/** An English explanation of one issue; zod/mini ships no messages of its own. */
function describe(issue: IssueFacts): string {
  if (issue.message !== GENERIC) return issue.message;
  const bound = (limit: unknown) => {
    const noun = issue.origin === 'array' ? 'item' : issue.origin === 'string' ? 'character' : '';
    return noun === '' ? String(limit) : `${String(limit)} ${noun}${limit === 1 ? '' : 's'}`;
  };
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${String(issue.expected)}`;
    case 'unrecognized_keys':
      return `unknown ${issue.keys?.length === 1 ? 'property' : 'properties'} ${(issue.keys ?? [])
        .map((key) => JSON.stringify(key.slice(0, 40)))
        .join(', ')}`;
    case 'invalid_value':
      return `expected ${(issue.values ?? []).map((value) => JSON.stringify(value)).join(' | ')}`;
    case 'invalid_union':
      return issue.options
        ? `expected ${issue.options.map((option) => JSON.stringify(option)).join(' | ')}`
        : 'matches none of the allowed shapes';
    case 'invalid_format':
      return 'has the wrong format';
    case 'too_small':
      return `must have at least ${bound(issue.minimum)}`;
    case 'too_big':
      return `must have at most ${bound(issue.maximum)}`;
    default:
      return issue.message;
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      return index === 0 ? String(key) : `.${String(key)}`;
    })
    .join('');
}

/**
 * Checks a decoded `POST /v1/events` body against the strict event schema.
 *
 * @example
 * const result = parseAnalyticsBatch(JSON.parse(body));
 * if (!result.ok) return c.json({ error: 'invalid_events', issues: result.issues }, 400);
 */
export function parseAnalyticsBatch(json: unknown): AnalyticsBatchResult {
  const result = AnalyticsBatch.safeParse(json);
  if (result.success) return { ok: true, events: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => {
      const path = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
      const where = path.length === 0 ? 'batch' : formatPath(path);
      const message = `${where}: ${describe(issue as IssueFacts)}`;
      return { path, code: 'invalid_event' as const, message };
    }),
  };
}
