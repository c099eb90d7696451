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
      return { path, code: 'invalid_event' as const, message: `${where}: ${issue.message}` };
    }),
  };
}
