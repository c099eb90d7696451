import { UnionJoinError } from '../errors/union-join-error.ts';
import type { Eligibility } from './eligibility.ts';
import type { FieldIssue } from './issue-code.ts';

/** Thrown by `toApplication()` when answers are missing or invalid, or the applicant may not join. */
export class ApplicationNotReadyError extends UnionJoinError {
  override name = 'ApplicationNotReadyError';

  /** The problems `validateAll()` found (field ids and codes, never answers). */
  readonly issues: readonly FieldIssue[];

  /** Whether the applicant may join online. */
  readonly eligibility: Eligibility;

  /** Creates the error from the session's issues and eligibility. */
  constructor(issues: readonly FieldIssue[], eligibility: Eligibility) {
    const problems = issues.map((issue) => `${issue.field} (${issue.code})`);
    if (!eligibility.eligible) problems.push(`applicant not eligible (${eligibility.reason})`);
    super(`The application is not ready to send: ${problems.join(', ')}`);
    this.issues = issues;
    this.eligibility = eligibility;
  }
}
