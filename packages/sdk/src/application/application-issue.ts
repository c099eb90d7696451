import type { IssueCode } from '../engine/issue-code.ts';

/** Codes for problems with an application's shape, beside the answer rules' {@link IssueCode}s. */
export const APPLICATION_ISSUE_CODES = [
  'invalid_type',
  'missing',
  'unknown_key',
  'unknown_field',
  'hidden_field',
  'wrong_form',
  'wrong_version',
  'unsupported_locale',
  'invalid_consent',
  'unknown_consent',
  'duplicate_consent',
  'missing_consent',
  'unknown_consent_text',
  'too_many',
  'ineligible',
] as const;

/** Why an application was rejected: an answer rule's code, or a problem with its shape. */
export type ApplicationIssueCode = IssueCode | (typeof APPLICATION_ISSUE_CODES)[number];

/**
 * One problem with a submitted application: where (`["answers", "email"]`), a stable code, and an
 * English message for developers that never repeats the submitted value. `params` holds what the
 * form's definition says (limits, the part of a composite answer), never an answer.
 */
export interface ApplicationIssue {
  path: (string | number)[];
  code: ApplicationIssueCode;
  message: string;
  params?: Record<string, string | number>;
}
