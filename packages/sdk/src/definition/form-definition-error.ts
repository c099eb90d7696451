import { UnionJoinError } from '../errors/union-join-error.ts';

/** Most problems listed in one error; a hostile file could otherwise produce millions. */
export const MAX_REPORTED_ISSUES = 100;

/** One problem in a form definition: where it is (`steps[1].fields[0].type`) and what is wrong. */
export interface FormDefinitionIssue {
  /** JSON path in JavaScript notation; `""` for the definition as a whole. */
  path: string;
  /** What is wrong and, where it helps, how to put it right. */
  message: string;
}

/** One line of a report: `path: message`, or the message alone for the top level. */
export function formatFormDefinitionIssue(issue: FormDefinitionIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** A form definition that cannot be used, with every problem found in it. */
export class FormDefinitionError extends UnionJoinError {
  override name = 'FormDefinitionError';

  /** Every problem found, in document order. */
  readonly issues: readonly FormDefinitionIssue[];

  /**
   * Creates the error; the message lists every issue, one per line. `total` counts problems
   * beyond those listed, when a hostile definition has too many to list.
   */
  constructor(
    issues: readonly FormDefinitionIssue[],
    options: { cause?: unknown; total?: number } = {},
  ) {
    const total = Math.max(options.total ?? 0, issues.length);
    const count = total === 1 ? '1 problem' : `${total} problems`;
    const lines = issues.map(formatFormDefinitionIssue);
    if (total > issues.length) lines.push(`…and ${total - issues.length} more`);
    super(`The form definition has ${count}:\n${lines.join('\n')}`, { cause: options.cause });
    this.issues = issues;
  }
}
