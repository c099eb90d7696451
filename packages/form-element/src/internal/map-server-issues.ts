import {
  ISSUE_CODES,
  type Application,
  type FieldIssue,
  type FormSession,
  type IssueCode,
  type ValidationIssue,
} from '@union-join/sdk';

/** The server's 422 issues, sorted into those that name a field of the form and the rest. */
export interface MappedIssues {
  /** Issues on fields, in the order of the form's steps and fields. */
  readonly fieldIssues: FieldIssue[];
  /** Issues that name no visible field (e.g. `formVersion`) or have a code the form cannot word. */
  readonly unmapped: ValidationIssue[];
}

/**
 * Finds the field each server issue is about: `["answers", fieldId, ...]` names it directly and
 * `["consents", i, ...]` through the purpose of the i-th consent record in the application sent.
 * One issue per field is kept: the first, as the engine does for its own validation.
 */
export function mapServerIssues(
  session: FormSession,
  application: Application,
  issues: readonly ValidationIssue[],
): MappedIssues {
  const byField = new Map<string, FieldIssue>();
  const unmapped: ValidationIssue[] = [];
  for (const issue of issues) {
    const fieldId = fieldOf(session, application, issue.path);
    if (fieldId === undefined || !session.isVisible(fieldId) || !isIssueCode(issue.code)) {
      unmapped.push(issue);
      continue;
    }
    if (!byField.has(fieldId)) byField.set(fieldId, { field: fieldId, code: issue.code });
  }
  const order = session
    .visibleSteps()
    .flatMap((step) => session.visibleFields(step.id).map((field) => field.id));
  const fieldIssues = order.flatMap((id) => {
    const issue = byField.get(id);
    return issue ? [issue] : [];
  });
  return { fieldIssues, unmapped };
}

function isIssueCode(code: string): code is IssueCode {
  return (ISSUE_CODES as readonly string[]).includes(code);
}

function fieldOf(
  session: FormSession,
  application: Application,
  path: readonly (string | number)[],
): string | undefined {
  const [root, key] = path;
  if (root === 'answers' && typeof key === 'string') {
    return session.field(key) ? key : undefined;
  }
  if (root === 'consents' && typeof key === 'number') {
    const purpose = application.consents[key]?.purpose;
    if (purpose === undefined) return undefined;
    for (const step of session.visibleSteps()) {
      const field = session
        .visibleFields(step.id)
        .find((f) => f.type === 'consent' && f.purpose === purpose);
      if (field) return field.id;
    }
  }
  return undefined;
}
