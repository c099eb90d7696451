import type { IssueCode } from '../engine/issue-code.ts';

/** Message keys: an issue code, or a code with the part or kind it is about. */
export type IssueMessageKey =
  | IssueCode
  | 'invalid'
  | 'required.select'
  | 'required.question'
  | 'required.tick'
  | 'required.line1'
  | 'required.town'
  | 'required.postcode'
  | 'required.country'
  | 'required.accountHolder'
  | 'required.sortCode'
  | 'required.accountNumber'
  | 'invalid_date.day'
  | 'invalid_date.month'
  | 'invalid_date.year';

/**
 * Every text the form shows, in one language. `{name}` marks a placeholder: fill it with
 * `formatMessage`. In issue messages `{label}` is the field's label as it reads inside a sentence
 * ("Enter your first name") and `{Label}` as written ("First name must be…"). A label that is a
 * question ("Which school?") cannot stand in a sentence: `required.question` (and `selectOption`
 * for a choice) replace the messages built on it, and `theAnswer` stands in for it elsewhere.
 */
export interface Translation {
  /** While the form definition loads. */
  loading: string;
  /** Heading when the form cannot be loaded. */
  loadErrorTitle: string;
  /** The form could not be loaded (network or server problem). */
  loadError: string;
  /** The page is plain http (not https, not localhost): the form will not collect answers there. */
  insecurePage: string;
  /** The server does not know the form. */
  formNotFound: string;
  /** The element has no form to show (no `form-id`, `src` or `definition`). */
  notConfigured: string;
  /** Heading when the form definition has mistakes. */
  definitionInvalidTitle: string;
  /** The form definition has mistakes, so the form cannot be shown. */
  definitionInvalid: string;
  /** Button to try loading or sending again. */
  tryAgain: string;

  /** Progress: `{n}`, `{total}`. */
  stepOf: string;
  /** Link back to the previous step. */
  back: string;
  /** Button to the next step. */
  continue: string;
  /** After the label of an optional field. */
  optional: string;
  /** Heading of the error summary. */
  errorSummaryTitle: string;
  /** Hidden prefix before an inline error message, for screen readers. */
  errorPrefix: string;
  /** Empty first entry of a drop-down list; also the error for a choice whose label is a question. */
  selectOption: string;
  /** Hint of a multi-choice field. */
  selectAllThatApply: string;
  /** An answer "yes" (a ticked checkbox, a granted consent). */
  yes: string;
  /** An answer "no". */
  no: string;

  /** Date part label. */
  day: string;
  /** Date part label. */
  month: string;
  /** Date part label. */
  year: string;
  /** Hint under a date field. */
  dateHint: string;
  /** Address part label. */
  addressLine1: string;
  /** Address part label. */
  addressLine2: string;
  /** Address part label. */
  town: string;
  /** Address part label. */
  postcode: string;
  /** Address part label. */
  country: string;
  /** Bank account part label. */
  accountHolder: string;
  /** Bank account part label. */
  sortCode: string;
  /** Hint under the sort code. */
  sortCodeHint: string;
  /** Bank account part label. */
  accountNumber: string;
  /** Hint under the account number. */
  accountNumberHint: string;

  /** Link text to the organisation's privacy notice. */
  privacyNotice: string;
  /** Hidden text after a link that opens in a new tab. */
  opensInNewTab: string;

  /** Heading of the review step. */
  checkYourAnswers: string;
  /** Text under the review heading. */
  checkYourAnswersIntro: string;
  /** Link to change an answer (followed by the hidden label). */
  change: string;
  /** Review value of an unanswered optional field. */
  notProvided: string;
  /** The submit button. */
  sendApplication: string;
  /** The submit button while sending. */
  sending: string;
  /** Heading when sending failed. */
  submitFailedTitle: string;
  /** Sending failed for a reason that may pass (network, server). */
  submitFailed: string;
  /** The server asks for other answers than the form on screen: it was changed since it loaded. */
  formChanged: string;
  /** The server did not accept some answers. */
  submitRejected: string;
  /**
   * The server refused the application for a reason the applicant cannot fix (no such form, not
   * from this site): `{organisation}`. Followed by the link to the privacy notice.
   */
  submitUnavailable: string;
  /** The server asked to wait before sending again. */
  rateLimited: string;
  /**
   * Heading: this application was already stored (sent from another tab, or before a changed
   * answer); it is not stored twice.
   */
  alreadySent: string;
  /** Under {@link Translation.alreadySent}: `{organisation}` has it; changes go through them. */
  alreadySentBody: string;

  /** Heading of the confirmation. */
  confirmationTitle: string;
  /** Text of the confirmation: `{organisation}`, the name of the organisation joined. */
  confirmationBody: string;
  /** Label before the application's reference. */
  yourReference: string;

  /** Heading of the page for applicants too young to join online. */
  ineligibleTitle: string;
  /** Text of that page: `{minimumAge}`, `{organisation}`. */
  ineligibleBody: string;

  /** The device went offline; answers are kept on the device. */
  offlineNotice: string;
  /** The device went offline and drafts are off. */
  offlineNoticeNoDrafts: string;
  /** Heading when the application is saved to be sent later. */
  queuedTitle: string;
  /** Text when the application is saved to be sent later. */
  queuedBody: string;
  /** Instead of `queuedBody` when the device could not store it: it waits in the open page. */
  queuedBodyKeepOpen: string;
  /** Heading when the application is saved because the server failed while the device is online. */
  queuedRetryTitle: string;
  /** Text under `queuedRetryTitle`, before `queuedBody`: why it was not sent yet. */
  queuedRetryBody: string;
  /** A saved application was sent. */
  queuedSent: string;
  /** On a new application while an earlier one from this device still waits to be sent. */
  earlierWaiting: string;
  /** Button under the queued notice and the confirmation: another application on this device. */
  startNewApplication: string;

  /** Heading offering to resume a draft: `{when}`, how long ago, as `Intl.RelativeTimeFormat` words it ("2 hours ago"), or `momentAgo`. */
  resumeTitle: string;
  /** `{when}` in `resumeTitle` for a draft saved less than a minute ago. */
  momentAgo: string;
  /** Text under that heading. */
  resumeBody: string;
  /** Under {@link Translation.resumeBody} when the form has answers no draft keeps (identity numbers, bank details). */
  resumeNotKept: string;
  /** Button to resume the draft. */
  continueApplication: string;
  /** Button to throw the draft away and start afresh. */
  startAgain: string;
  /** Button to delete answers saved on the device. */
  deleteSavedAnswers: string;
  /** Asked before "Delete saved answers" deletes anything. */
  deleteSavedQuestion: string;
  /** The button that confirms deleting the saved answers. */
  deleteSavedYes: string;
  /** The button that keeps the saved answers. */
  deleteSavedNo: string;
  /** Saved answers were deleted. */
  savedAnswersDeleted: string;
  /** What is kept on the device and for how long: `{days}` is {@link Translation.oneDay} or {@link Translation.days}. */
  draftsNotice: string;
  /** A period of one day. */
  oneDay: string;
  /** A period of `{days}` days, 2 or more. */
  days: string;
  /** Said once when the device cannot keep answers (no IndexedDB, private mode, storage full). */
  draftsUnavailable: string;

  /** Stands in for a label that is a question in an error message: "The answer must be…". */
  theAnswer: string;
  /** Error messages by issue code (see {@link IssueMessageKey}). */
  issues: Record<IssueMessageKey, string>;
}
