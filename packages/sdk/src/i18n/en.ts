import type { Translation } from './translation.ts';

/** English, in GOV.UK's plain style. */
export const en: Translation = {
  loading: 'Loading the form…',
  loadErrorTitle: 'Sorry, the form could not be loaded',
  loadError: 'Check your internet connection and try again.',
  insecurePage:
    'This form can only be used on a secure page: the page address must start with https://.',
  formNotFound: 'This form could not be found. It may have been taken down.',
  notConfigured: 'This form is not set up yet.',
  definitionInvalidTitle: 'Sorry, there is a problem with this form',
  definitionInvalid:
    'The form is not set up correctly, so it cannot be shown. Please tell the organisation that runs this website.',
  tryAgain: 'Try again',

  stepOf: 'Step {n} of {total}',
  back: 'Back',
  continue: 'Continue',
  optional: '(optional)',
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  selectOption: 'Select an option',
  selectAllThatApply: 'Select all that apply.',
  yes: 'Yes',
  no: 'No',

  day: 'Day',
  month: 'Month',
  year: 'Year',
  dateHint: 'For example, 27 3 1990',
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  town: 'Town or city',
  postcode: 'Postcode',
  country: 'Country',
  accountHolder: 'Name on the account',
  sortCode: 'Sort code',
  sortCodeHint: 'Must be 6 digits long',
  accountNumber: 'Account number',
  accountNumberHint: 'Must be 8 digits long',

  privacyNotice: 'How we use your information',
  opensInNewTab: '(opens in new tab)',

  checkYourAnswers: 'Check your answers',
  checkYourAnswersIntro: 'Check your answers before sending your application.',
  change: 'Change',
  notProvided: 'Not provided',
  sendApplication: 'Send application',
  sending: 'Sending…',
  submitFailedTitle: 'Your application has not been sent yet',
  submitFailed:
    'We could not reach the server. Your answers are still here: try again in a few minutes.',
  formChanged:
    'This form has been changed since you opened it. Reload the page to answer the questions it asks now; answers saved on this device are kept.',
  submitRejected: 'Some of your answers were not accepted. Check them and try again.',
  submitUnavailable:
    '{organisation} is not taking applications through this form at the moment. Your answers are still here. To join, contact {organisation}: their contact details are in their privacy notice.',
  alreadySent: 'This application has already been sent, so it was not sent again',
  alreadySentBody: '{organisation} has it. To change an answer now, contact {organisation}.',
  rateLimited:
    'Too many applications have been sent from this connection. Wait a few minutes, then try again.',

  confirmationTitle: 'Application sent',
  confirmationBody: 'Thank you. {organisation} has received your application.',
  yourReference: 'Your reference number',

  ineligibleTitle: 'You cannot join online',
  ineligibleBody: 'You need to be {minimumAge} or older to join {organisation} online.',

  offlineNotice: 'You are offline. You can carry on: your answers are saved on this device.',
  offlineNoticeNoDrafts:
    'You are offline. You can carry on, but keep this page open: your answers are not saved on this device.',
  queuedTitle: 'Your application will be sent when you are back online',
  queuedBody:
    'It is saved on this device and will be sent automatically, even if you close this page and open it again later, unless this is a private window. You do not need to fill in the form again.',
  queuedBodyKeepOpen:
    'It could not be saved on this device, so keep this page open until it has been sent. You do not need to fill in the form again.',
  queuedRetryTitle: 'Your application is saved and will be sent automatically',
  queuedRetryBody: 'The server could not take your application just now.',
  queuedSent: 'Your saved application has been sent.',
  earlierWaiting:
    'An earlier application from this device is waiting to be sent. It will be sent automatically: fill in this form only for someone else.',
  startNewApplication: 'Start a new application',

  resumeTitle: 'You have an unfinished application from {when}',
  momentAgo: 'a moment ago',
  resumeBody: 'Your answers were saved on this device.',
  resumeNotKept:
    'For your security, identity numbers and bank details are not saved on the device: you will be asked for them again.',
  continueApplication: 'Continue your application',
  startAgain: 'Start again',
  deleteSavedAnswers: 'Delete saved answers',
  deleteSavedQuestion: 'Delete the answers saved on this device?',
  deleteSavedYes: 'Yes, delete them',
  deleteSavedNo: 'No, keep them',
  savedAnswersDeleted: 'Your saved answers have been deleted.',
  draftsNotice: 'Your answers are saved on this device until you send them, for up to {days}.',
  oneDay: '1 day',
  days: '{days} days',
  draftsUnavailable:
    'Your answers cannot be saved on this device, so keep this page open until you have sent your application.',

  theAnswer: 'The answer',
  issues: {
    required: 'Enter your {label}',
    'required.select': 'Select your {label}',
    'required.question': 'Answer the question',
    'required.tick': 'Tick the box to continue',
    'required.line1': 'Enter the first line of your address',
    'required.town': 'Enter your town or city',
    'required.postcode': 'Enter your postcode',
    'required.country': 'Select your country',
    'required.accountHolder': 'Enter the name on the account',
    'required.sortCode': 'Enter your sort code',
    'required.accountNumber': 'Enter your account number',
    too_long: '{Label} must be {max} characters or fewer',
    too_short: '{Label} must be {min} characters or more',
    invalid_email: 'Enter an email address in the correct format, like name@example.com',
    invalid_tel: 'Enter a phone number, like 01632 960 001 or +44 7700 900 982',
    invalid_number: '{Label} must be a number',
    too_small: '{Label} must be {min} or more',
    too_large: '{Label} must be {max} or less',
    not_integer: '{Label} must be a whole number',
    invalid_date: '{Label} must be a real date',
    'invalid_date.day': '{Label} must include a day',
    'invalid_date.month': '{Label} must include a month',
    'invalid_date.year': '{Label} must include a year',
    year_not_four_digits: 'Year must include 4 numbers',
    year_too_early: 'Year must be 1900 or later',
    date_in_future: '{Label} must be in the past',
    invalid_choice: 'Select {label} from the list',
    invalid_postcode: 'Enter a real postcode',
    invalid_personnummer:
      'Enter a real Swedish personal identity number (personnummer), with 10 or 12 digits',
    invalid_fodselsnummer:
      'Enter a real Norwegian national identity number (fødselsnummer or D number), with 11 digits',
    invalid_nino: 'Enter a National Insurance number in the correct format, like QQ 12 34 56 C',
    invalid_iban: 'Enter a real IBAN, like GB82 WEST 1234 5698 7654 32',
    invalid_sort_code: 'Enter a valid sort code, like 309430',
    invalid_account_number: 'Enter a valid account number, like 00733445',
    consent_required: 'Tick the box to give your consent',
    invalid: 'Check your {label}',
  },
};
